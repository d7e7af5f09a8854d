"""Composition root: QApplication, settings, translators, the database (opened and upgraded off the
GUI thread), the main window."""

from __future__ import annotations

import os
import re
import sys
import threading
from pathlib import Path

# The database layer and the non-Qt modules the first window needs are loaded before PySide6:
# once PySide6 is loaded, every module imported after it is read again by its feature check
# (about a third of the import time of SQLAlchemy's ~400 modules). At module level, so that
# whoever imports this module (``cdsdesk gui``, a script starting the app) gets that order.
# SQLAlchemy's ORM is not among them: the first window reads through the engine alone and the
# ORM loads after its first paint.
from .store import engine as _engine  # noqa: E402,F401
from .store import backup as _backup, integrity as _integrity  # noqa: E402,F401
from .services import changes as _changes  # noqa: E402,F401
import sqlalchemy.dialects.sqlite  # noqa: E402,F401


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


_REV = re.compile(r"^(down_revision|revision)\s*(?::[^=]*)?=\s*['\"]?([^'\"\s]+)['\"]?\s*$", re.MULTILINE)


def _head_revision_quick() -> str | None:
    """The newest migration, read from the scripts' headers without loading Alembic (0.4 s);
    None when the chain is not a plain line (Alembic then decides, on the ordinary path)."""
    from .paths import migrations_dir

    revisions, parents = set(), set()
    for script in (migrations_dir() / "versions").glob("*.py"):
        found = dict((k, v) for k, v in _REV.findall(script.read_text(encoding="utf-8")))
        if "revision" not in found:
            return None
        revisions.add(found["revision"])
        if found.get("down_revision", "None") != "None":
            parents.add(found["down_revision"])
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


class _EarlyOpen:
    """Opening a large file without waiting for its integrity check before the first paint.

    ``quick_check`` reads the whole file (seconds for a province's years of data). When the file
    is a local SQLite database in WAL mode, already at the current schema and not left with a
    journal to recover, it is opened with every connection held to ``PRAGMA query_only`` while the
    check runs on a worker thread beside the window's construction: nothing is written to the file
    before the check passes (the same promise as the ordinary path). A failed check closes the
    window and takes the ordinary path, which explains the damage and offers the backup."""

    def __init__(self, path: Path, db) -> None:  # noqa: ANN001
        self.path, self.db = path, db
        self.writes_allowed = False
        self.report = None
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._check, name="integrity check", daemon=True)

    @classmethod
    def try_start(cls, target: str | None, *, need_tasks: bool) -> "_EarlyOpen | None":
        from sqlalchemy import event
        from sqlalchemy.exc import SQLAlchemyError

        from .domain.errors import UserError
        from .store.engine import is_network_path, resolve_db_url, sqlite_path

        try:
            path = sqlite_path(resolve_db_url(target))
        except UserError:
            return None
        if path is None or os.environ.get("CDSDESK_NETWORK_SHARE") == "1":
            return None
        try:
            with path.open("rb") as fh:
                header = fh.read(100)
            wal = Path(f"{path}-wal")
            if (len(header) < 100 or not header.startswith(b"SQLite format 3\x00")
                    or header[18:20] != b"\x02\x02"  # not in WAL mode: the ordinary path switches it
                    or not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK)
                    or Path(f"{path}-journal").exists() or (wal.exists() and wal.stat().st_size > 0)):
                return None
            if is_network_path(path):
                return None
        except OSError:
            return None
        head = _head_revision_quick()
        if head is None:
            return None
        from .store.engine import make_engine

        try:
            # What ``open_database(check=False, migrate=False)`` does for a local file, without
            # loading Alembic (the scripts' head was read above).
            db = make_engine(resolve_db_url(path))
        except UserError:
            return None
        early = cls(path, db)

        @event.listens_for(db.engine, "connect")
        def _guard(dbapi_conn, _record):  # noqa: ANN001, ANN202
            if not early.writes_allowed:
                dbapi_conn.execute("PRAGMA query_only=ON")

        try:
            with db.engine.connect() as conn:
                revision = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
            if revision != head:
                raise LookupError
            if need_tasks:
                with db.engine.connect() as conn:
                    if conn.exec_driver_sql("SELECT id FROM tasks LIMIT 1").first() is None:
                        raise LookupError
        except (LookupError, SQLAlchemyError, UserError):
            db.dispose()
            return None
        early.thread.start()
        return early

    def _check(self) -> None:
        from .store.integrity import check_file

        if hasattr(os, "setpriority") and sys.platform.startswith("linux"):
            try:  # the window's first paint goes first; the check takes the time left over
                os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)
            except OSError:
                pass

        try:
            self.report = check_file(self.path)
        except BaseException as exc:  # a lock held by another copy and the like: the ordinary path says it
            self.error = exc

    @property
    def passed(self) -> bool:
        from .store.migrate import known_revisions

        r = self.report
        return self.error is None and r is not None and r.ok and r.revision in known_revisions()

    def allow_writes(self) -> None:
        self.writes_allowed = True
        self.db.engine.dispose()  # pooled connections still carry query_only

    def when_checked(self, parent, fn) -> None:  # noqa: ANN001
        """Call ``fn()`` in the GUI thread once the check has ended."""
        from PySide6.QtCore import QTimer

        timer = QTimer(parent)
        timer.setInterval(40)

        def poll() -> None:
            if not self.thread.is_alive():
                timer.stop()
                timer.deleteLater()
                fn()

        timer.timeout.connect(poll)
        timer.start()


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


def _after_check(ctx, parent, db) -> None:  # noqa: ANN001
    """What opening does once the file is known sound: its id, and the day's backup (off the
    GUI thread; a failure becomes a notice, never an interruption)."""
    from .domain.errors import UserError
    from .store.backup import maybe_daily_backup
    from .store.session import ensure_database_id
    from .ui.dialogs._worker import run_in_background

    try:
        ensure_database_id(db)
    except UserError as exc:
        db.notices.append(f"{exc.vi} / {exc.en}")

    def failed(exc: BaseException) -> None:
        if isinstance(exc, UserError):
            db.notices.append(f"Chưa tạo được bản sao lưu hằng ngày: {exc.vi} / The daily backup could not be made: {exc.en}")

    run_in_background(parent, lambda: maybe_daily_backup(db), lambda _made: None, failed)


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

    early = _EarlyOpen.try_start(target, need_tasks=demo_if_empty)
    try:
        db = early.db if early is not None else open_checked(target)
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

    if early is not None:
        def checked() -> None:
            if early.passed:
                early.allow_writes()
                _after_check(ctx, app, early.db)
                return
            # Damaged (or held by another copy): close the window and take the ordinary path.
            win = controller.window
            win.hide()
            early.db.dispose()
            try:
                db2 = open_checked(target)
            except UserError as exc:
                QMessageBox.critical(None, "cdsdesk", error_text(exc))
                app.exit(1)
                return
            ctx.set_database(db2)
            win.show()

        early.when_checked(app, checked)
    start_daily_backups(ctx, app)  # the day's copy while the window stays open
    code = app.exec()
    # Reads still running on worker threads (the task snapshot, the title ranks) finish before
    # the widgets and the database they report to go away.
    from .ui.dialogs._worker import wait_for_background

    wait_for_background()
    QCoreApplication.processEvents()
    ctx.db.dispose()
    return code
