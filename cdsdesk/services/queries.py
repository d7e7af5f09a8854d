"""Read-side queries: counts by status as of any date, task lists, overdue and due-soon.

"As of" a date, a task's status is that of its latest history entry dated on or before that day
(retracted entries ignored); a task counts once it has started (``start_date`` on or before the
day, or no start date). Overdue is derived: deadline before the as-of day and not completed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable, Sequence

from sqlalchemy import ColumnElement, and_, case, func, literal, or_, select
from sqlalchemy.orm import Session, aliased

from ..domain.rules import DUE_SOON_DAYS
from ..domain.status import COMPLETED, TaskStatus
from ..domain.text import fold
from ..store.models import Agency, Area, Plan, StatusUpdate, Task
from . import counts as _counts


_today = _counts.today
_historical = _counts.historical


def status_expr(as_of: dt.date | None) -> ColumnElement:
    """SQL for a task's status on ``as_of`` (its stored current status when as_of is today+)."""
    if not _historical(as_of):
        return Task.status
    su = aliased(StatusUpdate)
    latest = (
        select(su.status)
        .where(su.task_id == Task.id, su.entry_date <= as_of, su.retracted_at.is_(None))
        .order_by(su.entry_date.desc(), su.id.desc())
        .limit(1)
        .scalar_subquery()
    )
    return func.coalesce(latest, literal(TaskStatus.NOT_STARTED.value))


def progress_expr(as_of: dt.date | None) -> ColumnElement:
    if not _historical(as_of):
        return Task.progress
    su = aliased(StatusUpdate)
    latest = (
        select(su.progress)
        .where(su.task_id == Task.id, su.entry_date <= as_of, su.retracted_at.is_(None))
        .order_by(su.entry_date.desc(), su.id.desc())
        .limit(1)
        .scalar_subquery()
    )
    return func.coalesce(latest, literal(0))


def agency_subtree(session: Session, agency_id: int) -> list[int]:
    """The agency and every agency under it."""
    rows = session.execute(select(Agency.id, Agency.parent_id)).all()
    children: dict[int | None, list[int]] = {}
    for aid, pid in rows:
        children.setdefault(pid, []).append(aid)
    out, stack = [], [agency_id]
    while stack:
        a = stack.pop()
        out.append(a)
        stack.extend(children.get(a, []))
    return out


def _filters(
    session: Session,
    *,
    as_of: dt.date | None,
    plan_id: int | None = None,
    agency_id: int | None = None,
    area_id: int | None = None,
    include_sub_agencies: bool = True,
    include_deleted: bool = False,
) -> list[ColumnElement]:
    conds: list[ColumnElement] = []
    if not include_deleted:
        conds.append(Task.deleted_at.is_(None))
    if as_of is not None:
        conds.append(or_(Task.start_date.is_(None), Task.start_date <= as_of))
    if plan_id is not None:
        conds.append(Task.plan_id == plan_id)
    if area_id is not None:
        conds.append(Task.area_id == area_id)
    if agency_id is not None:
        ids = agency_subtree(session, agency_id) if include_sub_agencies else [agency_id]
        conds.append(Task.lead_agency_id.in_(ids))
    return conds


empty_counts = _counts.empty_counts
_count_rows = _counts.count_rows


def task_rows(session: Session, stmt, as_of: dt.date | None):  # noqa: ANN001, ANN201
    """``stmt`` (per-task rows with the status as of the day) ready to be grouped. For a past day
    the status is a subquery per task; as a plain subquery the database may inline it and run that
    subquery once for every place the status is named (group, count, overdue): three times. A
    materialized CTE runs it once per task."""
    if _historical(as_of) and session.get_bind().dialect.name in ("sqlite", "postgresql"):
        return stmt.cte().prefix_with("MATERIALIZED")
    return stmt.subquery()


def _grouped_counts(session: Session, group_col, as_of: dt.date | None, conds) -> dict:
    day = as_of or _today()
    st = status_expr(as_of).label("st")
    inner = task_rows(session, select(group_col.label("g"), st, Task.deadline.label("deadline")).where(*conds), as_of)
    over = case(
        (and_(inner.c.deadline.is_not(None), inner.c.deadline < day, inner.c.st.not_in(COMPLETED)), 1),
        else_=0,
    )
    q = select(inner.c.g, inner.c.st, func.count(), func.sum(over)).group_by(inner.c.g, inner.c.st)
    return _count_rows(session.execute(q).all())


def status_counts(
    session: Session,
    *,
    plan_id: int | None = None,
    agency_id: int | None = None,
    area_id: int | None = None,
    as_of: dt.date | None = None,
    tasks_as_of: dt.date | None = None,
) -> dict[str, int]:
    """Counts by status key (+ ``overdue``, ``completed``, ``total``) as they stood on ``as_of``.

    ``tasks_as_of``: count the tasks in scope on that date instead (each still with its status on
    ``as_of``), so that an earlier date is compared over the same tasks, not over whichever plans
    had started by then."""
    conds = _filters(session, as_of=tasks_as_of or as_of, plan_id=plan_id, agency_id=agency_id, area_id=area_id)
    return _grouped_counts(session, literal(0), as_of, conds).get(0, empty_counts())


completion_rate = _counts.completion_rate
PlanCounts = _counts.PlanCounts


def plans_summary(session: Session, *, as_of: dt.date | None = None) -> list[PlanCounts]:
    conds = _filters(session, as_of=as_of)
    by_plan = _grouped_counts(session, Task.plan_id, as_of, conds)
    plans = session.scalars(select(Plan).order_by(Plan.year.desc().nulls_last(), Plan.code))
    return [PlanCounts(p.id, p.code, p.name, p.year, p.kind, by_plan.get(p.id, empty_counts())) for p in plans]


AgencyCounts = _counts.AgencyCounts


def counts_by_agency(
    session: Session,
    *,
    plan_id: int | None = None,
    area_id: int | None = None,
    as_of: dt.date | None = None,
    only_with_tasks: bool = True,
) -> list[AgencyCounts]:
    """Counts by status for each lead agency (not rolled up), in Vietnamese name order."""
    conds = _filters(session, as_of=as_of, plan_id=plan_id, area_id=area_id)
    by_agency = _grouped_counts(session, Task.lead_agency_id, as_of, conds)
    agencies = session.execute(
        select(Agency.id, Agency.code, Agency.name, Agency.kind, Agency.parent_id, Agency.sort_order)
    ).all()
    from ..domain.text import sort_key

    out = [
        AgencyCounts(a.id, a.code, a.name, a.kind, a.parent_id, by_agency.get(a.id, empty_counts()))
        for a in agencies
        if not only_with_tasks or a.id in by_agency
    ]
    out.sort(key=lambda r: sort_key(r.name))
    return out


@dataclass(frozen=True)
class TaskRow:
    id: int
    uuid: str
    code: str
    title: str
    status: str
    progress: int
    deadline: dt.date | None
    recurring: bool
    lead_agency_id: int | None
    lead_agency_code: str
    lead_agency_name: str
    plan_code: str
    area_code: str
    last_update_on: dt.date | None
    revision: int
    title_sort: str
    overdue: bool
    due_soon: bool

    def as_dict(self) -> dict:
        return {
            "code": self.code,
            "title": self.title,
            "status": self.status,
            "progress": self.progress,
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "lead_agency": self.lead_agency_code,
            "lead_agency_name": self.lead_agency_name,
            "plan": self.plan_code,
            "area": self.area_code,
            "overdue": self.overdue,
            "due_soon": self.due_soon,
            "last_update": self.last_update_on.isoformat() if self.last_update_on else None,
            "uuid": self.uuid,
            "revision": self.revision,
        }


def list_tasks(
    session: Session,
    *,
    as_of: dt.date | None = None,
    plan_id: int | None = None,
    agency_id: int | None = None,
    area_id: int | None = None,
    status: str | Sequence[str] | None = None,
    overdue_only: bool = False,
    due_within_days: int | None = None,
    deadline_from: dt.date | None = None,
    deadline_to: dt.date | None = None,
    search: str | None = None,
    include_deleted: bool = False,
    only_deleted: bool = False,
    limit: int | None = None,
) -> list[TaskRow]:
    """Tasks with their status as of the day, filtered; ``status`` may be a key, ``completed``,
    or a list of keys. ``search`` matches every word, ignoring diacritics and case."""
    day = as_of or _today()
    st = status_expr(as_of).label("st")
    pr = progress_expr(as_of).label("pr")
    lead = aliased(Agency)
    conds = _filters(session, as_of=as_of, plan_id=plan_id, agency_id=agency_id, area_id=area_id,
                     include_deleted=include_deleted or only_deleted)
    if only_deleted:
        conds.append(Task.deleted_at.is_not(None))
    if search:
        for word in fold(search).split():
            conds.append(Task.search_text.contains(word, autoescape=True))
    if deadline_from is not None:
        conds.append(Task.deadline >= deadline_from)
    if deadline_to is not None:
        conds.append(Task.deadline <= deadline_to)
    if (due_within_days is not None or overdue_only) and not _historical(as_of):
        # Today's status is a column: the completed tasks are left out by the query, not after it.
        conds.append(Task.status.not_in(COMPLETED))
    q = (
        select(
            Task.id, Task.uuid, Task.code, Task.title, st, pr, Task.deadline, Task.recurring,
            Task.lead_agency_id, lead.code, lead.name, Plan.code, Area.code, Task.last_update_on,
            Task.revision, Task.title_sort,
        )
        .outerjoin(lead, lead.id == Task.lead_agency_id)
        .outerjoin(Plan, Plan.id == Task.plan_id)
        .outerjoin(Area, Area.id == Task.area_id)
        .where(*conds)
        .order_by(Task.id)
    )
    statuses: set[str] | None = None
    if status:
        keys = [status] if isinstance(status, str) else list(status)
        statuses = set()
        for k in keys:
            statuses |= set(COMPLETED) if k == "completed" else {k}
    soon_end = day + dt.timedelta(days=due_within_days if due_within_days is not None else DUE_SOON_DAYS)
    out: list[TaskRow] = []
    if session.new or session.dirty or session.deleted:
        session.flush()  # what session.execute would flush first
    # Plain column rows through the connection: the ORM's row processing costs more than the
    # query for the thousands of tasks a province has due in a month.
    result = session.connection().execute(q)
    for r in (result.all() if limit is None else result):
        (tid, uuid, code, title, s, p, deadline, recurring, lead_id, lcode, lname, pcode, acode,
         last, rev, tsort) = r
        if statuses is not None and s not in statuses:
            continue
        completed = s in COMPLETED
        overdue = deadline is not None and deadline < day and not completed
        due_soon = deadline is not None and not completed and day <= deadline <= soon_end
        if overdue_only and not overdue:
            continue
        if due_within_days is not None and not due_soon:
            continue
        out.append(TaskRow(tid, uuid, code, title, s, int(p or 0), deadline, bool(recurring), lead_id,
                           lcode or "", lname or "", pcode or "", acode or "", last, rev, tsort or "",
                           overdue, due_soon))
        if limit is not None and len(out) >= limit:
            break
    return out


def overdue_tasks(session: Session, *, as_of: dt.date | None = None, **filters) -> list[TaskRow]:
    return list_tasks(session, as_of=as_of, overdue_only=True, **filters)


def due_soon_tasks(
    session: Session, *, as_of: dt.date | None = None, days: int = DUE_SOON_DAYS, **filters
) -> list[TaskRow]:
    rows = list_tasks(session, as_of=as_of, due_within_days=days, **filters)
    return sorted(rows, key=lambda r: (r.deadline, r.code))


def last_notes(session: Session, task_ids: Iterable[int], *, as_of: dt.date | None = None) -> dict[int, str]:
    """The last non-empty note of each task's history up to the day (why it is late or blocked)."""
    ids = list(task_ids)
    if not ids:
        return {}
    out: dict[int, str] = {}
    for chunk_start in range(0, len(ids), 500):
        chunk = ids[chunk_start:chunk_start + 500]
        q = (
            select(StatusUpdate.task_id, StatusUpdate.note)
            .where(StatusUpdate.task_id.in_(chunk), StatusUpdate.note != "",
                   StatusUpdate.retracted_at.is_(None))
            .order_by(StatusUpdate.task_id, StatusUpdate.entry_date, StatusUpdate.id)
        )
        if as_of is not None:
            q = q.where(StatusUpdate.entry_date <= as_of)
        for tid, note in session.execute(q):
            out[tid] = note  # later rows overwrite earlier ones
    return out
