"""Small editors shared by forms: a date that may be empty, a combo of (id, label) choices."""

from __future__ import annotations

import datetime as dt
from typing import Iterable

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QWidget

DATE_FORMAT = "d/M/yyyy"


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(q: QDate) -> dt.date:
    return dt.date(q.year(), q.month(), q.day())


def date_edit(parent: QWidget | None = None, day: dt.date | None = None) -> QDateEdit:
    """A date edit in the Vietnamese style (10/7/2024) with a calendar popup."""
    e = QDateEdit(parent)
    e.setDisplayFormat(DATE_FORMAT)
    e.setCalendarPopup(True)
    e.setDate(to_qdate(day or dt.date.today()))
    return e


class OptionalDateEdit(QWidget):
    """A date with a tick box in front: unticked means "no date"."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.check = QCheckBox(self)
        self.edit = date_edit(self)
        self.edit.setEnabled(False)
        lay.addWidget(self.check)
        lay.addWidget(self.edit, 1)
        self.check.toggled.connect(self.edit.setEnabled)
        self.check.toggled.connect(self.changed)
        self.edit.dateChanged.connect(self.changed)

    def value(self) -> dt.date | None:
        return from_qdate(self.edit.date()) if self.check.isChecked() else None

    def set_value(self, day: dt.date | None) -> None:
        self.blockSignals(True)
        self.check.setChecked(day is not None)
        self.edit.setDate(to_qdate(day or dt.date.today()))
        self.edit.setEnabled(day is not None)
        self.blockSignals(False)


class ChoiceCombo(QComboBox):
    """A combo of (id, label) with an optional first "none" entry; ``value()`` is the id."""

    def __init__(self, parent: QWidget | None = None, *, none_label: str | None = None) -> None:
        super().__init__(parent)
        self.none_label = none_label
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(12)

    def set_choices(self, choices: Iterable[tuple[object, str]]) -> None:
        current = self.value()
        self.blockSignals(True)
        self.clear()
        if self.none_label is not None:
            self.addItem(self.none_label, None)
        for key, label in choices:
            self.addItem(label, key)
            self.setItemData(self.count() - 1, label, 3)  # tooltip: the full name
        self.set_value(current)
        self.blockSignals(False)

    def value(self) -> object:
        return self.currentData() if self.currentIndex() >= 0 else None

    def set_value(self, key: object) -> None:
        for i in range(self.count()):
            if self.itemData(i) == key:
                self.setCurrentIndex(i)
                return
        self.setCurrentIndex(0 if self.count() else -1)
