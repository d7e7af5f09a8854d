"""The agency hierarchy as a tree model, with each agency's open, overdue and completed tasks.

Counts are rolled up: a district's row counts its own tasks and those of its communes, as the
district answers for them; the tooltip gives the agency's own share.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from ...domain.numbers import format_number
from ...domain.text import fold, sort_key
from ..labels import agency_kind_label, heading
from .rows import SortRole

Index = QModelIndex | QPersistentModelIndex
COUNT_FIELDS = ("open", "overdue", "completed", "total")


@dataclass
class AgencyNode:
    id: int
    code: str
    name: str
    kind: str
    sort_order: int = 0
    parent: AgencyNode | None = None
    children: list[AgencyNode] = field(default_factory=list)
    own: dict[str, int] = field(default_factory=dict)
    rolled: dict[str, int] = field(default_factory=dict)
    pos: int = 0  # row among its siblings, set when the model takes the tree


def _counts(c: dict[str, int] | None) -> dict[str, int]:
    c = c or {}
    total, completed = c.get("total", 0), c.get("completed", 0)
    return {"open": total - completed, "overdue": c.get("overdue", 0), "completed": completed, "total": total}


def build_tree(agencies: list[tuple[int, str, str, str, int | None, int]], counts: dict[int, dict[str, int]],
               *, search: str = "") -> list[AgencyNode]:
    """Roots of the hierarchy from (id, code, name, kind, parent_id, sort_order) rows and the
    own counts of each agency; with ``search``, only matches and their ancestors are kept."""
    nodes = {a[0]: AgencyNode(a[0], a[1], a[2], a[3], a[5] or 0, own=_counts(counts.get(a[0]))) for a in agencies}
    parents = {a[0]: a[4] for a in agencies}
    roots: list[AgencyNode] = []
    for aid, node in nodes.items():
        pid = parents[aid]
        if pid is not None and pid in nodes:
            node.parent = nodes[pid]
            nodes[pid].children.append(node)
        else:
            roots.append(node)

    def finish(node: AgencyNode) -> dict[str, int]:
        node.children.sort(key=lambda n: (n.sort_order, sort_key(n.name)))
        total = dict(node.own)
        for ch in node.children:
            for k, v in finish(ch).items():
                total[k] += v
        node.rolled = total
        return total

    roots.sort(key=lambda n: (n.sort_order, sort_key(n.name)))
    for r in roots:
        finish(r)
    words = fold(search).split()
    if not words:
        return roots

    def keep(node: AgencyNode) -> bool:
        node.children = [c for c in node.children if keep(c)]
        hay = fold(f"{node.code} {node.name}")
        return bool(node.children) or all(w in hay for w in words)

    return [r for r in roots if keep(r)]


class AgencyTreeModel(QAbstractItemModel):
    COL_NAME, COL_CODE, COL_KIND, COL_OPEN, COL_OVERDUE, COL_COMPLETED, COL_TOTAL = range(7)
    HEADERS = ("Cơ quan, đơn vị", "Mã", "Loại", "Đang thực hiện", "Quá hạn", "Hoàn thành", "Tổng số")
    _FIELD = {COL_OPEN: "open", COL_OVERDUE: "overdue", COL_COMPLETED: "completed", COL_TOTAL: "total"}

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.roots: list[AgencyNode] = []

    def set_roots(self, roots: list[AgencyNode]) -> None:
        self.beginResetModel()
        self.roots = roots
        stack = [(i, n) for i, n in enumerate(roots)]
        while stack:
            i, n = stack.pop()
            n.pos = i
            stack.extend(enumerate(n.children))
        self.endResetModel()

    def node(self, index: Index) -> AgencyNode | None:
        return index.internalPointer() if index.isValid() else None

    def find(self, code: str) -> QModelIndex:
        stack = list(self.roots)
        while stack:
            n = stack.pop()
            if n.code == code:
                return self.createIndex(n.pos, 0, n)
            stack.extend(n.children)
        return QModelIndex()

    # --- structure -----------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        if column < 0 or column >= len(self.HEADERS) or row < 0:
            return QModelIndex()
        siblings = self.node(parent).children if parent.isValid() else self.roots
        if row >= len(siblings):
            return QModelIndex()
        return self.createIndex(row, column, siblings[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        node = self.node(index)
        if node is None or node.parent is None:
            return QModelIndex()
        return self.createIndex(node.parent.pos, 0, node.parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        if parent.isValid():
            return len(self.node(parent).children) if parent.column() == 0 else 0
        return len(self.roots)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return heading(self.HEADERS[section])
        if role == Qt.ItemDataRole.ToolTipRole and section in self._FIELD:
            return heading("Gồm cả nhiệm vụ của các đơn vị cấp dưới")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self.node(index)
        if node is None:
            return None
        col = index.column()
        key = self._FIELD.get(col)
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.COL_NAME:
                return node.name
            if col == self.COL_CODE:
                return node.code
            if col == self.COL_KIND:
                return agency_kind_label(node.kind)
            return format_number(node.rolled.get(key, 0))
        if role == SortRole:
            return node.rolled.get(key, 0) if key else sort_key(self.data(index))
        if role == Qt.ItemDataRole.TextAlignmentRole and key:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and col == self.COL_OVERDUE and node.rolled.get("overdue"):
            return QColor("#c62828")
        if role == Qt.ItemDataRole.ToolTipRole:
            if key and node.children:
                return self.tr("Riêng {name}: {own}; cả cấp dưới: {all}").format(
                    name=node.name, own=format_number(node.own.get(key, 0)), all=format_number(node.rolled.get(key, 0)))
            if col == self.COL_NAME:
                return f"{node.code} — {node.name}"
        return None
