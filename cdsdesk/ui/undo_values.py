"""Undoable entry of indicator values: each command knows the value before and after and writes
through the indicator service (audit included); the stack's undo writes the old value back, or
removes a value that did not exist before."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from ..domain.errors import UserError
from ..domain.numbers import format_number
from ..services import indicators
from ..services.changes import Changes
from .context import AppContext


def _fmt(value: float | None) -> str:
    return "(trống)" if value is None else format_number(value)


class SetValueCommand(QUndoCommand):
    """Set (or, with ``new`` None, remove) one indicator value for an agency and a period."""

    def __init__(
        self,
        ctx: AppContext,
        *,
        indicator_id: int,
        agency_id: int,
        period: str,
        new: float | None,
        old: float | None,
        label: str = "",
    ) -> None:
        super().__init__()
        self.ctx = ctx
        self.indicator_id = indicator_id
        self.agency_id = agency_id
        self.period = period
        self.new = new
        self.old = old
        self.error: UserError | None = None
        self.setText(f"Nhập số liệu {label or period}: {_fmt(old)} → {_fmt(new)}")

    def redo(self) -> None:
        self._apply(self.new)

    def undo(self) -> None:
        self._apply(self.old)

    def _apply(self, value: float | None) -> None:
        try:
            with self.ctx.db.session() as s:
                if value is None:
                    indicators.delete_value(s, self.indicator_id, self.agency_id, self.period, who=self.ctx.user or None)
                else:
                    indicators.set_value(s, self.indicator_id, self.agency_id, self.period, value, who=self.ctx.user or None)
        except UserError as exc:
            # The database refused (changed underneath, locked …): drop the command, keep the data.
            self.error = exc
            self.setObsolete(True)
            return
        self.ctx.notify(Changes(indicators={self.indicator_id}))


class TaskFromDirectiveCommand(QUndoCommand):
    """Turn a meeting's conclusion into a task; undo moves the task to the recoverable bin,
    redo brings the same task back (same code, same history)."""

    def __init__(self, ctx: AppContext, directive_id: int, fields: dict, *, label: str = "") -> None:
        super().__init__()
        self.ctx = ctx
        self.directive_id = directive_id
        self.fields = dict(fields)
        self.task_id: int | None = None
        self.task_code: str = ""
        self.error: UserError | None = None
        self.setText(f"Giao nhiệm vụ từ kết luận {label}".strip())

    def redo(self) -> None:
        from ..services import meetings, tasks

        try:
            with self.ctx.db.session() as s:
                if self.task_id is None:
                    task = meetings.task_from_directive(s, self.directive_id, who=self.ctx.user or None, **self.fields)
                    self.task_id, self.task_code = task.id, task.code
                else:
                    tasks.restore_task(s, self.task_id, who=self.ctx.user or None)
        except UserError as exc:
            self.error = exc
            self.setObsolete(True)
            return
        self.ctx.notify(Changes(tasks={self.task_id}, meetings=True))

    def undo(self) -> None:
        from ..services import tasks

        if self.task_id is None:
            return
        with self.ctx.db.session() as s:
            tasks.delete_task(s, self.task_id, who=self.ctx.user or None)
        self.ctx.notify(Changes(tasks={self.task_id}, meetings=True))
