"""The audit log: who changed what and when, filtered, read page by page."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate
from sqlalchemy import func, select

from cdsdesk.store.models import AuditEntry, Task

pytest_plugins = ["conftest_views"]


@pytest.fixture
def view(view_ctx, qtbot):
    from cdsdesk.ui.views.audit import AuditView

    v = AuditView(view_ctx)
    qtbot.addWidget(v)
    v.resize(1300, 700)
    v.show()
    qtbot.waitExposed(v)
    return v


def _col(model, col):
    return [model.index(r, col).data() for r in range(model.rowCount())]


def _all(model):
    while model.canFetchMore():
        model.fetchMore()


def test_newest_first_with_readable_values(view, province_db, qtmodeltester):
    m = view.model
    with province_db.session() as s:
        total = s.scalar(select(func.count()).select_from(AuditEntry))
    _all(m)
    assert m.rowCount() == total
    # the last write of the fixture: the meeting's directive
    assert m.index(0, m.COL_ENTITY).data() == "Kết luận, chỉ đạo"
    assert m.index(0, m.COL_ACTION).data() == "Tạo mới"
    assert m.index(0, m.COL_WHO).data() == "tester"
    qtmodeltester.check(m)


def test_filter_by_entity_and_text_shows_a_tasks_history(view, qtbot):
    m = view.model
    view.entity_box.setCurrentIndex(view.entity_box.findData("status_update"))
    view.text_edit.setText("T1")
    view.apply_filters()
    _all(m)
    # T1: in progress on 1/2, done on 20/3 — newest first, statuses in Vietnamese
    assert set(_col(m, m.COL_LABEL)) == {"T1"}
    assert _col(m, m.COL_NEW)[0] == "Hoàn thành"
    assert "Đang triển khai" in _col(m, m.COL_NEW)


def test_filter_for_an_indicator_value(view, view_ctx, province_db, province_ids, qtbot):
    from cdsdesk.services import indicators

    with province_db.session() as s:
        indicators.set_value(s, province_ids["pct"], province_ids["snv"], "2024S1", 42.5, who="nguyenvana")
    from cdsdesk.services.changes import Changes

    view_ctx.notify(Changes(indicators={province_ids["pct"]}))
    view.who_box.setCurrentIndex(view.who_box.findData("nguyenvana"))
    m = view.model
    assert m.rowCount() == 1
    assert (m.index(0, m.COL_ENTITY).data(), m.index(0, m.COL_LABEL).data()) == ("Giá trị chỉ tiêu", "DVC-TT/2024S1")
    assert (m.index(0, m.COL_FIELD).data(), m.index(0, m.COL_OLD).data(), m.index(0, m.COL_NEW).data()) == ("Giá trị", "38,5", "42,5")


def test_date_range_uses_local_days(view, province_db):
    with province_db.session() as s:  # the log is append-only: add an entry stamped that night
        s.add(AuditEntry(at=dt.datetime(2024, 1, 15, 3, 0), who="thu ky", entity="task",
                         entity_uuid="x", entity_label="T9", action="update", field="title", old="a", new="b"))
    from cdsdesk.ui.models.audit_log import local_time

    day = local_time(dt.datetime(2024, 1, 15, 3, 0)).date()
    view.since_check.setChecked(True)
    view.since_edit.setDate(QDate(day.year, day.month, day.day))
    view.until_check.setChecked(True)
    view.until_edit.setDate(QDate(day.year, day.month, day.day))
    m = view.model
    assert m.rowCount() == 1
    assert m.index(0, m.COL_AT).data().startswith(f"{day.day}/{day.month}/{day.year}")


def test_history_of_one_record_and_clearing_filters(view, province_db):
    with province_db.session() as s:
        uuid = s.scalar(select(Task.uuid).where(Task.code == "T3"))
    view.show_for("task", uuid, "T3")
    m = view.model
    assert set(_col(m, m.COL_LABEL)) == {"T3"}
    assert _col(m, m.COL_ACTION)[-1] == "Tạo mới"  # oldest last
    assert "Đang triển khai" in _col(m, m.COL_NEW)  # its status change on 1/4
    assert "T3" in view.record_label.text()
    view.clear_filters()
    assert m.rowCount() > 1 and view.record_label.isHidden()


def test_pages_are_fetched_as_the_view_scrolls(view_ctx, province_db, qtbot):
    from cdsdesk.ui.models.audit_log import AuditModel

    m = AuditModel(province_db, page_size=10)
    m.reload()
    assert m.rowCount() == 10 and m.canFetchMore()
    m.fetchMore()
    assert m.rowCount() == 20
    with province_db.session() as s:
        total = s.scalar(select(func.count()).select_from(AuditEntry))
    _all(m)
    assert m.rowCount() == total and not m.canFetchMore()
    ids = [m.row_at(i).id for i in range(m.rowCount())]
    assert ids == sorted(ids, reverse=True) and len(set(ids)) == total
