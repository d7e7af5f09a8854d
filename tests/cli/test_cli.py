"""The CLI end to end: real processes for the contract scripts rely on, main() for the rest."""

import json
import subprocess
import sys

from cdsdesk.cli.main import main


def run(*args, env_db=None):
    return subprocess.run([sys.executable, "-m", "cdsdesk", *args], capture_output=True, text=True,
                          env={**__import__("os").environ, "CDSDESK_USER": "tester"})


def test_init_then_empty_plans(tmp_path):
    db = tmp_path / "dữ liệu.db"  # Vietnamese letters in the file name
    r = run("--db", str(db), "init")
    assert r.returncode == 0 and db.exists()
    r = run("--db", str(db), "plans", "--json")
    assert r.returncode == 0 and json.loads(r.stdout) == []
    import sqlite3

    with sqlite3.connect(db) as c:  # the 3 pillars and 8 areas come with every new database
        assert c.execute("select count(*) from pillars").fetchone()[0] == 3
        assert c.execute("select count(*) from areas").fetchone()[0] == 8
    assert run("--db", str(db), "init").returncode == 0  # idempotent
    with sqlite3.connect(db) as c:
        assert c.execute("select count(*) from areas").fetchone()[0] == 8


def test_errors_are_one_line_never_a_traceback(tmp_path):
    cases = [
        (["--db", str(tmp_path / "missing" / "x.db"), "plans"], 1, "không tồn tại"),
        (["--db", str(tmp_path / "none.db"), "plans"], 1, "Không tìm thấy cơ sở dữ liệu"),
        (["--db", str(tmp_path), "plans"], 1, "thư mục"),
        (["bogus"], 2, "usage error"),
        (["--db", str(tmp_path / "x.db"), "summary", "--as-of", "2024-13-01"], 2, "YYYY-MM-DD"),
    ]
    for args, code, text in cases:
        r = run(*args)
        assert r.returncode == code, (args, r.stderr)
        assert text in r.stderr and "Traceback" not in r.stderr
        assert len(r.stderr.strip().splitlines()) == 1


def test_garbage_file_is_refused_and_left_untouched(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not a database" * 100)
    before = bad.read_bytes()
    r = run("--db", str(bad), "plans")
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert bad.read_bytes() == before


def test_update_and_summary_through_main(tmp_path, capsys):
    db = str(tmp_path / "c.db")
    assert main(["--db", db, "init"]) == 0
    from cdsdesk.services import agencies, tasks
    from cdsdesk.store.session import open_database

    d = open_database(db)
    with d.session() as s:
        a = agencies.create_agency(s, code="STTTT", name="Sở Thông tin và Truyền thông", kind="department")
        tasks.create_task(s, {"code": "NV-1", "title": "Số hóa hồ sơ", "lead_agency_id": a.id})
    d.dispose()
    capsys.readouterr()
    assert main(["--db", db, "update", "NV-1", "--status", "in_progress", "--progress", "40",
                 "--note", "Đã số hóa 40%", "--date", "2024-05-01", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["status"], out["progress"], out["revision"]) == ("in_progress", 40, 2)
    assert main(["--db", db, "summary", "--json"]) == 0
    s = json.loads(capsys.readouterr().out)
    assert (s["total"], s["in_progress"]) == (1, 1)
    assert main(["--db", db, "summary", "--as-of", "2024-04-30", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["not_started"] == 1
    assert main(["--db", db, "tasks", "--search", "so hoa", "--json"]) == 0
    [t] = json.loads(capsys.readouterr().out)
    assert (t["code"], t["lead_agency"], t["progress"]) == ("NV-1", "STTTT", 40)
    assert main(["--db", db, "update", "NV-1", "--status", "xong"]) == 1
    assert "không phải là trạng thái hợp lệ" in capsys.readouterr().err
    assert main(["--db", db, "update", "NV-9", "--status", "done"]) == 1
    assert "NV-9" in capsys.readouterr().err
    assert main(["--db", db, "agencies", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == [
        {"code": "STTTT", "name": "Sở Thông tin và Truyền thông", "kind": "department", "parent": None}]


def test_db_from_environment(tmp_path, monkeypatch, capsys):
    db = tmp_path / "env.db"
    monkeypatch.setenv("CDSDESK_DB", str(db))
    assert main(["init"]) == 0
    assert db.exists()


def test_first_run_on_a_fresh_account_makes_the_default_database(tmp_path):
    """No --db, no CDSDESK_DB, a user data folder that does not exist yet (a new Windows or Linux
    account): the demo lands in the default file, its folder made on the way."""
    import os
    from pathlib import Path

    data = tmp_path / "dữ liệu người dùng"  # not created: the app must make its own folder
    env = {k: v for k, v in os.environ.items() if k != "CDSDESK_DB"}
    env.update(XDG_DATA_HOME=str(data), LOCALAPPDATA=str(data), HOME=str(tmp_path))
    r = subprocess.run([sys.executable, "-m", "cdsdesk", "demo"], capture_output=True, text=True, env=env)
    assert r.returncode == 0, r.stderr
    r = subprocess.run([sys.executable, "-m", "cdsdesk", "plans", "--json"], capture_output=True, text=True, env=env)
    plans = {p["code"]: p for p in json.loads(r.stdout)}
    assert plans["DA06-2024"]["total"] == 73
    [db] = [p for p in Path(data).rglob("cdsdesk.db")]
    assert db.parent.name == "cdsdesk"
