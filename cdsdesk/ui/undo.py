"""Undo as data: each edit is an operation that knows its inverse, calling the services.

An operation's ``apply(session)`` does the edit and remembers what its inverse needs (the old
values the services return); ``revert(session)`` undoes it; ``apply`` again redoes it. Each step
runs in its own transaction. ``UndoCommand`` wraps an operation for ``QUndoStack``; ``perform``
runs the first step *before* pushing, so that an edit the services refuse never reaches the stack
and the user sees the reason instead.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Iterable

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy.orm import Session

from ..domain.errors import UserError
from ..services import tasks as task_service
from ..services.changes import Changes
from .context import AppContext


class Operation:
    """One user action, reversible. Subclasses set ``text`` and implement the three steps."""

    text = ""

    def apply(self, session: Session) -> Changes:  # first run and redo
        raise NotImplementedError

    def revert(self, session: Session) -> Changes:
        raise NotImplementedError


class EditTask(Operation):
    """Change some fields of one task; the inverse sets back the old values the service returned."""

    def __init__(self, task_id: int, changes: dict[str, Any], *, text: str = "", expected_revision: int | None = None):
        self.task_id = task_id
        self.new = dict(changes)
        self.old: dict[str, Any] = {}
        self.expected_revision = expected_revision
        self.text = text
        self._first = True

    def apply(self, session: Session) -> Changes:
        rev = self.expected_revision if self._first else None
        self._first = False
        self.old = task_service.edit_task(session, self.task_id, self.new, expected_revision=rev)
        # Only what actually changed is redone later.
        self.new = {k: v for k, v in self.new.items() if k in self.old}
        return Changes(tasks={self.task_id}, plans="plan_id" in self.old, agencies="lead_agency_id" in self.old)

    def revert(self, session: Session) -> Changes:
        task_service.edit_task(session, self.task_id, self.old)
        return Changes(tasks={self.task_id}, plans="plan_id" in self.old, agencies="lead_agency_id" in self.old)

    @property
    def changed(self) -> bool:
        return bool(self.old)


class UpdateStatus(Operation):
    """Append a status update to one or many tasks; undo retracts the entries (kept, marked)."""

    def __init__(self, task_ids: Iterable[int], *, status: str, progress: int | None, note: str,
                 entry_date: dt.date | None, text: str = ""):
        self.task_ids = list(task_ids)
        self.status, self.progress, self.note, self.entry_date = status, progress, note, entry_date
        self.entry_ids: list[int] = []
        self.text = text

    def apply(self, session: Session) -> Changes:
        if not self.entry_ids:
            for tid in self.task_ids:
                entry = task_service.record_status_update(
                    session, tid, status=self.status, progress=self.progress, note=self.note,
                    entry_date=self.entry_date,
                )
                self.entry_ids.append(entry.id)
        else:
            for eid in self.entry_ids:
                task_service.unretract_status_update(session, eid)
        return Changes(tasks=set(self.task_ids))

    def revert(self, session: Session) -> Changes:
        for eid in reversed(self.entry_ids):
            task_service.retract_status_update(session, eid)
        return Changes(tasks=set(self.task_ids))


class CreateTask(Operation):
    """Create (or duplicate) a task; undo deletes it recoverably, redo restores it."""

    def __init__(self, fields: dict[str, Any] | None = None, *, duplicate_of: int | None = None, text: str = ""):
        self.fields = dict(fields or {})
        self.duplicate_of = duplicate_of
        self.task_id: int | None = None
        self.text = text

    def apply(self, session: Session) -> Changes:
        if self.task_id is None:
            if self.duplicate_of is not None:
                task = task_service.duplicate_task(session, self.duplicate_of)
            else:
                task = task_service.create_task(session, self.fields)
            session.flush()
            self.task_id = task.id
        else:
            task_service.restore_task(session, self.task_id)
        return Changes(tasks={self.task_id})

    def revert(self, session: Session) -> Changes:
        assert self.task_id is not None
        task_service.delete_task(session, self.task_id)
        return Changes(tasks={self.task_id})


class DeleteTasks(Operation):
    """Recoverable deletion of tasks; undo restores them."""

    def __init__(self, task_ids: Iterable[int], *, text: str = ""):
        self.task_ids = list(task_ids)
        self.text = text

    def apply(self, session: Session) -> Changes:
        for tid in self.task_ids:
            task_service.delete_task(session, tid)
        return Changes(tasks=set(self.task_ids))

    def revert(self, session: Session) -> Changes:
        for tid in self.task_ids:
            task_service.restore_task(session, tid)
        return Changes(tasks=set(self.task_ids))


class RestoreTasks(DeleteTasks):
    """Bring deleted tasks back (from the deleted list); undo deletes them again."""

    def apply(self, session: Session) -> Changes:
        return DeleteTasks.revert(self, session)

    def revert(self, session: Session) -> Changes:
        return DeleteTasks.apply(self, session)


class UndoCommand(QUndoCommand):
    """A QUndoCommand around an Operation; the first apply happened already in ``perform``."""

    def __init__(self, ctx: AppContext, op: Operation) -> None:
        super().__init__(op.text)
        self.ctx = ctx
        self.op = op
        self._skip_first_redo = True

    def _run(self, step) -> None:  # noqa: ANN001
        try:
            with self.ctx.db.session() as s:
                changes = step(s)
        except UserError as exc:
            from .messages import show_error

            show_error(_window(), exc)
            self.setObsolete(True)
            return
        self.ctx.notify(changes)

    def redo(self) -> None:
        if self._skip_first_redo:
            self._skip_first_redo = False
            return
        self._run(self.op.apply)

    def undo(self) -> None:
        self._run(self.op.revert)


def _window() -> QWidget | None:
    return QApplication.activeWindow()


def perform(ctx: AppContext, op: Operation, parent: QWidget | None = None) -> bool:
    """Run the operation once; if the services accept it, push it onto the undo stack.

    A refused edit (``UserError``) is shown to the user and leaves the database as it was."""
    try:
        with ctx.db.session() as s:
            changes = op.apply(s)
    except UserError as exc:
        from .messages import show_error

        show_error(parent or _window(), exc)
        return False
    if not getattr(op, "changed", True):
        return True  # an edit that changed nothing: nothing to undo
    ctx.undo_stack.push(UndoCommand(ctx, op))
    ctx.notify(changes)
    return True
