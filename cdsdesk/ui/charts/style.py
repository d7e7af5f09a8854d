"""Colours and fonts the charts share with the views (badges, tiles). No pyqtgraph here."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont

from ...domain.status import TargetClass, TaskStatus

#: Fonts with full Vietnamese coverage, in order of preference (Arial on Windows).
FONT_FAMILIES = ["Liberation Sans", "DejaVu Sans", "Arial", "Segoe UI"]

STATUS_COLORS: dict[str, str] = {
    TaskStatus.DONE.value: "#2e7d32",
    TaskStatus.DONE_ROUTINE.value: "#81c784",
    TaskStatus.IN_PROGRESS.value: "#1e88e5",
    TaskStatus.NOT_STARTED.value: "#9e9e9e",
    TaskStatus.BLOCKED.value: "#f9a825",
    "overdue": "#c62828",
    "completed": "#2e7d32",
    "total": "#37474f",
}

CLASS_COLORS: dict[str, str] = {
    TargetClass.ACHIEVED.value: "#2e7d32",
    TargetClass.LIKELY.value: "#1565c0",
    TargetClass.NEEDS_EFFORT.value: "#c62828",
}

TEXT = "#212121"
MUTED = "#616161"
GRID = "#e0e0e0"
SERIES = "#1565c0"
TARGET = "#c62828"
BASELINE = "#6d4c41"
PROJECTION = "#ef6c00"


def chart_font(point_size: float = 10.0, *, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSizeF(point_size)
    font.setBold(bold)
    return font


def color(name: str) -> QColor:
    return QColor(name)


def elide(text: str, limit: int = 38) -> str:
    """Long agency and plan names cut with an ellipsis so that the axis stays readable."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
