"""The lean workbook reader gives the cells openpyxl gives, and refuses what it must refuse."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import openpyxl
import pytest
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

from cdsdesk.exchange.safety import Cell, ImportRejected, Limits, read_xlsx


def _workbook(*, mac_epoch: bool) -> bytes:
    wb = openpyxl.Workbook()
    if mac_epoch:
        wb.epoch = openpyxl.utils.datetime.MAC_EPOCH
    ws = wb.active
    ws.title = "Nhiệm vụ"
    ws["A1"] = dt.date(2024, 7, 10)
    ws["A1"].number_format = "dd/mm/yyyy"
    ws["B1"] = dt.datetime(2024, 7, 10, 13, 30)
    ws["C1"] = dt.time(8, 15)
    ws["D1"] = dt.timedelta(hours=30)
    ws["E1"], ws["F1"], ws["G1"] = True, False, "=SUM(1,2)"
    ws["H1"] = 45123
    ws["H1"].number_format = "[$-42A]d/m/yyyy"
    ws["I1"], ws["J1"], ws["K1"], ws["L1"] = 42.5, "  ", "x" * 40_000, -3
    ws["A3"], ws["C5"], ws["E7"], ws["A8"] = "dòng sau một dòng trống", "   ", 1e20, "#N/A"
    ws.cell(9, 250, "cột quá xa")
    ws.cell(9, 2, "gần")
    ws["A10"] = CellRichText(["chữ ", TextBlock(InlineFont(b=True), "đậm"), " cuối"])
    for ref, value, fmt in (("A11", 10, '"ngày" 0'), ("A12", 3, "h:mm"), ("A13", 0.5, "hh:mm:ss"),
                            ("A14", 1.5, "[h]:mm:ss"), ("A15", 59, "yyyy-mm-dd")):
        ws[ref] = value
        ws[ref].number_format = fmt
    hidden = wb.create_sheet("Ẩn")
    hidden.sheet_state = "veryHidden"
    hidden["A1"] = "a"
    wb.create_sheet("trống")
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _openpyxl_cells(data: bytes, limits: Limits) -> dict[str, tuple[str, list[list[Cell]]]]:
    """What openpyxl's read-only reader gives, cut the same way (columns, trailing blanks)."""
    wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    out = {}
    for ws in wb.worksheets:
        rows = []
        for row in ws.iter_rows(max_col=limits.max_cols):
            cells = [Cell(c.value, is_formula=True) if c.data_type == "f"
                     else Cell(c.value[: limits.max_cell_chars] if isinstance(c.value, str) else c.value)
                     for c in row]
            while cells and cells[-1].empty and not cells[-1].is_formula:
                cells.pop()
            rows.append(cells)
        while rows and not rows[-1]:
            rows.pop()
        out[ws.title] = (ws.sheet_state, rows)
    wb.close()
    return out


@pytest.mark.parametrize("mac_epoch", [False, True])
def test_cells_are_those_openpyxl_reads(mac_epoch: bool) -> None:
    data = _workbook(mac_epoch=mac_epoch)
    limits = Limits()
    book = read_xlsx(data, source="x.xlsx", limits=limits)
    expected = _openpyxl_cells(data, limits)
    assert list(book.sheets) == list(expected)
    for name, (state, rows) in expected.items():
        assert book.sheets[name].state == state
        assert book.sheets[name].rows == rows, name
    sheet = book.sheet("Nhiệm vụ")
    assert sheet.cell(1, 1).value == dt.datetime(2024, 7, 10)
    assert sheet.cell(1, 7) == Cell("=SUM(1,2)", is_formula=True)
    assert sheet.cell(10, 1).value == "chữ đậm cuối"
    assert len(sheet.cell(1, 11).value) == limits.max_cell_chars
    assert sheet.cell(9, 250).empty  # beyond max_cols
    assert book.epoch.year == (1904 if mac_epoch else 1899)


def _with_member(data: bytes, name: str, text: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            out.writestr(info, text if info.filename == name else src.read(info.filename))
    return buf.getvalue()


def test_a_dtd_deep_inside_a_sheet_is_refused() -> None:
    data = _workbook(mac_epoch=False)
    sheet = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml")
    body = sheet.split(b"?>", 1)[1] if sheet.startswith(b"<?xml") else sheet
    # Past the first 4 KB, where a check of the head alone would not look.
    padded = b'<?xml version="1.0"?><!-- ' + b"x" * 10_000 + b' --><!DOCTYPE x [<!ENTITY a "b">]>' + body
    with pytest.raises(ImportRejected) as exc:
        read_xlsx(_with_member(data, "xl/worksheets/sheet1.xml", padded), source="x.xlsx")
    assert "DTD/ENTITY" in exc.value.en


def test_xml_in_another_encoding_is_refused() -> None:
    data = _workbook(mac_epoch=False)
    sheet = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml")
    utf16 = sheet.decode("utf-8").replace("UTF-8", "UTF-16").replace("utf-8", "UTF-16").encode("utf-16")
    with pytest.raises(ImportRejected) as exc:
        read_xlsx(_with_member(data, "xl/worksheets/sheet1.xml", utf16), source="x.xlsx")
    assert "not UTF-8" in exc.value.en


def test_xml_declared_in_another_encoding_is_refused() -> None:
    data = _workbook(mac_epoch=False)
    sheet = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml")
    body = sheet.split(b"?>", 1)[1] if sheet.startswith(b"<?xml") else sheet
    latin = b'<?xml version="1.0" encoding="windows-1252"?>' + body
    with pytest.raises(ImportRejected) as exc:
        read_xlsx(_with_member(data, "xl/worksheets/sheet1.xml", latin), source="x.xlsx")
    assert "windows-1252, not UTF-8" in exc.value.en


def test_a_row_beyond_the_limit_is_refused() -> None:
    wb = openpyxl.Workbook()
    wb.active["A50"] = "x"
    buf = io.BytesIO()
    wb.save(buf)
    with pytest.raises(ImportRejected) as exc:
        read_xlsx(buf.getvalue(), source="x.xlsx", limits=Limits(max_rows=49))
    assert "too many rows (at most 49)" in exc.value.en


def test_plain_value_cells_read_as_openpyxl_reads_them() -> None:
    """Sheets of value cells only (no formula, no rich text), as forms and LibreOffice write
    them: text with markup characters and line breaks, dates, booleans, errors, inline strings."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Giá trị"
    ws["A1"], ws["B1"], ws["C1"] = "a & b <c> \"d\" 'e'", "dòng 1\r\ndòng 2", True
    ws["A2"] = dt.date(2024, 7, 10)
    ws["A2"].number_format = "dd/mm/yyyy"
    ws["B2"], ws["C2"], ws["E2"] = 42.5, -3, "#N/A"
    ws["A4"], ws["D4"] = "  ", "Tiến độ (%)"
    buf = io.BytesIO()
    wb.save(buf)
    data = buf.getvalue()
    inline = (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Ti&#7871;n &#273;&#7897; &amp; &lt;k&gt;</t></is></c>'
        '<c r="C1" s="0" t="n"><v>7</v></c><c r="D1" t="inlineStr"><is><t xml:space="preserve"> x </t></is></c></row>'
        '<row r="3"><c r="B3" t="b"><v>0</v></c><c r="C3"/><c r="D3" t="n"></c></row>'
        "</sheetData></worksheet>"
    ).encode()
    for book_bytes in (data, _with_member(data, "xl/worksheets/sheet1.xml", inline)):
        limits = Limits()
        book = read_xlsx(book_bytes, source="x.xlsx", limits=limits)
        expected = _openpyxl_cells(book_bytes, limits)
        for name, (_state, rows) in expected.items():
            assert book.sheets[name].rows == rows, name
    assert book.sheet("Giá trị").cell(1, 1).value == "Tiến độ & <k>"
    assert book.sheet("Giá trị").cell(3, 2).value is False


def test_a_malformed_sheet_is_refused_even_when_its_cells_look_plain() -> None:
    data = _workbook(mac_epoch=False)
    broken = (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        '<row r="1"><c r="A1" t="n"><v>1</v></c></row></sheetData><oops></worksheet>'
    ).encode()
    with pytest.raises(ImportRejected):
        read_xlsx(_with_member(data, "xl/worksheets/sheet2.xml", broken), source="x.xlsx")
