"""Task statuses and target classes, with their Vietnamese and English labels."""

from __future__ import annotations

import enum


class TaskStatus(str, enum.Enum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DONE_ROUTINE = "done_routine"
    BLOCKED = "blocked"

    @property
    def label_vi(self) -> str:
        return STATUS_LABELS_VI[self]

    @property
    def label_en(self) -> str:
        return STATUS_LABELS_EN[self]

    @property
    def is_completed(self) -> bool:
        return self in (TaskStatus.DONE, TaskStatus.DONE_ROUTINE)

    def label(self, lang: str = "vi") -> str:
        return self.label_en if lang == "en" else self.label_vi


STATUS_LABELS_VI: dict[TaskStatus, str] = {
    TaskStatus.NOT_STARTED: "Chưa triển khai",
    TaskStatus.IN_PROGRESS: "Đang triển khai",
    TaskStatus.DONE: "Hoàn thành",
    TaskStatus.DONE_ROUTINE: "Hoàn thành, thực hiện thường xuyên",
    TaskStatus.BLOCKED: "Chờ hướng dẫn / vướng mắc",
}
STATUS_LABELS_EN: dict[TaskStatus, str] = {
    TaskStatus.NOT_STARTED: "Not started",
    TaskStatus.IN_PROGRESS: "In progress",
    TaskStatus.DONE: "Completed",
    TaskStatus.DONE_ROUTINE: "Completed, carried out routinely",
    TaskStatus.BLOCKED: "Blocked, waiting for guidance",
}

# Derived, never stored.
OVERDUE_LABEL_VI = "Quá hạn"
OVERDUE_LABEL_EN = "Overdue"
COMPLETED_LATE_LABEL_VI = "Hoàn thành chậm"
COMPLETED_LATE_LABEL_EN = "Completed late"

#: Every key a count-by-status carries, in display order.
COUNT_KEYS: tuple[str, ...] = (
    "total",
    "done",
    "done_routine",
    "in_progress",
    "not_started",
    "blocked",
    "overdue",
)
COMPLETED = (TaskStatus.DONE.value, TaskStatus.DONE_ROUTINE.value)


class TargetClass(str, enum.Enum):
    ACHIEVED = "achieved"
    LIKELY = "likely"
    NEEDS_EFFORT = "needs_effort"

    @property
    def label_vi(self) -> str:
        return {
            TargetClass.ACHIEVED: "Đã hoàn thành",
            TargetClass.LIKELY: "Khả năng hoàn thành cao",
            TargetClass.NEEDS_EFFORT: "Cần nỗ lực tập trung",
        }[self]

    @property
    def label_en(self) -> str:
        return {
            TargetClass.ACHIEVED: "Achieved",
            TargetClass.LIKELY: "Highly likely",
            TargetClass.NEEDS_EFFORT: "Needs focused effort",
        }[self]

    def label(self, lang: str = "vi") -> str:
        return self.label_en if lang == "en" else self.label_vi


class AgencyKind(str, enum.Enum):
    PROVINCE = "province"
    DEPARTMENT = "department"
    DISTRICT = "district"
    COMMUNE = "commune"
    MINISTRY = "ministry"
    ENTERPRISE = "enterprise"

    @property
    def label_vi(self) -> str:
        return {
            AgencyKind.PROVINCE: "Tỉnh",
            AgencyKind.DEPARTMENT: "Sở, ban, ngành",
            AgencyKind.DISTRICT: "Huyện, thành phố",
            AgencyKind.COMMUNE: "Xã, phường, thị trấn",
            AgencyKind.MINISTRY: "Bộ, ngành Trung ương",
            AgencyKind.ENTERPRISE: "Doanh nghiệp",
        }[self]

    @property
    def label_en(self) -> str:
        return {
            AgencyKind.PROVINCE: "Province",
            AgencyKind.DEPARTMENT: "Department, agency",
            AgencyKind.DISTRICT: "District, city",
            AgencyKind.COMMUNE: "Commune, ward, town",
            AgencyKind.MINISTRY: "Central ministry, agency",
            AgencyKind.ENTERPRISE: "Enterprise",
        }[self]

    def label(self, lang: str = "vi") -> str:
        return self.label_en if lang == "en" else self.label_vi


class MeetingKind(str, enum.Enum):
    """The committee's meetings: every quarter, the six-month and the year review, and the others."""

    QUARTERLY = "quarterly"
    SIX_MONTH = "six_month"
    YEARLY = "yearly"
    AD_HOC = "ad_hoc"

    @property
    def label_vi(self) -> str:
        return {
            MeetingKind.QUARTERLY: "Họp định kỳ quý",
            MeetingKind.SIX_MONTH: "Sơ kết 6 tháng",
            MeetingKind.YEARLY: "Tổng kết năm",
            MeetingKind.AD_HOC: "Họp chuyên đề, đột xuất",
        }[self]

    @property
    def label_en(self) -> str:
        return {
            MeetingKind.QUARTERLY: "Quarterly meeting",
            MeetingKind.SIX_MONTH: "Six-month review",
            MeetingKind.YEARLY: "Year-end review",
            MeetingKind.AD_HOC: "Thematic or ad hoc meeting",
        }[self]

    def label(self, lang: str = "vi") -> str:
        return self.label_en if lang == "en" else self.label_vi


class ValueType(str, enum.Enum):
    PERCENT = "percent"
    NUMBER = "number"
    COUNT = "count"


class Direction(str, enum.Enum):
    HIGHER = "higher"
    LOWER = "lower"


class Aggregation(str, enum.Enum):
    """How an indicator's values of several agencies add up to the province's."""

    SUM = "sum"
    MEAN = "mean"
    MAX = "max"
    MIN = "min"
    NONE = "none"  # not additive: only the province's own value counts


class Priority(str, enum.Enum):
    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    URGENT = "urgent"


def parse_status(text: str) -> TaskStatus:
    """A status from its key or its Vietnamese/English label (case, diacritics ignored)."""
    from .text import fold

    t = fold(text)
    for s in TaskStatus:
        if t in (s.value, fold(s.label_vi), fold(s.label_en)):
            return s
    raise ValueError(text)
