"""A checked backup copy is taken before an import changes anything — one per import action."""

from __future__ import annotations

import sqlite3

import pytest

from cdsdesk.store.backup import list_backups

from .conftest import fill_form, run_import


def _pre_import(db):  # noqa: ANN001
    if db.path is None:  # a server database is backed up with the server's own tools
        pytest.skip("backup copies are taken of database files only")
    return [b for b in list_backups(db.path) if b.kind == "pre-import"]


def test_backup_before_an_import_holds_the_data_as_it_was(db, province, form):
    fill_form(form, tasks={"DA06-1": {"status": "Hoàn thành", "note": "Đã xong"}})
    assert run_import(db, form, dry_run=True).files[0].outcome.value == "dry_run"
    assert _pre_import(db) == []  # a dry run changes nothing, so it copies nothing
    result = run_import(db, form)
    assert result.files[0].outcome.value == "applied"
    [copy] = _pre_import(db)
    with sqlite3.connect(copy.path) as c:  # the copy is the database before the import
        assert c.execute("select count(*) from import_batches").fetchone()[0] == 0
        assert c.execute("pragma integrity_check").fetchone()[0] == "ok"
    assert run_import(db, form).files[0].outcome.value == "duplicate"
    assert len(_pre_import(db)) == 1  # nothing to apply, no new copy


def test_one_backup_for_several_files_in_one_action(db, province, form, tmp_path):
    a = fill_form(form, tmp_path / "a.xlsx", tasks={"DA06-1": {"progress": 60}})
    b = fill_form(form, tmp_path / "b.xlsx", tasks={"DA06-2": {"progress": 30}})
    result = run_import(db, a, b)
    assert [f.outcome.value for f in result.files] == ["applied", "applied"]
    assert len(_pre_import(db)) == 1
