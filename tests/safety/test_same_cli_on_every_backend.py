"""The same CLI on SQLite and on PostgreSQL (``--db postgresql+psycopg://…``): init, demo, a status
update with history, the summary, an import of a filled-in form, and its undo."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from cdsdesk.cli.main import main

sys.path.insert(0, str(Path(__file__).parent))
import faultkit  # noqa: E402


def run_json(capsys, *args: str):  # noqa: ANN001, ANN201
    capsys.readouterr()
    code = main([*args, "--json"])
    out = capsys.readouterr()
    assert code == 0, out.err
    return json.loads(out.out)


def test_cli_commands_work_the_same(db_url, capsys):
    assert main(["--db", db_url, "init"]) == 0
    loaded = run_json(capsys, "--db", db_url, "demo")
    assert loaded["tasks"] > 10
    tasks = run_json(capsys, "--db", db_url, "tasks")
    code = tasks[0]["code"]
    before = run_json(capsys, "--db", db_url, "summary")
    assert before["total"] == loaded["tasks"]
    out = run_json(capsys, "--db", db_url, "update", code, "--status", "blocked", "--note", "Chờ kinh phí")
    assert out["status"] == "blocked"
    after = run_json(capsys, "--db", db_url, "summary")
    assert after["total"] == before["total"] and after["blocked"] == before["blocked"] + (tasks[0]["status"] != "blocked")
    assert main(["--db", db_url, "check"]) == 0


def test_import_and_undo_work_the_same(db_url, tmp_path, capsys):
    from cdsdesk.exchange.importer import ImportOptions, import_files, undo
    from cdsdesk.store.session import open_database

    template = tmp_path / "Phiếu.xlsx"
    faultkit.seed(db_url if "://" in db_url else Path(db_url), form=template)
    db = open_database(db_url)
    try:
        result = import_files(db, [faultkit.filled_form(template, tmp_path / "Phiếu 1.xlsx", 1)],
                              ImportOptions(on_conflict="theirs"))
        assert result.files[0].outcome.value == "applied"
        batch = result.files[0].batch_id
        from sqlalchemy import func, select

        from cdsdesk.store.models import StatusUpdate, Task

        with db.session() as s:
            assert s.scalar(select(func.count()).select_from(StatusUpdate).where(StatusUpdate.batch_id == batch)) \
                == faultkit.N_TASKS
            assert set(s.scalars(select(Task.progress))) == {10}
        undo(db, batch)
        with db.session() as s:
            assert set(s.scalars(select(Task.progress))) == {0}
    finally:
        db.dispose()
