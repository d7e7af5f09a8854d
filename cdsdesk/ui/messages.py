"""Clear messages instead of tracebacks: one function to show an error, one global excepthook.

A ``UserError`` is shown as its one-line message in the interface language. Anything else is an
unexpected failure: the traceback goes to the log file, the user sees what happened in a sentence
and where the details were written.
"""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ..domain.errors import UserError

log = logging.getLogger("cdsdesk")
#: Boxes without a parent window are kept alive here until closed.
_open_boxes: list[QMessageBox] = []


def current_lang() -> str:
    app = QCoreApplication.instance()
    lang = app.property("cdsdesk_lang") if app is not None else None
    return lang if lang in ("vi", "en") else "vi"


def error_text(exc: BaseException) -> str:
    if isinstance(exc, UserError):
        return exc.message(current_lang())
    return QCoreApplication.translate("Messages", "Something went wrong: {error}").format(error=str(exc) or type(exc).__name__)


def show_error(parent: QWidget | None, exc: BaseException | str, *, title: str | None = None) -> QMessageBox:
    """Show the error window-modally without blocking (tests and callers carry on)."""
    text = exc if isinstance(exc, str) else error_text(exc)
    box = QMessageBox(QMessageBox.Icon.Warning, title or "cdsdesk", text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("errorMessage")
    _present(box, parent)
    return box


def show_info(parent: QWidget | None, text: str, *, title: str | None = None) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Information, title or "cdsdesk", text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("infoMessage")
    _present(box, parent)
    return box


def _present(box: QMessageBox, parent: QWidget | None) -> None:
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if parent is not None:
        box.open()
        return
    _open_boxes.append(box)
    box.finished.connect(lambda _r: _open_boxes.remove(box) if box in _open_boxes else None)
    box.show()


def log_file() -> Path:
    from platformdirs import user_log_dir

    return Path(user_log_dir("cdsdesk", appauthor=False)) / "cdsdesk.log"


def setup_logging() -> Path:
    path = log_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.FileHandler(path, encoding="utf-8")
    except OSError:
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return path


def install_excepthook() -> None:
    """Every uncaught exception in a slot or event handler becomes a message, never a crash."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        if isinstance(exc, UserError):
            log.info("user error: %s", exc)
            show_error(QApplication.activeWindow(), exc)
            return
        log.error("unexpected error\n%s", "".join(traceback.format_exception(kind, exc, tb)))
        text = QCoreApplication.translate(
            "Messages",
            "An unexpected error occurred: {error}\n\nYour data has not been changed by the failed "
            "operation. The details were written to {log}.",
        ).format(error=str(exc) or kind.__name__, log=log_file())
        show_error(QApplication.activeWindow(), text)

    sys.excepthook = hook
