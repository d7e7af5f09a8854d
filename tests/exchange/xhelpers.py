"""Helpers shared by the exchange tests: import a file the way the CLI does, count what a database holds."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import func, select

from cdsdesk.exchange.importer import ImportOptions, import_files
from cdsdesk.store.models import Agency, IndicatorValue, StatusUpdate, Task

TODAY = dt.date(2024, 7, 10)


def run_import(db, path: Path | str, **options):
    """One file through the whole pipeline; returns its FilePlan."""
    options.setdefault("today", TODAY)
    return import_files(db, [Path(path)], ImportOptions(**options)).files[0]


def counts(db) -> dict[str, object]:
    """What the user would compare between two databases: tasks by status, values, history."""
    with db.session() as s:
        tasks = s.execute(select(Task.status, func.count()).where(Task.deleted_at.is_(None))
                          .group_by(Task.status)).all()
        return {
            "tasks": sum(n for _, n in tasks),
            "by_status": dict(sorted(tasks)),
            "values": s.scalar(select(func.count()).select_from(IndicatorValue)),
            "value_sum": round(s.scalar(select(func.coalesce(func.sum(IndicatorValue.value), 0))), 6),
            "history": s.scalar(select(func.count()).select_from(StatusUpdate)
                                .where(StatusUpdate.retracted_at.is_(None))),
            "agencies": s.scalar(select(func.count()).select_from(Agency)),
        }


def snapshot(db) -> list[tuple]:
    """Every row of every table, to prove a rejected file changed nothing."""
    from cdsdesk.store.models import Base

    out = []
    with db.session() as s:
        for table in Base.metadata.sorted_tables:
            out.append((table.name, sorted(map(tuple, s.execute(table.select()).all()), key=repr)))
    return out
