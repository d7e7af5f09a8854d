"""The import dialog: the plan of every file before anything is written, the mapping step for
legacy sheets, the conflict policy, Apply / Cancel, the combined summary afterwards.

Reading and importing run off the GUI thread (``jobs.run_job``: progress after half a second,
Cancel stops before the next file). An applied import goes onto the window's undo stack
(``undo_import.ImportCommand``), so Edit ▸ Undo reverts it and Edit ▸ Redo imports it again."""

from __future__ import annotations

import weakref

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)
from sqlalchemy import select

from ...domain.errors import UserError
from ...exchange.legacy import Question, mapping_questions
from ...exchange.legacy_parse import Mapping
from ...exchange.plan import ConflictPolicy, ImportResult, Outcome, RowStatus
from ...store.models import Agency
from ..context import AppContext
from ..jobs import JobCancelled, run_job
from ..undo_import import ImportCommand, ImportRun, applied_batches, import_with_mappings
from .mapping_dialog import MappingDialog

_COLOURS = {
    RowStatus.NEW: "#1b7f3b", RowStatus.CHANGED: "#1f4e79", RowStatus.CONFLICT: "#b35c00",
    RowStatus.ERROR: "#b00020", RowStatus.SKIPPED: "#6d6d6d", RowStatus.UNCHANGED: "#6d6d6d",
}
_RED = "#b00020"


class ImportDialog(QDialog):
    """Shows the plan (a dry run) first; Apply imports in one transaction per file."""

    def __init__(self, ctx: AppContext, files: list[Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.files = [Path(f) for f in files]
        self.result: ImportResult | None = None
        self.applied: ImportResult | None = None
        self._command: weakref.ref[ImportCommand] | None = None
        self.busy = False
        self._closed = False
        #: Per file (path as text): the legacy mapping answered in the mapping step.
        self.mappings: dict[str, dict] = {}
        self.questions: dict[str, list[Question]] = {}
        self._asked: set[str] = set()
        self.mapping_dialog: MappingDialog | None = None
        self.setWindowTitle(self.tr("Import update forms and data"))
        self.resize(1000, 620)

        self.files_label = QLabel(self._files_text())
        self.files_label.setWordWrap(True)
        self.policy = QComboBox()
        for p, label in self._policies():
            self.policy.addItem(label, p.value)
        self.policy.currentIndexChanged.connect(self.replan)
        top = QHBoxLayout()
        top.addWidget(self.files_label, 1)
        top.addWidget(QLabel(self.tr("On conflict:")))
        top.addWidget(self.policy)

        self.tree = QTreeWidget()
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels([self.tr("File / row"), self.tr("Result"), self.tr("Change (old → new)"),
                                   self.tr("Cell")])
        self.tree.setColumnWidth(0, 320)
        self.tree.setColumnWidth(1, 150)
        self.tree.setColumnWidth(2, 400)
        self.tree.setAlternatingRowColors(True)

        self.summary = QLabel(self.tr("Reading the files…"))
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.buttons = QDialogButtonBox()
        self.map_button = self.buttons.addButton(self.tr("Match columns…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.apply_button = self.buttons.addButton(self.tr("Apply"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.undo_button = self.buttons.addButton(self.tr("Undo this import"), QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.apply_button.setEnabled(False)
        self.undo_button.setVisible(False)
        self.map_button.setVisible(False)
        self.map_button.clicked.connect(lambda: self.ask_mapping())
        self.apply_button.clicked.connect(self.apply)
        self.undo_button.clicked.connect(self.undo_import)
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        QTimer.singleShot(0, self, self.replan)  # once the dialog is up, so the progress has a parent

    def _policies(self) -> list[tuple[ConflictPolicy, str]]:
        return [
            (ConflictPolicy.FAIL, self.tr("Reject a file with conflicts")),
            (ConflictPolicy.SKIP, self.tr("Skip conflicting rows")),
            (ConflictPolicy.MINE, self.tr("Keep what the database holds")),
            (ConflictPolicy.THEIRS, self.tr("Take the file's values")),
        ]

    # --- running ------------------------------------------------------------------------------

    def _files_text(self) -> str:
        names = ", ".join(f.name for f in self.files[:4]) + (" …" if len(self.files) > 4 else "")
        return "<b>" + self.tr("%n file(s):", "", len(self.files)) + f"</b> {names}"

    def _run(self) -> ImportRun:
        return ImportRun(list(self.files), ConflictPolicy(self.policy.currentData()), self.ctx.user or "",
                         dict(self.mappings))

    def _job(self, run: ImportRun, *, dry_run: bool) -> ImportResult | None:
        """Run the import off the GUI thread; None (with the reason shown) when it failed."""
        self.busy = True
        for w in (self.apply_button, self.policy, self.map_button, self.close_button):
            w.setEnabled(False)
        self.summary.setText(self.tr("Working…"))
        db = self.ctx.db
        try:
            return run_job(
                self, lambda progress, cancelled: import_with_mappings(db, run, dry_run=dry_run, progress=progress,
                                                                       cancelled=cancelled),
                title=self.tr("Import") if not dry_run else self.tr("Reading the files"),
                label=self.tr("Importing…") if not dry_run else self.tr("Checking the files…"),
            )
        except JobCancelled:
            self._show_error(self.tr("Cancelled."))
        except UserError as exc:
            self._show_error(exc.message(self.ctx.lang))
        except Exception as exc:  # noqa: BLE001 - shown in the dialog, never a traceback
            self._show_error(f"{type(exc).__name__}: {exc}")
        finally:
            self.busy = False
            self.close_button.setEnabled(True)
            self.policy.setEnabled(self.applied is None)
        return None

    def _show_error(self, text: str) -> None:
        self.summary.setText(f"<span style='color:{_RED}'>{text}</span>")

    def _cancelled_note(self, result: ImportResult) -> str:
        left = len(self.files) - len(result.files)
        if left <= 0:
            return ""
        return " <span style='color:%s'>%s</span>" % (
            _RED, self.tr("Cancelled: %n file(s) not read.", "", left))

    # --- plan -------------------------------------------------------------------------------

    def replan(self) -> None:
        if self.applied is not None or self.busy or self._closed:
            return
        result = self._job(self._run(), dry_run=True)
        if result is not None:
            self._show_plan(result)

    def _show_plan(self, result: ImportResult) -> None:
        self.result = result
        lang = self.ctx.lang
        self._fill(result)
        s = result.summary()
        ready = [f for f in result.files if f.outcome == Outcome.DRY_RUN]
        text = "<b>" + self.tr("Plan:") + "</b> " + s.text(lang) + ". "
        text += self.tr("%n file(s) ready to import.", "", len(ready)) if ready else self.tr("Nothing to import.")
        if result.rejected:
            text += " <span style='color:%s'>%s</span>" % (
                _RED, self.tr("%n file(s) rejected (nothing written).", "", len(result.rejected)))
        self.summary.setText(text + self._cancelled_note(result))
        self.apply_button.setEnabled(bool(ready) and len(result.files) == len(self.files))
        self._collect_questions(result)

    def _collect_questions(self, result: ImportResult) -> None:
        """Legacy sheets: what the importer could not recognise goes to the mapping step, once by
        itself, and again whenever the user presses the button."""
        self.questions.clear()
        legacy = [f for f in result.files if f.kind == "legacy" and f.data.get("legacy") is not None]
        if legacy:
            with self.ctx.db.session() as s:
                agencies = [(a.code, a.name) for a in s.scalars(select(Agency).order_by(Agency.code))]
            for f in legacy:
                qs = mapping_questions(f, agencies)
                if qs:
                    self.questions[f.source] = qs
        self.map_button.setVisible(bool(self.questions))
        self.map_button.setEnabled(bool(self.questions))
        for source in self.questions:
            if source not in self._asked:
                QTimer.singleShot(0, self, lambda src=source: self.ask_mapping(src))
                break

    def ask_mapping(self, source: str | None = None) -> MappingDialog | None:
        """Open the mapping step for one legacy sheet (the first with questions by default)."""
        if source is None:
            source = next(iter(self.questions), None)
        if (source is None or source not in self.questions or self.busy or self.applied is not None
                or self._closed):
            return None
        if self.mapping_dialog is not None and self.mapping_dialog.isVisible():
            return self.mapping_dialog
        self._asked.add(source)
        base = Mapping.from_dict(self.mappings[source]) if source in self.mappings else None
        dlg = MappingDialog(self.questions[source], file_name=Path(source).name, base=base, parent=self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.accepted.connect(lambda: self._mapped(source, dlg.mapping()))
        dlg.finished.connect(lambda _r: setattr(self, "mapping_dialog", None))
        self.mapping_dialog = dlg
        dlg.open()
        return dlg

    def _mapped(self, source: str, mapping: dict) -> None:
        self.mappings[source] = mapping
        QTimer.singleShot(0, self, self.replan)

    def _fill(self, result: ImportResult) -> None:
        lang = self.ctx.lang
        self.tree.clear()
        for f in result.files:
            outcome = (f.outcome.label_en if lang == "en" else f.outcome.label_vi) if f.outcome else ""
            top = QTreeWidgetItem([f.name, outcome, f.summary().text(lang), ""])
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            if f.outcome == Outcome.REJECTED:
                top.setForeground(1, QBrush(QColor(_RED)))
            self.tree.addTopLevelItem(top)
            for m in f.file_errors + f.notices:
                kind = self.tr("Error") if m in f.file_errors else self.tr("Note")
                note = QTreeWidgetItem(top, ["", kind, m.text(lang), m.cell])
                note.setToolTip(2, f"{m.vi}\n{m.en}")
            if f.outcome == Outcome.DUPLICATE:
                top.setText(2, f.headline(lang))
            for row in f.rows:
                label = row.status.label_en if lang == "en" else row.status.label_vi
                label += f" ({row.resolution})" if row.resolution else ""
                item = QTreeWidgetItem(top, [f"{row.key}  {row.label}", label, "", ""])
                item.setForeground(1, QBrush(QColor(_COLOURS[row.status])))
                item.setToolTip(0, row.label)
                for c in row.changes:
                    QTreeWidgetItem(item, ["", "⚠ " + self.tr("conflict") if c.conflict else "", c.text(lang), c.cell])
                for e in row.errors:
                    err = QTreeWidgetItem(item, ["", self.tr("Error"), e.text(lang), e.cell])
                    err.setToolTip(2, f"{e.vi}\n{e.en}")
                    err.setForeground(2, QBrush(QColor(_RED)))
                if row.status in (RowStatus.ERROR, RowStatus.CONFLICT):
                    item.setExpanded(True)
            top.setExpanded(f.outcome == Outcome.REJECTED or len(result.files) == 1)

    def reject(self) -> None:
        if self.busy:  # the job finishes first; its progress dialog offers Cancel
            return
        super().reject()

    def done(self, result: int) -> None:
        self._closed = True  # no job starts behind a closed dialog
        super().done(result)

    # --- apply and undo -----------------------------------------------------------------------

    def apply(self) -> None:
        if self.busy or self.result is None or self.applied is not None:
            return
        run = self._run()
        result = self._job(run, dry_run=False)
        if result is None:
            self.apply_button.setEnabled(True)
            return
        self._applied(run, result)

    def _applied(self, run: ImportRun, result: ImportResult) -> None:
        self.applied = result
        self._fill(result)
        done = [f for f in result.files if f.outcome == Outcome.APPLIED]
        s = result.summary()
        text = "<b>" + self.tr("Imported %1 of %2 files:").replace("%1", str(len(done))).replace(
            "%2", str(len(result.files))) + "</b> " + s.text(self.ctx.lang) + "."
        if result.rejected:
            text += " <span style='color:%s'>%s</span>" % (
                _RED, self.tr("%n file(s) rejected.", "", len(result.rejected)))
        self.summary.setText(text + self._cancelled_note(result))
        self.apply_button.setEnabled(False)
        self.policy.setEnabled(False)
        self.map_button.setVisible(False)
        self.close_button.setText(self.tr("Close"))
        if applied_batches(result):
            command = ImportCommand(self.ctx, run, result)
            self.ctx.undo_stack.push(command)
            # The stack owns the command (and deletes it, in C++, when it goes); a strong reference
            # here would let the garbage collector delete it first and the stack a second time.
            self._command = weakref.ref(command)
        self.undo_button.setVisible(self.command is not None)
        if result.changes.any or done:
            self.ctx.notify(result.changes)

    @property
    def command(self) -> ImportCommand | None:
        """The undo command of the applied import while the window's undo stack holds it."""
        return self._command() if self._command is not None else None

    def batch_ids(self) -> list[int]:
        return list(self.command.batch_ids) if self.command is not None and self.command.applied else []

    def undo_import(self) -> None:
        """Undo this import through the window's undo stack (so Redo can bring it back)."""
        cmd = self.command
        if cmd is None or not cmd.applied:
            return
        stack = self.ctx.undo_stack
        undone = list(cmd.batch_ids)
        if stack.index() > 0 and stack.command(stack.index() - 1) is cmd:
            stack.undo()
        else:  # a later edit sits on top of the stack: revert this import by itself
            cmd.undo()
        if cmd.applied:
            return  # refused: the reason is shown
        self.summary.setText(self.tr("Undid %n import(s):", "", len(undone)) + " "
                             + ", ".join(self.tr("batch %1").replace("%1", str(b)) for b in undone) + ".")
        self.undo_button.setVisible(False)
