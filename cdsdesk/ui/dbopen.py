"""Opening (and upgrading) a database off the GUI thread, with a progress dialog when it is slow."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ..store.engine import Database
from .jobs import run_job


def open_database_job(parent: QWidget | None, path: str | Path | None, *, create: bool = True) -> Database:
    """Open, create if asked, and upgrade the database; raises ``UserError`` with the reason."""

    def work(progress, cancelled):  # noqa: ANN001
        from ..store.session import open_database

        progress(0, 0, QCoreApplication.translate("Jobs", "Opening and checking the database…"))
        return open_database(path, create=create)

    db: Database = run_job(
        parent, work, title=QCoreApplication.translate("Jobs", "Opening the database"), cancellable=False
    )
    # Connections made on the worker thread are dropped; the GUI thread opens its own.
    db.engine.dispose()
    return db
