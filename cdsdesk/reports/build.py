"""Build the review report from the services: counts as of a date and as of the day before the
window, overdue and blocked tasks with their last notes, the next period's deadlines, the
indicators with their classes, who sent their update, and every task by agency.

"Sent the update for the period" (Section III): an agency that leads tasks in the report's scope
has sent its update when, up to the as-of date, (a) an import batch for that agency whose period
lies inside the window was made and not undone, or (b) a status entry (not retracted) dated
inside the window exists for one of the tasks it leads.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any, Callable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain.errors import UsageError
from ..domain.numbers import format_date
from ..domain.periods import DateWindow, Period
from ..domain.rules import classify_target
from ..domain.status import Aggregation, TargetClass, TaskStatus
from ..domain.text import natural_code_key, sort_key
from ..services import indicators as ind_service
from ..services import queries
from ..services.lookup import agency_by_code, plan_by_code, province
from ..store.models import Agency, ImportBatch, Indicator, IndicatorValue, Plan, StatusUpdate, Target, Task
from .jobs import CancelFn, Job, ProgressFn, quiet_gc
from .model import (
    AgencyTasks,
    GroupCounts,
    IndicatorLine,
    Ref,
    Report,
    ReportSettings,
    StatusCounts,
    Submission,
    TaskLine,
)
from .settings import load_settings


_COMPLETED = {TaskStatus.DONE.value, TaskStatus.DONE_ROUTINE.value}


def _counts(d: dict[str, int]) -> StatusCounts:
    return StatusCounts.from_dict(d)


def next_window(window: DateWindow | Period) -> DateWindow:
    """The coming period: the next period of the same kind, or a window of the same length."""
    if isinstance(window, Period):
        return window.next().window
    length = window.end - window.start
    start = window.end + dt.timedelta(days=1)
    return DateWindow(start, start + length, "")


def _window(window: DateWindow | Period) -> tuple[DateWindow, str | None]:
    if isinstance(window, Period):
        return window.window, window.code
    return window, None


def build_report(
    session: Session,
    *,
    window: DateWindow | Period,
    as_of: dt.date | None = None,
    plan_code: str | None = None,
    agency_code: str | None = None,
    settings: ReportSettings | None = None,
    issued_on: dt.date | None = None,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
) -> Report:
    """The report for ``window`` with every figure as it stood on ``as_of`` (default: the end of
    the window, or today if the window has not ended). ``progress``/``cancel`` as for renderers."""
    with quiet_gc():
        return _build(session, window=window, as_of=as_of, plan_code=plan_code, agency_code=agency_code,
                      settings=settings, issued_on=issued_on, progress=progress, cancel=cancel)


def _build(session: Session, *, window: DateWindow | Period, as_of: dt.date | None, plan_code: str | None,
           agency_code: str | None, settings: ReportSettings | None, issued_on: dt.date | None,
           progress: ProgressFn | None, cancel: CancelFn | None) -> Report:
    win, period_code = _window(window)
    today = dt.date.today()
    as_of = as_of or min(win.end, today)
    if as_of < win.start:
        raise UsageError(
            f"Ngày tính số liệu {format_date(as_of)} trước khi kỳ báo cáo bắt đầu ({format_date(win.start)})",
            f"The as-of date {as_of} is before the report window starts ({win.start})",
        )
    settings = settings or load_settings(session)
    plan = plan_by_code(session, plan_code) if plan_code else None
    agency = agency_by_code(session, agency_code) if agency_code else None
    plan_id = plan.id if plan else None
    agency_id = agency.id if agency else None
    scope = {"plan_id": plan_id, "agency_id": agency_id}

    job = Job(progress, cancel)
    job.step(0.0, "Tổng hợp số liệu")
    # Every task in scope with its status on the day, read once: the counts (in all, by plan, by
    # lead agency) are tallied from these rows, so they agree with the task lists by construction.
    rows = queries.list_tasks(session, as_of=as_of, **scope)
    job.step(0.3, "Tổng hợp số liệu")
    counts = _counts(_tally(rows))
    previous_as_of = win.start - dt.timedelta(days=1)
    # The same tasks as the day before the window: a change of the same scope, not a comparison
    # with the plans that happened to have started by then.
    previous = _counts(queries.status_counts(session, as_of=previous_as_of, tasks_as_of=as_of, **scope))
    job.step(0.45, "Tổng hợp số liệu")

    # Counts by plan: the plans that hold tasks in scope, in the order of the plans list.
    plan_counts = _tally_by(rows, lambda r: r.plan_code)
    by_plan = [
        GroupCounts(p.code, p.name, _counts(plan_counts[p.code]))
        for p in session.execute(select(Plan.code, Plan.name).order_by(Plan.year.desc().nulls_last(), Plan.code))
        if p.code in plan_counts
    ]

    # Counts by lead agency (within the agency's subtree when the report is for one agency).
    agency_counts = _tally_by(rows, lambda r: r.lead_agency_id)
    by_agency = sorted(
        (GroupCounts(code, name, _counts(agency_counts[aid]))
         for aid, code, name in session.execute(select(Agency.id, Agency.code, Agency.name))
         if aid in agency_counts),
        key=lambda g: sort_key(g.name),
    )
    last_dates = _last_entry_dates(session, as_of)
    attention_rows = [r for r in rows if r.overdue or r.status == TaskStatus.BLOCKED.value]
    notes = queries.last_notes(session, [r.id for r in attention_rows], as_of=as_of)
    job.step(0.6, "Tổng hợp số liệu")
    code_keys = {r.code: natural_code_key(r.code) for r in rows}

    def line(r: queries.TaskRow) -> TaskLine:
        return TaskLine(
            code=r.code, title=r.title, agency=r.lead_agency_name, agency_code=r.lead_agency_code,
            plan=r.plan_code, deadline=r.deadline, status=TaskStatus(r.status), overdue=r.overdue,
            progress=r.progress, last_update=last_dates.get(r.id), last_note=notes.get(r.id, ""),
            recurring=r.recurring,
        )

    lines = {r.id: line(r) for r in rows}
    agency_key: dict[str, str] = {}

    def akey(name: str) -> str:
        if name not in agency_key:
            agency_key[name] = sort_key(name)
        return agency_key[name]

    far = dt.date.max
    attention = sorted((lines[r.id] for r in attention_rows),
                       key=lambda t: (t.deadline or far, akey(t.agency), code_keys[t.code]))
    nxt = next_window(window)
    upcoming = sorted(
        (lines[r.id] for r in rows
         if r.deadline is not None and nxt.start <= r.deadline <= nxt.end
         and r.status not in _COMPLETED),
        key=lambda t: (t.deadline, akey(t.agency), code_keys[t.code]),
    )

    groups: dict[tuple[str, str], list[TaskLine]] = defaultdict(list)
    for r in rows:
        groups[(r.lead_agency_code, r.lead_agency_name or "(chưa giao cơ quan chủ trì)")].append(lines[r.id])
    appendix = [
        AgencyTasks(code, name, sorted(tasks, key=lambda t: code_keys[t.code]))
        for (code, name), tasks in sorted(groups.items(), key=lambda kv: akey(kv[0][1]))
    ]
    job.step(0.7, "Chỉ tiêu")
    indicators = _indicators(session, plan_id, as_of)
    job.step(0.95, "Gửi báo cáo")
    report = Report(
        window=win,
        period_code=period_code,
        as_of=as_of,
        issued_on=issued_on or today,
        settings=settings,
        plan=Ref(plan.code, plan.name) if plan else None,
        agency=Ref(agency.code, agency.name) if agency else None,
        counts=counts,
        previous_as_of=previous_as_of,
        previous_counts=previous,
        by_plan=by_plan,
        by_agency=by_agency,
        attention=attention,
        next_window=nxt,
        upcoming=upcoming,
        indicators=indicators,
        submissions=_submissions(session, win, as_of, by_agency),
        appendix=appendix,
    )
    job.step(1.0, "Xong")
    return report


def _tally(rows: list[queries.TaskRow]) -> dict[str, int]:
    """Counts by status key, with ``total``, ``completed`` and ``overdue`` (as ``status_counts``)."""
    c = queries.empty_counts()
    for r in rows:
        c[r.status] = c.get(r.status, 0) + 1
        c["total"] += 1
        if r.overdue:
            c["overdue"] += 1
        if r.status in _COMPLETED:
            c["completed"] += 1
    return c


def _tally_by(rows: list[queries.TaskRow], key: Callable[[queries.TaskRow], Any]) -> dict[Any, dict[str, int]]:
    groups: dict[Any, list[queries.TaskRow]] = defaultdict(list)
    for r in rows:
        k = key(r)
        if k:
            groups[k].append(r)
    return {k: _tally(v) for k, v in groups.items()}


def _last_entry_dates(session: Session, as_of: dt.date) -> dict[int, dt.date]:
    q = (
        select(StatusUpdate.task_id, func.max(StatusUpdate.entry_date))
        .where(StatusUpdate.entry_date <= as_of, StatusUpdate.retracted_at.is_(None))
        .group_by(StatusUpdate.task_id)
    )
    return {tid: d for tid, d in session.execute(q)}


def _indicators(session: Session, plan_id: int | None, as_of: dt.date) -> list[IndicatorLine]:
    """Each indicator's province series up to ``as_of``, latest and previous value, target and
    class: the figures of ``indicators.overview`` and ``indicators.series``, read for all
    indicators in three queries instead of two per indicator."""
    q = (select(Indicator.id, Indicator.code, Indicator.name, Indicator.unit, Indicator.value_type,
                Indicator.direction, Indicator.aggregation)
         .where(Indicator.deleted_at.is_(None)).order_by(Indicator.sort_order, Indicator.code))
    if plan_id is not None:
        q = q.where(Indicator.plan_id == plan_id)
    inds = session.execute(q).all()
    if not inds:
        return []
    ids = [i.id for i in inds]
    targets: dict[int, Target] = {}
    for t in session.scalars(select(Target).where(Target.agency_id.is_(None), Target.indicator_id.in_(ids))
                             .order_by(Target.id)):
        targets.setdefault(t.indicator_id, t)  # the first, as ``overview`` takes it
    points = _series_points(session, inds, as_of)
    out = []
    for ind in inds:
        pts = points.get(ind.id, [])
        latest = pts[-1] if pts else None
        prev = pts[-2] if len(pts) > 1 else None
        target = targets.get(ind.id)
        klass = None
        if target is not None:
            klass = classify_target(
                values=[(p.end, p.value) for p in pts], target_value=target.target_value,
                target_date=target.target_date, direction=ind.direction,
                baseline=ind_service.baseline_point(target), as_of=as_of).klass
        out.append(IndicatorLine(
            code=ind.code, name=ind.name, unit=ind.unit, value_type=ind.value_type,
            value=latest.value if latest else None, period=latest.period if latest else None,
            previous_value=prev.value if prev else None, previous_period=prev.period if prev else None,
            target_value=target.target_value if target else None,
            target_date=target.target_date if target else None,
            klass=TargetClass(klass) if klass else None,
        ))
    return out


def _series_points(session: Session, inds: list, as_of: dt.date) -> dict[int, list[ind_service.SeriesPoint]]:  # noqa: ANN001
    """``indicators.series(indicator, None, as_of)`` for many indicators: the province's own
    values, and for periods without one the other agencies' values by the aggregation rule."""
    prov = province(session)
    prov_id = prov.id if prov else None
    ids = [i.id for i in inds]
    points: dict[int, dict[str, ind_service.SeriesPoint]] = defaultdict(dict)
    for iid, period, end, value in session.execute(
        select(IndicatorValue.indicator_id, IndicatorValue.period, IndicatorValue.period_end, IndicatorValue.value)
        .where(IndicatorValue.indicator_id.in_(ids), IndicatorValue.agency_id == prov_id,
               IndicatorValue.period_end <= as_of)
    ):
        points[iid][period] = ind_service.SeriesPoint(period, end, value)
    agg = {i.id: Aggregation(i.aggregation) for i in inds}
    v = IndicatorValue.value
    functions = {Aggregation.SUM: func.sum, Aggregation.MEAN: func.avg, Aggregation.MAX: func.max, Aggregation.MIN: func.min}
    for how, fn in functions.items():
        # One query per rule, computing only that rule's aggregate over the million values.
        group = [iid for iid, a in agg.items() if a is how]
        if not group:
            continue
        q = (select(IndicatorValue.indicator_id, IndicatorValue.period, IndicatorValue.period_end, fn(v))
             .where(IndicatorValue.indicator_id.in_(group), IndicatorValue.period_end <= as_of)
             .group_by(IndicatorValue.indicator_id, IndicatorValue.period, IndicatorValue.period_end))
        if prov_id is not None:
            q = q.where(IndicatorValue.agency_id != prov_id)
        for iid, period, end, value in session.execute(q):
            if period not in points[iid] and value is not None:
                points[iid][period] = ind_service.SeriesPoint(period, end, float(value))
    keys: dict[str, Any] = {}

    def order(p: ind_service.SeriesPoint) -> Any:  # noqa: ANN401
        if p.period not in keys:
            keys[p.period] = Period.parse(p.period).sort_key
        return keys[p.period]

    return {iid: sorted(pts.values(), key=order) for iid, pts in points.items()}


def _period_in_window(code: str | None, win: DateWindow) -> bool:
    if not code:
        return False
    try:
        p = Period.parse(code)
    except Exception:
        return False
    return win.start <= p.start and p.end <= win.end


def _submissions(session: Session, win: DateWindow, as_of: dt.date, by_agency: list[GroupCounts]) -> list[Submission]:
    """Who sent an update for the window (see the module docstring for the rule)."""
    codes = [g.code for g in by_agency]
    if not codes:
        return []
    agencies = {a.code: a for a in session.scalars(select(Agency).where(Agency.code.in_(codes)))}
    ids = {a.id: a.code for a in agencies.values()}
    end = min(win.end, as_of)
    batches: dict[str, dt.date] = {}
    for agency_id, period, created in session.execute(
        select(ImportBatch.agency_id, ImportBatch.period, ImportBatch.created_at)
        .where(ImportBatch.agency_id.in_(ids), ImportBatch.undone_at.is_(None))
    ):
        day = created.date()
        if day <= as_of and _period_in_window(period, win):
            code = ids[agency_id]
            batches[code] = max(batches.get(code, day), day)
    entries: dict[str, tuple[int, dt.date]] = {}
    q = (
        select(Task.lead_agency_id, func.count(func.distinct(StatusUpdate.task_id)), func.max(StatusUpdate.entry_date))
        .join(Task, Task.id == StatusUpdate.task_id)
        .where(Task.lead_agency_id.in_(ids), Task.deleted_at.is_(None), StatusUpdate.retracted_at.is_(None),
               StatusUpdate.entry_date >= win.start, StatusUpdate.entry_date <= end)
        .group_by(Task.lead_agency_id)
    )
    for agency_id, n, last in session.execute(q):
        entries[ids[agency_id]] = (int(n), last)
    out = []
    for g in by_agency:
        via, last = [], None
        if g.code in batches:
            via.append(f"biểu mẫu ngày {format_date(batches[g.code])}")
            last = batches[g.code]
        if g.code in entries:
            n, d = entries[g.code]
            via.append(f"cập nhật {n} nhiệm vụ")
            last = max(last, d) if last else d
        out.append(Submission(g.code, g.name, bool(via), "; ".join(via), last))
    return out
