"""The review report as plain data: one model that every renderer (docx, pdf, xlsx, csv) reads,
so the numbers in every format come from the same place."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..domain.numbers import format_number, format_percent
from ..domain.periods import DateWindow
from ..domain.status import TargetClass, TaskStatus


@dataclass(frozen=True)
class StatusCounts:
    """Tasks by status as of a date; ``overdue`` overlaps the stored statuses (derived)."""

    total: int = 0
    done: int = 0
    done_routine: int = 0
    in_progress: int = 0
    not_started: int = 0
    blocked: int = 0
    overdue: int = 0

    @property
    def completed(self) -> int:
        return self.done + self.done_routine

    @property
    def completion_rate(self) -> float | None:
        """Share of completed tasks in percent; None without tasks."""
        return 100.0 * self.completed / self.total if self.total else None

    @classmethod
    def from_dict(cls, d: dict[str, int]) -> "StatusCounts":
        return cls(**{k: int(d.get(k, 0)) for k in cls.__dataclass_fields__})

    def as_dict(self) -> dict[str, int]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


def counts_sentence(c: StatusCounts) -> str:
    """The counts in the words the committee's reports use (seed 001):
    "Tổng số 73 nhiệm vụ, trong đó: hoàn thành và thực hiện thường xuyên 32 nhiệm vụ; đang triển
    khai 38 nhiệm vụ; chưa triển khai 3 nhiệm vụ". Empty groups are left out."""
    parts = []
    if c.completed:
        parts.append(f"hoàn thành và thực hiện thường xuyên {format_number(c.completed)} nhiệm vụ")
    if c.in_progress:
        parts.append(f"đang triển khai {format_number(c.in_progress)} nhiệm vụ")
    if c.not_started:
        parts.append(f"chưa triển khai {format_number(c.not_started)} nhiệm vụ")
    if c.blocked:
        parts.append(f"đang chờ hướng dẫn, vướng mắc {format_number(c.blocked)} nhiệm vụ")
    head = f"Tổng số {format_number(c.total)} nhiệm vụ"
    return head + (", trong đó: " + "; ".join(parts) if parts else "")


@dataclass(frozen=True)
class Ref:
    """A plan or an agency named in the report's scope."""

    code: str
    name: str


@dataclass(frozen=True)
class GroupCounts:
    """Counts for one plan or one agency (the rows of the summary tables and charts)."""

    code: str
    name: str
    counts: StatusCounts


@dataclass(frozen=True)
class TaskLine:
    """A task as it stood on the as-of date."""

    code: str
    title: str
    agency: str  # lead agency name
    agency_code: str
    plan: str  # plan code
    deadline: dt.date | None
    status: TaskStatus
    overdue: bool
    progress: int
    last_update: dt.date | None  # date of the last status entry up to the as-of date
    last_note: str  # the last non-empty note up to the as-of date
    recurring: bool = False
    expected_product: str = ""

    @property
    def status_label(self) -> str:
        label = self.status.label_vi
        return f"{label} (quá hạn)" if self.overdue else label


@dataclass(frozen=True)
class IndicatorLine:
    code: str
    name: str
    unit: str
    value_type: str
    value: float | None
    period: str | None  # code of the period the value belongs to
    previous_value: float | None
    previous_period: str | None
    target_value: float | None
    target_date: dt.date | None
    klass: TargetClass | None

    def fmt(self, v: float | None) -> str:
        if v is None:
            return ""
        if self.value_type == "percent" or self.unit == "%":
            return format_percent(v)
        return format_number(round(v, 2))

    @property
    def class_label(self) -> str:
        return self.klass.label_vi if self.klass else "Chưa đánh giá"


@dataclass(frozen=True)
class Submission:
    """Whether an agency sent its update for the period (see ``build`` for the rule)."""

    agency_code: str
    agency: str
    sent: bool
    via: str  # "biểu mẫu 10/7/2024", "cập nhật 3 nhiệm vụ", ""
    last_date: dt.date | None


@dataclass(frozen=True)
class AgencyTasks:
    agency_code: str
    agency: str
    tasks: list[TaskLine]


@dataclass(frozen=True)
class ReportSettings:
    """The letterhead and signature, stored in the ``settings`` table and edited once."""

    province: str = "Tuyên Quang"
    parent_body: str = "UBND TỈNH TUYÊN QUANG"
    issuing_body: str = "BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ"
    number: str = ""  # the "…" of "Số: …/BC-BCĐ"; empty leaves dots to fill in by hand
    number_suffix: str = "BC-BCĐ"
    place: str = ""  # defaults to the province
    signer_authority: str = "TM. BAN CHỈ ĐẠO"  # TM./KT. line above the title
    signer_title: str = "TRƯỞNG BAN"
    signer_name: str = ""
    recipients: tuple[str, ...] = (
        "Ban Chỉ đạo chuyển đổi số quốc gia (b/c);",
        "Thường trực Tỉnh ủy (b/c);",
        "Chủ tịch, các Phó Chủ tịch UBND tỉnh;",
        "Các thành viên Ban Chỉ đạo;",
        "Các sở, ban, ngành; UBND các huyện, thành phố;",
        "Lưu: VT.",
    )
    template_path: str = ""  # a .docx whose first page letterhead and styles the report uses

    @property
    def place_name(self) -> str:
        return self.place or self.province

    @property
    def number_line(self) -> str:
        return f"Số: {self.number or '…'}/{self.number_suffix}"


@dataclass
class Report:
    window: DateWindow
    period_code: str | None
    as_of: dt.date
    issued_on: dt.date
    settings: ReportSettings
    plan: Ref | None
    agency: Ref | None
    counts: StatusCounts
    previous_as_of: dt.date
    previous_counts: StatusCounts
    by_plan: list[GroupCounts]
    by_agency: list[GroupCounts]
    attention: list[TaskLine]  # overdue or blocked, with their last notes
    next_window: DateWindow
    upcoming: list[TaskLine]  # deadlines in the coming period, not completed
    indicators: list[IndicatorLine]
    submissions: list[Submission]
    appendix: list[AgencyTasks]
    #: Series per indicator for charts: code → [(period code, value)]
    indicator_series: dict[str, list[tuple[str, float]]] = field(default_factory=dict)

    # --- texts shared by every renderer -----------------------------------------------------
    @property
    def title(self) -> str:
        return "BÁO CÁO"

    @property
    def subject(self) -> str:
        label = self.window.label or (
            f"từ {self.window.start:%d/%m/%Y} đến {self.window.end:%d/%m/%Y}"
        )
        scope = ""
        if self.plan:
            scope += f" – {self.plan.name}"
        if self.agency:
            scope += f" – {self.agency.name}"
        return f"Kết quả thực hiện nhiệm vụ chuyển đổi số {_lower_first(label)}{scope}"

    @property
    def summary_sentence(self) -> str:
        return counts_sentence(self.counts)

    @property
    def rate_change(self) -> float | None:
        """Change of the completion rate since the previous period, in percentage points."""
        a, b = self.counts.completion_rate, self.previous_counts.completion_rate
        return None if a is None or b is None else a - b

    def rate_sentence(self) -> str:
        rate = self.counts.completion_rate
        if rate is None:
            return "Chưa có nhiệm vụ trong phạm vi báo cáo."
        s = f"Tỷ lệ hoàn thành đạt {format_percent(rate)}"
        prev = self.previous_counts.completion_rate
        if prev is not None:
            change = self.rate_change or 0.0
            if abs(change) < 0.05:
                trend = "không thay đổi"
            else:
                word = "tăng" if change > 0 else "giảm"
                trend = f"{word} {format_number(round(abs(change), 1))} điểm phần trăm"
            s += f" ({trend} so với ngày {self.previous_as_of.day}/{self.previous_as_of.month}/{self.previous_as_of.year}: {format_percent(prev)})"
        s += "."
        if self.counts.overdue:
            s += f" Có {format_number(self.counts.overdue)} nhiệm vụ quá hạn chưa hoàn thành."
        return s

    def indicator_sentence(self) -> str:
        n = len(self.indicators)
        if not n:
            return "Chưa có chỉ tiêu trong phạm vi báo cáo."
        by = {k: sum(1 for i in self.indicators if i.klass is k) for k in TargetClass}
        parts = [f"{k.label_vi.lower()} {by[k]} chỉ tiêu" for k in TargetClass if by[k]]
        none = sum(1 for i in self.indicators if i.klass is None)
        if none:
            parts.append(f"chưa đủ số liệu đánh giá {none} chỉ tiêu")
        return f"Tổng số {n} chỉ tiêu, trong đó: " + "; ".join(parts) + "."

    def submission_sentence(self) -> str:
        sent = [s for s in self.submissions if s.sent]
        missing = [s for s in self.submissions if not s.sent]
        s = f"Có {len(sent)}/{len(self.submissions)} cơ quan, đơn vị đã gửi báo cáo cập nhật kỳ này"
        if missing:
            s += "; chưa gửi: " + ", ".join(m.agency for m in missing)
        return s + "."

    @property
    def sent_count(self) -> int:
        return sum(1 for s in self.submissions if s.sent)


def _lower_first(s: str) -> str:
    return s[:1].lower() + s[1:] if s else s
