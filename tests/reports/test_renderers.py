"""Every format opened again: the numbers of the services, the Vietnamese text, the letterhead,
the page setup, fonts, and nothing a spreadsheet would run."""

import csv
import datetime as dt
import re
import shutil
import subprocess
import zipfile

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm
from openpyxl import load_workbook

from cdsdesk.domain.periods import Period
from cdsdesk.reports import build_report
from cdsdesk.reports.docx_render import render_docx
from cdsdesk.reports.jobs import Cancelled
from cdsdesk.reports.model import ReportSettings
from cdsdesk.reports.pdf_render import render_pdf
from cdsdesk.reports.tabular import export_rows, render_csv, render_xlsx
from cdsdesk.services import queries

D = dt.date
SETTINGS = ReportSettings(number="12", signer_name="Nguyễn Văn Sơn", signer_authority="KT. TRƯỞNG BAN",
                          signer_title="PHÓ TRƯỞNG BAN")
FORMULA = "=cmd|' /C calc'!A0 Cấp chữ ký số"


@pytest.fixture
def june(db, province):
    with db.session() as s:
        report = build_report(s, window=Period.parse("2024S1"), as_of=D(2024, 6, 30), settings=SETTINGS,
                              issued_on=D(2024, 7, 10))
        expected = queries.status_counts(s, as_of=D(2024, 6, 30))
    return report, expected


def _all_runs(doc):
    for p in doc.paragraphs:
        yield from p.runs
    for t in doc.tables:
        for row in t.rows:
            for cell in row.cells:
                for p in cell.paragraphs:
                    yield from p.runs


def _text(doc) -> str:
    parts = [p.text for p in doc.paragraphs]
    for t in doc.tables:
        for row in t.rows:
            parts += [c.text for c in row.cells]
    return "\n".join(parts)


def test_docx_layout_fonts_and_numbers(june, tmp_path):
    report, expected = june
    path = render_docx(report, tmp_path / "Báo cáo 6 tháng.docx")
    doc = Document(str(path))
    sec = doc.sections[0]
    mm = {k: round(getattr(sec, k).mm, 1) for k in ("page_width", "page_height", "top_margin", "bottom_margin",
                                                    "left_margin", "right_margin")}
    assert (mm["page_width"], mm["page_height"]) == (210, 297)
    assert 20 <= mm["top_margin"] <= 25 and 20 <= mm["bottom_margin"] <= 25
    assert 30 <= mm["left_margin"] <= 35 and 15 <= mm["right_margin"] <= 20
    # Times New Roman on every run, east-asian and complex-script slots included; no theme font.
    runs = [r for r in _all_runs(doc) if r.text.strip()]
    assert runs
    for r in runs:
        rf = r._r.rPr.find(qn("w:rFonts"))
        assert {rf.get(qn(a)) for a in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")} == {"Times New Roman"}, r.text
        assert rf.get(qn("w:asciiTheme")) is None
        assert r.font.size is not None
    with zipfile.ZipFile(path) as z:
        styles = z.read("word/styles.xml").decode()
        body = z.read("word/document.xml").decode()
    assert "Calibri" not in styles + body and "minorHAnsi" not in styles
    end = _text(doc).index("Nơi nhận:")
    small = [r for r in runs if r.font.size.pt < 13]
    assert all(r.text == "Nơi nhận:" or r.text.startswith("- ") for r in small)  # Nghị định 30: 12/11 pt
    assert all(13 <= r.font.size.pt <= 14 for r in runs if r not in small)
    assert end > 0

    # The letterhead.
    head = doc.tables[0]
    left, right = head.rows[0].cells[0].text, head.rows[0].cells[1].text
    assert "UBND TỈNH TUYÊN QUANG" in left and "BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ" in left
    assert right.splitlines()[:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert head.rows[1].cells[0].text == "Số: 12/BC-BCĐ"
    date_run = head.rows[1].cells[1].paragraphs[0].runs[0]
    assert date_run.text == "Tuyên Quang, ngày 10 tháng 7 năm 2024" and date_run.font.italic
    texts = [p.text for p in doc.paragraphs]
    i = texts.index("BÁO CÁO")
    assert texts[i + 1] == "Kết quả thực hiện nhiệm vụ chuyển đổi số 6 tháng đầu năm 2024"
    for heading in ("I. TÌNH HÌNH THỰC HIỆN NHIỆM VỤ", "1. Kết quả chung", "II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU",
                    "III. TÌNH HÌNH GỬI BÁO CÁO CỦA CÁC CƠ QUAN, ĐƠN VỊ", "IV. NHIỆM VỤ TRỌNG TÂM KỲ TỚI", "PHỤ LỤC"):
        assert heading in texts

    # The numbers are the services'.
    text = _text(doc)
    assert f"Tổng số {expected['total']} nhiệm vụ, trong đó: hoàn thành và thực hiện thường xuyên {expected['completed']} nhiệm vụ" in text
    assert f"đang triển khai {expected['in_progress']} nhiệm vụ" in text
    assert FORMULA in text and "Làm sạch dữ liệu dân cư <b>& hộ tịch</b>" in text
    assert "Chờ hướng dẫn của Bộ Công an" in text  # the last note of the blocked task
    assert "KT. TRƯỞNG BAN" in text and "Nguyễn Văn Sơn" in text

    # Data tables repeat their header row on every page.
    for t in doc.tables[1:]:
        if len(t.columns) > 2:
            assert t.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    # Page numbers from page 2: a different first page, and a PAGE field in the other pages' header.
    assert sec.different_first_page_header_footer
    assert "PAGE" in sec.header._element.xml and "PAGE" not in sec.first_page_header._element.xml


def test_docx_honours_a_letterhead_template(june, tmp_path):
    report, _ = june
    tpl = Document()
    tpl.add_paragraph("SỞ THÔNG TIN VÀ TRUYỀN THÔNG – MẪU RIÊNG")
    tpl.add_paragraph("Số: {{SO}}")
    tpl.add_paragraph("{{NGAY}}")
    tpl.sections[0].left_margin = Mm(35)
    tpl.save(str(tmp_path / "mau.docx"))
    doc = Document(str(render_docx(report, tmp_path / "out.docx", template=tmp_path / "mau.docx")))
    texts = [p.text for p in doc.paragraphs]
    assert texts[:3] == ["SỞ THÔNG TIN VÀ TRUYỀN THÔNG – MẪU RIÊNG", "Số: 12/BC-BCĐ",
                         "Tuyên Quang, ngày 10 tháng 7 năm 2024"]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in _text(doc)  # the template is the letterhead
    assert "BÁO CÁO" in texts and abs(doc.sections[0].left_margin - Mm(35)) < Mm(0.5)


def test_pdf_text_fonts_and_page_numbers(june, tmp_path, pdftotext):
    report, expected = june
    path = render_pdf(report, tmp_path / "báo cáo.pdf")
    text = pdftotext(path)
    flat = re.sub(r"\s+", " ", pdftotext(path, layout=False))
    pages = text.split("\f")
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in pages[0] and "Độc lập - Tự do - Hạnh phúc" in pages[0]
    assert "Tuyên Quang, ngày 10 tháng 7 năm 2024" in pages[0] and "Số: 12/BC-BCĐ" in pages[0]
    assert f"Tổng số {expected['total']} nhiệm vụ, trong đó: hoàn thành và thực hiện thường xuyên {expected['completed']} nhiệm vụ" in flat
    assert "Làm sạch dữ liệu dân cư <b>& hộ tịch</b>" in flat  # markup printed, not parsed
    # No number on the first page; "2" alone on the first line of page 2.
    assert pages[1].strip().splitlines()[0].strip() == "2"
    assert not re.match(r"\s*1\s*$", pages[0].strip().splitlines()[0])
    if shutil.which("pdffonts"):
        fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
        rows = fonts.splitlines()[2:]
        assert rows and all(" yes yes " in r for r in rows), fonts  # every font embedded and subset


def test_xlsx_sheets_formats_and_neutralised_formulas(june, tmp_path):
    report, expected = june
    wb = load_workbook(render_xlsx(report, tmp_path / "báo cáo.xlsx"))
    assert wb.sheetnames == ["Tổng hợp", "Chỉ tiêu", "Nhiệm vụ theo cơ quan", "Quá hạn, vướng mắc", "Gửi báo cáo"]
    summary = wb["Tổng hợp"]
    header_row = int(summary.freeze_panes[1:]) - 1
    assert summary.cell(header_row, 1).value == "Nhóm" and summary.auto_filter.ref.startswith(f"A{header_row}:")
    total_row = [c.value for c in summary[header_row + 1]]
    assert total_row[2:8] == [expected["total"], expected["completed"], expected["in_progress"],
                              expected["not_started"], expected["blocked"], expected["overdue"]]
    assert total_row[8] == pytest.approx(expected["completed"] / expected["total"])
    assert summary.cell(header_row + 1, 9).number_format == "0.0%"

    tasks = wb["Nhiệm vụ theo cơ quan"]
    assert tasks.freeze_panes == "A2" and tasks.auto_filter.ref == f"A1:I{expected['total'] + 1}"
    assert tasks.column_dimensions["C"].width >= 40
    rows = list(tasks.iter_rows(min_row=2, values_only=False))
    assert len(rows) == expected["total"]
    hostile = [r[2] for r in rows if str(r[2].value).startswith("=")]
    assert [c.value for c in hostile] == [FORMULA]
    assert hostile[0].data_type == "s" and hostile[0].quotePrefix
    deadline = next(r[4] for r in rows if r[1].value == "KH-3")
    assert deadline.value.date() == D(2024, 5, 31) and deadline.number_format == "dd/mm/yyyy"
    overdue = wb["Quá hạn, vướng mắc"]
    notes = [r[7].value for r in overdue.iter_rows(min_row=2)]
    assert notes == ["-Chờ nhà cung cấp", "Chờ hướng dẫn của Bộ Công an"]
    assert overdue.cell(2, 8).data_type == "s" and overdue.cell(2, 8).quotePrefix
    # No formula anywhere in the file.
    with zipfile.ZipFile(tmp_path / "báo cáo.xlsx") as z:
        assert not any("<f>" in z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/"))


def test_csv_bom_and_neutralised_cells(june, tmp_path):
    report, expected = june
    path = render_csv(report, tmp_path / "nhiệm vụ.csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0][:3] == ["Cơ quan chủ trì", "Mã", "Nhiệm vụ"] and len(rows) == expected["total"] + 1
    by_code = {r[1]: r for r in rows[1:]}
    assert by_code["KH-3"][2] == "'" + FORMULA and by_code["KH-3"][4] == "31/5/2024"
    assert by_code["KH-1"][5] == "Hoàn thành" and by_code["KH-1"][7] == "100"
    for r in rows[1:]:
        assert not any(c[:1] in ("=", "+", "-", "@", "\t", "\r") for c in r)


def test_export_rows_keeps_types_and_neutralises(tmp_path):
    headers = ["Mã", "Tên", "Giá trị", "Ngày"]
    rows = [["A1", "=1+2", 1928311, D(2024, 7, 10)], ["A2", "@SUM(A1)", -42.5, None],
            ["A3", "\tTab", 0, None], ["A4", "\rCR", 1, None], ["A5", "+84 912", 2, None], ["A6", "-5 ngày", 3, None]]
    wb = load_workbook(export_rows(headers, rows, tmp_path / "ds.xlsx"))
    ws = wb.active
    assert [c.value for c in ws[1]] == headers and ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:D7"
    for r, src in zip(ws.iter_rows(min_row=2), rows):
        assert r[1].value == src[1] and r[1].data_type == "s" and r[1].quotePrefix
    assert ws["C2"].value == 1928311 and ws["C2"].data_type == "n" and ws["C3"].value == -42.5
    assert ws["D2"].number_format == "dd/mm/yyyy"
    text = export_rows(headers, rows, tmp_path / "ds.csv").read_bytes().decode("utf-8-sig")
    parsed = list(csv.reader(text.splitlines(keepends=True)))
    fields = [r[1] for r in parsed[1:]]
    assert fields == ["'=1+2", "'@SUM(A1)", "'\tTab", "'\rCR", "'+84 912", "'-5 ngày"]
    assert parsed[1][2] == "1928311" and parsed[2][2] == "-42.5"  # numbers stay numbers


@pytest.mark.parametrize("render", [render_docx, render_pdf, render_xlsx, render_csv])
def test_progress_and_cancel(june, tmp_path, render):
    report, _ = june
    seen = []
    out = render(report, tmp_path / f"r.{render.__name__[7:]}", progress=lambda f, t: seen.append(f))
    assert out.exists() and seen[-1] == 1.0 and seen == sorted(seen)
    calls = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) > 1

    target = tmp_path / f"cancelled.{render.__name__[7:]}"
    with pytest.raises(Cancelled):
        render(report, target, cancel=cancel)
    assert not target.exists() and list(tmp_path.glob(".~*")) == []


def test_hand_built_report_in_every_format(tmp_path, pdftotext):
    """The renderers need no database: a report model built by hand prints the seeds' sentence."""
    from report_sample import sample_report

    r = sample_report()
    sentence = ("Tổng số 73 nhiệm vụ, trong đó: hoàn thành và thực hiện thường xuyên 32 nhiệm vụ; "
                "đang triển khai 38 nhiệm vụ; chưa triển khai 3 nhiệm vụ")
    assert r.summary_sentence == sentence
    doc = Document(str(render_docx(r, tmp_path / "r.docx", images={})))
    assert any(sentence in p.text for p in doc.paragraphs)
    assert sentence in re.sub(r"\s+", " ", pdftotext(render_pdf(r, tmp_path / "r.pdf", images={}), layout=False))
    ws = load_workbook(render_xlsx(r, tmp_path / "r.xlsx"))["Chỉ tiêu"]
    assert [c.value for c in ws[2]][1:9] == ["DVC-TT", "Tỷ lệ hồ sơ giải quyết trực tuyến toàn trình", "%",
                                             "2023S2", 17, "2024S1", 42, 50]
    rows = list(csv.reader(render_csv(r, tmp_path / "r.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert len(rows) == 1 + 4 and rows[1][2] == "'" + '=HYPERLINK("http://x","bấm")'


def test_control_characters_in_data_do_not_break_any_format(tmp_path, pdftotext):
    from report_sample import _task, sample_report

    from cdsdesk.domain.status import TaskStatus

    t = _task("X-1", "Nhiệm vụ\x0b có ký tự\x07 lạ\x00", "Sở Y tế", TaskStatus.IN_PROGRESS, note="ghi\x1bchú")
    r = sample_report(attention=[t])
    r.appendix[0].tasks.append(t)
    assert "Nhiệm vụ có ký tự lạ" in _text(Document(str(render_docx(r, tmp_path / "r.docx", images={}))))
    assert "Nhiệm vụ có ký tự lạ" in pdftotext(render_pdf(r, tmp_path / "r.pdf", images={}), layout=False)
    ws = load_workbook(render_xlsx(r, tmp_path / "r.xlsx"))["Quá hạn, vướng mắc"]
    assert ws["C2"].value == "Nhiệm vụ có ký tự lạ" and ws["H2"].value == "ghichú"
    assert "Nhiệm vụ có ký tự lạ" in render_csv(r, tmp_path / "r.csv").read_text(encoding="utf-8-sig")
