"""Read-side queries the desktop views need beyond ``queries`` and ``audit``: the dashboard's
counts in one pass over the tasks, and the audit history of one record (which for a task
includes its status updates, stored as their own records)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session

from ..domain.status import COMPLETED
from ..domain.text import sort_key
from ..store.models import Agency, AuditEntry, Plan, Task
from . import queries
from .audit import AuditRow

if TYPE_CHECKING:  # numpy stays off the start-up path
    from .task_snapshot import TaskSnapshot


@dataclass(frozen=True)
class DashboardSummary:
    counts: dict[str, int]
    by_agency: list[queries.AgencyCounts]  # lead agencies with tasks, Vietnamese name order
    by_plan: list[queries.PlanCounts]  # plans with tasks, newest year first


def dashboard_summary(
    session: Session, *, as_of: dt.date | None = None, plan_id: int | None = None, agency_id: int | None = None,
    snapshot: TaskSnapshot | None = None,
) -> DashboardSummary:
    """Counts by status as of the day — overall, by lead agency and by plan — from one grouped
    query instead of three scans (the status as of a past day is a subquery per task), or from a
    :class:`TaskSnapshot` of the database when one is at hand (the same counts in milliseconds)."""
    if snapshot is not None:
        ids = queries.agency_subtree(session, agency_id) if agency_id is not None else None
        grouped = snapshot.grouped(as_of, plan_id=plan_id, agency_ids=ids)
        total = queries._count_rows(grouped["all"]).get(0, queries.empty_counts())
        by_a = queries._count_rows(grouped["agency"])
        by_p = queries._count_rows(grouped["plan"])
    else:
        total, by_a, by_p = _sql_counts(session, as_of, plan_id, agency_id)
    conn = session.connection()
    if conn.dialect.name == "sqlite":
        # Plain SQL through the driver: on the way to the first window no statement is compiled.
        agencies = conn.exec_driver_sql("SELECT id, code, name, kind, parent_id FROM agencies").all()
        plans = conn.exec_driver_sql(
            "SELECT id, code, name, year, kind FROM plans ORDER BY year IS NULL, year DESC, code").all()
    else:
        agencies = conn.execute(select(Agency.id, Agency.code, Agency.name, Agency.kind, Agency.parent_id)).all()
        plans = conn.execute(
            select(Plan.id, Plan.code, Plan.name, Plan.year, Plan.kind).order_by(Plan.year.desc().nulls_last(), Plan.code)
        ).all()
    by_agency = sorted(
        (queries.AgencyCounts(a.id, a.code, a.name, a.kind, a.parent_id, by_a[a.id]) for a in agencies if a.id in by_a),
        key=lambda r: sort_key(r.name),
    )
    by_plan = [queries.PlanCounts(p.id, p.code, p.name, p.year, p.kind, by_p[p.id]) for p in plans if p.id in by_p]
    return DashboardSummary(total, by_agency, by_plan)


def _sql_counts(session: Session, as_of: dt.date | None, plan_id: int | None, agency_id: int | None) -> tuple:
    day = as_of or dt.date.today()
    conn = session.connection()
    if conn.dialect.name == "sqlite" and not queries._historical(as_of):
        # The counts of today (the first window) as plain SQL through the driver: compiling the
        # statement would cost more than running it, and pull half of SQLAlchemy's compiler in
        # before the first paint.
        sql = ("SELECT lead_agency_id, plan_id, status, count(*), sum(deadline IS NOT NULL AND deadline < :d"
               f" AND status NOT IN ({', '.join(repr(c) for c in sorted(COMPLETED))}))"
               " FROM tasks WHERE deleted_at IS NULL")
        params: dict = {"d": day.isoformat()}
        if as_of is not None:
            sql += " AND (start_date IS NULL OR start_date <= :d)"
        if plan_id is not None:
            sql += " AND plan_id = :p"
            params["p"] = plan_id
        if agency_id is not None:
            ids = [int(i) for i in queries.agency_subtree(session, agency_id)]
            sql += f" AND lead_agency_id IN ({', '.join(map(str, ids))})"
        rows = conn.exec_driver_sql(sql + " GROUP BY lead_agency_id, plan_id, status", params).all()
    else:
        conds = queries._filters(session, as_of=as_of, plan_id=plan_id, agency_id=agency_id)
        st = queries.status_expr(as_of).label("st")
        inner = queries.task_rows(
            session,
            select(Task.lead_agency_id.label("a"), Task.plan_id.label("p"), st, Task.deadline.label("d")).where(*conds),
            as_of)
        over = case((and_(inner.c.d.is_not(None), inner.c.d < day, inner.c.st.not_in(COMPLETED)), 1), else_=0)
        rows = conn.execute(
            select(inner.c.a, inner.c.p, inner.c.st, func.count(), func.sum(over)).group_by(inner.c.a, inner.c.p, inner.c.st)
        ).all()
    # Thousands of (agency, plan, status) groups: add them up by (agency, status) and (plan,
    # status) first, so the per-group dicts are made once per agency and plan, not per row.
    by_ast: dict[tuple, list[int]] = {}
    by_pst: dict[tuple, list[int]] = {}
    by_st: dict[tuple, list[int]] = {}
    for a, p, st_, n, o in rows:
        n, o = int(n), int(o or 0)
        for acc, key in ((by_ast, (a, st_)), (by_pst, (p, st_)), (by_st, (0, st_))):
            cell = acc.get(key)
            if cell is None:
                acc[key] = [n, o]
            else:
                cell[0] += n
                cell[1] += o
    total = queries._count_rows((g, st_, n, o) for (g, st_), (n, o) in by_st.items()).get(0, queries.empty_counts())
    by_a = queries._count_rows((g, st_, n, o) for (g, st_), (n, o) in by_ast.items())
    by_p = queries._count_rows((g, st_, n, o) for (g, st_), (n, o) in by_pst.items())
    return total, by_a, by_p

#: Records whose audit entries carry their owner's label: a task's status updates carry its code.
_OWNED_BY = {"task": ("status_update",)}


def audit_page(
    session: Session,
    *,
    entity: str | None = None,
    record: tuple[str, str, str] | None = None,
    who: str | None = None,
    since: dt.datetime | None = None,
    until: dt.datetime | None = None,
    text: str | None = None,
    batch_id: int | None = None,
    limit: int = 200,
    offset: int = 0,
) -> list[AuditRow]:
    """Audit entries, newest first. ``record`` = (entity, uuid, label) narrows to one record's
    history: its own entries and, for a task, those of its status updates."""
    q = select(AuditEntry).order_by(AuditEntry.id.desc())
    if entity:
        q = q.where(AuditEntry.entity == entity)
    if record is not None:
        kind, uuid, label = record
        owned = _OWNED_BY.get(kind, ())
        cond = AuditEntry.entity_uuid == uuid
        if owned and label:
            cond = or_(cond, and_(AuditEntry.entity.in_(owned), AuditEntry.entity_label == label))
        q = q.where(cond)
    if who:
        q = q.where(AuditEntry.who == who)
    if since:
        q = q.where(AuditEntry.at >= since)
    if until:
        q = q.where(AuditEntry.at <= until)
    if batch_id is not None:
        q = q.where(AuditEntry.batch_id == batch_id)
    if text:
        like = f"%{text}%"
        q = q.where(AuditEntry.entity_label.like(like) | AuditEntry.old.like(like) | AuditEntry.new.like(like))
    return [
        AuditRow(r.id, r.at, r.who, r.entity, r.entity_uuid, r.entity_label, r.action, r.field, r.old, r.new,
                 r.batch_id, r.source)
        for r in session.scalars(q.offset(offset).limit(limit))
    ]

