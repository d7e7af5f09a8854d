"""The mapping step: what the importer could not recognise is asked in a dialog, and the answers
make the same sheet import."""

from __future__ import annotations

import openpyxl
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import select

from cdsdesk.exchange.legacy import mapping_questions
from cdsdesk.services.agencies import create_agency
from cdsdesk.store.models import Agency, Task
from cdsdesk.ui.dialogs.mapping_dialog import MappingDialog

from .xhelpers import run_import


def _sheet(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Theo dõi"
    ws.append(["STT", "Nhiệm vụ", "Chủ trì", "Thời hạn", "Trạng thái", "Người theo dõi"])
    ws.append(["I", "PHẦN VIỆC KHÁC"])
    ws.append([1, "Bảo vệ hệ thống camera giám sát", "Phòng PC06", "Quý III/2024", "Đợi kinh phí", "anh Hùng"])
    ws.append([2, "Rà soát tên miền .gov.vn", "Sở Thông tin và Truyền thông", "Năm 2024", "Đợi kinh phí", ""])
    wb.save(path)
    return path


def test_legacy_mapping_dialog_answers_make_the_sheet_import(db, tmp_path, qtbot, vi):
    with db.session() as s:
        create_agency(s, code="CAT", name="Công an tỉnh", kind="department")
        create_agency(s, code="STTTT", name="Sở Thông tin và Truyền thông", kind="department")
        agencies = [(a.code, a.name) for a in s.scalars(select(Agency).order_by(Agency.code))]
    path = _sheet(tmp_path / "theo dõi.xlsx")
    fp = run_import(db, path, dry_run=True)
    assert fp.outcome.value == "rejected"
    questions = mapping_questions(fp, agencies)
    assert [(q.kind, q.text) for q in questions] == [
        ("heading", "Người theo dõi"), ("area", "PHẦN VIỆC KHÁC"), ("status", "Đợi kinh phí"), ("agency", "Phòng PC06")]
    assert questions[2].cells == ["Theo dõi!E3", "Theo dõi!E4"]

    dlg = MappingDialog(questions, file_name=path.name)
    qtbot.addWidget(dlg)
    ok = dlg.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled() and "1 trạng thái" in dlg.hint.text()
    dlg.choose(0, "note")
    dlg.choose(1, "ATTT")
    dlg.choose(2, "blocked")
    dlg.choose(3, "CAT")
    assert ok.isEnabled()
    assert dlg.table.item(2, 1).text() == "Đợi kinh phí" and dlg.combos[2].currentText() == "Chờ hướng dẫn / vướng mắc"
    mapping = dlg.mapping()

    fp = run_import(db, path, params={"legacy_mapping": mapping})
    assert fp.outcome.value == "applied", [e.text() for e in fp.errors]
    with db.session() as s:
        t = s.scalar(select(Task).where(Task.title.like("Bảo vệ hệ thống%")))
        assert (t.status, t.lead_agency.code, t.area.code) == ("blocked", "CAT", "ATTT")
        assert t.history[-1].note == "Đợi kinh phí\nGhi chú: anh Hùng"  # the words behind the status stay
        assert s.scalar(select(Agency).where(Agency.name == "Phòng PC06")) is None
