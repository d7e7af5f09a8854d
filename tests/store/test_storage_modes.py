"""How the file is opened: WAL on a local disk; on a network share the rollback journal with an
exclusive lock, and the reason said; storage failures as plain messages."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from cdsdesk.store.engine import is_network_path
from cdsdesk.store.errors import DatabaseLockedError, DiskFullError, ReadOnlyDatabaseError, translate_sqlite_error
from cdsdesk.store.session import open_database

pytestmark = pytest.mark.sqlite_only

MOUNTS = """/dev/sda1 / ext4 rw 0 0
//fileserver/bcd /mnt/van-phong cifs rw 0 0
nas:/export /srv/nas nfs4 rw 0 0
/dev/sdb1 /mnt/van-phong/local-usb vfat rw 0 0
"""


@pytest.mark.parametrize("path, network", [
    ("//fileserver/bcd/cdsdesk.db", True),
    ("\\\\fileserver\\bcd\\cdsdesk.db", True),
    ("/mnt/van-phong/Ban chỉ đạo/cdsdesk.db", True),
    ("/srv/nas/cdsdesk.db", True),
    ("/mnt/van-phong/local-usb/cdsdesk.db", False),  # the longest mount point wins
    ("/home/thuky/cdsdesk.db", False),
])
def test_network_paths_are_recognised(path, network):
    assert is_network_path(Path(path), mounts=MOUNTS) is network


def test_local_file_uses_wal(tmp_path):
    db = open_database(tmp_path / "a.db")
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA locking_mode").scalar() == "normal"
    assert db.notices == []
    db.dispose()


def test_network_share_uses_the_rollback_journal_with_an_exclusive_lock_and_says_why(tmp_path, monkeypatch):
    monkeypatch.setenv("CDSDESK_NETWORK_SHARE", "1")
    db = open_database(tmp_path / "share.db")
    try:
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "delete"
            assert conn.exec_driver_sql("PRAGMA locking_mode").scalar() == "exclusive"
        assert db.network and db.journal_mode == "delete"
        [notice] = db.notices
        assert "WAL" in notice and "mạng" in notice and "exclusive lock" in notice
    finally:
        db.dispose()
    assert not Path(str(tmp_path / "share.db") + "-wal").exists()


@pytest.mark.parametrize("message, kind", [
    ("database is locked", DatabaseLockedError),
    ("database or disk is full", DiskFullError),
    ("attempt to write a readonly database", ReadOnlyDatabaseError),
])
def test_sqlite_failures_become_bilingual_messages(message, kind):
    err = translate_sqlite_error(sqlite3.OperationalError(message), Path("x.db"))
    assert isinstance(err, kind) and err.vi != err.en and "x.db" in err.en


def test_other_sqlite_errors_are_left_alone():
    assert translate_sqlite_error(sqlite3.IntegrityError("UNIQUE constraint failed: tasks.code")) is None
