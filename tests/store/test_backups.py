"""Backups: checked copies, rotation, restore that keeps what it replaces, damaged files on open."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select

from cdsdesk.domain.errors import UserError
from cdsdesk.services import agencies, tasks
from cdsdesk.store import backup as bk
from cdsdesk.store.errors import DamagedDatabaseError
from cdsdesk.store.models import Task
from cdsdesk.store.session import open_database

pytestmark = pytest.mark.sqlite_only


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def task_titles(path: Path) -> list[str]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [r[0] for r in con.execute("SELECT title FROM tasks ORDER BY code")]
    finally:
        con.close()


@pytest.fixture
def filled(tmp_path):
    """A database file with two tasks, closed."""
    path = tmp_path / "Ban chỉ đạo.db"
    db = open_database(path)
    with db.session() as s:
        a = agencies.create_agency(s, code="STTTT", name="Sở Thông tin và Truyền thông", kind="department")
        tasks.create_task(s, {"code": "NV-001", "title": "Số hóa hồ sơ", "lead_agency_id": a.id})
        tasks.create_task(s, {"code": "NV-002", "title": "Tập huấn kỹ năng số", "lead_agency_id": a.id})
    db.dispose()
    return path


def add_task(path: Path, code: str, title: str) -> None:
    db = open_database(path, daily_backup=False)
    with db.session() as s:
        tasks.create_task(s, {"code": code, "title": title})
    db.dispose()


def test_backup_is_a_checked_copy_beside_the_database(filled):
    made = bk.make_backup(filled, "manual")
    assert made.parent == filled.with_name("Ban chỉ đạo.db.backups")
    assert made.name.startswith("Ban chỉ đạo-manual-")
    assert task_titles(made) == ["Số hóa hồ sơ", "Tập huấn kỹ năng số"]
    assert sqlite3.connect(made).execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert not list(made.parent.glob("*.part"))


def test_backup_sees_committed_changes_still_in_the_wal(filled):
    db = open_database(filled, daily_backup=False)
    with db.session() as s:  # committed, but still in -wal while the app is open
        tasks.create_task(s, {"code": "NV-003", "title": "Kho dữ liệu dùng chung"})
    try:
        made = bk.pre_import_backup(db)
    finally:
        db.dispose()
    assert "Kho dữ liệu dùng chung" in task_titles(made)
    assert bk.list_backups(filled)[0].kind == "pre-import"


def test_daily_backup_once_a_day(filled):
    day = dt.datetime(2024, 7, 10, 8, 0)
    assert bk.maybe_daily_backup(filled, now=day) is not None
    assert bk.maybe_daily_backup(filled, now=day.replace(hour=17)) is None
    assert bk.maybe_daily_backup(filled, now=day + dt.timedelta(days=1)) is not None
    assert [b.kind for b in bk.list_backups(filled)] == ["daily", "daily"]


def test_opening_an_existing_database_takes_the_days_backup(filled):
    open_database(filled).dispose()
    open_database(filled).dispose()
    daily = [b for b in bk.list_backups(filled) if b.kind == "daily"]
    assert len(daily) == 1 and daily[0].created.date() == dt.date.today()


def test_rotation_keeps_7_daily_4_weekly_12_monthly_and_10_pre_import(filled):
    start = dt.datetime(2023, 1, 1, 9, 0)
    for i in range(400):  # a daily backup every day for 400 days
        bk.backup_sqlite(filled, bk.backups_dir(filled) / bk.stamped_name(filled, "daily", start + dt.timedelta(days=i)))
    for i in range(15):
        bk.backup_sqlite(filled, bk.backups_dir(filled) / bk.stamped_name(filled, "pre-import",
                                                                            start + dt.timedelta(hours=i)))
    bk.rotate(filled)
    left = bk.list_backups(filled)
    daily = sorted(b.created.date() for b in left if b.kind == "daily")
    last = (start + dt.timedelta(days=399)).date()
    assert daily[-7:] == [last - dt.timedelta(days=6 - i) for i in range(7)]
    weeks = {d.isocalendar()[:2] for d in daily}
    months = {(d.year, d.month) for d in daily}
    assert len(months) == 12 and len(weeks) >= 4
    assert len(daily) <= 7 + 4 + 12
    pre = [b for b in left if b.kind == "pre-import"]
    assert len(pre) == 10 and min(b.created for b in pre) == start + dt.timedelta(hours=5)


def test_restore_backs_up_what_it_replaces(filled):
    good = bk.make_backup(filled, "manual")
    add_task(filled, "NV-009", "Thêm sau khi sao lưu")
    result = bk.restore(filled, good)
    assert task_titles(filled) == ["Số hóa hồ sơ", "Tập huấn kỹ năng số"]
    assert result.previous_backup is not None and result.previous_backup.exists()
    assert "Thêm sau khi sao lưu" in task_titles(result.previous_backup)
    assert not Path(str(filled) + "-wal").exists()
    db = open_database(filled)  # and the app works on it
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Task)) == 2
    db.dispose()


def test_restore_refuses_while_the_app_has_the_file_open(filled):
    good = bk.make_backup(filled, "manual")
    db = open_database(filled, daily_backup=False)
    with db.session() as s:
        s.scalar(select(func.count()).select_from(Task))
    before = sha(filled)
    try:
        with pytest.raises(UserError, match="open in another program"):
            bk.restore(filled, good)
    finally:
        db.dispose()
    assert sha(filled) == before  # refused: the open file was not touched
    assert task_titles(filled) == ["Số hóa hồ sơ", "Tập huấn kỹ năng số"]


def test_restore_refuses_a_damaged_backup(filled, tmp_path):
    bad = tmp_path / "bad.db"
    data = bytearray(bk.make_backup(filled, "manual").read_bytes())
    data[len(data) // 2:] = b"\x00" * (len(data) - len(data) // 2)
    bad.write_bytes(bytes(data[: len(data) - 100]))
    before = sha(filled)
    with pytest.raises(DamagedDatabaseError):
        bk.restore(filled, bad)
    assert sha(filled) == before


def test_damaged_database_on_open_names_the_newest_good_backup_and_stays_byte_identical(filled):
    good = bk.make_backup(filled, "manual")
    data = bytearray(filled.read_bytes())
    data[4096 + 0] = 0x77  # page 2's b-tree page type: no such type
    filled.write_bytes(bytes(data))
    before = sha(filled)
    with pytest.raises(DamagedDatabaseError) as err:
        open_database(filled)
    assert err.value.newest_backup == good
    assert good.name in err.value.vi and "damaged" in err.value.en
    assert sha(filled) == before
    result = bk.restore_newest_good(filled)
    assert result.damaged_aside == filled.with_name(filled.name + ".damaged")
    assert sha(result.damaged_aside) == before
    assert task_titles(filled) == ["Số hóa hồ sơ", "Tập huấn kỹ năng số"]


def test_foreign_key_violation_counts_as_damage(filled):
    con = sqlite3.connect(filled)
    con.execute("PRAGMA foreign_keys=OFF")
    con.execute("UPDATE tasks SET lead_agency_id = 777")
    con.commit()
    con.close()
    before = sha(filled)
    with pytest.raises(DamagedDatabaseError, match="foreign key"):
        open_database(filled)
    assert sha(filled) == before


def test_pre_import_backup_is_none_for_postgresql():
    class FakeDb:
        is_sqlite = False
        path = None

    assert bk.pre_import_backup(FakeDb()) is None


def test_a_backup_taken_while_another_connection_commits_holds_one_consistent_state(tmp_path):
    """The copy is taken under one read transaction: commits and checkpoints going on beside it
    never leave a copy with half of a transaction."""
    import threading

    path = tmp_path / "đang ghi.db"
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("CREATE TABLE rows (id INTEGER PRIMARY KEY, body TEXT)")
    con.execute("CREATE TABLE tally (n INTEGER)")
    con.execute("INSERT INTO tally VALUES (0)")
    with con:
        con.executemany("INSERT INTO rows (body) VALUES (?)", [("x" * 400,)] * 5000)
        con.execute("UPDATE tally SET n = 5000")
    stop = threading.Event()

    def writer() -> None:
        w = sqlite3.connect(path, timeout=30)
        i = 0
        while not stop.is_set():
            with w:  # one transaction: 50 rows and the tally that counts them
                w.executemany("INSERT INTO rows (body) VALUES (?)", [("y" * 400,)] * 50)
                w.execute("UPDATE tally SET n = n + 50")
            i += 1
            if i % 5 == 0:
                w.execute("PRAGMA wal_checkpoint(PASSIVE)")
        w.close()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        copies = [bk.backup_sqlite(path, tmp_path / f"bản sao {k}.db", quick=True) for k in range(6)]
    finally:
        stop.set()
        thread.join()
        con.close()
    counts = []
    for copy in copies:
        c = sqlite3.connect(copy)
        rows, tally = c.execute("SELECT count(*) FROM rows").fetchone()[0], c.execute("SELECT n FROM tally").fetchone()[0]
        assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        c.close()
        assert rows == tally
        counts.append(rows)
    assert counts[-1] > 5000  # the writer did commit while the copies were made
