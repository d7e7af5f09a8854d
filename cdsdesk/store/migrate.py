"""Schema upgrades with Alembic, run at start after a backup copy of the file.

An upgrade cannot half-happen: on SQLite the whole upgrade runs in one transaction (the driver
is in autocommit mode and SQLAlchemy emits BEGIN, so DDL is transactional), with foreign keys
off while batch mode copies tables, and ``foreign_key_check`` before the commit. Any failure
rolls back schema and rows together; no ``_alembic_tmp_*`` table is left behind. PostgreSQL has
transactional DDL of its own.

A database whose revision this app does not know (written by a newer version) is refused,
never "upgraded".

Opening a database that is already at the head costs no Alembic: the head and the known
revisions are read from the ``revision``/``down_revision`` lines of the migration files (Alembic's
own reading of the scripts is the fallback when a file does not fit that plain form), and the
database's revision with one query. Alembic (about half a second to import) loads only to upgrade.
"""

from __future__ import annotations

import ast
import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text

from ..domain.errors import UserError
from ..paths import migrations_dir
from .backup import backup_sqlite, backups_dir, stamped_name
from .engine import Database
from .errors import MigrationError

if TYPE_CHECKING:  # pragma: no cover
    from alembic.config import Config
    from alembic.script import ScriptDirectory


def alembic_config(db: Database | None = None, *, script_location: Path | None = None) -> "Config":
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(script_location or migrations_dir()))
    if db is not None:
        cfg.set_main_option("sqlalchemy.url", db.url.replace("%", "%%"))
    return cfg


def _script(script_location: Path | None = None) -> "ScriptDirectory":
    return _script_at(str(script_location) if script_location else None)


@lru_cache(maxsize=8)
def _script_at(script_location: str | None) -> "ScriptDirectory":
    """The migration scripts, read once per process (opening a database should not re-read them)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config(script_location=Path(script_location) if script_location else None))


_ASSIGN = re.compile(r"^(revision|down_revision)\s*(?::[^=\n]*)?=\s*(.+?)\s*$", re.M)


@lru_cache(maxsize=8)
def _plain_graph(script_location: str | None) -> tuple[str, frozenset[str]] | None:
    """(head, known revisions) from the migration files' ``revision = "…"`` and ``down_revision =
    "…"`` lines, without Alembic; ``None`` when a file does not fit that form (a merge, a branch,
    a computed value) or the chain does not end in exactly one head."""
    folder = Path(script_location) if script_location else migrations_dir()
    parents: dict[str, str | None] = {}
    try:
        files = sorted((folder / "versions").glob("*.py"))
        for f in files:
            found = dict(m.groups() for m in _ASSIGN.finditer(f.read_text(encoding="utf-8")))
            if "revision" not in found or "down_revision" not in found:
                return None
            rev, down = ast.literal_eval(found["revision"]), ast.literal_eval(found["down_revision"])
            if not isinstance(rev, str) or not (down is None or isinstance(down, str)) or rev in parents:
                return None
            parents[rev] = down
    except (OSError, ValueError, SyntaxError):
        return None
    heads = set(parents) - {d for d in parents.values() if d is not None}
    roots = [r for r, d in parents.items() if d is None]
    if len(heads) != 1 or len(roots) != 1 or any(d is not None and d not in parents for d in parents.values()):
        return None
    return heads.pop(), frozenset(parents)


def head_revision(script_location: Path | None = None) -> str:
    plain = _plain_graph(str(script_location) if script_location else None)
    if plain is not None:
        return plain[0]
    heads = _script(script_location).get_heads()
    if len(heads) != 1:
        raise RuntimeError(f"migrations must have one head, found {heads}")
    return heads[0]


@lru_cache(maxsize=None)
def _known(script_location: str | None) -> frozenset[str]:
    plain = _plain_graph(script_location)
    if plain is not None:
        return plain[1]
    script = _script(Path(script_location) if script_location else None)
    return frozenset(r.revision for r in script.walk_revisions())


def known_revisions(script_location: Path | None = None) -> frozenset[str]:
    """Every revision this app's migrations know."""
    return _known(str(script_location) if script_location else None)


def current_revision(db: Database) -> str | None:
    """The database's schema revision (``None``: none recorded), read with a plain query."""
    with db.engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        rows = conn.execute(text("SELECT version_num FROM alembic_version")).fetchall()
    if len(rows) > 1:  # several heads recorded: only Alembic knows what that means
        from alembic.runtime.migration import MigrationContext

        with db.engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    return rows[0][0] if rows else None


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
    wanted = head_revision(script_location) if target == "head" else target
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
    from alembic import command

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


def _upgrade_sqlite(db: Database, cfg: "Config", target: str) -> None:
    from alembic import command

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
