"""The meeting view's dialogs: edit a meeting, edit a conclusion, and turn a conclusion into a
task (its title, lead agency, deadline, plan and code)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from ...store.models import Meeting
from ..labels import meeting_kinds

if TYPE_CHECKING:
    from ..views.meetings import DirectiveRow




def date_edit(parent: QWidget, value: dt.date) -> QDateEdit:
    w = QDateEdit(QDate(value.year, value.month, value.day), parent)
    w.setDisplayFormat("dd/MM/yyyy")
    w.setCalendarPopup(True)
    return w


def py_date(w: QDateEdit) -> dt.date:
    d = w.date()
    return dt.date(d.year(), d.month(), d.day())


def fill_agencies(box: QComboBox, agencies: list[tuple[int, str]], *, none_label: str | None = None) -> None:
    box.clear()
    if none_label is not None:
        box.addItem(none_label, None)
    for aid, name in agencies:
        box.addItem(name, aid)


class _FormDialog(QDialog):
    """A form with a red error line under its fields and OK / Cancel; OK calls ``_check``."""

    def _finish_form(self, form: QFormLayout, ok_text: str, cancel_text: str) -> None:
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet("color: #c62828;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        form.addRow(self.error_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(cancel_text)
        self.buttons.accepted.connect(self._check)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    def _check(self) -> None:
        self.accept()


class DirectiveTaskDialog(_FormDialog):
    """Giao nhiệm vụ từ kết luận: the task's title, lead agency, deadline, plan and code."""

    def __init__(self, directive: DirectiveRow, agencies: list[tuple[int, str]], plans: list[tuple[int, str]],
                 default_deadline: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Giao nhiệm vụ từ kết luận số {n}").format(n=directive.number))
        self.setMinimumWidth(560)
        form = QFormLayout(self)
        self.title_edit = QPlainTextEdit(directive.text, self)
        self.title_edit.setFixedHeight(80)
        form.addRow(self.tr("Nội dung nhiệm vụ:"), self.title_edit)
        self.agency_box = QComboBox(self)
        fill_agencies(self.agency_box, agencies, none_label=self.tr("— chọn cơ quan chủ trì —"))
        if directive.agency_id is not None:
            self.agency_box.setCurrentIndex(max(self.agency_box.findData(directive.agency_id), 0))
        form.addRow(self.tr("Cơ quan chủ trì:"), self.agency_box)
        self.deadline_edit = date_edit(self, directive.deadline or default_deadline)
        form.addRow(self.tr("Thời hạn:"), self.deadline_edit)
        self.plan_box = QComboBox(self)
        self.plan_box.addItem(self.tr("(không thuộc kế hoạch nào)"), None)
        for pid, name in plans:
            self.plan_box.addItem(name, pid)
        form.addRow(self.tr("Thuộc kế hoạch:"), self.plan_box)
        self.code_edit = QLineEdit(self)
        self.code_edit.setPlaceholderText(self.tr("để trống: tự đánh số"))
        form.addRow(self.tr("Mã nhiệm vụ:"), self.code_edit)
        self._finish_form(form, self.tr("Giao nhiệm vụ"), self.tr("Hủy"))

    def fields(self) -> dict:
        return {
            "title": self.title_edit.toPlainText().strip() or None,
            "agency_id": self.agency_box.currentData(),
            "deadline": py_date(self.deadline_edit),
            "plan_id": self.plan_box.currentData(),
            "code": self.code_edit.text().strip() or None,
        }

    def _check(self) -> None:
        if self.agency_box.currentData() is None:
            self.show_error(self.tr("Hãy chọn cơ quan chủ trì cho nhiệm vụ."))
            return
        if not self.title_edit.toPlainText().strip():
            self.show_error(self.tr("Nội dung nhiệm vụ không được để trống."))
            return
        self.accept()


class MeetingDialog(_FormDialog):
    """Sửa phiên họp: date, kind, title, chair and notes of a recorded meeting."""

    def __init__(self, meeting: Meeting, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sửa phiên họp"))
        self.setMinimumWidth(520)
        form = QFormLayout(self)
        self.date_edit = date_edit(self, meeting.date)
        form.addRow(self.tr("Ngày họp:"), self.date_edit)
        self.kind_box = QComboBox(self)
        for key, label in meeting_kinds():
            self.kind_box.addItem(label, key)
        self.kind_box.setCurrentIndex(max(self.kind_box.findData(meeting.kind), 0))
        form.addRow(self.tr("Loại phiên họp:"), self.kind_box)
        self.title_edit = QLineEdit(meeting.title, self)
        form.addRow(self.tr("Tên phiên họp:"), self.title_edit)
        self.chair_edit = QLineEdit(meeting.chair, self)
        form.addRow(self.tr("Chủ trì:"), self.chair_edit)
        self.notes_edit = QPlainTextEdit(meeting.notes, self)
        self.notes_edit.setFixedHeight(80)
        form.addRow(self.tr("Ghi chú:"), self.notes_edit)
        self._finish_form(form, self.tr("Lưu"), self.tr("Hủy"))

    def fields(self) -> dict:
        return {"date": py_date(self.date_edit), "kind": self.kind_box.currentData(),
                "title": self.title_edit.text().strip(), "chair": self.chair_edit.text().strip(),
                "notes": self.notes_edit.toPlainText().strip()}

    def _check(self) -> None:
        if not self.title_edit.text().strip():
            self.error_label.setText(self.tr("Tên phiên họp không được để trống."))
            self.error_label.show()
            return
        self.accept()


class DirectiveDialog(_FormDialog):
    """Sửa kết luận: its text, the agency that carries it out and its deadline."""

    def __init__(self, directive: DirectiveRow, agencies: list[tuple[int, str]], default_deadline: dt.date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sửa kết luận số {n}").format(n=directive.number))
        self.setMinimumWidth(560)
        form = QFormLayout(self)
        self.text_edit = QPlainTextEdit(directive.text, self)
        self.text_edit.setFixedHeight(80)
        form.addRow(self.tr("Nội dung:"), self.text_edit)
        self.agency_box = QComboBox(self)
        fill_agencies(self.agency_box, agencies, none_label=self.tr("(chưa giao cơ quan)"))
        if directive.agency_id is not None:
            self.agency_box.setCurrentIndex(max(self.agency_box.findData(directive.agency_id), 0))
        form.addRow(self.tr("Cơ quan thực hiện:"), self.agency_box)
        row = QHBoxLayout()
        self.has_deadline = QCheckBox(self.tr("có thời hạn"), self)
        self.has_deadline.setChecked(directive.deadline is not None)
        self.deadline_edit = date_edit(self, directive.deadline or default_deadline)
        self.deadline_edit.setEnabled(directive.deadline is not None)
        self.has_deadline.toggled.connect(self.deadline_edit.setEnabled)
        row.addWidget(self.has_deadline)
        row.addWidget(self.deadline_edit, 1)
        form.addRow(self.tr("Thời hạn:"), row)
        self._finish_form(form, self.tr("Lưu"), self.tr("Hủy"))

    def fields(self) -> dict:
        return {"text": self.text_edit.toPlainText().strip(), "agency_id": self.agency_box.currentData(),
                "deadline": py_date(self.deadline_edit) if self.has_deadline.isChecked() else None}

    def _check(self) -> None:
        if not self.text_edit.toPlainText().strip():
            self.error_label.setText(self.tr("Nội dung kết luận không được để trống."))
            self.error_label.show()
            return
        self.accept()
