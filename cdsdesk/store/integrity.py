"""Integrity checks that never write to the file they check.

A file is opened read-only (``mode=ro``) and checked with ``quick_check`` (on open) or the
full ``integrity_check`` (``cdsdesk check``, backups), then ``foreign_key_check``. When a crash
left a hot rollback journal or a WAL that needs recovery, a read-only connection cannot read the
file; the check then runs on a private copy of the file and its journal, so the original is
still not touched until it is known to be sound.

On open (:func:`check_on_open`) a file up to :data:`ALWAYS_CHECK_BYTES` is quick-checked every
time: that costs a fraction of a second. A larger file (a province's database is ~650 MB, where
``quick_check`` reads every page for ~2 s) is quick-checked when cdsdesk did not leave it as it
is now, and at least once every :data:`RECHECK_EVERY`. "As cdsdesk left it" is a signature
(size, modification time in nanoseconds, inode, the 100-byte header) recorded in
``<name>.backups/check-state.json`` after a passing check and again when the app closes the file
cleanly; a crash, a kill, another program's write, a copy or restore over it, a leftover journal
or WAL all break the match, and the file is checked in full again. What the shortcut gives up:
damage that changes no byte of the signature (a disk going bad under an unchanged file) is found
by the daily check rather than at the very next open; the daily backup's check of its copy and
``cdsdesk check`` (the full ``integrity_check``) find it as well.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
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
    #: True when the page-by-page check was skipped: the file is as cdsdesk left it after a
    #: passing check less than RECHECK_EVERY ago (only the schema and the revision were read).
    trusted: bool = False

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


def _run_checks(conn: sqlite3.Connection, report: IntegrityReport, *, pages: bool = True) -> None:
    if pages:
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


def _check_connection(target: Path, report: IntegrityReport, *, read_only: bool, timeout: float,
                      pages: bool = True) -> None:
    if read_only:
        conn = sqlite3.connect(ro_uri(target), uri=True, timeout=timeout)
    else:
        conn = sqlite3.connect(target, timeout=timeout)
    try:
        _run_checks(conn, report, pages=pages)
    finally:
        conn.close()


def check_file(path: Path, *, full: bool = False, timeout: float | None = None,
               trusted: bool = False) -> IntegrityReport:
    """Check ``path`` without writing to it; returns what was found. Waits up to the busy
    timeout for another copy of the app that is writing.

    ``trusted``: the caller knows the file passed a check and is unchanged since (see
    :func:`check_on_open`); only the header, the size, the schema and the revision are read."""
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
        _check_connection(path, report, read_only=True, timeout=timeout, pages=not trusted)
        report.trusted = trusted
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


# --- the check on open ---------------------------------------------------------------------------

#: Files up to this size are quick-checked on every open (about 0.1 s per 40 MB).
ALWAYS_CHECK_BYTES = 64 * 1024 * 1024
#: A larger file unchanged since cdsdesk left it is still quick-checked at least this often.
RECHECK_EVERY = dt.timedelta(hours=24)
STATE_FILE = "check-state.json"


def _state_path(path: Path) -> Path:
    return path.with_name(path.name + ".backups") / STATE_FILE


def file_signature(path: Path) -> list | None:
    """What must be unchanged for the file to be as cdsdesk left it; ``None`` while a journal or
    a WAL beside it holds content (an interrupted or still-open write)."""
    try:
        for suffix in _SIDECARS:
            side = Path(str(path) + suffix)
            if side.exists() and side.stat().st_size > 0:
                return None
        st = path.stat()
        with path.open("rb") as fh:
            header = fh.read(100)
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns, st.st_ino, hashlib.sha256(header).hexdigest()]


def _read_state(path: Path) -> dict:
    try:
        state = json.loads(_state_path(path).read_text(encoding="utf-8"))
        return state if isinstance(state, dict) and state.get("file") == str(path) else {}
    except (OSError, ValueError):
        return {}


def _write_state(path: Path, state: dict) -> None:
    """Best effort: a folder that cannot be written only means a full check next time."""
    target = _state_path(path)
    try:
        target.parent.mkdir(exist_ok=True)
        tmp = target.with_name(target.name + ".part")
        tmp.write_text(json.dumps({"file": str(path), **state}), encoding="utf-8")
        os.replace(tmp, target)
    except OSError:
        pass


def _is_trusted(path: Path, now: dt.datetime) -> bool:
    state = _read_state(path)
    try:
        checked = dt.datetime.fromisoformat(state["checked_at"])
    except (KeyError, TypeError, ValueError):
        return False
    sig = file_signature(path)
    return sig is not None and state.get("signature") == sig and dt.timedelta(0) <= now - checked < RECHECK_EVERY


def check_on_open(path: Path, *, timeout: float | None = None, now: dt.datetime | None = None) -> IntegrityReport:
    """The check before a database is opened for use: ``quick_check`` and ``foreign_key_check``,
    or, for a large file unchanged since cdsdesk last left it after a passing check within
    :data:`RECHECK_EVERY`, only the header, size, schema and revision (``report.trusted``)."""
    path = Path(path)
    now = now or dt.datetime.now()
    try:
        large = path.stat().st_size > ALWAYS_CHECK_BYTES
    except OSError:
        large = False
    trusted = large and _is_trusted(path, now)
    report = check_file(path, timeout=timeout, trusted=trusted)
    if large and report.ok and not report.trusted and not report.checked_copy:
        sig = file_signature(path)
        if sig is not None:
            _write_state(path, {"checked_at": now.isoformat(timespec="seconds"), "signature": sig})
    return report


def record_clean_close(path: Path) -> None:
    """After cdsdesk closed a file it opened on a passing (or trusted) check: the file as it is
    now is the file cdsdesk left, so the next open within the day need not read every page."""
    path = Path(path)
    try:
        if path.stat().st_size <= ALWAYS_CHECK_BYTES:
            return
    except OSError:
        return
    state = _read_state(path)
    sig = file_signature(path)
    if "checked_at" in state and sig is not None:
        _write_state(path, {"checked_at": state["checked_at"], "signature": sig})
