"""What every view shares: the open database, the reporting period and as-of date, the undo stack,
and one signal that carries the record of what each write changed."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from ..domain.periods import Period
from ..services.changes import Changes
from ..store.engine import Database


class AppContext(QObject):
    #: The reporting period or the as-of date changed: every view re-reads.
    period_changed = Signal()
    #: A write went through a service; views refresh what the Changes record names.
    data_changed = Signal(object)  # Changes
    #: The database was replaced (File ▸ Open); views rebuild from scratch.
    database_changed = Signal()
    #: A view asks the window to show the task list with a filter (dict of filter fields).
    tasks_filter_requested = Signal(dict)

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.undo_stack = QUndoStack(self)
        today = dt.date.today()
        self.as_of: dt.date = today
        self.period: Period = Period.containing(today, "S")
        self.lang: str = "vi"
        self.user: str = ""

    def set_period(self, period: Period, as_of: dt.date | None = None) -> None:
        self.period = period
        self.as_of = as_of or min(period.end, dt.date.today())
        self.period_changed.emit()

    def set_as_of(self, as_of: dt.date) -> None:
        self.as_of = as_of
        self.period_changed.emit()

    def set_database(self, db: Database) -> None:
        old, self.db = self.db, db
        self.undo_stack.clear()
        self.database_changed.emit()
        if old is not db:
            old.dispose()

    def notify(self, changes: Changes) -> None:
        self.data_changed.emit(changes)
