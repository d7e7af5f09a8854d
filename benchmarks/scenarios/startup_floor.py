"""Floor for start-up: a bare PySide6 window showing one query's answer through a SQLAlchemy
engine on the same database, until its first paint."""

import time

import _common

a = _common.args()
from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402

app = QApplication([])
eng = create_engine("sqlite:///" + a.db)
with eng.connect() as c:
    n = c.execute(text("SELECT count(*) FROM tasks WHERE deleted_at IS NULL")).scalar()
win = QMainWindow()
win.setCentralWidget(QLabel(f"{n} tasks"))
painted: dict = {}


class Watch(QObject):
    def eventFilter(self, obj, ev):  # noqa: ANN001, N802
        if ev.type() == QEvent.Type.Paint and "t" not in painted:
            painted["t"] = time.time()
            QTimer.singleShot(0, app.quit)
        return False


w = Watch()
win.installEventFilter(w)
win.resize(1280, 800)
win.show()
app.exec()
_common.emit({"first_paint_s": painted["t"] - a.spawned_at, "tasks": n})
