"""Tổng quan: the counts the committee asks first, as of the chosen day, and where to look next.

Tiles (total, completed, in progress, not started, blocked, overdue) open the task list filtered
to what they count; tasks by agency as a stacked bar; completion by plan; deadlines in the next
30 days; indicators that need focused effort.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.numbers import format_date, format_number
from ...domain.rules import DUE_SOON_DAYS
from ...domain.status import OVERDUE_LABEL_VI, TargetClass, TaskStatus
from ...domain.text import sort_key
from ...services import dashboard_counts
from ...services.changes import Changes
from ..charts.data import scope_text
from ..charts.panel import ChartPanel
from ..charts.style import CLASS_COLORS, STATUS_COLORS
from ..context import AppContext
from ..labels import status_label
from ..messages import current_lang
from ..models.rows import RowsModel
from .refreshing import RefreshingView

if TYPE_CHECKING:
    from ...services.indicators import IndicatorRow
    from ...services.queries import TaskRow

# The first paint shows the tiles alone, read through the engine with plain SQL
# (``dashboard_counts``); the ORM-based queries, the chart builders and the indicator service load
# with the rest of the page, after it.

@dataclass(frozen=True)
class TileSpec:
    key: str  # total | completed | in_progress | not_started | blocked | overdue
    label_vi: str
    label_en: str
    status: str | None
    overdue: bool = False


TILES: tuple[TileSpec, ...] = (
    TileSpec("total", "Tổng số nhiệm vụ", "All tasks", None),
    TileSpec("completed", "Hoàn thành", "Completed", "completed"),
    TileSpec("in_progress", TaskStatus.IN_PROGRESS.label_vi, TaskStatus.IN_PROGRESS.label_en, "in_progress"),
    TileSpec("not_started", TaskStatus.NOT_STARTED.label_vi, TaskStatus.NOT_STARTED.label_en, "not_started"),
    TileSpec("blocked", TaskStatus.BLOCKED.label_vi, TaskStatus.BLOCKED.label_en, "blocked"),
    TileSpec("overdue", OVERDUE_LABEL_VI, "Overdue", None, overdue=True),
)


class Tile(QPushButton):
    """A count in large type over its caption; a click opens the tasks it counts."""

    def __init__(self, spec: TileSpec, color: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.setObjectName(f"tile_{spec.key}")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setMinimumSize(150, 96)  # room for a two-line caption or detail
        self.setStyleSheet(
            f"QPushButton#{self.objectName()} {{ text-align: left; background: white; border: 1px solid #d0d7de;"
            f" border-left: 6px solid {color}; border-radius: 4px; padding: 6px 10px; }}"
            f" QPushButton#{self.objectName()}:hover {{ background: #f3f6f9; }}"
        )
        lay = QVBoxLayout(self)
        lay.setContentsMargins(14, 6, 8, 6)
        lay.setSpacing(0)
        self.value_label = QLabel("–", self)
        font = self.value_label.font()
        font.setPointSizeF(font.pointSizeF() * 2.0)
        font.setBold(True)
        self.value_label.setFont(font)
        self.value_label.setStyleSheet(f"color: {color};")
        self.caption = QLabel(spec.label_en if current_lang() == "en" else spec.label_vi, self)
        self.caption.setWordWrap(True)
        self.detail = QLabel("", self)
        self.detail.setStyleSheet("color: #616161;")
        self.detail.setWordWrap(True)  # "64,4% · 4.465 thường xuyên" on a narrow tile
        for w in (self.value_label, self.caption, self.detail):
            w.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            lay.addWidget(w)

    def set_value(self, value: int, detail: str = "") -> None:
        self.value_label.setText(format_number(value))
        self.detail.setText(detail)
        self.setToolTip(self.tr("{label}: {n} — nhấn để xem danh sách").format(
            label=self.caption.text(), n=format_number(value)))
        self.setAccessibleName(f"{self.caption.text()}: {format_number(value)}")


class DueSoonModel(RowsModel["TaskRow"]):
    COL_DEADLINE, COL_CODE, COL_TITLE, COL_AGENCY, COL_STATUS = range(5)
    HEADERS = ("Thời hạn", "Mã", "Nhiệm vụ", "Cơ quan chủ trì", "Trạng thái")

    def display(self, row: TaskRow, column: int) -> str:
        if column == self.COL_DEADLINE:
            return format_date(row.deadline)
        if column == self.COL_CODE:
            return row.code
        if column == self.COL_TITLE:
            return row.title
        if column == self.COL_AGENCY:
            return row.lead_agency_name
        return status_label(row.status)

    def sort_value(self, row: TaskRow, column: int) -> Any:
        if column == self.COL_DEADLINE:
            return row.deadline.toordinal() if row.deadline else None
        return super().sort_value(row, column)

    def decoration(self, row: TaskRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column == self.COL_STATUS:
            return QColor(STATUS_COLORS.get(row.status, "#212121"))
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_TITLE:
            return row.title
        return None


class FocusIndicatorModel(RowsModel["IndicatorRow"]):
    COL_CODE, COL_NAME, COL_LATEST, COL_TARGET, COL_PROJECTED = range(5)
    HEADERS = ("Mã", "Chỉ tiêu", "Hiện đạt", "Mục tiêu", "Dự báo đến hạn")
    NUMERIC = frozenset({2, 3, 4})

    def display(self, row: IndicatorRow, column: int) -> str:
        pct = "%" if row.unit == "%" else ""
        if column == self.COL_CODE:
            return row.code
        if column == self.COL_NAME:
            return row.name
        if column == self.COL_LATEST:
            return format_number(row.latest_value) + pct if row.latest_value is not None else "—"
        if column == self.COL_TARGET:
            when = f" ({row.target_date.year})" if row.target_date else ""
            return format_number(row.target_value) + pct + when if row.target_value is not None else ""
        return format_number(round(row.projected, 1)) + pct if row.projected is not None else "—"

    def sort_value(self, row: IndicatorRow, column: int) -> Any:
        if column == self.COL_LATEST:
            return row.latest_value
        if column == self.COL_TARGET:
            return row.target_value
        if column == self.COL_PROJECTED:
            return row.projected
        return super().sort_value(row, column)

    def decoration(self, row: IndicatorRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_NAME:
            return row.name
        return None


def _table(model: RowsModel, parent: QWidget, stretch: int) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSortingEnabled(True)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    # Widths from the first rows, not from every one of the thousands a large province lists.
    header.setResizeContentsPrecision(60)
    header.setStretchLastSection(False)
    return view


class DashboardView(RefreshingView):
    """Tổng quan for ``ctx.period`` as of ``ctx.as_of``, optionally narrowed to a plan or agency."""

    #: Emitted after each refresh (tests, the window's status bar).
    refreshed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.counts: dict[str, int] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(scroll)
        body = QWidget(scroll)
        scroll.setWidget(body)
        lay = QVBoxLayout(body)
        lay.setContentsMargins(12, 10, 12, 10)

        head = QHBoxLayout()
        self.heading = QLabel(body)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        head.addWidget(self.heading, 1)
        head.addWidget(QLabel(self.tr("Kế hoạch:"), body))
        self.plan_box = QComboBox(body)
        self.plan_box.setMinimumContentsLength(18)
        self.plan_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        head.addWidget(self.plan_box)
        head.addWidget(QLabel(self.tr("Cơ quan:"), body))
        self.agency_box = QComboBox(body)
        self.agency_box.setMinimumContentsLength(18)
        self.agency_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        head.addWidget(self.agency_box)
        lay.addLayout(head)
        self.plan_box.currentIndexChanged.connect(self._on_scope)
        self.agency_box.currentIndexChanged.connect(self._on_scope)

        tiles = QGridLayout()
        tiles.setSpacing(8)
        self.tiles: dict[str, Tile] = {}
        for i, spec in enumerate(TILES):
            color = STATUS_COLORS.get(spec.key, STATUS_COLORS["total"])
            tile = Tile(spec, color, body)
            tile.clicked.connect(lambda _=False, s=spec: self.open_tasks(s))
            tiles.addWidget(tile, 0, i)
            self.tiles[spec.key] = tile
        lay.addLayout(tiles)

        charts = QSplitter(Qt.Orientation.Horizontal, body)
        self.agency_chart = ChartPanel("status_by_agency", charts, lang=ctx.lang, file_stem="nhiem-vu-theo-co-quan")
        self.plan_chart = ChartPanel("completion_by_plan", charts, lang=ctx.lang, file_stem="hoan-thanh-theo-ke-hoach")
        charts.addWidget(self.agency_chart)
        charts.addWidget(self.plan_chart)
        charts.setStretchFactor(0, 3)
        charts.setStretchFactor(1, 2)
        charts.setMinimumHeight(360)
        lay.addWidget(charts, 3)

        lists = QSplitter(Qt.Orientation.Horizontal, body)
        due_box = QWidget(lists)
        due_lay = QVBoxLayout(due_box)
        due_lay.setContentsMargins(0, 0, 0, 0)
        self.due_title = QLabel(due_box)
        self.due_title.setStyleSheet("font-weight: bold;")
        due_lay.addWidget(self.due_title)
        self.due_model = DueSoonModel(self)
        self.due_table = _table(self.due_model, due_box, DueSoonModel.COL_TITLE)
        self.due_table.doubleClicked.connect(self._open_due)
        due_lay.addWidget(self.due_table)
        focus_box = QWidget(lists)
        focus_lay = QVBoxLayout(focus_box)
        focus_lay.setContentsMargins(0, 0, 0, 0)
        self.focus_title = QLabel(focus_box)
        self.focus_title.setStyleSheet(f"font-weight: bold; color: {CLASS_COLORS[TargetClass.NEEDS_EFFORT.value]};")
        focus_lay.addWidget(self.focus_title)
        self.focus_model = FocusIndicatorModel(self)
        self.focus_table = _table(self.focus_model, focus_box, FocusIndicatorModel.COL_NAME)
        focus_lay.addWidget(self.focus_table)
        lists.addWidget(due_box)
        lists.addWidget(focus_box)
        lists.setMinimumHeight(220)
        lay.addWidget(lists, 2)
        self._filling = False
        #: The plan and agency lists need reading again (F5 sets it too).
        self.scopes_dirty = True
        self._scopes_db = None

    # --- scope ---------------------------------------------------------------------------------
    @property
    def plan_code(self) -> str | None:
        return self.plan_box.currentData()

    @property
    def agency_code(self) -> str | None:
        return self.agency_box.currentData()

    def _fill_scopes(self) -> None:
        """Plans and agencies for the selectors, keeping the current choice."""
        self.scopes_dirty, self._scopes_db = False, self.ctx.db
        self._filling = True
        try:
            keep_plan, keep_agency = self.plan_code, self.agency_code
            from sqlalchemy import select

            from ...store.models import Agency, Plan

            with self.ctx.db.session() as s:
                plans = s.execute(select(Plan.code, Plan.name)).all()
                agencies = s.execute(select(Agency.code, Agency.name).where(Agency.active.is_(True))).all()
            for box, rows, keep, everyone in (
                (self.plan_box, plans, keep_plan, self.tr("Tất cả kế hoạch")),
                (self.agency_box, agencies, keep_agency, self.tr("Tất cả cơ quan")),
            ):
                box.clear()
                box.addItem(everyone, None)
                for code, name in sorted(rows, key=lambda r: sort_key(r[1])):
                    box.addItem(name, code)
                    box.setItemData(box.count() - 1, f"{code} — {name}", Qt.ItemDataRole.ToolTipRole)
                i = box.findData(keep) if keep else 0
                box.setCurrentIndex(max(i, 0))
        finally:
            self._filling = False

    def _on_scope(self) -> None:
        if not self._filling:
            self.refresh(fill_scopes=False)

    def set_scope(self, *, plan_code: str | None = None, agency_code: str | None = None) -> None:
        self._filling = True
        try:
            self.plan_box.setCurrentIndex(max(self.plan_box.findData(plan_code), 0) if plan_code else 0)
            self.agency_box.setCurrentIndex(max(self.agency_box.findData(agency_code), 0) if agency_code else 0)
        finally:
            self._filling = False
        self.refresh(fill_scopes=False)

    # --- reading -------------------------------------------------------------------------------
    def concerns(self, changes: Changes) -> bool:
        return bool(changes.tasks or changes.indicators or changes.agencies or changes.plans)

    def refresh(self, *, fill_scopes: bool | None = None) -> None:
        """Re-read everything; the plan and agency lists only when they may have changed (another
        database, a write to agencies or plans, F5) or when ``fill_scopes`` says so: a new period
        does not change them."""
        if fill_scopes is None:
            fill_scopes = self.scopes_dirty or self._scopes_db is not self.ctx.db
        self._refresh_rest(self._refresh_counts(fill_scopes=fill_scopes))

    def _on_data(self, changes: Changes) -> None:
        if changes.agencies or changes.plans:
            self.scopes_dirty = True
        super()._on_data(changes)

    def refresh_quick(self) -> None:
        """The tiles for the first paint; the charts and lists follow it (``refresh_after_paint``)."""
        # The plan and agency lists wait too: the first paint counts everything, as "all" does.
        self._quick = self._refresh_counts(fill_scopes=False, quick=True)

    def refresh_after_paint(self) -> None:
        scope = getattr(self, "_quick", None)
        self._quick = None
        self._fill_scopes()
        if scope is None or scope[3] != (self.ctx.db, self.ctx.as_of, self.plan_code, self.agency_code):
            self.refresh(fill_scopes=False)  # something changed meanwhile: read again
            return
        if not scope[2].grouped:  # the tiles alone were read: now the counts by agency and plan
            scope = self._refresh_counts(fill_scopes=False)
        self._refresh_rest(scope, background=not self.ctx.db.network)

    def _refresh_counts(self, *, fill_scopes: bool, quick: bool = False) -> tuple:
        """Tiles and heading from one grouped query (or from the task snapshot, once it has been
        read in the background); returns what the rest of the refresh needs."""
        if not quick and not self.ctx.db.network:
            self.ctx.task_snapshot.request(self.ctx.db)  # not before the first paint
        if fill_scopes:
            self._fill_scopes()
        as_of = self.ctx.as_of
        db = self.ctx.db
        if (quick and not self.plan_code and not self.agency_code
                and dashboard_counts.applies(db.engine, as_of)):
            with db.engine.connect() as conn:
                summary = dashboard_counts.tile_summary(conn, as_of)
            plan_id = agency_id = None
        else:
            from sqlalchemy import select

            from ...services import dashboard_queries
            from ...store.models import Agency, Plan

            with db.session() as s:
                plan_id = s.scalar(select(Plan.id).where(Plan.code == self.plan_code)) if self.plan_code else None
                agency_id = s.scalar(select(Agency.id).where(Agency.code == self.agency_code)) if self.agency_code else None
                summary = dashboard_queries.dashboard_summary(s, as_of=as_of, plan_id=plan_id, agency_id=agency_id,
                                                              snapshot=self.ctx.task_snapshot.snapshot)
        self.counts = summary.counts
        self._show_counts(summary.counts)
        self.heading.setText(self.tr("Tổng quan — {scope}").format(scope=self._scope_text()))
        return plan_id, agency_id, summary, (self.ctx.db, as_of, self.plan_code, self.agency_code)

    def _refresh_rest(self, scope: tuple, *, background: bool = False) -> None:
        """Charts, deadlines and the indicators needing effort. The indicators' series are kept
        in ``ctx.indicator_series``; read for the first time, they come from a worker thread
        when ``background`` (the window stays responsive meanwhile)."""
        from ...services import queries
        from ..charts import build as chart_build

        plan_id, agency_id, summary, key = scope
        as_of = key[1]
        self.agency_chart.set_data(chart_build.status_by_agency_from(
            summary.by_agency, top=chart_build.TOP_AGENCIES, subtitle=self._scope_text(), lang=self.ctx.lang))
        self.plan_chart.set_data(chart_build.completion_by_plan_from(summary.by_plan, subtitle=self._scope_text(), lang=self.ctx.lang))
        cache = self.ctx.indicator_series
        with self.ctx.db.session() as s:
            due = queries.list_tasks(
                s, as_of=as_of, plan_id=plan_id, agency_id=agency_id, due_within_days=DUE_SOON_DAYS,
                deadline_from=as_of, deadline_to=as_of + dt.timedelta(days=DUE_SOON_DAYS),
            )
            due.sort(key=lambda r: (r.deadline, r.code))
            focus = None
            if cache.loaded or not background:
                focus = self._focus_rows(s, plan_id, as_of, cache.get(s))
        self.due_model.set_rows(due)
        self.due_title.setText(self.tr("Đến hạn trong {n} ngày tới ({k} nhiệm vụ)").format(n=DUE_SOON_DAYS, k=format_number(len(due))))
        if focus is not None:
            self._show_focus(focus)
            self.refreshed.emit()
            return
        self.focus_title.setText(self.tr("Chỉ tiêu cần nỗ lực tập trung ({k})").format(k="…"))
        db, generation = self.ctx.db, cache.generation

        def read() -> dict:
            from ...services.indicators import province_series_all

            with db.session() as s:
                return province_series_all(s)

        def done(series: dict) -> None:
            if self.ctx.db is not db:
                return
            cache.put(series, generation)
            if (self.ctx.as_of, self.plan_code, self.agency_code) != key[1:]:
                return  # a newer refresh has run (or will) with the series now at hand
            with db.session() as s:
                self._show_focus(self._focus_rows(s, plan_id, as_of, cache.get(s)))
            self.refreshed.emit()

        from ..dialogs._worker import run_in_background

        run_in_background(self, read, done, lambda exc: self.show_error(exc))

    @staticmethod
    def _focus_rows(session, plan_id: int | None, as_of: dt.date, series: dict) -> list:  # noqa: ANN001
        from ...services import indicators as indicator_service

        return [r for r in indicator_service.overview(session, plan_id=plan_id, as_of=as_of, series_map=series)
                if r.klass == TargetClass.NEEDS_EFFORT.value]

    def _show_focus(self, focus: list) -> None:
        self.focus_model.set_rows(focus)
        self.focus_title.setText(self.tr("Chỉ tiêu cần nỗ lực tập trung ({k})").format(k=format_number(len(focus))))

    def _scope_text(self) -> str:
        return scope_text(self.ctx.period, self.ctx.as_of, self.ctx.lang)

    def _show_counts(self, counts: dict[str, int]) -> None:
        total = counts.get("total", 0)
        for key, tile in self.tiles.items():
            value = counts.get(key, 0)
            detail = ""
            if key == "completed" and total:
                detail = f"{format_number(round(100.0 * value / total, 1))}%"
                routine = counts.get("done_routine", 0)
                if routine:
                    detail += self.tr(" · {n} thường xuyên").format(n=format_number(routine))
            elif key not in ("total",) and total:
                detail = f"{format_number(round(100.0 * value / total, 1))}%"
            tile.set_value(value, detail)

    # --- click-through -------------------------------------------------------------------------
    def filter_for(self, spec: TileSpec) -> dict:
        return {
            "status": spec.status,
            "overdue": spec.overdue,
            "plan_code": self.plan_code,
            "agency_code": self.agency_code,
        }

    def open_tasks(self, spec: TileSpec) -> None:
        self.ctx.tasks_filter_requested.emit(self.filter_for(spec))

    def _open_due(self, index) -> None:  # noqa: ANN001
        row = self.due_model.row_at(index.row())
        if row is not None:
            self.ctx.tasks_filter_requested.emit({
                "status": None, "overdue": False, "plan_code": self.plan_code,
                "agency_code": self.agency_code, "search": row.code,
            })
