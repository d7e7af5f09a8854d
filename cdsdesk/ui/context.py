"""What every view shares: the open database, the reporting period and as-of date, the undo stack,
and one signal that carries the record of what each write changed."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from ..domain.periods import Period
from ..services.changes import Changes
from ..store.engine import Database


class IndicatorSeriesCache:
    """The province series of every indicator, kept between refreshes: they do not depend on the
    day, so a new period or as-of date classifies the targets again without reading 1.7 million
    values. A write re-reads only the indicators it names; another database starts afresh."""

    def __init__(self) -> None:
        self._map: dict[int, list] | None = None
        self._stale: set[int] = set()
        #: Bumped by every change: a map read off the thread before it is not taken.
        self.generation = 0

    @property
    def loaded(self) -> bool:
        return self._map is not None and not self._stale

    def get(self, session) -> dict[int, list]:  # noqa: ANN001
        from ..services.indicators import province_series_all

        if self._map is None:
            self._map = province_series_all(session)
            self._stale.clear()
        elif self._stale:
            ids, self._stale = self._stale, set()
            fresh = province_series_all(session, ids)
            for iid in ids:
                self._map.pop(iid, None)
            self._map.update(fresh)
        return self._map

    def put(self, series: dict[int, list], generation: int) -> None:
        """A map read elsewhere (off the GUI thread) when ``generation`` was current."""
        if self._map is None and generation == self.generation:
            self._map = series

    def clear(self) -> None:
        self._map = None
        self._stale.clear()
        self.generation += 1

    def changed(self, changes: Changes) -> None:
        if not (changes.indicators or changes.agencies):
            return
        self.generation += 1
        if self._map is None:
            return
        if -1 in changes.indicators or changes.agencies:
            self.clear()
        else:
            self._stale |= set(changes.indicators)


class TaskSnapshotCache:
    """A :class:`~cdsdesk.services.task_snapshot.TaskSnapshot` of the open database, read on a
    worker thread when first asked for and dropped by any write to tasks, plans or agencies (or
    another database): until it is at hand, the views count in SQL, with the same results."""

    def __init__(self, owner: QObject) -> None:
        self._owner = owner
        self._snapshot = None
        self._building = False
        #: Bumped by every change: a snapshot read before it is not taken.
        self.generation = 0

    @property
    def snapshot(self):  # noqa: ANN201
        return self._snapshot

    def request(self, db: Database) -> None:
        """Start reading a snapshot in the background unless one is at hand or on its way."""
        if self._snapshot is not None or self._building:
            return
        from .dialogs._worker import run_in_background

        generation = self.generation

        def read():  # noqa: ANN202
            from ..services.task_snapshot import TaskSnapshot

            with db.session() as s:
                return TaskSnapshot.read(s.connection())

        def done(snapshot) -> None:  # noqa: ANN001
            self._building = False
            if generation == self.generation and getattr(self._owner, "db", None) is db:
                self._snapshot = snapshot

        def failed(_exc: BaseException) -> None:
            self._building = False  # the views keep counting in SQL

        self._building = True
        run_in_background(self._owner, read, done, failed)

    def clear(self) -> None:
        self._snapshot = None
        self.generation += 1

    def changed(self, changes: Changes) -> None:
        if changes.tasks or changes.agencies or changes.plans:
            self.clear()


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
        self.indicator_series = IndicatorSeriesCache()
        self.task_snapshot = TaskSnapshotCache(self)
        # Connected first, so the caches are current before any view re-reads.
        self.data_changed.connect(self.indicator_series.changed)
        self.data_changed.connect(self.task_snapshot.changed)

    def set_period(self, period: Period, as_of: dt.date | None = None) -> None:
        self.period = period
        self.as_of = as_of or min(period.end, dt.date.today())
        self.period_changed.emit()

    def set_as_of(self, as_of: dt.date) -> None:
        self.as_of = as_of
        self.period_changed.emit()

    def set_database(self, db: Database) -> None:
        old, self.db = self.db, db
        self.indicator_series.clear()
        self.task_snapshot.clear()
        self.undo_stack.clear()
        self.database_changed.emit()
        if old is not db:
            old.dispose()

    def notify(self, changes: Changes) -> None:
        self.data_changed.emit(changes)
