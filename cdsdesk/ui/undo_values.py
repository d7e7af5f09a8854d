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
