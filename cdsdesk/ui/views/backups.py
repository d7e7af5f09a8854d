"""The backups page: every copy of the database with when and why it was made, "back up now",
"check the database", and restore of a chosen copy (what it replaces is backed up first).

``offer_restore_damaged`` is what the window shows when the database failed its check on open."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QMessageBox, QPushButton, QTreeWidget, QTreeWidgetItem,
    QVBoxLayout, QWidget,
)

from ...domain.errors import UserError
from ...domain.numbers import format_size
from ...store import backup as bk
from ...store.errors import DamagedDatabaseError
from ..context import AppContext
from ..dialogs._worker import run_in_background
from ..messages import error_text

COL_WHEN, COL_KIND, COL_SIZE, COL_FILE = range(4)


def _when(b: bk.BackupInfo) -> str:
    from ..messages import current_lang

    day = f"{b.created.day}/{b.created.month}/{b.created.year}"
    return f"{b.created:%H:%M} {day}" if current_lang() == "en" else f"{b.created:%H:%M} ngày {day}"


class BackupsView(QWidget):
    """Lists the backups of the open SQLite database; restore replaces the file and reopens it."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.busy = False
        self.title = QLabel("<b>" + self.tr("Sao lưu và khôi phục") + "</b>")
        self.where = QLabel()
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel()
        self.status.setWordWrap(True)

        self.list = QTreeWidget()
        self.list.setColumnCount(4)
        self.list.setHeaderLabels([self.tr("Thời điểm"), self.tr("Loại"), self.tr("Dung lượng"), self.tr("Tệp")])
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.list.header()
        header.setSectionResizeMode(COL_WHEN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_KIND, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_SIZE, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.list.itemSelectionChanged.connect(self._update_buttons)

        self.backup_button = QPushButton(self.tr("Sao lưu ngay"))
        self.check_button = QPushButton(self.tr("Kiểm tra cơ sở dữ liệu"))
        self.restore_button = QPushButton(self.tr("Khôi phục bản đã chọn…"))
        self.backup_button.clicked.connect(self.backup_now)
        self.check_button.clicked.connect(self.check_now)
        self.restore_button.clicked.connect(self.restore_selected)
        buttons = QHBoxLayout()
        for b in (self.backup_button, self.check_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.where)
        layout.addLayout(buttons)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.status)
        ctx.database_changed.connect(self.refresh)
        self.refresh()

    # -- what is shown -------------------------------------------------------------------------
    @property
    def db_path(self) -> Path | None:
        return self.ctx.db.path if self.ctx.db.is_sqlite else None

    def refresh(self) -> None:
        path = self.db_path
        self.list.clear()
        if path is None:
            self.where.setText(
                self.tr("Cơ sở dữ liệu {name} nằm trên máy chủ PostgreSQL: việc sao lưu do máy chủ"
                        " đảm nhiệm (pg_dump, sao lưu của quản trị viên).").format(name=self.ctx.db.display_name()))
            self._update_buttons()
            return
        lines = [self.tr("Cơ sở dữ liệu: {path}").format(path=path),
                 self.tr("Thư mục sao lưu: {path}").format(path=bk.backups_dir(path)),
                 self.tr("Tự động: mỗi ngày khi mở ứng dụng, trước mỗi lần nhập và trước mỗi lần nâng cấp; giữ 7 bản"
                         " hằng ngày, 4 hằng tuần, 12 hằng tháng và 10 bản gần nhất trước khi nhập.")]
        lines += self.ctx.db.notices
        self.where.setText("\n".join(lines))
        for b in bk.list_backups(path):
            item = QTreeWidgetItem([_when(b), b.label(self.ctx.lang) + (f" ({b.detail})" if b.detail else ""),
                                    format_size(b.size), b.path.name])
            item.setData(COL_WHEN, Qt.ItemDataRole.UserRole, str(b.path))
            item.setTextAlignment(COL_SIZE, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.list.addTopLevelItem(item)
        if self.list.topLevelItemCount() == 0:
            self.status.setText(self.tr("Chưa có bản sao lưu nào."))
        self._update_buttons()

    def selected_backup(self) -> Path | None:
        items = self.list.selectedItems()
        return Path(items[0].data(COL_WHEN, Qt.ItemDataRole.UserRole)) if items else None

    def _update_buttons(self) -> None:
        sqlite = self.db_path is not None and not self.busy
        self.backup_button.setEnabled(sqlite and not self.ctx.db.read_only)
        self.check_button.setEnabled(sqlite)
        self.restore_button.setEnabled(sqlite and self.selected_backup() is not None)

    def _error(self, exc: BaseException) -> None:
        self.busy = False
        self._update_buttons()
        text = error_text(exc)
        self.status.setText(text)
        QMessageBox.warning(self, self.tr("Sao lưu"), text)

    # -- actions -------------------------------------------------------------------------------
    def backup_now(self) -> None:
        path = self.db_path
        if path is None or self.busy:
            return
        self.busy = True
        self._update_buttons()
        self.status.setText(self.tr("Đang sao lưu và kiểm tra bản sao…"))

        def done(made: Path) -> None:
            self.busy = False
            self.refresh()
            self.status.setText(self.tr("Đã sao lưu và kiểm tra: {name}").format(name=made.name))

        run_in_background(self, lambda: bk.make_backup(path, "manual"), done, self._error)

    def check_now(self) -> None:
        from ...store.integrity import check_file

        path = self.db_path
        if path is None:
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            report = check_file(path, full=True)
        except UserError as exc:
            QGuiApplication.restoreOverrideCursor()
            self._error(exc)
            return
        QGuiApplication.restoreOverrideCursor()
        if report.ok:
            self.status.setText(self.tr("Kiểm tra toàn vẹn: cơ sở dữ liệu tốt."))
        else:
            self.status.setText(self.tr("Cơ sở dữ liệu bị hỏng:") + "\n" + report.summary())
            QMessageBox.critical(self, self.tr("Kiểm tra cơ sở dữ liệu"),
                                 self.tr("Cơ sở dữ liệu bị hỏng. Hãy khôi phục một bản sao lưu.") + "\n\n" + report.summary())

    def restore_selected(self) -> None:
        path, chosen = self.db_path, self.selected_backup()
        if path is None or chosen is None or self.busy:
            return
        answer = QMessageBox.question(
            self, self.tr("Khôi phục bản sao lưu"),
            self.tr("Thay cơ sở dữ liệu hiện tại bằng bản sao lưu\n{name}?\n\n"
                    "Dữ liệu hiện tại được sao lưu trước (loại “Trước khi khôi phục”), nên có thể quay lại.").format(name=chosen.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.ctx.db.dispose()  # every connection closed before the file is replaced
        try:
            result = bk.restore(path, chosen)
        except UserError as exc:
            self._reopen(path)
            self._error(exc)
            return
        self._reopen(path)
        note = self.tr("Đã khôi phục từ {name}.").format(name=chosen.name)
        if result.previous_backup is not None:
            note += " " + self.tr("Dữ liệu trước đó được giữ trong {name}.").format(name=result.previous_backup.name)
        if result.damaged_aside is not None:
            note += " " + self.tr("Tệp hỏng được giữ lại là {name}.").format(name=result.damaged_aside.name)
        self.status.setText(note)

    def _reopen(self, path: Path) -> None:
        from ...store.session import open_database

        try:
            self.ctx.set_database(open_database(path))
        except UserError as exc:
            self.status.setText(error_text(exc))
            QMessageBox.critical(self, self.tr("Mở cơ sở dữ liệu"), error_text(exc))
        self.refresh()


def offer_restore_damaged(parent: QWidget | None, error: DamagedDatabaseError) -> bool:
    """Explain a damaged database and offer its newest good backup; True when it was restored
    (the damaged file is then kept beside it as ``.damaged``). The caller reopens the database."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("BackupsView", "Cơ sở dữ liệu bị hỏng"))
    box.setText(error_text(error))
    if error.problems:
        box.setDetailedText("\n".join(error.problems[:50]))
    restore = None
    if error.newest_backup is not None and error.path is not None:
        restore = box.addButton(QCoreApplication.translate("BackupsView", "Khôi phục bản {name}").format(name=error.newest_backup.name),
                                QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("BackupsView", "Đóng"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if restore is None or box.clickedButton() is not restore:
        return False
    bk.restore(error.path, error.newest_backup)
    return True


def start_daily_backups(ctx: AppContext, parent: QObject, *, interval_ms: int = 3_600_000) -> QTimer:
    """While the window is open, take the day's backup when the date changes (checked hourly,
    off the GUI thread); a failure becomes a notice on the database, never an interruption."""
    timer = QTimer(parent)
    timer.setInterval(interval_ms)

    def tick() -> None:
        db = ctx.db
        if not db.is_sqlite or db.read_only:
            return

        def failed(exc: BaseException) -> None:
            if isinstance(exc, UserError):
                db.notices.append(f"Chưa tạo được bản sao lưu hằng ngày: {exc.vi} / {exc.en}")

        run_in_background(parent, lambda: bk.maybe_daily_backup(db), lambda _made: None, failed)

    timer.timeout.connect(tick)
    timer.start()
    return timer
