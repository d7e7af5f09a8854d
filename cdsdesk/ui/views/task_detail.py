"""The detail pane of the task register: every field of one task, editable, and its history.

Edits collect in the form until "Save" (or Ctrl+S); they then go to the services as one undoable
edit carrying the revision the form was read at, so a change made meanwhile by someone else on a
shared database is refused with a clear message instead of being overwritten.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...domain.numbers import format_date
from ...domain.status import Priority
from ...domain.text import fold
from ...services import tasks as task_service
from ...store.models import Task
from ..context import AppContext
from ..icons import icon
from ..lookups import Lookups
from ..models.tasks import STATUS_COLORS
from ..undo import EditTask, perform
from ..widgets.fields import ChoiceCombo, OptionalDateEdit
from ..widgets.timeline import HistoryEntry, HistoryTimeline


class CooperatorsDialog(QDialog):
    """Tick the cooperating agencies; a search box narrows the list."""

    def __init__(self, lookups: Lookups, selected: list[int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Cooperating agencies"))
        lay = QVBoxLayout(self)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Find an agency…"))
        self.search.setClearButtonEnabled(True)
        lay.addWidget(self.search)
        self.list = QListWidget(self)
        for a in lookups.agencies:
            item = QListWidgetItem(a.label, self.list)
            item.setData(Qt.ItemDataRole.UserRole, a.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, fold(a.label + " " + a.code))
            item.setCheckState(Qt.CheckState.Checked if a.id in selected else Qt.CheckState.Unchecked)
        lay.addWidget(self.list)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.tr("OK"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.search.textChanged.connect(self._filter)
        self.resize(460, 520)

    def _filter(self, text: str) -> None:
        terms = fold(text).split()
        for i in range(self.list.count()):
            item = self.list.item(i)
            key = item.data(Qt.ItemDataRole.UserRole + 1)
            item.setHidden(not all(t in key for t in terms))

    def selected(self) -> list[int]:
        return sorted(
            self.list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        )


class TaskDetailPane(QWidget):
    """Edits one task. ``status_update_requested`` asks the view for the status dialog."""

    status_update_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.task_id: int | None = None
        self.revision: int | None = None
        self._loaded: dict[str, Any] = {}
        self._cooperators: list[int] = []
        self._lookups = Lookups()
        self._loading = False

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.header = QLabel(self)
        self.header.setObjectName("detailHeader")
        self.header.setWordWrap(True)
        self.header.setStyleSheet("font-size: 11pt; font-weight: 600; padding: 4px 2px")
        outer.addWidget(self.header)

        status_row = QHBoxLayout()
        self.status_badge = QLabel(self)
        self.status_badge.setObjectName("statusBadge")
        self.status_badge.setWordWrap(True)
        status_row.addWidget(self.status_badge, 1)
        self.update_button = QPushButton(icon("status"), self.tr("Update status…"), self)
        self.update_button.setObjectName("updateStatusButton")
        self.update_button.clicked.connect(self.status_update_requested)
        status_row.addWidget(self.update_button)
        outer.addLayout(status_row)

        body = QHBoxLayout()
        outer.addLayout(body, 1)
        # --- the fields, in two columns ---
        self.form_host = QWidget()
        self.form_host.setObjectName("detailForm")
        cols = QHBoxLayout(self.form_host)
        cols.setContentsMargins(0, 0, 0, 0)
        left, right = QFormLayout(), QFormLayout()
        for form in (left, right):
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            cols.addLayout(form, 1)
        self.code = QLineEdit()
        self.code.setObjectName("codeEdit")
        self.title = QPlainTextEdit()
        self.title.setObjectName("titleEdit")
        self.title.setTabChangesFocus(True)
        self.title.setFixedHeight(46)
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(46)
        self.plan = ChoiceCombo(none_label=self.tr("(no plan)"))
        self.plan.setObjectName("planCombo")
        self.area = ChoiceCombo(none_label=self.tr("(no area)"))
        self.lead = ChoiceCombo(none_label=self.tr("(no lead agency)"))
        self.lead.setObjectName("leadCombo")
        self.coop_button = QPushButton()
        self.coop_button.setObjectName("cooperatorsButton")
        self.coop_button.setStyleSheet("text-align: left; padding: 3px 6px")
        self.coop_button.clicked.connect(self._choose_cooperators)
        self.directive = ChoiceCombo(none_label=self.tr("(not from a meeting)"))
        self.focal = QLineEdit()
        self.start = OptionalDateEdit()
        self.deadline = OptionalDateEdit()
        self.deadline.setObjectName("deadlineEdit")
        self.recurring = QCheckBox(self.tr("Carried out routinely"))
        self.product = QPlainTextEdit()
        self.product.setTabChangesFocus(True)
        self.product.setFixedHeight(46)
        self.priority = ChoiceCombo()
        self.priority.set_choices([
            (Priority.LOW.value, self.tr("Low")), (Priority.NORMAL.value, self.tr("Normal")),
            (Priority.HIGH.value, self.tr("High")), (Priority.URGENT.value, self.tr("Urgent")),
        ])
        left.addRow(self.tr("Code:"), self.code)
        left.addRow(self.tr("Task:"), self.title)
        left.addRow(self.tr("Description:"), self.description)
        left.addRow(self.tr("Expected result:"), self.product)
        left.addRow(self.tr("Plan:"), self.plan)
        left.addRow(self.tr("Area:"), self.area)
        right.addRow(self.tr("Lead agency:"), self.lead)
        right.addRow(self.tr("Cooperating:"), self.coop_button)
        right.addRow(self.tr("Focal person:"), self.focal)
        right.addRow(self.tr("Start date:"), self.start)
        right.addRow(self.tr("Deadline:"), self.deadline)
        right.addRow("", self.recurring)
        right.addRow(self.tr("Priority:"), self.priority)
        right.addRow(self.tr("From directive:"), self.directive)
        fields_col = QVBoxLayout()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.form_host)
        fields_col.addWidget(scroll, 1)
        buttons = QHBoxLayout()
        self.dirty_label = QLabel()
        self.dirty_label.setStyleSheet("color: #a15c00")
        buttons.addWidget(self.dirty_label, 1)
        self.revert_button = QPushButton(self.tr("Discard"))
        self.revert_button.setObjectName("revertButton")
        self.save_button = QPushButton(icon("save"), self.tr("Save"))
        self.save_button.setObjectName("saveButton")
        self.save_button.setDefault(True)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        fields_col.addLayout(buttons)
        body.addLayout(fields_col, 5)

        # --- the history ---
        hist_col = QVBoxLayout()
        self.history_label = QLabel(self.tr("History"))
        self.history_label.setObjectName("historyLabel")
        self.history_label.setStyleSheet("font-weight: 600")
        hist_col.addWidget(self.history_label)
        self.timeline = HistoryTimeline(lang=ctx.lang)
        self.timeline.setObjectName("historyTimeline")
        self.timeline.setMinimumWidth(260)
        hist_col.addWidget(self.timeline, 1)
        body.addLayout(hist_col, 2)

        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.reload)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        for w in (self.code, self.focal):
            w.textChanged.connect(self._mark_dirty)
        for w in (self.title, self.description, self.product):
            w.textChanged.connect(self._mark_dirty)
        for w in (self.plan, self.area, self.lead, self.directive, self.priority):
            w.currentIndexChanged.connect(self._mark_dirty)
        for w in (self.start, self.deadline):
            w.changed.connect(self._mark_dirty)
        self.recurring.toggled.connect(self._mark_dirty)
        self.show_task(None)

    # --- loading ------------------------------------------------------------------------------
    def set_lookups(self, lookups: Lookups) -> None:
        self._lookups = lookups
        self._loading = True
        self.plan.set_choices((p.id, p.label) for p in lookups.plans)
        self.area.set_choices((a.id, a.label) for a in lookups.areas)
        self.lead.set_choices((a.id, a.label) for a in lookups.agencies)
        self.directive.set_choices((d.id, d.label) for d in lookups.directives)
        self._loading = False

    def show_task(self, task_id: int | None) -> None:
        self.task_id = task_id
        self.reload()

    def reload(self) -> None:
        self._loading = True
        try:
            self._reload()
        finally:
            self._loading = False
        self._mark_dirty()

    def _reload(self) -> None:
        enabled = self.task_id is not None
        self.form_host.setEnabled(enabled)
        self.update_button.setEnabled(enabled)
        if not enabled:
            self.header.setText(self.tr("Select a task to see and edit its details."))
            self.status_badge.clear()
            self._loaded = {}
            self.priority.set_value(Priority.NORMAL.value)
            self.timeline.set_entries([])
            return
        with self.ctx.db.session() as s:
            task = s.get(Task, self.task_id)
            if task is None:
                self.task_id = None
                self._reload()
                return
            self._loaded = task_service.task_fields(task)
            self.revision = task.revision
            status, progress, deleted = task.status, task.progress, task.deleted_at is not None
            history = [
                HistoryEntry(h.entry_date, h.status, h.progress, h.note, h.reporter, h.source,
                             h.retracted_at is not None)
                for h in task_service.history(s, task.id, include_retracted=True)
            ]
        f = self._loaded
        self.header.setText(f"{f['code']} — {f['title']}")
        self.code.setText(f["code"])
        self.title.setPlainText(f["title"])
        self.description.setPlainText(f["description"] or "")
        self.plan.set_value(f["plan_id"])
        self.area.set_value(f["area_id"])
        self.lead.set_value(f["lead_agency_id"])
        self.directive.set_value(f["directive_id"])
        self.focal.setText(f["focal_person"] or "")
        self.start.set_value(f["start_date"])
        self.deadline.set_value(f["deadline"])
        self.recurring.setChecked(bool(f["recurring"]))
        self.product.setPlainText(f["expected_product"] or "")
        self.priority.set_value(f["priority"])
        self._cooperators = list(f["cooperator_ids"])
        self._show_cooperators()
        bg, fg = STATUS_COLORS.get(status, ("#eee", "#333"))
        from ...domain.status import TaskStatus

        label = TaskStatus(status).label(self.ctx.lang)
        text = f"{label} · {progress}%"
        as_of = self.ctx.as_of
        past = [h for h in history if not h.retracted and h.entry_date <= as_of]
        if as_of < dt.date.today() and any(h.entry_date > as_of for h in history if not h.retracted):
            # Looking at an earlier day: say how it stood then, beside how it stands now.
            then = past[0] if past else None
            then_text = (f"{TaskStatus(then.status).label(self.ctx.lang)} · {then.progress}%" if then
                         else TaskStatus.NOT_STARTED.label(self.ctx.lang))
            text = self.tr("Now: %1 — on %2: %3").replace("%1", text).replace(
                "%2", format_date(as_of)).replace("%3", then_text)
        self.status_badge.setText(text)
        self.status_badge.setStyleSheet(
            f"background: {bg}; color: {fg}; border-radius: 4px; padding: 4px 8px; font-weight: 600"
        )
        self.timeline.set_entries(history, as_of=as_of if as_of < dt.date.today() else None)
        self.history_label.setText(self.tr("History (%n)", "", sum(not h.retracted for h in history)))
        self.form_host.setEnabled(not deleted)
        self.update_button.setEnabled(not deleted)

    def _show_cooperators(self) -> None:
        names = [a.label for a in self._lookups.agencies if a.id in self._cooperators]
        text = "; ".join(names) if names else self.tr("(none — click to choose)")
        self.coop_button.setText(text if len(text) < 70 else text[:67] + "…")
        self.coop_button.setToolTip("\n".join(names))

    def _choose_cooperators(self) -> None:
        dlg = CooperatorsDialog(self._lookups, self._cooperators, self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def done() -> None:
            self._cooperators = dlg.selected()
            self._show_cooperators()
            self._mark_dirty()

        dlg.accepted.connect(done)
        dlg.open()

    # --- editing ------------------------------------------------------------------------------
    def form_values(self) -> dict[str, Any]:
        return {
            "code": self.code.text().strip(),
            "title": self.title.toPlainText().strip(),
            "description": self.description.toPlainText().strip(),
            "plan_id": self.plan.value(),
            "area_id": self.area.value(),
            "lead_agency_id": self.lead.value(),
            "directive_id": self.directive.value(),
            "focal_person": self.focal.text().strip(),
            "start_date": self.start.value(),
            "deadline": self.deadline.value(),
            "recurring": self.recurring.isChecked(),
            "expected_product": self.product.toPlainText().strip(),
            "priority": self.priority.value() or Priority.NORMAL.value,
            "cooperator_ids": sorted(self._cooperators),
        }

    def pending_changes(self) -> dict[str, Any]:
        if self.task_id is None or not self._loaded:
            return {}
        values = self.form_values()
        return {k: v for k, v in values.items() if _norm(self._loaded.get(k)) != _norm(v)}

    def is_dirty(self) -> bool:
        return bool(self.pending_changes())

    def _mark_dirty(self) -> None:
        if self._loading:
            return
        dirty = self.is_dirty()
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)
        self.dirty_label.setText(self.tr("Unsaved changes") if dirty else "")

    def save(self) -> bool:
        changes = self.pending_changes()
        if self.task_id is None or not changes:
            return True
        op = EditTask(self.task_id, changes, expected_revision=self.revision,
                      text=self.tr("Edit task %1").replace("%1", self._loaded.get("code", "")))
        ok = perform(self.ctx, op, self)
        if ok:
            self.reload()
        return ok


def _norm(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list):
        return sorted(value)
    return value
