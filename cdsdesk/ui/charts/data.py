"""What each chart draws, as plain data: the views and the reports fill these, the chart code
only draws them. No Qt here, so a report can build the data before any QApplication exists.

Every class also accepts a plain mapping (``coerce(kind, {...})``) with the same field names, so
a caller need not import these classes at all.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Mapping

from ...domain.numbers import format_date
from ...domain.periods import Period
from ...domain.status import TaskStatus

#: Stacking order of the status bars (completed first, then work under way, then the rest).
STATUS_ORDER: tuple[str, ...] = (
    TaskStatus.DONE.value,
    TaskStatus.DONE_ROUTINE.value,
    TaskStatus.IN_PROGRESS.value,
    TaskStatus.NOT_STARTED.value,
    TaskStatus.BLOCKED.value,
)


@dataclass
class StatusByAgency:
    """Tasks of each lead agency, stacked by status."""

    agencies: list[str]
    #: status key (``done``, ``in_progress`` …) → one count per agency, in ``agencies`` order.
    counts: dict[str, list[int]]
    #: Optional: overdue tasks per agency, written after each bar.
    overdue: list[int] | None = None
    title: str = "Nhiệm vụ theo cơ quan chủ trì"
    subtitle: str = ""

    def totals(self) -> list[int]:
        return [sum(self.counts.get(k, [0] * len(self.agencies))[i] for k in STATUS_ORDER)
                for i in range(len(self.agencies))]


@dataclass
class CompletionByPlan:
    """Share of tasks completed in each plan (Kế hoạch, Đề án, Chương trình)."""

    plans: list[str]
    completed: list[int]
    total: list[int]
    title: str = "Tỷ lệ hoàn thành theo kế hoạch"
    subtitle: str = ""

    def percents(self) -> list[float]:
        return [100.0 * c / t if t else 0.0 for c, t in zip(self.completed, self.total)]


@dataclass
class SeriesPoint:
    label: str  # the period as people read it ("6 tháng đầu năm 2024", "2024S1")
    date: dt.date  # the period's last day: where the point sits on the time axis
    value: float


@dataclass
class IndicatorSeries:
    """An indicator's values over periods, with its target, baseline and the projected trend."""

    name: str
    unit: str = "%"
    points: list[SeriesPoint] = field(default_factory=list)
    target_value: float | None = None
    target_date: dt.date | None = None
    baseline: SeriesPoint | None = None
    #: The fitted line read at its ends, e.g. [(first date, y0), (target date, y1)].
    projection: list[tuple[dt.date, float]] | None = None
    #: ``achieved`` / ``likely`` / ``needs_effort`` (domain.status.TargetClass), shown in the title.
    target_class: str | None = None
    title: str = ""


@dataclass
class AgencyComparison:
    """One indicator in one period, agency by agency."""

    indicator: str
    period_label: str
    agencies: list[str]
    values: list[float]
    unit: str = "%"
    target_value: float | None = None
    title: str = ""


CHART_KINDS: dict[str, type] = {
    "status_by_agency": StatusByAgency,
    "completion_by_plan": CompletionByPlan,
    "indicator_series": IndicatorSeries,
    "agency_comparison": AgencyComparison,
}


def _date(v: Any) -> dt.date:
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    return dt.date.fromisoformat(str(v))


def _point(v: Any) -> SeriesPoint:
    if isinstance(v, SeriesPoint):
        return v
    if isinstance(v, Mapping):
        return SeriesPoint(str(v["label"]), _date(v["date"]), float(v["value"]))
    label, day, value = v
    return SeriesPoint(str(label), _date(day), float(value))


def coerce(kind: str, data: Any) -> Any:
    """The chart data of ``kind`` from an instance or a mapping of its fields."""
    try:
        cls = CHART_KINDS[kind]
    except KeyError:
        raise ValueError(f"unknown chart kind {kind!r}; one of {', '.join(CHART_KINDS)}") from None
    if isinstance(data, cls):
        return data
    if dataclasses.is_dataclass(data):
        data = dataclasses.asdict(data)
    if not isinstance(data, Mapping):
        raise TypeError(f"chart data for {kind!r} must be {cls.__name__} or a mapping")
    names = {f.name for f in dataclasses.fields(cls)}
    kwargs = {k: v for k, v in data.items() if k in names}
    if cls is IndicatorSeries:
        kwargs["points"] = [_point(p) for p in kwargs.get("points", [])]
        if kwargs.get("baseline") is not None:
            kwargs["baseline"] = _point(kwargs["baseline"])
        if kwargs.get("target_date") is not None:
            kwargs["target_date"] = _date(kwargs["target_date"])
        if kwargs.get("projection"):
            kwargs["projection"] = [(_date(d), float(v)) for d, v in kwargs["projection"]]
    return cls(**kwargs)


def scope_text(period: Period | None, as_of: dt.date, lang: str = "vi") -> str:
    """"6 tháng đầu năm 2024, số liệu đến ngày 30/6/2024"."""
    head = f"{period.label(lang)}, " if period is not None else ""
    return head + (f"data as of {format_date(as_of)}" if lang == "en" else f"số liệu đến ngày {format_date(as_of)}")
