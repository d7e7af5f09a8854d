"""Backups of an SQLite database: made, checked, rotated, restored.

A copy is taken with SQLite's online backup API (consistent even while the app is writing) into
a ``.part`` file, checked, flushed to disk, and only then renamed into place, so a backup that
exists is a good one. Copies live beside the database in ``<name>.backups/`` and are named
``<stem>-<kind>-<YYYYmmdd-HHMMSS-ffffff>.db``.

Kinds and how many are kept:

* ``daily``: the first open of each day; 7 daily, 4 weekly and 12 monthly are kept;
* ``pre-import``: taken by :func:`pre_import_backup` before every import; the last 10 are kept;
* ``pre-upgrade-<rev>``: before every schema upgrade; all kept;
* ``pre-restore``: what a restore replaced; the last 10 are kept;
* ``manual``: ``cdsdesk backup`` and the backups page; all kept.

How a copy is checked. ``manual``, ``pre-upgrade`` and ``pre-restore`` copies get the full
``integrity_check``; ``pre-import`` and ``daily`` copies, taken on the way to the user's work
(on a province's 650 MB file the full check is ~10 s, ``quick_check`` ~2 s), get
``quick_check``. What ``quick_check`` leaves out is whether every index entry matches its row
(and UNIQUE/NOT NULL/CHECK re-verified); it still reads every page and checks the structure of
every b-tree, the free list and the page accounting, which is where lost rows would show. So a
copy that passes it holds every row the database held; a mismatch between an index and its
table, if one ever existed in the source, would be carried into the copy, and restoring it would
bring that back, which ``cdsdesk check`` reports and ``REINDEX`` repairs without losing a row
(indexes are derived from the rows). The source itself was checked when it was opened.

A pre-import copy can be started as soon as an import begins (:func:`start_pre_import_backup`),
on a thread while the files are read and planned; the first write of the import waits for it.

PostgreSQL databases are backed up by the server (``pg_dump``); the functions here return ``None``
for them.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.errors import UserError
from .errors import DamagedDatabaseError, DatabaseLockedError
from .integrity import check_file, ro_uri

if TYPE_CHECKING:  # pragma: no cover
    from .engine import Database

KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12
KEEP_PRE_IMPORT = 10
KEEP_PRE_RESTORE = 10
#: Kinds whose copy is checked with ``quick_check`` rather than the full ``integrity_check``.
QUICK_CHECKED = frozenset({"pre-import", "daily"})

_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<kind>daily|manual|pre-import|pre-restore|pre-upgrade(?:-[A-Za-z0-9_]+)?)"
    r"-(?P<stamp>\d{8}-\d{6}-\d{6})\.db$"
)


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    kind: str  # daily | manual | pre-import | pre-restore | pre-upgrade
    created: dt.datetime
    size: int
    detail: str = ""  # the schema revision a pre-upgrade copy was taken at

    @property
    def label_vi(self) -> str:
        return {
            "daily": "Hằng ngày",
            "manual": "Thủ công",
            "pre-import": "Trước khi nhập",
            "pre-restore": "Trước khi khôi phục",
            "pre-upgrade": "Trước khi nâng cấp",
        }.get(self.kind, self.kind)

    @property
    def label_en(self) -> str:
        return {
            "daily": "Daily",
            "manual": "By hand",
            "pre-import": "Before an import",
            "pre-restore": "Before a restore",
            "pre-upgrade": "Before an upgrade",
        }.get(self.kind, self.kind)

    def label(self, lang: str = "vi") -> str:
        return self.label_en if lang == "en" else self.label_vi


def backups_dir(db_path: Path) -> Path:
    """Backups live beside the database in ``<name>.backups/``."""
    return db_path.with_name(db_path.name + ".backups")


def stamped_name(db_path: Path, reason: str, now: dt.datetime | None = None) -> str:
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S-%f")
    return f"{db_path.stem}-{reason}-{stamp}.db"


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":  # pragma: no cover - Windows cannot open a folder
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_file(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


class _Flush:
    """``fsync`` of a file on a thread (``start``) while other work goes on; ``wait`` joins it and
    returns what it raised. The descriptor is closed by ``wait``, after the caller has closed
    its SQLite connection to the file: closing any of the process's descriptors of a file drops
    the POSIX locks SQLite holds on it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.error: OSError | None = None
        self.fd: int | None = None
        self.thread: threading.Thread | None = None

    def start(self) -> None:
        self.fd = os.open(self.path, os.O_RDWR | getattr(os, "O_BINARY", 0))
        self.thread = threading.Thread(target=self._run, name="cdsdesk-backup-flush", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        try:
            os.fsync(self.fd)
        except OSError as exc:
            self.error = exc

    def wait(self) -> OSError | None:
        if self.thread is not None:
            self.thread.join()
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None
        return self.error


def backup_sqlite(src: Path, dest: Path, *, quick: bool = False) -> Path:
    """Copy ``src`` to ``dest`` with the backup API, through a temporary file renamed into place,
    after an ``integrity_check`` (``quick``: a ``quick_check``) of the copy. Returns ``dest``."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".part")
    tmp.unlink(missing_ok=True)
    try:
        flush = _Flush(tmp)
        source = sqlite3.connect(ro_uri(src), uri=True, timeout=30)
        try:
            target = sqlite3.connect(tmp)
            try:
                # No syncs and no journal while copying into the new file (removed if anything
                # fails): the whole file is flushed once below, before the rename.
                target.execute("PRAGMA synchronous=OFF")
                target.execute("PRAGMA journal_mode=OFF")
                source.backup(target)  # one step: a single consistent snapshot of the source
                target.execute("PRAGMA journal_mode=DELETE")  # a copy stands alone, no -wal beside it
                flush.start()  # the copy is complete: it goes to the disk while it is checked
                pragma = "quick_check" if quick else "integrity_check"
                rows = [r[0] for r in target.execute(f"PRAGMA {pragma}").fetchall()]
            finally:
                target.close()
        finally:
            source.close()
            flushed = flush.wait()
        if flushed is not None:
            raise flushed
        if rows != ["ok"]:
            raise DamagedDatabaseError(
                f"Bản sao lưu không qua được kiểm tra toàn vẹn: {rows[0]}",
                f"The backup copy failed its integrity check: {rows[0]}",
                path=src, problems=[str(r) for r in rows],
            )
        os.replace(tmp, dest)
        _fsync_dir(dest.parent)
    except sqlite3.Error as exc:
        from .errors import translate_sqlite_error

        raise (translate_sqlite_error(exc, src) or UserError(
            f"Không sao lưu được {src}: {exc}", f"Could not back up {src}: {exc}")) from exc
    except OSError as exc:
        raise UserError(
            f"Không ghi được bản sao lưu {dest}: {exc.strerror or exc}",
            f"Could not write the backup {dest}: {exc.strerror or exc}",
        ) from exc
    finally:
        tmp.unlink(missing_ok=True)
    return dest


def parse_backup_name(path: Path) -> BackupInfo | None:
    m = _NAME.match(path.name)
    if not m:
        return None
    kind = m["kind"]
    detail = ""
    if kind.startswith("pre-upgrade-"):
        kind, detail = "pre-upgrade", kind[len("pre-upgrade-"):]
    try:
        created = dt.datetime.strptime(m["stamp"], "%Y%m%d-%H%M%S-%f")
        size = path.stat().st_size
    except (ValueError, OSError):
        return None
    return BackupInfo(path=path, kind=kind, created=created, size=size, detail=detail)


def list_backups(db_path: Path) -> list[BackupInfo]:
    """The backups of ``db_path``, newest first."""
    folder = backups_dir(Path(db_path))
    if not folder.is_dir():
        return []
    found = [info for p in folder.glob("*.db") if (info := parse_backup_name(p)) is not None]
    return sorted(found, key=lambda b: b.created, reverse=True)


def _keep_per(items: list[BackupInfo], key, count: int) -> set[Path]:  # noqa: ANN001
    """The newest backup in each of the ``count`` most recent buckets (days, weeks, months)."""
    kept: dict[object, Path] = {}
    for b in items:  # newest first
        k = key(b.created)
        if k not in kept:
            if len(kept) >= count:
                break
            kept[k] = b.path
    return set(kept.values())


def retained(backups: list[BackupInfo]) -> set[Path]:
    """Which backups the rotation keeps (``backups`` newest first)."""
    daily = [b for b in backups if b.kind == "daily"]
    keep = _keep_per(daily, lambda t: t.date(), KEEP_DAILY)
    keep |= _keep_per(daily, lambda t: t.isocalendar()[:2], KEEP_WEEKLY)
    keep |= _keep_per(daily, lambda t: (t.year, t.month), KEEP_MONTHLY)
    keep |= {b.path for b in [b for b in backups if b.kind == "pre-import"][:KEEP_PRE_IMPORT]}
    keep |= {b.path for b in [b for b in backups if b.kind == "pre-restore"][:KEEP_PRE_RESTORE]}
    keep |= {b.path for b in backups if b.kind in ("manual", "pre-upgrade")}
    return keep


def rotate(db_path: Path) -> list[Path]:
    """Delete the backups the rotation no longer keeps; returns what was removed."""
    backups = list_backups(db_path)
    keep = retained(backups)
    removed = []
    for b in backups:
        if b.path not in keep:
            try:
                b.path.unlink()
                removed.append(b.path)
            except OSError:
                pass
    return removed


def make_backup(db_path: Path, kind: str, *, now: dt.datetime | None = None, dest: Path | None = None) -> Path:
    """A checked copy of ``db_path`` of the given kind in its backups folder (or at ``dest``)."""
    db_path = Path(db_path)
    target = dest or backups_dir(db_path) / stamped_name(db_path, kind, now)
    backup_sqlite(db_path, target, quick=kind in QUICK_CHECKED)
    if dest is None:
        rotate(db_path)
    return target


def _sqlite_path_of(db: "Database | Path | str") -> Path | None:
    if isinstance(db, (str, os.PathLike)):
        return Path(db)
    return db.path if db.is_sqlite else None


def pre_import_backup(db: "Database | Path") -> Path | None:
    """Back up the database before an import; call it before opening the import's transaction.

    Returns the backup file (kept among the last 10 pre-import copies), or ``None`` for a
    database that is not an SQLite file (PostgreSQL: the server's own backups apply). Raises
    :class:`UserError` when no backup could be written (disk full, read-only folder): the import
    must then not go ahead."""
    path = _sqlite_path_of(db)
    if path is None or not path.exists() or path.stat().st_size == 0:
        return None
    return make_backup(path, "pre-import")


class PendingBackup:
    """A pre-import copy being made on a thread (see :func:`start_pre_import_backup`)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.dest = backups_dir(path) / stamped_name(path, "pre-import")
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="cdsdesk-pre-import-backup", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            backup_sqlite(self.path, self.dest, quick=True)
        except BaseException as exc:  # handed to the caller of result()
            self._error = exc

    def result(self) -> Path:
        """Wait for the copy; returns it (and rotates the pre-import copies) or raises what
        stopped it (:class:`UserError`: disk full, read-only folder …)."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        rotate(self.path)
        return self.dest

    def discard(self) -> None:
        """Nothing was imported after all: wait for the copy and remove it."""
        self._thread.join()
        if self._error is None:
            self.dest.unlink(missing_ok=True)


def start_pre_import_backup(db: "Database | Path") -> PendingBackup | None:
    """Start the pre-import copy now, while the files are read and planned; call ``result()``
    before the import's first write, ``discard()`` if nothing is written. ``None`` where
    :func:`pre_import_backup` would make no copy (not an SQLite file, empty file)."""
    path = _sqlite_path_of(db)
    if path is None or not path.exists() or path.stat().st_size == 0:
        return None
    return PendingBackup(path)


def maybe_daily_backup(db: "Database | Path", *, now: dt.datetime | None = None) -> Path | None:
    """The day's backup, if today has none yet; ``None`` when there was nothing to do."""
    path = _sqlite_path_of(db)
    if path is None or not path.exists() or path.stat().st_size == 0:
        return None
    now = now or dt.datetime.now()
    if any(b.kind == "daily" and b.created.date() == now.date() for b in list_backups(path)):
        return None
    return make_backup(path, "daily", now=now)


def _sidecars(path: Path) -> list[Path]:
    return [Path(str(path) + s) for s in ("-wal", "-journal", "-shm")]


def set_aside_damaged(path: Path) -> Path:
    """Rename a damaged file (and its journal files) to ``<name>.damaged`` byte for byte;
    returns the new name (``.damaged-2`` … if one is already there)."""
    n, aside = 1, path.with_name(path.name + ".damaged")
    while aside.exists():
        n += 1
        aside = path.with_name(f"{path.name}.damaged-{n}")
    os.replace(path, aside)
    for side in _sidecars(path):
        if side.exists():
            os.replace(side, Path(str(aside) + side.name[len(path.name):]))
    return aside


def _checked_backup(backup: Path) -> str | None:
    """Check a backup before it replaces anything; returns its schema revision."""
    from .migrate import known_revisions

    report = check_file(backup, full=True)
    if not report.ok:
        raise DamagedDatabaseError(
            f"Bản sao lưu {backup.name} bị hỏng, không dùng để khôi phục: {report.summary()}",
            f"The backup {backup.name} is damaged and cannot be restored: {report.summary()}",
            path=backup, problems=report.problems,
        )
    if report.revision is not None and report.revision not in known_revisions():
        raise UserError(
            f"Bản sao lưu {backup.name} do phiên bản cdsdesk mới hơn tạo ra; hãy cập nhật ứng dụng.",
            f"The backup {backup.name} was written by a newer cdsdesk; please update the application.",
        )
    if report.tables and report.revision is None:
        raise UserError(
            f"{backup.name} không phải cơ sở dữ liệu cdsdesk.", f"{backup.name} is not a cdsdesk database."
        )
    return report.revision


def _settle(path: Path) -> None:
    """Fold the WAL into the file and switch to the rollback journal, so that nothing is left
    beside the file to be replayed onto what replaces it. Fails if another copy has it open."""
    conn = sqlite3.connect(path, timeout=2)
    try:
        conn.isolation_level = None
        mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
        if str(mode).lower() != "delete":
            raise sqlite3.OperationalError("database is locked")
    except sqlite3.OperationalError as exc:
        raise DatabaseLockedError(
            f"Không khôi phục được: {path.name} đang được mở ở chương trình hoặc cửa sổ khác; hãy đóng lại rồi thử lại.",
            f"Cannot restore: {path.name} is open in another program or window; close it and try again.",
        ) from exc
    finally:
        conn.close()


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    previous_backup: Path | None  # the checked copy of what was replaced
    damaged_aside: Path | None  # or where the damaged file was moved to


def restore(db_path: Path, backup: Path) -> RestoreResult:
    """Replace ``db_path`` with ``backup``, after backing up what it replaces (a damaged file is
    moved aside as ``.damaged`` instead). Close every engine on the file first."""
    db_path, backup = Path(db_path), Path(backup)
    if not backup.is_file():
        raise UserError(f"Không tìm thấy bản sao lưu: {backup}", f"Backup not found: {backup}")
    if backup.resolve() == db_path.resolve():
        raise UserError("Không thể khôi phục một tệp lên chính nó.", "Cannot restore a file onto itself.")
    _checked_backup(backup)
    previous = aside = None
    if db_path.exists() and db_path.stat().st_size > 0:
        report = check_file(db_path, full=False)
        if report.ok:
            previous = make_backup(db_path, "pre-restore")
            _settle(db_path)
        else:
            aside = set_aside_damaged(db_path)
    tmp = db_path.with_name(db_path.name + ".restore-part")
    try:
        shutil.copyfile(backup, tmp)
        _fsync_file(tmp)
        for side in _sidecars(db_path):
            side.unlink(missing_ok=True)
        os.replace(tmp, db_path)
        _fsync_dir(db_path.parent)
    except OSError as exc:
        raise UserError(
            f"Không ghi được {db_path}: {exc.strerror or exc}", f"Could not write {db_path}: {exc.strerror or exc}"
        ) from exc
    finally:
        tmp.unlink(missing_ok=True)
    return RestoreResult(restored_from=backup, previous_backup=previous, damaged_aside=aside)


def newest_good_backup(db_path: Path) -> Path | None:
    """The newest backup of ``db_path`` that passes the full integrity check."""
    for b in list_backups(db_path):
        try:
            _checked_backup(b.path)
        except UserError:
            continue
        return b.path
    return None


def restore_newest_good(db_path: Path) -> RestoreResult:
    """What the app offers for a damaged database: the newest good backup, damaged file aside."""
    good = newest_good_backup(db_path)
    if good is None:
        raise UserError(
            f"Không có bản sao lưu tốt nào của {db_path.name}.", f"There is no good backup of {db_path.name}."
        )
    return restore(db_path, good)
