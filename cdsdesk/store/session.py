"""Opening a database for use: integrity check, engine, upgrade to head, database id, daily backup.

The order matters. An existing SQLite file is first checked through a read-only connection
(``quick_check`` and ``foreign_key_check``; for a large file that cdsdesk left unchanged after a
passing check within the day, only its header, size and schema: see
:func:`cdsdesk.store.integrity.check_on_open`): a damaged file is never written to, not even by the
rollback of a journal or a schema upgrade; the error says so and names the newest good backup.
A schema revision newer than this app is refused before anything is written.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import DatabaseError, OperationalError

from ..domain.errors import UserError
from .backup import maybe_daily_backup, newest_good_backup
from .engine import Database, make_engine, resolve_db_url, sqlite_path
from .errors import DamagedDatabaseError
from .integrity import IntegrityReport, check_on_open, record_clean_close
from .migrate import refuse_unknown, upgrade
from .models import Setting, new_uuid


def damaged_error(report: IntegrityReport) -> DamagedDatabaseError:
    """The error for a file that failed its check, naming the newest good backup if there is one."""
    path = report.path
    good = newest_good_backup(path)
    first = report.summary().splitlines()[0] if report.summary() else ""
    if good is not None:
        offer_vi = f" Có thể khôi phục bản sao lưu tốt gần nhất: {good.name} (cdsdesk restore \"{good}\")."
        offer_en = f" The newest good backup can be restored: {good.name} (cdsdesk restore \"{good}\")."
    else:
        offer_vi = " Không có bản sao lưu tốt nào bên cạnh tệp."
        offer_en = " There is no good backup beside the file."
    return DamagedDatabaseError(
        f"Tệp cơ sở dữ liệu {path} bị hỏng ({first}); tệp được giữ nguyên, không ghi gì vào.{offer_vi}",
        f"The database file {path} is damaged ({first}); it is kept exactly as it is, nothing was written.{offer_en}",
        path=path, problems=report.problems + [str(v) for v in report.foreign_key_violations],
        newest_backup=good,
    )


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def open_database(
    db: str | os.PathLike[str] | None = None,
    *,
    create: bool = True,
    migrate: bool = True,
    check: bool = True,
    daily_backup: bool = True,
) -> Database:
    """Open (and if needed create and upgrade) the database named by ``--db``/``CDSDESK_DB``.

    ``check``: run the read-only integrity check on an existing SQLite file first (raises
    :class:`DamagedDatabaseError`). ``daily_backup``: take the day's backup of an existing file."""
    url = resolve_db_url(db)
    path = sqlite_path(url)
    existed = path is not None and path.is_file() and path.stat().st_size > 0
    read_only = False
    checked = False
    if path is not None and not path.parent.is_dir():
        raise UserError(
            f"Thư mục chứa cơ sở dữ liệu không tồn tại: {path.parent}",
            f"The database folder does not exist: {path.parent}",
        )
    if path is not None and not path.exists() and not create:
        raise UserError(f"Không tìm thấy cơ sở dữ liệu: {path}", f"Database not found: {path}")
    if existed:
        if check:
            report = check_on_open(path)
            if not report.ok:
                raise damaged_error(report)
            checked = True
            refuse_unknown(report.revision)
            if report.tables and report.revision is None:
                raise UserError(
                    f"Tệp {path.name} có dữ liệu nhưng không phải cơ sở dữ liệu cdsdesk; không sửa gì vào tệp.",
                    f"The file {path.name} holds data but is not a cdsdesk database; nothing was changed.",
                )
        read_only = not _writable(path)
    database = make_engine(url, read_only=read_only)
    if checked:
        database.on_dispose.append(lambda: record_clean_close(path))
    try:
        if migrate:
            upgrade(database)
            if not read_only:
                ensure_database_id(database)
        if existed and daily_backup and not read_only:
            try:
                maybe_daily_backup(database)
            except UserError as exc:  # no room for the backup must not stop the work
                database.notices.append(
                    f"Chưa tạo được bản sao lưu hằng ngày: {exc.vi} / The daily backup could not be made: {exc.en}"
                )
    except UserError:
        database.dispose()
        raise
    except (OperationalError, DatabaseError) as exc:
        database.dispose()
        raise UserError(
            f"Không mở được cơ sở dữ liệu {database.display_name()}: {exc.orig}",
            f"Cannot open the database {database.display_name()}: {exc.orig}",
        ) from exc
    return database


def ensure_database_id(database: Database) -> str:
    """Each database has a UUID that forms and packages carry to know where they came from."""
    with database.session() as s:
        row = s.get(Setting, "database_id")
        if row is None:
            row = Setting(key="database_id", value=new_uuid())
            s.add(row)
        return row.value


def get_setting(session, key: str, default: str = "") -> str:  # noqa: ANN001
    row = session.get(Setting, key)
    return row.value if row is not None else default


def set_setting(session, key: str, value: str) -> None:  # noqa: ANN001
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value


def all_settings(session) -> dict[str, str]:  # noqa: ANN001
    return {k: v for k, v in session.execute(select(Setting.key, Setting.value))}


#: The marker row that lets ``reset_audit_log`` (and nothing else) delete audit rows.
AUDIT_RESET_KEY = "audit_log_reset"


def reset_audit_log(session) -> int:  # noqa: ANN001
    """Delete the whole audit log, for replacing all of the committee's data (``demo --force``)
    after a backup. The append-only triggers allow it only while the marker row exists, inside
    this transaction; returns how many rows went."""
    from sqlalchemy import delete, func

    from .models import AuditEntry

    count = session.scalar(select(func.count()).select_from(AuditEntry)) or 0
    session.add(Setting(key=AUDIT_RESET_KEY, value="1"))
    session.flush()
    session.execute(delete(AuditEntry))
    session.execute(delete(Setting).where(Setting.key == AUDIT_RESET_KEY))
    return count


def sync_sequences(session) -> None:  # noqa: ANN001
    """After rows were inserted with explicit ids (bulk loads), move PostgreSQL's id sequences past
    the largest id so the next ordinary insert does not collide. SQLite needs nothing."""
    from sqlalchemy import text

    from .models import Base

    if session.get_bind().dialect.name != "postgresql":
        return
    for table in Base.metadata.sorted_tables:
        if "id" not in table.c or not table.c.id.primary_key:
            continue
        session.execute(text(
            f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'),"
            f" COALESCE((SELECT MAX(id) FROM {table.name}), 0) + 1, false)"
        ))
