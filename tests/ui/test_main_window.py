"""The main window: navigation, period selector, status bar, routing, settings, drops, language."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QMimeData, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox

from cdsdesk.domain.periods import Period
from cdsdesk.ui.main_window import PAGES, MainWindow, PlaceholderPage, load_class
from cdsdesk.ui.models.tasks import COL_CODE


def codes(view):
    return [view.model.index(r, COL_CODE).data() for r in range(view.model.rowCount())]


def test_navigation_lists_every_page_in_vietnamese(window):
    labels = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert labels == ["Tổng quan", "Nhiệm vụ", "Chỉ tiêu", "Cơ quan", "Phiên họp", "Nhật ký", "Sao lưu"]
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&Tệp", "&Sửa", "&Xem", "Trợ &giúp"]


def test_missing_views_show_a_placeholder_and_present_ones_load(window):
    for page in PAGES:
        widget = window.show_page(page.key)
        assert window.stack.currentWidget() is widget
        if load_class(page.module, page.cls) is None:
            assert isinstance(widget, PlaceholderPage)
        else:
            assert type(widget).__name__ == page.cls
    assert type(window.show_page("tasks")).__name__ == "TasksView"


def test_status_bar_shows_database_and_period_and_follows_the_selector(qtbot, window, app_ctx):
    assert window.db_label.text() == "CSDL: cdsdesk.db"
    view = window.show_page("tasks")
    sel = window.period_selector
    sel.period.setCurrentIndex(sel.period.findData("2024S1"))
    assert app_ctx.period == Period.parse("2024S1")
    assert app_ctx.as_of == dt.date(2024, 6, 30)
    assert window.period_label.text() == "Kỳ: 6 tháng đầu năm 2024 · tính đến 30/6/2024"
    assert sel.as_of.text() == "30/6/2024"
    # The task list follows: on 30/6/2024 KH-02 was complete, and 30/6 is not yet past DA06-01's deadline.
    row = view.model.row_of(ctx_task(view, "KH-02"))
    assert view.model.index(row, 4).data() == "Hoàn thành"
    view.filters.overdue.setChecked(True)
    assert codes(view) == ["KH-01"]


def ctx_task(view, code):
    for r in range(view.model.rowCount()):
        if view.model.index(r, COL_CODE).data() == code:
            return view.model.task_id(r)
    raise AssertionError(code)


@pytest.mark.parametrize("spec, expected", [
    ({"status": "overdue"}, ["DA06-01", "KH-01"]),
    ({"overdue": True, "agency_code": "STTTT"}, ["KH-01"]),
    ({"status": "completed"}, ["KH-02"]),
    ({"status": "not_started", "plan_code": "DA06"}, ["DA06-02"]),
    ({"status": "total"}, ["DA06-01", "DA06-02", "KH-01", "KH-02", "KH-10"]),
])
def test_dashboard_tile_request_opens_the_filtered_task_list(qtbot, window, app_ctx, spec, expected):
    window.show_page("dashboard")
    app_ctx.tasks_filter_requested.emit(spec)
    view = window.pages["tasks"]
    assert window.stack.currentWidget() is view
    assert window.nav.currentItem().text() == "Nhiệm vụ"
    assert codes(view) == expected


def test_shortcuts_find_new_task_refresh(qtbot, window, app_ctx):
    window.show_page("dashboard")
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    view = window.pages["tasks"]
    assert window.stack.currentWidget() is view and view.filters.search.hasFocus()
    # F5 re-reads what another program changed in the database.
    from cdsdesk.services import tasks as task_service

    with app_ctx.db.session() as s:
        task_service.create_task(s, {"code": "NGOAI-1", "title": "Thêm từ máy khác"})
    assert "NGOAI-1" not in codes(view)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert "NGOAI-1" in codes(view)
    assert window.statusBar().currentMessage() == "Đã tải lại."
    rows = dict(window.shortcut_rows())
    assert rows["Tìm nhiệm vụ…"] == "Ctrl+F"
    assert rows["Nhiệm vụ mới"] == "Ctrl+N"
    assert rows["Hoàn tác"] == "Ctrl+Z"
    assert rows["Làm lại"].startswith("Ctrl+Y")
    assert rows["Tải lại"] == "F5"


def test_layout_page_and_recent_databases_are_kept(qtbot, app_ctx, tmp_path):
    settings = QSettings()
    win = MainWindow(app_ctx, settings)
    qtbot.addWidget(win)
    win.show()
    win.show_page("tasks")
    win.resize(760, 503)  # within the offscreen screen (800×600)
    size = win.size()
    win.add_recent(str(tmp_path / "a.db"))
    win.add_recent(str(tmp_path / "b.db"))
    win.add_recent(str(tmp_path / "a.db"))
    win.close()
    win2 = MainWindow(app_ctx, QSettings())
    qtbot.addWidget(win2)
    assert win2.current_page_key() == "tasks"
    assert win2.height() == 503 and win2.width() == size.width()
    assert win2.recent_databases() == [str(tmp_path / "a.db"), str(tmp_path / "b.db")]


def _drop(window, paths):
    md = QMimeData()
    md.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    ev = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, md, Qt.MouseButton.NoButton,
                    Qt.KeyboardModifier.NoModifier)
    window.dropEvent(ev)


def test_dropping_a_form_goes_to_the_import(qtbot, window, tmp_path, monkeypatch):
    form = tmp_path / "Biểu mẫu Sở Nội vụ.xlsx"
    form.write_bytes(b"PK")
    received = []

    class FakeImport:
        def __init__(self, app_ctx, files, parent=None):
            received.append(files)

        def setAttribute(self, *a):
            pass

        def open(self):
            pass

    import cdsdesk.ui.main_window as mw

    real = mw.load_class
    monkeypatch.setattr(mw, "load_class", lambda m, n: FakeImport if n == "ImportDialog" else real(m, n))
    _drop(window, [form])
    assert received == [[form]]


def test_dropping_without_the_import_module_says_so(qtbot, window, tmp_path, monkeypatch):
    import cdsdesk.ui.main_window as mw

    monkeypatch.setattr(mw, "load_class", lambda m, n: None)
    _drop(window, [tmp_path / "bieu-mau.xlsx"])
    box = window.findChild(QMessageBox, "infoMessage")
    assert box is not None and "chưa có trong phiên bản này" in box.text()
    box.close()


def test_dropping_an_unknown_file_is_refused_clearly(qtbot, window, tmp_path):
    _drop(window, [tmp_path / "ảnh.png"])
    box = window.findChild(QMessageBox, "errorMessage")
    assert box is not None and "ảnh.png" in box.text()
    box.close()


def test_dropping_a_database_opens_it(qtbot, window, app_ctx, tmp_path):
    from cdsdesk.store.session import open_database

    other = tmp_path / "Tuyên Quang 2025.db"
    open_database(other).dispose()
    _drop(window, [other])
    assert app_ctx.db.path == other.resolve()
    assert window.db_label.text() == "CSDL: Tuyên Quang 2025.db"
    assert codes(window.show_page("tasks")) == []  # the new database is empty
    assert window.recent_databases()[0] == str(other.resolve())


def test_opening_a_missing_database_keeps_the_current_one(qtbot, window, app_ctx, tmp_path):
    before = app_ctx.db
    assert window.open_database(tmp_path / "khong-co.db", create=False) is False
    assert app_ctx.db is before
    box = window.findChild(QMessageBox, "errorMessage")
    assert box is not None and box.text().startswith("Không tìm thấy cơ sở dữ liệu")
    box.close()


def test_english_interface(qtbot, app_ctx, qapp):
    from cdsdesk.ui.i18n import install_language

    app_ctx.lang = install_language(qapp, "en")
    try:
        win = MainWindow(app_ctx, QSettings())
        qtbot.addWidget(win)
        labels = [win.nav.item(i).text() for i in range(win.nav.count())]
        assert labels[:2] == ["Overview", "Tasks"]
        view = win.show_page("tasks")
        assert view.model.headerData(1, Qt.Orientation.Horizontal) == "Task"
        row = view.model.row_of(ctx_task(view, "KH-02"))
        assert view.model.index(row, 4).data() == "Completed"
        # Figures stay Vietnamese-style in both languages.
        assert view.model.index(row, 3).data() == "31/12/2030"
    finally:
        app_ctx.lang = install_language(qapp, "vi")


def test_language_choice_is_saved_and_asked_for(qtbot, window):
    with qtbot.waitSignal(window.language_change_requested) as blocker:
        window.act_lang_en.trigger()
    assert blocker.args == ["en"]
    assert QSettings().value("ui/language") == "en"


def test_backup_now_writes_a_copy_holding_the_tasks(qtbot, window, tmp_path, monkeypatch):
    import sqlite3

    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "sao lưu" / "bản sao.db"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    window.act_backup.trigger()
    assert target.exists()
    con = sqlite3.connect(target)
    try:
        assert con.execute("select count(*) from tasks").fetchone()[0] == 5
    finally:
        con.close()
    assert window.statusBar().currentMessage().startswith("Đã sao lưu vào")


def test_export_without_its_module_says_so(qtbot, window, monkeypatch):
    import cdsdesk.ui.main_window as mw

    monkeypatch.setattr(mw, "load_class", lambda m, n: None)
    window.act_export.trigger()
    box = window.findChild(QMessageBox, "infoMessage")
    assert box is not None and box.text() == "Chức năng «Xuất báo cáo» chưa có trong phiên bản này."
    box.close()


def test_keyboard_shortcuts_window(qtbot, window):
    from PySide6.QtWidgets import QDialog, QTableWidget

    qtbot.keyClick(window, Qt.Key.Key_F1)
    dlg = window.findChild(QDialog, "shortcutsDialog")
    assert dlg is not None and dlg.isVisible()
    table = dlg.findChild(QTableWidget)
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert rows["Tìm nhiệm vụ…"] == "Ctrl+F"
    dlg.close()


def test_dropping_a_form_opens_the_real_import_dialog(qtbot, window, tmp_path):
    cls = load_class("cdsdesk.ui.dialogs.import_dialog", "ImportDialog")
    if cls is None:
        pytest.skip("the import dialog is not in this build")
    form = tmp_path / "Phiếu cập nhật Sở Nội vụ.xlsx"
    form.write_bytes(b"not really a workbook")
    _drop(window, [form])
    dlg = window.findChild(cls)
    assert dlg is not None and dlg.isVisible()
    assert dlg.files == [form]
    dlg.close()


def test_clicking_the_overdue_tile_on_the_dashboard_lists_the_overdue_tasks(qtbot, window, app_ctx):
    dashboard = window.show_page("dashboard")
    tiles = getattr(dashboard, "tiles", None)
    if not tiles or "overdue" not in tiles:
        pytest.skip("the dashboard with its tiles is not in this build")
    tile = tiles["overdue"]
    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
    view = window.pages["tasks"]
    assert window.stack.currentWidget() is view
    assert view.filters.overdue.isChecked()
    assert codes(view) == ["DA06-01", "KH-01"]
    assert view.filters.count_label.text() == "2 / 5 nhiệm vụ"
