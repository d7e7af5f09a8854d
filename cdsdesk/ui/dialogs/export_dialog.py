"""Export the committee's review report: period, as-of date, plan, agency, format and file; a
preview of the summary as it will be printed; the letterhead settings (kept in the database);
a progress dialog that can cancel; and "Open the file" when done.

The work runs in three steps so that Qt widgets are only touched on the GUI thread: the report
is built on a worker thread, its charts are drawn here, and the file is written on a worker
thread again. Worker code is the plain ``reports`` functions with ``progress``/``cancel``."""

from __future__ import annotations

import datetime as dt
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import shiboken6
from PySide6.QtCore import QDate, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from ...domain.errors import UserError
from ...domain.numbers import format_date
from ...domain.periods import DateWindow, Period, parse_window
from ...reports.build import build_report
from ...reports.charts import render_charts
from ...reports.export import RENDERERS, render
from ...reports.jobs import Cancelled
from ...reports.model import Report, ReportSettings
from ...reports.settings import load_settings, save_settings
from ...store.models import Agency, Plan, Task
from ..context import AppContext

#: (format key, label) in the order the combo box lists them.
FORMAT_LABELS = [
    ("docx", "Word (.docx)"),
    ("pdf", "PDF (.pdf)"),
    ("xlsx", "Excel (.xlsx)"),
    ("csv", "CSV (.csv)"),
]
#: Letterhead fields the dialog edits, in order (labels in ExportDialog._setting_labels).
SETTING_FIELDS = ["province", "parent_body", "issuing_body", "number", "signer_authority", "signer_title",
                  "signer_name", "template_path"]


@dataclass(eq=False)
class _State:
    """What a worker shares with the GUI thread: plain data only."""

    cancel: threading.Event = field(default_factory=threading.Event)
    fraction: float = 0.0
    text: str = ""
    result: Any = None
    error: BaseException | None = None


class _Relay(QObject):
    finished = Signal()


def _start(fn: Callable[[_State], Any], on_done: Callable[[_State], None]) -> _State:
    """Run ``fn(state)`` on a worker thread; call ``on_done(state)`` back on the GUI thread."""
    state = _State()
    relay = _Relay()
    relay.finished.connect(lambda: on_done(state), Qt.ConnectionType.QueuedConnection)
    state._relay = relay  # type: ignore[attr-defined] - kept alive while the thread runs

    def worker() -> None:
        try:
            state.result = fn(state)
        except BaseException as exc:  # noqa: BLE001 - re-raised in the GUI thread
            state.error = exc
        relay.finished.emit()

    threading.Thread(target=worker, name="export", daemon=True).start()
    return state


class ExportDialog(QDialog):
    """The export dialog. ``open_url`` is how a finished file is opened (tests replace it)."""

    exported = Signal(str)
    preview_ready = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.open_url: Callable[[QUrl], Any] = QDesktopServices.openUrl
        self.last_path: Path | None = None
        self._state: _State | None = None
        self._progress: QProgressDialog | None = None
        self._report: Report | None = None
        self._tmp: tempfile.TemporaryDirectory | None = None
        self._preview_generation = 0
        self._preview_jobs: set[_State] = set()
        self.setWindowTitle(self.tr("Export the review report"))
        self.resize(760, 620)

        tabs = QTabWidget(self)
        tabs.addTab(self._options_tab(), self.tr("Report"))
        tabs.addTab(self._settings_tab(), self.tr("Letterhead and signature"))

        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_button = self.buttons.addButton(self.tr("Open the file"), QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.setEnabled(False)
        self.close_button = self.buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        self.export_button.clicked.connect(self.start_export)
        self.open_button.clicked.connect(self.open_file)
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(250)
        self._preview_timer.timeout.connect(self.refresh_preview)
        self._fill_choices()
        self._suggest_path()
        for w in (self.period_edit, self.plan_combo, self.agency_combo):
            signal = w.textChanged if isinstance(w, QLineEdit) else w.currentIndexChanged
            signal.connect(self._options_changed)
        self.as_of_edit.dateChanged.connect(self._options_changed)
        self.format_combo.currentIndexChanged.connect(self._format_changed)
        self.refresh_preview()

    # --- layout -----------------------------------------------------------------------------
    def _options_tab(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout()
        self.period_edit = QLineEdit(self.ctx.period.code, page)
        self.period_edit.setPlaceholderText("2024Q2, 2024S1, 2024, 2024-9M")
        self.period_edit.setToolTip(self.tr("A period code (2024Q1, 2024S1, 2024) or 9 months (2024-9M)"))
        self.as_of_edit = QDateEdit(page)
        self.as_of_edit.setCalendarPopup(True)
        self.as_of_edit.setDisplayFormat("dd/MM/yyyy")
        self.as_of_edit.setDate(QDate(self.ctx.as_of.year, self.ctx.as_of.month, self.ctx.as_of.day))
        self.plan_combo = QComboBox(page)
        self.agency_combo = QComboBox(page)
        self.format_combo = QComboBox(page)
        for key, label in FORMAT_LABELS:
            if key in RENDERERS:
                self.format_combo.addItem(label, key)
        self.path_edit = QLineEdit(page)
        browse = QPushButton(self.tr("Choose…"), page)
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)
        form.addRow(self.tr("Period"), self.period_edit)
        form.addRow(self.tr("Figures as of"), self.as_of_edit)
        form.addRow(self.tr("Plan"), self.plan_combo)
        form.addRow(self.tr("Lead agency"), self.agency_combo)
        form.addRow(self.tr("Format"), self.format_combo)
        form.addRow(self.tr("File"), path_row)
        self.preview = QPlainTextEdit(page)
        self.preview.setReadOnly(True)
        box = QVBoxLayout(page)
        box.addLayout(form)
        box.addWidget(QLabel(self.tr("Preview of the summary"), page))
        box.addWidget(self.preview, 1)
        return page

    def _settings_tab(self) -> QWidget:
        page = QWidget(self)
        with self.ctx.db.session() as s:
            settings = load_settings(s)
        form = QFormLayout()
        self.setting_edits: dict[str, QLineEdit] = {}
        labels = self._setting_labels()
        for name in SETTING_FIELDS:
            label = labels[name]
            edit = QLineEdit(getattr(settings, name), page)
            self.setting_edits[name] = edit
            if name == "template_path":
                row = QHBoxLayout()
                row.addWidget(edit, 1)
                pick = QPushButton(self.tr("Choose…"), page)
                pick.clicked.connect(self._pick_template)
                row.addWidget(pick)
                form.addRow(label, row)
            else:
                form.addRow(label, edit)
            edit.textChanged.connect(self._options_changed)
        self.recipients_edit = QPlainTextEdit("\n".join(settings.recipients), page)
        self.recipients_edit.setMaximumHeight(130)
        form.addRow(self.tr("Recipients (one per line)"), self.recipients_edit)
        group = QGroupBox(self.tr("Saved with the data and used for every report"), page)
        group.setLayout(form)
        box = QVBoxLayout(page)
        box.addWidget(group)
        box.addStretch(1)
        return page

    def _setting_labels(self) -> dict[str, str]:
        return {
            "province": self.tr("Province"),
            "parent_body": self.tr("Governing body"),
            "issuing_body": self.tr("Issuing body"),
            "number": self.tr("Report number"),
            "signer_authority": self.tr("Signing on behalf of"),
            "signer_title": self.tr("Signer's title"),
            "signer_name": self.tr("Signer"),
            "template_path": self.tr("Letterhead template (.docx)"),
        }

    def _fill_choices(self) -> None:
        with self.ctx.db.session() as s:
            plans = s.execute(select(Plan.code, Plan.name).order_by(Plan.year.desc().nulls_last(), Plan.code)).all()
            lead_ids = select(Task.lead_agency_id).where(Task.deleted_at.is_(None)).distinct()
            agencies = s.execute(select(Agency.code, Agency.name).where(Agency.id.in_(lead_ids))).all()
        from ...domain.text import sort_key

        self.plan_combo.addItem(self.tr("All plans"), None)
        for code, name in plans:
            self.plan_combo.addItem(f"{code} – {name}", code)
        self.agency_combo.addItem(self.tr("All agencies"), None)
        for code, name in sorted(agencies, key=lambda a: sort_key(a[1])):
            self.agency_combo.addItem(name, code)

    # --- options ----------------------------------------------------------------------------
    def window(self) -> DateWindow | Period:
        text = self.period_edit.text().strip()
        try:
            return Period.parse(text)
        except UserError:
            return parse_window(text)

    def as_of(self) -> dt.date:
        d = self.as_of_edit.date()
        return dt.date(d.year(), d.month(), d.day())

    def fmt(self) -> str:
        return self.format_combo.currentData()

    def settings(self) -> ReportSettings:
        values: dict[str, Any] = {name: edit.text().strip() for name, edit in self.setting_edits.items()}
        values["recipients"] = tuple(x.strip() for x in self.recipients_edit.toPlainText().splitlines() if x.strip())
        return ReportSettings(**values)

    def _options_changed(self) -> None:
        self._report = None
        self._preview_timer.start()

    def _format_changed(self) -> None:
        text = self.path_edit.text().strip()
        if text:
            self.path_edit.setText(str(Path(text).with_suffix("." + self.fmt())))
        else:
            self._suggest_path()

    def _suggest_path(self) -> None:
        try:
            label = self.window().code if isinstance(self.window(), Period) else "bao-cao"
        except UserError:
            label = "bao-cao"
        folder = Path.home() / "Documents"
        if not folder.is_dir():
            folder = Path.home()
        self.path_edit.setText(str(folder / f"Báo cáo {label}.{self.fmt()}"))

    def _browse(self) -> None:
        key = self.fmt()
        label = dict(FORMAT_LABELS).get(key, key)
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the report as"), self.path_edit.text(),
                                              f"{label} (*.{key})")
        if path:
            if not path.lower().endswith("." + key):
                path += "." + key
            self.path_edit.setText(path)

    def _pick_template(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Letterhead template"), "", "Word (*.docx)")
        if path:
            self.setting_edits["template_path"].setText(path)

    def refresh_preview(self) -> None:
        """The summary as the report will print it. Built on a worker thread (50,000 tasks take
        seconds); a newer request supersedes an older one still running."""
        try:
            window = self.window()
        except UserError as exc:
            self._preview_generation += 1
            self.preview.setPlainText(exc.message(self.ctx.lang))
            self.export_button.setEnabled(False)
            return
        self._preview_generation += 1
        generation = self._preview_generation
        as_of, plan, agency = self.as_of(), self.plan_combo.currentData(), self.agency_combo.currentData()
        settings, db = self.settings(), self.ctx.db
        self.preview.setPlainText(self.tr("Counting…"))

        def build(state: _State) -> Report:
            with db.session() as s:
                return build_report(s, window=window, as_of=as_of, plan_code=plan, agency_code=agency,
                                    settings=settings)

        def done(state: _State) -> None:
            if not shiboken6.isValid(self):  # the dialog was closed while counting
                return
            self._preview_jobs.discard(state)
            if generation != self._preview_generation:
                return  # the options changed meanwhile
            if state.error is not None:
                msg = state.error.message(self.ctx.lang) if isinstance(state.error, UserError) else str(state.error)
                self.preview.setPlainText(msg)
                self.export_button.setEnabled(False)
                return
            self._report = state.result
            self.export_button.setEnabled(not self.is_busy())
            self.preview.setPlainText(preview_text(state.result))
            self.preview_ready.emit()

        self._preview_jobs.add(_start(build, done))

    # --- export -----------------------------------------------------------------------------
    def start_export(self) -> None:
        path = Path(self.path_edit.text().strip())
        if not self.path_edit.text().strip() or not path.parent.is_dir():
            self.status.setText(self.tr("Choose a file in an existing folder."))
            return
        with self.ctx.db.session() as s:
            save_settings(s, self.settings())
        self.export_button.setEnabled(False)
        self.open_button.setEnabled(False)
        self._progress = QProgressDialog(self.tr("Building the report…"), self.tr("Cancel"), 0, 1000, self)
        self._progress.setWindowTitle(self.tr("Export"))
        self._progress.setWindowModality(Qt.WindowModality.WindowModal)
        self._progress.setMinimumDuration(300)
        self._progress.setAutoClose(False)
        self._progress.setAutoReset(False)
        self._progress.canceled.connect(self._cancel)
        self._poll = QTimer(self)
        self._poll.setInterval(100)
        self._poll.timeout.connect(self._update_progress)
        self._poll.start()
        window, as_of = self.window(), self.as_of()
        plan, agency, settings = self.plan_combo.currentData(), self.agency_combo.currentData(), self.settings()
        db = self.ctx.db

        def build(state: _State) -> Report:
            state.text = "Tổng hợp số liệu"

            def progress(fraction: float, text: str) -> None:
                state.fraction, state.text = 0.3 * fraction, text

            with db.session() as s:
                report = build_report(s, window=window, as_of=as_of, plan_code=plan, agency_code=agency,
                                      settings=settings, progress=progress, cancel=state.cancel.is_set)
            if state.cancel.is_set():
                raise Cancelled()
            return report

        self._state = _start(build, lambda st: self._built(st, path))

    def _cancel(self) -> None:
        if self._state is not None:
            self._state.cancel.set()

    def _update_progress(self) -> None:
        if self._progress is None or self._state is None:
            return
        if self._progress.wasCanceled():  # Escape or cancel() without the canceled signal
            self._cancel()
        self._progress.setValue(int(1000 * self._state.fraction))
        if self._state.text:
            self._progress.setLabelText(self._state.text)

    def _built(self, state: _State, path: Path) -> None:
        if state.error is not None:
            return self._finish(state)
        if self._progress is not None and self._progress.wasCanceled():
            state.cancel.set()
        report: Report = state.result
        self._tmp = tempfile.TemporaryDirectory(prefix="cdsdesk-export-")
        images: dict[str, Path] | None = None
        if self.fmt() in ("docx", "pdf"):
            if self._progress is not None:
                self._progress.setLabelText(self.tr("Drawing the charts…"))
            images = render_charts(report, Path(self._tmp.name))  # Qt: on this thread
        fmt = self.fmt()

        def write(st: _State) -> Path:
            def progress(fraction: float, text: str) -> None:
                st.fraction, st.text = 0.3 + 0.7 * fraction, text

            return render(report, fmt, path, progress=progress, cancel=st.cancel.is_set, images=images)

        cancel_requested = state.cancel.is_set()
        self._state = _start(write, self._finish)
        if cancel_requested:
            self._state.cancel.set()

    def _finish(self, state: _State) -> None:
        self._poll.stop()
        if self._progress is not None:
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None
        self._state = None
        self.export_button.setEnabled(True)
        if isinstance(state.error, Cancelled):
            self.status.setText(self.tr("Export cancelled; no file was written."))
        elif isinstance(state.error, UserError):
            self.status.setText(state.error.message(self.ctx.lang))
        elif state.error is not None:
            self.status.setText(self.tr("The export failed: %1").replace("%1", f"{type(state.error).__name__}: {state.error}"))
        else:
            self.last_path = Path(state.result)
            self.status.setText(self.tr("Exported: %1").replace("%1", str(self.last_path)))
            self.open_button.setEnabled(True)
            self.exported.emit(str(self.last_path))

    def open_file(self) -> None:
        if self.last_path is not None:
            self.open_url(QUrl.fromLocalFile(str(self.last_path)))

    def is_busy(self) -> bool:
        return self._state is not None

    def reject(self) -> None:
        if self._state is not None:  # closing while working cancels the work first
            self._state.cancel.set()
            return
        super().reject()


def preview_text(report: Report) -> str:
    """The report's summary lines, as plain text, for the preview pane."""
    r = report
    lines = [
        f"{r.title}: {r.subject}",
        f"Số liệu tính đến {format_date(r.as_of)}",
        "",
        r.summary_sentence + ".",
        r.rate_sentence(),
        "",
        r.indicator_sentence(),
        r.submission_sentence(),
        "",
        f"Nhiệm vụ quá hạn, vướng mắc: {len(r.attention)}; đến hạn kỳ tới: {len(r.upcoming)}.",
    ]
    return "\n".join(lines)
