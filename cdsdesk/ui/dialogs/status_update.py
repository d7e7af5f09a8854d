"""The "update status" dialog: status, progress, note and date, for one task or a selection."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...domain.status import TaskStatus
from ..models.tasks import STATUS_COLORS
from ..widgets.fields import date_edit, from_qdate


def status_icon(status: str) -> QIcon:
    pm = QPixmap(14, 14)
    pm.fill(QColor(STATUS_COLORS.get(status, ("#ccc", "#333"))[1]))
    return QIcon(pm)


def fill_status_combo(combo: QComboBox, lang: str) -> None:
    for s in TaskStatus:
        combo.addItem(status_icon(s.value), s.label(lang), s.value)


class StatusUpdateDialog(QDialog):
    """Asks for the new status; ``values()`` gives what the service records."""

    def __init__(self, parent: QWidget | None = None, *, count: int = 1, title: str = "",
                 status: str = TaskStatus.IN_PROGRESS.value, progress: int = 0, lang: str = "vi",
                 day: dt.date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusUpdateDialog")
        self.setWindowTitle(self.tr("Update status"))
        lay = QVBoxLayout(self)
        if count > 1:
            head = self.tr("New status for %n selected task(s)", "", count)
        else:
            head = title
        self.heading = QLabel(head, self)
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight: 600")
        lay.addWidget(self.heading)
        form = QFormLayout()
        self.status = QComboBox(self)
        self.status.setObjectName("statusCombo")
        fill_status_combo(self.status, lang)
        self.status.setCurrentIndex(max(0, self.status.findData(status)))
        self.progress = QSpinBox(self)
        self.progress.setObjectName("progressSpin")
        self.progress.setRange(0, 100)
        self.progress.setSuffix("%")
        self.progress.setValue(progress)
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("noteEdit")
        self.note.setPlaceholderText(self.tr("What was done, what is in the way, what is needed…"))
        self.note.setFixedHeight(90)
        self.date = date_edit(self, day or dt.date.today())
        self.date.setObjectName("dateEdit")
        form.addRow(self.tr("Status:"), self.status)
        form.addRow(self.tr("Progress:"), self.progress)
        form.addRow(self.tr("Note:"), self.note)
        form.addRow(self.tr("Date:"), self.date)
        lay.addLayout(form)
        self.buttons = QDialogButtonBox(self)
        self.ok = self.buttons.addButton(self.tr("Record"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("recordButton")
        self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.status.currentIndexChanged.connect(self._status_changed)
        self.resize(460, self.sizeHint().height())

    def _status_changed(self) -> None:
        if TaskStatus(self.status.currentData()).is_completed:
            self.progress.setValue(100)

    def values(self) -> dict:
        return {
            "status": self.status.currentData(),
            "progress": self.progress.value(),
            "note": self.note.toPlainText().strip(),
            "entry_date": from_qdate(self.date.date()),
        }
