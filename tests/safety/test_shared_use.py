"""Two copies of the app on one database: an edit made from a stale screen is a visible conflict,
never a silent overwrite — on SQLite across processes, and on PostgreSQL between two clients."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from sqlalchemy import select

from cdsdesk.domain.errors import ConflictError
from cdsdesk.services import tasks
from cdsdesk.services.lookup import task_by_code
from cdsdesk.store.models import Task
from cdsdesk.store.session import open_database


@pytest.fixture
def one_task(db):
    with db.session() as s:
        t = tasks.create_task(s, {"code": "NV-001", "title": "Số hóa hồ sơ thủ tục hành chính"})
        return t.id


def test_two_clients_a_stale_edit_is_a_conflict(db, db_url, one_task):
    other = open_database(db_url)  # a second client on the same database
    try:
        with db.session() as s:
            seen = s.get(Task, one_task).revision  # the first window shows the task
        with other.session() as s:
            tasks.record_status_update(s, one_task, status="in_progress", progress=30, note="Máy thứ hai",
                                       expected_revision=seen)
        with pytest.raises(ConflictError) as err:
            with db.session() as s:
                tasks.edit_task(s, one_task, {"title": "Sửa từ cửa sổ cũ"}, expected_revision=seen)
        assert "reload" in err.value.en and "tải lại" in err.value.vi
        with db.session() as s:
            t = s.get(Task, one_task)
            assert (t.title, t.status, t.progress) == ("Số hóa hồ sơ thủ tục hành chính", "in_progress", 30)
            assert t.revision == seen + 1
            # Reloaded, the same edit goes through.
            tasks.edit_task(s, one_task, {"title": "Sửa sau khi tải lại"}, expected_revision=t.revision)
    finally:
        other.dispose()
    with db.session() as s:
        assert s.scalar(select(Task.title).where(Task.id == one_task)) == "Sửa sau khi tải lại"


@pytest.mark.sqlite_only
def test_another_process_changed_the_task_while_this_window_edited_it(db, one_task):
    with db.session() as s:
        seen = task_by_code(s, "NV-001").revision
    r = subprocess.run([sys.executable, "-m", "cdsdesk", "--db", str(db.path), "update", "NV-001", "--status", "done",
                        "--note", "Hoàn thành, máy bên cạnh"], capture_output=True, text=True, timeout=120,
                       env={**os.environ, "CDSDESK_USER": "may-ben-canh"})
    assert r.returncode == 0, r.stderr
    with pytest.raises(ConflictError):
        with db.session() as s:
            tasks.record_status_update(s, one_task, status="blocked", note="Từ cửa sổ cũ", expected_revision=seen)
    with db.session() as s:
        t = s.get(Task, one_task)
        assert (t.status, t.progress) == ("done", 100)
        assert [h.note for h in tasks.history(s, one_task)] == ["Hoàn thành, máy bên cạnh"]
