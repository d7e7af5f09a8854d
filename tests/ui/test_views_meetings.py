"""Meetings and directives: record a meeting and its conclusions, turn a conclusion into a task
for an agency with a deadline (undoable)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import select

from cdsdesk.store.models import Directive, Meeting, Task

pytest_plugins = ["conftest_views"]


@pytest.fixture
def view(view_ctx, qtbot):
    from cdsdesk.ui.views.meetings import MeetingsView

    v = MeetingsView(view_ctx)
    qtbot.addWidget(v)
    v.resize(1300, 800)
    v.show()
    qtbot.waitExposed(v)
    return v


def test_shows_the_meeting_and_its_conclusions(view, qtmodeltester):
    m = view.meeting_model
    assert m.rowCount() == 1
    assert m.index(0, m.COL_DATE).data() == "10/4/2024"
    assert m.index(0, m.COL_TITLE).data() == "Phiên họp quý I/2024 của Ban Chỉ đạo"
    assert m.index(0, m.COL_KIND).data() == "Họp định kỳ quý"
    d = view.directive_model
    assert d.rowCount() == 1
    assert d.index(0, d.COL_AGENCY).data() == "Sở Nội vụ"
    assert d.index(0, d.COL_DEADLINE).data() == "30/9/2024"
    assert d.index(0, d.COL_TASKS).data() == ""
    qtmodeltester.check(m)
    qtmodeltester.check(d)


def test_record_a_meeting_and_a_conclusion(view, province_db, province_ids, qtbot):
    view.m_date.setDate(QDate(2024, 7, 12))
    view.m_kind.setCurrentIndex(view.m_kind.findData("six_month"))
    view.m_title.setText("Hội nghị sơ kết 6 tháng")
    view.m_chair.setText("Phó Chủ tịch UBND tỉnh")
    view.m_notes.setPlainText("Cơ bản hoàn thành kế hoạch 6 tháng đầu năm")
    qtbot.mouseClick(view.m_save, Qt.MouseButton.LeftButton)
    with province_db.session() as s:
        m = s.scalar(select(Meeting).where(Meeting.kind == "six_month"))
        assert (m.title, m.date, m.chair) == ("Hội nghị sơ kết 6 tháng", dt.date(2024, 7, 12), "Phó Chủ tịch UBND tỉnh")
        mid = m.id
    assert view.meeting_id == mid
    assert "Hội nghị sơ kết 6 tháng" in view.meeting_title.text()
    assert "Cơ bản hoàn thành kế hoạch 6 tháng đầu năm" in view.meeting_title.text()
    assert view.meeting_model.index(0, 0).data() == "12/7/2024"  # newest first

    view.d_text.setPlainText("Sở Thông tin và Truyền thông trình đề án đô thị thông minh trong tháng 9/2024")
    view.d_agency.setCurrentIndex(view.d_agency.findData(province_ids["stt"]))
    view.d_deadline.setDate(QDate(2024, 9, 30))
    qtbot.mouseClick(view.d_save, Qt.MouseButton.LeftButton)
    with province_db.session() as s:
        d = s.scalar(select(Directive).where(Directive.meeting_id == mid))
        assert (d.number, d.agency_id, d.deadline) == (1, province_ids["stt"], dt.date(2024, 9, 30))
    dm = view.directive_model
    assert dm.rowCount() == 1 and dm.index(0, dm.COL_AGENCY).data() == "Sở Thông tin và Truyền thông"


def test_an_empty_title_is_refused_with_a_message(view, province_db):
    view.m_title.setText("   ")
    view.record_meeting()
    assert "không được để trống" in view.message.text()
    with province_db.session() as s:
        assert len(s.scalars(select(Meeting)).all()) == 1


def test_turn_a_conclusion_into_a_task_and_undo(view, view_ctx, province_db, province_ids, qtbot):
    view.select_directive(province_ids["d1"])
    assert view.to_task.isEnabled()
    qtbot.mouseClick(view.to_task, Qt.MouseButton.LeftButton)
    dlg = view.dialog
    assert dlg is not None and dlg.isVisible()
    assert dlg.agency_box.currentData() == province_ids["snv"]  # taken from the conclusion
    assert dlg.deadline_edit.date() == QDate(2024, 9, 30)
    assert dlg.title_edit.toPlainText().startswith("Sở Nội vụ hoàn thành tập huấn")
    dlg.plan_box.setCurrentIndex(dlg.plan_box.findData(province_ids["kh"]))
    dlg.code_edit.setText("KL-01")
    qtbot.mouseClick(dlg.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    with province_db.session() as s:
        t = s.scalar(select(Task).where(Task.code == "KL-01"))
        assert t.directive_id == province_ids["d1"] and t.lead_agency_id == province_ids["snv"]
        assert t.deadline == dt.date(2024, 9, 30) and t.plan_id == province_ids["kh"]
        assert t.start_date == dt.date(2024, 4, 10)  # the meeting's date
    dm = view.directive_model
    assert dm.index(0, dm.COL_TASKS).data() == "KL-01"
    assert "KL-01" in view.message.text()

    view_ctx.undo_stack.undo()
    with province_db.session() as s:
        assert s.scalar(select(Task.deleted_at).where(Task.code == "KL-01")) is not None
    assert dm.index(0, dm.COL_TASKS).data() == ""
    view_ctx.undo_stack.redo()
    with province_db.session() as s:
        assert s.scalar(select(Task.deleted_at).where(Task.code == "KL-01")) is None
    assert dm.index(0, dm.COL_TASKS).data() == "KL-01"


def test_the_dialog_insists_on_a_lead_agency(view, province_db, province_ids, qtbot):
    view.select_directive(province_ids["d1"])
    dlg = view.open_task_dialog()
    dlg.agency_box.setCurrentIndex(0)
    qtbot.mouseClick(dlg.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert dlg.isVisible() and "cơ quan chủ trì" in dlg.error_label.text()
    with province_db.session() as s:
        assert s.scalar(select(Task).where(Task.directive_id == province_ids["d1"])) is None
    dlg.reject()


def test_a_duplicate_task_code_is_refused_without_an_undo_step(view, view_ctx, province_db, province_ids):
    view.select_directive(province_ids["d1"])
    before = view_ctx.undo_stack.count()
    assert view.create_task_from(province_ids["d1"], {"code": "T1", "agency_id": province_ids["snv"]}) is None
    assert "T1" in view.message.text()
    assert view_ctx.undo_stack.count() == before
