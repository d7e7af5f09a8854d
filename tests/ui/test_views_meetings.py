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


def _audit(db, entity):
    from cdsdesk.store.models import AuditEntry

    with db.session() as s:
        return [(e.action, e.field, e.new) for e in s.scalars(
            select(AuditEntry).where(AuditEntry.entity == entity).order_by(AuditEntry.id))]


def test_edit_a_meeting_in_its_dialog_then_undo_and_redo(view, view_ctx, province_db, province_ids, qtbot):
    qtbot.mouseClick(view.m_edit, Qt.MouseButton.LeftButton)
    dlg = view.edit_dialog
    assert dlg is not None and dlg.isVisible()
    assert dlg.title_edit.text() == "Phiên họp quý I/2024 của Ban Chỉ đạo"
    dlg.title_edit.setText("Phiên họp quý I/2024 (mở rộng)")
    dlg.date_edit.setDate(QDate(2024, 4, 12))
    dlg.chair_edit.setText("Phó Chủ tịch UBND tỉnh")
    qtbot.mouseClick(dlg.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    with province_db.session() as s:
        m = s.get(Meeting, province_ids["meeting"])
        assert (m.title, m.date, m.chair) == ("Phiên họp quý I/2024 (mở rộng)", dt.date(2024, 4, 12), "Phó Chủ tịch UBND tỉnh")
    assert view.meeting_model.index(0, view.meeting_model.COL_DATE).data() == "12/4/2024"
    assert "Phiên họp quý I/2024 (mở rộng)" in view.meeting_title.text()
    assert ("update", "title", "Phiên họp quý I/2024 (mở rộng)") in _audit(province_db, "meeting")

    view_ctx.undo_stack.undo()
    with province_db.session() as s:
        m = s.get(Meeting, province_ids["meeting"])
        assert (m.title, m.date, m.chair) == ("Phiên họp quý I/2024 của Ban Chỉ đạo", dt.date(2024, 4, 10), "Chủ tịch UBND tỉnh")
    assert view.meeting_model.index(0, view.meeting_model.COL_TITLE).data() == "Phiên họp quý I/2024 của Ban Chỉ đạo"
    view_ctx.undo_stack.redo()
    with province_db.session() as s:
        assert s.get(Meeting, province_ids["meeting"]).title == "Phiên họp quý I/2024 (mở rộng)"


def test_an_emptied_meeting_title_is_refused_in_the_dialog(view, view_ctx, province_db, qtbot):
    dlg = view.open_meeting_dialog()
    dlg.title_edit.clear()
    before = view_ctx.undo_stack.count()
    qtbot.mouseClick(dlg.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert dlg.isVisible() and "không được để trống" in dlg.error_label.text()
    assert view_ctx.undo_stack.count() == before
    dlg.reject()


def test_edit_a_conclusion_then_undo(view, view_ctx, province_db, province_ids, qtbot):
    view.select_directive(province_ids["d1"])
    qtbot.mouseClick(view.d_edit, Qt.MouseButton.LeftButton)
    dlg = view.edit_dialog
    assert dlg.agency_box.currentData() == province_ids["snv"] and dlg.has_deadline.isChecked()
    dlg.text_edit.setPlainText("Sở Nội vụ hoàn thành tập huấn kỹ năng số trước 31/10")
    dlg.agency_box.setCurrentIndex(dlg.agency_box.findData(province_ids["stt"]))
    dlg.deadline_edit.setDate(QDate(2024, 10, 31))
    qtbot.mouseClick(dlg.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    with province_db.session() as s:
        d = s.get(Directive, province_ids["d1"])
        assert (d.text, d.agency_id, d.deadline) == (
            "Sở Nội vụ hoàn thành tập huấn kỹ năng số trước 31/10", province_ids["stt"], dt.date(2024, 10, 31))
    dm = view.directive_model
    assert (dm.index(0, dm.COL_AGENCY).data(), dm.index(0, dm.COL_DEADLINE).data()) == (
        "Sở Thông tin và Truyền thông", "31/10/2024")
    assert [f for a, f, _ in _audit(province_db, "directive") if a == "update"] == ["text", "agency_id", "deadline"]
    view_ctx.undo_stack.undo()
    with province_db.session() as s:
        d = s.get(Directive, province_ids["d1"])
        assert (d.agency_id, d.deadline) == (province_ids["snv"], dt.date(2024, 9, 30))
    assert dm.index(0, dm.COL_AGENCY).data() == "Sở Nội vụ"


def test_delete_a_conclusion_asks_first_keeps_its_task_and_undo_brings_it_back(
        view, view_ctx, province_db, province_ids, qtbot):
    view.select_directive(province_ids["d1"])
    task_id = view.create_task_from(province_ids["d1"], {"code": "KL-09", "agency_id": province_ids["snv"]})
    view.select_directive(province_ids["d1"])
    # "No" leaves everything as it was.
    box = view.ask_delete_directive()
    assert box.isVisible() and "số 1" in box.text()
    qtbot.mouseClick(box.button(box.StandardButton.No), Qt.MouseButton.LeftButton)
    with province_db.session() as s:
        assert s.get(Directive, province_ids["d1"]) is not None
    view.select_directive(province_ids["d1"])
    qtbot.mouseClick(view.d_delete, Qt.MouseButton.LeftButton)
    box = view.confirm
    qtbot.mouseClick(box.button(box.StandardButton.Yes), Qt.MouseButton.LeftButton)
    with province_db.session() as s:
        assert s.get(Directive, province_ids["d1"]) is None
        t = s.get(Task, task_id)
        assert t.deleted_at is None and t.directive_id is None  # the task stays
    assert view.directive_model.rowCount() == 0
    assert ("delete", "", None) in _audit(province_db, "directive")

    view_ctx.undo_stack.undo()
    with province_db.session() as s:
        d = s.get(Directive, province_ids["d1"])
        assert (d.number, d.agency_id, d.text) == (1, province_ids["snv"],
                                                   "Sở Nội vụ hoàn thành tập huấn kỹ năng số trước 30/9")
        assert s.get(Task, task_id).directive_id == province_ids["d1"]
    dm = view.directive_model
    assert dm.rowCount() == 1 and dm.index(0, dm.COL_TASKS).data() == "KL-09"
    assert _audit(province_db, "directive")[-1][0] == "restore"


def test_delete_a_meeting_with_its_conclusions_then_undo_and_redo(view, view_ctx, province_db, province_ids, qtbot):
    box = view.ask_delete_meeting()
    assert "Phiên họp quý I/2024 của Ban Chỉ đạo" in box.text() and "1 kết luận" in box.text()
    qtbot.mouseClick(box.button(box.StandardButton.Yes), Qt.MouseButton.LeftButton)
    with province_db.session() as s:
        assert s.scalars(select(Meeting)).all() == [] and s.scalars(select(Directive)).all() == []
    assert view.meeting_model.rowCount() == 0 and view.directive_model.rowCount() == 0
    assert not view.m_delete.isEnabled()
    assert [a for a, _, _ in _audit(province_db, "meeting")][-1] == "delete"

    view_ctx.undo_stack.undo()
    with province_db.session() as s:
        m = s.get(Meeting, province_ids["meeting"])
        assert m.title == "Phiên họp quý I/2024 của Ban Chỉ đạo" and [d.id for d in m.directives] == [province_ids["d1"]]
    assert view.meeting_model.rowCount() == 1
    view.select_meeting(province_ids["meeting"])
    assert view.directive_model.rowCount() == 1
    view_ctx.undo_stack.redo()
    with province_db.session() as s:
        assert s.get(Meeting, province_ids["meeting"]) is None
