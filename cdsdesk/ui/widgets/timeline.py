"""A task's status history drawn as a timeline: newest first, a coloured dot per entry, retracted
entries kept and struck through (the history is append-only)."""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from ...domain.numbers import format_date
from ...domain.status import TaskStatus
from ..models.tasks import STATUS_COLORS


@dataclass(frozen=True)
class HistoryEntry:
    entry_date: dt.date
    status: str
    progress: int
    note: str
    reporter: str
    source: str
    retracted: bool


class _Dot(QWidget):
    def __init__(self, color: str, *, first: bool, last: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.color, self.first, self.last = QColor(color), first, last
        self.setFixedWidth(22)

    def sizeHint(self) -> QSize:
        return QSize(22, 40)

    def paintEvent(self, _event) -> None:  # noqa: ANN001
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        x = self.width() / 2
        p.setPen(QPen(QColor("#b0bec5"), 2))
        p.drawLine(QPointF(x, 0 if not self.first else 12), QPointF(x, self.height() if not self.last else 12))
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(self.color)
        p.drawEllipse(QPointF(x, 12), 6, 6)
        p.end()


class HistoryTimeline(QScrollArea):
    """Shows a list of ``HistoryEntry``; ``entries_shown`` is what a test (or a reader) sees."""

    def __init__(self, parent: QWidget | None = None, *, lang: str = "vi") -> None:
        super().__init__(parent)
        self.lang = lang
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._inner = QWidget()
        self._lay = QVBoxLayout(self._inner)
        self._lay.setContentsMargins(4, 4, 4, 4)
        self._lay.setSpacing(0)
        self.setWidget(self._inner)
        self.entries_shown: list[HistoryEntry] = []
        self.as_of: dt.date | None = None
        self.set_entries([])

    def set_entries(self, entries: list[HistoryEntry], *, as_of: dt.date | None = None) -> None:
        """Newest first. Entries after ``as_of`` (the day the window is looking at) are greyed."""
        self.as_of = as_of
        while self._lay.count():
            item = self._lay.takeAt(0)
            w = item.widget()
            if w is not None:
                w.hide()
                w.setParent(None)  # gone at once, not at the next turn of the loop
                w.deleteLater()
        self.entries_shown = list(entries)
        if not entries:
            empty = QLabel(self.tr("No status updates recorded yet."), self._inner)
            empty.setStyleSheet("color: #607d8b; padding: 8px")
            self._lay.addWidget(empty)
        for i, e in enumerate(entries):
            row = QWidget(self._inner)
            h = QHBoxLayout(row)
            h.setContentsMargins(0, 0, 0, 0)
            later = as_of is not None and e.entry_date > as_of
            color = "#b0bec5" if e.retracted or later else STATUS_COLORS.get(e.status, ("", "#607d8b"))[1]
            h.addWidget(_Dot(color, first=i == 0, last=i == len(entries) - 1, parent=row), 0)
            label = QLabel(self._entry_html(e, later=later), row)
            label.setObjectName("historyEntry")
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setContentsMargins(2, 2, 2, 10)
            h.addWidget(label, 1)
            self._lay.addWidget(row)
        self._lay.addStretch(1)

    def _entry_html(self, e: HistoryEntry, *, later: bool = False) -> str:
        try:
            label = TaskStatus(e.status).label(self.lang)
        except ValueError:
            label = e.status
        head = f"<b>{format_date(e.entry_date)}</b> — {html.escape(label)} · {e.progress}%"
        if e.retracted:
            retracted = html.escape(self.tr("retracted"))
            head = f"<s>{head}</s> <i>({retracted})</i>"
        elif later:
            after = html.escape(self.tr("after %1").replace("%1", format_date(self.as_of)))
            head = f"{head} <i>({after})</i>"
        parts = [head]
        if e.note:
            parts.append(html.escape(e.note).replace("\n", "<br>"))
        who = e.reporter or ""
        source = "" if e.source in ("", "manual") else e.source
        small = " · ".join(x for x in (html.escape(who), html.escape(source)) if x)
        if small:
            parts.append(f"<span style='color:#607d8b'>{small}</span>")
        body = "<br>".join(parts)
        return f"<div style='color:#90a4ae'>{body}</div>" if e.retracted or later else f"<div>{body}</div>"
