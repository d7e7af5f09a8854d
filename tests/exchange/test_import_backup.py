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


def _dump(db) -> list[str]:  # noqa: ANN001
    con = sqlite3.connect(str(db.path))
    try:
        return list(con.iterdump())
    finally:
        con.close()


def test_no_checked_copy_means_no_file_is_imported(db, province, form, tmp_path, monkeypatch):
    """The action commits only once its copy exists: a copy that cannot be written (disk full)
    leaves the database exactly as it was, for every file of the action."""
    import cdsdesk.store.backup as bk
    from cdsdesk.domain.errors import UserError

    _pre_import(db)
    a = fill_form(form, tmp_path / "a.xlsx", tasks={"DA06-1": {"progress": 60}})
    b = fill_form(form, tmp_path / "b.xlsx", tasks={"DA06-2": {"progress": 30}})
    before = _dump(db)

    def full(src, dest, *, quick=False):  # noqa: ANN001, ANN202
        raise UserError("Ổ đĩa đã đầy", "The disk is full")

    monkeypatch.setattr(bk, "backup_sqlite", full)
    result = run_import(db, a, b)
    assert [f.outcome.value for f in result.files] == ["rejected", "rejected"]
    assert all("The disk is full" in f.file_errors[-1].en and f.batch_id is None for f in result.files)
    assert _dump(db) == before
    assert _pre_import(db) == []


def test_files_are_applied_while_the_copy_is_made_and_the_copy_holds_the_data_before(db, province, form, tmp_path,
                                                                                     monkeypatch):
    """On a local file in WAL mode the copy is made beside the import's writes (it reads its own
    snapshot of the file) and the commit waits for it."""
    import threading

    from sqlalchemy import event

    import cdsdesk.store.backup as bk

    _pre_import(db)
    if db.journal_mode != "wal":
        pytest.skip("the copy overlaps the writes in WAL mode only")
    a = fill_form(form, tmp_path / "a.xlsx", tasks={"DA06-1": {"progress": 60}})
    b = fill_form(form, tmp_path / "b.xlsx", tasks={"DA06-2": {"progress": 30}})
    wrote, order = threading.Event(), []
    real = bk.backup_sqlite

    def after_the_writes(src, dest, *, quick=False):  # noqa: ANN001, ANN202
        order.append("copy waits" if wrote.wait(10) else "copy timed out")
        out = real(src, dest, quick=quick)
        order.append("copy made")
        return out

    def on_write(conn, cursor, statement, *args):  # noqa: ANN001, ANN002
        if statement.lstrip().upper().startswith("INSERT INTO IMPORT_BATCHES"):
            wrote.set()

    monkeypatch.setattr(bk, "backup_sqlite", after_the_writes)
    event.listen(db.engine, "before_cursor_execute", on_write)
    event.listen(db.engine, "commit", lambda conn: order.append("commit"))
    try:
        result = run_import(db, a, b)
    finally:
        event.remove(db.engine, "before_cursor_execute", on_write)
    assert [f.outcome.value for f in result.files] == ["applied", "applied"]
    assert order[:3] == ["copy waits", "copy made", "commit"]
    [copy] = _pre_import(db)
    with sqlite3.connect(copy.path) as c:
        assert c.execute("select count(*) from import_batches").fetchone()[0] == 0
        assert c.execute("pragma quick_check").fetchone()[0] == "ok"
    with sqlite3.connect(str(db.path)) as c:
        assert c.execute("select count(*) from import_batches").fetchone()[0] == 2
