"""A province-scale appendix: the docx writes its rows straight into the file and the PDF draws
them with a lean table; both must still hold every task, in order, with Vietnamese text."""

from __future__ import annotations

import datetime as dt
import re

from docx import Document

from cdsdesk.domain.status import TaskStatus
from cdsdesk.reports.docx_render import render_docx
from cdsdesk.reports.model import AgencyTasks
from cdsdesk.reports.pdf_render import render_pdf

from report_sample import _task, sample_report  # tests/reports is on the path (rootdir conftest)

N = 700  # past the PDF's long-table threshold and many pages long


def _big_report():
    tasks = [
        _task(f"LG-{i:04d}", f"Triển khai nền tảng số cấp xã đợt {i} – Ứng dụng định danh & xác thực điện tử"
              + (" <b>\x07" if i == 5 else ""), "Ủy ban nhân dân huyện Yên Sơn", TaskStatus.IN_PROGRESS,
              deadline=dt.date(2024, 12, 31), progress=i % 100)
        for i in range(1, N + 1)
    ]
    return sample_report(appendix=[AgencyTasks("YS", "Ủy ban nhân dân huyện Yên Sơn", tasks[:400]),
                                   AgencyTasks("SY", "Sở Y tế", tasks[400:])])


def test_docx_long_appendix_keeps_every_row_and_its_fonts(tmp_path):
    doc = Document(render_docx(_big_report(), tmp_path / "dai.docx"))
    appendix = doc.tables[-1]
    assert [c.text for c in appendix.rows[0].cells] == ["TT", "Nhiệm vụ", "Mã", "Thời hạn", "Tình trạng", "Tiến độ"]
    codes = [r.cells[2].text for r in appendix.rows[1:] if r.cells[2].text.startswith("LG-")]
    assert codes == [f"LG-{i:04d}" for i in range(1, N + 1)]
    captions = [r.cells[1].text for r in appendix.rows if r.cells[0].text in ("I", "II")]
    assert captions == ["Ủy ban nhân dân huyện Yên Sơn (400 nhiệm vụ)", "Sở Y tế (300 nhiệm vụ)"]
    row5 = next(r for r in appendix.rows if r.cells[2].text == "LG-0005")
    assert row5.cells[1].text.endswith("xác thực điện tử <b>")  # markup kept as text, bell dropped
    run = row5.cells[1].paragraphs[0].runs[0]
    assert run.font.name == "Times New Roman" and run.font.size.pt == 13
    assert appendix.rows[0]._tr.trPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblHeader") is not None


def test_pdf_long_appendix_draws_every_row_with_the_header_on_each_page(tmp_path, pdftotext):
    path = render_pdf(_big_report(), tmp_path / "dai.pdf")
    text = pdftotext(path, layout=False)
    codes = re.findall(r"LG-\d{4}", text)
    assert sorted(set(codes)) == [f"LG-{i:04d}" for i in range(1, N + 1)]
    assert "Ủy ban nhân dân huyện Yên Sơn (400 nhiệm vụ)" in re.sub(r"\s+", " ", text)
    pages = [re.sub(r"\s+", " ", p) for p in text.split("\f") if "LG-" in p]
    assert len(pages) > 10 and all("Nhiệm vụ" in p and "Thời hạn" in p for p in pages)


def test_pdf_long_table_widens_columns_so_numbers_and_codes_are_not_cut(tmp_path, pdftotext):
    n = 1_050  # row numbers with four digits
    tasks = [_task(f"KH-CDS-2030-{i:05d}", f"Số hóa hồ sơ đợt {i}", "Sở Nội vụ", TaskStatus.DONE,
                   deadline=dt.date(2024, 6, 30), progress=100) for i in range(1, n + 1)]
    text = pdftotext(render_pdf(sample_report(appendix=[AgencyTasks("SNV", "Sở Nội vụ", tasks)]),
                                tmp_path / "ma.pdf"), layout=True)
    codes = re.findall(r"KH-CDS-2030-\d{5}", text)
    assert len(set(codes)) == n  # each code whole on one line
    numbers = {int(m) for m in re.findall(r"^\s*(\d{3,4})\s+Số hóa", text, flags=re.M)}
    assert set(range(100, n + 1)) <= numbers


def test_pdf_captions_span_the_row_and_never_end_a_page(tmp_path, pdftotext):
    groups = [AgencyTasks(f"A{g}", f"Ủy ban nhân dân xã số {g}",
                          [_task(f"X{g}-{i}", f"Nhiệm vụ {i} của xã {g}", f"Ủy ban nhân dân xã số {g}",
                                 TaskStatus.IN_PROGRESS, deadline=dt.date(2024, 9, 30)) for i in range(1, 8)])
              for g in range(1, 41)]
    text = pdftotext(render_pdf(sample_report(appendix=groups), tmp_path / "xa.pdf"), layout=False)
    flat = re.sub(r"\s+", " ", text)
    assert "XXXVIII. Ủy ban nhân dân xã số 38 (7 nhiệm vụ)" in flat  # numeral and name on one line
    for page in text.split("\f"):
        lines = [ln.strip() for ln in page.strip().splitlines() if ln.strip()]
        assert not (lines and re.match(r"^[IVXLC]+\. Ủy ban", lines[-1])), lines[-3:]
