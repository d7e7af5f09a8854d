"""The value-entry grid of one indicator: periods down, agencies across (the province first).

Typed text is read the Vietnamese way (``42,5``, ``1.928.311``) and checked against what the
indicator can hold before anything is written; a refused value leaves the database untouched
and the reason is emitted in ``error_occurred``. Accepted values go onto the undo stack.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from sqlalchemy import select

from ...domain.errors import ValidationError
from ...domain.numbers import format_date, format_number
from ...domain.periods import Period
from ...domain.text import sort_key
from ...services.indicators import validate_value
from ...store.models import Agency, Indicator, IndicatorValue
from ..context import AppContext
from ..undo_values import SetValueCommand

Index = QModelIndex | QPersistentModelIndex

#: How many periods of the current kind, up to the current one, the grid always offers.
RECENT_PERIODS = 6


@dataclass(frozen=True)
class GridAgency:
    id: int
    code: str
    name: str
    short_name: str
    is_province: bool

    @property
    def header(self) -> str:
        return self.short_name or self.name


class ValueGridModel(QAbstractTableModel):
    COL_PROVINCE = 0  # the province's own figure; agencies follow in Vietnamese name order

    #: The reason a typed value was refused (in the user's language).
    error_occurred = Signal(str)
    #: A value was accepted and written (indicator id, agency id, period code).
    value_committed = Signal(int, int, str)

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.indicator: SimpleNamespace | None = None
        self.periods: list[Period] = []
        self.agencies: list[GridAgency] = []
        self.values: dict[tuple[str, int], tuple[float, str, Any]] = {}
        self.last_error: str = ""

    # --- loading -------------------------------------------------------------------------------
    def load(self, indicator_id: int | None) -> None:
        """Read the indicator's periods, agencies and values; keeps the layout when unchanged."""
        if indicator_id is None:
            self.beginResetModel()
            self.indicator, self.periods, self.agencies, self.values = None, [], [], {}
            self.endResetModel()
            return
        with self.ctx.db.session() as s:
            ind = s.get(Indicator, indicator_id)
            if ind is None:
                return self.load(None)
            info = SimpleNamespace(id=ind.id, code=ind.code, name=ind.name, unit=ind.unit, value_type=ind.value_type)
            rows = s.execute(
                select(Agency.id, Agency.code, Agency.name, Agency.short_name, Agency.kind, Agency.parent_id)
                .where(Agency.active.is_(True))
            ).all()
            stored = s.execute(
                select(IndicatorValue.period, IndicatorValue.agency_id, IndicatorValue.value,
                       IndicatorValue.stored_by, IndicatorValue.stored_at)
                .where(IndicatorValue.indicator_id == indicator_id)
            ).all()
        agencies = [GridAgency(r.id, r.code, r.name, r.short_name, r.kind == "province" and r.parent_id is None) for r in rows]
        agencies.sort(key=lambda a: (not a.is_province, sort_key(a.name)))
        values = {(p, a): (v, who, at) for p, a, v, who, at in stored}
        current = self.ctx.period
        periods = {current.code: current}
        p = current
        for _ in range(RECENT_PERIODS - 1):
            p = p.previous()
            periods[p.code] = p
        for code, _a in values:
            periods.setdefault(code, Period.parse(code))
        ordered = sorted(periods.values())
        same_shape = (self.indicator is not None and self.indicator.id == info.id
                      and [x.code for x in ordered] == [x.code for x in self.periods]
                      and [a.id for a in agencies] == [a.id for a in self.agencies])
        if same_shape:
            self.indicator, self.values = info, values
            if self.periods and self.agencies:
                self.dataChanged.emit(self.index(0, 0), self.index(len(self.periods) - 1, len(self.agencies) - 1))
            return
        self.beginResetModel()
        self.indicator, self.periods, self.agencies, self.values = info, ordered, agencies, values
        self.endResetModel()

    # --- lookup --------------------------------------------------------------------------------
    def cell(self, row: int, column: int) -> tuple[Period, GridAgency]:
        return self.periods[row], self.agencies[column]

    def value_at(self, row: int, column: int) -> float | None:
        p, a = self.cell(row, column)
        v = self.values.get((p.code, a.id))
        return v[0] if v else None

    def row_of(self, period: str) -> int:
        return [p.code for p in self.periods].index(Period.parse(period).code)

    def column_of(self, agency_code: str) -> int:
        return [a.code for a in self.agencies].index(agency_code)

    # --- Qt API --------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.periods)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.agencies)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.agencies):
            a = self.agencies[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return self.tr("Toàn tỉnh") if a.is_province else a.header
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{a.code} — {a.name}"
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self.periods):
            p = self.periods[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return p.label(self.ctx.lang)
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{p.code}: {format_date(p.start)} – {format_date(p.end)}"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.periods) or index.column() >= len(self.agencies):
            return None
        p, a = self.cell(index.row(), index.column())
        stored = self.values.get((p.code, a.id))
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return format_number(stored[0]) if stored else ""
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and stored:
            _v, who, at = stored
            return self.tr("Nhập bởi {who} lúc {at}").format(who=who or "?", at=at.strftime("%d/%m/%Y %H:%M") if at else "?")
        if role == Qt.ItemDataRole.BackgroundRole and a.is_province:
            return QColor("#f1f6fb")
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.indicator is None:
            return False
        p, a = self.cell(index.row(), index.column())
        old = self.value_at(index.row(), index.column())
        text = "" if value is None else str(value).strip()
        if text == "":
            if old is None:
                return False
            new: float | None = None  # clearing a cell removes the value
        else:
            try:
                new = validate_value(self.indicator, text)
            except ValidationError as exc:
                return self._refuse(exc.message(self.ctx.lang))
            if old is not None and new == old:
                return False
        label = f"{self.indicator.code} / {a.code} / {p.code}"
        cmd = SetValueCommand(self.ctx, indicator_id=self.indicator.id, agency_id=a.id, period=p.code,
                              new=new, old=old, label=label)
        self.ctx.undo_stack.push(cmd)
        if cmd.error is not None:
            return self._refuse(cmd.error.message(self.ctx.lang))
        self.last_error = ""
        self.load(self.indicator.id)  # no-op if the views already reloaded on data_changed
        self.value_committed.emit(self.indicator.id, a.id, p.code)
        return True

    def _refuse(self, message: str) -> bool:
        self.last_error = message
        self.error_occurred.emit(message)
        return False
