import datetime as dt

import pytest
from sqlalchemy import func, select

from cdsdesk.domain.errors import ConflictError, ValidationError
from cdsdesk.services import queries, tasks
from cdsdesk.store.models import AuditEntry, StatusUpdate, Task

D = dt.date


def test_status_update_appends_history_audit_and_revision(db, small):
    with db.session() as s:
        before = s.get(Task, small["t2"]).revision
        tasks.record_status_update(s, small["t2"], status="blocked", progress=25, note="Chờ hướng dẫn của Bộ",
                                   entry_date=D(2024, 5, 2), reporter="Nguyễn Văn A")
    with db.session() as s:
        t = s.get(Task, small["t2"])
        assert (t.status, t.progress, t.revision) == ("blocked", 25, before + 1)
        hist = tasks.history(s, t.id)
        assert [h.status for h in hist] == ["blocked", "in_progress"]
        assert hist[0].reporter == "Nguyễn Văn A" and hist[0].note == "Chờ hướng dẫn của Bộ"
        audit = s.scalars(select(AuditEntry).where(AuditEntry.entity_label == "T2", AuditEntry.field == "status")).all()
        assert audit[-1].old == "in_progress" and audit[-1].new == "blocked" and audit[-1].who == "tester"


def test_backdated_entry_does_not_replace_a_newer_current_state(db, small):
    with db.session() as s:
        tasks.record_status_update(s, small["t1"], status="in_progress", progress=50, entry_date=D(2024, 3, 1))
        assert s.get(Task, small["t1"]).status == "done"


def test_bad_status_and_progress_are_refused_and_nothing_changes(db, small):
    with pytest.raises(ValidationError) as e:
        with db.session() as s:
            tasks.record_status_update(s, small["t2"], status="xong")
    assert "không phải là trạng thái hợp lệ" in e.value.vi and "Đang triển khai" in e.value.vi
    with pytest.raises(ValidationError):
        with db.session() as s:
            tasks.record_status_update(s, small["t2"], status="in_progress", progress=120)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(StatusUpdate).where(StatusUpdate.task_id == small["t2"])) == 1


def test_status_accepts_vietnamese_labels(db, small):
    with db.session() as s:
        tasks.record_status_update(s, small["t2"], status="Hoàn thành, thực hiện thường xuyên")
        t = s.get(Task, small["t2"])
        assert t.status == "done_routine" and t.progress == 100


def test_edit_returns_old_values_and_checks_revision(db, small):
    with db.session() as s:
        t = s.get(Task, small["t2"])
        rev = t.revision
        old = tasks.edit_task(s, t.id, {"title": "Tập huấn kỹ năng số cho cán bộ", "deadline": D(2024, 10, 31)},
                              expected_revision=rev)
        assert old == {"title": "Tập huấn kỹ năng số", "deadline": D(2024, 12, 31)}
        assert t.revision == rev + 1 and "can bo" in t.search_text
    with pytest.raises(ConflictError):
        with db.session() as s:
            tasks.edit_task(s, small["t2"], {"title": "Khác"}, expected_revision=rev)
    with pytest.raises(ValidationError):
        with db.session() as s:
            tasks.edit_task(s, small["t2"], {"code": "T1"})


def test_retract_restores_previous_state(db, small):
    with db.session() as s:
        e = tasks.record_status_update(s, small["t2"], status="done", entry_date=D(2024, 6, 1))
        tasks.retract_status_update(s, e.id)
        t = s.get(Task, small["t2"])
        assert (t.status, t.progress) == ("in_progress", 20)
        assert len(tasks.history(s, t.id, include_retracted=True)) == 2


def test_delete_is_recoverable_and_leaves_counts(db, small):
    with db.session() as s:
        tasks.delete_task(s, small["t3"])
        assert queries.status_counts(s)["total"] == 2
        assert [r.code for r in queries.list_tasks(s, only_deleted=True)] == ["T3"]
        tasks.restore_task(s, small["t3"])
        assert queries.status_counts(s)["total"] == 3


def test_duplicate_and_bulk(db, small):
    with db.session() as s:
        copy = tasks.duplicate_task(s, small["t2"])
        assert copy.code == "T2 (2)" and copy.status == "not_started"
        res = tasks.bulk_status(s, [small["t2"], small["t3"]], status="blocked", note="Chờ vốn")
        assert len(res.updates) == 2
        assert {s.get(Task, i).status for i in (small["t2"], small["t3"])} == {"blocked"}


def test_create_refuses_empty_title_and_bad_dates(db, small):
    with pytest.raises(ValidationError):
        with db.session() as s:
            tasks.create_task(s, {"title": "  "})
    with pytest.raises(ValidationError):
        with db.session() as s:
            tasks.create_task(s, {"title": "X", "start_date": D(2024, 5, 1), "deadline": D(2024, 4, 1)})
