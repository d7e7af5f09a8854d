"""Integrity checks that never write to the file they check.

A file is opened read-only (``mode=ro``) and checked with ``quick_check`` (on every open) or the
full ``integrity_check`` (``cdsdesk check``, backups), then ``foreign_key_check``. When a crash
left a hot rollback journal or a WAL that needs recovery, a read-only connection cannot read the
file; the check then runs on a private copy of the file and its journal, so the original is
still not touched until it is known to be sound.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

SQLITE_MAGIC = b"SQLite format 3\x00"
_SIDECARS = ("-journal", "-wal")
_NEEDS_WRITE = ("SQLITE_READONLY_ROLLBACK", "SQLITE_READONLY_RECOVERY", "SQLITE_READONLY_CANTINIT",
                "SQLITE_READONLY_CANTLOCK", "SQLITE_READONLY_DIRECTORY", "SQLITE_CANTOPEN")


@dataclass
class IntegrityReport:
    path: Path
    full: bool
    problems: list[str] = field(default_factory=list)
    foreign_key_violations: list[tuple] = field(default_factory=list)
    revision: str | None = None
    tables: int = 0
    checked_copy: bool = False  # a hot journal made us check a private copy

    @property
    def ok(self) -> bool:
        return not self.problems and not self.foreign_key_violations

    def summary(self) -> str:
        if self.ok:
            return "ok"
        lines = list(self.problems[:10])
        for row in self.foreign_key_violations[:10]:
            table, rowid, parent, _fk = (tuple(row) + (None,) * 4)[:4]
            lines.append(f"foreign key: {table} row {rowid} refers to a missing {parent}")
        more = len(self.problems) + len(self.foreign_key_violations) - len(lines)
        if more > 0:
            lines.append(f"… {more} more")
        return "\n".join(lines)


def ro_uri(path: Path) -> str:
    return "file:" + quote(path.as_posix()) + "?mode=ro"


def _run_checks(conn: sqlite3.Connection, report: IntegrityReport) -> None:
    pragma = "integrity_check" if report.full else "quick_check"
    rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}").fetchall()]
    if rows != ["ok"]:
        report.problems.extend(str(r) for r in rows)
        return
    report.foreign_key_violations = [tuple(r) for r in conn.execute("PRAGMA foreign_key_check").fetchmany(1000)]
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    report.tables = len(names)
    if "alembic_version" in names:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        report.revision = row[0] if row else None


def _check_connection(target: Path, report: IntegrityReport, *, read_only: bool, timeout: float) -> None:
    if read_only:
        conn = sqlite3.connect(ro_uri(target), uri=True, timeout=timeout)
    else:
        conn = sqlite3.connect(target, timeout=timeout)
    try:
        _run_checks(conn, report)
    finally:
        conn.close()


def check_file(path: Path, *, full: bool = False, timeout: float | None = None) -> IntegrityReport:
    """Check ``path`` without writing to it; returns what was found. Waits up to the busy
    timeout for another copy of the app that is writing."""
    if timeout is None:
        from .engine import busy_timeout_ms

        timeout = busy_timeout_ms() / 1000
    path = Path(path)
    report = IntegrityReport(path=path, full=full)
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        report.problems.append(f"cannot read the file: {exc.strerror or exc}")
        return report
    if size == 0:
        return report  # a brand-new, empty database
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        report.problems.append("not an SQLite database (bad header)")
        return report
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        report.problems.append(f"bad page size in the header: {page_size}")
        return report
    # The in-header page count is trusted only when its "valid-for" counter matches (SQLite's rule).
    valid = header[92:96] == header[24:28]
    in_header_pages = int.from_bytes(header[28:32], "big") if valid else 0
    has_wal = Path(str(path) + "-wal").exists()
    if not has_wal and size % page_size:
        report.problems.append(f"file size {size} is not a whole number of {page_size}-byte pages (truncated?)")
        return report
    if not has_wal and in_header_pages and size < in_header_pages * page_size:
        report.problems.append(
            f"file is shorter than the header says: {size} bytes, {in_header_pages} pages of {page_size} (truncated?)"
        )
        return report
    try:
        _check_connection(path, report, read_only=True, timeout=timeout)
        return report
    except sqlite3.Error as exc:
        name = getattr(exc, "sqlite_errorname", "")
        if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in str(exc):
            from .errors import translate_sqlite_error

            raise translate_sqlite_error(exc, path) from exc  # held by another copy: not damage
        if name not in _NEEDS_WRITE:
            report.problems.append(f"{exc}")
            return report
    # A hot journal or a WAL needing recovery: check a private copy, recovered there.
    report.checked_copy = True
    with tempfile.TemporaryDirectory(prefix="cdsdesk-check-") as tmp:
        copy = Path(tmp) / "check.db"
        shutil.copyfile(path, copy)
        for suffix in _SIDECARS:
            side = Path(str(path) + suffix)
            if side.exists():
                shutil.copyfile(side, Path(str(copy) + suffix))
        try:
            _check_connection(copy, report, read_only=False, timeout=timeout)
        except sqlite3.Error as exc:
            report.problems.append(f"{exc}")
    return report
