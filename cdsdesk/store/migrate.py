"""Schema upgrades with Alembic, run at start after a backup copy of the file.

An upgrade cannot half-happen: on SQLite the whole upgrade runs in one transaction (the driver
is in autocommit mode and SQLAlchemy emits BEGIN, so DDL is transactional), with foreign keys
off while batch mode copies tables, and ``foreign_key_check`` before the commit. Any failure
rolls back schema and rows together; no ``_alembic_tmp_*`` table is left behind. PostgreSQL has
transactional DDL of its own.

A database whose revision this app does not know (written by a newer version) is refused,
never "upgraded".
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from ..domain.errors import UserError
from ..paths import migrations_dir
from .backup import backup_sqlite, backups_dir, stamped_name
from .engine import Database
from .errors import MigrationError


def alembic_config(db: Database | None = None, *, script_location: Path | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(script_location or migrations_dir()))
    if db is not None:
        cfg.set_main_option("sqlalchemy.url", db.url.replace("%", "%%"))
    return cfg


def _script(script_location: Path | None = None) -> ScriptDirectory:
    return _script_at(str(script_location) if script_location else None)


@lru_cache(maxsize=8)
def _script_at(script_location: str | None) -> ScriptDirectory:
    """The migration scripts, read once per process (opening a database should not re-read them)."""
    return ScriptDirectory.from_config(alembic_config(script_location=Path(script_location) if script_location else None))


def head_revision(script_location: Path | None = None) -> str:
    heads = _script(script_location).get_heads()
    if len(heads) != 1:
        raise RuntimeError(f"migrations must have one head, found {heads}")
    return heads[0]


@lru_cache(maxsize=None)
def _known(script_location: str | None) -> frozenset[str]:
    script = _script(Path(script_location) if script_location else None)
    return frozenset(r.revision for r in script.walk_revisions())


def known_revisions(script_location: Path | None = None) -> frozenset[str]:
    """Every revision this app's migrations know."""
    return _known(str(script_location) if script_location else None)


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def needs_upgrade(db: Database) -> bool:
    return current_revision(db) != head_revision()


def refuse_unknown(revision: str | None, *, script_location: Path | None = None) -> None:
    """A revision this app does not know was written by a newer cdsdesk: refuse the file."""
    if revision is not None and revision not in known_revisions(script_location):
        raise UserError(
            "Cơ sở dữ liệu được tạo bởi phiên bản cdsdesk mới hơn; hãy cập nhật ứng dụng.",
            "The database was written by a newer cdsdesk; please update the application.",
        )


def upgrade(db: Database, *, backup: bool = True, script_location: Path | None = None,
            target: str = "head") -> Path | None:
    """Bring the schema to ``target`` (head). Takes a backup first when the file already holds data.

    Returns the backup file, if one was made. A failure raises :class:`MigrationError` with the
    database exactly as it was."""
    current = current_revision(db)
    refuse_unknown(current, script_location=script_location)
    script = _script(script_location)
    wanted = script.get_current_head() if target == "head" else target
    if current == wanted:
        return None
    with db.engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
    if current is None and tables - {"alembic_version"}:
        raise UserError(
            "Tệp này có dữ liệu nhưng không phải cơ sở dữ liệu cdsdesk; không sửa gì vào tệp.",
            "This file holds data but is not a cdsdesk database; nothing was changed.",
        )
    if db.read_only:
        raise UserError(
            "Cơ sở dữ liệu cần nâng cấp nhưng tệp chỉ cho phép đọc.",
            "The database needs an upgrade but the file is read-only.",
        )
    made = None
    if backup and db.path is not None and tables:
        made = backup_sqlite(
            db.path, backups_dir(db.path) / stamped_name(db.path, f"pre-upgrade-{current or 'empty'}")
        )
    cfg = alembic_config(db, script_location=script_location)
    try:
        if db.is_sqlite:
            _upgrade_sqlite(db, cfg, target)
        else:
            with db.engine.begin() as conn:
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, target)
    except UserError:
        raise
    except Exception as exc:
        where = f" Bản sao lưu: {made}." if made else ""
        where_en = f" Backup: {made}." if made else ""
        raise MigrationError(
            f"Nâng cấp cấu trúc cơ sở dữ liệu thất bại và đã được huỷ; dữ liệu vẫn như trước.{where} ({exc})",
            f"The database upgrade failed and was rolled back; the data is as it was.{where_en} ({exc})",
        ) from exc
    return made


def _upgrade_sqlite(db: Database, cfg: Config, target: str) -> None:
    with db.engine.connect() as conn:
        raw = conn.connection.driver_connection
        # Outside any transaction (inside one SQLite ignores it): batch mode drops and renames
        # tables, which must not cascade or fail half-way on references.
        raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with conn.begin():
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, target)
                bad = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchmany(10)
                if bad:
                    raise MigrationError(
                        f"Sau nâng cấp có {len(bad)} tham chiếu khoá ngoại hỏng (ví dụ bảng {bad[0][0]}); đã huỷ nâng cấp.",
                        f"The upgrade left {len(bad)} broken foreign-key references (e.g. table {bad[0][0]});"
                        " it was rolled back.",
                    )
        finally:
            raw.execute("PRAGMA foreign_keys=ON")
