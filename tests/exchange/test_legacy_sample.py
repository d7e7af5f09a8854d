"""The province's real tracking sheet imports into a fresh database, every row right."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select

from cdsdesk.store.models import Agency, Plan, StatusUpdate, Task
from .xhelpers import TODAY, counts, run_import

SAMPLE = Path("/work/shared/samples/theo-doi-nhiem-vu-2024.xlsx")
if not SAMPLE.exists():  # the repository's copy when the shared folder is not there
    SAMPLE = Path(__file__).parent / "data" / "theo-doi-nhiem-vu-2024.xlsx"

D = dt.date
STTTT = "Sở Thông tin và Truyền thông"
# (title starts with, area, lead, cooperators, deadline, recurring, status, collective text)
EXPECTED = [
    ("Tuyên truyền nâng cao nhận thức", "Nhận thức số", STTTT,
     {"Báo Tuyên Quang", "Đài Phát thanh và Truyền hình tỉnh"}, None, True, "done_routine", ""),
    ("Tổ chức các hoạt động hưởng ứng Ngày Chuyển đổi số", "Nhận thức số", STTTT, set(),
     D(2024, 10, 10), False, "in_progress", "Các sở, ban, ngành; UBND các huyện, thành phố"),
    ("Vận hành trang Zalo OA", "Nhận thức số", STTTT, set(), None, True, "done_routine", ""),
    ("Ban hành Kế hoạch chuyển đổi số năm 2024", "Thể chế số", STTTT, set(), D(2024, 3, 31), False,
     "done", "Các sở, ban, ngành"),
    ("Xây dựng Quy chế quản lý, kết nối", "Thể chế số", STTTT, {"Văn phòng UBND tỉnh", "Sở Tư pháp"},
     D(2024, 6, 30), False, "in_progress", ""),
    ("Ban hành danh mục cơ sở dữ liệu dùng chung", "Thể chế số", "Văn phòng UBND tỉnh", {STTTT},
     D(2024, 9, 30), False, "not_started", ""),
    ("Phát triển hạ tầng cáp quang", "Hạ tầng số", STTTT, {"Viettel Tuyên Quang", "VNPT Tuyên Quang"},
     D(2024, 12, 31), False, "in_progress", ""),
    ("Nâng cấp Trung tâm tích hợp dữ liệu", "Hạ tầng số", STTTT, {"Sở Tài chính"}, D(2024, 12, 31), False,
     "in_progress", ""),
    ("Xóa vùng lõm sóng di động", "Hạ tầng số", STTTT, set(), D(2024, 12, 31), False, "in_progress",
     "Các doanh nghiệp viễn thông"),
    ("Tập huấn kỹ năng số", "Nhân lực số", "Sở Nội vụ", {STTTT}, D(2024, 9, 30), False, "in_progress", ""),
    ("Kiện toàn Tổ công nghệ số cộng đồng", "Nhân lực số", None, {STTTT}, D(2024, 3, 31), False, "done",
     "UBND các huyện, thành phố"),
    ("Triển khai giám sát an toàn thông tin", "An toàn, an ninh mạng", STTTT, {"Công an tỉnh"}, None, True,
     "done_routine", ""),
    ("Diễn tập ứng cứu sự cố", "An toàn, an ninh mạng", STTTT, {"Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh"},
     D(2024, 11, 15), False, "not_started", ""),
    ("Cung cấp dịch vụ công trực tuyến toàn trình", "Chính quyền số", "Văn phòng UBND tỉnh", set(),
     D(2024, 6, 30), False, "in_progress", "Các sở, ban, ngành"),
    ("Số hóa hồ sơ, kết quả giải quyết", "Chính quyền số", "Văn phòng UBND tỉnh", set(), D(2024, 12, 31),
     False, "in_progress", "Các sở, ban, ngành; UBND các huyện, thành phố"),
    ("Kết nối, chia sẻ dữ liệu với Cơ sở dữ liệu quốc gia", "Chính quyền số", "Công an tỉnh", {STTTT},
     D(2024, 6, 30), False, "done", ""),
    ("Hỗ trợ doanh nghiệp nhỏ và vừa", "Kinh tế số", "Sở Kế hoạch và Đầu tư", {STTTT}, D(2024, 12, 31),
     False, "in_progress", ""),
    ("Đưa sản phẩm OCOP lên sàn", "Kinh tế số", "Sở Công Thương", {"Sở Nông nghiệp và Phát triển nông thôn"},
     D(2024, 12, 31), False, "in_progress", ""),
    ("Thanh toán không dùng tiền mặt", "Xã hội số", "Ngân hàng Nhà nước chi nhánh tỉnh",
     {"Sở Y tế", "Sở Giáo dục và Đào tạo"}, D(2024, 12, 31), False, "in_progress", ""),
    ("Triển khai sổ sức khỏe điện tử", "Xã hội số", "Sở Y tế", {"Công an tỉnh"}, D(2024, 9, 30), False,
     "blocked", ""),
]


@pytest.fixture
def imported(db):
    fp = run_import(db, SAMPLE, params={"plan": "KH2024"})
    assert fp.outcome.value == "applied", [e.text() for e in fp.errors]
    return fp


def test_legacy_sample_every_row(db, imported):
    with db.session() as s:
        tasks = list(s.scalars(select(Task).order_by(Task.code)))
        assert len(tasks) == len(EXPECTED) == 20
        for task, (title, area, lead, coops, deadline, recurring, status, collective) in zip(tasks, EXPECTED):
            where = f"{task.code} {task.title}"
            assert task.title.startswith(title), where
            assert task.area is not None and task.area.name == area, where
            assert (task.lead_agency.name if task.lead_agency else None) == lead, where
            assert {a.name for a in task.cooperators} == coops, where
            assert task.deadline == deadline, where
            assert task.recurring is recurring, where
            assert task.status == status, where
            assert task.plan.code == "KH2024" and task.plan.year == 2024
            if collective:
                assert collective in task.description, where
            else:
                assert "Cơ quan" not in task.description, where


def test_legacy_sample_counts_match_the_sheet(db, imported):
    c = counts(db)
    assert c["by_status"] == {"blocked": 1, "done": 3, "done_routine": 3, "in_progress": 11, "not_started": 2}
    summary = imported.summary()
    # 20 tasks, 8 areas, a plan and 17 distinct named agencies, all new in a fresh database.
    assert summary.created == 20 + 8 + 1 + 17 and summary.errors == 0
    with db.session() as s:
        assert s.scalar(select(Plan).where(Plan.code == "KH2024")).name == "Kế hoạch chuyển đổi số năm 2024"
        named = {e[2] for e in EXPECTED} | {c for e in EXPECTED for c in e[3]}
        assert set(s.scalars(select(Agency.name))) == named - {None}  # collective names are no agency
        kinds = {n: k for n, k in s.execute(select(Agency.name, Agency.kind))}
        assert kinds["Viettel Tuyên Quang"] == "enterprise" and kinds[STTTT] == "department"


def test_legacy_sample_results_and_notes_become_history(db, imported):
    with db.session() as s:
        t = s.scalar(select(Task).where(Task.title.like("Xây dựng Quy chế%")))
        (entry,) = s.scalars(select(StatusUpdate).where(StatusUpdate.task_id == t.id))
        assert entry.note == "Đang lấy ý kiến các sở, ngành\nGhi chú: Chậm so với kế hoạch"
        assert entry.reporter == STTTT and entry.entry_date == TODAY
        assert entry.source == "import:theo-doi-nhiem-vu-2024.xlsx" and entry.batch_id == imported.batch_id
        # A not-started task with a note still keeps the note.
        t = s.scalar(select(Task).where(Task.title.like("Ban hành danh mục%")))
        assert [e.note for e in t.history] == ["Ghi chú: Chờ hướng dẫn của Bộ TT&TT"]


def test_legacy_sample_reimport_and_undo(db, imported):
    again = run_import(db, SAMPLE, params={"plan": "KH2024"})
    assert again.outcome.value == "duplicate" and again.previous_batch_id == imported.batch_id
    from cdsdesk.exchange.importer import undo

    undo(db, imported.batch_id)
    assert counts(db)["tasks"] == 0 and counts(db)["history"] == 0


def test_legacy_sample_skipped_lines_are_listed(imported):
    assert [m.text() for m in imported.notices] == [
        "Tổng hợp 6 tháng!9: dòng đánh số cột (1), (2)…, bỏ qua"
    ]


def test_legacy_sample_dry_run_changes_nothing(db):
    from .xhelpers import snapshot

    before = snapshot(db)
    fp = run_import(db, SAMPLE, dry_run=True)
    assert fp.outcome.value == "dry_run" and fp.summary().created == 20 + 8 + 17
    assert snapshot(db) == before


def test_legacy_sample_uses_the_areas_init_seeded(db):
    from cdsdesk.services.reference import ensure_reference_data
    from cdsdesk.store.models import Area

    with db.session() as s:
        ensure_reference_data(s)
        seeded = {a.code: a.id for a in s.scalars(select(Area))}
    fp = run_import(db, SAMPLE)
    assert fp.outcome.value == "applied" and not [r for r in fp.rows if r.entity == "area"]
    with db.session() as s:
        assert len(seeded) == 8 and s.scalar(select(func.count()).select_from(Area)) == 8
        got = {t.title[:20]: t.area_id for t in s.scalars(select(Task))}
        assert got["Triển khai giám sát "] == seeded["ATTT"] and got["Tập huấn kỹ năng số "] == seeded["NLS"]
