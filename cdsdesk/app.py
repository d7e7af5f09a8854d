"""Composition root: QApplication, settings, database, main window."""

from __future__ import annotations

import sys


def run_gui(db_arg: str | None = None, *, demo_if_empty: bool = False, argv: list[str] | None = None) -> int:
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    from .store.session import open_database

    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    db = open_database(db_arg)
    if demo_if_empty:
        from .services.demo import load_demo
        from .store.models import Task
        from sqlalchemy import select

        with db.session() as s:
            empty = s.scalar(select(Task.id).limit(1)) is None
        if empty:
            load_demo(db)
    win = QMainWindow()
    win.setWindowTitle(f"cdsdesk — {db.display_name()}")
    win.setCentralWidget(QLabel("cdsdesk"))
    win.resize(1200, 800)
    win.show()
    return app.exec()
