"""The composition root: run_gui opens (creating and upgrading) the database and shows the window."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication


def _run(monkeypatch, tmp_path, db_arg, *, demo=False, inspect=None):
    import cdsdesk.ui.messages as messages
    from cdsdesk.app import run_gui

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(messages, "log_file", lambda: tmp_path / "log" / "cdsdesk.log")
    seen = {}

    def check():
        from cdsdesk.ui.main_window import MainWindow

        wins = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if not wins:
            seen["tries"] = seen.get("tries", 0) + 1
            if seen["tries"] > 200:  # no window after 10 s: end the event loop, fail below
                QApplication.quit()
                return
            QTimer.singleShot(50, check)
            return
        win = wins[0]
        seen["title"] = win.windowTitle()
        seen["db"] = win.db_label.text()
        if inspect:
            inspect(win, seen)
        win.close()

    QTimer.singleShot(0, check)
    seen["code"] = run_gui(str(db_arg), demo_if_empty=demo, argv=["cdsdesk"])
    assert "title" in seen, "the main window never appeared"
    return seen


def test_run_gui_creates_the_database_and_remembers_it(qtbot, monkeypatch, tmp_path):
    path = tmp_path / "Dữ liệu" / "bcđ.db"
    path.parent.mkdir()
    seen = _run(monkeypatch, tmp_path, path)
    assert seen["code"] == 0
    assert seen["db"] == "CSDL: bcđ.db"
    assert path.exists()
    assert QSettings().value("database/last") == str(path.resolve())
    from cdsdesk.store.migrate import head_revision
    from cdsdesk.store.session import open_database
    from cdsdesk.store.migrate import current_revision

    db = open_database(path, migrate=False)
    try:
        assert current_revision(db) == head_revision()
    finally:
        db.dispose()


def test_run_gui_refuses_a_missing_folder_with_a_message(qtbot, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda parent, title, text: shown.append(text)))
    import cdsdesk.ui.messages as messages
    from cdsdesk.app import run_gui

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(messages, "log_file", lambda: tmp_path / "cdsdesk.log")
    code = run_gui(str(tmp_path / "không-có" / "x.db"), argv=["cdsdesk"])
    assert code == 1
    assert shown and shown[0].startswith("Thư mục chứa cơ sở dữ liệu không tồn tại")


def test_demo_if_empty_loads_the_demo(qtbot, monkeypatch, tmp_path):
    pytest.importorskip("cdsdesk.services.demo")

    def inspect(win, seen):
        view = win.show_page("tasks")
        seen["tasks"] = view.model.total_count()

    seen = _run(monkeypatch, tmp_path, tmp_path / "demo.db", demo=True, inspect=inspect)
    assert seen["tasks"] > 0


def test_switching_language_rebuilds_the_window_in_that_language(qtbot, app_ctx, qapp):
    from cdsdesk.app import _Controller

    controller = _Controller(qapp, app_ctx, QSettings())
    controller.show()
    first = controller.window
    first.show_page("tasks")
    assert first.nav.currentItem().text() == "Nhiệm vụ"
    try:
        first.act_lang_en.trigger()
        second = controller.window
        assert second is not first and second.isVisible() and not first.isVisible()
        assert second.nav.currentItem().text() == "Tasks"  # the same page, now in English
        assert second.menuBar().actions()[0].text() == "&File"
        assert app_ctx.lang == "en"
        assert QSettings().value("ui/language") == "en"
    finally:
        controller.switch_language("vi")
        controller.window.close()
    assert app_ctx.lang == "vi"


def test_damaged_database_is_offered_its_newest_good_backup(qtbot, monkeypatch, tmp_path):
    """A damaged file is never written to: the app explains, restores the newest good backup when
    the user accepts, keeps the damaged file aside, and opens the restored data."""
    from PySide6.QtWidgets import QMessageBox

    from cdsdesk.services import agencies
    from cdsdesk.store.backup import make_backup
    from cdsdesk.store.session import open_database

    path = tmp_path / "bcđ.db"
    db = open_database(path)
    with db.session() as s:
        agencies.create_agency(s, code="STTTT", name="Sở Thông tin và Truyền thông", kind="department")
    db.dispose()
    make_backup(path, "manual")
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # the first page's b-tree is garbage now
    path.write_bytes(bytes(data))
    damaged = path.read_bytes()

    asked = {}

    def accept_restore(box):  # noqa: ANN001
        asked["text"] = box.text()
        restore = [b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole]
        restore[0].click() if restore else box.reject()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", accept_restore)
    seen = _run(monkeypatch, tmp_path, path)
    assert seen["code"] == 0 and "hỏng" in asked["text"]
    aside = [p for p in tmp_path.iterdir() if p.name.endswith(".damaged")]
    assert aside and aside[0].read_bytes() == damaged  # kept byte for byte
    db = open_database(path)
    try:
        from sqlalchemy import select

        from cdsdesk.store.models import Agency

        with db.session() as s:
            assert s.scalars(select(Agency.code)).all() == ["STTTT"]
    finally:
        db.dispose()


def test_damage_found_after_the_window_opened_closes_it_and_offers_the_backup(qtbot, monkeypatch, tmp_path):
    """A file whose first pages read well opens its window while the integrity check runs, with
    every write refused meanwhile; damage found deeper in then takes the ordinary path: the window
    goes, the newest good backup is offered and the restored data opens."""
    import sqlite3

    from PySide6.QtWidgets import QMessageBox

    import cdsdesk.app as app_module
    import cdsdesk.ui.messages as messages
    from cdsdesk.services import agencies
    from cdsdesk.store.backup import make_backup
    from cdsdesk.store.session import open_database

    path = tmp_path / "bcđ.db"
    db = open_database(path)
    with db.session() as s:
        agencies.create_agency(s, code="STTTT", name="Sở Thông tin và Truyền thông", kind="department")
    db.dispose()
    make_backup(path, "manual")
    conn = sqlite3.connect(path)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'ix_agencies_parent_id'").fetchone()[0]
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    data = bytearray(path.read_bytes())
    data[(root - 1) * page_size:root * page_size] = b"\x07" * page_size  # an index page is garbage
    path.write_bytes(bytes(data))

    starts = []
    real_start = app_module._EarlyOpen.try_start.__func__

    def spy(cls, target, *, need_tasks):
        early = real_start(cls, target, need_tasks=need_tasks)
        starts.append(early)
        if early is not None:  # a write while the check runs is refused
            from sqlalchemy import text

            with pytest.raises(Exception):
                with early.db.session() as s:
                    s.execute(text("UPDATE agencies SET name = 'x'"))
        return early

    monkeypatch.setattr(app_module._EarlyOpen, "try_start", classmethod(spy))
    asked = {}

    def accept_restore(box):  # noqa: ANN001
        asked["text"] = box.text()
        restore = [b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole]
        restore[0].click() if restore else box.reject()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", accept_restore)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(messages, "log_file", lambda: tmp_path / "log" / "cdsdesk.log")
    seen = {"tries": 0}

    def check():
        from cdsdesk.ui.main_window import MainWindow

        wins = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        seen["tries"] += 1
        if "text" in asked and wins:
            seen["shown"] = True
            wins[0].close()
            return
        if seen["tries"] > 400:
            QApplication.quit()
            return
        QTimer.singleShot(50, check)

    QTimer.singleShot(0, check)
    from cdsdesk.app import run_gui

    code = run_gui(str(path), argv=["cdsdesk"])
    assert starts and starts[0] is not None  # the window opened before the check ended
    assert code == 0 and seen.get("shown") and "hỏng" in asked["text"]
    assert [p for p in tmp_path.iterdir() if p.name.endswith(".damaged")]
    db = open_database(path)
    try:
        from sqlalchemy import select

        from cdsdesk.store.models import Agency

        with db.session() as s:
            assert s.scalars(select(Agency.code)).all() == ["STTTT"]
    finally:
        db.dispose()
