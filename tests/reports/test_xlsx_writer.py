"""The streamed .xlsx writer read back with openpyxl: typed values, text kept exactly (Vietnamese,
markup, leading spaces, CR), nothing ever a formula, styles, sheet names and page setup."""

from __future__ import annotations

import datetime as dt
import zipfile

import pytest
from openpyxl import load_workbook

from cdsdesk.reports.tabular import export_rows
from cdsdesk.reports.xlsx_writer import Column, XlsxWriter, column_letter, sheet_title

HOSTILE = ["=1+2", "+84 912 345 678", "-5 ngày", "@SUM(A1:A9)", "\tTab", "\rCR", "＝HYPERLINK(\"x\")",
           '=HYPERLINK("http://x","bấm")']


def _write(tmp_path, rows, *, preface=(), cols=None, title="Nhiệm vụ", wrap=True):  # noqa: ANN001, ANN202
    cols = cols or [Column("Mã", 12), Column("Nhiệm vụ", 50, wrap=True), Column("Số", 10, "#,##0"),
                    Column("Tỷ lệ", 10, "0.0%"), Column("Ngày", 12)]
    path = tmp_path / "bảng.xlsx"
    with XlsxWriter(str(path)) as w:
        w.sheet(title, cols, rows, preface=preface, wrap=wrap)
    return path


def test_values_keep_their_types_and_formats(tmp_path):
    rows = [["A-1", "Chuyển đổi số cấp xã – Ứng dụng định danh điện tử", 1928311, 0.425, dt.date(2024, 7, 10)],
            ["A-2", "Đường truyền số liệu chuyên dùng", -3, 1.0, dt.datetime(2024, 1, 31, 12, 0)],
            ["A-3", None, 2.5, None, None], ["A-4", "Có", True, False, None]]
    ws = load_workbook(_write(tmp_path, rows)).active
    assert [c.value for c in ws[1]] == ["Mã", "Nhiệm vụ", "Số", "Tỷ lệ", "Ngày"]
    assert ws["B2"].value == "Chuyển đổi số cấp xã – Ứng dụng định danh điện tử" and ws["B2"].data_type == "s"
    assert ws["C2"].value == 1928311 and ws["C2"].data_type == "n" and ws["C2"].number_format == "#,##0"
    assert ws["D2"].value == pytest.approx(0.425) and ws["D2"].number_format == "0.0%"
    assert ws["E2"].value == dt.datetime(2024, 7, 10) and ws["E2"].number_format == "dd/mm/yyyy"
    assert ws["E3"].value == dt.datetime(2024, 1, 31, 12, 0) and ws["C3"].value == -3
    assert ws["B4"].value is None and ws["C4"].value == 2.5
    assert ws["C5"].value == "Có" and ws["D5"].value is None  # a flag reads as "Có" or blank
    assert ws["B2"].alignment.wrap_text and not ws["A2"].alignment.wrap_text
    assert all(c.font.name == "Times New Roman" for row in ws.iter_rows() for c in row)
    assert ws["A1"].font.b and ws["A1"].fill.fgColor.rgb == "FFDDEBF7"


def test_formula_like_text_stays_text(tmp_path):
    rows = [[f"X-{i}", text, None, None, None] for i, text in enumerate(HOSTILE)]
    path = _write(tmp_path, rows)
    ws = load_workbook(path).active
    for r, text in zip(ws.iter_rows(min_row=2), HOSTILE):
        assert r[1].value == text and r[1].data_type == "s" and r[1].quotePrefix, text
    assert not ws["A2"].quotePrefix  # ordinary text has no prefix
    with zipfile.ZipFile(path) as z:
        assert not any("<f>" in z.read(n).decode() for n in z.namelist() if n.startswith("xl/"))


def test_text_is_kept_exactly(tmp_path):
    texts = ["  hai dấu cách đầu", "cuối có dấu cách ", "<b>đậm</b> & \"trích\" 'dẫn'", "dòng 1\ndòng 2",
             "điều khiển\x07\x0b bị bỏ", "Ủy ban nhân dân xã Đạo Viện"]
    ws = load_workbook(_write(tmp_path, [["M", t, None, None, None] for t in texts])).active
    got = [ws.cell(r, 2).value for r in range(2, 2 + len(texts))]
    assert got == texts[:4] + ["điều khiển bị bỏ", "Ủy ban nhân dân xã Đạo Viện"]


def test_header_block_frozen_filtered_and_printed(tmp_path):
    rows = [["A", "x", 1, 0.5, None]] * 3
    path = _write(tmp_path, rows, preface=["BÁO CÁO tổng hợp", "Số liệu tính đến 30/6/2024"], title="Tổng hợp")
    wb = load_workbook(path)
    ws = wb["Tổng hợp"]
    assert ws["A1"].value == "BÁO CÁO tổng hợp" and ws["A1"].font.b and ws["A1"].font.sz == 14
    assert ws["A2"].value == "Số liệu tính đến 30/6/2024" and ws["A3"].value is None
    assert ws["A4"].value == "Mã" and ws.freeze_panes == "A5" and ws.auto_filter.ref == "A4:E7"
    assert ws.print_title_rows == "$4:$4" and ws.page_setup.orientation == "landscape"
    assert ws.page_setup.paperSize == 9 and ws.column_dimensions["B"].width == 50


def test_several_sheets_and_names_excel_accepts(tmp_path):
    path = tmp_path / "nhiều.xlsx"
    with XlsxWriter(str(path)) as w:
        w.sheet("Quá hạn, vướng mắc", [Column("Mã", 10)], [["A"]])
        w.sheet("Tên rất dài: [chỉ tiêu]/đơn vị? của các cơ quan", [Column("Mã", 10)], [["B"], ["C"]])
        w.sheet("Trống", [Column("Mã", 10)], [])
    wb = load_workbook(path)
    assert wb.sheetnames == ["Quá hạn, vướng mắc", "Tên rất dài   chỉ tiêu  đơn vị", "Trống"]
    assert [c.value for c in wb.worksheets[1]["A"]] == ["Mã", "B", "C"]
    assert wb["Trống"].max_row == 1
    assert len(sheet_title("x" * 40)) == 31 and column_letter(1) == "A" and column_letter(28) == "AB"


def test_long_sheets_leave_wrapping_off(tmp_path):
    ws = load_workbook(_write(tmp_path, [["A", "dài", 1, 0.1, None]], wrap=False)).active
    assert not ws["B2"].alignment.wrap_text


def test_export_rows_list_reads_back(tmp_path):
    headers = ["Mã", "Tên nhiệm vụ của cơ quan chủ trì", "Giá trị"]
    rows = [[f"M-{i}", f"Nhiệm vụ số {i} của Sở Thông tin và Truyền thông", i * 1.5] for i in range(1, 2501)]
    ws = load_workbook(export_rows(headers, rows, tmp_path / "ds.xlsx", sheet_title="Danh sách nhiệm vụ")).active
    assert ws.title == "Danh sách nhiệm vụ" and ws.max_row == 2501 and ws.auto_filter.ref == "A1:C2501"
    assert ws["C2501"].value == pytest.approx(3750.0) and ws["B1001"].value == "Nhiệm vụ số 1000 của Sở Thông tin và Truyền thông"


def test_wrapped_rows_are_tall_enough_for_their_text(tmp_path):
    long_title = "Chương trình chuyển đổi số tỉnh Tuyên Quang đến năm 2025, định hướng đến năm 2030 " * 2
    rows = [["A", long_title, 1, 0.1, None], ["B", "ngắn", 2, 0.2, None]]
    ws = load_workbook(_write(tmp_path, rows)).active
    assert ws.row_dimensions[2].height >= 3 * 15  # ~170 characters in a 50-wide column: 3 lines
    assert ws.row_dimensions[3].height is None  # one line: the default height
    ws = load_workbook(_write(tmp_path, rows, wrap=False)).active
    assert ws.row_dimensions[2].height is None
