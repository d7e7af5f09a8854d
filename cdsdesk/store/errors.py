"""Storage failures a user can act on, each with a Vietnamese and an English message.

SQLite reports a second copy of the app holding the lock, a full disk or a read-only file as
``sqlite3.OperationalError`` with a terse English text; :func:`translate_sqlite_error` turns each
into a :class:`UserError` subclass that says what happened, that nothing was saved, and what to do.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ..domain.errors import ConflictError, UserError


class StorageError(UserError):
    """The database file could not be read or written."""


class DatabaseLockedError(StorageError):
    """Another program held the write lock for longer than the busy timeout."""


class DiskFullError(StorageError):
    """No room left on the disk (or a size limit reached)."""


class ReadOnlyDatabaseError(StorageError):
    """The file, its folder or the open mode does not allow writing."""


class DamagedDatabaseError(StorageError):
    """The file failed its integrity check; it is left exactly as it is."""

    def __init__(self, vi: str, en: str, *, path: Path | None = None, problems: list[str] | None = None,
                 newest_backup: Path | None = None) -> None:
        super().__init__(vi, en)
        self.path = path
        self.problems = problems or []
        self.newest_backup = newest_backup


class WriteConflictError(StorageError, ConflictError):
    """Another client changed the same row between this one reading it and writing it."""


#: The words for a table whose conditional write found its row changed.
_ROW_WORDS = {"tasks": ("nhiệm vụ", "a task"), "indicator_values": ("giá trị chỉ tiêu", "an indicator value")}


def write_conflict(table: str = "") -> WriteConflictError:
    """The error for a write that lost the race to another client: nothing of it was saved."""
    vi, en = _ROW_WORDS.get(table, ("dữ liệu", "the data"))
    return WriteConflictError(
        f"Người khác vừa thay đổi {vi} mà bạn đang lưu; thay đổi của bạn chưa được ghi."
        " Hãy tải lại rồi làm lại.",
        f"Someone else has just changed {en} you were saving; your change was not written."
        " Reload and try again.",
    )


def stale_table(exc: BaseException) -> str:
    """The table named in SQLAlchemy's StaleDataError text ("UPDATE statement on table 'tasks' …")."""
    text = str(exc)
    start = text.find("table '")
    if start < 0:
        return ""
    start += len("table '")
    return text[start:text.find("'", start)]


class MigrationError(StorageError):
    """A schema upgrade failed and was rolled back: the file is as it was."""


def _name(exc: sqlite3.Error) -> str:
    return getattr(exc, "sqlite_errorname", "") or ""


def translate_sqlite_error(exc: BaseException, path: Path | None = None) -> UserError | None:
    """A :class:`UserError` for an SQLite failure the user can act on, else ``None``."""
    if not isinstance(exc, sqlite3.Error):
        return None
    text = str(exc).lower()
    name = _name(exc)
    where = f" ({path})" if path else ""
    if name == "SQLITE_BUSY_SNAPSHOT":
        # WAL: another connection committed after this transaction read; writing now would base
        # the change on what is no longer there, so SQLite refuses. Nothing was written.
        return write_conflict()
    if "locked" in text or name.startswith("SQLITE_BUSY") or name.startswith("SQLITE_LOCKED"):
        return DatabaseLockedError(
            "Cơ sở dữ liệu đang bị một chương trình khác (hoặc một cửa sổ cdsdesk khác) giữ quá lâu;"
            f" thay đổi chưa được lưu, hãy thử lại sau ít phút{where}.",
            "The database is held by another program (or another cdsdesk window) for too long;"
            f" the change was not saved, try again in a few minutes{where}.",
        )
    if "disk is full" in text or name == "SQLITE_FULL":
        return DiskFullError(
            f"Ổ đĩa đã đầy{where}: thay đổi chưa được lưu, dữ liệu vẫn như trước. Hãy giải phóng dung lượng rồi thử lại.",
            f"The disk is full{where}: the change was not saved and the data is as it was. Free some space and try again.",
        )
    if "readonly" in text or "read-only" in text or name.startswith("SQLITE_READONLY"):
        return ReadOnlyDatabaseError(
            f"Tệp cơ sở dữ liệu chỉ cho phép đọc{where}: thay đổi chưa được lưu.",
            f"The database file is read-only{where}: the change was not saved.",
        )
    if "disk i/o error" in text or name.startswith("SQLITE_IOERR"):
        return StorageError(
            f"Lỗi ghi/đọc ổ đĩa{where} (ổ đầy, vượt giới hạn kích thước tệp, hoặc ổ bị rút):"
            " thay đổi chưa được lưu, dữ liệu vẫn như trước.",
            f"Disk read/write error{where} (disk full, file size limit reached, or drive removed):"
            " the change was not saved and the data is as it was.",
        )
    if "unable to open database" in text or name.startswith("SQLITE_CANTOPEN"):
        return StorageError(
            f"Không mở được tệp cơ sở dữ liệu{where}: thư mục không còn, hoặc không có quyền truy cập.",
            f"Cannot open the database file{where}: the folder is gone, or access is denied.",
        )
    if "malformed" in text or "not a database" in text or name in ("SQLITE_CORRUPT", "SQLITE_NOTADB"):
        return DamagedDatabaseError(
            f"Tệp cơ sở dữ liệu bị hỏng{where}; không ghi gì vào tệp. Hãy khôi phục từ bản sao lưu (cdsdesk restore).",
            f"The database file is damaged{where}; nothing was written to it. Restore a backup (cdsdesk restore).",
            path=path,
        )
    return None
