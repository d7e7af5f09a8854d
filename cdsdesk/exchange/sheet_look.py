"""How the workbooks the app writes look on screen and on paper, in Excel, LibreOffice and WPS.

Fonts: every cell names Times New Roman, the font of official documents, installed with Windows and
Office; LibreOffice on Linux substitutes the metric-compatible Liberation Serif. Both carry every
Vietnamese letter. A cell that names no font falls back to the workbook default (Calibri), which
on a machine without it is replaced by whatever font is at hand, often one without the stacked
diacritics (ế, ậ, ộ), so the workbook default is set as well.

Printing: A4 landscape, fitted to one page wide, the column headings repeated on every page, a
footer with the page number. Row heights are set from the wrapped text, because neither Excel nor
LibreOffice reliably grows a row to fit wrapped text in a file it did not write itself.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterable

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.worksheet.worksheet import Worksheet

FONT_NAME = "Times New Roman"
#: Fonts known to carry the Vietnamese letters on Windows (and, by metric-compatible substitutes, on
#: Linux). Tests check every visible cell against this set.
VIETNAMESE_FONTS = frozenset({"Times New Roman", "Arial", "Tahoma", "Liberation Serif", "Liberation Sans"})
BODY_SIZE = 11
TITLE_SIZE = 14
FOOTER_SIZE = 9


def font(*, bold: bool = False, italic: bool = False, size: float = BODY_SIZE, color: str | None = None) -> Font:
    """A font every viewer shows Vietnamese in."""
    return Font(name=FONT_NAME, size=size, bold=bold, italic=italic, color=color)


def use_vietnamese_default_font(wb: Workbook) -> None:
    """Make Times New Roman the workbook default (the ``Normal`` style), for the cells a user adds.

    Call on a fresh workbook, before any cell is styled: openpyxl keeps the default as font 0."""
    base = font()
    wb._fonts = IndexedList([base])  # noqa: SLF001 - openpyxl has no public way to change font 0
    wb._named_styles["Normal"].font = base  # noqa: SLF001 - rebinds the Normal style to font 0


# --- how much room wrapped text needs ------------------------------------------------------------

# Advance widths in units of the digit '0' (Times New Roman digits are 0.5 em), rounded up.
_NARROW = dict.fromkeys("iljt.,:;'|!()[]/", 0.6) | dict.fromkeys("frI-", 0.75) | {" ": 0.55}
_WIDE = dict.fromkeys("mwMW", 1.9) | dict.fromkeys("—%@", 2.0)


def _char_width(ch: str) -> float:
    base = unicodedata.normalize("NFD", ch)[0]
    if base in _NARROW:
        return _NARROW[base]
    if base in _WIDE:
        return _WIDE[base]
    if base in "đĐ":
        base = "d" if ch == "đ" else "D"
    if base.isupper():
        return 1.5
    return 1.0


def text_width(text: str, *, size: float = BODY_SIZE, bold: bool = False) -> float:
    """Roughly how many column-width units (digit widths at the body size) the text takes; errs wide."""
    w = sum(_char_width(ch) for ch in text if not unicodedata.combining(ch))
    return w * (size / BODY_SIZE) * (1.08 if bold else 1.0)


def wrapped_lines(text: str, width: float, *, size: float = BODY_SIZE, bold: bool = False) -> int:
    """How many lines the text wraps to in a cell ``width`` units wide (greedy word wrap)."""
    usable = max(width - 1.0, 1.0)  # the cell's inner padding, and a margin for the viewer's rounding
    lines = 0
    for para in str(text).split("\n"):
        n, cur = 1, 0.0
        for word in para.split(" "):
            ww = text_width(word, size=size, bold=bold)
            space = text_width(" ", size=size) if cur else 0.0
            if cur and cur + space + ww > usable:
                n, cur = n + 1, 0.0
                space = 0.0
            if ww > usable:  # one long word breaks across lines
                extra = math.ceil((cur + space + ww) / usable) - 1
                n, cur = n + extra, (cur + space + ww) - extra * usable
            else:
                cur += space + ww
        lines += n
    return lines


def line_height(size: float = BODY_SIZE) -> float:
    """Points per text line, as Excel lays out Times New Roman (LibreOffice needs less)."""
    return round(size * 1.36, 1)


def fit_row_height(ws: Worksheet, row: int, *, min_lines: int = 1, extra: dict[int, Iterable[str]] | None = None) -> None:
    """Set the row tall enough for the wrapped text of its cells (merged cells take their merged width).

    ``extra`` maps a column to other texts the cell may hold (a drop-down's choices), so the row also
    fits those."""
    widths = _merged_widths(ws, row)
    need = min_lines * line_height()
    for cell in ws[row]:
        texts = [cell.value] if cell.value not in (None, "") else []
        texts += list((extra or {}).get(cell.column, ()))
        if not texts or cell.coordinate in widths.get("covered", ()):
            continue
        width = widths.get(cell.column) or _col_width(ws, cell.column)
        size = cell.font.sz or BODY_SIZE
        bold = bool(cell.font.b)
        wrap = bool(cell.alignment.wrap_text)
        for t in texts:
            n = wrapped_lines(str(t), width, size=size, bold=bold) if wrap else 1
            need = max(need, n * line_height(size))
    ws.row_dimensions[row].height = math.ceil(need + 3)


def _col_width(ws: Worksheet, col: int) -> float:
    return ws.column_dimensions[get_column_letter(col)].width or 8.43


def _merged_widths(ws: Worksheet, row: int) -> dict:
    out: dict = {"covered": set()}
    for rng in ws.merged_cells.ranges:
        if rng.min_row <= row <= rng.max_row:
            out[rng.min_col] = sum(_col_width(ws, c) for c in range(rng.min_col, rng.max_col + 1))
            out["covered"] |= {
                f"{get_column_letter(c)}{row}" for c in range(rng.min_col, rng.max_col + 1)
                if not (c == rng.min_col and row == rng.min_row)
            }
    return out


# --- the printed page ------------------------------------------------------------------------------


def _escape(text: str) -> str:
    return text.replace("&", "&&")


def print_setup(ws: Worksheet, *, title_rows: str | None, footer_left: str) -> None:
    """A4 landscape, one page wide, headings repeated, page numbers in the footer."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as the rows need
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = 0.6  # inches: about 1.5 cm, room to punch and file
    ws.page_margins.right = 0.4
    ws.page_margins.top = 0.6
    ws.page_margins.bottom = 0.7
    ws.page_margins.header = 0.3
    ws.page_margins.footer = 0.3
    if title_rows:
        ws.print_title_rows = title_rows
    footer = ws.oddFooter
    footer.left.text = _escape(footer_left)
    footer.left.font = f"{FONT_NAME},Italic"
    footer.left.size = FOOTER_SIZE
    footer.right.text = "Trang &P/&N"
    footer.right.font = FONT_NAME
    footer.right.size = FOOTER_SIZE
