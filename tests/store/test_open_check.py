"""Opening a database: a large file cdsdesk left sound is not read page by page again within the
day, a file changed behind cdsdesk's back is; the schema revision is read without Alembic."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from cdsdesk.services import agencies, tasks
from cdsdesk.store import integrity
from cdsdesk.store.errors import DamagedDatabaseError
from cdsdesk.store.integrity import check_on_open
from cdsdesk.store.session import open_database

pytestmark = pytest.mark.sqlite_only


@pytest.fixture
def large(tmp_path, monkeypatch):
    """A database file treated as large (every file is, for the test), closed by cdsdesk."""
    monkeypatch.setattr(integrity, "ALWAYS_CHECK_BYTES", 0)
    path = tmp_path / "tỉnh.db"
    db = open_database(path, daily_backup=False)
    with db.session() as s:
        a = agencies.create_agency(s, code="STTTT", name="Sở Thông tin và Truyền thông", kind="department")
        for i in range(40):
            tasks.create_task(s, {"code": f"NV-{i:03d}", "title": f"Nhiệm vụ {i} " + "số hóa " * 40,
                                  "lead_agency_id": a.id})
    db.dispose()
    return path


def _reopen(path: Path) -> None:
    open_database(path, daily_backup=False).dispose()


def test_a_large_file_left_by_cdsdesk_is_trusted_until_it_changes(large):
    first = check_on_open(large)
    assert first.ok and not first.trusted  # nothing recorded for this content yet: checked in full
    _reopen(large)  # a passing check, then a clean close: recorded
    again = check_on_open(large)
    assert again.ok and again.trusted and again.revision  # the revision is still read
    con = sqlite3.connect(large)  # another program writes to the file
    con.execute("UPDATE tasks SET title = 'sửa ngoài' WHERE code = 'NV-001'")
    con.commit()
    con.close()
    assert not check_on_open(large).trusted


def test_a_large_file_is_checked_again_after_a_day(large):
    _reopen(large)
    _reopen(large)
    now = dt.datetime.now()
    assert check_on_open(large, now=now).trusted
    assert not check_on_open(large, now=now + integrity.RECHECK_EVERY + dt.timedelta(minutes=1)).trusted


def test_a_leftover_journal_means_a_full_check(large):
    _reopen(large)
    Path(str(large) + "-wal").write_bytes(b"\0" * 32)
    try:
        assert not check_on_open(large).trusted
    finally:
        Path(str(large) + "-wal").unlink()


def test_damage_to_a_trusted_large_file_is_still_found_before_any_write(large):
    _reopen(large)
    _reopen(large)
    assert check_on_open(large).trusted
    con = sqlite3.connect(f"file:{large}?mode=ro", uri=True)
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'tasks'").fetchone()[0]
    con.close()
    blob = bytearray(large.read_bytes())
    base = (root - 1) * page_size
    blob[base:base + 8] = b"\x63" * 8  # the tasks table's root page is no longer a b-tree page
    large.write_bytes(bytes(blob))
    before = large.read_bytes()
    with pytest.raises(DamagedDatabaseError):
        open_database(large)
    assert large.read_bytes() == before


def test_small_files_are_checked_in_full_every_time_and_nothing_is_recorded(tmp_path):
    path = tmp_path / "nhỏ.db"
    _reopen(path)
    _reopen(path)
    assert not check_on_open(path).trusted
    assert not (tmp_path / "nhỏ.db.backups" / integrity.STATE_FILE).exists()


def test_migration_files_read_plainly_agree_with_alembic():
    from alembic.script import ScriptDirectory

    from cdsdesk.store import migrate

    script = ScriptDirectory.from_config(migrate.alembic_config())
    plain = migrate._plain_graph(None)
    assert plain is not None, "the migration files should be readable without Alembic"
    assert plain[0] == script.get_current_head()
    assert plain[1] == {r.revision for r in script.walk_revisions()}


def test_opening_an_up_to_date_database_does_not_load_alembic(tmp_path):
    path = tmp_path / "x.db"
    _reopen(path)
    code = (
        "import sys; from cdsdesk.store.session import open_database;"
        f"open_database({str(path)!r}, daily_backup=False).dispose();"
        "print('alembic' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "CDSDESK_USER": "tester"})
    assert out.stdout.strip() == "False"
