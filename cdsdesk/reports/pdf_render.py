"""The review report as PDF: the same blocks as the Word document, laid out with reportlab in a
serif TrueType font that is embedded (subset) so Vietnamese diacritics print anywhere.

reportlab's Paragraph reads a small markup language: every piece of data is escaped before it
goes in, so a task title such as ``<b>`` or ``&`` prints as typed."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    CondPageBreak,
    Image,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
)
from reportlab.platypus import Table as RLTable
from reportlab.platypus import TableStyle

from ..domain.numbers import format_date_long
from .charts import chart_image
from .docx_render import BODY_PT, HEADER_PT, MARGINS_MM, TABLE_PT, xml_text
from .fonts import find_serif_font
from .jobs import CancelFn, Job, ProgressFn, atomic_path
from .model import Report
from .outline import Chart, Heading, Para, Signature, Table, build_outline
from .pdf_table import LongTable, fit_widths

FAMILY = "ReportSerif"
_CHUNK = 150  # rows per table flowable: reportlab splits long tables slowly
_LONG = 100  # longer tables (the appendix, indicators and updates at province scale) are drawn by LongTable


def _register_fonts() -> str:
    if FAMILY in pdfmetrics.getRegisteredFontNames():
        return FAMILY
    files = find_serif_font()
    for suffix, path in (("", files.regular), ("-Bold", files.bold), ("-Italic", files.italic), ("-BoldItalic", files.bold_italic)):
        pdfmetrics.registerFont(TTFont(FAMILY + suffix, str(path)))
    pdfmetrics.registerFontFamily(
        FAMILY, normal=FAMILY, bold=FAMILY + "-Bold", italic=FAMILY + "-Italic", boldItalic=FAMILY + "-BoldItalic"
    )
    return FAMILY


def _style(name: str, size: float, *, align=TA_JUSTIFY, bold=False, italic=False, indent=0.0, before=0.0, after=6.0) -> ParagraphStyle:  # noqa: ANN001
    font = FAMILY + ("-BoldItalic" if bold and italic else "-Bold" if bold else "-Italic" if italic else "")
    return ParagraphStyle(
        name, fontName=font, fontSize=size, leading=size * 1.25, alignment=align,
        firstLineIndent=indent, spaceBefore=before, spaceAfter=after,
    )


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain data: markup characters escaped, line breaks kept."""
    return Paragraph(escape(xml_text(text)).replace("\n", "<br/>"), style)


class _Doc(SimpleDocTemplate):
    def __init__(self, *args, job: Job, total: int, **kw) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kw)
        self._job, self._total, self._done = job, max(1, total), 0

    def afterFlowable(self, flowable) -> None:  # noqa: ANN001, N802 - reportlab's hook name
        self._done += flowable.row_count if isinstance(flowable, LongTable) else 1
        if self._done % 5 == 0 or isinstance(flowable, LongTable):
            self._job.step(0.3 + 0.65 * min(1.0, self._done / self._total), "Dàn trang PDF")


def render_pdf(
    report: Report,
    path: str | os.PathLike[str],
    *,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
    images: dict[str, Path] | None = None,
) -> Path:
    """Write ``report`` as PDF to ``path`` (atomically); returns the path."""
    job = Job(progress, cancel)
    job.step(0.0, "Chuẩn bị PDF")
    _register_fonts()
    s = report.settings
    body = _style("body", BODY_PT, indent=10 * mm)
    center_b = _style("cb", HEADER_PT, align=TA_CENTER, bold=True, after=0)
    center = _style("c", HEADER_PT, align=TA_CENTER, after=0)
    h1 = _style("h1", BODY_PT, bold=True, indent=10 * mm, before=6)
    h2 = _style("h2", BODY_PT, bold=True, indent=10 * mm)
    title = _style("title", BODY_PT, align=TA_CENTER, bold=True, after=0)
    caption = _style("cap", TABLE_PT, align=TA_CENTER, italic=True)
    cell = _style("cell", TABLE_PT - 1, align=TA_LEFT, after=0)
    cell_r = _style("cellr", TABLE_PT - 1, align=TA_RIGHT, after=0)
    cell_c = _style("cellc", TABLE_PT - 1, align=TA_CENTER, after=0)
    cell_h = _style("cellh", TABLE_PT - 1, align=TA_CENTER, bold=True, after=0)
    cell_g = _style("cellg", TABLE_PT - 1, align=TA_LEFT, bold=True, after=0)

    width = A4[0] - (MARGINS_MM["left"] + MARGINS_MM["right"]) * mm
    story: list = []

    # Letterhead: issuing body | national title, then number | place and date.
    motto = Paragraph("<u>" + escape("Độc lập - Tự do - Hạnh phúc") + "</u>", _style("m", BODY_PT, align=TA_CENTER, bold=True, after=0))
    head = RLTable(
        [
            [[_p(s.parent_body.upper(), center), _p(s.issuing_body.upper(), center_b), _p("———————", center)],
             [_p("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", _style("n", HEADER_PT, align=TA_CENTER, bold=True, after=0)), motto]],
            [_p(s.number_line, center),
             _p(f"{s.place_name}, {format_date_long(report.issued_on)}", _style("d", BODY_PT, align=TA_CENTER, italic=True, after=0))],
        ],
        colWidths=[width * 0.42, width * 0.58],
    )
    head.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FAMILY), ("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 1), (-1, 1), 6),
                              ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    story += [head, Spacer(1, 14), _p(report.title, title), _p(report.subject, title), _p("—————", _style("l", BODY_PT, align=TA_CENTER, after=10))]

    blocks = build_outline(report)
    with tempfile.TemporaryDirectory(prefix="cdsdesk-charts-") as tmp:
        for i, block in enumerate(blocks):
            job.step(0.05 + 0.25 * i / max(1, len(blocks)), "Soạn nội dung")
            if isinstance(block, Heading):
                style = title if block.level == 0 else h1 if block.level == 1 else h2
                story.append(CondPageBreak(30 * mm) if block.level in (1, 2) else Spacer(1, 0))
                story.append(_p(block.text, style))
            elif isinstance(block, Para):
                story.append(_p(block.text, caption if block.italic else body))
            elif isinstance(block, Table):
                story += _tables(block, width, cell, cell_r, cell_c, cell_h, cell_g, job)
                story.append(Spacer(1, 6))
            elif isinstance(block, Chart):
                png = chart_image(block, Path(tmp), images)
                if png is not None:
                    img = Image(str(png))
                    ratio = img.imageHeight / img.imageWidth
                    img.drawWidth, img.drawHeight = min(160 * mm, width), min(160 * mm, width) * ratio
                    story.append(KeepTogether([img, _p(block.caption, caption)]))
            elif isinstance(block, Signature):
                story.append(_end_block(report, width))
                story.append(PageBreak())

        def later(canvas, doc) -> None:  # noqa: ANN001 - page number at the top centre from page 2
            canvas.saveState()
            canvas.setFont(FAMILY, HEADER_PT)
            canvas.drawCentredString(A4[0] / 2 + (MARGINS_MM["left"] - MARGINS_MM["right"]) * mm / 2,
                                     A4[1] - 12 * mm, str(doc.page))
            canvas.restoreState()

        with atomic_path(path) as tmp_path:
            doc = _Doc(
                str(tmp_path), pagesize=A4, job=job,
                total=len(story) + sum(f.row_count for f in story if isinstance(f, LongTable)),
                leftMargin=MARGINS_MM["left"] * mm, rightMargin=MARGINS_MM["right"] * mm,
                topMargin=MARGINS_MM["top"] * mm, bottomMargin=MARGINS_MM["bottom"] * mm,
                title=f"{report.title} {report.subject}", author=s.issuing_body, subject=report.subject,
                creator="cdsdesk",
                # The canvas starts in our font, so no unembedded Helvetica is referenced.
                initialFontName=FAMILY, initialFontSize=BODY_PT,
            )
            doc.build(story, onFirstPage=lambda c, d: None, onLaterPages=later)
    job.step(1.0, "Xong")
    return Path(path)


def _tables(block: Table, width: float, cell, cell_r, cell_c, cell_h, cell_g, job: Job) -> list:  # noqa: ANN001
    widths = [width * w / sum(block.widths) for w in block.widths]
    if len(block.rows) > _LONG:
        widths = fit_widths(block.rows, widths, font=FAMILY, size=TABLE_PT - 1, group_rows=block.group_rows)
        return [LongTable(block.headers, block.rows, widths, font=FAMILY, bold_font=FAMILY + "-Bold",
                          size=TABLE_PT - 1, group_rows=block.group_rows, numeric=block.numeric,
                          tick=lambda i: job.check())]
    header = [_p(h, cell_h) for h in block.headers]
    out = []
    rows = block.rows
    for start in range(0, max(1, len(rows)), _CHUNK):
        job.check()
        data = [header]
        style = [
            ("FONT", (0, 0), (-1, -1), FAMILY, TABLE_PT - 1),
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ]
        for k, row in enumerate(rows[start:start + _CHUNK], 1):
            if (start + k - 1) in block.group_rows:
                data.append([_p(row[0], cell_c), _p(row[1], cell_g)] + [""] * (len(row) - 2))
                style.append(("SPAN", (1, k), (-1, k)))
                continue
            data.append([
                _p(v, cell_r if j in block.numeric else cell_c if j == 0 else cell) for j, v in enumerate(row)
            ])
        t = RLTable(data, colWidths=widths, repeatRows=1)
        t.setStyle(TableStyle(style))
        out.append(t)
    return out


def _end_block(report: Report, width: float) -> RLTable:
    s = report.settings
    recip = [_p("Nơi nhận:", _style("nn", 12, align=TA_LEFT, bold=True, italic=True, after=0))]
    recip += [_p(f"- {line}", _style("nl", 11, align=TA_LEFT, after=0)) for line in s.recipients]
    cb = _style("sb", HEADER_PT, align=TA_CENTER, bold=True, after=0)
    sign = []
    if s.signer_authority:
        sign.append(_p(s.signer_authority.upper(), cb))
    sign += [_p(s.signer_title.upper(), cb), Spacer(1, 70), _p(s.signer_name or " ", _style("sn", BODY_PT, align=TA_CENTER, bold=True, after=0))]
    t = RLTable([[recip, sign]], colWidths=[width * 0.5, width * 0.5])
    t.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FAMILY), ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return KeepTogether([Spacer(1, 8), t])
