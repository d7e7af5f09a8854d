"""Cơ quan: the hierarchy of agencies with their open, overdue and completed tasks as of the
chosen day; a double click opens the agency's tasks (overdue or completed from those columns)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QTreeView, QVBoxLayout, QWidget
from sqlalchemy import select

from ...domain.numbers import format_date
from ...services import queries
from ...services.changes import Changes
from ...store.models import Agency
from ..context import AppContext
from ..models.agency_tree import AgencyTreeModel, build_tree
from .refreshing import RefreshingView


class AgenciesView(RefreshingView):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 8, 8, 8)
        top = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Tìm cơ quan (không cần dấu)…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self._rebuild())
        top.addWidget(self.search, 1)
        self.caption = QLabel(self)
        top.addWidget(self.caption)
        lay.addLayout(top)
        self.model = AgencyTreeModel(self)
        self.tree = QTreeView(self)
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(AgencyTreeModel.COL_NAME, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.tree.doubleClicked.connect(self.open_tasks)
        lay.addWidget(self.tree, 1)
        hint = QLabel(self.tr("Nhấp đúp vào một cơ quan để xem danh sách nhiệm vụ; vào cột “Quá hạn” hoặc"
                              " “Hoàn thành” để xem riêng các nhiệm vụ đó."), self)
        hint.setStyleSheet("color: #616161;")
        lay.addWidget(hint)
        self._agencies: list = []
        self._counts: dict[int, dict[str, int]] = {}

    def concerns(self, changes: Changes) -> bool:
        return bool(changes.tasks or changes.agencies)

    def refresh(self) -> None:
        with self.ctx.db.session() as s:
            self._agencies = [tuple(r) for r in s.execute(
                select(Agency.id, Agency.code, Agency.name, Agency.kind, Agency.parent_id, Agency.sort_order)
                .where(Agency.active.is_(True))).all()]
            self._counts = {r.id: r.counts for r in queries.counts_by_agency(s, as_of=self.ctx.as_of, only_with_tasks=True)}
        self.caption.setText(self.tr("Số liệu đến ngày {d}").format(d=format_date(self.ctx.as_of)))
        self._rebuild()

    def _rebuild(self) -> None:
        expanded = self._expanded_codes()
        self.model.set_roots(build_tree(self._agencies, self._counts, search=self.search.text()))
        if self.search.text().strip():
            self.tree.expandAll()
        elif expanded:
            for code in expanded:
                idx = self.model.find(code)
                if idx.isValid():
                    self.tree.expand(idx)
        else:
            self.tree.expandToDepth(0)

    def _expanded_codes(self) -> list[str]:
        out = []
        stack = [self.model.index(r, 0) for r in range(self.model.rowCount())]
        while stack:
            idx = stack.pop()
            if self.tree.isExpanded(idx):
                out.append(self.model.node(idx).code)
                stack.extend(self.model.index(r, 0, idx) for r in range(self.model.rowCount(idx)))
        return out

    def open_tasks(self, index: QModelIndex) -> None:
        node = self.model.node(index)
        if node is None:
            return
        col = index.column()
        self.ctx.tasks_filter_requested.emit({
            "status": "completed" if col == AgencyTreeModel.COL_COMPLETED else None,
            "overdue": col == AgencyTreeModel.COL_OVERDUE,
            "plan_code": None,
            "agency_code": node.code,
        })
