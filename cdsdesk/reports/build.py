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

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain.errors import UsageError
from ..domain.numbers import format_date
from ..domain.periods import DateWindow, Period
from ..domain.status import TargetClass, TaskStatus
from ..domain.text import natural_code_key, sort_key
from ..services import indicators as ind_service
from ..services import queries
from ..services.lookup import agency_by_code, plan_by_code
from ..store.models import Agency, ImportBatch, StatusUpdate, Task
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
) -> Report:
    """The report for ``window`` with every figure as it stood on ``as_of`` (default: the end of
    the window, or today if the window has not ended)."""
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

    counts = _counts(queries.status_counts(session, as_of=as_of, **scope))
    previous_as_of = win.start - dt.timedelta(days=1)
    # The same tasks as the day before the window: a change of the same scope, not a comparison
    # with the plans that happened to have started by then.
    previous = _counts(queries.status_counts(session, as_of=previous_as_of, tasks_as_of=as_of, **scope))

    # Counts by plan: the plans that hold tasks in scope.
    by_plan = []
    for p in queries.plans_summary(session, as_of=as_of):
        if plan_id is not None and p.id != plan_id:
            continue
        c = p.counts if agency_id is None else queries.status_counts(session, as_of=as_of, plan_id=p.id, agency_id=agency_id)
        if c["total"]:
            by_plan.append(GroupCounts(p.code, p.name, _counts(c)))

    # Counts by lead agency (within the agency's subtree when the report is for one agency).
    allowed = set(queries.agency_subtree(session, agency_id)) if agency_id is not None else None
    by_agency = [
        GroupCounts(a.code, a.name, _counts(a.counts))
        for a in queries.counts_by_agency(session, plan_id=plan_id, as_of=as_of)
        if allowed is None or a.id in allowed
    ]

    rows = queries.list_tasks(session, as_of=as_of, **scope)
    last_dates = _last_entry_dates(session, as_of)
    attention_rows = [r for r in rows if r.overdue or r.status == TaskStatus.BLOCKED.value]
    notes = queries.last_notes(session, [r.id for r in attention_rows], as_of=as_of)

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
                       key=lambda t: (t.deadline or far, akey(t.agency), natural_code_key(t.code)))
    nxt = next_window(window)
    upcoming = sorted(
        (lines[r.id] for r in rows
         if r.deadline is not None and nxt.start <= r.deadline <= nxt.end
         and r.status not in _COMPLETED),
        key=lambda t: (t.deadline, akey(t.agency), natural_code_key(t.code)),
    )

    groups: dict[tuple[str, str], list[TaskLine]] = defaultdict(list)
    for r in rows:
        groups[(r.lead_agency_code, r.lead_agency_name or "(chưa giao cơ quan chủ trì)")].append(lines[r.id])
    appendix = [
        AgencyTasks(code, name, sorted(tasks, key=lambda t: natural_code_key(t.code)))
        for (code, name), tasks in sorted(groups.items(), key=lambda kv: akey(kv[0][1]))
    ]

    return Report(
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
        indicators=_indicators(session, plan_id, as_of),
        submissions=_submissions(session, win, as_of, by_agency),
        appendix=appendix,
    )


def _last_entry_dates(session: Session, as_of: dt.date) -> dict[int, dt.date]:
    q = (
        select(StatusUpdate.task_id, func.max(StatusUpdate.entry_date))
        .where(StatusUpdate.entry_date <= as_of, StatusUpdate.retracted_at.is_(None))
        .group_by(StatusUpdate.task_id)
    )
    return {tid: d for tid, d in session.execute(q)}


def _indicators(session: Session, plan_id: int | None, as_of: dt.date) -> list[IndicatorLine]:
    out = []
    for row in ind_service.overview(session, plan_id=plan_id, as_of=as_of):
        pts = ind_service.series(session, row.indicator_id, None, as_of=as_of)
        prev_period = pts[-2].period if len(pts) > 1 else None
        out.append(IndicatorLine(
            code=row.code, name=row.name, unit=row.unit, value_type=row.value_type,
            value=row.latest_value, period=row.latest_period,
            previous_value=row.previous_value, previous_period=prev_period,
            target_value=row.target_value, target_date=row.target_date,
            klass=TargetClass(row.klass) if row.klass else None,
        ))
    return out


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
