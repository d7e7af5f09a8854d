"""The toolbar's reporting period and as-of date, which every view follows."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from ..domain.periods import Period
from .context import AppContext
from .widgets.fields import date_edit, from_qdate, to_qdate


def period_choices(today: dt.date, *, years_back: int = 4) -> list[Period]:
    """Years, halves, quarters of the recent years, newest first (the usual report periods)."""
    out: list[Period] = []
    for year in range(today.year + 1, today.year - years_back - 1, -1):
        out.append(Period("Y", year))
        out += [Period("S", year, i) for i in (2, 1)]
        out += [Period("Q", year, i) for i in (4, 3, 2, 1)]
    return out


class PeriodSelector(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        lay = QHBoxLayout(self)
        lay.setContentsMargins(4, 0, 4, 0)
        lay.addWidget(QLabel(self.tr("Period:"), self))
        self.period = QComboBox(self)
        self.period.setObjectName("periodCombo")
        self.period.setToolTip(self.tr("The reporting period every view shows"))
        lay.addWidget(self.period)
        lay.addSpacing(8)
        lay.addWidget(QLabel(self.tr("As of:"), self))
        self.as_of: QDateEdit = date_edit(self, ctx.as_of)
        self.as_of.setObjectName("asOfDate")
        self.as_of.setToolTip(self.tr("Statuses and counts as they stood on this day"))
        lay.addWidget(self.as_of)
        self._fill()
        self.period.currentIndexChanged.connect(self._period_picked)
        # Typing a date fires on every digit: wait until the user pauses.
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(400)
        self._debounce.timeout.connect(self._as_of_picked)
        self.as_of.dateChanged.connect(self._debounce.start)
        self.as_of.editingFinished.connect(self._as_of_picked)
        ctx.period_changed.connect(self._sync)

    def _fill(self) -> None:
        self.period.blockSignals(True)
        self.period.clear()
        choices = period_choices(dt.date.today())
        if self.ctx.period not in choices:
            choices.insert(0, self.ctx.period)
        for p in choices:
            self.period.addItem(p.label(self.ctx.lang), p.code)
        self.period.blockSignals(False)
        self._sync()

    def _sync(self) -> None:
        self.period.blockSignals(True)
        idx = self.period.findData(self.ctx.period.code)
        if idx < 0:
            self.period.insertItem(0, self.ctx.period.label(self.ctx.lang), self.ctx.period.code)
            idx = 0
        self.period.setCurrentIndex(idx)
        self.period.blockSignals(False)
        self.as_of.blockSignals(True)
        self.as_of.setDate(to_qdate(self.ctx.as_of))
        self.as_of.blockSignals(False)

    def _period_picked(self) -> None:
        self.ctx.set_period(Period.parse(self.period.currentData()))

    def _as_of_picked(self) -> None:
        self._debounce.stop()
        day = from_qdate(self.as_of.date())
        if day != self.ctx.as_of:
            self.ctx.set_as_of(day)
