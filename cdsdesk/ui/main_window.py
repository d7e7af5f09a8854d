"""The main window: navigation, menus, toolbar with the period selector, status bar, file drops.

Pages are built the first time they are shown, so the window paints quickly and modules that
import pyqtgraph load only when a chart is wanted. A page whose module is not in this build shows
a placeholder instead of failing.
"""

from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QSettings, QSize, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QTableWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from .. import __version__
from ..domain.errors import UserError
from ..domain.numbers import format_date
from .context import AppContext
from .icons import icon
from .messages import show_error, show_info
from .period_selector import PeriodSelector

log = logging.getLogger("cdsdesk")

MAX_RECENT = 8
IMPORT_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".csv", ".json", ".zip", ".cdspkg"}


@dataclass(frozen=True)
class Page:
    key: str
    icon: str
    module: str
    cls: str


PAGES = (
    Page("dashboard", "dashboard", "cdsdesk.ui.views.dashboard", "DashboardView"),
    Page("tasks", "tasks", "cdsdesk.ui.views.tasks", "TasksView"),
    Page("indicators", "indicators", "cdsdesk.ui.views.indicators", "IndicatorsView"),
    Page("agencies", "agencies", "cdsdesk.ui.views.agencies", "AgenciesView"),
    Page("meetings", "meetings", "cdsdesk.ui.views.meetings", "MeetingsView"),
    Page("audit", "audit", "cdsdesk.ui.views.audit", "AuditView"),
    Page("backups", "backups", "cdsdesk.ui.views.backups", "BackupsView"),
)


def load_class(module: str, name: str) -> type | None:
    """The class, or None when its module is not part of this build."""
    try:
        mod = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name and module.startswith(exc.name):
            return None
        raise
    return getattr(mod, name, None)


class PlaceholderPage(QWidget):
    """Shown where a part of the application is not in this build."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        label = QLabel(self.tr("%1 is not available in this version.").replace("%1", title), self)
        label.setObjectName("placeholderLabel")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setStyleSheet("color: #607d8b; font-size: 12pt")
        lay.addWidget(label)

    def refresh(self) -> None:  # the same face as every view
        pass


class MainWindow(QMainWindow):
    """Asks the application to switch language (the window is rebuilt in the new language)."""

    language_change_requested = Signal(str)

    def __init__(self, ctx: AppContext, settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.ctx = ctx
        self.settings = settings or QSettings()
        self.setWindowIcon(icon("app"))
        self.setAcceptDrops(True)
        self.setUnifiedTitleAndToolBarOnMac(True)
        self.titles = {
            "dashboard": self.tr("Overview"),
            "tasks": self.tr("Tasks"),
            "indicators": self.tr("Indicators"),
            "agencies": self.tr("Agencies"),
            "meetings": self.tr("Meetings"),
            "audit": self.tr("Audit log"),
            "backups": self.tr("Backups"),
        }
        self.pages: dict[str, QWidget] = {}

        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(QSize(22, 22))
        self.nav.setSpacing(1)
        self.nav.setStyleSheet(
            "QListWidget#navigation { border: none; background: palette(window); font-size: 10.5pt; outline: 0 }"
            "QListWidget#navigation::item { padding: 7px 8px; border-radius: 4px }"
            "QListWidget#navigation::item:selected { background: #1565c0; color: white }"
        )
        for page in PAGES:
            item = QListWidgetItem(icon(page.icon), self.titles[page.key], self.nav)
            item.setData(Qt.ItemDataRole.UserRole, page.key)
        width = max(self.nav.fontMetrics().horizontalAdvance(t) for t in self.titles.values())
        self.nav.setFixedWidth(width + 70)
        self.stack = QStackedWidget(self)
        self.stack.setObjectName("pages")
        central = QWidget(self)
        row = QHBoxLayout(central)
        row.setContentsMargins(4, 4, 0, 0)
        row.setSpacing(4)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._page_index: dict[str, int] = {}
        for page in PAGES:
            holder = QWidget()  # replaced by the real page on first show
            self._page_index[page.key] = self.stack.addWidget(holder)
        self.nav.currentRowChanged.connect(self._nav_changed)

        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_status_bar()
        ctx.period_changed.connect(self._update_status)
        ctx.database_changed.connect(self._update_status)
        ctx.tasks_filter_requested.connect(self.show_tasks_filtered)
        ctx.undo_stack.cleanChanged.connect(lambda _clean: self._update_title())
        self._restore_layout()
        self._update_status()

    # --- actions and menus --------------------------------------------------------------------
    def _act(self, text: str, slot: Callable, *, shortcut=None, icon_name: str | None = None,  # noqa: ANN001
             name: str = "") -> QAction:
        act = QAction(text, self)
        if icon_name:
            act.setIcon(icon(icon_name))
        if shortcut is not None:
            act.setShortcuts(shortcut if isinstance(shortcut, list) else [QKeySequence(shortcut)])
        act.setObjectName(name or text)
        act.triggered.connect(slot)
        self.addAction(act)
        return act

    def _build_actions(self) -> None:
        K = QKeySequence.StandardKey
        self.act_open = self._act(self.tr("&Open database…"), self.open_database_dialog,
                                  shortcut=K.Open, icon_name="open", name="open")
        self.act_new_db = self._act(self.tr("&New database…"), self.new_database_dialog, name="newDatabase")
        self.act_backup = self._act(self.tr("&Back up now…"), self.backup_now, icon_name="backups", name="backup")
        self.act_import = self._act(self.tr("&Import…"), self.import_dialog, shortcut="Ctrl+I",
                                    icon_name="import", name="import")
        self.act_forms = self._act(self.tr("Update &forms for the agencies…"), self.forms_dialog,
                                   icon_name="export", name="forms")
        self.act_export = self._act(self.tr("&Export / report…"), self.export_dialog, shortcut="Ctrl+E",
                                    icon_name="export", name="export")
        self.act_quit = self._act(self.tr("&Quit"), self.close, shortcut=K.Quit, name="quit")
        self.act_undo = self.ctx.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.act_undo.setShortcuts([QKeySequence(K.Undo)])
        self.act_undo.setIcon(icon("undo"))
        self.act_undo.setObjectName("undo")
        self.act_redo = self.ctx.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.act_redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.act_redo.setIcon(icon("redo"))
        self.act_redo.setObjectName("redo")
        self.addAction(self.act_undo)
        self.addAction(self.act_redo)
        self.act_find = self._act(self.tr("&Find task…"), self.find_task, shortcut=K.Find,
                                  icon_name="search", name="find")
        self.act_new_task = self._act(self.tr("&New task"), self.new_task, shortcut=K.New,
                                      icon_name="new", name="newTask")
        self.act_refresh = self._act(self.tr("&Refresh"), self.refresh_all, shortcut=K.Refresh,
                                     icon_name="refresh", name="refresh")
        self.act_refresh.setShortcuts([QKeySequence("F5")])
        self.act_shortcuts = self._act(self.tr("&Keyboard shortcuts"), self.show_shortcuts,
                                       shortcut="F1", icon_name="help", name="shortcuts")
        self.act_about = self._act(self.tr("&About cdsdesk"), self.show_about, name="about")
        self.page_actions: dict[str, QAction] = {}
        for n, page in enumerate(PAGES, start=1):
            act = self._act(self.titles[page.key], lambda _=False, k=page.key: self.show_page(k),
                            shortcut=f"Ctrl+{n}", icon_name=page.icon, name=f"page_{page.key}")
            self.page_actions[page.key] = act
        self.lang_group = QActionGroup(self)
        self.act_lang_vi = QAction("Tiếng Việt", self, checkable=True)
        self.act_lang_en = QAction("English", self, checkable=True)
        for act, code in ((self.act_lang_vi, "vi"), (self.act_lang_en, "en")):
            act.setData(code)
            act.setChecked(self.ctx.lang == code)
            self.lang_group.addAction(act)
        self.lang_group.triggered.connect(self._language_picked)

    def _build_menus(self) -> None:
        mb = self.menuBar()
        m_file = mb.addMenu(self.tr("&File"))
        m_file.addAction(self.act_open)
        m_file.addAction(self.act_new_db)
        self.recent_menu = m_file.addMenu(self.tr("Recent databases"))
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        m_file.addSeparator()
        m_file.addAction(self.act_backup)
        m_file.addAction(self.act_forms)
        m_file.addAction(self.act_import)
        m_file.addAction(self.act_export)
        m_file.addSeparator()
        m_file.addAction(self.act_quit)
        m_edit = mb.addMenu(self.tr("&Edit"))
        m_edit.addAction(self.act_undo)
        m_edit.addAction(self.act_redo)
        m_edit.addSeparator()
        m_edit.addAction(self.act_new_task)
        m_edit.addAction(self.act_find)
        m_view = mb.addMenu(self.tr("&View"))
        for act in self.page_actions.values():
            m_view.addAction(act)
        m_view.addSeparator()
        m_view.addAction(self.act_refresh)
        m_lang = m_view.addMenu(self.tr("&Language"))
        m_lang.addAction(self.act_lang_vi)
        m_lang.addAction(self.act_lang_en)
        m_help = mb.addMenu(self.tr("&Help"))
        m_help.addAction(self.act_shortcuts)
        m_help.addAction(self.act_about)
        self.menus = {"file": m_file, "edit": m_edit, "view": m_view, "help": m_help}

    def _build_toolbar(self) -> None:
        tb = QToolBar(self.tr("Main toolbar"), self)
        tb.setObjectName("mainToolbar")
        tb.setIconSize(QSize(20, 20))
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(tb)
        self.period_selector = PeriodSelector(self.ctx, tb)
        tb.addWidget(self.period_selector)
        tb.addSeparator()
        for act in (self.act_new_task, self.act_undo, self.act_redo, self.act_refresh):
            tb.addAction(act)
        tb.addSeparator()
        tb.addAction(self.act_import)
        tb.addAction(self.act_export)
        self.toolbar = tb

    def _build_status_bar(self) -> None:
        sb = self.statusBar()
        self.db_label = QLabel(self)
        self.db_label.setObjectName("databaseLabel")
        self.period_label = QLabel(self)
        self.period_label.setObjectName("periodLabel")
        sb.addPermanentWidget(self.period_label)
        sb.addPermanentWidget(self.db_label)

    # --- pages --------------------------------------------------------------------------------
    def page(self, key: str) -> QWidget:
        """The page, built on first use."""
        if key in self.pages:
            return self.pages[key]
        spec = next(p for p in PAGES if p.key == key)
        cls = load_class(spec.module, spec.cls)
        widget = cls(self.ctx, self) if cls is not None else PlaceholderPage(self.titles[key], self)
        widget.setObjectName(widget.objectName() or f"page_{key}")
        index = self._page_index[key]
        old = self.stack.widget(index)
        self.stack.insertWidget(index, widget)
        self.stack.removeWidget(old)
        old.deleteLater()
        self.pages[key] = widget
        if hasattr(widget, "restore_state"):
            widget.restore_state(self.settings)
        return widget

    def show_page(self, key: str) -> QWidget:
        row = [p.key for p in PAGES].index(key)
        if self.nav.currentRow() != row:
            self.nav.setCurrentRow(row)  # → _nav_changed
        return self.page(key)

    def current_page_key(self) -> str:
        row = self.nav.currentRow()
        return PAGES[row].key if 0 <= row < len(PAGES) else "dashboard"

    def _nav_changed(self, row: int) -> None:
        if not 0 <= row < len(PAGES):
            return
        key = PAGES[row].key
        widget = self.page(key)
        self.stack.setCurrentWidget(widget)
        self._update_title()

    def tasks_view(self):  # noqa: ANN201
        return self.page("tasks")

    def show_tasks_filtered(self, spec: dict) -> None:
        """A dashboard tile was clicked: the task list with that filter."""
        view = self.show_page("tasks")
        if hasattr(view, "apply_filter"):
            view.apply_filter(dict(spec))

    # --- commands -----------------------------------------------------------------------------
    def find_task(self) -> None:
        view = self.show_page("tasks")
        if hasattr(view, "focus_search"):
            view.focus_search()

    def new_task(self) -> None:
        view = self.show_page("tasks")
        if hasattr(view, "new_task"):
            view.new_task()

    def refresh_all(self) -> None:
        self.ctx.indicator_series.clear()  # F5: someone else may have written to the database
        self.ctx.task_snapshot.clear()
        for widget in self.pages.values():
            if hasattr(widget, "scopes_dirty"):
                widget.scopes_dirty = True  # lists of plans and agencies may have changed too
            if hasattr(widget, "refresh"):
                widget.refresh()
        self._update_status()
        self.statusBar().showMessage(self.tr("Refreshed."), 3000)

    def _dialog_class(self, module: str, name: str, what: str) -> type | None:
        cls = load_class(module, name)
        if cls is None:
            show_info(self, self.tr("%1 is not available in this version.").replace("%1", what))
        return cls

    def import_dialog(self, files: list[Path] | None = None) -> None:
        cls = self._dialog_class("cdsdesk.ui.dialogs.import_dialog", "ImportDialog", self.tr("Import"))
        if cls is None:
            return
        if not files:
            names, _ = QFileDialog.getOpenFileNames(
                self, self.tr("Import files"), self.settings.value("paths/import", ""),
                self.tr("Update forms and data (*.xlsx *.xlsm *.csv *.json *.zip);;All files (*)"),
            )
            if not names:
                return
            files = [Path(n) for n in names]
            self.settings.setValue("paths/import", str(files[0].parent))
        dlg = cls(self.ctx, list(files), self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.open()

    def export_dialog(self) -> None:
        cls = self._dialog_class("cdsdesk.ui.dialogs.export_dialog", "ExportDialog", self.tr("Export"))
        if cls is None:
            return
        dlg = cls(self.ctx, self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.open()

    def forms_dialog(self) -> None:
        cls = self._dialog_class("cdsdesk.ui.dialogs.forms_dialog", "FormsDialog", self.tr("Update forms"))
        if cls is None:
            return
        dlg = cls(self.ctx, self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.open()

    def backup_now(self) -> None:
        db = self.ctx.db
        if db.path is None:
            show_info(self, self.tr("Back up a server database with the server's own tools."))
            return
        from ..store.backup import backup_sqlite, backups_dir, stamped_name

        default = backups_dir(db.path) / stamped_name(db.path, "manual")
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Back up the database"), str(default),
                                              self.tr("cdsdesk database (*.db)"))
        if not name:
            return
        from .jobs import run_job

        target = Path(name)
        try:
            run_job(self, lambda progress, cancelled: backup_sqlite(db.path, target),
                    title=self.tr("Backing up"), label=self.tr("Copying the database…"), cancellable=False)
        except Exception as exc:  # noqa: BLE001 - shown to the user, logged
            log.exception("backup failed")
            show_error(self, exc if isinstance(exc, UserError) else
                       self.tr("The backup could not be written: %1").replace("%1", str(exc)))
            return
        self.statusBar().showMessage(self.tr("Backup written to %1").replace("%1", str(target)), 8000)

    # --- databases ----------------------------------------------------------------------------
    def open_database_dialog(self) -> None:
        start = str(self.ctx.db.path.parent) if self.ctx.db.path else ""
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Open a database"), start,
                                              self.tr("cdsdesk database (*.db *.sqlite);;All files (*)"))
        if name:
            self.open_database(Path(name), create=False)

    def new_database_dialog(self) -> None:
        start = str(self.ctx.db.path.parent) if self.ctx.db.path else ""
        name, _ = QFileDialog.getSaveFileName(self, self.tr("New database"), start,
                                              self.tr("cdsdesk database (*.db)"))
        if name:
            path = Path(name)
            if path.suffix == "":
                path = path.with_suffix(".db")
            self.open_database(path, create=True)

    def open_database(self, path: Path, *, create: bool = False) -> bool:
        """Switch to another database; the current one stays open if this one fails."""
        from .dbopen import open_database_job

        try:
            db = open_database_job(self, path, create=create)
        except UserError as exc:
            show_error(self, exc)
            return False
        self.ctx.set_database(db)
        self.add_recent(db.display_name())
        self.settings.setValue("database/last", db.display_name())
        for notice in db.notices:
            self.statusBar().showMessage(notice, 10000)
        return True

    def recent_databases(self) -> list[str]:
        value = self.settings.value("database/recent", [])
        if isinstance(value, str):
            value = [value]
        return [v for v in (value or []) if v]

    def add_recent(self, name: str) -> None:
        items = [name] + [r for r in self.recent_databases() if r != name]
        self.settings.setValue("database/recent", items[:MAX_RECENT])

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        items = self.recent_databases()
        if not items:
            act = self.recent_menu.addAction(self.tr("(none)"))
            act.setEnabled(False)
        for name in items:
            act = self.recent_menu.addAction(name)
            act.triggered.connect(lambda _=False, n=name: self.open_database(Path(n), create=False))

    # --- language -----------------------------------------------------------------------------
    def _language_picked(self, act: QAction) -> None:
        code = act.data()
        if code != self.ctx.lang:
            self.settings.setValue("ui/language", code)
            self.language_change_requested.emit(code)

    # --- help ---------------------------------------------------------------------------------
    def shortcut_rows(self) -> list[tuple[str, str]]:
        rows = []
        for act in (self.act_find, self.act_new_task, self.act_undo, self.act_redo, self.act_refresh,
                    self.act_open, self.act_import, self.act_export, self.act_shortcuts, self.act_quit,
                    *self.page_actions.values()):
            keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in act.shortcuts())
            rows.append((act.text().replace("&", ""), keys))
        tasks_rows = [
            (self.tr("Update the status of the selected tasks"), "Ctrl+U"),
            (self.tr("Duplicate the selected task"), "Ctrl+D"),
            (self.tr("Delete the selected tasks"), "Del"),
            (self.tr("Save the task being edited"), "Ctrl+S"),
            (self.tr("Edit the cell"), "F2"),
        ]
        return rows + tasks_rows

    def show_shortcuts(self) -> None:
        dlg = QDialog(self)
        dlg.setObjectName("shortcutsDialog")
        dlg.setWindowTitle(self.tr("Keyboard shortcuts"))
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        lay = QVBoxLayout(dlg)
        rows = self.shortcut_rows()
        # A read-only two-column list of fixed text: a table widget is the right tool here.
        table = QTableWidget(len(rows), 2, dlg)
        table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        from PySide6.QtWidgets import QTableWidgetItem

        for r, (name, keys) in enumerate(rows):
            table.setItem(r, 0, QTableWidgetItem(name))
            table.setItem(r, 1, QTableWidgetItem(keys))
        table.resizeColumnsToContents()
        table.horizontalHeader().setStretchLastSection(True)
        lay.addWidget(table)
        buttons = QDialogButtonBox(dlg)
        buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(dlg.reject)
        lay.addWidget(buttons)
        dlg.resize(520, 560)
        dlg.open()

    def show_about(self) -> None:
        text = self.tr(
            "<h3>cdsdesk %1</h3><p>Tracking the tasks and indicators of the provincial steering "
            "committee for digital transformation: status history, targets, charts, the review "
            "report and the update forms of the agencies — offline.</p><p>Database: %2</p>"
        ).replace("%1", __version__).replace("%2", self.ctx.db.display_name())
        show_info(self, text, title=self.tr("About cdsdesk"))

    # --- status bar and title -----------------------------------------------------------------
    def _update_status(self) -> None:
        p = self.ctx.period
        self.period_label.setText(
            self.tr("Period: %1 · as of %2").replace("%1", p.label(self.ctx.lang)).replace("%2", format_date(self.ctx.as_of))
        )
        db = self.ctx.db
        self.db_label.setText(self.tr("Database: %1").replace("%1", db.path.name if db.path else db.display_name()))
        self.db_label.setToolTip(db.display_name())
        self._update_title()

    def _update_title(self) -> None:
        db = self.ctx.db
        name = db.path.name if db.path else db.display_name()
        page = self.titles.get(self.current_page_key(), "")
        self.setWindowTitle(f"{page} — {name} — cdsdesk")

    # --- drag and drop ------------------------------------------------------------------------
    @staticmethod
    def _dropped_files(event) -> list[Path]:  # noqa: ANN001
        md = event.mimeData()
        if not md.hasUrls():
            return []
        return [Path(u.toLocalFile()) for u in md.urls() if u.isLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        files = self._dropped_files(event)
        if files and any(f.suffix.lower() in IMPORT_SUFFIXES | {".db"} for f in files):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        files = self._dropped_files(event)
        if not files:
            event.ignore()
            return
        event.acceptProposedAction()
        self.handle_dropped_files(files)

    def handle_dropped_files(self, files: list[Path]) -> None:
        """A database file opens; anything else goes to the import."""
        dbs = [f for f in files if f.suffix.lower() in (".db", ".sqlite")]
        if dbs and len(files) == 1:
            self.open_database(dbs[0], create=False)
            return
        others = [f for f in files if f not in dbs]
        unknown = [f.name for f in others if f.suffix.lower() not in IMPORT_SUFFIXES]
        if unknown:
            show_error(self, self.tr("These files cannot be imported: %1. Drop Excel forms (.xlsx), "
                                     "CSV or data packages.").replace("%1", ", ".join(unknown)))
            return
        self.import_dialog(others)

    # --- layout kept between sessions ---------------------------------------------------------
    def _restore_layout(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1360, 860)
        state = self.settings.value("window/state")
        if state is not None:
            self.restoreState(state)
        key = self.settings.value("window/page", "dashboard")
        keys = [p.key for p in PAGES]
        page = self.show_page(key if key in keys else "dashboard")
        # The page the window opens with paints its quick figures first and reads the rest after.
        if hasattr(page, "defer_first_load"):
            page.defer_first_load = True

    def save_layout(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("window/page", self.current_page_key())
        for widget in self.pages.values():
            if hasattr(widget, "save_state"):
                widget.save_state(self.settings)
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        tasks = self.pages.get("tasks")
        detail = getattr(tasks, "detail", None)
        if detail is not None and detail.is_dirty():
            detail.save()
        self.save_layout()
        super().closeEvent(event)
