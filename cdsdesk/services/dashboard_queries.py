"""Read-side queries the desktop views need beyond ``queries`` and ``audit``: the audit history
of one record, which for a task includes its status updates (stored as their own records)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from ..store.models import AuditEntry
from .audit import AuditRow

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
