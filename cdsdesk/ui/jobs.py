"""Long work off the GUI thread.

The work is a plain function ``fn(progress, cancelled) -> result`` that knows nothing of Qt:
``progress(done, total, text)`` reports, ``cancelled()`` says whether the user pressed Cancel (the
function then stops at its next check, or raises ``JobCancelled``). ``run_job`` runs it on a worker
thread, keeps the window painting, shows a progress dialog only when the work takes longer than
about half a second, and returns the result or re-raises the function's exception in the GUI thread.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any, Callable

from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from ..domain.errors import UserError

ProgressFn = Callable[[int, int, str], None]
CancelledFn = Callable[[], bool]
JobFn = Callable[[ProgressFn, CancelledFn], Any]

#: Work that ends sooner than this shows no dialog at all.
SHOW_AFTER_MS = 500


class JobCancelled(UserError):
    def __init__(self) -> None:
        super().__init__("Đã huỷ thao tác.", "The operation was cancelled.")


@dataclass
class JobState:
    """What the worker shares with the GUI thread (only plain data crosses the thread line)."""

    cancel: threading.Event = field(default_factory=threading.Event)
    done: int = 0
    total: int = 0
    text: str = ""
    result: Any = None
    error: BaseException | None = None


class _Relay(QObject):
    finished = Signal()


def run_job(
    parent: QWidget | None,
    fn: JobFn,
    *,
    title: str,
    label: str = "",
    cancellable: bool = True,
    show_after_ms: int = SHOW_AFTER_MS,
) -> Any:
    """Run ``fn`` off the GUI thread and wait for it while the event loop keeps running."""
    state = JobState()
    relay = _Relay()
    loop = QEventLoop()
    relay.finished.connect(loop.quit, Qt.ConnectionType.QueuedConnection)

    def progress(done: int, total: int, text: str = "") -> None:
        state.done, state.total, state.text = done, total, text

    def worker() -> None:
        try:
            state.result = fn(progress, state.cancel.is_set)
        except BaseException as exc:  # re-raised in the GUI thread
            state.error = exc
        relay.finished.emit()

    dialog: QProgressDialog | None = None

    def show_dialog() -> None:
        nonlocal dialog
        dialog = QProgressDialog(label or title, "", 0, 0, parent)
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if cancellable:
            dialog.setCancelButtonText(dialog.tr("Cancel"))
            dialog.canceled.connect(state.cancel.set)
        else:
            dialog.setCancelButton(None)
        dialog.show()
        poll.start()

    def update_dialog() -> None:
        if dialog is None:
            return
        if dialog.wasCanceled():
            state.cancel.set()
        if state.total > 0:
            dialog.setMaximum(state.total)
            dialog.setValue(min(state.done, state.total))
        if state.text:
            dialog.setLabelText(state.text)

    show_timer = QTimer()
    show_timer.setSingleShot(True)
    show_timer.timeout.connect(show_dialog)
    poll = QTimer()
    poll.setInterval(100)
    poll.timeout.connect(update_dialog)

    thread = threading.Thread(target=worker, name=f"job: {title}", daemon=True)
    show_timer.start(show_after_ms)
    thread.start()
    loop.exec()
    thread.join()
    show_timer.stop()
    poll.stop()
    if dialog is not None:
        dialog.close()
        dialog.deleteLater()
    relay.deleteLater()
    if state.error is not None:
        raise state.error
    if state.cancel.is_set() and state.result is None:
        raise JobCancelled()
    return state.result
