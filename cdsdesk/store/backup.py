"""Copies of a database taken with SQLite's online backup API (consistent even while in use)."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path


def backups_dir(db_path: Path) -> Path:
    """Backups live beside the database in ``<name>.backups/``."""
    return db_path.with_name(db_path.name + ".backups")


def backup_sqlite(src: Path, dest: Path) -> Path:
    """Copy ``src`` to ``dest`` with the backup API, through a temporary file renamed into place,
    after an ``integrity_check`` of the copy. Returns ``dest``."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".part")
    if tmp.exists():
        tmp.unlink()
    source = sqlite3.connect(f"file:{src.as_posix()}?mode=ro", uri=True)
    try:
        target = sqlite3.connect(tmp)
        try:
            source.backup(target)
            ok = target.execute("PRAGMA integrity_check").fetchone()[0]
            target.execute("PRAGMA journal_mode=DELETE")
        finally:
            target.close()
    finally:
        source.close()
    if ok != "ok":
        tmp.unlink(missing_ok=True)
        raise RuntimeError(f"backup copy failed integrity_check: {ok}")
    os.replace(tmp, dest)
    return dest


def stamped_name(db_path: Path, reason: str) -> str:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    return f"{db_path.stem}-{reason}-{stamp}.db"
