"""The real task register (``TasksView`` over the app's model) on 50,000 tasks: a search word typed
letter by letter into its search field, and a sort by every column through the table header.

A keystroke's time is the key event itself plus the filter it triggers and the repaint that
follows; the 120 ms pause the view waits for more typing (its debounce) is not counted, since it
is not work: the timer is fired at once instead."""

import time

import _common

a = _common.args()
app = _common.qt_app()
from PySide6.QtCore import QEvent, Qt  # noqa: E402
from PySide6.QtGui import QKeyEvent  # noqa: E402

from cdsdesk.ui.context import AppContext  # noqa: E402
from cdsdesk.ui.views.tasks import TasksView  # noqa: E402

db = _common.engine(a.db)
ctx = AppContext(db)
view = TasksView(ctx)
view.resize(1280, 800)
t0 = time.perf_counter()
view.show()
view.refresh()
_common.settle(app)
load_s = time.perf_counter() - t0
model, field, table = view.model, view.filters.search, view.table
total = model.rowCount()

WORDS = ["camera", "nen tang so", "VNeID", "hồ sơ sức khỏe", "xa kim"]
keystrokes: list[float] = []
shown: dict[str, int] = {}
for _ in range(max(1, a.repeat // 5)):
    for word in WORDS:
        field.setFocus()
        for ch in word:
            t = time.perf_counter()
            # A key event carrying the letter, as a keyboard or an input method delivers it
            # (QTest.keyClicks knows ASCII only).
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                app.sendEvent(field, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))
            view.filters._debounce.stop()
            view.filters.changed.emit()
            table.viewport().repaint()
            app.processEvents()
            keystrokes.append(time.perf_counter() - t)
        shown[word] = model.rowCount()
        field.clear()
        view.filters._debounce.stop()
        view.filters.changed.emit()
        app.processEvents()

header = table.horizontalHeader()
sorts: dict[str, list[float]] = {}
for _ in range(a.repeat):
    for col in range(model.columnCount()):
        name = str(model.headerData(col, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole))
        for order in (Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder):
            t = time.perf_counter()
            table.sortByColumn(col, order)
            table.viewport().repaint()
            app.processEvents()
            sorts.setdefault(f"{col}:{name}:{order.name[:3].lower()}", []).append(time.perf_counter() - t)

_common.emit({"rows": total, "load_s": load_s, "keystrokes_s": keystrokes, "matches": shown,
              "sorts_s": sorts, "sortable": table.isSortingEnabled()})
