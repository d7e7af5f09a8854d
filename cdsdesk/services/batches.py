"""Import batches: the unit of undo. Every change an import makes is in the audit log with the
batch id; undoing the batch walks those entries backwards and reverts each, after checking that
no later change depends on them."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from dataclasses import dataclass, field
from typing import Iterable

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from ..domain.errors import UserError
from ..domain.periods import Period
from ..domain.status import TaskStatus
from ..domain.text import nfc
from ..store.models import (
    Agency, AuditEntry, ImportBatch, Indicator, IndicatorValue, Plan, StatusUpdate, Target, Task, new_uuid, utcnow,
)
from . import audit, current_user
from .changes import Changes
from .indicators import validate_value
from .tasks import EDITABLE, _parse_status, _validate_progress, edit_task, retract_status_update


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


# --- writing a whole batch at once ----------------------------------------------------------------
#
# An import of 30 forms writes thousands of status updates and values. Written one by one through
# ``record_status_update`` and ``set_value`` each costs a flush and several queries; here the state
# they need is read once, the same rules are applied in Python, and the rows go to the database in a
# few executemany statements. The history, the tasks' current state, the values and the audit log
# come out exactly as the one-by-one services write them (tests/exchange compare both).

_CHUNK = 500


def _chunks(ids: list) -> Iterable[list]:
    for i in range(0, len(ids), _CHUNK):
        yield ids[i:i + _CHUNK]


@dataclass
class TaskState:
    """What a status update needs to know of a task, and its live history (oldest first)."""

    id: int
    uuid: str
    code: str
    title: str
    status: str
    progress: int
    revision: int
    deleted: bool
    last_update_on: dt.date | None
    completed_on: dt.date | None
    #: (entry_date, order, status, progress, note) of every non-retracted entry; order is the id.
    history: list[tuple] = field(default_factory=list)

    def notes(self) -> list[str]:
        return [h[4] for h in self.history if h[4]]

    def last_note(self) -> str | None:
        latest = max((h for h in self.history if h[4]), key=lambda h: (h[0], h[1]), default=None)
        return latest[4] if latest else None


def load_tasks(session: Session, *, uuids: Iterable[str] = (), codes: Iterable[str] = (),
               history: bool = True) -> tuple[dict[str, TaskState], dict[str, TaskState]]:
    """Tasks by uuid and by code (deleted ones included, marked), with their live history."""
    cols = (Task.id, Task.uuid, Task.code, Task.title, Task.status, Task.progress, Task.revision,
            Task.deleted_at, Task.last_update_on, Task.completed_on)
    by_uuid: dict[str, TaskState] = {}
    by_code: dict[str, TaskState] = {}
    by_id: dict[int, TaskState] = {}
    for key, values in ((Task.uuid, sorted(set(uuids))), (Task.code, sorted(set(codes)))):
        for part in _chunks(values):
            for r in session.execute(select(*cols).where(key.in_(part))):
                t = by_id.get(r.id) or TaskState(r.id, r.uuid, r.code, r.title, r.status, r.progress, r.revision,
                                                 r.deleted_at is not None, r.last_update_on, r.completed_on)
                by_id[t.id] = by_uuid[t.uuid] = by_code[t.code] = t
    if history and by_id:
        for part in _chunks(sorted(by_id)):
            for r in session.execute(
                select(StatusUpdate.task_id, StatusUpdate.entry_date, StatusUpdate.id, StatusUpdate.status,
                       StatusUpdate.progress, StatusUpdate.note)
                .where(StatusUpdate.task_id.in_(part), StatusUpdate.retracted_at.is_(None))
                .order_by(StatusUpdate.task_id, StatusUpdate.entry_date, StatusUpdate.id)
            ):
                by_id[r.task_id].history.append((r.entry_date, r.id, r.status, r.progress, r.note or ""))
    return by_uuid, by_code


def _audit_row(*, entity: str, uuid: str, label: str, action: str = "update", field: str = "", old=None,  # noqa: ANN001
               new=None, who: str, batch_id: int | None, source: str, at: dt.datetime) -> dict:
    """One audit row as ``audit.log`` writes it."""
    return dict(at=at, entity=entity, entity_uuid=uuid, entity_label=label[:120], action=action, field=field,
                old=audit._text(old), new=audit._text(new), who=who, batch_id=batch_id, source=source)


@dataclass
class StatusItem:
    task: TaskState
    status: str | TaskStatus | None  # None: the task's status when the update is written
    progress: int | None = None
    note: str = ""
    entry_date: dt.date | None = None


def record_status_updates(session: Session, items: list[StatusItem], *, reporter: str | None, who: str,
                          source: str, batch_id: int | None, audit_rows: list[dict]) -> set[int]:
    """``tasks.record_status_update`` for many tasks at once: the same history entries, current
    state (as ``sync_current`` sets it), revisions and audit rows (appended to ``audit_rows`` in the
    order the one-by-one calls write them). Returns the ids of the tasks changed."""
    now = utcnow()
    entries: list[dict] = []
    task_rows: dict[int, dict] = {}
    order = 1 << 62  # new entries come after every existing one, in the order written
    for it in items:
        task = it.task
        st = _parse_status(it.status if it.status is not None else task.status)
        progress = it.progress
        if progress is None or progress == "":
            progress = 100 if st.is_completed else task.progress
        p = _validate_progress(progress)
        if st.is_completed and p < 100:
            p = 100
        entry_date = it.entry_date or dt.date.today()
        note = nfc(it.note)
        uuid = new_uuid()
        entries.append(dict(uuid=uuid, task_id=task.id, entry_date=entry_date, status=st.value, progress=p, note=note,
                            reporter=nfc(reporter) if reporter else who, source=source, batch_id=batch_id,
                            recorded_at=now))
        order += 1
        task.history.append((entry_date, order, st.value, p, note))
        before = (task.status, task.progress)
        _sync(task)
        task.revision += 1
        task_rows[task.id] = dict(id=task.id, status=task.status, progress=task.progress,
                                  last_update_on=task.last_update_on, completed_on=task.completed_on,
                                  revision=task.revision, updated_at=now)
        common = dict(who=who, batch_id=batch_id, source=source, at=now)
        audit_rows.append(_audit_row(entity="status_update", uuid=uuid, label=task.code, action="create",
                                     field="status", old=before[0], new=st.value, **common))
        if before[1] != task.progress:
            audit_rows.append(_audit_row(entity="task", uuid=task.uuid, label=task.code, field="progress",
                                         old=before[1], new=task.progress, **common))
        if it.note:
            audit_rows.append(_audit_row(entity="status_update", uuid=uuid, label=task.code, action="create",
                                         field="note", new=note, **common))
    if entries:
        conn = session.connection()
        conn.execute(StatusUpdate.__table__.insert(), entries)
        t = Task.__table__
        conn.execute(t.update().where(t.c.id == bindparam("_id")).values(
            status=bindparam("status"), progress=bindparam("progress"), last_update_on=bindparam("last_update_on"),
            completed_on=bindparam("completed_on"), revision=bindparam("revision"), updated_at=bindparam("updated_at"),
        ), [{"_id": r.pop("id"), **r} for r in task_rows.values()])
    return set(task_rows)


def _sync(task: TaskState) -> None:
    """``tasks.sync_current`` over the in-memory history."""
    if not task.history:
        task.status, task.progress, task.last_update_on, task.completed_on = "not_started", 0, None, None
        return
    ordered = sorted(task.history, key=lambda h: (h[0], h[1]), reverse=True)
    latest = ordered[0]
    task.status, task.progress, task.last_update_on = latest[2], latest[3], latest[0]
    if TaskStatus(latest[2]).is_completed:
        first = latest[0]
        for h in ordered:
            if not TaskStatus(h[2]).is_completed:
                break
            first = h[0]
        task.completed_on = first
    else:
        task.completed_on = None


@dataclass
class ValueState:
    """A stored indicator value (or the place for one) as ``set_value`` sees it."""

    id: int | None
    uuid: str
    value: float | None
    comment: str
    revision: int


def load_values(session: Session, agency_id: int, period: str, indicator_ids: Iterable[int]) -> dict[int, ValueState]:
    """The agency's stored values for the period, by indicator id."""
    out: dict[int, ValueState] = {}
    for part in _chunks(sorted(set(indicator_ids))):
        for r in session.execute(
            select(IndicatorValue.indicator_id, IndicatorValue.id, IndicatorValue.uuid, IndicatorValue.value,
                   IndicatorValue.comment, IndicatorValue.revision)
            .where(IndicatorValue.agency_id == agency_id, IndicatorValue.period == period,
                   IndicatorValue.indicator_id.in_(part))
        ):
            out[r.indicator_id] = ValueState(r.id, r.uuid, r.value, r.comment or "", r.revision)
    return out


#: A ValueItem's value when the file changes only the note: the stored value is kept.
KEEP = object()


@dataclass
class ValueItem:
    indicator_id: int
    indicator_code: str
    value_type: str
    value: object = KEEP
    comment: str | None = None


def set_values(session: Session, items: list[ValueItem], *, agency_id: int, period: str,
               current: dict[int, ValueState], who: str, source: str, batch_id: int | None,
               audit_rows: list[dict]) -> set[int]:
    """``indicators.set_value`` for many values of one agency and period at once: the same rows,
    revisions and audit rows (appended to ``audit_rows`` in call order). ``current`` (from
    ``load_values``) is kept up to date. Returns the indicator ids changed."""
    p = Period.parse(period)
    now = utcnow()
    new_rows: list[dict] = []
    changed_rows: dict[str, dict] = {}
    touched: set[int] = set()
    for it in items:
        row = current.get(it.indicator_id)
        raw = it.value if it.value is not KEEP else (row.value if row is not None else None)
        number = validate_value(it, raw)
        label = f"{it.indicator_code}/{p.code}"
        common = dict(who=who, batch_id=batch_id, source=source, at=now)
        touched.add(it.indicator_id)
        if row is None:
            uuid = new_uuid()
            comment = nfc(it.comment or "")
            new_rows.append(dict(uuid=uuid, indicator_id=it.indicator_id, agency_id=agency_id, period=p.code,
                                 period_end=p.end, value=number, comment=comment, stored_by=who, stored_at=now,
                                 batch_id=batch_id, revision=1))
            current[it.indicator_id] = ValueState(None, uuid, number, comment, 1)
            audit_rows.append(_audit_row(entity="indicator_value", uuid=uuid, label=label, action="create",
                                         field="value", new=number, **common))
            continue
        changed = False
        if row.value != number:
            audit_rows.append(_audit_row(entity="indicator_value", uuid=row.uuid, label=label, field="value",
                                         old=row.value, new=number, **common))
            row.value = number
            changed = True
        if it.comment is not None and nfc(it.comment) != row.comment:
            audit_rows.append(_audit_row(entity="indicator_value", uuid=row.uuid, label=label, field="comment",
                                         old=row.comment, new=nfc(it.comment), **common))
            row.comment = nfc(it.comment)
            changed = True
        if changed:
            row.revision += 1
            changed_rows[row.uuid] = dict(value=row.value, comment=row.comment, revision=row.revision,
                                          stored_by=who, stored_at=now, batch_id=batch_id, _uuid=row.uuid)
    conn = session.connection()
    if new_rows:
        conn.execute(IndicatorValue.__table__.insert(), new_rows)
    if changed_rows:
        t = IndicatorValue.__table__
        conn.execute(t.update().where(t.c.uuid == bindparam("_uuid")).values(
            value=bindparam("value"), comment=bindparam("comment"), revision=bindparam("revision"),
            stored_by=bindparam("stored_by"), stored_at=bindparam("stored_at"), batch_id=bindparam("batch_id"),
        ), [{k: v for k, v in r.items() if k != "_id"} for r in changed_rows.values()])
    return touched


def write_audit(session: Session, rows: list[dict]) -> None:
    """The audit rows in one executemany, in the order given (undo walks them by id)."""
    if rows:
        session.connection().execute(AuditEntry.__table__.insert(), rows)
