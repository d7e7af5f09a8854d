"""A hand-built report: the renderers are tested against known numbers and hostile text."""

from __future__ import annotations

import datetime as dt

from cdsdesk.domain.periods import Period
from cdsdesk.domain.status import TargetClass, TaskStatus
from cdsdesk.reports.model import (
    AgencyTasks,
    GroupCounts,
    IndicatorLine,
    Report,
    ReportSettings,
    StatusCounts,
    Submission,
    TaskLine,
)

HOSTILE = "=HYPERLINK(\"http://x\",\"bấm\")"


def _task(code, title, agency, status, *, deadline=None, overdue=False, note="", progress=0):  # noqa: ANN001, ANN202
    return TaskLine(
        code=code, title=title, agency=agency, agency_code=agency[:3], plan="DA06-2024",
        deadline=deadline, status=status, overdue=overdue, progress=progress,
        last_update=dt.date(2024, 6, 20), last_note=note,
    )


def sample_report(**overrides) -> Report:  # noqa: ANN003
    counts = StatusCounts(total=73, done=12, done_routine=20, in_progress=38, not_started=3, blocked=0, overdue=4)
    prev = StatusCounts(total=70, done=8, done_routine=12, in_progress=45, not_started=5, blocked=0, overdue=2)
    t1 = _task("DA06-01", "Số hóa hồ sơ hộ tịch <b>&</b> dữ liệu", "Sở Tư pháp", TaskStatus.IN_PROGRESS,
               deadline=dt.date(2024, 5, 31), overdue=True, note="Chờ kinh phí; -5 ngày so với kế hoạch", progress=60)
    t2 = _task("DA06-02", HOSTILE, "Công an tỉnh", TaskStatus.BLOCKED, deadline=dt.date(2024, 9, 30),
               note="@Chờ hướng dẫn của Bộ Công an", progress=10)
    t3 = _task("DA06-03", "+Triển khai thanh toán không dùng tiền mặt", "Sở Y tế", TaskStatus.DONE_ROUTINE, progress=100)
    t4 = _task("DA06-04", "-Cấp chữ ký số cho người dân", "Sở Thông tin và Truyền thông", TaskStatus.NOT_STARTED,
               deadline=dt.date(2024, 8, 15))
    report = Report(
        window=Period.parse("2024S1").window,
        period_code="2024S1",
        as_of=dt.date(2024, 6, 30),
        issued_on=dt.date(2024, 7, 10),
        settings=ReportSettings(number="125", signer_name="Nguyễn Văn Sơn", signer_authority="TM. BAN CHỈ ĐẠO",
                                signer_title="TRƯỞNG BAN"),
        plan=None,
        agency=None,
        counts=counts,
        previous_as_of=dt.date(2023, 12, 31),
        previous_counts=prev,
        by_plan=[GroupCounts("DA06-2024", "Đề án 06 năm 2024", counts)],
        by_agency=[
            GroupCounts("CA", "Công an tỉnh", StatusCounts(total=30, done=5, done_routine=10, in_progress=15, overdue=1)),
            GroupCounts("STP", "Sở Tư pháp", StatusCounts(total=43, done=7, done_routine=10, in_progress=23, not_started=3, overdue=3)),
        ],
        attention=[t1, t2],
        next_window=Period.parse("2024S2").window,
        upcoming=[t4, t2],
        indicators=[
            IndicatorLine("DVC-TT", "Tỷ lệ hồ sơ giải quyết trực tuyến toàn trình", "%", "percent", 42.0, "2024S1",
                          17.0, "2023S2", 50.0, dt.date(2025, 12, 31), TargetClass.LIKELY),
            IndicatorLine("CSDL", "Số cơ sở dữ liệu chuyên ngành", "cơ sở dữ liệu", "count", 2087.0, "2024S1",
                          1280.0, "2023S2", 2000.0, dt.date(2025, 12, 31), TargetClass.ACHIEVED),
            IndicatorLine("TTKDTM", "Tỷ lệ người trưởng thành có tài khoản thanh toán", "%", "percent", 61.5, "2024S1",
                          None, None, 80.0, dt.date(2024, 12, 31), TargetClass.NEEDS_EFFORT),
        ],
        submissions=[
            Submission("CA", "Công an tỉnh", True, "Biểu mẫu 5/7/2024", dt.date(2024, 7, 5)),
            Submission("STP", "Sở Tư pháp", False, "", None),
        ],
        appendix=[
            AgencyTasks("CA", "Công an tỉnh", [t2]),
            AgencyTasks("STP", "Sở Tư pháp", [t1, t3, t4]),
        ],
    )
    for k, v in overrides.items():
        setattr(report, k, v)
    return report
