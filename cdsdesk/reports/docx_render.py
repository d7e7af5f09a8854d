"""The review report as a Word document laid out per Nghị định 30/2020/NĐ-CP: A4, margins
20/20/30/15 mm, Times New Roman set on every run (ascii, hAnsi, east-asian and complex script, with
the template's theme fonts removed so Calibri never shows), the letterhead block, page numbers
at the top centre from page 2, "Nơi nhận" and the signature block.

A user template (.docx) is honoured: its page setup, styles, headers and logo are kept. If its
body already holds a letterhead, the report body follows it and the placeholders ``{{SO}}`` (the
number, "125/BC-BCĐ"), ``{{NGAY}}`` (place and date) and ``{{TRICH_YEU}}`` (the subject) are
filled; an empty template gets the standard block."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from ..domain.errors import UserError
from ..domain.numbers import format_date_long
from .charts import chart_image
from .docx_tables import TableSlots, TableXml, save_with_tables
from .jobs import CancelFn, Job, ProgressFn, atomic_path
from .model import Report
from .outline import Chart, Heading, Signature, Para, Table, build_outline

FONT = "Times New Roman"
BODY_PT = 14
TABLE_PT = 13
HEADER_PT = 13
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
_THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
_PLACEHOLDERS = ("{{SO}}", "{{NGAY}}", "{{TRICH_YEU}}")


# --- fonts ----------------------------------------------------------------------------------
def _set_rfonts(rpr) -> None:  # noqa: ANN001
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attr in _THEME_ATTRS:
        key = qn(attr)
        if key in rfonts.attrib:
            del rfonts.attrib[key]
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attr), FONT)


def _force_fonts_in_styles(doc) -> None:  # noqa: ANN001
    """Times New Roman in the document defaults and every style: no theme font survives."""
    styles = doc.styles.element
    for rpr in styles.iter(qn("w:rPr")):
        _set_rfonts(rpr)
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is not None:
        rpr_default = defaults.find(qn("w:rPrDefault"))
        if rpr_default is not None and rpr_default.find(qn("w:rPr")) is not None:
            _set_rfonts(rpr_default.find(qn("w:rPr")))
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    _set_rfonts(normal.element.get_or_add_rPr())


def _run(par, text: str, *, size: float = BODY_PT, bold: bool = False, italic: bool = False, underline: bool = False):  # noqa: ANN001
    run = par.add_run(xml_text(text))
    run.font.name = FONT
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.italic = italic
    if underline:
        run.font.underline = True
    _set_rfonts(run._r.get_or_add_rPr())
    return run


def _para(container, text: str = "", *, align=WD_ALIGN_PARAGRAPH.JUSTIFY, size: float = BODY_PT,  # noqa: ANN001
          bold: bool = False, italic: bool = False, indent: bool = False, before: float = 0, after: float = 6,
          underline: bool = False):
    par = container.add_paragraph()
    par.alignment = align
    fmt = par.paragraph_format
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    fmt.line_spacing = 1.15
    if indent:
        fmt.first_line_indent = Cm(1)
    if text:
        _run(par, text, size=size, bold=bold, italic=italic, underline=underline)
    return par


# --- page setup -----------------------------------------------------------------------------
def _page_setup(section) -> None:  # noqa: ANN001
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width = Mm(210)
    section.page_height = Mm(297)
    section.top_margin = Mm(MARGINS_MM["top"])
    section.bottom_margin = Mm(MARGINS_MM["bottom"])
    section.left_margin = Mm(MARGINS_MM["left"])
    section.right_margin = Mm(MARGINS_MM["right"])
    section.header_distance = Mm(10)
    section.footer_distance = Mm(10)


def _page_numbers(section) -> None:  # noqa: ANN001
    """Page number at the top centre from page 2; the first page has an empty header."""
    section.different_first_page_header_footer = True
    header = section.header
    header.is_linked_to_previous = False
    if "PAGE" in header._element.xml:
        return  # a template that numbers its pages already
    first = header.paragraphs[0] if header.paragraphs else None
    blank = first is not None and not first.text.strip() and "graphic" not in first._p.xml
    par = first if blank else header.add_paragraph()  # keep a template's own header content
    par.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = _run(par, "", size=HEADER_PT)
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "2"), ("end", None)):
        if kind:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            run._r.append(fld)
        elif text.strip() == "PAGE":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        else:
            t = OxmlElement("w:t")
            t.text = text
            run._r.append(t)


# --- tables ---------------------------------------------------------------------------------
def _widths(table, widths, *, side_twips: int = 57) -> None:  # noqa: ANN001
    """Fixed column widths in the grid and in every cell (Word reads one, LibreOffice the other)."""
    tbl_pr = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl_pr.append(layout)
    margins = OxmlElement("w:tblCellMar")
    for edge, twips in (("left", side_twips), ("right", side_twips), ("top", 0), ("bottom", 0)):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:w"), str(twips))
        el.set(qn("w:type"), "dxa")
        margins.append(el)
    tbl_pr.append(margins)
    for col, w in zip(table.columns, widths):
        col.width = w
    for tr in table._tbl.tr_lst:  # straight on the XML: row.cells is slow on long tables
        j = 0
        for tc in tr.tc_lst:
            span = tc.grid_span
            tc.width = sum(widths[j:j + span])
            j += span


def _borders(table, *, visible: bool) -> None:  # noqa: ANN001
    tbl_pr = table._tbl.tblPr
    old = tbl_pr.find(qn("w:tblBorders"))
    if old is not None:
        tbl_pr.remove(old)
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "single" if visible else "nil")
        if visible:
            el.set(qn("w:sz"), "4")
            el.set(qn("w:space"), "0")
            el.set(qn("w:color"), "000000")
        borders.append(el)
    tbl_pr.append(borders)


def _table(doc, block: Table, text_width_mm: float, slots: TableSlots) -> None:  # noqa: ANN001
    """A table: a marker now, its rows written straight into the file at save time."""
    slots.add(doc, TableXml(block, int(round(text_width_mm * 1440 / 25.4)), TABLE_PT))
    _para(doc, "", after=0)


_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(text: str) -> str:
    """Text as XML can hold it: control characters other than tab and newline dropped."""
    return _XML_BAD.sub("", text)


# --- the letterhead and the end block -------------------------------------------------------
def _no_space(par) -> None:  # noqa: ANN001
    par.paragraph_format.space_after = Pt(0)
    par.paragraph_format.space_before = Pt(0)
    par.paragraph_format.line_spacing = 1.0


def _letterhead(doc, report: Report, text_width_mm: float) -> None:  # noqa: ANN001
    s = report.settings
    table = doc.add_table(rows=2, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _borders(table, visible=False)
    _widths(table, [Mm(text_width_mm * 0.42), Mm(text_width_mm * 0.58)], side_twips=0)
    left, right = table.rows[0].cells
    center = WD_ALIGN_PARAGRAPH.CENTER
    p = left.paragraphs[0]
    p.alignment = center
    _no_space(p)
    _run(p, s.parent_body.upper(), size=HEADER_PT)
    p = left.add_paragraph()
    p.alignment = center
    _no_space(p)
    _run(p, s.issuing_body.upper(), size=HEADER_PT, bold=True)
    p = left.add_paragraph()
    p.alignment = center
    _no_space(p)
    _run(p, "———————", size=HEADER_PT, bold=False)
    p = right.paragraphs[0]
    p.alignment = center
    _no_space(p)
    _run(p, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size=HEADER_PT, bold=True)
    p = right.add_paragraph()
    p.alignment = center
    _no_space(p)
    _run(p, "Độc lập - Tự do - Hạnh phúc", size=BODY_PT, bold=True, underline=True)
    num, date = table.rows[1].cells
    p = num.paragraphs[0]
    p.alignment = center
    p.paragraph_format.space_before = Pt(6)
    _run(p, s.number_line, size=HEADER_PT)
    p = date.paragraphs[0]
    p.alignment = center
    p.paragraph_format.space_before = Pt(6)
    _run(p, f"{s.place_name}, {format_date_long(report.issued_on)}", size=BODY_PT, italic=True)
    _title(doc, report)


def _title(doc, report: Report) -> None:  # noqa: ANN001
    _para(doc, report.title, align=WD_ALIGN_PARAGRAPH.CENTER, bold=True, before=18, after=0)
    _para(doc, report.subject, align=WD_ALIGN_PARAGRAPH.CENTER, bold=True, after=0)
    _para(doc, "—————", align=WD_ALIGN_PARAGRAPH.CENTER, after=12)


def _fill_placeholders(doc, report: Report) -> bool:  # noqa: ANN001
    """Fill ``{{SO}}``/``{{NGAY}}``/``{{TRICH_YEU}}`` in a template; True if the template has a body."""
    values = {
        "{{SO}}": report.settings.number_line.removeprefix("Số: "),
        "{{NGAY}}": f"{report.settings.place_name}, {format_date_long(report.issued_on)}",
        "{{TRICH_YEU}}": report.subject,
    }
    has_body = False
    pars = list(doc.paragraphs)
    for t in doc.tables:
        for row in t.rows:
            for cell in row.cells:
                pars.extend(cell.paragraphs)
    for par in pars:
        if par.text.strip():
            has_body = True
        if any(k in par.text for k in _PLACEHOLDERS):
            text = par.text
            for k, v in values.items():
                text = text.replace(k, v)
            first = par.runs[0] if par.runs else None
            italic, bold = (first.font.italic, first.font.bold) if first else (None, None)
            size = first.font.size.pt if first is not None and first.font.size else BODY_PT
            for r in list(par.runs):
                r._r.getparent().remove(r._r)
            _run(par, text, size=size, bold=bool(bold), italic=bool(italic))
    for t in doc.tables:
        has_body = has_body or bool(t.rows)
    return has_body


def _end_block(doc, report: Report, text_width_mm: float) -> None:  # noqa: ANN001
    s = report.settings
    _para(doc, "", after=6)
    table = doc.add_table(rows=1, cols=2)
    table.autofit = False
    _borders(table, visible=False)
    _widths(table, [Mm(text_width_mm * 0.5), Mm(text_width_mm * 0.5)])
    left, right = table.rows[0].cells
    # Nghị định 30: "Nơi nhận:" 12 pt bold italic, the list 11 pt.
    p = left.paragraphs[0]
    _no_space(p)
    _run(p, "Nơi nhận:", size=12, bold=True, italic=True)
    for line in s.recipients:
        p = left.add_paragraph()
        _no_space(p)
        _run(p, f"- {line}", size=11)
    center = WD_ALIGN_PARAGRAPH.CENTER
    p = right.paragraphs[0]
    p.alignment = center
    _no_space(p)
    if s.signer_authority:
        _run(p, s.signer_authority.upper(), size=HEADER_PT, bold=True)
        p = right.add_paragraph()
        p.alignment = center
        _no_space(p)
    _run(p, s.signer_title.upper(), size=HEADER_PT, bold=True)
    for _ in range(4):
        p = right.add_paragraph()
        _no_space(p)
    p = right.add_paragraph()
    p.alignment = center
    _no_space(p)
    _run(p, s.signer_name or " ", size=BODY_PT, bold=True)


# --- the document ---------------------------------------------------------------------------
def render_docx(
    report: Report,
    path: str | os.PathLike[str],
    *,
    template: str | os.PathLike[str] | None = None,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
    images: dict[str, Path] | None = None,
) -> Path:
    """Write ``report`` as .docx to ``path`` (atomically); returns the path."""
    job = Job(progress, cancel)
    job.step(0.0, "Chuẩn bị văn bản")
    template = template or report.settings.template_path or None
    if template:
        tpath = Path(template)
        if not tpath.is_file():
            raise UserError(f"Không tìm thấy mẫu văn bản: {tpath}", f"Template not found: {tpath}")
        try:
            doc = Document(str(tpath))
        except Exception as exc:
            raise UserError(
                f"Tệp mẫu không phải văn bản Word (.docx) hợp lệ: {tpath.name}",
                f"The template is not a valid Word (.docx) file: {tpath.name}",
            ) from exc
    else:
        doc = Document()
    _force_fonts_in_styles(doc)
    section = doc.sections[0]
    if not template:
        _page_setup(section)
    _page_numbers(section)
    text_width_mm = (section.page_width - section.left_margin - section.right_margin) / Mm(1)

    if template and _fill_placeholders(doc, report):
        if not any("{{TRICH_YEU}}" in p.text or report.subject in p.text for p in doc.paragraphs):
            _title(doc, report)
    else:
        _letterhead(doc, report, text_width_mm)

    blocks = build_outline(report)
    slots = TableSlots()
    with tempfile.TemporaryDirectory(prefix="cdsdesk-charts-") as tmp:
        for i, block in enumerate(blocks):
            job.step(0.05 + 0.15 * i / len(blocks), "Soạn nội dung")
            if isinstance(block, Heading):
                if block.level == 0:
                    _para(doc, block.text, align=WD_ALIGN_PARAGRAPH.CENTER, bold=True, after=0)
                elif block.level == 1:
                    _para(doc, block.text, bold=True, indent=True, before=6)
                elif block.level == 2:
                    _para(doc, block.text, bold=True, indent=True)
                else:
                    _para(doc, block.text, italic=True, indent=True)
            elif isinstance(block, Para):
                align = WD_ALIGN_PARAGRAPH.CENTER if block.italic else WD_ALIGN_PARAGRAPH.JUSTIFY
                _para(doc, block.text, bold=block.bold, italic=block.italic, indent=not block.italic, align=align)
            elif isinstance(block, Table):
                _table(doc, block, text_width_mm, slots)
            elif isinstance(block, Chart):
                png = chart_image(block, Path(tmp), images)
                if png is not None:
                    par = _para(doc, "", align=WD_ALIGN_PARAGRAPH.CENTER, after=0)
                    par.add_run().add_picture(str(png), width=Mm(min(160.0, text_width_mm)))
                    _para(doc, block.caption, align=WD_ALIGN_PARAGRAPH.CENTER, italic=True, size=TABLE_PT)
            elif isinstance(block, Signature):
                # The end block goes before the appendix, as in a signed report.
                _end_block(doc, report, text_width_mm)
                par = _para(doc, "", after=0)
                par.add_run().add_break(WD_BREAK.PAGE)
        # The rows are written with the file: most of the work, so most of the bar.
        total = max(1, slots.rows_total())
        job.step(0.2, "Ghi bảng")
        with atomic_path(path) as tmp_path:
            save_with_tables(doc, tmp_path, slots, lambda n: job.step(0.2 + 0.78 * min(1.0, n / total), "Ghi bảng"))
    job.step(1.0, "Xong")
    return Path(path)
