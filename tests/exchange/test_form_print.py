"""The update form as a department sees it on screen and on paper: fonts that carry Vietnamese,
A4 landscape one page wide with the headings on every page, rows tall enough for their text, and
(where LibreOffice is installed) the PDF it prints."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import unicodedata
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from cdsdesk.exchange.forms import write_form
from cdsdesk.exchange.sheet_look import VIETNAMESE_FONTS, print_setup
from cdsdesk.services.demo import load_demo
from cdsdesk.store.session import open_database

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")
PDFFONTS = shutil.which("pdffonts")
TITLE = "PHIẾU CẬP NHẬT TIẾN ĐỘ NHIỆM VỤ CHUYỂN ĐỔI SỐ — 6 THÁNG ĐẦU NĂM 2024"


@pytest.fixture(scope="module")
def demo_form(tmp_path_factory) -> Path:
    """The demo province's Department of Information and Communications form: 30 tasks, long titles."""
    folder = tmp_path_factory.mktemp("demo-form")
    db = open_database(folder / "d.db")
    try:
        load_demo(db)
        return write_form(db, "STTTT", "2024S1", folder / "2024S1 - STTTT - Sở TT&TT.xlsx").path
    finally:
        db.dispose()


def _visible(wb):  # noqa: ANN001, ANN202
    return [ws for ws in wb.worksheets if ws.sheet_state == "visible"]


def test_every_visible_cell_names_a_font_that_carries_vietnamese(demo_form, form):
    for path in (demo_form, form):
        wb = openpyxl.load_workbook(path)
        assert [ws.title for ws in _visible(wb)] == ["Nhiệm vụ", "Chỉ tiêu", "Hướng dẫn"]
        wrong = [
            f"{ws.title}!{c.coordinate}: {c.font.name}"
            for ws in _visible(wb) for row in ws.iter_rows() for c in row
            if c.value not in (None, "") and c.font.name not in VIETNAMESE_FONTS
        ]
        assert wrong == []
        # What a user types in a cell the form did not style uses the workbook default.
        assert wb._named_styles["Normal"].font.name in VIETNAMESE_FONTS  # noqa: SLF001
        # The reporter's cell is empty until filled, and must show the name in the same font.
        assert wb["Nhiệm vụ"]["E2"].font.name in VIETNAMESE_FONTS


def test_every_visible_sheet_prints_a4_landscape_one_page_wide_with_headings_and_page_numbers(demo_form):
    wb = openpyxl.load_workbook(demo_form)
    for ws in _visible(wb):
        ps = ws.page_setup
        assert (int(ps.paperSize), ps.orientation) == (int(ws.PAPERSIZE_A4), "landscape"), ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage is True, ws.title
        assert (ps.fitToWidth, ps.fitToHeight) == (1, 0), ws.title
        assert ws.page_margins.left >= 0.4 and ws.page_margins.bottom >= 0.5, ws.title
        footer = ws.oddFooter
        assert "&P" in footer.right.text and "&N" in footer.right.text, ws.title
        assert footer.right.font in VIETNAMESE_FONTS and footer.left.font.split(",")[0] in VIETNAMESE_FONTS
        assert "Sở Thông tin và Truyền thông" in footer.left.text and "2024S1" in footer.left.text
    for name in ("Nhiệm vụ", "Chỉ tiêu"):
        assert wb[name].print_title_rows.replace("$", "") == "5:5"  # the row of column headings


def test_ampersand_in_an_agency_name_is_printed_not_taken_as_a_footer_code():
    ws = openpyxl.Workbook().active
    print_setup(ws, title_rows=None, footer_left="Phiếu cập nhật 2024S1 — Sở TT&TT")
    assert ws.oddFooter.left.text == "Phiếu cập nhật 2024S1 — Sở TT&&TT"


def _font_file() -> Path | None:
    """Times New Roman, or Liberation Serif which has the same advance widths."""
    candidates = [Path("C:/Windows/Fonts/times.ttf")]
    for root in ("/usr/share/fonts", "/usr/local/share/fonts", str(Path.home() / ".fonts")):
        candidates += sorted(Path(root).glob("**/LiberationSerif-Regular.ttf")) if Path(root).is_dir() else []
    return next((p for p in candidates if p.is_file()), None)


def _real_lines(measure, text: str, width_units: float) -> int:  # noqa: ANN001
    """Greedy word wrap with the real font's advance widths (units: the digit '0')."""
    lines = 0
    for para in text.split("\n"):
        n, cur = 1, ""
        for word in para.split(" "):
            trial = f"{cur} {word}" if cur else word
            if cur and measure(trial) > width_units:
                n, cur = n + 1, word
            else:
                cur = trial
        lines += n
    return lines


def test_rows_are_tall_enough_for_their_wrapped_text_measured_with_the_real_font(demo_form):
    font_file = _font_file()
    if font_file is None:
        pytest.skip("neither Times New Roman nor Liberation Serif is installed: cannot measure text widths")
    from PIL import ImageFont  # Pillow comes with reportlab

    regular = ImageFont.truetype(str(font_file), 1000)
    digit = regular.getlength("0")
    wb = openpyxl.load_workbook(demo_form)
    checked = 0
    for ws in _visible(wb):
        merged = {(r.min_row, r.min_col): r for r in ws.merged_cells.ranges}
        for row in ws.iter_rows(min_row=2):
            for c in row:
                if c.value in (None, "") or not c.alignment.wrap_text:
                    continue
                rng = merged.get((c.row, c.column))
                cols = range(rng.min_col, rng.max_col + 1) if rng else [c.column]
                width = sum(ws.column_dimensions[get_column_letter(k)].width for k in cols) - 0.7  # padding
                scale = (c.font.sz or 11) / 11 * (1.07 if c.font.b else 1.0)
                lines = _real_lines(lambda t, s=scale: regular.getlength(t) / digit * s, str(c.value), width)
                height = ws.row_dimensions[c.row].height
                assert height is not None and height >= lines * (c.font.sz or 11) * 1.15, (
                    f"{ws.title}!{c.coordinate} needs {lines} lines, row is {height} pt: {c.value!r}")
                checked += 1
    assert checked > 60  # the 30 task titles alone, each in a wrapped cell


def _pdf(xlsx: Path, out_dir: Path) -> Path:
    profile = Path(tempfile.mkdtemp(prefix="lo-profile-"))
    try:
        subprocess.run(
            [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
             "--outdir", str(out_dir), str(xlsx)],
            check=True, capture_output=True, timeout=180,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    [pdf] = list(out_dir.glob("*.pdf"))
    return pdf


def _page_text(pdf: Path, page: int) -> str:
    """The page's words in reading order, a wrapped cell's lines joined (pdftotext keeps a cell together)."""
    out = subprocess.run([PDFTOTEXT, "-f", str(page), "-l", str(page), str(pdf), "-"],
                         check=True, capture_output=True, text=True).stdout
    return " ".join(unicodedata.normalize("NFC", out).split())


@pytest.mark.soffice
@pytest.mark.skipif(SOFFICE is None or PDFTOTEXT is None or PDFFONTS is None,
                    reason="LibreOffice (soffice) or poppler-utils (pdftotext, pdffonts) is not installed: cannot "
                           "print the form to PDF here; CI installs libreoffice-calc-nogui and poppler-utils")
def test_libreoffice_prints_the_form_with_its_diacritics_one_page_wide(demo_form, tmp_path):
    pdf = _pdf(demo_form, tmp_path / "pdf")
    wb = openpyxl.load_workbook(demo_form)
    first_task = wb["Nhiệm vụ"]["B6"].value
    assert wb["Nhiệm vụ"]["A6"].value == "DA06-40" and "Đề án 06" in first_task

    page1 = _page_text(pdf, 1)
    assert TITLE in page1
    assert first_task in page1
    # One page wide: the first and the last column heading are on the first page.
    assert "Mã nhiệm vụ" in page1 and "Ghi chú lần trước" in page1
    # The 30 tasks take two pages; the second repeats the headings and ends with the last task.
    page2 = _page_text(pdf, 2)
    assert "Mã nhiệm vụ" in page2 and "Ghi chú lần trước" in page2
    assert wb["Nhiệm vụ"]["A35"].value in page2 and "Trang 2/" in page2

    # Every glyph came from the fonts the cells name, none from a fallback without Vietnamese.
    fonts = subprocess.run([PDFFONTS, str(pdf)], check=True, capture_output=True, text=True).stdout
    names = {line.split()[0].split("+")[-1] for line in fonts.splitlines()[2:] if line.strip()}
    assert names and all(n.startswith(("LiberationSerif", "TimesNewRoman")) for n in names), names
