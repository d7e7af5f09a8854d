"""Derived facts: overdue, completed late, due soon, and the class of a target.

Target classification (the rule the app documents and the demo is built against)
--------------------------------------------------------------------------------
Given the values of an indicator for the target's scope up to the as-of date, the target value,
the target date, the baseline and the direction (higher or lower is better):

1. **achieved** (đã hoàn thành) — the latest value already meets the target
   (``>=`` when higher is better, ``<=`` when lower is better).
2. Otherwise fit a least-squares straight line through the baseline and every value (x = the
   last day of each period, y = the value) and read it at the target date. With fewer than two
   points, or when the target date has passed, there is no trend to rely on.
3. **likely** (khả năng hoàn thành cao) — the projected value at the target date meets the target.
4. **needs_effort** (cần nỗ lực tập trung) — everything else: the projection falls short, the
   trend points the wrong way, there is no trend yet, or the target date has passed unmet.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Sequence

from .status import Direction, TargetClass, TaskStatus

DUE_SOON_DAYS = 30


def is_completed(status: str | TaskStatus) -> bool:
    return TaskStatus(status).is_completed


def is_overdue(status: str | TaskStatus, deadline: dt.date | None, as_of: dt.date) -> bool:
    """Deadline passed on the as-of date and the task is not completed (derived, never stored)."""
    return deadline is not None and deadline < as_of and not is_completed(status)


def is_due_soon(
    status: str | TaskStatus, deadline: dt.date | None, as_of: dt.date, days: int = DUE_SOON_DAYS
) -> bool:
    return (
        deadline is not None
        and not is_completed(status)
        and as_of <= deadline <= as_of + dt.timedelta(days=days)
    )


def is_completed_late(
    status: str | TaskStatus, deadline: dt.date | None, completed_on: dt.date | None
) -> bool:
    return (
        deadline is not None
        and completed_on is not None
        and is_completed(status)
        and completed_on > deadline
    )


def meets(value: float, target: float, direction: str | Direction) -> bool:
    if Direction(direction) is Direction.LOWER:
        return value <= target + 1e-9
    return value >= target - 1e-9


@dataclass(frozen=True)
class Trend:
    """A straight line value = slope * days + intercept, days counted from ``origin``."""

    origin: dt.date
    slope: float  # per day
    intercept: float

    def at(self, day: dt.date) -> float:
        return self.slope * (day - self.origin).days + self.intercept


def fit_trend(points: Sequence[tuple[dt.date, float]]) -> Trend | None:
    """Least-squares line through the points; None with fewer than two distinct dates."""
    pts = sorted(points)
    if len({d for d, _ in pts}) < 2:
        return None
    origin = pts[0][0]
    xs = [(d - origin).days for d, _ in pts]
    ys = [v for _, v in pts]
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    slope = sxy / sxx
    return Trend(origin, slope, my - slope * mx)


@dataclass(frozen=True)
class Classification:
    klass: TargetClass
    latest: float | None
    latest_date: dt.date | None
    projected: float | None  # the trend read at the target date, when there is one
    trend: Trend | None


def classify_target(
    *,
    values: Sequence[tuple[dt.date, float]],
    target_value: float,
    target_date: dt.date,
    direction: str | Direction = Direction.HIGHER,
    baseline: tuple[dt.date, float] | None = None,
    as_of: dt.date | None = None,
) -> Classification:
    """Class of a target from its values (see the module docstring for the rule)."""
    pts = sorted((d, v) for d, v in values if as_of is None or d <= as_of)
    latest = pts[-1] if pts else None
    if latest is not None and meets(latest[1], target_value, direction):
        return Classification(TargetClass.ACHIEVED, latest[1], latest[0], latest[1], None)
    trend_pts = ([baseline] if baseline is not None else []) + pts
    trend = fit_trend(trend_pts)
    projected = trend.at(target_date) if trend else None
    if as_of is not None and target_date < as_of:
        klass = TargetClass.NEEDS_EFFORT
    elif projected is not None and meets(projected, target_value, direction):
        klass = TargetClass.LIKELY
    else:
        klass = TargetClass.NEEDS_EFFORT
    return Classification(
        klass,
        latest[1] if latest else None,
        latest[0] if latest else None,
        projected,
        trend,
    )
