"""Opening a database: where it lives, the SQLite pragmas, sessions.

SQLite opens with foreign keys on, a busy timeout, WAL on a local disk and the rollback journal
on a network share (WAL needs shared memory that SMB/NFS do not provide). The pysqlite driver is
put in autocommit mode and SQLAlchemy emits BEGIN itself, SQLAlchemy's documented workaround, so
that DDL is transactional and SAVEPOINT works.
"""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session, sessionmaker

from ..domain.errors import UserError

APP_NAME = "cdsdesk"
BUSY_TIMEOUT_MS = 5000
_NETWORK_FS = {"nfs", "nfs4", "cifs", "smb3", "smbfs", "9p", "fuse.sshfs", "afs", "ncpfs", "davfs"}


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
    path = Path(raw).expanduser() if raw else default_db_path()
    return "sqlite:///" + str(path.resolve())


def sqlite_path(url: str) -> Path | None:
    u = make_url(url)
    if u.get_backend_name() != "sqlite" or not u.database or u.database == ":memory:":
        return None
    return Path(u.database)


def is_network_path(path: Path) -> bool:
    """True for a UNC path, a mapped network drive, or an NFS/SMB mount."""
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
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return False
    target = os.path.abspath(s)
    best, best_fs = "", ""
    for line in mounts:
        parts = line.split()
        if len(parts) < 3:
            continue
        mnt, fs = parts[1].replace("\\040", " "), parts[2]
        if (target == mnt or target.startswith(mnt.rstrip("/") + "/")) and len(mnt) > len(best):
            best, best_fs = mnt, fs
    return best_fs in _NETWORK_FS


@dataclass
class Database:
    """An open database: the engine, a session factory, and what kind of storage it is."""

    url: str
    engine: Engine
    sessions: sessionmaker[Session]
    path: Path | None = None
    journal_mode: str = ""
    network: bool = False
    read_only: bool = False
    notices: list[str] = field(default_factory=list)

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
        except BaseException:
            s.rollback()
            raise
        finally:
            s.close()

    def display_name(self) -> str:
        return str(self.path) if self.path else make_url(self.url).render_as_string(hide_password=True)

    def dispose(self) -> None:
        self.engine.dispose()


def _configure_sqlite(engine: Engine, *, wal: bool, read_only: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):  # noqa: ANN001
        dbapi_conn.isolation_level = None  # we emit BEGIN ourselves
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        if not read_only:
            cur.execute(f"PRAGMA journal_mode={'WAL' if wal else 'DELETE'}")
            cur.execute("PRAGMA synchronous=NORMAL" if wal else "PRAGMA synchronous=FULL")
        else:
            cur.execute("PRAGMA query_only=ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):  # noqa: ANN001
        conn.exec_driver_sql("BEGIN")


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
        network = is_network_path(path)
        engine = create_engine(url, echo=echo, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        _configure_sqlite(engine, wal=not network, read_only=read_only)
    else:
        engine = create_engine(url, echo=echo, pool_pre_ping=True)
    db = Database(
        url=url,
        engine=engine,
        sessions=sessionmaker(engine, expire_on_commit=False),
        path=path,
        network=network,
        read_only=read_only,
        journal_mode=("delete" if network else "wal") if path is not None else "",
    )
    if network:
        db.notices.append(
            "Cơ sở dữ liệu nằm trên thư mục mạng: dùng nhật ký rollback (không dùng WAL) để an toàn."
            " / The database is on a network folder: using the rollback journal, not WAL, to stay safe."
        )
    return db
