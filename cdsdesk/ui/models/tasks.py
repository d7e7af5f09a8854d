"""The task register as a table model that stays fluid at 50,000 rows.

One SQL query loads every task of the database (status and progress as of the chosen day) into
plain tuples; filtering and sorting then run over precomputed keys in Python lists
(``tasks.search_text`` folded, ``tasks.title_sort`` Vietnamese collation), never through
``data()`` and never through a QSortFilterProxyModel. A change to a few tasks re-reads only them.
"""

from __future__ import annotations

import datetime as dt
import re
from itertools import compress
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from ...domain.numbers import format_date, format_number
from ...domain.rules import DUE_SOON_DAYS
from ...domain.status import COMPLETED, TaskStatus
from ...domain.text import fold, sort_key
from ...services.changes import Changes
from ...services.queries import agency_subtree, progress_expr, status_expr
from ...store.models import Agency, StatusUpdate, Task

COL_CODE, COL_TITLE, COL_AGENCY, COL_DEADLINE, COL_STATUS, COL_PROGRESS, COL_LAST_UPDATE = range(7)
COLUMN_COUNT = 7
_EDITABLE_COLUMNS = frozenset({COL_CODE, COL_TITLE, COL_DEADLINE, COL_STATUS, COL_PROGRESS})
_CENTERED_COLUMNS = frozenset({COL_DEADLINE, COL_PROGRESS, COL_LAST_UPDATE})

#: The sort key of a cell (used by ``sort`` and by anyone who wants to order like the model).
SortRole = Qt.ItemDataRole.UserRole + 1
#: The task id of a row.
IdRole = Qt.ItemDataRole.UserRole + 2
#: The status key (``in_progress`` …) of a row.
StatusRole = Qt.ItemDataRole.UserRole + 3

# Row tuple fields.
(R_ID, R_CODE, R_TITLE, R_AGENCY, R_DEADLINE, R_STATUS, R_PROGRESS, R_LAST, R_SEARCH, R_TSORT,
 R_PLAN, R_AREA, R_LEAD, R_REVISION, R_START, R_DELETED) = range(16)

STATUS_ORDER = {s.value: i for i, s in enumerate(
    [TaskStatus.BLOCKED, TaskStatus.NOT_STARTED, TaskStatus.IN_PROGRESS, TaskStatus.DONE, TaskStatus.DONE_ROUTINE]
)}

#: Background and text colours of each status (light tints readable in both themes' tables).
STATUS_COLORS: dict[str, tuple[str, str]] = {
    TaskStatus.NOT_STARTED.value: ("#eceff1", "#37474f"),
    TaskStatus.IN_PROGRESS.value: ("#e3f2fd", "#0d47a1"),
    TaskStatus.DONE.value: ("#e8f5e9", "#1b5e20"),
    TaskStatus.DONE_ROUTINE.value: ("#e0f2f1", "#004d40"),
    TaskStatus.BLOCKED.value: ("#fff3e0", "#b44d00"),
}
OVERDUE_COLOR = "#c62828"
DUE_SOON_COLOR = "#a15c00"

_FAR = dt.date.max

# data(): the roles answered, looked up once per call.
(_K_DISPLAY, _K_EDIT, _K_SORT, _K_ID, _K_STATUS, _K_BACKGROUND, _K_FOREGROUND, _K_FONT, _K_DECORATION, _K_TOOLTIP,
 _K_ALIGN) = range(11)
_ROLES: dict[int, int] = {
    int(Qt.ItemDataRole.DisplayRole): _K_DISPLAY, int(Qt.ItemDataRole.EditRole): _K_EDIT, int(SortRole): _K_SORT,
    int(IdRole): _K_ID, int(StatusRole): _K_STATUS, int(Qt.ItemDataRole.BackgroundRole): _K_BACKGROUND,
    int(Qt.ItemDataRole.ForegroundRole): _K_FOREGROUND, int(Qt.ItemDataRole.FontRole): _K_FONT,
    int(Qt.ItemDataRole.DecorationRole): _K_DECORATION, int(Qt.ItemDataRole.ToolTipRole): _K_TOOLTIP,
    int(Qt.ItemDataRole.TextAlignmentRole): _K_ALIGN,
}
_NO_FLAGS = Qt.ItemFlag.NoItemFlags
_READ_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
_EDIT_FLAGS = _READ_FLAGS | Qt.ItemFlag.ItemIsEditable
_CENTER = int(Qt.AlignmentFlag.AlignCenter)
_BRUSHES: dict[str, QBrush] = {}
_BOLD: list[QFont] = []


def _brush(color: str) -> QBrush:
    b = _BRUSHES.get(color)
    if b is None:
        b = _BRUSHES[color] = QBrush(QColor(color))
    return b


def _bold_font() -> QFont:
    if not _BOLD:
        font = QFont()
        font.setBold(True)
        _BOLD.append(font)
    return _BOLD[0]


_DIGIT_RUNS = re.compile(r"(\d+)")


def code_sort_key(code: str | None) -> str:
    """``DA06-2`` before ``DA06-10``: digit runs padded (one split, no call per run)."""
    parts = _DIGIT_RUNS.split((code or "").casefold())
    parts[1::2] = [p.zfill(12) for p in parts[1::2]]
    return "".join(parts)


def title_ranks(conn) -> dict[int, int] | None:  # noqa: ANN001
    """Task id → rank of its title's collation key (``tasks.title_sort``; equal keys share a
    rank), sorted by the database; None when a title has no key yet (the model makes its own)."""
    if conn.dialect.name == "sqlite":
        ids, ranks, missing = conn.exec_driver_sql(
            "SELECT group_concat(id), group_concat(r), sum(title_sort IS NULL OR title_sort = '') FROM"
            " (SELECT id, title_sort, dense_rank() OVER (ORDER BY title_sort) r FROM tasks)").one()
        if missing or not ids:
            return None
        return dict(zip(map(int, ids.split(",")), map(int, ranks.split(","))))
    return None  # other databases collate text their own way: the model sorts the keys itself


@dataclass
class TaskFilter:
    """What the filter bar asks for. Empty fields filter nothing."""

    search: str = ""
    plan_id: int | None = None
    agency_id: int | None = None
    area_id: int | None = None
    status: str | None = None  # a status key, "completed" (both completed statuses) or "open" (the rest)
    overdue_only: bool = False
    due_soon_only: bool = False
    deadline_from: dt.date | None = None
    deadline_to: dt.date | None = None
    no_deadline: bool = False
    deleted: bool = False  # the list of deleted tasks instead of the live ones
    agency_ids: frozenset[int] | None = field(default=None, repr=False)  # filled in by the model


class TaskTableModel(QAbstractTableModel):
    """Tasks: code, title, lead agency, deadline, status, progress, last update."""

    #: (shown rows, all rows) after every filter or reload.
    counts_changed = Signal(int, int)

    def __init__(self, db, parent=None, *, lang: str = "vi") -> None:  # noqa: ANN001
        super().__init__(parent)
        self.db = db
        self.lang = lang
        self.as_of: dt.date = dt.date.today()
        self._rows: dict[int, tuple] = {}
        self._longest_code: str | None = None
        self._order: list[int] = []  # every task id, in the current sort order
        self._visible: list[int] = []  # the ids shown, in order
        self._filter = TaskFilter()
        self._sort_column = COL_CODE
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._agency_keys: dict[int | None, str] = {}
        self._code_keys: dict[str, str] = {}  # code → its sort key, kept across reloads
        #: Every id in ascending order of a column (ties in code order), made once per column
        #: until the data changes: a click on a header is then a reversal or a lookup.
        self._sort_cache: dict[int, tuple[list[int], list[str]]] = {}  # (ids, their search texts)
        #: The folded search text of each id in ``_order`` order, for one pass over all rows.
        self._order_texts: list[str] = []
        #: Folded query → the ids (in ``_order`` order) whose search text holds every word; a
        #: query that extends the last one narrows its result instead of reading all rows.
        self._search_memo: dict[str, tuple[list[int], list[str]]] = {}
        self._last_search = ""
        #: Task id → rank of its title in collation order (read in the background after a load).
        self._title_ranks: dict[int, int] | None = None
        self._ranks_pending = False
        self._rows_token = 0
        #: Task id → its display strings (``_display_row``), until the rows are read again.
        self._display: dict[int, tuple] = {}
        #: Lead agency id → rank of its name in collation order.
        self._agency_ranks: dict[int | None, int] = {}
        self.edit_handler: Callable[[int, str, Any], bool] | None = None
        self._headers = [
            self.tr("Code"), self.tr("Task"), self.tr("Lead agency"), self.tr("Deadline"),
            self.tr("Status"), self.tr("Progress"), self.tr("Last update"),
        ]

    # --- loading ------------------------------------------------------------------------------
    def _query(self, ids: Iterable[int] | None = None, *, deleted: bool):
        historical = self.as_of < dt.date.today()
        st = status_expr(self.as_of if historical else None).label("st")
        pr = progress_expr(self.as_of if historical else None).label("pr")
        if historical:
            su = aliased(StatusUpdate)
            last = (
                select(func.max(su.entry_date))
                .where(su.task_id == Task.id, su.entry_date <= self.as_of, su.retracted_at.is_(None))
                .scalar_subquery()
                .label("last")
            )
        else:
            last = Task.last_update_on
        lead = aliased(Agency)
        q = (
            select(
                Task.id, Task.code, Task.title, lead.name, Task.deadline, st, pr, last,
                Task.search_text, Task.title_sort, Task.plan_id, Task.area_id, Task.lead_agency_id,
                Task.revision, Task.start_date, Task.deleted_at,
            )
            .outerjoin(lead, lead.id == Task.lead_agency_id)
        )
        if ids is not None:
            q = q.where(Task.id.in_(list(ids)))
        else:
            q = q.where(Task.deleted_at.is_not(None) if deleted else Task.deleted_at.is_(None))
        return q

    def _keep(self, row: Sequence) -> bool:
        """Rows the register holds at all: live (or deleted, in the deleted list) and started by
        the as-of day, as the dashboard counts them."""
        if (row[R_DELETED] is not None) != self._filter.deleted:
            return False
        start = row[R_START]
        return start is None or start <= self.as_of

    def reload(self) -> None:
        """Re-read every task (database opened, period changed, many tasks changed)."""
        with self.db.session() as s:
            # Core rows through the connection: no ORM loading for 50,000 plain tuples.
            rows = s.connection().execute(self._query(deleted=self._filter.deleted)).all()
            agencies = s.connection().execute(select(Agency.id, Agency.name)).all()
        self._agency_keys = {aid: sort_key(name) for aid, name in agencies}
        self._agency_keys[None] = "\uffff"
        self._rank_agencies()
        self.beginResetModel()
        wanted, day = self._filter.deleted, self.as_of
        self._rows = {r[R_ID]: tuple(r) for r in rows
                      if (r[R_DELETED] is not None) == wanted and (r[R_START] is None or r[R_START] <= day)}
        if len(self._code_keys) > 4 * len(self._rows) + 1000:
            self._code_keys = {}
        self._data_changed()
        self._set_order(*self._sorted_all())
        self._visible = self._apply_filter(self._order)
        self.endResetModel()
        self._warm_sort_orders()
        self.counts_changed.emit(len(self._visible), len(self._rows))

    def longest_code(self) -> str:
        """The longest task code held (visible or filtered out): the code column is sized to it.
        Read once per change of the rows, not at every filter."""
        if self._longest_code is None:
            self._longest_code = max((r[R_CODE] or "" for r in self._rows.values()), key=len, default="")
        return self._longest_code

    def refresh_tasks(self, changes: Changes) -> None:
        """Re-read only the tasks a write touched; reload everything when it named all tasks."""
        ids = set(changes.tasks)
        if not ids:
            return
        if -1 in ids or len(ids) > 2000:
            self.reload()
            return
        with self.db.session() as s:
            fresh = {r[R_ID]: tuple(r) for r in s.execute(self._query(ids, deleted=self._filter.deleted))}
            if changes.agencies:
                self._agency_keys.update(
                    {aid: sort_key(n) for aid, n in s.execute(select(Agency.id, Agency.name))}
                )
                self._rank_agencies()
        membership_changed = False
        for tid in ids:
            row = fresh.get(tid)
            keep = row is not None and self._keep(row)
            if keep and tid in self._rows:
                self._rows[tid] = row
            elif keep:
                self._rows[tid] = row
                membership_changed = True
            elif tid in self._rows:
                del self._rows[tid]
                membership_changed = True
        self._data_changed()
        if membership_changed:
            self._set_order(*self._sorted_all())
        else:
            self._set_order(self._order)  # same order (an edited row stays put), fresh texts
        new_visible = self._apply_filter(self._order)
        if new_visible == self._visible:
            pos = {tid: i for i, tid in enumerate(self._visible) if tid in ids}
            for i in pos.values():
                self.dataChanged.emit(self.index(i, 0), self.index(i, COLUMN_COUNT - 1))
        else:
            self.beginResetModel()
            self._visible = new_visible
            self.endResetModel()
        self.counts_changed.emit(len(self._visible), len(self._rows))
        self._warm_sort_orders()

    def set_as_of(self, day: dt.date) -> None:
        self.as_of = day
        self.reload()

    # --- filtering ----------------------------------------------------------------------------
    @property
    def filter(self) -> TaskFilter:
        return self._filter

    def set_filter(self, flt: TaskFilter) -> None:
        reload = flt.deleted != self._filter.deleted
        if flt.agency_id is not None:
            with self.db.session() as s:
                flt.agency_ids = frozenset(agency_subtree(s, flt.agency_id))
        else:
            flt.agency_ids = None
        self._filter = flt
        if reload:
            self.reload()
            return
        new_visible = self._apply_filter(self._order)
        if new_visible != self._visible:
            self.beginResetModel()
            self._visible = new_visible
            self.endResetModel()
        self.counts_changed.emit(len(self._visible), len(self._rows))

    def _apply_filter(self, order: list[int]) -> list[int]:
        f, rows = self._filter, self._rows
        ids = order
        terms = fold(f.search).split()
        if terms:
            ids = self._search(terms) if order is self._order else [
                i for i in ids if all(t in rows[i][R_SEARCH] for t in terms)]
        if f.plan_id is not None:
            ids = [i for i in ids if rows[i][R_PLAN] == f.plan_id]
        if f.area_id is not None:
            ids = [i for i in ids if rows[i][R_AREA] == f.area_id]
        if f.agency_ids is not None:
            ids = [i for i in ids if rows[i][R_LEAD] in f.agency_ids]
        if f.status == "open":
            ids = [i for i in ids if rows[i][R_STATUS] not in COMPLETED]
        elif f.status:
            wanted = set(COMPLETED) if f.status == "completed" else {f.status}
            ids = [i for i in ids if rows[i][R_STATUS] in wanted]
        if f.overdue_only:
            ids = [i for i in ids if self._overdue(rows[i])]
        if f.due_soon_only:
            ids = [i for i in ids if self._due_soon(rows[i])]
        if f.no_deadline:
            ids = [i for i in ids if rows[i][R_DEADLINE] is None]
        if f.deadline_from is not None:
            ids = [i for i in ids if rows[i][R_DEADLINE] is not None and rows[i][R_DEADLINE] >= f.deadline_from]
        if f.deadline_to is not None:
            ids = [i for i in ids if rows[i][R_DEADLINE] is not None and rows[i][R_DEADLINE] <= f.deadline_to]
        return ids if ids is not order else list(order)

    def _search(self, terms: list[str]) -> list[int]:
        """Ids in ``_order`` order whose search text holds every term."""
        key = " ".join(terms)
        memo = self._search_memo
        hit = memo.get(key)
        if hit is None:
            last = self._last_search
            base = memo.get(last) if last and key.startswith(last) else None
            # The texts travel with the ids, so a pass is a zip, never a lookup per row; a query
            # that extends the last one scans only the last one's matches.
            ids, texts = base if base is not None else (self._order, self._order_texts)
            # The last query's matches hold each of its words already: only new words are looked for.
            held = set(last.split()) if base is not None else set()
            for t in sorted(set(terms) - held, key=len, reverse=True):
                mask = [t in text for text in texts]
                if not all(mask):
                    ids, texts = list(compress(ids, mask)), list(compress(texts, mask))
            if len(memo) > 64:
                memo.clear()
            hit = memo[key] = (ids, texts)
        self._last_search = key
        return hit[0]

    def _overdue(self, row: Sequence) -> bool:
        d = row[R_DEADLINE]
        return d is not None and d < self.as_of and row[R_STATUS] not in COMPLETED

    def _due_soon(self, row: Sequence) -> bool:
        d = row[R_DEADLINE]
        return (
            d is not None
            and row[R_STATUS] not in COMPLETED
            and self.as_of <= d <= self.as_of + dt.timedelta(days=DUE_SOON_DAYS)
        )

    # --- sorting ------------------------------------------------------------------------------
    def _rank_agencies(self) -> None:
        keys = self._agency_keys
        self._agency_ranks = {aid: n for n, aid in enumerate(sorted(keys, key=keys.__getitem__))}

    def _code_key(self, tid: int) -> str:
        code = self._rows[tid][R_CODE]
        k = self._code_keys.get(code)
        if k is None:
            k = self._code_keys[code] = code_sort_key(code)
        return k

    def _title_key(self, tid: int) -> str:
        r = self._rows[tid]
        return r[R_TSORT] or sort_key(r[R_TITLE])

    def sort_key_for(self, tid: int, column: int) -> Any:
        r = self._rows[tid]
        if column == COL_CODE:
            return self._code_key(tid)
        if column == COL_TITLE:
            return self._title_key(tid)
        if column == COL_AGENCY:
            return self._agency_keys.get(r[R_LEAD], "\uffff")
        if column == COL_DEADLINE:
            return r[R_DEADLINE] or _FAR
        if column == COL_STATUS:
            return STATUS_ORDER.get(r[R_STATUS], 99)
        if column == COL_PROGRESS:
            return r[R_PROGRESS] or 0
        if column == COL_LAST_UPDATE:
            return r[R_LAST] or dt.date.min
        raise IndexError(column)

    def _warm_sort_orders(self) -> None:
        """Read the rank of every task's title in collation order on a worker thread (the
        database sorts, the interpreter stays free for typing), so that the first click on the
        title header is an integer sort. Until then, a click sorts the collation keys."""
        if len(self._rows) < 5000 or self._title_ranks is not None or self._ranks_pending:
            return
        self._ranks_pending = True
        # A moment after the load: the first paint of the window comes first.
        QTimer.singleShot(400, self, self._read_title_ranks)

    def _read_title_ranks(self) -> None:
        from ..dialogs._worker import run_in_background

        db, token = self.db, self._rows_token
        if self._title_ranks is not None:
            self._ranks_pending = False
            return

        def read():  # noqa: ANN202
            with db.session() as s:
                return title_ranks(s.connection())

        def done(ranks) -> None:  # noqa: ANN001
            self._ranks_pending = False
            if ranks is not None and token == self._rows_token and self.db is db:
                self._title_ranks = ranks

        def failed(_exc: BaseException) -> None:
            self._ranks_pending = False

        run_in_background(self, read, done, failed)

    def _data_changed(self) -> None:
        """Rows were read again: cached orders and search results no longer hold."""
        self._sort_cache.clear()
        self._display.clear()
        self._title_ranks = None
        self._rows_token += 1
        self._search_memo.clear()
        self._last_search = ""
        self._longest_code = None

    def _set_order(self, order: list[int], texts: list[str] | None = None) -> None:
        self._order = order
        if texts is None:
            rows = self._rows
            texts = [rows[i][R_SEARCH] or "" for i in order]
        self._order_texts = texts
        self._search_memo.clear()
        self._last_search = ""

    def _column_keys(self, ids: list[int], column: int) -> list:
        """The sort key of each id for ``column``: integers, except the title's collation keys
        when its ranks have not been read yet."""
        rows = self._rows
        if column == COL_TITLE:
            ranks = self._title_ranks
            if ranks is not None and all(i in ranks for i in ids):
                return [ranks[i] for i in ids]
            return [self._title_key(i) for i in ids]
        if column == COL_AGENCY:
            ak = self._agency_ranks
            last = len(ak)
            return [ak.get(rows[i][R_LEAD], last) for i in ids]
        if column == COL_DEADLINE:
            far = _FAR.toordinal()
            return [d.toordinal() if (d := rows[i][R_DEADLINE]) is not None else far for i in ids]
        if column == COL_STATUS:
            return [STATUS_ORDER.get(rows[i][R_STATUS], 99) for i in ids]
        if column == COL_PROGRESS:
            return [rows[i][R_PROGRESS] or 0 for i in ids]
        if column == COL_LAST_UPDATE:
            return [d.toordinal() if (d := rows[i][R_LAST]) is not None else 0 for i in ids]
        raise IndexError(column)

    def _ascending(self, column: int) -> tuple[list[int], list[str]]:
        """Every id in ascending order of ``column`` (ties in code order) with its search text;
        worked out once per column until the rows change. Integer keys are ordered by numpy (a
        few milliseconds for 50,000 rows); so are the titles once their ranks are at hand."""
        cached = self._sort_cache.get(column)
        if cached is not None:
            return cached
        by_code = self._sort_cache.get(COL_CODE)
        if by_code is None:
            ids = sorted(self._rows, key=self._code_key)
            rows = self._rows
            by_code = self._sort_cache[COL_CODE] = (ids, [rows[i][R_SEARCH] or "" for i in ids])
        if column == COL_CODE:
            return by_code
        ids, texts = by_code
        keys = self._column_keys(ids, column)
        if keys and isinstance(keys[0], int):
            import numpy as np

            perm = np.argsort(np.array(keys, dtype=np.int64), kind="stable").tolist()  # ties keep code order
        else:
            perm = sorted(range(len(ids)), key=keys.__getitem__)
        cached = self._sort_cache[column] = ([ids[j] for j in perm], [texts[j] for j in perm])
        return cached

    def _sorted_all(self) -> tuple[list[int], list[str]]:
        """Every id in the current sort order, with the search texts lined up."""
        ids, texts = self._ascending(self._sort_column)
        if self._sort_order == Qt.SortOrder.DescendingOrder:
            return ids[::-1], texts[::-1]
        return list(ids), texts

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < COLUMN_COUNT:
            return
        self.layoutAboutToBeChanged.emit()
        old_persistent = self.persistentIndexList()
        old_ids = [(self._visible[p.row()], p.column()) if p.row() < len(self._visible) else None for p in old_persistent]
        self._sort_column, self._sort_order = column, order
        self._set_order(*self._sorted_all())
        self._visible = self._apply_filter(self._order)
        wanted = {item[0] for item in old_ids if item is not None}
        pos = {tid: i for i, tid in enumerate(self._visible) if tid in wanted} if wanted else {}
        new_indexes = []
        for item in old_ids:
            if item is None or item[0] not in pos:
                new_indexes.append(QModelIndex())
            else:
                new_indexes.append(self.index(pos[item[0]], item[1]))
        self.changePersistentIndexList(old_persistent, new_indexes)
        self.layoutChanged.emit()

    # --- access -------------------------------------------------------------------------------
    def task_id(self, row: int) -> int:
        return self._visible[row]

    def row_of(self, task_id: int) -> int | None:
        try:
            return self._visible.index(task_id)
        except ValueError:
            return None

    def row_data(self, task_id: int) -> tuple | None:
        return self._rows.get(task_id)

    def visible_ids(self) -> list[int]:
        return list(self._visible)

    def total_count(self) -> int:
        return len(self._rows)

    def status_label(self, status: str) -> str:
        try:
            return TaskStatus(status).label(self.lang)
        except ValueError:
            return status

    # --- QAbstractTableModel -----------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < COLUMN_COUNT:
            if role == Qt.ItemDataRole.DisplayRole:
                return self._headers[section]
            if role == Qt.ItemDataRole.TextAlignmentRole and section in (COL_DEADLINE, COL_PROGRESS, COL_LAST_UPDATE):
                return int(Qt.AlignmentFlag.AlignCenter)
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return _NO_FLAGS
        if not self._filter.deleted and index.column() in _EDITABLE_COLUMNS:
            return _EDIT_FLAGS
        return _READ_FLAGS

    def _display_row(self, tid: int, r: tuple) -> tuple:
        """The seven display strings of a row, made once until the rows are read again (a repaint
        after each keystroke asks for them again)."""
        cells = self._display.get(tid)
        if cells is None:
            if len(self._display) > 5000:
                self._display.clear()
            cells = self._display[tid] = (
                r[R_CODE], r[R_TITLE], r[R_AGENCY] or "", format_date(r[R_DEADLINE]), self.status_label(r[R_STATUS]),
                f"{format_number(r[R_PROGRESS] or 0)}%", format_date(r[R_LAST]))
        return cells

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # One dictionary lookup turns away the roles the table asks for and this model does not
        # answer (a repaint asks for about eight roles of every cell it draws).
        kind = _ROLES.get(role)
        if kind is None:
            return None
        row = index.row()
        if row < 0 or row >= len(self._visible):
            return None
        tid = self._visible[row]
        r = self._rows[tid]
        col = index.column()
        if kind == _K_DISPLAY:
            return self._display_row(tid, r)[col] if 0 <= col < COLUMN_COUNT else None
        if kind == _K_ALIGN:
            return _CENTER if col in _CENTERED_COLUMNS else None
        if kind == _K_BACKGROUND:
            if col != COL_STATUS:
                return None
            colors = STATUS_COLORS.get(r[R_STATUS])
            return _brush(colors[0]) if colors else None
        if kind == _K_FOREGROUND:
            if col == COL_STATUS:
                if self._overdue(r):
                    return _brush(OVERDUE_COLOR)
                colors = STATUS_COLORS.get(r[R_STATUS])
                return _brush(colors[1]) if colors else None
            if col == COL_DEADLINE:
                if self._overdue(r):
                    return _brush(OVERDUE_COLOR)
                if self._due_soon(r):
                    return _brush(DUE_SOON_COLOR)
            return None
        if kind == _K_FONT:
            if col == COL_DEADLINE and (self._overdue(r) or self._due_soon(r)):
                return _bold_font()
            return None
        if kind == _K_DECORATION:
            if col != COL_DEADLINE:
                return None
            from ..icons import icon

            if self._overdue(r):
                return icon("overdue")
            if self._due_soon(r):
                return icon("due-soon")
            return None
        if kind == _K_EDIT:
            if col == COL_CODE:
                return r[R_CODE]
            if col == COL_TITLE:
                return r[R_TITLE]
            if col == COL_DEADLINE:
                return r[R_DEADLINE]
            if col == COL_STATUS:
                return r[R_STATUS]
            if col == COL_PROGRESS:
                return int(r[R_PROGRESS] or 0)
            return self._display_row(tid, r)[col] if 0 <= col < COLUMN_COUNT else None
        if kind == _K_SORT:
            return self.sort_key_for(tid, col)
        if kind == _K_ID:
            return tid
        if kind == _K_STATUS:
            return r[R_STATUS]
        if kind == _K_TOOLTIP:
            if col == COL_DEADLINE and r[R_DEADLINE] is not None:
                if self._overdue(r):
                    days = (self.as_of - r[R_DEADLINE]).days
                    return self.tr("Overdue by %n day(s)", "", days)
                if self._due_soon(r):
                    days = (r[R_DEADLINE] - self.as_of).days
                    return self.tr("Due in %n day(s)", "", days)
            if col == COL_TITLE:
                return r[R_TITLE]
            if col == COL_STATUS:
                label = self.status_label(r[R_STATUS])
                overdue = self.tr("overdue")
                return f"{label} — {overdue}" if self._overdue(r) else label
            if col == COL_AGENCY:
                return r[R_AGENCY] or None
            return None
        return None

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """An edit in a cell goes to the edit handler (the view's undoable service call)."""
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.edit_handler is None:
            return False
        if not self.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return False
        tid = self._visible[index.row()]
        name = {COL_CODE: "code", COL_TITLE: "title", COL_DEADLINE: "deadline", COL_STATUS: "status",
                COL_PROGRESS: "progress"}[index.column()]
        return self.edit_handler(tid, name, value)
