"""Start-up of the real app (``cdsdesk.app.run_gui`` on the database, as ``cdsdesk gui --db``) to
the first paint of the main window showing data; with ``--visit`` it then opens the task list and
the indicators and reports the peak resident memory of the process (its own VmHWM) with the app open.

No hook in the app: the scenario wraps ``MainWindow.show`` from outside to put an event filter on
the window it shows (as the floor puts one on its bare window), and at the window's first paint
asks its current page whether it shows data (the dashboard's counts, a table model's rows).

An application-wide filter would see every event of every object: each one is turned into a
Python object for the filter, which in PySide6 also builds the Python enums of every Qt class it
meets (300 of them, ~0.1 s on the way to the first paint): a cost of the measuring, not of the app."""

import time

import _common

a = _common.args(lambda p: p.add_argument("--visit", action="store_true"))
from cdsdesk.app import run_gui  # noqa: E402  - the app's own import order (store before Qt), as `cdsdesk gui`
from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from cdsdesk.ui.main_window import MainWindow  # noqa: E402

app = QApplication([])
seen: dict = {}


def has_data(win) -> bool:  # noqa: ANN001
    page = win.stack.currentWidget() if hasattr(win, "stack") else None
    if page is None:
        return False
    if getattr(page, "counts", None):
        return True
    model = getattr(page, "model", None)
    return model is not None and hasattr(model, "rowCount") and model.rowCount() > 0


def visit() -> None:
    win = next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
    t0 = time.perf_counter()
    for key in ("tasks", "indicators", "dashboard"):
        win.show_page(key)
        for _ in range(5):
            app.processEvents()
    tasks = win.page("tasks").model.rowCount()
    seen["visit_s"] = time.perf_counter() - t0
    seen["task_rows"] = tasks
    app.quit()


class Watch(QObject):
    def eventFilter(self, obj, ev):  # noqa: ANN001, N802
        if ev.type() == QEvent.Type.Paint and "t" not in seen and has_data(obj):
            seen["t"] = time.time()
            QTimer.singleShot(0, visit if a.visit else app.quit)
        return False


watch = Watch()
_show = MainWindow.show


def show_watched(win) -> None:  # noqa: ANN001
    win.installEventFilter(watch)
    _show(win)


MainWindow.show = show_watched

code = run_gui(a.db)
out = {"exit": code, "first_paint_s": seen["t"] - a.spawned_at if "t" in seen else None}
if a.visit:
    out.update(visit_s=seen.get("visit_s"), task_rows=seen.get("task_rows"))
_common.emit(out)
