"""An applied import on the window's undo stack.

Undo reverts the import's batches (``services.batches.undo_batch``, newest first, all in one
transaction, refused with the reason when later edits depend on them); redo imports the same
files again with the same choices, refused when a file is gone or its content changed since.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QApplication

from ..domain.errors import UserError
from ..exchange.importer import ImportOptions, import_file
from ..exchange.plan import ConflictPolicy, ImportResult, Outcome
from ..services import batches
from ..services.changes import Changes
from ..store.engine import Database
from .context import AppContext

ProgressFn = Callable[[int, int, str], None]
CancelledFn = Callable[[], bool]


@dataclass
class ImportRun:
    """What an import action needs to run again: the files, the policy and each file's mapping."""

    files: list[Path]
    policy: ConflictPolicy = ConflictPolicy.FAIL
    who: str = ""
    #: Per file (its path as text): the ``legacy_mapping`` answered in the mapping step.
    mappings: dict[str, dict] = field(default_factory=dict)


def import_with_mappings(db: Database, run: ImportRun, *, dry_run: bool, progress: ProgressFn | None = None,
                         cancelled: CancelledFn | None = None) -> ImportResult:
    """Import ``run.files`` one by one (each all or nothing), each with its own mapping.

    Stops before the next file once ``cancelled()`` is true: the result then holds fewer files."""
    options = ImportOptions(dry_run=dry_run, on_conflict=run.policy, who=run.who)
    result = ImportResult(dry_run=dry_run, policy=run.policy)
    total = len(run.files)
    for i, path in enumerate(run.files):
        if cancelled is not None and cancelled():
            break
        if progress is not None:
            progress(i, total, path.name)
        mapping = run.mappings.get(str(path))
        options.params = {"legacy_mapping": mapping} if mapping else {}
        fp, changes = import_file(db, path, options)
        result.files.append(fp)
        result.changes.merge(changes)
    if progress is not None:
        progress(len(result.files), total, "")
    return result


def applied_batches(result: ImportResult) -> list[int]:
    return [f.batch_id for f in result.files if f.outcome == Outcome.APPLIED and f.batch_id]


class ImportCommand(QUndoCommand):
    """Edit ▸ Undo of an import: reverts its batches; Edit ▸ Redo imports the same files again."""

    def __init__(self, ctx: AppContext, run: ImportRun, result: ImportResult) -> None:
        applied = [f for f in result.files if f.outcome == Outcome.APPLIED and f.batch_id]
        names = ", ".join(f.name for f in applied[:2]) + (" …" if len(applied) > 2 else "")
        super().__init__(QCoreApplication.translate("ImportCommand", "Import %1").replace("%1", names))
        self.ctx = ctx
        self.run = ImportRun([Path(f.source) for f in applied], run.policy, run.who,
                             {k: v for k, v in run.mappings.items() if k in {f.source for f in applied}})
        self.batch_ids = [f.batch_id for f in applied]
        self.sha256 = {f.source: f.sha256 for f in applied}
        self.applied = True
        self.last_error: UserError | None = None
        self._skip_first_redo = True

    # --- the two steps ------------------------------------------------------------------------

    def undo(self) -> None:
        try:
            changes = Changes()
            with self.ctx.db.session() as s:
                for bid in reversed(self.batch_ids):
                    changes.merge(batches.undo_batch(s, bid, who=self.ctx.user or None))
        except UserError as exc:
            self._refused(exc)
            return
        self.applied = False
        self.last_error = None
        changes.audit = True
        self.ctx.notify(changes)

    def redo(self) -> None:
        if self._skip_first_redo:
            self._skip_first_redo = False
            return
        try:
            self._check_files()
            from .jobs import run_job

            result: ImportResult = run_job(
                _window(), lambda progress, cancelled: import_with_mappings(self.ctx.db, self.run, dry_run=False,
                                                                            progress=progress),
                title=QCoreApplication.translate("ImportCommand", "Import"),
                label=QCoreApplication.translate("ImportCommand", "Importing the files again…"), cancellable=False)
        except UserError as exc:
            self._refused(exc)
            return
        done = applied_batches(result)
        if result.rejected or len(done) != len(self.run.files):
            reasons = "; ".join(f"{f.name}: {f.headline(self.ctx.lang)}" for f in result.files
                                if f.outcome != Outcome.APPLIED)
            err = UserError(f"Không nhập lại được: {reasons}", f"Could not import again: {reasons}")
            if done:  # keep the stack honest: what did apply is what undo reverts next time
                self.batch_ids = done
                self.applied = True
                self.ctx.notify(result.changes)
            self._refused(err, obsolete=not done)
            return
        self.batch_ids = done
        self.applied = True
        self.last_error = None
        self.ctx.notify(result.changes)

    # --- helpers ------------------------------------------------------------------------------

    def _check_files(self) -> None:
        for path in self.run.files:
            try:
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
            except OSError:
                raise UserError(f"Không nhập lại được: không đọc được tệp {path.name}",
                                f"Could not import again: the file {path.name} cannot be read") from None
            if self.sha256.get(str(path)) and digest != self.sha256[str(path)]:
                raise UserError(f"Không nhập lại được: tệp {path.name} đã thay đổi sau lần nhập",
                                f"Could not import again: the file {path.name} changed since it was imported")

    def _refused(self, exc: UserError, *, obsolete: bool = True) -> None:
        from .messages import show_error

        self.last_error = exc
        show_error(_window(), exc)
        if obsolete:
            self.setObsolete(True)


def _window():  # noqa: ANN202
    return QApplication.activeWindow()
