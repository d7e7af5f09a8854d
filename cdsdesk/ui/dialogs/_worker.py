"""Run a plain function off the GUI thread and get its result (or error) back as a signal."""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Signals(QObject):
    finished = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self.fn, self.signals = fn, signals

    def run(self) -> None:  # worker thread: no widgets touched here
        try:
            result = self.fn()
        except BaseException as exc:  # handed to the GUI thread, shown there
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)


def run_in_background(owner: QObject, fn: Callable[[], Any], on_done: Callable[[Any], None],
                      on_error: Callable[[BaseException], None]) -> _Signals:
    """Start ``fn`` on the global thread pool; the callbacks run on the GUI thread."""
    signals = _Signals(owner)
    signals.finished.connect(on_done)
    signals.failed.connect(on_error)
    QThreadPool.globalInstance().start(_Job(fn, signals))
    return signals
