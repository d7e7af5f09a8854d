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
from cdsdesk.store.models import AuditEntry, IndicatorValue, Task
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


def _interleaved(db, db_url, task_id, first, second):
    """Two clients both read the task at the same revision and pass the check, then write one after
    the other: the second write must find the revision moved and change nothing."""
    other = open_database(db_url)
    try:
        s1, s2 = db.sessions(), other.sessions()
        try:
            # Each client holds the task it read (as an open form does): the check below passes
            # on what it read, so only the write itself can notice the other client.
            held = s1.get(Task, task_id), s2.get(Task, task_id)
            seen1, seen2 = held[0].revision, held[1].revision
            assert seen1 == seen2
            first(s1, seen1)
            s1.commit()
            with pytest.raises(ConflictError) as err:
                second(s2, seen2)
                s2.commit()
            s2.rollback()
        finally:
            s1.close()
            s2.close()
        return seen1, err.value
    finally:
        other.dispose()


def test_two_clients_editing_at_once_the_second_write_is_a_conflict(db, db_url, one_task):
    seen, err = _interleaved(
        db, db_url, one_task,
        lambda s, rev: tasks.edit_task(s, one_task, {"title": "Tên do máy thứ nhất sửa"}, expected_revision=rev),
        lambda s, rev: tasks.edit_task(s, one_task, {"focal_person": "Nguyễn Văn B", "title": "Tên máy hai"},
                                       expected_revision=rev),
    )
    assert "tải lại" in err.vi and "reload" in err.en.lower() and "NV-001" in err.en
    with db.session() as s:
        t = s.get(Task, one_task)
        assert (t.title, t.focal_person, t.revision) == ("Tên do máy thứ nhất sửa", "", seen + 1)
        fields = [e.field for e in s.scalars(select(AuditEntry).where(AuditEntry.entity_label == "NV-001"))]
        assert fields.count("title") == 1 and "focal_person" not in fields


def test_two_clients_updating_status_at_once_keep_one_history_entry(db, db_url, one_task):
    seen, _err = _interleaved(
        db, db_url, one_task,
        lambda s, rev: tasks.record_status_update(s, one_task, status="in_progress", progress=40,
                                                  note="Máy một", expected_revision=rev),
        lambda s, rev: tasks.record_status_update(s, one_task, status="done", note="Máy hai",
                                                  expected_revision=rev),
    )
    with db.session() as s:
        t = s.get(Task, one_task)
        assert (t.status, t.progress, t.revision) == ("in_progress", 40, seen + 1)
        assert [h.note for h in tasks.history(s, one_task)] == ["Máy một"]


def test_two_clients_replacing_one_value_at_once_the_second_is_a_conflict(db, db_url):
    from cdsdesk.services import agencies, indicators

    with db.session() as s:
        prov = agencies.create_agency(s, code="TQ", name="UBND tỉnh Tuyên Quang", kind="province")
        ind = indicators.create_indicator(s, {"code": "DVC", "name": "Hồ sơ trực tuyến", "value_type": "percent"})
        indicators.set_value(s, ind.id, prov.id, "2024Q1", 30)
        ids = (ind.id, prov.id)
    other = open_database(db_url)
    try:
        s1, s2 = db.sessions(), other.sessions()
        try:
            key = (IndicatorValue.indicator_id == ids[0], IndicatorValue.period == "2024Q1")
            held = s1.scalar(select(IndicatorValue).where(*key)), s2.scalar(select(IndicatorValue).where(*key))
            rev1, rev2 = held[0].revision, held[1].revision
            indicators.set_value(s1, *ids, "2024Q1", "42,5", expected_revision=rev1)
            s1.commit()
            with pytest.raises(ConflictError) as err:
                indicators.set_value(s2, *ids, "2024Q1", 50, expected_revision=rev2)
                s2.commit()
            s2.rollback()
        finally:
            s1.close()
            s2.close()
    finally:
        other.dispose()
    assert "DVC/2024Q1" in err.value.en and "tải lại" in err.value.vi.lower()
    with db.session() as s:
        row = s.scalar(select(IndicatorValue))
        assert (row.value, row.revision) == (42.5, 2)
