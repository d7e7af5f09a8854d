"""Schema upgrades with Alembic, run at start after a backup copy of the file.

A database whose revision this app does not know (written by a newer version) is refused,
never "upgraded".
"""

from __future__ import annotations

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


def alembic_config(db: Database | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    if db is not None:
        cfg.set_main_option("sqlalchemy.url", db.url.replace("%", "%%"))
    return cfg


def head_revision() -> str:
    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    if len(heads) != 1:
        raise RuntimeError(f"migrations must have one head, found {heads}")
    return heads[0]


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def needs_upgrade(db: Database) -> bool:
    return current_revision(db) != head_revision()


def upgrade(db: Database, *, backup: bool = True) -> Path | None:
    """Bring the schema to head. Takes a backup first when the file already holds data.

    Returns the backup file, if one was made."""
    script = ScriptDirectory.from_config(alembic_config())
    current = current_revision(db)
    head = head_revision()
    if current == head:
        return None
    if current is not None:
        try:
            script.get_revision(current)
        except Exception:
            current = "unknown"
        if current == "unknown":
            raise UserError(
                "Cơ sở dữ liệu được tạo bởi phiên bản cdsdesk mới hơn; hãy cập nhật ứng dụng.",
                "The database was written by a newer cdsdesk; please update the application.",
            )
    made = None
    if backup and db.path is not None and db.path.exists() and db.path.stat().st_size > 0:
        with db.engine.connect() as conn:
            has_tables = bool(inspect(conn).get_table_names())
        if has_tables:
            made = backup_sqlite(
                db.path, backups_dir(db.path) / stamped_name(db.path, f"pre-upgrade-{current or 'empty'}")
            )
    cfg = alembic_config(db)
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return made
