"""Opening a database: where it lives, the SQLite pragmas, sessions.

SQLite opens with foreign keys on, a busy timeout, WAL on a local disk and the rollback journal
with an exclusive lock on a network share (WAL needs shared memory that SMB/NFS do not provide,
and their byte-range locks are not to be trusted). The pysqlite driver is put in autocommit mode
and SQLAlchemy emits BEGIN itself, SQLAlchemy's documented workaround, so that DDL is
transactional and SAVEPOINT works.

Storage errors a user can act on (locked by another copy of the app, disk full, read-only file,
vanished folder) come out of every statement as a :class:`UserError`, never a freeze or a
traceback.
"""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

import sqlite3
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from ..domain.errors import UserError
from .errors import stale_table, translate_sqlite_error, write_conflict

if TYPE_CHECKING:  # the ORM loads with the first session, after the window's first paint
    from sqlalchemy.orm import Session, sessionmaker

APP_NAME = "cdsdesk"
#: How long a write waits for another copy of the app to finish its own (CDSDESK_BUSY_TIMEOUT_MS).
BUSY_TIMEOUT_MS = 5000
_NETWORK_FS = {"nfs", "nfs4", "cifs", "smb3", "smbfs", "9p", "fuse.sshfs", "afs", "ncpfs", "davfs",
               "fuse.rclone", "fuse.gvfsd-fuse", "fuse.smbnetfs", "ceph", "glusterfs", "fuse.glusterfs", "lustre",
               "gpfs", "beegfs", "ocfs2", "gfs2"}


def default_db_path() -> Path:
    """The default database in the user's data folder (e.g. %LOCALAPPDATA%\\cdsdesk on Windows)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False)) / "cdsdesk.db"


def resolve_db_url(db: str | os.PathLike[str] | None = None) -> str:
    """``--db`` value, else ``CDSDESK_DB``, else the default file; a path or an SQLAlchemy URL."""
    raw = os.fspath(db) if db else os.environ.get("CDSDESK_DB") or None
    if raw and "://" in str(raw):
        try:
            make_url(raw)
        except ArgumentError as exc:
            raise UserError(f"Địa chỉ cơ sở dữ liệu không hợp lệ: {raw}", f"Invalid database URL: {raw}") from exc
        return str(raw)
    if raw:
        path = Path(raw).expanduser()
    else:  # the app's own folder: made on first use (a folder named by the user must exist)
        path = default_db_path()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            pass  # reported as a missing folder when the database is opened
    return "sqlite:///" + str(path.resolve())


def sqlite_path(url: str) -> Path | None:
    u = make_url(url)
    if u.get_backend_name() != "sqlite" or not u.database or u.database == ":memory:":
        return None
    return Path(u.database)


def is_network_path(path: Path, *, mounts: str | None = None) -> bool:
    """True for a UNC path, a mapped network drive, or an NFS/SMB mount (``mounts``: the text of
    /proc/mounts, read when not given)."""
    s = str(path)
    if s.startswith("\\\\") or s.startswith("//"):
        return True
    if sys.platform == "win32":  # pragma: no cover - Windows only
        import ctypes

        drive = os.path.splitdrive(os.path.abspath(s))[0]
        if drive:
            DRIVE_REMOTE = 4
            return ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == DRIVE_REMOTE
        return False
    if mounts is None:
        try:
            mounts = Path("/proc/mounts").read_text()
        except OSError:
            return False
    target = os.path.abspath(s)
    best, best_fs = "", ""
    for line in mounts.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        mnt, fs = parts[1].replace("\\040", " "), parts[2]
        if (target == mnt or target.startswith(mnt.rstrip("/") + "/")) and len(mnt) > len(best):
            best, best_fs = mnt, fs
    return best_fs in _NETWORK_FS


@dataclass
class Database:
    """An open database: the engine, a session factory, and what kind of storage it is.

    The session factory is made on first use: the first window reads through the engine alone,
    so SQLAlchemy's ORM (a tenth of a second to import) loads after it has been painted."""

    url: str
    engine: Engine
    path: Path | None = None
    journal_mode: str = ""
    network: bool = False
    read_only: bool = False
    notices: list[str] = field(default_factory=list)
    #: Run after the engine is disposed (the file closed): e.g. recording that cdsdesk left it sound.
    on_dispose: list[Callable[[], None]] = field(default_factory=list, repr=False)

    @cached_property
    def sessions(self) -> sessionmaker[Session]:
        from sqlalchemy.orm import sessionmaker

        return sessionmaker(self.engine, expire_on_commit=False)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: commits on success, rolls back on any error."""
        s = self.sessions()
        try:
            yield s
            s.commit()
        except BaseException as exc:
            s.rollback()
            _raise_conflict_if_stale(exc)
            raise
        finally:
            s.close()

    @contextmanager
    def write_session(self) -> Iterator[Session]:
        """A unit of work that takes the write lock at its start (SQLite ``BEGIN IMMEDIATE``).

        Use it for imports and bulk writes: a second writer then waits its turn under the busy
        timeout instead of failing half-way when its read snapshot turns stale."""
        s = self.sessions()
        try:
            s.connection(execution_options={"cdsdesk_immediate": True})
            yield s
            s.commit()
        except BaseException as exc:
            s.rollback()
            _raise_conflict_if_stale(exc)
            raise
        finally:
            s.close()

    def display_name(self) -> str:
        return str(self.path) if self.path else make_url(self.url).render_as_string(hide_password=True)

    def dispose(self) -> None:
        self.engine.dispose()
        hooks, self.on_dispose = self.on_dispose, []
        for hook in hooks:
            try:
                hook()
            except OSError:
                pass


def _raise_conflict_if_stale(exc: BaseException) -> None:
    """A row changed by someone else since it was read (the revision did not match): say so as a
    write conflict the user can act on."""
    from sqlalchemy.orm.exc import StaleDataError  # loaded with the session that raised

    if isinstance(exc, StaleDataError):
        raise write_conflict(stale_table(exc)) from exc


def busy_timeout_ms() -> int:
    """The busy timeout: ``CDSDESK_BUSY_TIMEOUT_MS`` if set (tests, slow shares), else 5 s."""
    try:
        return max(0, int(os.environ.get("CDSDESK_BUSY_TIMEOUT_MS", BUSY_TIMEOUT_MS)))
    except ValueError:
        return BUSY_TIMEOUT_MS


def _configure_sqlite(engine: Engine, path: Path, *, network: bool, read_only: bool, timeout_ms: int) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):  # noqa: ANN001
        dbapi_conn.isolation_level = None  # we emit BEGIN ourselves
        cur = dbapi_conn.cursor()
        try:
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute(f"PRAGMA busy_timeout={timeout_ms}")
            if read_only:
                cur.execute("PRAGMA query_only=ON")
            elif network:
                # One process at a time on a share: the lock is taken at the first write and kept.
                cur.execute("PRAGMA locking_mode=EXCLUSIVE")
                cur.execute("PRAGMA journal_mode=DELETE")
                cur.execute("PRAGMA synchronous=FULL")
            else:
                cur.execute("PRAGMA journal_mode=WAL")
                cur.execute("PRAGMA synchronous=NORMAL")
        except sqlite3.Error as exc:
            raise translate_sqlite_error(exc, path) or exc
        finally:
            cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):  # noqa: ANN001
        # A removed USB stick or deleted folder: the open handle would keep writing to a file
        # that no longer exists anywhere, so refuse before the first statement.
        if not path.exists():
            raise UserError(
                f"Không còn tìm thấy tệp cơ sở dữ liệu {path} (thư mục đã bị xoá, đổi tên, hoặc ổ đĩa đã bị rút);"
                " thay đổi chưa được lưu.",
                f"The database file {path} is no longer there (folder deleted or renamed, or drive removed);"
                " the change was not saved.",
            )
        immediate = conn.get_execution_options().get("cdsdesk_immediate") and not read_only
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    @event.listens_for(engine, "handle_error")
    def _on_error(context):  # noqa: ANN001
        orig = context.original_exception
        if isinstance(orig, sqlite3.Error):
            return translate_sqlite_error(orig, path)
        return None


def _read_only_creator(path: Path, timeout_ms: int):  # noqa: ANN202
    uri = "file:" + quote(path.as_posix()) + "?mode=ro"
    if not os.access(path.parent, os.W_OK) and not Path(str(path) + "-wal").exists():
        # A read-only folder cannot hold the WAL index SQLite needs even to read; with no WAL
        # file there is nothing beyond the file itself, and nobody here can change it.
        uri += "&immutable=1"

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(uri, uri=True, timeout=timeout_ms / 1000, check_same_thread=False)

    return connect


NETWORK_NOTICE = (
    "Cơ sở dữ liệu nằm trên thư mục mạng: dùng nhật ký rollback với khoá độc quyền (không dùng WAL, vì WAL"
    " cần bộ nhớ chung mà ổ mạng không có); trong lúc ứng dụng mở tệp, máy khác phải chờ."
    " / The database is on a network folder: using the rollback journal with an exclusive lock (not WAL,"
    " which needs shared memory a network drive cannot provide); other computers wait while this one has it open."
)
READ_ONLY_NOTICE = (
    "Tệp cơ sở dữ liệu chỉ cho phép đọc: có thể xem nhưng không lưu được thay đổi."
    " / The database file is read-only: you can look but changes cannot be saved."
)


def make_engine(url: str, *, read_only: bool = False, echo: bool = False) -> Database:
    """An engine for the URL with the right pragmas; the SQLite file's folder must exist."""
    path = sqlite_path(url)
    network = False
    if path is not None:
        if not path.parent.is_dir():
            raise UserError(
                f"Thư mục chứa cơ sở dữ liệu không tồn tại: {path.parent}",
                f"The database folder does not exist: {path.parent}",
            )
        if path.is_dir():
            raise UserError(
                f"Đường dẫn là một thư mục, không phải tệp cơ sở dữ liệu: {path}",
                f"The path is a folder, not a database file: {path}",
            )
        # CDSDESK_NETWORK_SHARE=1: treat the folder as a network share (a mount we cannot recognise).
        network = is_network_path(path) or os.environ.get("CDSDESK_NETWORK_SHARE") == "1"
        timeout_ms = busy_timeout_ms()
        if read_only:
            engine = create_engine("sqlite://", echo=echo, creator=_read_only_creator(path, timeout_ms),
                                   poolclass=QueuePool)
        elif network:
            # The exclusive lock belongs to one connection: the process keeps exactly one.
            engine = create_engine(url, echo=echo, connect_args={"timeout": timeout_ms / 1000},
                                   poolclass=QueuePool, pool_size=1, max_overflow=0, pool_timeout=3600)
        else:
            engine = create_engine(url, echo=echo, connect_args={"timeout": timeout_ms / 1000})
        _configure_sqlite(engine, path, network=network, read_only=read_only, timeout_ms=timeout_ms)
    else:
        engine = create_engine(url, echo=echo, pool_pre_ping=True)
    db = Database(
        url=url,
        engine=engine,
        path=path,
        network=network,
        read_only=read_only,
        journal_mode=("delete" if network else "wal") if path is not None and not read_only else "",
    )
    if network:
        db.notices.append(NETWORK_NOTICE)
    if read_only:
        db.notices.append(READ_ONLY_NOTICE)
    return db
