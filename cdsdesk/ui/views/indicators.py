"""Chỉ tiêu: the indicators with the class of each target; for the one selected, its values over
periods against the target (with the baseline and the projected trend), the agencies compared
for one period, and the grid where values are typed in."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from ...domain.periods import Period
from ...domain.text import fold
from ...services import indicators as indicator_service
from ...services.changes import Changes
from ...store.models import IndicatorValue
from ..charts import build as chart_build
from ..charts.data import AgencyComparison, IndicatorSeries
from ..charts.panel import ChartPanel
from ..context import AppContext
from ..models.indicator_list import IndicatorListModel
from ..models.value_grid import ValueGridModel
from ..widgets.badge import BadgeDelegate
from .refreshing import RefreshingView


class IndicatorsView(RefreshingView):
    #: The indicator shown on the right changed (its id, or None).
    indicator_changed = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.indicator_id: int | None = None
        self._all_rows: list[indicator_service.IndicatorRow] = []
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 8, 8, 8)
        top = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Tìm chỉ tiêu (mã hoặc tên, không cần dấu)…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._apply_search)
        top.addWidget(self.search, 1)
        self.summary = QLabel(self)
        top.addWidget(self.summary)
        lay.addLayout(top)

        split = QSplitter(Qt.Orientation.Horizontal, self)
        lay.addWidget(split, 1)
        self.list_model = IndicatorListModel(self, lang=ctx.lang)
        self.table = QTableView(split)
        self.table.setModel(self.list_model)
        self.table.setItemDelegateForColumn(IndicatorListModel.COL_CLASS, BadgeDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(IndicatorListModel.COL_CODE, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        h = self.table.horizontalHeader()
        h.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        h.setSectionResizeMode(IndicatorListModel.COL_NAME, QHeaderView.ResizeMode.Stretch)
        h.setMinimumSectionSize(60)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        split.addWidget(self.table)

        self.tabs = QTabWidget(split)
        self.series_chart = ChartPanel("indicator_series", self.tabs, lang=ctx.lang, file_stem="chi-tieu")
        self.tabs.addTab(self.series_chart, self.tr("Diễn biến theo kỳ"))

        self.compare_page = QWidget(self.tabs)
        cl = QVBoxLayout(self.compare_page)
        cl.setContentsMargins(0, 4, 0, 0)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Kỳ báo cáo:"), self.compare_page))
        self.compare_period = QComboBox(self.compare_page)
        self.compare_period.currentIndexChanged.connect(self._draw_comparison)
        row.addWidget(self.compare_period)
        row.addStretch(1)
        cl.addLayout(row)
        self.compare_chart = ChartPanel("agency_comparison", self.compare_page, lang=ctx.lang, file_stem="so-sanh-co-quan")
        cl.addWidget(self.compare_chart, 1)
        self.tabs.addTab(self.compare_page, self.tr("So sánh các cơ quan"))

        self.grid_page = QWidget(self.tabs)
        gl = QVBoxLayout(self.grid_page)
        gl.setContentsMargins(0, 4, 0, 0)
        self.grid_hint = QLabel(self.grid_page)
        self.grid_hint.setWordWrap(True)
        gl.addWidget(self.grid_hint)
        self.grid_model = ValueGridModel(ctx, self)
        self.grid = QTableView(self.grid_page)
        self.grid.setModel(self.grid_model)
        self.grid.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.grid.horizontalHeader().setMinimumSectionSize(90)
        self.grid.installEventFilter(self)
        gl.addWidget(self.grid, 1)
        self.grid_error = QLabel(self.grid_page)
        self.grid_error.setWordWrap(True)
        self.grid_error.setStyleSheet("color: #c62828; font-weight: bold;")
        self.grid_error.hide()
        gl.addWidget(self.grid_error)
        self.grid_model.error_occurred.connect(self._show_grid_error)
        self.grid_model.value_committed.connect(lambda *_: self.grid_error.hide())
        self.tabs.addTab(self.grid_page, self.tr("Nhập số liệu"))

        split.addWidget(self.tabs)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([760, 600])

    # --- reading -------------------------------------------------------------------------------
    def concerns(self, changes: Changes) -> bool:
        return bool(changes.indicators or changes.agencies or changes.plans)

    def refresh(self) -> None:
        with self.ctx.db.session() as s:
            rows = indicator_service.overview(s, as_of=self.ctx.as_of,
                                              series_map=self.ctx.indicator_series.get(s))
        self._all_rows = rows
        counts = indicator_service.class_counts(rows)
        self.summary.setText(self.tr("{n} chỉ tiêu: {a} đã hoàn thành, {l} khả năng cao, {e} cần nỗ lực").format(
            n=len(rows), a=counts["achieved"], l=counts["likely"], e=counts["needs_effort"]))
        self._apply_search()
        if self.indicator_id is None and rows:
            self.select_indicator(self.list_model.row_at(0).indicator_id)
        else:
            self._show_indicator()

    def _apply_search(self) -> None:
        words = fold(self.search.text()).split()
        rows = [r for r in self._all_rows if all(w in fold(f"{r.code} {r.name}") for w in words)]
        keep = self.indicator_id
        self.list_model.set_rows(rows)
        header = self.table.horizontalHeader()
        self.list_model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        if keep is not None:
            self._select_row(self.list_model.row_of(keep))

    def _select_row(self, row: int) -> None:
        if row < 0:
            return
        sm = self.table.selectionModel()
        sm.blockSignals(True)
        sm.setCurrentIndex(self.list_model.index(row, 0),
                           QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        sm.blockSignals(False)

    def select_indicator(self, indicator_id: int) -> None:
        self.indicator_id = indicator_id
        self._select_row(self.list_model.row_of(indicator_id))
        self._show_indicator()
        self.indicator_changed.emit(indicator_id)

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.list_model.row_at(current.row())
        if row is not None and row.indicator_id != self.indicator_id:
            self.select_indicator(row.indicator_id)

    def _show_indicator(self) -> None:
        ind_id = self.indicator_id
        self.grid_model.load(ind_id)
        self.grid_error.hide()
        if ind_id is None:
            self.series_chart.set_data(None)
            self.compare_chart.set_data(None)
            return
        self.series_chart.set_data(self.series_data(ind_id))
        self._fill_compare_periods(ind_id)
        self._draw_comparison()
        ind = self.grid_model.indicator
        kind = {"percent": self.tr("tỷ lệ %, từ 0 đến 100"), "count": self.tr("số nguyên không âm"),
                "number": self.tr("số")}.get(ind.value_type, "")
        self.grid_hint.setText(self.tr(
            "{code} — {name}. Gõ giá trị ({kind}); dùng dấu phẩy cho phần thập phân, ví dụ 42,5."
            " Xóa ô để bỏ giá trị. Ctrl+Z để hoàn tác.").format(code=ind.code, name=ind.name, kind=kind))

    def series_data(self, indicator_id: int) -> IndicatorSeries:
        """The province's values with its target, baseline and the trend the class rests on."""
        with self.ctx.db.session() as s:
            return chart_build.indicator_series(s, indicator_id, as_of=self.ctx.as_of, lang=self.ctx.lang)

    def _fill_compare_periods(self, indicator_id: int) -> None:
        with self.ctx.db.session() as s:
            codes = [c for (c,) in s.execute(select(IndicatorValue.period).distinct().where(IndicatorValue.indicator_id == indicator_id))]
        periods = sorted((Period.parse(c) for c in codes), reverse=True)
        keep = self.compare_period.currentData()
        self.compare_period.blockSignals(True)
        self.compare_period.clear()
        for p in periods:
            self.compare_period.addItem(p.label(self.ctx.lang), p.code)
        want = keep if keep in codes else (self.ctx.period.code if self.ctx.period.code in codes else None)
        self.compare_period.setCurrentIndex(max(self.compare_period.findData(want), 0) if want else 0)
        self.compare_period.blockSignals(False)

    def comparison_data(self, indicator_id: int, period: str) -> AgencyComparison:
        with self.ctx.db.session() as s:
            return chart_build.agency_comparison(s, indicator_id, period, lang=self.ctx.lang)

    def _draw_comparison(self) -> None:
        period = self.compare_period.currentData()
        if self.indicator_id is None or not period:
            self.compare_chart.set_data(None)
            return
        self.compare_chart.set_data(self.comparison_data(self.indicator_id, period))

    def _show_grid_error(self, message: str) -> None:
        self.grid_error.setText(self.tr("Không nhận giá trị: {reason}").format(reason=message))
        self.grid_error.show()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802, ANN001
        """Delete in the grid removes the value under the cursor (undoable), as in a spreadsheet."""
        if (obj is self.grid and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
                and self.grid.state() != QAbstractItemView.State.EditingState):
            idx = self.grid.currentIndex()
            if idx.isValid():
                self.grid_model.setData(idx, "", Qt.ItemDataRole.EditRole)
                return True
        return super().eventFilter(obj, event)

    # --- for other views -----------------------------------------------------------------------
    def current_series(self) -> Any:
        return self.series_chart.data
