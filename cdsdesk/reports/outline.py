"""The body of the report as a list of blocks (headings, paragraphs, tables, charts) that the
docx and pdf renderers both walk, so both documents say the same thing in the same order."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..domain.numbers import format_date, format_number, format_percent
from .model import GroupCounts, Report, TaskLine


@dataclass(frozen=True)
class Heading:
    text: str
    level: int  # 1: "I. …" (bold caps), 2: "1. …" (bold), 3: "a) …" (italic)


@dataclass(frozen=True)
class Para:
    text: str
    italic: bool = False
    bold: bool = False


@dataclass(frozen=True)
class Table:
    headers: list[str]
    rows: list[list[str]]
    widths: list[float]  # relative column widths, summing to about 1
    #: Indexes of rows that are group captions (one cell spanning the row, bold).
    group_rows: frozenset[int] = field(default_factory=frozenset)
    numeric: frozenset[int] = field(default_factory=frozenset)  # right-aligned columns
    small: bool = False  # 11 pt instead of 12 pt for wide appendix tables


@dataclass(frozen=True)
class Chart:
    kind: str  # status_by_agency | completion_by_plan | indicator_series | agency_comparison
    data: dict
    caption: str


@dataclass(frozen=True)
class Signature:
    """Where the body ends: "Nơi nhận" and the signature, then the appendix on a new page."""


Block = Heading | Para | Table | Chart | Signature

_COUNT_HEADERS = ["Tổng số", "Hoàn thành", "Đang triển khai", "Chưa triển khai", "Vướng mắc", "Quá hạn", "Tỷ lệ hoàn thành"]


def _count_cells(g: GroupCounts) -> list[str]:
    c = g.counts
    return [
        format_number(c.total),
        format_number(c.completed),
        format_number(c.in_progress),
        format_number(c.not_started),
        format_number(c.blocked),
        format_number(c.overdue),
        format_percent(c.completion_rate) if c.completion_rate is not None else "",
    ]


def _counts_table(first: str, groups: list[GroupCounts]) -> Table:
    rows = [[str(i), g.name, *_count_cells(g)] for i, g in enumerate(groups, 1)]
    return Table(
        ["TT", first, *_COUNT_HEADERS],
        rows,
        [0.06, 0.27, 0.08, 0.09, 0.10, 0.10, 0.10, 0.08, 0.12],
        numeric=frozenset(range(2, 9)),
    )


def _task_rows(tasks: list[TaskLine], *, note: bool) -> list[list[str]]:
    rows = []
    for i, t in enumerate(tasks, 1):
        row = [str(i), t.title, t.agency, "Thường xuyên" if t.recurring and not t.deadline else format_date(t.deadline), t.status_label]
        if note:
            row.append(t.last_note)
        rows.append(row)
    return rows


#: The plan chart draws at most this many plans (the image grows with them up to a page).
MAX_CHART_PLANS = 20


def chart_specs(report: Report) -> list[Chart]:
    """The report's charts, with data in the fields of ``cdsdesk.ui.charts.data`` (plain dicts,
    so nothing here imports the chart package)."""
    charts: list[Chart] = []
    subtitle = f"Tính đến {format_date(report.as_of)}"
    if len(report.by_plan) > 1:
        # Newest first (the order of the table); past MAX_CHART_PLANS the older ones are named.
        shown, rest = report.by_plan[:MAX_CHART_PLANS], report.by_plan[MAX_CHART_PLANS:]
        charts.append(
            Chart(
                "completion_by_plan",
                {
                    "plans": [g.name for g in shown],
                    "completed": [g.counts.completed for g in shown],
                    "total": [g.counts.total for g in shown],
                    "title": "Tỷ lệ hoàn thành theo kế hoạch",
                    "subtitle": subtitle + (f" – {len(rest)} kế hoạch cũ hơn không hiển thị, xem bảng trên"
                                            if rest else ""),
                },
                "Biểu đồ 1. Tỷ lệ hoàn thành nhiệm vụ theo kế hoạch, đề án",
            )
        )
    if len(report.by_agency) > 1:
        top = sorted(report.by_agency, key=lambda g: -g.counts.total)[:12]
        keys = ("done", "done_routine", "in_progress", "not_started", "blocked")
        charts.append(
            Chart(
                "status_by_agency",
                {
                    "agencies": [g.name for g in top],
                    "counts": {k: [getattr(g.counts, k) for g in top] for k in keys},
                    "overdue": [g.counts.overdue for g in top],
                    "title": "Nhiệm vụ theo cơ quan chủ trì",
                    "subtitle": subtitle + (f" – {len(top)}/{len(report.by_agency)} cơ quan nhiều nhiệm vụ nhất"
                                            if len(top) < len(report.by_agency) else ""),
                },
                f"Biểu đồ {2 if len(report.by_plan) > 1 else 1}. Tình trạng nhiệm vụ theo cơ quan chủ trì",
            )
        )
    return charts


def build_outline(report: Report) -> list[Block]:
    r = report
    out: list[Block] = []
    charts = {c.kind: c for c in chart_specs(r)}

    out.append(Heading("I. TÌNH HÌNH THỰC HIỆN NHIỆM VỤ", 1))
    out.append(Heading("1. Kết quả chung", 2))
    out.append(Para(f"Tính đến {_long(r.as_of)}: {r.summary_sentence}."))
    out.append(Para(r.rate_sentence()))
    if len(r.by_plan) > 1 or (r.by_plan and not r.plan):
        out.append(Para("Kết quả theo từng kế hoạch, đề án:"))
        out.append(_counts_table("Kế hoạch, đề án", r.by_plan))
    if "completion_by_plan" in charts:
        out.append(charts["completion_by_plan"])

    out.append(Heading("2. Kết quả theo cơ quan chủ trì", 2))
    if r.by_agency:
        out.append(_counts_table("Cơ quan chủ trì", r.by_agency))
        if "status_by_agency" in charts:
            out.append(charts["status_by_agency"])
    else:
        out.append(Para("Không có nhiệm vụ."))

    out.append(Heading("3. Nhiệm vụ quá hạn, vướng mắc", 2))
    if r.attention:
        out.append(Para(f"Có {len(r.attention)} nhiệm vụ quá hạn hoặc đang vướng mắc; nguyên nhân theo báo cáo gần nhất của cơ quan chủ trì:"))
        out.append(
            Table(
                ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn", "Tình trạng", "Ghi chú gần nhất"],
                _task_rows(r.attention, note=True),
                [0.06, 0.28, 0.16, 0.14, 0.14, 0.22],
                small=True,
            )
        )
    else:
        out.append(Para("Không có nhiệm vụ quá hạn hoặc vướng mắc."))

    out.append(Heading("II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", 1))
    out.append(Para(r.indicator_sentence()))
    if r.indicators:
        rows = [
            [
                str(i),
                f"{x.name}",
                x.unit,
                x.fmt(x.previous_value),
                x.fmt(x.value),
                x.fmt(x.target_value) + (f" ({x.target_date.year})" if x.target_date else ""),
                x.class_label,
            ]
            for i, x in enumerate(r.indicators, 1)
        ]
        out.append(
            Table(
                ["TT", "Chỉ tiêu", "Đơn vị", "Kỳ trước", "Kỳ này", "Mục tiêu", "Đánh giá"],
                rows,
                [0.06, 0.33, 0.09, 0.11, 0.11, 0.13, 0.17],
                numeric=frozenset({3, 4, 5}),
                small=True,
            )
        )

    out.append(Heading("III. TÌNH HÌNH GỬI BÁO CÁO CỦA CÁC CƠ QUAN, ĐƠN VỊ", 1))
    out.append(Para(r.submission_sentence()))
    if r.submissions:
        out.append(
            Table(
                ["TT", "Cơ quan, đơn vị", "Đã gửi", "Hình thức", "Ngày gần nhất"],
                [
                    [str(i), s.agency, "Đã gửi" if s.sent else "Chưa gửi", s.via, format_date(s.last_date)]
                    for i, s in enumerate(r.submissions, 1)
                ],
                [0.06, 0.40, 0.13, 0.25, 0.16],
                small=True,
            )
        )

    out.append(Heading("IV. NHIỆM VỤ TRỌNG TÂM KỲ TỚI", 1))
    nw = r.next_window
    out.append(
        Para(
            f"Các nhiệm vụ đến hạn từ ngày {format_date(nw.start)} đến ngày {format_date(nw.end)}"
            f" ({len(r.upcoming)} nhiệm vụ); đề nghị các cơ quan chủ trì tập trung hoàn thành đúng thời hạn:"
            if r.upcoming
            else f"Không có nhiệm vụ đến hạn từ ngày {format_date(nw.start)} đến ngày {format_date(nw.end)}."
        )
    )
    if r.upcoming:
        out.append(
            Table(
                ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn", "Tình trạng"],
                _task_rows(r.upcoming, note=False),
                [0.06, 0.42, 0.21, 0.14, 0.17],
                small=True,
            )
        )

    # The appendix: every task, grouped by lead agency.
    out.append(Signature())
    out.append(Heading("PHỤ LỤC", 0))
    out.append(Para(f"Danh mục nhiệm vụ theo cơ quan chủ trì (tình trạng tính đến {_long(r.as_of)})", italic=True))
    rows: list[list[str]] = []
    groups: set[int] = set()
    for gi, grp in enumerate(r.appendix, 1):
        groups.add(len(rows))
        rows.append([_roman(gi), f"{grp.agency} ({len(grp.tasks)} nhiệm vụ)", "", "", "", ""])
        for i, t in enumerate(grp.tasks, 1):
            rows.append(
                [
                    str(i),
                    t.title,
                    t.code,
                    "Thường xuyên" if t.recurring and not t.deadline else format_date(t.deadline),
                    t.status_label,
                    f"{t.progress}%",
                ]
            )
    out.append(
        Table(
            ["TT", "Nhiệm vụ", "Mã", "Thời hạn", "Tình trạng", "Tiến độ"],
            rows,
            [0.07, 0.40, 0.13, 0.14, 0.17, 0.09],
            group_rows=frozenset(groups),
            numeric=frozenset({5}),
            small=True,
        )
    )
    return out


def _long(d) -> str:  # noqa: ANN001
    from ..domain.numbers import format_date_long

    return format_date_long(d)


def _roman(n: int) -> str:
    vals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for v, s in vals:
        while n >= v:
            out += s
            n -= v
    return out
