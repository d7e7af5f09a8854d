"""The indicator list: latest province value, target, and the target's class as a badge."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from ...domain.numbers import format_date, format_number
from ...domain.periods import Period
from ...domain.status import TargetClass
from ...services.indicators import IndicatorRow
from ..charts.style import CLASS_COLORS
from ..widgets.badge import BadgeColorRole
from .rows import RowsModel

_CLASS_ORDER = {TargetClass.NEEDS_EFFORT.value: 0, TargetClass.LIKELY.value: 1, TargetClass.ACHIEVED.value: 2}


def _with_unit(value: float | None, unit: str) -> str:
    if value is None:
        return ""
    return format_number(round(value, 2)) + ("%" if unit == "%" else "")


def short_period(code: str) -> str:
    """A period in a narrow column: 2024, 6T đầu/2024, QII/2024, T7/2024."""
    p = Period.parse(code)
    if p.kind == "Y":
        return str(p.year)
    if p.kind == "S":
        return f"6T {'đầu' if p.index == 1 else 'cuối'}/{p.year}"
    if p.kind == "Q":
        return f"Q{('I', 'II', 'III', 'IV')[p.index - 1]}/{p.year}"
    return f"T{p.index}/{p.year}"


class IndicatorListModel(RowsModel[IndicatorRow]):
    COL_CODE, COL_NAME, COL_LATEST, COL_TARGET, COL_CLASS = range(5)
    HEADERS = ("Mã", "Chỉ tiêu", "Giá trị mới nhất", "Mục tiêu", "Đánh giá")
    TOOLTIPS = {4: "Đã hoàn thành / Khả năng hoàn thành cao / Cần nỗ lực tập trung, theo xu hướng đến hạn"}
    NUMERIC = frozenset({2, 3})

    def __init__(self, parent=None, lang: str = "vi") -> None:  # noqa: ANN001
        super().__init__(parent)
        self.lang = lang

    def display(self, row: IndicatorRow, column: int) -> str:
        if column == self.COL_CODE:
            return row.code
        if column == self.COL_NAME:
            return row.name
        if column == self.COL_LATEST:
            if row.latest_value is None:
                return "—"
            when = short_period(row.latest_period) if row.latest_period else ""
            return f"{_with_unit(row.latest_value, row.unit)} ({when})"
        if column == self.COL_TARGET:
            if row.target_value is None:
                return ""
            return f"{_with_unit(row.target_value, row.unit)} ({row.target_date.year})"
        return TargetClass(row.klass).label(self.lang) if row.klass else ""

    def sort_value(self, row: IndicatorRow, column: int) -> Any:
        if column == self.COL_LATEST:
            return row.latest_value
        if column == self.COL_TARGET:
            return row.target_value
        if column == self.COL_CLASS:
            return _CLASS_ORDER.get(row.klass or "", 3)
        return super().sort_value(row, column)

    def decoration(self, row: IndicatorRow, column: int, role: int) -> Any:
        if role == BadgeColorRole and column == self.COL_CLASS and row.klass:
            return CLASS_COLORS[row.klass]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.COL_NAME:
                return row.name
            if column == self.COL_LATEST and row.latest_period:
                return Period.parse(row.latest_period).label(self.lang)
            if column == self.COL_TARGET and row.target_date:
                return f"Mục tiêu {_with_unit(row.target_value, row.unit)} đến {format_date(row.target_date)}"
            if column == self.COL_CLASS and row.projected is not None:
                return f"Dự báo đến hạn: {_with_unit(row.projected, row.unit)}"
        if role == Qt.ItemDataRole.ForegroundRole and column == self.COL_CLASS and row.klass:
            return QColor(CLASS_COLORS[row.klass])
        return None

    def row_of(self, indicator_id: int) -> int:
        for i, r in enumerate(self._rows):
            if r.indicator_id == indicator_id:
                return i
        return -1
