"""The import and forms dialogs, driven like a user: see the plan, apply, read the summary, undo."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402

from cdsdesk.store.models import Task  # noqa: E402

from .conftest import fill_form  # noqa: E402


pytestmark = pytest.mark.usefixtures("vi")


@pytest.fixture
def ctx(db, qtbot):
    from cdsdesk.ui.context import AppContext

    return AppContext(db)


def _status(db, task_id):  # noqa: ANN001, ANN202
    with db.session() as s:
        return s.get(Task, task_id).status


def _value_rows(db):  # noqa: ANN001, ANN202
    from sqlalchemy import select

    from cdsdesk.store.models import IndicatorValue

    with db.session() as s:
        return sorted((v.indicator_id, v.agency_id, v.period, v.value) for v in s.scalars(select(IndicatorValue)))


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


def test_an_applied_import_is_undone_and_redone_from_the_undo_stack(db, province, form, ctx, qtbot):
    """Edit ▸ Undo reverts the import batch; Edit ▸ Redo imports the same file again."""
    from cdsdesk.ui.dialogs.import_dialog import ImportDialog

    before = _value_rows(db)
    fill_form(form, tasks={"DA06-2": {"status": "Hoàn thành", "progress": 100}}, values={"CSDL": {"value": 15}})
    dlg = ImportDialog(ctx, [form])
    qtbot.addWidget(dlg)
    qtbot.waitUntil(lambda: dlg.apply_button.isEnabled(), timeout=10000)
    assert ctx.undo_stack.count() == 0  # planning writes nothing and pushes nothing
    with qtbot.waitSignal(ctx.data_changed, timeout=10000):
        qtbot.mouseClick(dlg.apply_button, Qt.MouseButton.LeftButton)
    assert _status(db, province["t2"]) == "done"
    assert (province["csdl"], province["stt"], "2024S1", 15.0) in _value_rows(db)
    assert ctx.undo_stack.count() == 1 and ctx.undo_stack.canUndo()
    assert ctx.undo_stack.undoText() == "Nhập Phiếu Sở TT&TT.xlsx"
    dlg.close()

    with qtbot.waitSignal(ctx.data_changed, timeout=10000) as sig:
        ctx.undo_stack.undo()
    assert province["t2"] in sig.args[0].tasks  # the views are told what to refresh
    assert _status(db, province["t2"]) == "not_started"
    assert _value_rows(db) == before

    with qtbot.waitSignal(ctx.data_changed, timeout=10000):
        ctx.undo_stack.redo()
    assert _status(db, province["t2"]) == "done"
    assert (province["csdl"], province["stt"], "2024S1", 15.0) in _value_rows(db)
    ctx.undo_stack.undo()
    assert _status(db, province["t2"]) == "not_started" and _value_rows(db) == before


def test_redo_is_refused_when_the_file_changed_after_the_undo(db, province, form, ctx, qtbot):
    from cdsdesk.ui.dialogs.import_dialog import ImportDialog

    fill_form(form, tasks={"DA06-2": {"status": "Hoàn thành"}})
    dlg = ImportDialog(ctx, [form])
    qtbot.addWidget(dlg)
    qtbot.waitUntil(lambda: dlg.apply_button.isEnabled(), timeout=10000)
    qtbot.mouseClick(dlg.apply_button, Qt.MouseButton.LeftButton)
    ctx.undo_stack.undo()
    fill_form(form, tasks={"DA06-2": {"status": "Đang triển khai"}})
    ctx.undo_stack.redo()
    assert _status(db, province["t2"]) == "not_started"  # nothing re-imported
    cmd = dlg.command
    assert cmd.last_error is not None and "đã thay đổi sau lần nhập" in cmd.last_error.vi
    from PySide6.QtWidgets import QApplication, QMessageBox

    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert any("đã thay đổi sau lần nhập" in b.text() for b in boxes)  # the user is told why
    for box in boxes:
        box.close()


def test_a_legacy_sheet_goes_through_the_mapping_step(db, ctx, qtbot, tmp_path):
    """What the importer cannot recognise is asked; the answers make the sheet import; undo drops it."""
    import openpyxl
    from sqlalchemy import func, select

    from cdsdesk.services.agencies import create_agency
    from cdsdesk.ui.dialogs.import_dialog import ImportDialog

    with db.session() as s:
        create_agency(s, code="CAT", name="Công an tỉnh", kind="department")
        create_agency(s, code="STTTT", name="Sở Thông tin và Truyền thông", kind="department")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Theo dõi"
    ws.append(["STT", "Nhiệm vụ", "Chủ trì", "Thời hạn", "Trạng thái", "Người theo dõi"])
    ws.append([1, "Bảo vệ hệ thống camera giám sát", "Phòng PC06", "Quý III/2024", "Đợi kinh phí", "anh Hùng"])
    ws.append([2, "Rà soát tên miền .gov.vn", "Sở Thông tin và Truyền thông", "Năm 2024", "Đang làm", ""])
    path = tmp_path / "theo dõi.xlsx"
    wb.save(path)

    dlg = ImportDialog(ctx, [path])
    qtbot.addWidget(dlg)
    qtbot.waitUntil(lambda: dlg.mapping_dialog is not None and dlg.mapping_dialog.isVisible(), timeout=10000)
    assert not dlg.apply_button.isEnabled()  # 'Đợi kinh phí' is not a status yet
    assert any("'Đợi kinh phí'" in t for t in _texts(dlg.tree))  # the plan says why
    mapping = dlg.mapping_dialog
    kinds = {q.text: i for i, q in enumerate(mapping.questions)}
    assert mapping.windowTitle() == "Đối chiếu nội dung chưa nhận ra"
    mapping.choose(kinds["Đợi kinh phí"], "blocked")
    mapping.choose(kinds["Người theo dõi"], "note")
    mapping.choose(kinds["Phòng PC06"], "CAT")
    mapping.accept()
    qtbot.waitUntil(lambda: dlg.apply_button.isEnabled(), timeout=10000)
    with qtbot.waitSignal(ctx.data_changed, timeout=10000):
        qtbot.mouseClick(dlg.apply_button, Qt.MouseButton.LeftButton)
    with db.session() as s:
        t = s.scalar(select(Task).where(Task.title.like("Bảo vệ hệ thống%")))
        assert (t.status, t.lead_agency.code) == ("blocked", "CAT")
        assert s.scalar(select(func.count()).select_from(Task).where(Task.deleted_at.is_(None))) == 2
    ctx.undo_stack.undo()
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Task).where(Task.deleted_at.is_(None))) == 0


def test_cancel_stops_the_import_before_the_next_file(db, province, form, tmp_path):
    """The job behind the dialog: progress per file, and Cancel leaves the files not yet read alone."""
    from cdsdesk.ui.undo_import import ImportRun, import_with_mappings

    fill_form(form, tasks={"DA06-2": {"status": "Hoàn thành"}})
    second = fill_form(form, tmp_path / "bản 2.xlsx", tasks={"DA06-3": {"status": "Hoàn thành"}})
    seen: list[tuple[int, int, str]] = []
    result = import_with_mappings(db, ImportRun([form, second]), dry_run=False,
                                  progress=lambda d, t, text: seen.append((d, t, text)),
                                  cancelled=lambda: len(seen) >= 1)
    assert [f.name for f in result.files] == [form.name]
    assert seen[0] == (0, 2, form.name)
    assert _status(db, province["t2"]) == "done" and _status(db, province["t3"]) == "in_progress"
