"""What the dashboard, indicator, meeting, agency and audit views share: they follow the
AppContext (period, as-of date, database, writes) and re-read only when seen.

A view that is hidden when something changes marks itself stale and re-reads when shown, so a
write in one view does not make every hidden view query the database.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QMessageBox, QWidget

from ...domain.errors import UserError
from ...services.changes import Changes
from ..context import AppContext


class _AfterPaint(QObject):
    """Calls ``fn`` once, as soon as the widget has been painted (or after ``fallback_ms``)."""

    def __init__(self, widget: QWidget, fn: Callable[[], None], fallback_ms: int) -> None:
        super().__init__(widget)
        self._fn = fn
        self._done = False
        widget.installEventFilter(self)
        QTimer.singleShot(fallback_ms, self, self._fire)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint and not self._done:
            QTimer.singleShot(0, self, self._fire)  # once this paint has reached the screen
        return False

    def _fire(self) -> None:
        if self._done:
            return
        self._done = True
        parent = self.parent()
        if isinstance(parent, QWidget):
            parent.removeEventFilter(self)
        self._fn()
        self.deleteLater()


def after_first_paint(widget: QWidget, fn: Callable[[], None], *, fallback_ms: int = 1000) -> None:
    """Run ``fn`` in the GUI thread right after the widget is first painted."""
    _AfterPaint(widget, fn, fallback_ms)


class RefreshingView(QWidget):
    #: Set by the window on the page it opens with: the first show reads only what the first
    #: paint needs (``refresh_quick``), the rest follows once the window is on screen
    #: (``refresh_after_paint``), off the GUI thread where it is slow.
    defer_first_load = False

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

    def refresh_quick(self) -> None:
        """The cheap part of ``refresh`` for the first paint (default: all of it)."""
        self.refresh()

    def refresh_after_paint(self) -> None:
        """The rest of the first refresh, once the window has been painted."""

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
            if self.defer_first_load:
                self.defer_first_load = False
                self.refresh_quick()
                after_first_paint(self, self.refresh_after_paint)
            else:
                self.refresh()

    def show_error(self, exc: Exception, title: str = "") -> None:
        """A one-line message in the user's language, never a traceback."""
        msg = exc.message(self.ctx.lang) if isinstance(exc, UserError) else str(exc)
        QMessageBox.warning(self, title or self.tr("Không thực hiện được"), msg)
