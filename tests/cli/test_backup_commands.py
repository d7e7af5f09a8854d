"""``cdsdesk backup``, ``restore`` and ``check`` as a user runs them."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from cdsdesk.cli.main import main
from cdsdesk.services import tasks
from cdsdesk.store.session import open_database


def titles(path: Path) -> list[str]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [r[0] for r in con.execute("SELECT title FROM tasks ORDER BY code")]
    finally:
        con.close()


@pytest.fixture
def dbfile(tmp_path):
    path = tmp_path / "Văn phòng.db"
    db = open_database(path)
    with db.session() as s:
        tasks.create_task(s, {"code": "NV-001", "title": "Số hóa hồ sơ"})
    db.dispose()
    return path


def test_backup_to_a_file_then_restore_it(dbfile, tmp_path, capsys):
    out = tmp_path / "sao lưu" / "bản 1.db"
    assert main(["--db", str(dbfile), "backup", "-o", str(out)]) == 0
    assert "backed up and checked" in capsys.readouterr().out
    assert titles(out) == ["Số hóa hồ sơ"]

    db = open_database(dbfile)
    with db.session() as s:
        tasks.create_task(s, {"code": "NV-002", "title": "Nhập sau bản sao lưu"})
    db.dispose()

    assert main(["--json", "--db", str(dbfile), "restore", str(out)]) == 0
    info = json.loads(capsys.readouterr().out)
    assert titles(dbfile) == ["Số hóa hồ sơ"]
    assert titles(Path(info["previous_backup"])) == ["Số hóa hồ sơ", "Nhập sau bản sao lưu"]


def test_backup_list_names_every_copy(dbfile, capsys):
    assert main(["--db", str(dbfile), "backup"]) == 0
    assert main(["--db", str(dbfile), "backup"]) == 0
    capsys.readouterr()
    assert main(["--json", "--db", str(dbfile), "backup", "--list"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [b["kind"] for b in listed] == ["manual", "manual"]
    assert all(Path(b["file"]).parent.name == "Văn phòng.db.backups" for b in listed)


def test_check_reports_ok_and_damage(dbfile, capsys):
    assert main(["--db", str(dbfile), "check"]) == 0
    assert "integrity: ok" in capsys.readouterr().out
    assert main(["--db", str(dbfile), "backup"]) == 0
    data = bytearray(dbfile.read_bytes())
    data[4096 * 3] = 0x42  # page 4's type byte
    dbfile.write_bytes(bytes(data))
    capsys.readouterr()
    assert main(["--db", str(dbfile), "check"]) == 3
    captured = capsys.readouterr()
    assert "THE FILE IS DAMAGED" in captured.out and "restore" in captured.out
    assert "damaged" in captured.err
    assert main(["--db", str(dbfile), "tasks"]) == 1  # every other command refuses it too
    assert "damaged" in capsys.readouterr().err


def test_restore_refuses_a_file_that_is_not_a_backup(dbfile, tmp_path, capsys):
    junk = tmp_path / "thư.db"
    junk.write_bytes(b"not a database at all" * 10)
    before = dbfile.read_bytes()
    assert main(["--db", str(dbfile), "restore", str(junk)]) == 1
    assert "damaged" in capsys.readouterr().err
    assert dbfile.read_bytes() == before
