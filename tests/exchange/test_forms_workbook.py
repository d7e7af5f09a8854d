"""The update form as the agency receives it: sheets, labels, drop-downs, protection, hidden data."""

from __future__ import annotations

import openpyxl
from sqlalchemy import select

from cdsdesk.cli.main import main
from cdsdesk.domain.status import STATUS_LABELS_VI
from cdsdesk.store.models import FormIssue, Task


def _validations(ws):  # noqa: ANN001, ANN202
    return {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}


def test_form_has_the_sheets_labels_and_rows_of_the_agency(db, province, form):
    wb = openpyxl.load_workbook(form)
    assert wb.sheetnames == ["Nhiệm vụ", "Chỉ tiêu", "Hướng dẫn", "_cdsdesk"]
    ws = wb["Nhiệm vụ"]
    header = [c.value for c in ws[5]]
    assert header[:6] == ["Mã nhiệm vụ", "Nhiệm vụ", "Thời hạn", "Trạng thái", "Tiến độ (%)", "Kết quả, ghi chú"]
    # Only the agency's own tasks, in natural code order (DA06-10 after DA06-3).
    codes = [ws.cell(r, 1).value for r in range(6, ws.max_row + 1)]
    assert codes == ["DA06-1", "DA06-2", "DA06-3", "DA06-10"]
    assert ws["D6"].value == "Đang triển khai" and ws["E6"].value == 40
    assert ws["H6"].value == "Đã làm sạch 40% dữ liệu"  # the last note, for context
    assert ws["C6"].value.date().isoformat() == "2024-06-30"
    wi = wb["Chỉ tiêu"]
    assert [c.value for c in wi[5]][:5] == ["Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính", "Giá trị", "Ghi chú"]
    assert [wi.cell(r, 1).value for r in (6, 7)] == ["CSDL", "DVC-TT"]
    assert wi["D6"].value == 12 and wi["E6"].value == "Theo báo cáo quý I"  # this period's value, prefilled
    assert wi["D7"].value is None and wi["G7"].value == 17  # DVC-TT: none yet; 2023S2 shown as the previous  # this period's value, prefilled
    assert "HƯỚNG DẪN" in wb["Hướng dẫn"]["B1"].value


def test_drop_down_lists_the_vietnamese_statuses_and_progress_is_0_to_100(form):
    wb = openpyxl.load_workbook(form)
    dvs = _validations(wb["Nhiệm vụ"])
    status = dvs["D6:D9"]
    assert status.type == "list"
    sheet, _, cells = status.formula1.partition("!")
    listed = [c.value for row in wb["Hướng dẫn"][cells.replace("$", "")] for c in row]
    assert sheet == "'Hướng dẫn'" and listed == list(STATUS_LABELS_VI.values())
    progress = dvs["E6:E9"]
    assert (progress.type, progress.operator, progress.formula1, progress.formula2) == ("whole", "between", "0", "100")
    percent = _validations(wb["Chỉ tiêu"])["D7"]
    assert (percent.type, percent.formula1, percent.formula2) == ("decimal", "0", "100")


def test_sheets_are_protected_without_password_and_only_fill_in_cells_unlocked(form):
    wb = openpyxl.load_workbook(form)
    for name in ("Nhiệm vụ", "Chỉ tiêu", "Hướng dẫn"):
        assert wb[name].protection.sheet is True
        assert not wb[name].protection.password
    ws = wb["Nhiệm vụ"]
    unlocked = {c.coordinate for row in ws.iter_rows(min_row=1, max_row=ws.max_row, max_col=8)
                for c in row if c.protection.locked is False}
    expected = {f"{col}{r}" for col in "DEFG" for r in range(6, 10)} | {"E2", "F2"}  # E2:F2 merged: the reporter
    assert unlocked == expected
    wi = wb["Chỉ tiêu"]
    unlocked = {c.coordinate for row in wi.iter_rows(min_row=1, max_row=wi.max_row, max_col=7)
                for c in row if c.protection.locked is False}
    assert unlocked == {"D6", "E6", "D7", "E7"}


def test_hidden_sheet_carries_database_agency_period_and_revisions(db, province, form):
    wb = openpyxl.load_workbook(form)
    hidden = wb["_cdsdesk"]
    assert hidden.sheet_state == "veryHidden"
    meta = {hidden.cell(r, 1).value: hidden.cell(r, 2).value for r in range(2, 10)}
    with db.session() as s:
        from cdsdesk.store.session import get_setting

        assert meta["database_id"] == get_setting(s, "database_id")
        issue = s.scalar(select(FormIssue))
        assert (meta["agency_code"], meta["period"], meta["form_issue_uuid"]) == ("STTTT", "2024S1", issue.uuid)
        assert issue.agency_id == province["stt"] and issue.period == "2024S1" and issue.file_name == form.name
        t1 = s.get(Task, province["t1"])
        rows = {hidden.cell(r, 2).value: [c.value for c in hidden[r]] for r in range(11, hidden.max_row + 1)}
        assert rows["DA06-1"][:6] == ["task", "DA06-1", t1.uuid, t1.revision, "in_progress", 40]
        assert rows["CSDL"][0] == "indicator" and rows["CSDL"][6] == 12


def test_cli_writes_one_form_per_agency_with_vietnamese_file_names(db, province, tmp_path, capsys):
    out = tmp_path / "phiếu gửi đi"
    code = main(["--db", str(db.path), "form", "--all-agencies", "--period", "2024S1", "--out-dir", str(out)])
    assert code == 0
    names = sorted(p.name for p in out.iterdir())
    assert names == ["2024S1 - HYS - Huyện Yên Sơn.xlsx", "2024S1 - SNV - Sở Nội vụ.xlsx",
                     "2024S1 - STTTT - Sở TT&TT.xlsx"]
    wb = openpyxl.load_workbook(out / "2024S1 - HYS - Huyện Yên Sơn.xlsx")
    assert wb["Nhiệm vụ"]["A6"].value == "DA06-5" and wb["Chỉ tiêu"]["A6"].value == "DVC-TT"
    with db.session() as s:
        assert len(s.scalars(select(FormIssue)).all()) == 3


def test_cli_form_errors_are_one_line_and_write_nothing(db, province, tmp_path, capsys):
    target = tmp_path / "x.xlsx"
    assert main(["--db", str(db.path), "form", "--agency", "KHONG", "--period", "2024S1", "-o", str(target)]) == 1
    assert "Không tìm thấy cơ quan 'KHONG'" in capsys.readouterr().err
    assert main(["--db", str(db.path), "form", "--agency", "STTTT", "--period", "2024H1", "-o", str(target)]) == 2
    assert "không phải là mã kỳ hợp lệ" in capsys.readouterr().err
    assert not target.exists()
    with db.session() as s:
        assert s.scalars(select(FormIssue)).all() == []
