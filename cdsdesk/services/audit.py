"""The audit log: append-only records of who changed what, when, from which file."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..store.models import AuditEntry
from . import current_user


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (list, tuple, set)):
        return ",".join(sorted(str(v) for v in value))
    return str(value)


def log(
    session: Session,
    *,
    entity: str,
    uuid: str,
    label: str = "",
    action: str = "update",
    field: str = "",
    old: Any = None,
    new: Any = None,
    who: str | None = None,
    batch_id: int | None = None,
    source: str = "manual",
) -> AuditEntry:
    entry = AuditEntry(
        entity=entity,
        entity_uuid=uuid,
        entity_label=label[:120],
        action=action,
        field=field,
        old=_text(old),
        new=_text(new),
        who=who or current_user(),
        batch_id=batch_id,
        source=source,
    )
    session.add(entry)
    return entry


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: dt.datetime
    who: str
    entity: str
    entity_uuid: str
    entity_label: str
    action: str
    field: str
    old: str | None
    new: str | None
    batch_id: int | None
    source: str


def query(
    session: Session,
    *,
    entity: str | None = None,
    entity_uuid: str | None = None,
    who: str | None = None,
    since: dt.datetime | None = None,
    until: dt.datetime | None = None,
    batch_id: int | None = None,
    text: str | None = None,
    limit: int = 500,
    offset: int = 0,
) -> list[AuditRow]:
    """Audit entries, newest first, filtered."""
    q = select(AuditEntry).order_by(AuditEntry.id.desc())
    if entity:
        q = q.where(AuditEntry.entity == entity)
    if entity_uuid:
        q = q.where(AuditEntry.entity_uuid == entity_uuid)
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
        q = q.where(
            AuditEntry.entity_label.like(like) | AuditEntry.old.like(like) | AuditEntry.new.like(like)
        )
    rows = session.scalars(q.offset(offset).limit(limit))
    return [
        AuditRow(r.id, r.at, r.who, r.entity, r.entity_uuid, r.entity_label, r.action, r.field,
                 r.old, r.new, r.batch_id, r.source)
        for r in rows
    ]
