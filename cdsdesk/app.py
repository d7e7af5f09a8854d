"""Composition root: QApplication, settings, translators, the database (opened and upgraded off the
GUI thread), the main window."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def _pick_database(db_arg: str | None, settings) -> tuple[str | None, bool]:  # noqa: ANN001
    """The database to open and whether the user named it (explicit ones are never replaced)."""
    if db_arg:
        return db_arg, True
    if os.environ.get("CDSDESK_DB"):
        return os.environ["CDSDESK_DB"], True
    last = settings.value("database/last", "")
    if last and ("://" in last or Path(last).exists()):
        return last, False
    return None, False  # the default file in the user's data folder


def _load_demo_if_empty(parent, db) -> None:  # noqa: ANN001
    from sqlalchemy import select

    from .store.models import Task

    with db.session() as s:
        if s.scalar(select(Task.id).limit(1)) is not None:
            return
    try:
        from .services.demo import load_demo
    except ImportError:
        return  # the demo province is not in this build
    from PySide6.QtCore import QCoreApplication

    from .ui.jobs import run_job

    run_job(parent, lambda progress, cancelled: load_demo(db),
            title=QCoreApplication.translate("Jobs", "Loading the demo province"), cancellable=False)
    db.engine.dispose()


class _Controller:
    """Owns the window; rebuilds it when the language changes (every label is re-read)."""

    def __init__(self, app, ctx, settings) -> None:  # noqa: ANN001
        self.app, self.ctx, self.settings = app, ctx, settings
        self.window = None

    def show(self) -> None:
        from .ui.main_window import MainWindow

        old = self.window
        if old is not None:
            old.save_layout()
        self.window = MainWindow(self.ctx, self.settings)
        self.window.language_change_requested.connect(self.switch_language)
        self.window.show()
        if old is not None:
            old.hide()
            old.deleteLater()

    def switch_language(self, lang: str) -> None:
        from .ui.i18n import install_language

        self.ctx.lang = install_language(self.app, lang)
        self.show()


def run_gui(db_arg: str | None = None, *, demo_if_empty: bool = False, argv: list[str] | None = None) -> int:
    from PySide6.QtCore import QCoreApplication, QSettings, Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication, QMessageBox

    from .domain.errors import UserError
    from .ui.context import AppContext
    from .ui.dbopen import open_database_job
    from .ui.i18n import install_language
    from .ui.icons import icon
    from .ui.messages import error_text, install_excepthook, setup_logging

    app = QApplication.instance()
    if app is None:
        # Fractional scales (125 %, 150 % on Windows laptops) drawn as they are; icons are SVG.
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(argv or sys.argv[:1])
    app.setOrganizationName("cdsdesk")
    app.setApplicationName("cdsdesk")
    app.setApplicationDisplayName("cdsdesk")
    app.setWindowIcon(icon("app"))
    settings = QSettings()
    setup_logging()
    install_excepthook()
    lang = install_language(app, str(settings.value("ui/language", "vi")))

    target, explicit = _pick_database(db_arg, settings)

    def open_checked(where):  # noqa: ANN001, ANN202
        """Open; a damaged file is never written to: explain it and offer the newest good backup."""
        from .store.errors import DamagedDatabaseError
        from .ui.views.backups import offer_restore_damaged

        try:
            return open_database_job(None, where, create=True)
        except DamagedDatabaseError as exc:
            if offer_restore_damaged(None, exc):
                return open_database_job(None, where, create=True)
            raise

    try:
        db = open_checked(target)
    except UserError as exc:
        if explicit or target is None:
            QMessageBox.critical(None, "cdsdesk", error_text(exc))
            return 1
        # The last database could not be opened (moved, locked): say so, open the default one.
        QMessageBox.warning(None, "cdsdesk", error_text(exc))
        try:
            db = open_checked(None)
        except UserError as exc2:
            QMessageBox.critical(None, "cdsdesk", error_text(exc2))
            return 1
    if demo_if_empty:
        try:
            _load_demo_if_empty(None, db)
        except UserError as exc:
            QMessageBox.warning(None, "cdsdesk", error_text(exc))
    settings.setValue("database/last", db.display_name())

    ctx = AppContext(db)
    ctx.lang = lang
    controller = _Controller(app, ctx, settings)
    controller.show()
    controller.window.add_recent(db.display_name())
    for notice in db.notices:  # network share, read-only file: say why the app behaves as it does
        controller.window.statusBar().showMessage(notice, 15000)
    if db.notices and (db.read_only or db.network):
        box = QMessageBox(QMessageBox.Icon.Information, "cdsdesk", "\n\n".join(db.notices),
                          parent=controller.window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.show()  # not modal: the window is usable behind it
    from .ui.views.backups import start_daily_backups

    start_daily_backups(ctx, app)  # the day's copy while the window stays open
    code = app.exec()
    QCoreApplication.processEvents()
    ctx.db.dispose()
    return code
