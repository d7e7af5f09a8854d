"""The import dialog: the plan of every file before anything is written, the conflict policy,
Apply / Cancel, the combined summary afterwards, and undo of what was imported."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QMessageBox, QTreeWidget,
    QTreeWidgetItem, QVBoxLayout, QWidget,
)

from ...domain.errors import UserError
from ...exchange.importer import ImportOptions, import_files, undo
from ...exchange.plan import ConflictPolicy, ImportResult, Outcome, RowStatus
from ..context import AppContext
from ._worker import run_in_background

POLICIES = [
    (ConflictPolicy.FAIL, "Từ chối tệp có xung đột"),
    (ConflictPolicy.SKIP, "Bỏ qua dòng xung đột"),
    (ConflictPolicy.MINE, "Giữ dữ liệu trong máy"),
    (ConflictPolicy.THEIRS, "Lấy theo tệp"),
]
_COLOURS = {
    RowStatus.NEW: "#1b7f3b", RowStatus.CHANGED: "#1f4e79", RowStatus.CONFLICT: "#b35c00",
    RowStatus.ERROR: "#b00020", RowStatus.SKIPPED: "#6d6d6d", RowStatus.UNCHANGED: "#6d6d6d",
}


class ImportDialog(QDialog):
    """Shows the plan (a dry run) first; Apply imports in one transaction per file."""

    def __init__(self, ctx: AppContext, files: list[Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.files = [Path(f) for f in files]
        self.result: ImportResult | None = None
        self.applied: ImportResult | None = None
        self.busy = False
        self.setWindowTitle("Nhập phiếu cập nhật")
        self.resize(1000, 620)

        self.files_label = QLabel(self._files_text())
        self.files_label.setWordWrap(True)
        self.policy = QComboBox()
        for p, label in POLICIES:
            self.policy.addItem(label, p.value)
        self.policy.currentIndexChanged.connect(self.replan)
        top = QHBoxLayout()
        top.addWidget(self.files_label, 1)
        top.addWidget(QLabel("Khi có xung đột:"))
        top.addWidget(self.policy)

        self.tree = QTreeWidget()
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(["Tệp / dòng", "Kết quả", "Thay đổi (cũ → mới)", "Ô"])
        self.tree.setColumnWidth(0, 330)
        self.tree.setColumnWidth(1, 170)
        self.tree.setColumnWidth(2, 420)
        self.tree.setAlternatingRowColors(True)

        self.summary = QLabel("Đang đọc tệp…")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.buttons = QDialogButtonBox()
        self.apply_button = self.buttons.addButton("Áp dụng", QDialogButtonBox.ButtonRole.AcceptRole)
        self.undo_button = self.buttons.addButton("Hoàn tác lần nhập", QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton("Hủy", QDialogButtonBox.ButtonRole.RejectRole)
        self.apply_button.setEnabled(False)
        self.undo_button.setVisible(False)
        self.apply_button.clicked.connect(self.apply)
        self.undo_button.clicked.connect(self.undo_import)
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.replan()

    # --- plan -------------------------------------------------------------------------------

    def _files_text(self) -> str:
        names = ", ".join(f.name for f in self.files[:4]) + (" …" if len(self.files) > 4 else "")
        return f"<b>{len(self.files)} tệp:</b> {names}"

    def _options(self, *, dry_run: bool) -> ImportOptions:
        return ImportOptions(dry_run=dry_run, on_conflict=ConflictPolicy(self.policy.currentData()),
                             who=self.ctx.user or "")

    def replan(self) -> None:
        if self.applied is not None:
            return
        self._start(lambda opts=self._options(dry_run=True): import_files(self.ctx.db, self.files, opts),
                    self._show_plan)

    def _start(self, fn, done) -> None:  # noqa: ANN001
        self.busy = True
        self.apply_button.setEnabled(False)
        self.policy.setEnabled(False)
        self.summary.setText("Đang xử lý…")
        self._job = run_in_background(self, fn, done, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.policy.setEnabled(self.applied is None)
        text = exc.message(self.ctx.lang) if isinstance(exc, UserError) else f"{type(exc).__name__}: {exc}"
        self.summary.setText(f"<span style='color:#b00020'>{text}</span>")

    def _show_plan(self, result: ImportResult) -> None:
        self.busy = False
        self.result = result
        self.policy.setEnabled(True)
        self._fill(result)
        s = result.summary()
        ready = [f for f in result.files if f.outcome == Outcome.DRY_RUN]
        self.summary.setText(
            f"<b>Kế hoạch:</b> {s.text('vi')}. "
            + (f"{len(ready)} tệp sẵn sàng nhập." if ready else "Không có gì để nhập.")
            + (f" <span style='color:#b00020'>{len(result.rejected)} tệp bị từ chối (không ghi gì).</span>"
               if result.rejected else "")
        )
        self.apply_button.setEnabled(bool(ready))

    def _fill(self, result: ImportResult) -> None:
        self.tree.clear()
        for f in result.files:
            top = QTreeWidgetItem([f.name, f.outcome.label_vi if f.outcome else "", f.summary().text("vi"), ""])
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            if f.outcome == Outcome.REJECTED:
                top.setForeground(1, QBrush(QColor("#b00020")))
            self.tree.addTopLevelItem(top)
            for m in f.file_errors + f.notices:
                note = QTreeWidgetItem(top, ["", "Lỗi" if m in f.file_errors else "Lưu ý", m.vi, m.cell])
                note.setToolTip(2, f"{m.vi}\n{m.en}")
            if f.outcome == Outcome.DUPLICATE:
                top.setText(2, f.headline("vi"))
            for row in f.rows:
                label = row.status.label_vi + (f" ({row.resolution})" if row.resolution else "")
                item = QTreeWidgetItem(top, [f"{row.key}  {row.label}", label, "", ""])
                item.setForeground(1, QBrush(QColor(_COLOURS[row.status])))
                item.setToolTip(0, row.label)
                for c in row.changes:
                    QTreeWidgetItem(item, ["", "⚠ xung đột" if c.conflict else "", c.text("vi"), c.cell])
                for e in row.errors:
                    err = QTreeWidgetItem(item, ["", "Lỗi", e.vi, e.cell])
                    err.setToolTip(2, f"{e.vi}\n{e.en}")
                    err.setForeground(2, QBrush(QColor("#b00020")))
                if row.status in (RowStatus.ERROR, RowStatus.CONFLICT):
                    item.setExpanded(True)
            top.setExpanded(f.outcome == Outcome.REJECTED or len(result.files) == 1)

    def reject(self) -> None:
        if self.busy:  # never leave a job writing behind a closed dialog
            from PySide6.QtCore import QThreadPool

            QThreadPool.globalInstance().waitForDone()
        super().reject()

    # --- apply and undo -----------------------------------------------------------------------

    def apply(self) -> None:
        if self.busy or self.result is None:
            return
        opts = self._options(dry_run=False)
        self._start(lambda: import_files(self.ctx.db, self.files, opts), self._applied)

    def _applied(self, result: ImportResult) -> None:
        self.busy = False
        self.applied = result
        self._fill(result)
        done = [f for f in result.files if f.outcome == Outcome.APPLIED]
        s = result.summary()
        self.summary.setText(
            f"<b>Đã nhập {len(done)}/{len(result.files)} tệp:</b> {s.text('vi')}."
            + (f" <span style='color:#b00020'>{len(result.rejected)} tệp bị từ chối.</span>" if result.rejected else "")
        )
        self.apply_button.setEnabled(False)
        self.policy.setEnabled(False)
        self.close_button.setText("Đóng")
        self.undo_button.setVisible(bool(done))
        if result.changes.any or done:
            self.ctx.notify(result.changes)

    def batch_ids(self) -> list[int]:
        if self.applied is None:
            return []
        return [f.batch_id for f in self.applied.files if f.outcome == Outcome.APPLIED and f.batch_id]

    def undo_import(self) -> None:
        """Undo every batch this dialog applied, newest first; stop at the first refusal."""
        from ...services.changes import Changes

        changes = Changes()
        done: list[int] = []
        for bid in reversed(self.batch_ids()):
            try:
                changes.merge(undo(self.ctx.db, bid, who=self.ctx.user or None).changes)
                done.append(bid)
            except UserError as exc:
                QMessageBox.warning(self, "Không hoàn tác được", exc.message(self.ctx.lang))
                break
        if done:
            self.ctx.notify(changes)
            self.summary.setText(f"Đã hoàn tác {len(done)} lần nhập: " + ", ".join(f"lô {b}" for b in done) + ".")
            self.applied.files = [f for f in self.applied.files if f.batch_id not in done]
        self.undo_button.setVisible(bool(self.batch_ids()))
