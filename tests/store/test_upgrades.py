"""Upgrades from every released schema, upgrades that fail, and files from a newer release."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from cdsdesk.domain.errors import UserError
from cdsdesk.paths import migrations_dir
from cdsdesk.store.backup import list_backups
from cdsdesk.store.engine import make_engine, resolve_db_url
from cdsdesk.store.errors import MigrationError
from cdsdesk.store.migrate import current_revision, head_revision, known_revisions, upgrade
from cdsdesk.store.models import Base
from cdsdesk.store.session import open_database

FIXTURES = Path(__file__).parent / "fixtures"
RELEASED = sorted(FIXTURES.glob("schema_*.db"))
TABLES = ["agencies", "plans", "pillars", "areas", "tasks", "task_cooperators", "status_updates", "indicators",
          "targets", "indicator_values", "meetings", "directives", "import_batches", "form_issues", "audit_log",
          "settings"]


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def snapshot(path: Path) -> dict[str, list[tuple]]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        names = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        return {t: con.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in TABLES if t in names}
    finally:
        con.close()


def schema_sql(path: Path) -> list[tuple]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return con.execute("SELECT type, name, sql FROM sqlite_master ORDER BY type, name").fetchall()
    finally:
        con.close()


def test_every_released_schema_has_a_fixture():
    assert RELEASED, "tests/store/fixtures/schema_*.db missing"
    assert {p.stem.removeprefix("schema_") for p in RELEASED} <= known_revisions()
    assert "0001" in {p.stem.removeprefix("schema_") for p in RELEASED}


def test_exactly_one_head():
    from alembic.script import ScriptDirectory
    from cdsdesk.store.migrate import alembic_config

    assert len(ScriptDirectory.from_config(alembic_config()).get_heads()) == 1


def test_upgrading_an_empty_database_gives_exactly_the_models(db):
    assert current_revision(db) == head_revision()
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
        tables = set(inspect(conn).get_table_names())
    assert diff == []
    assert tables == set(Base.metadata.tables) | {"alembic_version"}


@pytest.mark.parametrize("fixture", RELEASED, ids=lambda p: p.stem)
def test_upgrade_from_released_schema_keeps_every_row(fixture, tmp_path):
    work = tmp_path / "Dữ liệu cũ.db"
    shutil.copyfile(fixture, work)
    before = snapshot(work)
    assert len(before["tasks"]) == 48 and len(before["status_updates"]) == 78

    database = open_database(work)
    try:
        assert current_revision(database) == head_revision()
        with database.session() as s:
            title = s.execute(text("SELECT title FROM tasks WHERE code='NV-007'")).scalar()
            status = s.execute(text("SELECT status, progress FROM tasks WHERE code='NV-012'")).one()
    finally:
        database.dispose()
    after = snapshot(work)
    for table, rows in before.items():
        assert len(after[table]) == len(rows), table
        # Columns added by later revisions come after the old ones: the old ones are unchanged.
        assert [r[: len(rows[0])] for r in after[table]] == rows if rows else True, table
    assert title == "Kết nối, chia sẻ dữ liệu dân cư phục vụ Đề án 06 (đợt 1)"
    assert tuple(status) == ("done", 100)
    assert sqlite3.connect(work).execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    pre = [b for b in list_backups(work) if b.kind == "pre-upgrade"]
    assert [b.detail for b in pre] == [fixture.stem.removeprefix("schema_")], "a backup precedes the upgrade"
    assert snapshot(pre[0].path) == before


def _failing_scripts(tmp_path: Path, body: str) -> Path:
    """A copy of the shipped migrations plus one more revision on top that runs ``body``."""
    scripts = tmp_path / "scripts"
    shutil.copytree(migrations_dir(), scripts, ignore=shutil.ignore_patterns("__pycache__"))
    head = head_revision()
    (scripts / "versions" / "9999_broken.py").write_text(
        f'''"""broken"""
from alembic import op
import sqlalchemy as sa

revision = "9999"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
{body}


def downgrade():
    pass
''', encoding="utf-8")
    return scripts


BROKEN_RAISES = '''    with op.batch_alter_table("tasks") as b:
        b.add_column(sa.Column("weight", sa.Integer(), nullable=True))
    op.execute("UPDATE tasks SET title = 'overwritten'")
    with op.batch_alter_table("agencies") as b:
        b.alter_column("name", type_=sa.String(10))
    raise RuntimeError("disk pulled out half-way")'''

BROKEN_FOREIGN_KEY = '''    with op.batch_alter_table("tasks") as b:
        b.add_column(sa.Column("weight", sa.Integer(), nullable=True))
    op.execute("UPDATE tasks SET lead_agency_id = 9999 WHERE id = 3")'''


@pytest.mark.parametrize("body", [BROKEN_RAISES, BROKEN_FOREIGN_KEY], ids=["raises", "foreign-key"])
def test_failing_migration_leaves_schema_and_rows_as_they_were(body, tmp_path):
    work = tmp_path / "cdsdesk.db"
    shutil.copyfile(RELEASED[-1], work)
    database = open_database(work)  # up to head, as released
    database.dispose()
    schema, rows = schema_sql(work), snapshot(work)
    scripts = _failing_scripts(tmp_path, body)
    database = make_engine(resolve_db_url(work))
    try:
        with pytest.raises(MigrationError) as err:
            upgrade(database, script_location=scripts)
        assert "rolled back" in err.value.en
        assert current_revision(database) == head_revision()
        with database.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1, "foreign keys back on"
    finally:
        database.dispose()
    assert schema_sql(work) == schema
    assert snapshot(work) == rows
    names = [r[1] for r in schema_sql(work)]
    assert not [n for n in names if n.startswith("_alembic_tmp_")]
    assert sqlite3.connect(work).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_database_from_a_newer_release_is_refused_untouched(tmp_path):
    work = tmp_path / "newer.db"
    shutil.copyfile(RELEASED[-1], work)
    con = sqlite3.connect(work)
    con.execute("UPDATE alembic_version SET version_num = '9999_future'")
    con.commit()
    con.close()
    digest = sha(work)
    with pytest.raises(UserError) as err:
        open_database(work)
    assert "newer cdsdesk" in err.value.en and "mới hơn" in err.value.vi
    assert sha(work) == digest
    assert not list_backups(work)


def test_a_foreign_sqlite_file_is_not_taken_over(tmp_path):
    work = tmp_path / "other.sqlite"
    con = sqlite3.connect(work)
    con.execute("CREATE TABLE contacts (name TEXT)")
    con.execute("INSERT INTO contacts VALUES ('Nguyễn An')")
    con.commit()
    con.close()
    digest = sha(work)
    with pytest.raises(UserError, match="not a cdsdesk database"):
        open_database(work)
    assert sha(work) == digest


def test_audit_log_is_append_only(db):
    from sqlalchemy.exc import DBAPIError

    from cdsdesk.services import audit

    with db.session() as s:
        audit.log(s, entity="task", uuid="u-1", label="NV-001", action="create", new="Nhiệm vụ")
    for sql in ("UPDATE audit_log SET who = 'someone else'", "DELETE FROM audit_log"):
        with pytest.raises(DBAPIError, match="append-only"):
            with db.session() as s:
                s.execute(text(sql))
    with db.session() as s:
        assert s.execute(text("SELECT who, entity_label FROM audit_log")).all() == [("tester", "NV-001")]


def test_only_the_sanctioned_reset_empties_the_audit_log(db):
    from sqlalchemy.exc import DBAPIError

    from cdsdesk.services import audit
    from cdsdesk.store.session import reset_audit_log

    with db.session() as s:
        audit.log(s, entity="task", uuid="u-1", label="NV-001", action="create", new="Nhiệm vụ")
    with pytest.raises(DBAPIError, match="append-only"):  # the marker does not allow updates
        with db.session() as s:
            s.execute(text("INSERT INTO settings (key, value) VALUES ('audit_log_reset', '1')"))
            s.execute(text("UPDATE audit_log SET who = 'x'"))
    with db.session() as s:
        assert reset_audit_log(s) == 1
    with db.session() as s:
        assert s.execute(text("SELECT count(*) FROM audit_log")).scalar() == 0
        assert s.execute(text("SELECT count(*) FROM settings WHERE key = 'audit_log_reset'")).scalar() == 0


def test_an_import_may_name_itself_only_on_entries_written_during_its_run(db):
    import datetime as dt

    from sqlalchemy.exc import DBAPIError

    from cdsdesk.services import audit
    from cdsdesk.services.batches import begin_batch

    with db.session() as s:
        old = audit.log(s, entity="task", uuid="u-old", label="NV-001", action="create", new="Trước")
        old.at = dt.datetime(2024, 1, 1, 8, 0)
    with db.session() as s:
        batch = begin_batch(s, kind="legacy", source_name="sheet.xlsx")
        fresh = audit.log(s, entity="agency", uuid="u-new", label="SNV", action="create", new="Sở Nội vụ")
        s.flush()
        fresh.batch_id, fresh.source, fresh.entity_uuid = batch.id, "import:sheet.xlsx", "u-travelling"
        batch_id = batch.id
    with db.session() as s:
        row = s.scalar(select_entry("u-travelling"))
        assert (row.batch_id, row.source) == (batch_id, "import:sheet.xlsx")
    claims = [
        ("UPDATE audit_log SET batch_id = :b, source = 'import:x' WHERE entity_uuid = 'u-old'", "older entry"),
        ("UPDATE audit_log SET new = 'Sửa' WHERE entity_uuid = 'u-travelling'", "content"),
        ("UPDATE audit_log SET batch_id = NULL WHERE entity_uuid = 'u-travelling'", "unclaim"),
    ]
    for sql, why in claims:
        with pytest.raises(DBAPIError, match="append-only"):
            with db.session() as s:
                s.execute(text(sql), {"b": batch_id} if ":b" in sql else {})
    with db.session() as s:
        assert s.execute(text("SELECT batch_id FROM audit_log WHERE entity_uuid = 'u-old'")).scalar() is None


def select_entry(uuid: str):  # noqa: ANN201
    from sqlalchemy import select

    from cdsdesk.store.models import AuditEntry

    return select(AuditEntry).where(AuditEntry.entity_uuid == uuid)
