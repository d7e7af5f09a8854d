"""Opening a database for use: engine, upgrade to head, database id."""

from __future__ import annotations

import os

from sqlalchemy import select
from sqlalchemy.exc import DatabaseError, OperationalError

from ..domain.errors import UserError
from .engine import Database, make_engine, resolve_db_url
from .migrate import upgrade
from .models import Setting, new_uuid


def open_database(db: str | os.PathLike[str] | None = None, *, create: bool = True, migrate: bool = True) -> Database:
    """Open (and if needed create and upgrade) the database named by ``--db``/``CDSDESK_DB``."""
    url = resolve_db_url(db)
    database = make_engine(url)
    if database.path is not None and not database.path.exists() and not create:
        raise UserError(
            f"Không tìm thấy cơ sở dữ liệu: {database.path}", f"Database not found: {database.path}"
        )
    try:
        if migrate:
            upgrade(database)
            ensure_database_id(database)
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
