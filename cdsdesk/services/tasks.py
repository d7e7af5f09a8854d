"""Task use cases: create, edit, record a status update, delete and restore, duplicate, bulk.

Each write bumps the task's revision, writes the audit log, and returns what is needed to undo
it (the old values), all in the caller's transaction (``with db.session() as s``).
"""

from __future__ import annotations

import datetime as dt
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Iterable, Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from ..domain.errors import ConflictError, ValidationError
from ..domain.status import Priority, TaskStatus
from ..domain.text import fold, nfc, sort_key
from ..store.errors import WriteConflictError
from ..store.models import Agency, StatusUpdate, Task, utcnow
from . import audit, current_user
from .changes import Changes

#: Fields an edit may change, with the audit name of each.
EDITABLE = (
    "code", "title", "description", "plan_id", "area_id", "lead_agency_id", "directive_id",
    "focal_person", "start_date", "deadline", "recurring", "expected_product", "priority",
    "cooperator_ids",
)
_TEXT_FIELDS = {"code", "title", "description", "focal_person", "expected_product"}


def refresh_derived(task: Task, lead_agency_name: str | None = None) -> None:
    """Recompute the precomputed search and sort keys of a task."""
    if lead_agency_name is None:
        lead_agency_name = task.lead_agency.name if task.lead_agency is not None else ""
    task.search_text = fold(
        " ".join([task.code or "", task.title or "", task.description or "",
                  lead_agency_name, task.expected_product or "", task.focal_person or ""])
    )
    task.title_sort = sort_key(task.title)


def _check_revision(task: Task, expected_revision: int | None) -> None:
    if expected_revision is not None and task.revision != expected_revision:
        raise ConflictError(
            f"Nhiệm vụ {task.code} vừa được người khác thay đổi (phiên bản {task.revision}, "
            f"bạn đang sửa phiên bản {expected_revision}); hãy tải lại rồi sửa tiếp.",
            f"Task {task.code} was changed by someone else (revision {task.revision}, you were "
            f"editing revision {expected_revision}); reload and edit again.",
        )


@contextmanager
def _conditional_write(session: Session, task: Task) -> Iterator[None]:
    """Make the changes in the block, then write the task. The UPDATE is conditional on the
    revision read in this transaction (``Task.revision`` is the mapper's version column): if
    another client wrote the task after this one read it, no row matches and the whole change is
    refused, nothing written. The refusal may come from any flush inside the block."""
    code = task.code
    try:
        yield
        session.flush()
    except (StaleDataError, WriteConflictError) as exc:
        raise ConflictError(
            f"Nhiệm vụ {code} vừa được người khác thay đổi trong lúc bạn lưu; thay đổi của bạn chưa"
            " được ghi. Hãy tải lại rồi sửa tiếp.",
            f"Task {code} was changed by someone else while you were saving it; your change was not"
            " written. Reload and edit again.",
        ) from exc


def _validate(fields: dict[str, Any]) -> dict[str, Any]:
    out = dict(fields)
    for k in _TEXT_FIELDS & out.keys():
        out[k] = nfc(out[k])
    if "title" in out and not out["title"]:
        raise ValidationError("Tên nhiệm vụ không được để trống", "The task title cannot be empty")
    if "code" in out and not out["code"]:
        raise ValidationError("Mã nhiệm vụ không được để trống", "The task code cannot be empty")
    if "priority" in out:
        try:
            Priority(out["priority"])
        except ValueError:
            raise ValidationError(
                f"Mức ưu tiên không hợp lệ: {out['priority']}", f"Invalid priority: {out['priority']}"
            ) from None
    start, deadline = out.get("start_date"), out.get("deadline")
    if start and deadline and deadline < start:
        raise ValidationError(
            "Thời hạn không được trước ngày bắt đầu", "The deadline cannot be before the start date"
        )
    return out


def _check_unique_code(session: Session, code: str, task_id: int | None = None) -> None:
    other = session.scalar(select(Task.id).where(Task.code == code))
    if other is not None and other != task_id:
        raise ValidationError(f"Mã nhiệm vụ '{code}' đã tồn tại", f"Task code '{code}' already exists")


def next_code(session: Session, prefix: str = "NV") -> str:
    """The next free code ``PREFIX-NNN``."""
    codes = session.scalars(select(Task.code).where(Task.code.like(f"{prefix}-%")))
    nums = [int(c.rsplit("-", 1)[1]) for c in codes if c.rsplit("-", 1)[1].isdigit()]
    return f"{prefix}-{(max(nums) if nums else 0) + 1:03d}"


def create_task(
    session: Session,
    fields: dict[str, Any],
    *,
    who: str | None = None,
    batch_id: int | None = None,
    source: str = "manual",
    uuid: str | None = None,
) -> Task:
    """Create a task from a dict of EDITABLE fields (plus optional initial ``status``/``progress``)."""
    who = who or current_user()
    fields = _validate(fields)
    if not fields.get("code"):
        fields["code"] = next_code(session)
    _check_unique_code(session, fields["code"])
    cooperator_ids = fields.pop("cooperator_ids", None) or []
    status = fields.pop("status", TaskStatus.NOT_STARTED.value)
    progress = fields.pop("progress", 0)
    task = Task(**{k: v for k, v in fields.items() if k in EDITABLE})
    if uuid:
        task.uuid = uuid
    task.status, task.progress = TaskStatus(status).value, int(progress)
    if cooperator_ids:
        task.cooperators = list(session.scalars(select(Agency).where(Agency.id.in_(cooperator_ids))))
    session.add(task)
    session.flush()
    refresh_derived(task)
    audit.log(session, entity="task", uuid=task.uuid, label=task.code, action="create",
              new=task.title, who=who, batch_id=batch_id, source=source)
    if status != TaskStatus.NOT_STARTED.value or progress:
        record_status_update(session, task.id, status=status, progress=progress,
                             entry_date=fields.get("start_date") or dt.date.today(), who=who,
                             batch_id=batch_id, source=source, note="")
    return task


def task_fields(task: Task) -> dict[str, Any]:
    """The EDITABLE fields of a task as a dict (what an undo restores)."""
    out = {k: getattr(task, k) for k in EDITABLE if k != "cooperator_ids"}
    out["cooperator_ids"] = sorted(a.id for a in task.cooperators)
    return out


def edit_task(
    session: Session,
    task_id: int,
    changes: dict[str, Any],
    *,
    who: str | None = None,
    expected_revision: int | None = None,
    batch_id: int | None = None,
    source: str = "manual",
) -> dict[str, Any]:
    """Change fields of a task. Returns the old values of the fields that changed."""
    who = who or current_user()
    task = session.get(Task, task_id)
    if task is None:
        raise ValidationError(f"Không tìm thấy nhiệm vụ #{task_id}", f"Task #{task_id} not found")
    _check_revision(task, expected_revision)
    changes = _validate({k: v for k, v in changes.items() if k in EDITABLE})
    merged_start = changes.get("start_date", task.start_date)
    merged_deadline = changes.get("deadline", task.deadline)
    if merged_start and merged_deadline and merged_deadline < merged_start:
        raise ValidationError(
            "Thời hạn không được trước ngày bắt đầu", "The deadline cannot be before the start date"
        )
    if "code" in changes:
        _check_unique_code(session, changes["code"], task.id)
    old: dict[str, Any] = {}
    with _conditional_write(session, task):
        for key, value in changes.items():
            if key == "cooperator_ids":
                before = sorted(a.id for a in task.cooperators)
                after = sorted(set(value or []))
                if before != after:
                    old[key] = before
                    task.cooperators = list(session.scalars(select(Agency).where(Agency.id.in_(after))))
                    audit.log(session, entity="task", uuid=task.uuid, label=task.code, field=key,
                              old=before, new=after, who=who, batch_id=batch_id, source=source)
                continue
            before = getattr(task, key)
            if before != value:
                old[key] = before
                setattr(task, key, value)
                audit.log(session, entity="task", uuid=task.uuid, label=task.code, field=key,
                          old=before, new=value, who=who, batch_id=batch_id, source=source)
        if old:
            task.revision += 1
            task.updated_at = utcnow()
            session.flush()
            session.refresh(task, ["lead_agency"])
            refresh_derived(task)
    return old


def _validate_progress(progress: Any) -> int:
    try:
        p = float(progress)
    except (TypeError, ValueError):
        raise ValidationError(
            f"Tiến độ phải là số từ 0 đến 100, không phải '{progress}'",
            f"Progress must be a number from 0 to 100, not '{progress}'",
        ) from None
    if not 0 <= p <= 100 or p != int(p):
        raise ValidationError(
            f"Tiến độ phải là số nguyên từ 0 đến 100, không phải '{progress}'",
            f"Progress must be a whole number from 0 to 100, not '{progress}'",
        )
    return int(p)


def _parse_status(status: str | TaskStatus) -> TaskStatus:
    try:
        return TaskStatus(status)
    except ValueError:
        from ..domain.status import parse_status

        try:
            return parse_status(str(status))
        except ValueError:
            keys = ", ".join(s.value for s in TaskStatus)
            labels = "; ".join(s.label_vi for s in TaskStatus)
            raise ValidationError(
                f"'{status}' không phải là trạng thái hợp lệ; chọn một trong: {labels}",
                f"'{status}' is not a valid status; choose one of: {keys}",
            ) from None


def sync_current(task: Task, session: Session) -> None:
    """Set the task's current status/progress from its latest non-retracted history entry."""
    latest = session.scalar(
        select(StatusUpdate)
        .where(StatusUpdate.task_id == task.id, StatusUpdate.retracted_at.is_(None))
        .order_by(StatusUpdate.entry_date.desc(), StatusUpdate.id.desc())
        .limit(1)
    )
    if latest is None:
        task.status, task.progress, task.last_update_on, task.completed_on = "not_started", 0, None, None
        return
    task.status, task.progress, task.last_update_on = latest.status, latest.progress, latest.entry_date
    if TaskStatus(latest.status).is_completed:
        # The day it first became completed in the run of completed entries ending now.
        entries = session.scalars(
            select(StatusUpdate)
            .where(StatusUpdate.task_id == task.id, StatusUpdate.retracted_at.is_(None))
            .order_by(StatusUpdate.entry_date.desc(), StatusUpdate.id.desc())
        )
        first = latest.entry_date
        for e in entries:
            if not TaskStatus(e.status).is_completed:
                break
            first = e.entry_date
        task.completed_on = first
    else:
        task.completed_on = None


def record_status_update(
    session: Session,
    task_id: int,
    *,
    status: str | TaskStatus,
    progress: int | float | str | None = None,
    note: str = "",
    entry_date: dt.date | None = None,
    reporter: str | None = None,
    who: str | None = None,
    source: str = "manual",
    batch_id: int | None = None,
    expected_revision: int | None = None,
) -> StatusUpdate:
    """Append a status update to the history and bring the task's current state up to date."""
    who = who or current_user()
    task = session.get(Task, task_id)
    if task is None:
        raise ValidationError(f"Không tìm thấy nhiệm vụ #{task_id}", f"Task #{task_id} not found")
    _check_revision(task, expected_revision)
    st = _parse_status(status)
    if progress is None or progress == "":
        progress = 100 if st.is_completed else task.progress
    p = _validate_progress(progress)
    if st.is_completed and p < 100:
        p = 100
    entry = StatusUpdate(
        task_id=task.id,
        entry_date=entry_date or dt.date.today(),
        status=st.value,
        progress=p,
        note=nfc(note),
        reporter=nfc(reporter) if reporter else who,
        source=source,
        batch_id=batch_id,
    )
    with _conditional_write(session, task):
        session.add(entry)
        session.flush()
        before = (task.status, task.progress)
        sync_current(task, session)
        task.revision += 1
        task.updated_at = utcnow()
    audit.log(session, entity="status_update", uuid=entry.uuid, label=task.code, action="create",
              field="status", old=before[0], new=st.value, who=who, batch_id=batch_id, source=source)
    if before[1] != task.progress:
        audit.log(session, entity="task", uuid=task.uuid, label=task.code, field="progress",
                  old=before[1], new=task.progress, who=who, batch_id=batch_id, source=source)
    if note:
        audit.log(session, entity="status_update", uuid=entry.uuid, label=task.code, action="create",
                  field="note", new=entry.note, who=who, batch_id=batch_id, source=source)
    return entry


def retract_status_update(
    session: Session, update_id: int, *, who: str | None = None, batch_id: int | None = None,
    source: str = "manual",
) -> StatusUpdate:
    """Undo a status update: the entry stays in the history, marked retracted."""
    who = who or current_user()
    entry = session.get(StatusUpdate, update_id)
    if entry is None or entry.retracted_at is not None:
        raise ValidationError("Mục lịch sử không tồn tại hoặc đã được thu hồi",
                              "The history entry does not exist or was already retracted")
    task = entry.task
    with _conditional_write(session, task):
        entry.retracted_at = utcnow()
        before = task.status
        sync_current(task, session)
        task.revision += 1
        task.updated_at = utcnow()
    audit.log(session, entity="status_update", uuid=entry.uuid, label=task.code, action="retract",
              field="status", old=before, new=task.status, who=who, batch_id=batch_id, source=source)
    return entry


def unretract_status_update(session: Session, update_id: int, *, who: str | None = None) -> StatusUpdate:
    """Redo of a retraction."""
    who = who or current_user()
    entry = session.get(StatusUpdate, update_id)
    if entry is None or entry.retracted_at is None:
        raise ValidationError("Mục lịch sử không ở trạng thái thu hồi",
                              "The history entry is not retracted")
    task = entry.task
    with _conditional_write(session, task):
        entry.retracted_at = None
        before = task.status
        sync_current(task, session)
        task.revision += 1
        task.updated_at = utcnow()
    audit.log(session, entity="status_update", uuid=entry.uuid, label=task.code, action="restore",
              field="status", old=before, new=task.status, who=who)
    return entry


def delete_task(session: Session, task_id: int, *, who: str | None = None, batch_id: int | None = None) -> Task:
    """Recoverable deletion: the task disappears from lists and counts until restored."""
    task = session.get(Task, task_id)
    if task is None or task.deleted_at is not None:
        raise ValidationError(f"Không tìm thấy nhiệm vụ #{task_id}", f"Task #{task_id} not found")
    with _conditional_write(session, task):
        task.deleted_at = utcnow()
        task.revision += 1
    audit.log(session, entity="task", uuid=task.uuid, label=task.code, action="delete",
              who=who, batch_id=batch_id)
    return task


def restore_task(session: Session, task_id: int, *, who: str | None = None) -> Task:
    task = session.get(Task, task_id)
    if task is None or task.deleted_at is None:
        raise ValidationError(f"Nhiệm vụ #{task_id} không ở thùng rác", f"Task #{task_id} is not deleted")
    with _conditional_write(session, task):
        task.deleted_at = None
        task.revision += 1
    audit.log(session, entity="task", uuid=task.uuid, label=task.code, action="restore", who=who)
    return task


def duplicate_task(session: Session, task_id: int, *, who: str | None = None) -> Task:
    """A copy of the task's fields under a new code, not started."""
    src = session.get(Task, task_id)
    if src is None:
        raise ValidationError(f"Không tìm thấy nhiệm vụ #{task_id}", f"Task #{task_id} not found")
    fields = task_fields(src)
    base = src.code
    n = 2
    while session.scalar(select(Task.id).where(Task.code == f"{base} ({n})")) is not None:
        n += 1
    fields["code"] = f"{base} ({n})"
    fields["title"] = src.title
    return create_task(session, fields, who=who)


@dataclass(frozen=True)
class BulkResult:
    updates: list[int]  # StatusUpdate ids, for undo
    changes: Changes


def bulk_status(
    session: Session,
    task_ids: Iterable[int],
    *,
    status: str,
    note: str = "",
    entry_date: dt.date | None = None,
    progress: int | None = None,
    who: str | None = None,
) -> BulkResult:
    """The same status update on many tasks, in one transaction."""
    ids, changes = [], Changes()
    for tid in task_ids:
        entry = record_status_update(session, tid, status=status, note=note, entry_date=entry_date,
                                     progress=progress, who=who)
        ids.append(entry.id)
        changes.tasks.add(tid)
    return BulkResult(ids, changes)


def history(session: Session, task_id: int, *, include_retracted: bool = False) -> list[StatusUpdate]:
    q = select(StatusUpdate).where(StatusUpdate.task_id == task_id)
    if not include_retracted:
        q = q.where(StatusUpdate.retracted_at.is_(None))
    return list(session.scalars(q.order_by(StatusUpdate.entry_date.desc(), StatusUpdate.id.desc())))
