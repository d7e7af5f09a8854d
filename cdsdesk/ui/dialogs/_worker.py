"""Run a plain function off the GUI thread and get its result (or error) back on the GUI thread.

The function runs on a plain Python thread and touches no Qt object. Its result travels back
through a small QObject that belongs to nobody but this module until the result is delivered, so
neither the owner's destruction (a closed view, a test's teardown) nor the garbage collector can
delete it while a thread may still emit on it; a result for an owner that is gone is dropped.
"""

from __future__ import annotations

import threading
from typing import Any, Callable

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal


class _Signals(QObject):
    finished = Signal(object)
    failed = Signal(object)


#: Relays whose result is not delivered yet (by a key of their own), and the threads still running.
_live: dict[int, _Signals] = {}
_threads: set[threading.Thread] = set()
_lock = threading.Lock()


def run_in_background(owner: QObject, fn: Callable[[], Any], on_done: Callable[[Any], None],
                      on_error: Callable[[BaseException], None]) -> _Signals:
    """Start ``fn`` on a worker thread; ``on_done``/``on_error`` run on the GUI thread, and only
    while ``owner`` still exists."""
    signals = _Signals()
    key = id(signals)
    _live[key] = signals

    def deliver(callback: Callable[[Any], None]) -> Callable[[Any], None]:
        def slot(value: Any) -> None:
            relay = _live.pop(key, None)
            if relay is not None:
                relay.deleteLater()  # deleted by the GUI thread's event loop, never by a worker or the GC
            if shiboken6.isValid(owner):
                callback(value)
        return slot

    signals.finished.connect(deliver(on_done), Qt.ConnectionType.QueuedConnection)
    signals.failed.connect(deliver(on_error), Qt.ConnectionType.QueuedConnection)

    def work() -> None:
        try:
            result = fn()
        except BaseException as exc:  # handed to the GUI thread, shown there
            signals.failed.emit(exc)
        else:
            signals.finished.emit(result)
        finally:
            with _lock:
                _threads.discard(threading.current_thread())

    thread = threading.Thread(target=work, name="background read", daemon=True)
    with _lock:
        _threads.add(thread)
    thread.start()
    return signals


def wait_for_background(timeout: float | None = None) -> None:
    """Wait for the work still running (before the window and its database go away)."""
    with _lock:
        running = list(_threads)
    for thread in running:
        thread.join(timeout)
