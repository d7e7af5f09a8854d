"""Read-side queries the desktop views need beyond ``queries`` and ``audit``: the dashboard's
counts in one pass over the tasks, and the audit history of one record (which for a task
includes its status updates, stored as their own records)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session

from ..domain.status import COMPLETED
from ..store.models import Agency, AuditEntry, Plan, Task
from . import dashboard_counts, queries
from .audit import AuditRow
from .counts import sum_groups
from .dashboard_counts import DashboardSummary

if TYPE_CHECKING:  # numpy stays off the start-up path
    from .task_snapshot import TaskSnapshot


def dashboard_summary(
    session: Session, *, as_of: dt.date | None = None, plan_id: int | None = None, agency_id: int | None = None,
    snapshot: TaskSnapshot | None = None,
) -> DashboardSummary:
    """Counts by status as of the day — overall, by lead agency and by plan — from one grouped
    query instead of three scans (the status as of a past day is a subquery per task), or from a
    :class:`TaskSnapshot` of the database when one is at hand (the same counts in milliseconds)."""
    conn = session.connection()
    if snapshot is not None:
        ids = queries.agency_subtree(session, agency_id) if agency_id is not None else None
        grouped = snapshot.grouped(as_of, plan_id=plan_id, agency_ids=ids)
        total = queries._count_rows(grouped["all"]).get(0, queries.empty_counts())
        by_a = queries._count_rows(grouped["agency"])
        by_p = queries._count_rows(grouped["plan"])
    elif dashboard_counts.applies(conn, as_of):
        ids = queries.agency_subtree(session, agency_id) if agency_id is not None else None
        total, by_a, by_p = dashboard_counts.grouped_counts(conn, as_of, plan_id, ids)
    else:
        total, by_a, by_p = _sql_counts(session, as_of, plan_id, agency_id)
    if conn.dialect.name == "sqlite":
        agencies, plans = dashboard_counts.read_names(conn)
    else:
        agencies = conn.execute(select(Agency.id, Agency.code, Agency.name, Agency.kind, Agency.parent_id)).all()
        plans = conn.execute(
            select(Plan.id, Plan.code, Plan.name, Plan.year, Plan.kind).order_by(Plan.year.desc().nulls_last(), Plan.code)
        ).all()
    return dashboard_counts.summary_from(total, by_a, by_p, agencies, plans)


def _sql_counts(session: Session, as_of: dt.date | None, plan_id: int | None, agency_id: int | None) -> tuple:
    """The counts of a past day (or on another database than SQLite), the status of each task
    read from its history."""
    day = as_of or dt.date.today()
    conn = session.connection()
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
    return sum_groups(rows)

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

