"""What every scenario shares: arguments, a JSON line on stdout, timing helpers.

A scenario is a whole process started by ``benchmarks/run.py``; it prints one JSON object as its
last line of output. ``--spawned-at`` is the wall-clock time (``time.time()``) at which run.py
started the process, so start-up figures include the interpreter and every import.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from pathlib import Path
from typing import Any, Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def args(extra: Callable[[argparse.ArgumentParser], None] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser()
    p.add_argument("--db", required=True)
    p.add_argument("--spawned-at", type=float, default=None)
    p.add_argument("--repeat", type=int, default=5)
    if extra is not None:
        extra(p)
    return p.parse_args()


def peak_rss_mb() -> float:
    """The process's own peak resident memory. On Linux this is ``VmHWM`` of /proc/self/status:
    ``ru_maxrss`` also carries the peak of the image the process was forked from (execve keeps
    it), so a scenario started by a run.py that had just generated the database in memory would
    report run.py's peak instead of its own."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def emit(result: dict[str, Any]) -> None:
    result.setdefault("maxrss_mb", peak_rss_mb())
    sys.stdout.write("\n" + json.dumps(result, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


def engine(path: str):  # noqa: ANN201
    """The app's engine on the file (pragmas as the app sets them), without the open-time checks:
    scenarios other than start-up measure their own work, not opening."""
    from cdsdesk.store.engine import make_engine, resolve_db_url

    return make_engine(resolve_db_url(path))


def qt_app():  # noqa: ANN201
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication(sys.argv[:1])


def settle(app, rounds: int = 3) -> None:  # noqa: ANN001
    """Let queued work (timers at 0 ms, layout, paint) run."""
    for _ in range(rounds):
        app.processEvents()
