"""LibreOffice opens what we write: .docx and .xlsx converted to PDF keep their Vietnamese text."""

import datetime as dt
import re
import shutil
import subprocess

import pytest

from cdsdesk.domain.periods import Period
from cdsdesk.reports import build_report
from cdsdesk.reports.docx_render import render_docx
from cdsdesk.reports.model import ReportSettings
from cdsdesk.reports.tabular import render_xlsx

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = [
    pytest.mark.soffice,
    pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed; .ci/run installs it"),
]


def _to_pdf(src, tmp_path):  # noqa: ANN001, ANN202
    profile = tmp_path / "lo-profile"
    out = tmp_path / "lo-out"
    r = subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(out), str(src)],
        capture_output=True, text=True, timeout=180,
    )
    pdf = out / (src.stem + ".pdf")
    assert r.returncode == 0 and pdf.exists(), r.stdout + r.stderr
    return pdf


def test_docx_and_xlsx_survive_libreoffice(db, province, tmp_path, pdftotext):
    with db.session() as s:
        report = build_report(s, window=Period.parse("2024S1"), as_of=dt.date(2024, 6, 30),
                              settings=ReportSettings(number="12"), issued_on=dt.date(2024, 7, 10))
    docx_pdf = _to_pdf(render_docx(report, tmp_path / "bao-cao.docx"), tmp_path)
    text = pdftotext(docx_pdf)
    flat = re.sub(r"\s+", " ", pdftotext(docx_pdf, layout=False))
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "Tuyên Quang, ngày 10 tháng 7 năm 2024" in text
    assert report.summary_sentence in flat
    assert "Nơi nhận:" in text
    # Page numbers from page 2 survive the conversion.
    pages = text.split("\f")
    assert len(pages) >= 3 and pages[1].strip().splitlines()[0].strip() == "2"

    xlsx_pdf = _to_pdf(render_xlsx(report, tmp_path / "bang-tinh.xlsx"), tmp_path)
    xtext = pdftotext(xlsx_pdf, layout=False)
    assert "Toàn bộ phạm vi báo cáo" in xtext and "Công an tỉnh" in xtext
    assert "Chờ hướng dẫn của Bộ Công an" in xtext
    assert "=cmd|' /C calc'!A0" in xtext  # shown as text, not run as a formula
