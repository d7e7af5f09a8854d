"""What the dashboard, indicator, meeting, agency and audit views share: they follow the
AppContext (period, as-of date, database, writes) and re-read only when seen.

A view that is hidden when something changes marks itself stale and re-reads when shown, so a
write in one view does not make every hidden view query the database.
"""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QMessageBox, QWidget

from ...domain.errors import UserError
from ...services.changes import Changes
from ..context import AppContext


class RefreshingView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._stale = True
        ctx.period_changed.connect(self._on_period)
        ctx.database_changed.connect(self._on_database)
        ctx.data_changed.connect(self._on_data)

    # --- override ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read everything the view shows from the database."""
        raise NotImplementedError

    def concerns(self, changes: Changes) -> bool:
        """Whether a write's record of changes touches what this view shows."""
        return changes.any

    # --- plumbing ----------------------------------------------------------------------------
    def _on_period(self) -> None:
        self._request()

    def _on_database(self) -> None:
        self._request()

    def _on_data(self, changes: Changes) -> None:
        if self.concerns(changes):
            self._request()

    def _request(self) -> None:
        if self.isVisible():
            self._stale = False
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.refresh()

    def show_error(self, exc: Exception, title: str = "") -> None:
        """A one-line message in the user's language, never a traceback."""
        msg = exc.message(self.ctx.lang) if isinstance(exc, UserError) else str(exc)
        QMessageBox.warning(self, title or self.tr("Không thực hiện được"), msg)
