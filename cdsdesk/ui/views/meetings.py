"""Phiên họp: record a meeting of the committee and its conclusions/directives, and turn a
conclusion into a task assigned to an agency with a deadline."""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import func, select

from ...domain.errors import UserError
from ...domain.numbers import format_date
from ...domain.text import sort_key
from ...services import meetings as meeting_service
from ...services.changes import Changes
from ...store.models import Agency, Directive, Meeting, Plan, Task
from ..context import AppContext
from ..labels import meeting_kind_label, meeting_kinds
from ..models.rows import RowsModel
from ..dialogs.meeting_dialogs import (
    DirectiveDialog,
    DirectiveTaskDialog,
    MeetingDialog,
    date_edit,
    fill_agencies,
    py_date,
)
from ..undo import perform
from ..undo_meetings import DeleteDirective, DeleteMeeting, EditDirective, EditMeeting
from ..undo_values import TaskFromDirectiveCommand
from .refreshing import RefreshingView



@dataclass(frozen=True)
class MeetingRow:
    id: int
    date: dt.date
    kind: str
    title: str
    chair: str
    directives: int


@dataclass(frozen=True)
class DirectiveRow:
    id: int
    number: int
    text: str
    agency_id: int | None
    agency_name: str
    deadline: dt.date | None
    task_codes: tuple[str, ...]


class MeetingListModel(RowsModel[MeetingRow]):
    COL_DATE, COL_KIND, COL_TITLE, COL_DIRECTIVES = range(4)
    HEADERS = ("Ngày họp", "Loại", "Phiên họp", "Số kết luận")
    NUMERIC = frozenset({3})

    def display(self, row: MeetingRow, column: int) -> str:
        if column == self.COL_DATE:
            return format_date(row.date)
        if column == self.COL_KIND:
            return meeting_kind_label(row.kind)
        if column == self.COL_TITLE:
            return row.title
        return str(row.directives)

    def sort_value(self, row: MeetingRow, column: int) -> Any:
        if column == self.COL_DATE:
            return row.date.toordinal()
        if column == self.COL_DIRECTIVES:
            return row.directives
        return super().sort_value(row, column)

    def decoration(self, row: MeetingRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_TITLE:
            return f"{row.title}\nChủ trì: {row.chair}" if row.chair else row.title
        return None


class DirectiveModel(RowsModel[DirectiveRow]):
    COL_NUMBER, COL_TEXT, COL_AGENCY, COL_DEADLINE, COL_TASKS = range(5)
    HEADERS = ("STT", "Kết luận, chỉ đạo", "Cơ quan thực hiện", "Thời hạn", "Nhiệm vụ đã giao")
    NUMERIC = frozenset({0})

    def display(self, row: DirectiveRow, column: int) -> str:
        if column == self.COL_NUMBER:
            return str(row.number)
        if column == self.COL_TEXT:
            return row.text
        if column == self.COL_AGENCY:
            return row.agency_name
        if column == self.COL_DEADLINE:
            return format_date(row.deadline)
        return ", ".join(row.task_codes)

    def sort_value(self, row: DirectiveRow, column: int) -> Any:
        if column == self.COL_NUMBER:
            return row.number
        if column == self.COL_DEADLINE:
            return row.deadline.toordinal() if row.deadline else None
        return super().sort_value(row, column)

    def decoration(self, row: DirectiveRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_TEXT:
            return row.text
        return None


class MeetingsView(RefreshingView):
    #: A task was created from a conclusion (task id).
    task_created = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.meeting_id: int | None = None
        self._agencies: list[tuple[int, str]] = []
        self._plans: list[tuple[int, str]] = []
        self.dialog: DirectiveTaskDialog | None = None
        self.edit_dialog: MeetingDialog | DirectiveDialog | None = None
        self.confirm: QMessageBox | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 8, 8, 8)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.hide()
        split = QSplitter(Qt.Orientation.Horizontal, self)
        lay.addWidget(split, 1)
        lay.addWidget(self.message)

        # left: meetings and the form to record one
        left = QWidget(split)
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        self.meeting_model = MeetingListModel(self)
        self.meeting_table = self._table(self.meeting_model, left)
        self.meeting_table.horizontalHeader().setSectionResizeMode(MeetingListModel.COL_TITLE, QHeaderView.ResizeMode.Stretch)
        self.meeting_table.selectionModel().currentRowChanged.connect(self._on_meeting)
        ll.addWidget(self.meeting_table, 1)
        mbuttons = QHBoxLayout()
        self.m_edit = QPushButton(self.tr("Sửa phiên họp…"), left)
        self.m_edit.clicked.connect(self.open_meeting_dialog)
        self.m_delete = QPushButton(self.tr("Xóa phiên họp…"), left)
        self.m_delete.setToolTip(self.tr("Xóa phiên họp đang chọn cùng các kết luận của nó (có thể hoàn tác)"))
        self.m_delete.clicked.connect(self.ask_delete_meeting)
        mbuttons.addStretch(1)
        mbuttons.addWidget(self.m_edit)
        mbuttons.addWidget(self.m_delete)
        ll.addLayout(mbuttons)
        box = QGroupBox(self.tr("Ghi phiên họp mới"), left)
        form = QFormLayout(box)
        self.m_date = date_edit(box, ctx.as_of)
        form.addRow(self.tr("Ngày họp:"), self.m_date)
        self.m_kind = QComboBox(box)
        for key, label in meeting_kinds():
            self.m_kind.addItem(label, key)
        form.addRow(self.tr("Loại phiên họp:"), self.m_kind)
        self.m_title = QLineEdit(box)
        self.m_title.setPlaceholderText(self.tr("ví dụ: Phiên họp quý III/2024 của Ban Chỉ đạo"))
        form.addRow(self.tr("Tên phiên họp:"), self.m_title)
        self.m_chair = QLineEdit(box)
        form.addRow(self.tr("Chủ trì:"), self.m_chair)
        self.m_notes = QPlainTextEdit(box)
        self.m_notes.setPlaceholderText(self.tr("Kết luận chung, ghi chú (không bắt buộc)"))
        self.m_notes.setFixedHeight(60)
        form.addRow(self.tr("Ghi chú:"), self.m_notes)
        self.m_save = QPushButton(self.tr("Ghi phiên họp"), box)
        self.m_save.clicked.connect(self.record_meeting)
        form.addRow(self.m_save)
        ll.addWidget(box)
        split.addWidget(left)

        # right: the selected meeting's conclusions
        right = QWidget(split)
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        self.meeting_title = QLabel(right)
        self.meeting_title.setWordWrap(True)
        rl.addWidget(self.meeting_title)
        self.directive_model = DirectiveModel(self)
        self.directive_table = self._table(self.directive_model, right)
        self.directive_table.horizontalHeader().setSectionResizeMode(DirectiveModel.COL_TEXT, QHeaderView.ResizeMode.Stretch)
        self.directive_table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.directive_table.doubleClicked.connect(lambda *_: self.open_task_dialog())
        rl.addWidget(self.directive_table, 1)
        buttons = QHBoxLayout()
        self.to_task = QPushButton(self.tr("Giao thành nhiệm vụ…"), right)
        self.to_task.setToolTip(self.tr("Tạo nhiệm vụ từ kết luận đang chọn, giao cho cơ quan với thời hạn"))
        self.to_task.clicked.connect(self.open_task_dialog)
        self.d_edit = QPushButton(self.tr("Sửa kết luận…"), right)
        self.d_edit.clicked.connect(self.open_directive_dialog)
        self.d_delete = QPushButton(self.tr("Xóa kết luận…"), right)
        self.d_delete.clicked.connect(self.ask_delete_directive)
        buttons.addWidget(self.d_edit)
        buttons.addWidget(self.d_delete)
        buttons.addStretch(1)
        buttons.addWidget(self.to_task)
        rl.addLayout(buttons)
        dbox = QGroupBox(self.tr("Thêm kết luận, chỉ đạo"), right)
        dform = QFormLayout(dbox)
        self.d_text = QPlainTextEdit(dbox)
        self.d_text.setFixedHeight(60)
        self.d_text.setPlaceholderText(self.tr("ví dụ: Sở Kế hoạch và Đầu tư trình đề án trong tháng 7/2024"))
        dform.addRow(self.tr("Nội dung:"), self.d_text)
        self.d_agency = QComboBox(dbox)
        dform.addRow(self.tr("Cơ quan thực hiện:"), self.d_agency)
        drow = QHBoxLayout()
        self.d_has_deadline = QCheckBox(self.tr("có thời hạn"), dbox)
        self.d_has_deadline.setChecked(True)
        self.d_deadline = date_edit(dbox, ctx.as_of + dt.timedelta(days=90))
        self.d_has_deadline.toggled.connect(self.d_deadline.setEnabled)
        drow.addWidget(self.d_has_deadline)
        drow.addWidget(self.d_deadline, 1)
        dform.addRow(self.tr("Thời hạn:"), drow)
        self.d_save = QPushButton(self.tr("Thêm kết luận"), dbox)
        self.d_save.clicked.connect(self.add_directive)
        dform.addRow(self.d_save)
        rl.addWidget(dbox)
        split.addWidget(right)
        split.setSizes([520, 760])
        self._update_buttons()

    @staticmethod
    def _table(model: RowsModel, parent: QWidget) -> QTableView:
        t = QTableView(parent)
        t.setModel(model)
        t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.verticalHeader().hide()
        t.setWordWrap(False)
        t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        return t

    # --- reading -------------------------------------------------------------------------------
    def concerns(self, changes: Changes) -> bool:
        return bool(changes.meetings or changes.agencies or changes.plans or changes.tasks)

    def refresh(self) -> None:
        with self.ctx.db.session() as s:
            n_dir = dict(s.execute(select(Directive.meeting_id, func.count()).group_by(Directive.meeting_id)).all())
            meetings = [MeetingRow(m.id, m.date, m.kind, m.title, m.chair, n_dir.get(m.id, 0))
                        for m in meeting_service.list_meetings(s)]
            agencies = s.execute(select(Agency.id, Agency.name).where(Agency.active.is_(True))).all()
            plans = s.execute(select(Plan.id, Plan.name)).all()
        self._agencies = sorted(((a, n) for a, n in agencies), key=lambda r: sort_key(r[1]))
        self._plans = sorted(((p, n) for p, n in plans), key=lambda r: sort_key(r[1]))
        keep = self.d_agency.currentData()
        fill_agencies(self.d_agency, self._agencies, none_label=self.tr("(chưa giao cơ quan)"))
        self.d_agency.setCurrentIndex(max(self.d_agency.findData(keep), 0) if keep else 0)
        self.meeting_model.set_rows(meetings)
        if self.meeting_id not in {m.id for m in meetings}:  # none yet, or deleted meanwhile
            self.meeting_id = meetings[0].id if meetings else None
        self._select_meeting_row()
        self._load_directives()

    def _select_meeting_row(self) -> None:
        for i, r in enumerate(self.meeting_model.rows()):
            if r.id == self.meeting_id:
                sm = self.meeting_table.selectionModel()
                sm.blockSignals(True)
                self.meeting_table.selectRow(i)
                sm.blockSignals(False)
                return

    def _on_meeting(self, current: QModelIndex, _prev: QModelIndex) -> None:
        row = self.meeting_model.row_at(current.row())
        if row is not None:
            self.meeting_id = row.id
            self._load_directives()

    def select_meeting(self, meeting_id: int) -> None:
        self.meeting_id = meeting_id
        self._select_meeting_row()
        self._load_directives()

    def _load_directives(self) -> None:
        rows: list[DirectiveRow] = []
        title = self.tr("Chưa có phiên họp nào — hãy ghi phiên họp ở bên trái.")
        if self.meeting_id is not None:
            with self.ctx.db.session() as s:
                m = s.get(Meeting, self.meeting_id)
                if m is not None:
                    head = f"{m.title} — {format_date(m.date)}" + (f" — chủ trì: {m.chair}" if m.chair else "")
                    title = f"<b>{html.escape(head)}</b>"
                    if m.notes:
                        title += "<br>" + html.escape(m.notes).replace("\n", "<br>")
                    codes: dict[int, list[str]] = {}
                    for did, code in s.execute(
                        select(Task.directive_id, Task.code)
                        .join(Directive, Directive.id == Task.directive_id)
                        .where(Directive.meeting_id == m.id, Task.deleted_at.is_(None))
                        .order_by(Task.code)
                    ):
                        codes.setdefault(did, []).append(code)
                    for d in m.directives:
                        rows.append(DirectiveRow(d.id, d.number, d.text, d.agency_id, d.agency.name if d.agency else "",
                                                 d.deadline, tuple(codes.get(d.id, []))))
        self.meeting_title.setText(title)
        self.meeting_title.setTextFormat(Qt.TextFormat.RichText)
        selected = self.current_directive()
        self.directive_model.set_rows(rows)
        if selected is not None:
            for i, r in enumerate(rows):
                if r.id == selected.id:
                    self.directive_table.selectRow(i)
        self._update_buttons()

    def current_directive(self) -> DirectiveRow | None:
        idx = self.directive_table.currentIndex()
        return self.directive_model.row_at(idx.row()) if idx.isValid() else None

    def select_directive(self, directive_id: int) -> None:
        for i, r in enumerate(self.directive_model.rows()):
            if r.id == directive_id:
                self.directive_table.selectRow(i)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_directive = self.current_directive() is not None
        self.to_task.setEnabled(has_directive)
        self.d_edit.setEnabled(has_directive)
        self.d_delete.setEnabled(has_directive)
        self.d_save.setEnabled(self.meeting_id is not None)
        self.m_edit.setEnabled(self.meeting_id is not None)
        self.m_delete.setEnabled(self.meeting_id is not None)

    # --- writing -------------------------------------------------------------------------------
    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet("color: #c62828; font-weight: bold;" if error else "color: #2e7d32;")
        self.message.setText(text)
        self.message.show()

    def record_meeting(self) -> int | None:
        try:
            with self.ctx.db.session() as s:
                m = meeting_service.create_meeting(
                    s, date=py_date(self.m_date), title=self.m_title.text(), kind=self.m_kind.currentData(),
                    chair=self.m_chair.text(), notes=self.m_notes.toPlainText(), who=self.ctx.user or None)
                mid, title = m.id, m.title
        except UserError as exc:
            self._say(exc.message(self.ctx.lang), error=True)
            return None
        self.m_title.clear()
        self.m_chair.clear()
        self.m_notes.clear()
        self.meeting_id = mid
        self._say(self.tr("Đã ghi phiên họp: {t}").format(t=title))
        self.ctx.notify(Changes(meetings=True))
        if not self.isVisible():
            self.refresh()
        return mid

    def add_directive(self) -> int | None:
        if self.meeting_id is None:
            return None
        deadline = py_date(self.d_deadline) if self.d_has_deadline.isChecked() else None
        try:
            with self.ctx.db.session() as s:
                d = meeting_service.add_directive(s, self.meeting_id, text=self.d_text.toPlainText(),
                                                  agency_id=self.d_agency.currentData(), deadline=deadline,
                                                  who=self.ctx.user or None)
                did, number = d.id, d.number
        except UserError as exc:
            self._say(exc.message(self.ctx.lang), error=True)
            return None
        self.d_text.clear()
        self._say(self.tr("Đã thêm kết luận số {n}").format(n=number))
        self.ctx.notify(Changes(meetings=True))
        if not self.isVisible():
            self.refresh()
        self.select_directive(did)
        return did

    def open_task_dialog(self) -> DirectiveTaskDialog | None:
        """Show the dialog that turns the selected conclusion into a task (non-blocking)."""
        d = self.current_directive()
        if d is None:
            return None
        dlg = DirectiveTaskDialog(d, self._agencies, self._plans, self.ctx.as_of + dt.timedelta(days=90), self)
        dlg.accepted.connect(lambda: self._create_task(d, dlg))
        dlg.finished.connect(dlg.deleteLater)
        self.dialog = dlg
        dlg.open()
        return dlg

    def _create_task(self, d: DirectiveRow, dlg: DirectiveTaskDialog) -> None:
        self.create_task_from(d.id, dlg.fields(), number=d.number)

    def create_task_from(self, directive_id: int, fields: dict, *, number: int | None = None) -> int | None:
        cmd = TaskFromDirectiveCommand(self.ctx, directive_id, fields, label=f"số {number}" if number else "")
        self.ctx.undo_stack.push(cmd)
        if cmd.error is not None:
            self._say(cmd.error.message(self.ctx.lang), error=True)
            return None
        self._say(self.tr("Đã giao nhiệm vụ {code}").format(code=cmd.task_code))
        if not self.isVisible():
            self._load_directives()
        self.task_created.emit(cmd.task_id)
        return cmd.task_id

    # --- editing and deleting (undoable) -------------------------------------------------------
    def _after_write(self, text: str) -> None:
        self._say(text)
        if not self.isVisible():
            self.refresh()

    def open_meeting_dialog(self) -> MeetingDialog | None:
        """Show the dialog that edits the selected meeting (non-blocking)."""
        if self.meeting_id is None:
            return None
        with self.ctx.db.session() as s:
            m = s.get(Meeting, self.meeting_id)
            if m is None:
                return None
            dlg = MeetingDialog(m, self)
        mid = self.meeting_id
        dlg.accepted.connect(lambda: self.edit_meeting(mid, dlg.fields()))
        dlg.finished.connect(dlg.deleteLater)
        self.edit_dialog = dlg
        dlg.open()
        return dlg

    def edit_meeting(self, meeting_id: int, fields: dict) -> bool:
        op = EditMeeting(meeting_id, fields, text=self.tr("Sửa phiên họp"), who=self.ctx.user or None)
        if not perform(self.ctx, op, self):
            return False
        if op.changed:
            self._after_write(self.tr("Đã sửa phiên họp: {t}").format(t=fields.get("title", "")))
        return True

    def open_directive_dialog(self) -> DirectiveDialog | None:
        """Show the dialog that edits the selected conclusion (non-blocking)."""
        d = self.current_directive()
        if d is None:
            return None
        dlg = DirectiveDialog(d, self._agencies, self.ctx.as_of + dt.timedelta(days=90), self)
        dlg.accepted.connect(lambda: self.edit_directive(d.id, dlg.fields(), number=d.number))
        dlg.finished.connect(dlg.deleteLater)
        self.edit_dialog = dlg
        dlg.open()
        return dlg

    def edit_directive(self, directive_id: int, fields: dict, *, number: int | None = None) -> bool:
        op = EditDirective(directive_id, fields, text=self.tr("Sửa kết luận số {n}").format(n=number or ""),
                           who=self.ctx.user or None)
        if not perform(self.ctx, op, self):
            return False
        if op.changed:
            self._after_write(self.tr("Đã sửa kết luận số {n}").format(n=number or ""))
            self.select_directive(directive_id)
        return True

    def _ask(self, text: str, on_yes) -> QMessageBox:  # noqa: ANN001
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Xác nhận xóa"), text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Xóa"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Không xóa"))
        box.buttonClicked.connect(
            lambda b: on_yes() if b is box.button(QMessageBox.StandardButton.Yes) else None)
        box.finished.connect(box.deleteLater)
        self.confirm = box
        box.open()
        return box

    def ask_delete_meeting(self) -> QMessageBox | None:
        """Ask before deleting the selected meeting (non-blocking); Yes deletes it."""
        row = next((r for r in self.meeting_model.rows() if r.id == self.meeting_id), None)
        if row is None:
            return None
        text = self.tr("Xóa phiên họp «{t}» ngày {d} cùng {n} kết luận của nó? Các nhiệm vụ đã giao từ các kết luận"
                       " vẫn được giữ. Có thể hoàn tác (Ctrl+Z).").format(
            t=row.title, d=format_date(row.date), n=row.directives)
        return self._ask(text, lambda: self.delete_meeting(row.id))

    def delete_meeting(self, meeting_id: int) -> bool:
        op = DeleteMeeting(meeting_id, text=self.tr("Xóa phiên họp"), who=self.ctx.user or None)
        if not perform(self.ctx, op, self):
            return False
        if self.meeting_id == meeting_id:
            self.meeting_id = None
        title = op.snapshot.title if op.snapshot else ""
        self._after_write(self.tr("Đã xóa phiên họp: {t} (Ctrl+Z để hoàn tác)").format(t=title))
        return True

    def ask_delete_directive(self) -> QMessageBox | None:
        """Ask before deleting the selected conclusion (non-blocking); Yes deletes it."""
        d = self.current_directive()
        if d is None:
            return None
        text = self.tr("Xóa kết luận số {n}? Các nhiệm vụ đã giao từ kết luận này vẫn được giữ."
                       " Có thể hoàn tác (Ctrl+Z).").format(n=d.number)
        return self._ask(text, lambda: self.delete_directive(d.id, number=d.number))

    def delete_directive(self, directive_id: int, *, number: int | None = None) -> bool:
        op = DeleteDirective(directive_id, text=self.tr("Xóa kết luận số {n}").format(n=number or ""),
                             who=self.ctx.user or None)
        if not perform(self.ctx, op, self):
            return False
        self._after_write(self.tr("Đã xóa kết luận số {n} (Ctrl+Z để hoàn tác)").format(n=number or ""))
        return True
