"""Shared helpers for commands: opening the database, JSON and table output."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any, Iterable, Sequence

from ..domain.errors import UsageError
from ..store.engine import Database


def open_db(args, *, create: bool = False) -> Database:  # noqa: ANN001
    """The database named by ``--db`` / ``CDSDESK_DB`` / the default, upgraded to the current schema.

    Commands that only read refuse a file that does not exist instead of creating an empty one."""
    from ..store.session import open_database

    return open_database(args.db, create=create)


def parse_day(text: str | None, name: str = "--as-of") -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"{name}: '{text}' không phải ngày dạng YYYY-MM-DD",
                         f"{name}: '{text}' is not a date in YYYY-MM-DD form") from None


def _default(o: Any) -> Any:
    if isinstance(o, (dt.date, dt.datetime)):
        return o.isoformat()
    if isinstance(o, Path):
        return str(o)
    if isinstance(o, set):
        return sorted(o)
    raise TypeError(type(o).__name__)


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=_default)
    sys.stdout.write("\n")


def print_table(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    rows = [["" if c is None else str(c) for c in r] for r in rows]
    widths = [len(h) for h in headers]
    for r in rows:
        widths = [max(w, len(c)) for w, c in zip(widths, r)]
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths))
    print(line)
    print("  ".join("-" * w for w in widths))
    for r in rows:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths)))


def write_crash_log(text: str) -> Path | None:
    try:
        from platformdirs import user_log_dir

        folder = Path(user_log_dir("cdsdesk", appauthor=False))
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "crash.log"
        with path.open("a", encoding="utf-8") as f:
            f.write(f"--- {dt.datetime.now().isoformat()}\n{text}\n")
        return path
    except OSError:
        return None
