"""The backups page as the secretariat uses it: back up now, see the list, restore a copy."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from cdsdesk.services import tasks
from cdsdesk.store import backup as bk
from cdsdesk.store.session import open_database
from cdsdesk.ui.context import AppContext
from cdsdesk.ui.views.backups import BackupsView


@pytest.fixture
def ctx(tmp_path, qtbot):
    db = open_database(tmp_path / "Ban chỉ đạo.db")
    with db.session() as s:
        tasks.create_task(s, {"code": "NV-001", "title": "Số hóa hồ sơ"})
    c = AppContext(db)
    yield c
    c.db.dispose()


def codes(db) -> list[str]:  # noqa: ANN001
    con = sqlite3.connect(f"file:{db.path}?mode=ro", uri=True)
    try:
        return [r[0] for r in con.execute("SELECT code FROM tasks ORDER BY code")]
    finally:
        con.close()


def test_back_up_now_then_restore_the_copy(ctx, qtbot, monkeypatch):
    view = BackupsView(ctx)
    qtbot.addWidget(view)
    view.resize(1000, 500)
    view.show()
    assert view.list.topLevelItemCount() == 0 and not view.restore_button.isEnabled()
    qtbot.mouseClick(view.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.list.topLevelItemCount() == 1, timeout=10000)
    assert view.list.topLevelItem(0).text(1) == "Thủ công"
    made = bk.list_backups(ctx.db.path)[0]
    assert view.list.headerItem().text(2) == "Dung lượng"
    assert view.list.topLevelItem(0).text(2) == f"{-(-made.size // 1024)} KB"  # a small file, in whole KB
    assert "Đã sao lưu và kiểm tra" in view.status.text()

    with ctx.db.session() as s:
        tasks.create_task(s, {"code": "NV-002", "title": "Thêm sau khi sao lưu"})
    view.list.setCurrentItem(view.list.topLevelItem(0))
    assert view.restore_button.isEnabled()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    old_db = ctx.db
    qtbot.mouseClick(view.restore_button, Qt.MouseButton.LeftButton)
    assert ctx.db is not old_db, "the window works on the reopened database"
    assert codes(ctx.db) == ["NV-001"]
    kinds = [view.list.topLevelItem(i).text(1) for i in range(view.list.topLevelItemCount())]
    assert "Trước khi khôi phục" in kinds and "Thủ công" in kinds
    assert "Dữ liệu trước đó được giữ" in view.status.text()
    pre = [b for b in bk.list_backups(ctx.db.path) if b.kind == "pre-restore"][0]
    con = sqlite3.connect(pre.path)
    assert [r[0] for r in con.execute("SELECT code FROM tasks ORDER BY code")] == ["NV-001", "NV-002"]
    con.close()


def test_check_reports_a_sound_database(ctx, qtbot):
    view = BackupsView(ctx)
    qtbot.addWidget(view)
    qtbot.mouseClick(view.check_button, Qt.MouseButton.LeftButton)
    assert view.status.text() == "Kiểm tra toàn vẹn: cơ sở dữ liệu tốt."


def test_daily_backup_is_taken_while_the_window_stays_open(ctx, qtbot):
    from PySide6.QtCore import QObject

    from cdsdesk.ui.views.backups import start_daily_backups

    for b in bk.list_backups(ctx.db.path):
        b.path.unlink()
    owner = QObject()
    timer = start_daily_backups(ctx, owner, interval_ms=50)
    qtbot.waitUntil(lambda: [b.kind for b in bk.list_backups(ctx.db.path)] == ["daily"], timeout=10000)
    qtbot.wait(200)  # later ticks the same day add nothing
    assert [b.kind for b in bk.list_backups(ctx.db.path)] == ["daily"]
    timer.stop()
