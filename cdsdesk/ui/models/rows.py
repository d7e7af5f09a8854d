"""A table model over a list of plain rows (dataclasses from the services): the base of the small
tables on the dashboard, the indicator list, meetings and directives.

Subclasses name their columns with ``COL_*`` constants, list ``HEADERS`` and implement
``display``; sorting uses ``sort_value`` (precomputed keys, Vietnamese order for text).
"""

from __future__ import annotations

from typing import Any, Generic, Sequence, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from ...domain.text import sort_key
from ..labels import heading

R = TypeVar("R")

#: The role under which each cell gives its sort key.
SortRole = Qt.ItemDataRole.UserRole + 1
#: The role under which each cell gives its row object (for the views).
RowRole = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel, Generic[R]):
    HEADERS: tuple[str, ...] = ()
    TOOLTIPS: dict[int, str] = {}
    NUMERIC: frozenset[int] = frozenset()  # right-aligned columns

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[R] = []

    # --- contents --------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[R]:
        return list(self._rows)

    def row_at(self, row: int) -> R | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    # --- to override -----------------------------------------------------------------------
    def display(self, row: R, column: int) -> str:
        raise NotImplementedError

    def sort_value(self, row: R, column: int) -> Any:
        return sort_key(self.display(row, column))

    def decoration(self, row: R, column: int, role: int) -> Any:
        """Colours, fonts, tooltips for a cell; None for the default."""
        return None

    # --- Qt API ----------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.HEADERS):
            if role == Qt.ItemDataRole.DisplayRole:
                return heading(self.tr(self.HEADERS[section]))
            if role == Qt.ItemDataRole.ToolTipRole and section in self.TOOLTIPS:
                return heading(self.tr(self.TOOLTIPS[section]))
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row, col = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, col)
        if role == SortRole:
            return self.sort_value(row, col)
        if role == RowRole:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole and col in self.NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return self.decoration(row, col, role)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not (0 <= column < len(self.HEADERS)):
            return
        self.layoutAboutToBeChanged.emit()
        keyed = [(self._key(r, column), i, r) for i, r in enumerate(self._rows)]
        keyed.sort(key=lambda t: (t[0], t[1]), reverse=order == Qt.SortOrder.DescendingOrder)
        old = {id(r): i for i, r in enumerate(self._rows)}
        self._rows = [r for _, _, r in keyed]
        new = {id(r): i for i, r in enumerate(self._rows)}
        self._remap(old, new)
        self.layoutChanged.emit()

    def _key(self, row: R, column: int) -> tuple:
        v = self.sort_value(row, column)
        return (v is None, v if v is not None else 0)

    def _remap(self, old: dict[int, int], new: dict[int, int]) -> None:
        by_old = {i: rid for rid, i in old.items()}
        pers = self.persistentIndexList()
        self.changePersistentIndexList(
            pers, [self.index(new[by_old[p.row()]], p.column()) if p.row() in by_old else QModelIndex() for p in pers]
        )
