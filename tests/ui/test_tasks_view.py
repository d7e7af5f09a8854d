"""The task register driven as a user would: typing, clicking, editing cells, undoing."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QLabel, QLineEdit, QMessageBox, QSpinBox

from cdsdesk.store.models import StatusUpdate, Task
from cdsdesk.ui.dialogs.status_update import StatusUpdateDialog
from cdsdesk.ui.models.tasks import COL_CODE, COL_PROGRESS, COL_STATUS, COL_TITLE


@pytest.fixture
def view(window):
    return window.show_page("tasks")


def codes(view):
    m = view.model
    return [m.index(r, COL_CODE).data() for r in range(m.rowCount())]


def db_task(app_ctx, task_id):
    with app_ctx.db.session() as s:
        t = s.get(Task, task_id)
        s.expunge(t)
        return t


def history(app_ctx, task_id):
    with app_ctx.db.session() as s:
        return [(h.status, h.progress, h.note, h.retracted_at is not None)
                for h in s.query(StatusUpdate).filter_by(task_id=task_id).order_by(StatusUpdate.id)]


def press_enter(qtbot, view, editor):
    """Enter commits the cell; Qt does it on the next turn of the event loop."""
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.table.state() != QAbstractItemView.State.EditingState)


def row_index(view, task_id, col):
    return view.model.index(view.model.row_of(task_id), col)


def test_typing_in_search_filters_without_diacritics(qtbot, window, view, type_text):
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert view.filters.search.hasFocus()
    qtbot.keyClicks(view.filters.search, "chuyen doi so")
    qtbot.waitUntil(lambda: codes(view) == ["KH-01"])
    assert view.filters.count_label.text() == "1 / 5 nhiệm vụ"
    view.filters.search.clear()
    type_text(view.filters.search, "hoà")
    qtbot.waitUntil(lambda: codes(view) == ["DA06-01"])
    view.filters.clear_button.click()
    assert codes(view) == ["DA06-01", "DA06-02", "KH-01", "KH-02", "KH-10"]
    assert view.filters.count_label.text() == "5 nhiệm vụ"


def test_status_and_overdue_filters(qtbot, view):
    combo = view.filters.status
    combo.setCurrentIndex(combo.findText("Hoàn thành"))
    assert codes(view) == ["KH-02"]
    combo.setCurrentIndex(0)
    qtbot.mouseClick(view.filters.overdue, Qt.MouseButton.LeftButton,
                     pos=view.filters.overdue.rect().bottomLeft() + view.filters.overdue.rect().center() * 0)
    view.filters.overdue.setChecked(True)
    assert codes(view) == ["DA06-01", "KH-01"]
    # Overdue is marked where the user looks: the deadline in red with a tooltip saying by how much.
    idx = row_index(view, view.model.task_id(1), 3)
    assert idx.data(Qt.ItemDataRole.ToolTipRole).startswith("Quá hạn")


def test_edit_title_in_cell_then_undo_and_redo(qtbot, window, view, app_ctx, small_province, type_text):
    tid = small_province["t1"]
    idx = row_index(view, tid, COL_TITLE)
    view.table.setCurrentIndex(idx)
    view.table.edit(idx)
    editor = view.table.viewport().findChild(QLineEdit)
    assert editor is not None
    editor.selectAll()
    type_text(editor, "Số hoá toàn bộ hồ sơ")
    press_enter(qtbot, view, editor)
    assert db_task(app_ctx, tid).title == "Số hoá toàn bộ hồ sơ"
    assert row_index(view, tid, COL_TITLE).data() == "Số hoá toàn bộ hồ sơ"
    assert window.act_undo.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert db_task(app_ctx, tid).title == "Chuyển đổi số hồ sơ hành chính"
    assert row_index(view, tid, COL_TITLE).data() == "Chuyển đổi số hồ sơ hành chính"
    qtbot.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert db_task(app_ctx, tid).title == "Số hoá toàn bộ hồ sơ"


def test_empty_title_is_refused_with_a_message_and_nothing_changes(qtbot, view, app_ctx, small_province):
    tid = small_province["t1"]
    idx = row_index(view, tid, COL_TITLE)
    view.table.edit(idx)
    editor = view.table.viewport().findChild(QLineEdit)
    editor.clear()
    press_enter(qtbot, view, editor)
    box = view.window().findChild(QMessageBox, "errorMessage")
    assert box is not None and box.text() == "Tên nhiệm vụ không được để trống"
    assert db_task(app_ctx, tid).title == "Chuyển đổi số hồ sơ hành chính"
    assert app_ctx.undo_stack.count() == 0
    box.close()


def test_pick_status_in_cell_appends_history_and_undo_retracts(qtbot, window, view, app_ctx, small_province):
    tid = small_province["t4"]
    idx = row_index(view, tid, COL_STATUS)
    view.table.edit(idx)
    combo = view.table.viewport().findChild(QComboBox)
    combo.setCurrentIndex(combo.findData("in_progress"))
    press_enter(qtbot, view, combo)
    assert db_task(app_ctx, tid).status == "in_progress"
    assert row_index(view, tid, COL_STATUS).data() == "Đang triển khai"
    assert history(app_ctx, tid) == [("in_progress", 0, "", False)]
    window.act_undo.trigger()
    assert db_task(app_ctx, tid).status == "not_started"
    assert row_index(view, tid, COL_STATUS).data() == "Chưa triển khai"
    assert history(app_ctx, tid) == [("in_progress", 0, "", True)]  # kept, marked retracted


def test_progress_cell(qtbot, view, app_ctx, small_province):
    tid = small_province["t1"]
    idx = row_index(view, tid, COL_PROGRESS)
    view.table.edit(idx)
    spin = view.table.viewport().findChild(QSpinBox)
    spin.setValue(75)
    press_enter(qtbot, view, spin)
    assert db_task(app_ctx, tid).progress == 75
    assert row_index(view, tid, COL_PROGRESS).data() == "75%"


def _open_status_dialog(qtbot, view) -> StatusUpdateDialog:
    view.act_status.trigger()
    dlg = view.findChild(StatusUpdateDialog)
    assert dlg is not None and dlg.isVisible()
    return dlg


def test_update_status_dialog_records_note_and_date(qtbot, view, app_ctx, small_province, type_text):
    tid = small_province["t1"]
    view.select_task(tid)
    dlg = _open_status_dialog(qtbot, view)
    assert dlg.heading.text() == "KH-01 — Chuyển đổi số hồ sơ hành chính"
    dlg.status.setCurrentIndex(dlg.status.findData("done"))
    assert dlg.progress.value() == 100  # completing sets 100%
    type_text(dlg.note, "Đã đưa vào vận hành")
    dlg.date.setDate(dlg.date.date().addDays(-1))
    qtbot.mouseClick(dlg.ok, Qt.MouseButton.LeftButton)
    t = db_task(app_ctx, tid)
    assert (t.status, t.progress) == ("done", 100)
    assert history(app_ctx, tid)[-1] == ("done", 100, "Đã đưa vào vận hành", False)
    assert t.last_update_on == dt.date.today() - dt.timedelta(days=1)
    # The detail pane's timeline shows it, newest first.
    shown = view.detail.timeline.entries_shown
    assert shown[0].note == "Đã đưa vào vận hành" and shown[0].status == "done"
    assert view.detail.history_label.text() == "Lịch sử (2)"


def test_bulk_status_change_is_one_undo_step(qtbot, window, view, app_ctx, small_province, type_text):
    view.filters.search.setText("kh")
    qtbot.waitUntil(lambda: codes(view) == ["KH-01", "KH-02", "KH-10"])
    view.table.selectAll()
    dlg = _open_status_dialog(qtbot, view)
    assert dlg.heading.text() == "Trạng thái mới cho 3 nhiệm vụ đã chọn"
    dlg.status.setCurrentIndex(dlg.status.findData("blocked"))
    type_text(dlg.note, "Chờ kinh phí")
    qtbot.mouseClick(dlg.ok, Qt.MouseButton.LeftButton)
    ids = [small_province["t1"], small_province["t2"], small_province["t5"]]
    assert [db_task(app_ctx, t).status for t in ids] == ["blocked"] * 3
    assert app_ctx.undo_stack.count() == 1
    window.act_undo.trigger()
    assert [db_task(app_ctx, t).status for t in ids] == ["in_progress", "done", "not_started"]


def test_new_duplicate_delete_restore(qtbot, window, view, app_ctx, small_province, type_text):
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    new_id = view.current_id()
    assert new_id is not None and new_id not in small_province.values()
    assert db_task(app_ctx, new_id).title == "Nhiệm vụ mới"
    assert view.detail.title.hasFocus()
    view.detail.title.selectAll()
    type_text(view.detail.title, "Xây dựng kho dữ liệu dùng chung")
    qtbot.mouseClick(view.detail.save_button, Qt.MouseButton.LeftButton)
    assert db_task(app_ctx, new_id).title == "Xây dựng kho dữ liệu dùng chung"

    view.select_task(small_province["t1"])
    view.act_duplicate.trigger()
    dup = view.current_id()
    assert db_task(app_ctx, dup).code == "KH-01 (2)"
    assert db_task(app_ctx, dup).title == "Chuyển đổi số hồ sơ hành chính"

    view.select_task(dup)
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert db_task(app_ctx, dup).deleted_at is not None
    assert "KH-01 (2)" not in codes(view)
    window.act_undo.trigger()
    assert db_task(app_ctx, dup).deleted_at is None
    assert "KH-01 (2)" in codes(view)
    window.act_redo.trigger()
    assert "KH-01 (2)" not in codes(view)

    # Recoverable later too: the deleted list, then Restore.
    view.filters.deleted.setChecked(True)
    assert codes(view) == ["KH-01 (2)"]
    assert view.act_restore.isVisible()
    view.table.selectAll()
    view.act_restore.trigger()
    assert db_task(app_ctx, dup).deleted_at is None
    assert codes(view) == []
    view.filters.deleted.setChecked(False)
    assert "KH-01 (2)" in codes(view)


def test_detail_pane_edits_every_field_and_undoes_as_one(qtbot, window, view, app_ctx, small_province):
    tid = small_province["t4"]
    view.select_task(tid)
    d = view.detail
    assert d.header.text() == "DA06-02 — Ứng dụng định danh điện tử"
    assert not d.save_button.isEnabled()
    d.lead.setCurrentIndex(d.lead.findText("Sở Nội vụ"))
    d.deadline.check.setChecked(True)
    d.deadline.edit.setDate(d.deadline.edit.date().fromString("31/12/2025", "d/M/yyyy"))
    d.focal.setText("Nguyễn Văn An")
    d.recurring.setChecked(True)
    d.product.setPlainText("Ứng dụng VNeID cho 100% cán bộ")
    d.priority.set_value("high")
    assert d.dirty_label.text() == "Có thay đổi chưa lưu"
    qtbot.keyClick(d.focal, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # Ctrl+S saves
    t = db_task(app_ctx, tid)
    assert (t.lead_agency_id, t.deadline, t.focal_person, t.recurring, t.priority) == (
        small_province["snv"], dt.date(2025, 12, 31), "Nguyễn Văn An", True, "high")
    assert t.expected_product == "Ứng dụng VNeID cho 100% cán bộ"
    row = view.model.row_of(tid)
    assert view.model.index(row, 2).data() == "Sở Nội vụ"
    assert view.model.index(row, 3).data() == "31/12/2025"
    window.act_undo.trigger()
    t = db_task(app_ctx, tid)
    assert (t.lead_agency_id, t.deadline, t.focal_person, t.recurring) == (small_province["stt"], None, "", False)
    assert d.lead.currentText() == "Sở Thông tin và Truyền thông"


def test_edit_made_elsewhere_meanwhile_is_refused(qtbot, view, app_ctx, small_province):
    from cdsdesk.services import tasks as task_service

    tid = small_province["t1"]
    view.select_task(tid)
    view.detail.focal.setText("Trần Thị Bình")
    with app_ctx.db.session() as s:  # someone else, on the shared database
        task_service.edit_task(s, tid, {"focal_person": "Lê Văn Cường"})
    view.detail.save()
    box = view.window().findChild(QMessageBox, "errorMessage")
    assert box is not None and "vừa được người khác thay đổi" in box.text()
    assert db_task(app_ctx, tid).focal_person == "Lê Văn Cường"
    box.close()


def test_ctrl_n_with_focus_in_the_table_creates_one_task(qtbot, window, view, app_ctx):
    view.table.setFocus()
    view.select_task(view.model.task_id(0))
    before = view.model.total_count()
    qtbot.keyClick(view.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert view.model.total_count() == before + 1
    assert db_task(app_ctx, view.current_id()).title == "Nhiệm vụ mới"


def test_deadline_window_follows_the_reporting_period(qtbot, view, app_ctx):
    from cdsdesk.domain.periods import Period

    app_ctx.set_period(Period.parse("2024Q1"))
    w = view.filters.window
    w.setCurrentIndex(w.findText("Thời hạn trong kỳ báo cáo"))
    assert codes(view) == ["KH-01"]
    app_ctx.set_period(Period.parse("2024Q2"))
    assert codes(view) == ["DA06-01"]
    w.setCurrentIndex(w.findText("Không có thời hạn"))
    assert codes(view) == ["DA06-02"]


def test_choose_cooperating_agencies(qtbot, view, app_ctx, small_province, type_text):
    from cdsdesk.ui.views.task_detail import CooperatorsDialog

    tid = small_province["t1"]
    view.select_task(tid)
    qtbot.mouseClick(view.detail.coop_button, Qt.MouseButton.LeftButton)
    dlg = view.detail.findChild(CooperatorsDialog)
    type_text(dlg.search, "noi vu")
    shown = [dlg.list.item(i) for i in range(dlg.list.count()) if not dlg.list.item(i).isHidden()]
    assert [i.text() for i in shown] == ["Sở Nội vụ"]
    shown[0].setCheckState(Qt.CheckState.Checked)
    dlg.accept()
    assert view.detail.coop_button.text() == "Sở Nội vụ"
    view.detail.save()
    with app_ctx.db.session() as s:
        assert [a.id for a in s.get(Task, tid).cooperators] == [small_province["snv"]]


def test_looking_at_an_earlier_day_shows_how_the_task_stood_then(qtbot, view, app_ctx, small_province):
    tid = small_province["t2"]  # completed on 15/4/2024
    view.select_task(tid)
    assert view.detail.status_badge.text() == "Hoàn thành · 100%"
    app_ctx.set_as_of(dt.date(2024, 3, 31))
    view.select_task(tid)
    assert view.detail.status_badge.text() == "Hiện tại: Hoàn thành · 100% — ngày 31/3/2024: Chưa triển khai"
    label = view.detail.timeline.findChild(QLabel, "historyEntry")
    assert "sau ngày 31/3/2024" in label.text()
    assert row_index(view, tid, COL_STATUS).data() == "Chưa triển khai"


def test_the_code_column_shows_a_province_length_code_whole(qtbot, view, app_ctx):
    from cdsdesk.services import tasks as task_service

    code = "CT-CDS-2030-00006"
    with app_ctx.db.session() as s:
        tid = task_service.create_task(s, {"code": code, "title": "Nâng cấp hệ thống quản lý văn bản"}).id
    view.refresh()
    index = row_index(view, tid, COL_CODE)
    assert index.data() == code
    fm = view.table.fontMetrics()
    room = view.table.columnWidth(COL_CODE) - 12  # the cell's padding on both sides
    assert fm.elidedText(code, Qt.TextElideMode.ElideRight, room) == code

    # A width the user chose stays when the list is read again with the same codes.
    view.table.horizontalHeader().resizeSection(COL_CODE, 60)
    view.refresh()
    assert view.table.columnWidth(COL_CODE) == 60
