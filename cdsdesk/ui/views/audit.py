"""Nhật ký: who changed what and when — filter by kind of record, person, dates and text (a task
code, an indicator code such as ``DVC-TT/2024S1``, a value); or open the history of one record."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from ...domain.text import nfc
from ...services.changes import Changes
from ...store.models import AuditEntry
from ..context import AppContext
from ..labels import entity_choices, entity_label
from ..models.audit_log import AuditFilter, AuditModel
from .refreshing import RefreshingView


def _date_edit(parent: QWidget, day: dt.date) -> QDateEdit:
    w = QDateEdit(QDate(day.year, day.month, day.day), parent)
    w.setDisplayFormat("dd/MM/yyyy")
    w.setCalendarPopup(True)
    w.setEnabled(False)
    return w


class AuditView(RefreshingView):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 8, 8, 8)
        bar = QHBoxLayout()
        self.entity_box = QComboBox(self)
        self.entity_box.addItem(self.tr("Mọi đối tượng"), None)
        for key, label in entity_choices():
            self.entity_box.addItem(label, key)
        bar.addWidget(self.entity_box)
        self.who_box = QComboBox(self)
        self.who_box.setMinimumContentsLength(12)
        bar.addWidget(self.who_box)
        self.since_check = QCheckBox(self.tr("Từ ngày"), self)
        self.since_edit = _date_edit(self, ctx.as_of.replace(day=1))
        self.until_check = QCheckBox(self.tr("đến ngày"), self)
        self.until_edit = _date_edit(self, dt.date.today())
        for w in (self.since_check, self.since_edit, self.until_check, self.until_edit):
            bar.addWidget(w)
        self.text_edit = QLineEdit(self)
        self.text_edit.setPlaceholderText(self.tr("Tìm mã nhiệm vụ, mã chỉ tiêu, giá trị…"))
        self.text_edit.setClearButtonEnabled(True)
        bar.addWidget(self.text_edit, 1)
        self.clear_button = QPushButton(self.tr("Bỏ lọc"), self)
        self.clear_button.clicked.connect(self.clear_filters)
        bar.addWidget(self.clear_button)
        lay.addLayout(bar)
        self.record_label = QLabel(self)
        self.record_label.setStyleSheet("color: #1565c0;")
        self.record_label.hide()
        lay.addWidget(self.record_label)

        self.model = AuditModel(ctx.db, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        h = self.table.horizontalHeader()
        h.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        h.setStretchLastSection(True)
        for col, width in ((AuditModel.COL_AT, 140), (AuditModel.COL_WHO, 110), (AuditModel.COL_ENTITY, 130),
                           (AuditModel.COL_LABEL, 120), (AuditModel.COL_ACTION, 80), (AuditModel.COL_FIELD, 100),
                           (AuditModel.COL_OLD, 160), (AuditModel.COL_NEW, 160)):
            h.resizeSection(col, width)
        lay.addWidget(self.table, 1)
        self.count_label = QLabel(self)
        self.count_label.setStyleSheet("color: #616161;")
        lay.addWidget(self.count_label)
        self.model.modelReset.connect(self._update_count)
        self.model.rowsInserted.connect(self._update_count)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.apply_filters)
        self._record: tuple[str, str, str] | None = None
        self.entity_box.currentIndexChanged.connect(self.apply_filters)
        self.who_box.currentIndexChanged.connect(self.apply_filters)
        for check, edit in ((self.since_check, self.since_edit), (self.until_check, self.until_edit)):
            check.toggled.connect(edit.setEnabled)
            check.toggled.connect(self.apply_filters)
            edit.dateChanged.connect(self.apply_filters)
        self.text_edit.textChanged.connect(lambda _t: self._debounce.start())
        self._filling = False

    def concerns(self, changes: Changes) -> bool:
        return True  # every write leaves an audit entry

    def _on_database(self) -> None:
        self.model.db = self.ctx.db
        super()._on_database()

    def refresh(self) -> None:
        self.model.db = self.ctx.db
        self._fill_people()
        self.apply_filters()

    def _fill_people(self) -> None:
        with self.ctx.db.session() as s:
            people = sorted(w for (w,) in s.execute(select(AuditEntry.who).distinct()) if w)
        keep = self.who_box.currentData()
        self._filling = True
        self.who_box.clear()
        self.who_box.addItem(self.tr("Mọi người"), None)
        for p in people:
            self.who_box.addItem(p, p)
        self.who_box.setCurrentIndex(max(self.who_box.findData(keep), 0) if keep else 0)
        self._filling = False

    def current_filter(self) -> AuditFilter:
        def day(check: QCheckBox, edit: QDateEdit) -> dt.date | None:
            if not check.isChecked():
                return None
            d = edit.date()
            return dt.date(d.year(), d.month(), d.day())

        return AuditFilter(
            entity=self.entity_box.currentData(), record=self._record, who=self.who_box.currentData(),
            since=day(self.since_check, self.since_edit), until=day(self.until_check, self.until_edit),
            text=nfc(self.text_edit.text()) or None,
        )

    def apply_filters(self) -> None:
        if self._filling:
            return
        self._debounce.stop()
        self.model.set_filter(self.current_filter())

    def show_for(self, entity: str, entity_uuid: str, label: str = "") -> None:
        """The history of one record (a task, a value): what changed, by whom, when."""
        self._record = (entity, entity_uuid, label)
        self.record_label.setText(self.tr("Lịch sử thay đổi của {what} {label} — nhấn “Bỏ lọc” để xem toàn bộ nhật ký").format(
            what=entity_label(entity).lower(), label=label))
        self.record_label.show()
        self._filling = True
        self.entity_box.setCurrentIndex(0)
        self._filling = False
        self.apply_filters()

    def clear_filters(self) -> None:
        self._filling = True
        self._record = None
        self.record_label.hide()
        self.entity_box.setCurrentIndex(0)
        self.who_box.setCurrentIndex(0)
        self.since_check.setChecked(False)
        self.until_check.setChecked(False)
        self.text_edit.clear()
        self._filling = False
        self.apply_filters()

    def _update_count(self, *_args) -> None:  # noqa: ANN002
        n = self.model.rowCount()
        more = self.model.canFetchMore()
        self.count_label.setText(
            self.tr("Đang hiện {n} dòng mới nhất — cuộn xuống để xem thêm").format(n=n) if more
            else self.tr("{n} dòng").format(n=n))
