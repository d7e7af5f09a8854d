"""The import and forms dialogs, driven like a user: see the plan, apply, read the summary, undo."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402

from cdsdesk.store.models import Task  # noqa: E402

from .conftest import fill_form  # noqa: E402


@pytest.fixture
def ctx(db, qtbot):
    from cdsdesk.ui.context import AppContext

    return AppContext(db)


def _texts(tree):  # noqa: ANN001, ANN202
    out = []

    def walk(item):  # noqa: ANN001, ANN202
        out.append(" | ".join(item.text(c) for c in range(4)))
        for i in range(item.childCount()):
            walk(item.child(i))

    for i in range(tree.topLevelItemCount()):
        walk(tree.topLevelItem(i))
    return out


def test_import_dialog_shows_plan_applies_and_undoes(db, province, form, ctx, qtbot):
    from cdsdesk.ui.dialogs.import_dialog import ImportDialog

    fill_form(form, tasks={"DA06-1": {"status": "Hoàn thành", "note": "Xong"}}, values={"CSDL": {"value": 15}})
    dlg = ImportDialog(ctx, [form])
    qtbot.addWidget(dlg)
    qtbot.waitUntil(lambda: dlg.apply_button.isEnabled(), timeout=10000)
    lines = _texts(dlg.tree)
    assert any("DA06-1" in line and "Thay đổi" in line for line in lines)
    assert any("Trạng thái: Đang triển khai → Hoàn thành | Nhiệm vụ!D6" in line for line in lines)
    assert "2 cập nhật" in dlg.summary.text()
    with db.session() as s:
        assert s.get(Task, province["t1"]).status == "in_progress"  # nothing written yet
    with qtbot.waitSignal(ctx.data_changed, timeout=10000):
        qtbot.mouseClick(dlg.apply_button, Qt.MouseButton.LeftButton)
    assert "Đã nhập 1/1 tệp" in dlg.summary.text() and not dlg.undo_button.isHidden()
    with db.session() as s:
        assert s.get(Task, province["t1"]).status == "done"
    assert dlg.batch_ids()
    qtbot.mouseClick(dlg.undo_button, Qt.MouseButton.LeftButton)
    with db.session() as s:
        assert s.get(Task, province["t1"]).status == "in_progress"
    assert "Đã hoàn tác 1 lần nhập" in dlg.summary.text()


def test_import_dialog_rejected_file_shows_errors_and_cannot_apply(db, province, form, ctx, qtbot):
    from cdsdesk.ui.dialogs.import_dialog import ImportDialog

    fill_form(form, tasks={"DA06-2": {"status": "xong"}})
    dlg = ImportDialog(ctx, [form])
    qtbot.addWidget(dlg)
    qtbot.waitUntil(lambda: "Kế hoạch" in dlg.summary.text(), timeout=10000)
    assert not dlg.apply_button.isEnabled()
    assert any("'xong' không phải là trạng thái hợp lệ" in line and "Nhiệm vụ!D7" in line for line in _texts(dlg.tree))
    assert "1 tệp bị từ chối" in dlg.summary.text()


def test_forms_dialog_writes_the_checked_agencies(db, province, ctx, qtbot, tmp_path):
    from cdsdesk.domain.periods import Period
    from cdsdesk.ui.dialogs.forms_dialog import FormsDialog

    ctx.set_period(Period.parse("2024S1"))
    dlg = FormsDialog(ctx)
    qtbot.addWidget(dlg)
    assert dlg.agencies.count() == 3
    dlg.folder.setText(str(tmp_path / "phiếu"))
    dlg.agencies.item(0).setCheckState(Qt.CheckState.Unchecked)
    qtbot.mouseClick(dlg.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(dlg.written) == 2, timeout=10000)
    assert sorted(p.name for p in (tmp_path / "phiếu").iterdir()) == sorted(i.path.name for i in dlg.written)
    assert "Đã tạo 2 phiếu" in dlg.status.text()
