"""A full disk and a lock held by another program: a clear message, nothing half-written, and the
app works again once the space or the lock is back."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import event

sys.path.insert(0, str(Path(__file__).parent))
import faultkit  # noqa: E402

from cdsdesk.store.errors import DatabaseLockedError, DiskFullError  # noqa: E402
from cdsdesk.store.session import open_database  # noqa: E402

pytestmark = pytest.mark.sqlite_only
HERE = Path(__file__).parent
POSIX = pytest.mark.skipif(sys.platform == "win32", reason="resource limits and signals are POSIX")


def child(args: list[str], *, fsize: int | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    def limit() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))

    return subprocess.run([sys.executable, str(HERE / "faultkit.py"), *args], capture_output=True, text=True,
                          timeout=120, preexec_fn=limit if fsize else None, env={**os.environ, **(env or {})})


@pytest.mark.parametrize("network", [False, True], ids=["wal", "delete"])
def test_max_page_count_full_disk(network, tmp_path, record_count, monkeypatch):
    path = tmp_path / "full.db"
    faultkit.seed(path, network=network)
    if network:
        monkeypatch.setenv("CDSDESK_NETWORK_SHARE", "1")
    before = faultkit.counts(path)
    db = open_database(path, daily_backup=False)

    @event.listens_for(db.engine, "connect")
    def _cap(dbapi_conn, _rec):  # noqa: ANN001
        pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
        dbapi_conn.execute(f"PRAGMA max_page_count={pages}")

    db.engine.dispose()  # new connections get the cap
    try:
        with pytest.raises(DiskFullError) as err:
            faultkit.bulk_write(db, 1, note_size=2000)
        assert "đầy" in err.value.vi and "disk is full" in err.value.en and "not saved" in err.value.en
        assert faultkit.counts(path) == before
        event.remove(db.engine, "connect", _cap)
        db.engine.dispose()  # space is back
        faultkit.bulk_write(db, 1, note_size=2000)
    finally:
        db.dispose()
    got = faultkit.verify(path)
    assert got["integrity"] == ["ok"] and got["batches"] == 1 and got["broken_batches"] == []
    record_count("disk full (max_page_count)", 1)


@POSIX
@pytest.mark.parametrize("network", [False, True], ids=["wal", "delete"])
def test_file_size_limit_in_a_child_process(network, tmp_path, record_count, monkeypatch):
    path = tmp_path / "limit.db"
    faultkit.seed(path, network=network)
    env = {"CDSDESK_NETWORK_SHARE": "1"} if network else {"CDSDESK_NETWORK_SHARE": "0"}
    monkeypatch.setenv("CDSDESK_NETWORK_SHARE", env["CDSDESK_NETWORK_SHARE"])
    before = faultkit.counts(path)
    limit = path.stat().st_size + 16 * 1024
    r = child(["write", str(path), "1", "40000"], fsize=limit, env=env)
    assert r.returncode == 3, r.stdout + r.stderr
    assert "Traceback" not in r.stderr
    out = json.loads(r.stdout)
    assert "not saved" in out["error_en"] and "chưa được lưu" in out["error_vi"]
    assert faultkit.counts(path) == before
    assert faultkit.verify(path)["integrity"] == ["ok"]
    db = open_database(path, daily_backup=False)  # the limit is gone: it works
    try:
        faultkit.bulk_write(db, 1, note_size=40000)
    finally:
        db.dispose()
    got = faultkit.verify(path)
    assert got["integrity"] == ["ok"] and got["batches"] == 1 and got["broken_batches"] == []
    record_count("disk full (RLIMIT_FSIZE child)", 1)


HOLD = """
import sqlite3, sys, time
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("BEGIN EXCLUSIVE")
con.execute("UPDATE settings SET value = value WHERE key = 'database_id'")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
con.execute("COMMIT")
"""


def hold_lock(path: Path, seconds: float) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(path), str(seconds)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "locked"
    return proc


@pytest.mark.parametrize("network", [False, True], ids=["wal", "delete"])
def test_lock_held_3s_the_write_waits_its_turn(network, tmp_path, monkeypatch, record_count):
    path = tmp_path / "shared.db"
    faultkit.seed(path, network=network)
    if network:
        monkeypatch.setenv("CDSDESK_NETWORK_SHARE", "1")
    holder = hold_lock(path, 3)
    try:
        t0 = time.monotonic()
        db = open_database(path, daily_backup=False)
        faultkit.bulk_write(db, 1)  # busy timeout 5 s > 3 s: waits, then goes through
        waited = time.monotonic() - t0
        db.dispose()
    finally:
        holder.wait(30)
    assert 2.0 <= waited < 5.0
    assert faultkit.verify(path)["batches"] == 1
    record_count("lock held by another process (3 s)", 1)


def test_network_share_second_copy_is_told_to_wait(tmp_path, monkeypatch, record_count):
    """On a share the first copy keeps an exclusive lock; a second copy gets a message, not a freeze."""
    monkeypatch.setenv("CDSDESK_NETWORK_SHARE", "1")
    monkeypatch.setenv("CDSDESK_BUSY_TIMEOUT_MS", "1000")
    path = tmp_path / "share.db"
    faultkit.seed(path, network=True)
    first = open_database(path, daily_backup=False)
    assert first.journal_mode == "delete" and any("WAL" in n for n in first.notices)
    faultkit.bulk_write(first, 1)
    try:
        r = child(["write", str(path), "2", "40"], env={"CDSDESK_NETWORK_SHARE": "1",
                                                         "CDSDESK_BUSY_TIMEOUT_MS": "1000"})
        assert r.returncode == 3 and "Traceback" not in r.stderr, r.stdout + r.stderr
        assert "another program" in json.loads(r.stdout)["error_en"]
    finally:
        first.dispose()
    second = open_database(path, daily_backup=False)  # the first copy closed: the second works
    try:
        faultkit.bulk_write(second, 2)
    finally:
        second.dispose()
    assert not Path(str(path) + "-wal").exists()
    assert faultkit.verify(path)["batches"] == 2
    record_count("second copy on a network share", 1)


@pytest.mark.slow
def test_lock_held_30s_a_clear_message_not_a_freeze(tmp_path, record_count):
    path = tmp_path / "shared.db"
    faultkit.seed(path)
    db = open_database(path, daily_backup=False)
    holder = hold_lock(path, 30)
    try:
        t0 = time.monotonic()
        with pytest.raises(DatabaseLockedError) as err:
            faultkit.bulk_write(db, 1)
        waited = time.monotonic() - t0
        assert 4.5 <= waited < 10, "gives up after the 5 s busy timeout"
        assert "another program" in err.value.en and "chưa được lưu" in err.value.vi
        assert faultkit.counts(path)[0] == 0
        if faultkit.SOAK:
            holder.wait(40)  # the whole 30 s
        else:
            holder.terminate()
            holder.wait(10)
        faultkit.bulk_write(db, 1)  # the lock is gone: the same window works again
    finally:
        db.dispose()
        if holder.poll() is None:
            holder.kill()
    assert faultkit.verify(path)["batches"] == 1
    record_count("lock held by another process (30 s)", 1)

