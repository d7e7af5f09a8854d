"""Import batches: the unit of undo. Every change an import makes is in the audit log with the
batch id; undoing the batch walks those entries backwards and reverts each, after checking that
no later change depends on them."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.errors import UserError
from ..store.models import (
    Agency, AuditEntry, ImportBatch, Indicator, IndicatorValue, Plan, StatusUpdate, Target, Task, utcnow,
)
from . import audit, current_user
from .changes import Changes
from .tasks import EDITABLE, edit_task, retract_status_update


def begin_batch(session: Session, *, kind: str, source_name: str = "", source_sha256: str = "",
                agency_id: int | None = None, period: str | None = None, source_db_id: str = "",
                who: str | None = None) -> ImportBatch:
    b = ImportBatch(kind=kind, source_name=source_name, source_sha256=source_sha256, agency_id=agency_id,
                    period=period, source_db_id=source_db_id, created_by=who or current_user())
    session.add(b)
    session.flush()
    return b


def finish_batch(batch: ImportBatch, summary: dict[str, Any]) -> None:
    """Add the summary to what the importer may already have kept on the batch."""
    try:
        kept = json.loads(batch.summary_json or "{}")
    except ValueError:
        kept = {}
    kept = kept if isinstance(kept, dict) else {}
    batch.summary_json = json.dumps({**kept, **summary}, ensure_ascii=False, default=str)


def find_applied(session: Session, sha256: str) -> ImportBatch | None:
    """The batch that already applied a file with this content, if it was not undone."""
    return session.scalar(
        select(ImportBatch).where(ImportBatch.source_sha256 == sha256, ImportBatch.undone_at.is_(None))
        .order_by(ImportBatch.id.desc()).limit(1)
    )


def get_batch(session: Session, ref: str | int) -> ImportBatch:
    """A batch by id or uuid."""
    b = None
    if isinstance(ref, int) or str(ref).isdigit():
        b = session.get(ImportBatch, int(ref))
    if b is None:
        b = session.scalar(select(ImportBatch).where(ImportBatch.uuid.like(f"{ref}%")))
    if b is None:
        raise UserError(f"Không tìm thấy lần nhập '{ref}'", f"Import batch '{ref}' not found")
    return b


def list_batches(session: Session, limit: int = 200) -> list[ImportBatch]:
    return list(session.scalars(select(ImportBatch).order_by(ImportBatch.id.desc()).limit(limit)))


_DATE_FIELDS = {"start_date", "deadline"}
_INT_FIELDS = {"plan_id", "area_id", "lead_agency_id", "directive_id"}


def _typed(field: str, text: str | None) -> Any:
    if text is None:
        return None
    if field in _DATE_FIELDS:
        return dt.date.fromisoformat(text)
    if field in _INT_FIELDS:
        return int(text)
    if field == "recurring":
        return text == "1"
    if field == "cooperator_ids":
        return [int(x) for x in text.split(",") if x]
    return text


def _later_conflict(session: Session, entry: AuditEntry, batch_id: int) -> AuditEntry | None:
    """A later change to the same record and field that is not part of this batch."""
    q = select(AuditEntry).where(
        AuditEntry.id > entry.id,
        AuditEntry.entity_uuid == entry.entity_uuid,
        (AuditEntry.batch_id.is_(None)) | (AuditEntry.batch_id != batch_id),
    )
    if entry.action == "update":
        q = q.where(AuditEntry.field == entry.field)
    return session.scalar(q.order_by(AuditEntry.id).limit(1))


def undo_batch(session: Session, ref: str | int, *, who: str | None = None) -> Changes:
    """Revert everything a batch changed; refuses (changing nothing) when later edits depend on it."""
    who = who or current_user()
    batch = get_batch(session, ref)
    if batch.undone_at is not None:
        raise UserError(
            f"Lần nhập {batch.id} đã được hoàn tác lúc {batch.undone_at:%d/%m/%Y %H:%M}",
            f"Import batch {batch.id} was already undone at {batch.undone_at:%Y-%m-%d %H:%M}",
        )
    entries = list(session.scalars(
        select(AuditEntry).where(AuditEntry.batch_id == batch.id).order_by(AuditEntry.id.desc())))
    # Later task edits made through status updates of other batches also depend on this one.
    for e in entries:
        if e.entity == "status_update" and e.field == "note":
            continue
        if e.entity == "task" and e.field == "progress":
            continue
        later = _later_conflict(session, e, batch.id)
        if later is not None:
            raise UserError(
                f"Không thể hoàn tác lần nhập {batch.id}: {later.entity_label} đã được sửa sau đó "
                f"({later.who}, {later.at:%d/%m/%Y %H:%M}). Hãy hoàn tác thay đổi sau trước.",
                f"Cannot undo import batch {batch.id}: {later.entity_label} was changed later "
                f"({later.who}, {later.at:%Y-%m-%d %H:%M}). Undo the later change first.",
            )
    changes = Changes(batch_id=batch.id)
    for e in entries:
        if e.entity == "status_update" and e.action == "create" and e.field == "status":
            su = session.scalar(select(StatusUpdate).where(StatusUpdate.uuid == e.entity_uuid))
            if su is not None and su.retracted_at is None:
                retract_status_update(session, su.id, who=who, source=f"undo:{batch.id}")
                changes.tasks.add(su.task_id)
        elif e.entity == "task" and e.action == "update" and e.field in EDITABLE:
            task = session.scalar(select(Task).where(Task.uuid == e.entity_uuid))
            if task is not None:
                edit_task(session, task.id, {e.field: _typed(e.field, e.old)}, who=who, source=f"undo:{batch.id}")
                changes.tasks.add(task.id)
        elif e.entity == "task" and e.action == "create":
            task = session.scalar(select(Task).where(Task.uuid == e.entity_uuid))
            if task is not None and task.deleted_at is None:
                task.deleted_at = utcnow()
                task.revision += 1
                audit.log(session, entity="task", uuid=task.uuid, label=task.code, action="delete",
                          who=who, source=f"undo:{batch.id}")
                changes.tasks.add(task.id)
        elif e.entity == "indicator_value":
            row = session.scalar(select(IndicatorValue).where(IndicatorValue.uuid == e.entity_uuid))
            if e.action == "create" and row is not None:
                audit.log(session, entity="indicator_value", uuid=row.uuid, label=e.entity_label,
                          action="delete", field="value", old=row.value, who=who, source=f"undo:{batch.id}")
                changes.indicators.add(row.indicator_id)
                session.delete(row)
            elif e.action == "update" and row is not None:
                if e.field == "value" and e.old is not None:
                    row.value = float(e.old)
                elif e.field == "comment":
                    row.comment = e.old or ""
                row.revision += 1
                audit.log(session, entity="indicator_value", uuid=row.uuid, label=e.entity_label,
                          field=e.field, old=e.new, new=e.old, who=who, source=f"undo:{batch.id}")
                changes.indicators.add(row.indicator_id)
        elif e.action == "create" and e.entity in ("agency", "plan", "indicator", "target"):
            model = {"agency": Agency, "plan": Plan, "indicator": Indicator, "target": Target}[e.entity]
            row = session.scalar(select(model).where(model.uuid == e.entity_uuid))
            if row is not None:
                try:
                    with session.begin_nested():
                        session.delete(row)
                        session.flush()
                except Exception:
                    pass  # still referenced by something the batch did not create: keep it
                audit.log(session, entity=e.entity, uuid=e.entity_uuid, label=e.entity_label,
                          action="delete", who=who, source=f"undo:{batch.id}")
                changes.agencies = changes.agencies or e.entity == "agency"
                changes.plans = changes.plans or e.entity == "plan"
    batch.undone_at = utcnow()
    batch.undone_by = who
    session.flush()
    return changes
