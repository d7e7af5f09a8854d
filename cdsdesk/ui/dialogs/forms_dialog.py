"""Create update forms: pick the period, the agencies and a folder; one workbook per agency."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QPushButton, QVBoxLayout, QWidget,
)
from sqlalchemy import select

from ...domain.errors import UserError
from ...domain.periods import Period
from ...exchange.forms import agency_indicators, agency_tasks, write_all_forms
from ...store.models import Agency
from ..context import AppContext
from ._worker import run_in_background


class FormsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.written: list = []
        self.setWindowTitle(self.tr("Tạo phiếu cập nhật cho các cơ quan"))
        self.resize(640, 560)
        self.period = QLineEdit(ctx.period.code)
        self.period.setPlaceholderText(self.tr("ví dụ 2024S1, 2024Q3"))
        self.period.editingFinished.connect(self.reload)
        self.folder = QLineEdit(str(Path.home()))
        browse = QPushButton(self.tr("Chọn thư mục…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Kỳ báo cáo:"), self.period)
        form.addRow(self.tr("Lưu vào thư mục:"), row)

        self.agencies = QListWidget()
        self.all_button = QPushButton(self.tr("Chọn tất cả"))
        self.none_button = QPushButton(self.tr("Bỏ chọn"))
        self.all_button.clicked.connect(lambda: self._check_all(True))
        self.none_button.clicked.connect(lambda: self._check_all(False))
        picks = QHBoxLayout()
        picks.addWidget(QLabel(self.tr("Cơ quan (có nhiệm vụ hoặc chỉ tiêu trong kỳ):")), 1)
        picks.addWidget(self.all_button)
        picks.addWidget(self.none_button)

        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox()
        self.create_button = self.buttons.addButton(self.tr("Tạo phiếu"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(self.tr("Đóng"), QDialogButtonBox.ButtonRole.RejectRole)
        self.create_button.clicked.connect(self.create)
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(picks)
        layout.addWidget(self.agencies, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.reload()

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Chọn thư mục lưu phiếu"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    def _period(self) -> Period | None:
        try:
            return Period.parse(self.period.text())
        except UserError as exc:
            self.status.setText(f"<span style='color:#b00020'>{exc.message(self.ctx.lang)}</span>")
            return None

    def reload(self) -> None:
        per = self._period()
        self.agencies.clear()
        if per is None:
            return
        with self.ctx.db.session() as s:
            for a in s.scalars(select(Agency).where(Agency.active.is_(True)).order_by(Agency.sort_order, Agency.code)):
                n_t, n_i = len(agency_tasks(s, a, per)), len(agency_indicators(s, a))
                if not (n_t or n_i):
                    continue
                item = QListWidgetItem(self.tr("{name} ({code}) — {t} nhiệm vụ, {i} chỉ tiêu").format(
                    name=a.name, code=a.code, t=n_t, i=n_i))
                item.setData(Qt.ItemDataRole.UserRole, a.code)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked)
                self.agencies.addItem(item)
        self.status.setText(self.tr("{n} cơ quan có việc cần báo cáo trong {period}.").format(
            n=self.agencies.count(), period=per.label(self.ctx.lang)))

    def _check_all(self, on: bool) -> None:
        for i in range(self.agencies.count()):
            self.agencies.item(i).setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def selected_codes(self) -> list[str]:
        return [self.agencies.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.agencies.count())
                if self.agencies.item(i).checkState() == Qt.CheckState.Checked]

    def create(self) -> None:
        per, codes, folder = self._period(), self.selected_codes(), Path(self.folder.text())
        if per is None:
            return
        if not codes:
            self.status.setText(self.tr("Hãy chọn ít nhất một cơ quan."))
            return
        self.create_button.setEnabled(False)
        self.status.setText(self.tr("Đang tạo phiếu…"))
        who = self.ctx.user or None
        run_in_background(self, lambda: write_all_forms(self.ctx.db, per, folder, who=who, agency_codes=codes),
                          self._done, self._failed)

    def _done(self, infos: list) -> None:
        self.written = infos
        self.create_button.setEnabled(True)
        self.status.setText(self.tr("Đã tạo {n} phiếu trong {folder}:").format(n=len(infos), folder=self.folder.text()) + "<br>"
                            + "<br>".join(i.path.name for i in infos[:12]) + ("<br>…" if len(infos) > 12 else ""))

    def _failed(self, exc: BaseException) -> None:
        self.create_button.setEnabled(True)
        text = exc.message(self.ctx.lang) if isinstance(exc, UserError) else f"{type(exc).__name__}: {exc}"
        self.status.setText(f"<span style='color:#b00020'>{text}</span>")
