"""A legacy sheet imported again after its tasks changed in the app: what the sheet still says as
it did last time changes nothing; what it now says differently, on a task changed since, is a
conflict reported to the user and resolved like a returned form's."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from cdsdesk.services import tasks
from cdsdesk.services.agencies import create_agency
from cdsdesk.store.models import Task
from .test_legacy_shapes import ROWS, _sheet
from .xhelpers import run_import, snapshot

TITLE2 = "Chuẩn hóa dữ liệu hộ tịch"
TITLE3 = "Cấp chữ ký số cho cán bộ"


@pytest.fixture
def known_agencies(db):
    with db.session() as s:
        for code, name in [("STTTT", "Sở Thông tin và Truyền thông"), ("VPUB", "Văn phòng Ủy ban nhân dân tỉnh"),
                           ("STP", "Sở Tư pháp"), ("SYT", "Sở Y tế")]:
            create_agency(s, code=code, name=name, kind="department")


def _task(db, title):
    with db.session() as s:
        t = s.scalar(select(Task).where(Task.title == title))
        return t.id, t.status, t.progress, t.deadline, t.revision


def _changed_in_app(db):
    """After the first import, colleagues work in the app: task 2 becomes blocked, task 3 gets a
    later deadline."""
    with db.session() as s:
        t2 = s.scalar(select(Task).where(Task.title == TITLE2))
        tasks.record_status_update(s, t2.id, status="blocked", progress=30, note="Chờ hướng dẫn của Bộ Tư pháp",
                                   entry_date=dt.date(2024, 7, 10))
        t3 = s.scalar(select(Task).where(Task.title == TITLE3))
        tasks.edit_task(s, t3.id, {"deadline": dt.date(2025, 10, 31)})


def test_an_old_sheet_again_keeps_what_was_changed_in_the_app(db, tmp_path, known_agencies):
    first = run_import(db, _sheet(tmp_path / "v1.xlsx", ROWS))
    assert first.outcome.value == "applied"
    _changed_in_app(db)
    # The same old sheet, saved again with one genuine edit on another task (row 5's status).
    rows = [list(r) for r in ROWS]
    rows[4][4] = "Đang triển khai"
    fp = run_import(db, _sheet(tmp_path / "v1-again.xlsx", rows))
    assert fp.outcome.value == "applied", [e.text("en") for e in fp.errors]
    s = fp.summary()
    assert (s.updated, s.conflicts) == (1, 0)
    (changed,) = [r for r in fp.rows if r.status.value == "changed"]
    assert changed.label == "Rà soát hệ thống thông tin cấp độ"
    assert [(c.field, c.old, c.new) for c in changed.changes] == [("status", "blocked", "in_progress")]
    # What the app changed is still there.
    _, status, progress, _, _ = _task(db, TITLE2)
    assert (status, progress) == ("blocked", 30)
    assert _task(db, TITLE3)[3] == dt.date(2025, 10, 31)


def test_a_sheet_that_now_says_otherwise_is_a_reported_conflict(db, tmp_path, known_agencies):
    run_import(db, _sheet(tmp_path / "v1.xlsx", ROWS))
    _changed_in_app(db)
    rows = [list(r) for r in ROWS]
    rows[1][4] = "Đã hoàn thành"  # task 2: the sheet now says done, the app said blocked
    rows[2][3] = "30/9/2025"  # task 3: a new deadline in the sheet too
    rows[0][5] = "Đưa vào vận hành, 12 đơn vị dùng"  # task 1: untouched in the app, a plain change
    path = _sheet(tmp_path / "v2.xlsx", rows)
    before = snapshot(db)
    fp = run_import(db, path)
    assert fp.outcome.value == "rejected"
    assert snapshot(db) == before  # nothing written
    conflicts = {r.label: {c.field: (c.old, c.new, c.issued) for c in r.changes if c.conflict} for r in fp.conflicts}
    assert conflicts == {
        TITLE2: {"status": ("blocked", "done", "in_progress")},
        TITLE3: {"deadline": (dt.date(2025, 10, 31), dt.date(2025, 9, 30), dt.date(2025, 8, 15))},
    }
    notices = " ".join(n.en for n in fp.notices)
    assert "changed in the app after the previous sheet import" in notices and "Status" in notices
    assert "Deadline" in notices
    assert fp.summary().conflicts == 2

    # "mine": the app's values stay for the conflicting fields; the other changes apply.
    fp = run_import(db, path, on_conflict="mine")
    assert fp.outcome.value == "applied"
    assert _task(db, TITLE2)[1:3] == ("blocked", 30)
    assert _task(db, TITLE3)[3] == dt.date(2025, 10, 31)
    with db.session() as s:
        t1 = s.scalar(select(Task).where(Task.title == "Xây dựng kho dữ liệu dùng chung"))
        assert "12 đơn vị dùng" in tasks.history(s, t1.id)[0].note


def test_theirs_takes_the_sheet_and_a_task_never_imported_takes_the_sheet(db, tmp_path, known_agencies):
    run_import(db, _sheet(tmp_path / "v1.xlsx", ROWS))
    _changed_in_app(db)
    rows = [list(r) for r in ROWS]
    rows[1][4] = "Đã hoàn thành"
    fp = run_import(db, _sheet(tmp_path / "v2.xlsx", rows), on_conflict="theirs")
    assert fp.outcome.value == "applied" and fp.summary().conflicts == 1
    assert _task(db, TITLE2)[1:3] == ("done", 100)
    # Undoing that import brings the app's state back, and its record no longer counts.
    from cdsdesk.exchange.importer import undo

    undo(db, fp.batch_id)
    assert _task(db, TITLE2)[1:3] == ("blocked", 30)
