"""The task register: a filter bar, the table, and the detail pane of the current task.

Every edit (a cell, the detail form, the status dialog, create, duplicate, delete, restore, bulk
status) is an undoable operation through the services; the table and the pane refresh from the
record of what changed.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QModelIndex, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QSpinBox,
    QSplitter,
    QStyledItemDelegate,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.numbers import format_number
from ...domain.status import TaskStatus
from ...services.changes import Changes
from ..context import AppContext
from ..dialogs.status_update import StatusUpdateDialog, fill_status_combo
from ..icons import icon
from ..lookups import Lookups, load_lookups
from ..models.tasks import (
    COL_AGENCY,
    COL_CODE,
    COL_DEADLINE,
    COL_LAST_UPDATE,
    COL_PROGRESS,
    COL_STATUS,
    COL_TITLE,
    R_PROGRESS,
    R_STATUS,
    TaskFilter,
    TaskTableModel,
)
from ..undo import CreateTask, DeleteTasks, EditTask, RestoreTasks, UpdateStatus, perform
from ..widgets.fields import ChoiceCombo, date_edit, from_qdate, to_qdate
from .task_detail import TaskDetailPane

#: Deadline windows of the filter bar.
WINDOW_ANY, WINDOW_PERIOD, WINDOW_7, WINDOW_30, WINDOW_NONE = "any", "period", "7", "30", "none"


class _StatusDelegate(QStyledItemDelegate):
    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang

    def createEditor(self, parent, option, index):  # noqa: ANN001, N802
        combo = QComboBox(parent)
        fill_status_combo(combo, self.lang)
        return combo

    def setEditorData(self, editor, index):  # noqa: ANN001, N802
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor, model, index):  # noqa: ANN001, N802
        value = editor.currentData()
        if value != index.data(Qt.ItemDataRole.EditRole):
            model.setData(index, value, Qt.ItemDataRole.EditRole)


class _DateDelegate(QStyledItemDelegate):
    def createEditor(self, parent, option, index):  # noqa: ANN001, N802
        return date_edit(parent)

    def setEditorData(self, editor, index):  # noqa: ANN001, N802
        day = index.data(Qt.ItemDataRole.EditRole)
        editor.setDate(to_qdate(day or dt.date.today()))

    def setModelData(self, editor, model, index):  # noqa: ANN001, N802
        value = from_qdate(editor.date())
        if value != index.data(Qt.ItemDataRole.EditRole):
            model.setData(index, value, Qt.ItemDataRole.EditRole)


class _ProgressDelegate(QStyledItemDelegate):
    def createEditor(self, parent, option, index):  # noqa: ANN001, N802
        spin = QSpinBox(parent)
        spin.setRange(0, 100)
        spin.setSuffix("%")
        return spin

    def setEditorData(self, editor, index):  # noqa: ANN001, N802
        editor.setValue(int(index.data(Qt.ItemDataRole.EditRole) or 0))

    def setModelData(self, editor, model, index):  # noqa: ANN001, N802
        if editor.value() != index.data(Qt.ItemDataRole.EditRole):
            model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)


class TaskFilterBar(QWidget):
    """Search, plan, agency, area, status, overdue only, deadline window, deleted tasks."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, lang: str = "vi") -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        row1, row2 = QHBoxLayout(), QHBoxLayout()
        lay.addLayout(row1)
        lay.addLayout(row2)
        self.search = QLineEdit(self)
        self.search.setObjectName("taskSearch")
        self.search.setPlaceholderText(self.tr("Search code, task, agency, result… (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        row1.addWidget(self.search, 3)
        self.plan = ChoiceCombo(self, none_label=self.tr("All plans"))
        self.plan.setObjectName("planFilter")
        self.agency = ChoiceCombo(self, none_label=self.tr("All agencies"))
        self.agency.setObjectName("agencyFilter")
        self.area = ChoiceCombo(self, none_label=self.tr("All areas"))
        self.area.setObjectName("areaFilter")
        for w in (self.plan, self.agency, self.area):
            w.setMinimumContentsLength(8)
            row1.addWidget(w, 2)
        self.status = QComboBox(self)
        self.status.setObjectName("statusFilter")
        self.status.addItem(self.tr("All statuses"), None)
        self.status.addItem(self.tr("Completed (both kinds)"), "completed")
        self.status.addItem(self.tr("Not completed"), "open")
        fill_status_combo(self.status, lang)
        row2.addWidget(self.status, 2)
        self.window = QComboBox(self)
        self.window.setObjectName("deadlineWindow")
        self.window.addItem(self.tr("Any deadline"), WINDOW_ANY)
        self.window.addItem(self.tr("Deadline in the reporting period"), WINDOW_PERIOD)
        self.window.addItem(self.tr("Due in the next 7 days"), WINDOW_7)
        self.window.addItem(self.tr("Due in the next 30 days"), WINDOW_30)
        self.window.addItem(self.tr("No deadline"), WINDOW_NONE)
        row2.addWidget(self.window, 2)
        for combo in (self.status, self.window):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10)
        self.overdue = QCheckBox(self.tr("Overdue only"), self)
        self.overdue.setObjectName("overdueOnly")
        row2.addWidget(self.overdue)
        self.deleted = QCheckBox(self.tr("Deleted tasks"), self)
        self.deleted.setObjectName("showDeleted")
        self.deleted.setToolTip(self.tr("Show the deleted tasks, to restore them"))
        row2.addWidget(self.deleted)
        self.clear_button = QToolButton(self)
        self.clear_button.setObjectName("clearFilters")
        self.clear_button.setText(self.tr("Clear filters"))
        self.clear_button.setIcon(icon("clear"))
        self.clear_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.clear_button.clicked.connect(self.clear)
        row2.addWidget(self.clear_button)
        row2.addStretch(1)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("taskCount")
        row2.addWidget(self.count_label)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(120)
        self._debounce.timeout.connect(self.changed)
        self.search.textChanged.connect(self._debounce.start)
        for combo in (self.plan, self.agency, self.area, self.status, self.window):
            combo.currentIndexChanged.connect(self.changed)
        self.overdue.toggled.connect(self.changed)
        self.deleted.toggled.connect(self.changed)

    def set_lookups(self, lookups: Lookups) -> None:
        self.plan.set_choices((p.id, p.label) for p in lookups.plans)
        self.agency.set_choices((a.id, a.label) for a in lookups.agencies)
        self.area.set_choices((a.id, a.label) for a in lookups.areas)

    def clear(self, *, emit: bool = True) -> None:
        was_blocked = self.blockSignals(True)
        self.search.clear()
        for combo in (self.plan, self.agency, self.area, self.status, self.window):
            combo.setCurrentIndex(0)
        self.overdue.setChecked(False)
        self.deleted.setChecked(False)
        self._debounce.stop()
        self.blockSignals(was_blocked)
        if emit:
            self.changed.emit()

    def task_filter(self, ctx: AppContext) -> TaskFilter:
        f = TaskFilter(
            search=self.search.text(),
            plan_id=self.plan.value(),
            agency_id=self.agency.value(),
            area_id=self.area.value(),
            status=self.status.currentData(),
            overdue_only=self.overdue.isChecked(),
            deleted=self.deleted.isChecked(),
        )
        window = self.window.currentData()
        if window == WINDOW_PERIOD:
            f.deadline_from, f.deadline_to = ctx.period.start, ctx.period.end
        elif window == WINDOW_7:
            f.deadline_from, f.deadline_to = ctx.as_of, ctx.as_of + dt.timedelta(days=7)
        elif window == WINDOW_30:
            f.due_soon_only = True
        elif window == WINDOW_NONE:
            f.no_deadline = True
        return f


class TasksView(QWidget):
    """Nhiệm vụ: the register of tasks."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tasksView")
        self.ctx = ctx
        self.lookups = Lookups()
        self.model = TaskTableModel(ctx.db, self, lang=ctx.lang)
        self.model.as_of = ctx.as_of
        self.model.edit_handler = self._edit_cell

        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        # --- actions ---
        # Ctrl+N belongs to the window (it works from every page); a second one here would be ambiguous.
        self.act_new = self._action("new", self.tr("New task"), self.new_task)
        self.act_new.setToolTip(self.tr("New task") + " (Ctrl+N)")
        self.act_duplicate = self._action("duplicate", self.tr("Duplicate"), self.duplicate_selected, "Ctrl+D")
        self.act_status = self._action("status", self.tr("Update status…"), self.update_status_selected, "Ctrl+U")
        self.act_delete = self._action("delete", self.tr("Delete"), self.delete_selected, QKeySequence.StandardKey.Delete)
        self.act_restore = self._action("restore", self.tr("Restore"), self.restore_selected)
        bar = QHBoxLayout()
        for act in (self.act_new, self.act_duplicate, self.act_status, self.act_delete, self.act_restore):
            b = QToolButton(self)
            b.setDefaultAction(act)
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            b.setObjectName(f"button_{act.objectName()}")
            bar.addWidget(b)
        bar.addStretch(1)
        lay.addLayout(bar)

        self.filters = TaskFilterBar(self, lang=ctx.lang)
        lay.addWidget(self.filters)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("tasksSplitter")
        self.table = QTableView(self.splitter)
        self.table.setObjectName("taskTable")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_CODE, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        # Every row the same height, never measured: a new filter over 50,000 rows lays out nothing.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.setItemDelegateForColumn(COL_STATUS, _StatusDelegate(ctx.lang, self.table))
        self.table.setItemDelegateForColumn(COL_DEADLINE, _DateDelegate(self.table))
        self.table.setItemDelegateForColumn(COL_PROGRESS, _ProgressDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        fm = self.fontMetrics()
        longest_status = max(fm.horizontalAdvance(s.label(ctx.lang)) for s in TaskStatus)
        widths = {COL_CODE: fm.horizontalAdvance("DA06-2024-999") + 24, COL_AGENCY: 200,
                  COL_DEADLINE: fm.horizontalAdvance("30/12/2024") + 44,
                  COL_STATUS: longest_status + 20,
                  COL_PROGRESS: fm.horizontalAdvance(self.tr("Progress")) + 24,
                  COL_LAST_UPDATE: fm.horizontalAdvance(self.tr("Last update")) + 24}
        for col, w in widths.items():
            header.resizeSection(col, w)
        header.setStretchLastSection(False)
        self.detail = TaskDetailPane(ctx, self.splitter)
        self.detail.setObjectName("taskDetail")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([400, 370])
        lay.addWidget(self.splitter, 1)

        self.filters.changed.connect(self._filter_changed)
        self.model.counts_changed.connect(self._show_counts)
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.modelReset.connect(self._restore_selection)
        self.model.modelReset.connect(self._fit_code_column)
        self._fitted_code = ""
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.detail.status_update_requested.connect(self.update_status_selected)
        ctx.period_changed.connect(self._period_changed)
        ctx.data_changed.connect(self._data_changed)
        ctx.database_changed.connect(self._database_changed)
        self._remembered: tuple[int | None, list[int]] = (None, [])
        self.refresh()

    def _action(self, icon_name: str, text: str, slot, shortcut=None) -> QAction:  # noqa: ANN001
        act = QAction(icon(icon_name), text, self)
        act.setObjectName(icon_name)
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.setToolTip(f"{text} ({QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)})")
        act.triggered.connect(slot)
        self.addAction(act)
        return act

    def _fit_code_column(self) -> None:
        """Widen the code column to the longest code: codes differ at their end, and a cut one
        ("CT-CDS-2030-00…") hides which task a row is. Only when the longest code changes, so a
        width the user chose stays; never wider than 24 average characters."""
        code = self.model.longest_code()
        if code == self._fitted_code:
            return
        self._fitted_code = code
        fm = self.table.fontMetrics()
        need = min(fm.horizontalAdvance(code) + 24, fm.averageCharWidth() * 24)
        header = self.table.horizontalHeader()
        if need > header.sectionSize(COL_CODE):
            header.resizeSection(COL_CODE, need)

    # --- refreshing ---------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read the lists and every task (F5, database opened)."""
        self.lookups = load_lookups(self.ctx.db)
        self.filters.blockSignals(True)
        self.filters.set_lookups(self.lookups)
        self.filters.blockSignals(False)
        self.detail.set_lookups(self.lookups)
        self.model.db = self.ctx.db
        self.model.as_of = self.ctx.as_of
        self.model.set_filter(self.filters.task_filter(self.ctx))
        self.model.reload()
        self.detail.reload()
        self._update_actions()

    def _database_changed(self) -> None:
        self.detail.show_task(None)
        self.refresh()

    def _period_changed(self) -> None:
        self.model.as_of = self.ctx.as_of
        self.model.set_filter(self.filters.task_filter(self.ctx))
        self.model.reload()
        self.detail.reload()

    def _data_changed(self, changes: Changes) -> None:
        if changes.agencies or changes.plans or changes.meetings:
            self.lookups = load_lookups(self.ctx.db)
            self.filters.set_lookups(self.lookups)
            self.detail.set_lookups(self.lookups)
        self.model.refresh_tasks(changes)
        if self.detail.task_id is not None and (self.detail.task_id in changes.tasks or -1 in changes.tasks):
            self.detail.reload()
        self._update_actions()

    def _filter_changed(self) -> None:
        self.model.set_filter(self.filters.task_filter(self.ctx))
        # Lay the table out now rather than on a timer after the next paint: one paint of the
        # new rows per keystroke, not a paint and then another once the scroll range is known.
        self.table.doItemsLayout()
        deleted = self.filters.deleted.isChecked()
        self.act_restore.setVisible(deleted)
        self._update_actions()

    def _show_counts(self, shown: int, total: int) -> None:
        if shown == total:
            text = self.tr("%1 tasks").replace("%1", format_number(total))
        else:
            text = self.tr("%1 of %2 tasks").replace("%1", format_number(shown)).replace("%2", format_number(total))
        self.filters.count_label.setText(text)

    # --- selection ----------------------------------------------------------------------------
    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.task_id(r) for r in rows]

    def current_id(self) -> int | None:
        idx = self.table.currentIndex()
        return self.model.task_id(idx.row()) if idx.isValid() else None

    def select_task(self, task_id: int) -> bool:
        row = self.model.row_of(task_id)
        if row is None:
            return False
        idx = self.model.index(row, COL_TITLE)
        self.table.setCurrentIndex(idx)
        self.table.selectRow(row)
        self.table.scrollTo(idx)
        return True

    def _remember_selection(self) -> None:
        self._remembered = (self.current_id(), self.selected_ids())

    def _restore_selection(self) -> None:
        current, selected = self._remembered
        sm = self.table.selectionModel()
        sm.clearSelection()
        from PySide6.QtCore import QItemSelection, QItemSelectionModel

        sel = QItemSelection()
        for tid in selected:
            row = self.model.row_of(tid)
            if row is not None:
                sel.select(self.model.index(row, 0), self.model.index(row, self.model.columnCount() - 1))
        sm.select(sel, QItemSelectionModel.SelectionFlag.Select)
        if current is not None and (row := self.model.row_of(current)) is not None:
            sm.setCurrentIndex(self.model.index(row, COL_TITLE), QItemSelectionModel.SelectionFlag.NoUpdate)
        else:
            self.detail.show_task(None)
        self._update_actions()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        tid = self.model.task_id(current.row()) if current.isValid() else None
        if tid == self.detail.task_id:
            return
        if self.detail.is_dirty():
            self.detail.save()  # leaving a task keeps what was typed (undoable), as in a spreadsheet
        self.detail.show_task(tid)

    def _update_actions(self) -> None:
        n = len(self.selected_ids())
        deleted = self.filters.deleted.isChecked()
        self.act_new.setEnabled(not deleted)
        self.act_duplicate.setEnabled(n == 1 and not deleted)
        self.act_status.setEnabled(n >= 1 and not deleted)
        self.act_delete.setEnabled(n >= 1 and not deleted)
        self.act_restore.setEnabled(n >= 1 and deleted)
        self.act_restore.setVisible(deleted)

    def _context_menu(self, pos) -> None:  # noqa: ANN001
        menu = QMenu(self)
        for act in (self.act_status, self.act_duplicate, self.act_delete, self.act_restore, None, self.act_new):
            if act is None:
                menu.addSeparator()
            elif act.isVisible():
                menu.addAction(act)
        menu.popup(self.table.viewport().mapToGlobal(pos))

    # --- the filter API the window and the dashboard use --------------------------------------
    def focus_search(self) -> None:
        self.filters.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filters.search.selectAll()

    def apply_filter(self, spec: dict[str, Any]) -> None:
        """Show the tasks a dashboard tile names: keys ``status`` (a key, ``completed``, ``open``;
        ``total`` or ``overdue`` also accepted), ``overdue``, ``plan_code``, ``agency_code``,
        ``area_code``, ``search``, ``due_soon``. Filters not named are cleared."""
        f = self.filters
        f.blockSignals(True)
        try:
            f.clear(emit=False)
            status = spec.get("status")
            overdue = bool(spec.get("overdue"))
            if status == "overdue":
                status, overdue = None, True
            if status == "total":
                status = None
            if status:
                f.status.setCurrentIndex(max(0, f.status.findData(status)))
            f.overdue.setChecked(overdue)
            f.plan.set_value(self.lookups.id_of("plans", spec.get("plan_code")) or spec.get("plan_id"))
            f.agency.set_value(self.lookups.id_of("agencies", spec.get("agency_code")) or spec.get("agency_id"))
            f.area.set_value(self.lookups.id_of("areas", spec.get("area_code")) or spec.get("area_id"))
            if spec.get("due_soon"):
                f.window.setCurrentIndex(f.window.findData(WINDOW_30))
            f.search.setText(spec.get("search", ""))
            f._debounce.stop()
        finally:
            f.blockSignals(False)
        self._filter_changed()

    # --- edits --------------------------------------------------------------------------------
    def _edit_cell(self, task_id: int, name: str, value: Any) -> bool:
        row = self.model.row_data(task_id)
        if row is None:
            return False
        if name in ("status", "progress"):
            status = value if name == "status" else row[R_STATUS]
            progress = value if name == "progress" else None
            label = TaskStatus(status).label(self.ctx.lang)
            op = UpdateStatus([task_id], status=status, progress=progress, note="", entry_date=dt.date.today(),
                              text=self.tr("Status of %1: %2").replace("%1", row[1]).replace("%2", label))
            return perform(self.ctx, op, self)
        if name in ("title", "code"):
            value = str(value).strip()
        op = EditTask(task_id, {name: value}, expected_revision=None,
                      text=self.tr("Edit task %1").replace("%1", row[1]))
        return perform(self.ctx, op, self)

    def new_task(self) -> None:
        if self.filters.deleted.isChecked():
            self.filters.deleted.setChecked(False)
        f = self.filters
        fields: dict[str, Any] = {
            "title": self.tr("New task"),
            "plan_id": f.plan.value(),
            "area_id": f.area.value(),
            "lead_agency_id": f.agency.value(),
        }
        op = CreateTask(fields, text=self.tr("New task"))
        if perform(self.ctx, op, self) and op.task_id is not None:
            self._reveal(op.task_id)
            self.detail.title.setFocus()
            self.detail.title.selectAll()

    def _reveal(self, task_id: int) -> None:
        if not self.select_task(task_id):
            # The filter hides it: clear the filter so the new task can be seen.
            self.filters.clear()
            self.select_task(task_id)

    def duplicate_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) != 1:
            return
        code = self.model.row_data(ids[0])[1]
        op = CreateTask(duplicate_of=ids[0], text=self.tr("Duplicate %1").replace("%1", code))
        if perform(self.ctx, op, self) and op.task_id is not None:
            self._reveal(op.task_id)

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        op = DeleteTasks(ids, text=self.tr("Delete %n task(s)", "", len(ids)))
        if perform(self.ctx, op, self):
            self._status_message(self.tr("Deleted %n task(s). Undo with Ctrl+Z, or restore them from "
                                         "\"Deleted tasks\".", "", len(ids)))

    def restore_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        op = RestoreTasks(ids, text=self.tr("Restore %n task(s)", "", len(ids)))
        if perform(self.ctx, op, self):
            self._status_message(self.tr("Restored %n task(s).", "", len(ids)))

    def update_status_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        first = self.model.row_data(ids[0])
        title = f"{first[1]} — {first[2]}" if len(ids) == 1 else ""
        dlg = StatusUpdateDialog(self, count=len(ids), title=title, status=first[R_STATUS],
                                 progress=int(first[R_PROGRESS] or 0), lang=self.ctx.lang)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def record() -> None:
            v = dlg.values()
            label = TaskStatus(v["status"]).label(self.ctx.lang)
            if len(ids) == 1:
                text = self.tr("Status of %1: %2").replace("%1", first[1]).replace("%2", label)
            else:
                text = self.tr("Status of %n task(s): %1", "", len(ids)).replace("%1", label)
            perform(self.ctx, UpdateStatus(ids, text=text, **v), self)

        dlg.accepted.connect(record)
        dlg.open()

    def _status_message(self, text: str) -> None:
        win = self.window()
        bar = getattr(win, "statusBar", None)
        if callable(bar):
            bar().showMessage(text, 8000)

    # --- state kept between sessions ----------------------------------------------------------
    def save_state(self, settings: QSettings) -> None:
        settings.setValue("tasks/header", self.table.horizontalHeader().saveState())
        settings.setValue("tasks/splitter", self.splitter.saveState())

    def restore_state(self, settings: QSettings) -> None:
        header = settings.value("tasks/header")
        if header is not None:
            self.table.horizontalHeader().restoreState(header)
        splitter = settings.value("tasks/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
