"""A small streaming .xlsx writer for the report's tables: each sheet's XML is written as text,
row by row, straight into the zip.

openpyxl makes a cell object (and a style look-up) for every value: 50,000 tasks × 9 columns
are seconds of work. The tables here need little of SpreadsheetML: shared strings, numbers,
dates, a fixed set of styles (Times New Roman throughout), column widths, a frozen header row,
a filter, and page setup (A4 landscape, one page wide, the header row printed on every page).

Nothing executable: no cell is ever written as a formula (``<f>``). A text that Excel or
LibreOffice would read as one when typed (``=``, ``+``, ``-``, ``@`` …) is a string cell with
the "quote prefix" style, so it is shown as text even after the user edits it."""

from __future__ import annotations

import datetime as dt
import math
import re
import zipfile
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Sequence
from xml.sax.saxutils import escape

FONT = "Times New Roman"
_EPOCH = dt.datetime(1899, 12, 30)
_EPOCH_DATE = _EPOCH.date()

# Cell styles (index into cellXfs of styles.xml).
S_BODY, S_HEAD, S_TITLE, S_DATE, S_INT, S_DEC, S_PCT, S_WRAP, S_QUOTE, S_QUOTE_WRAP = range(10)
#: Number format → style index for numbers.
NUMBER_STYLES = {"#,##0": S_INT, "#,##0.0#": S_DEC, "0.0%": S_PCT, "dd/mm/yyyy": S_DATE}

_STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="3"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="#,##0.0#"/><numFmt numFmtId="166" formatCode="0.0%"/></numFmts>
<fonts count="3">
<font><sz val="12"/><name val="{FONT}"/><family val="1"/></font>
<font><b/><sz val="12"/><name val="{FONT}"/><family val="1"/></font>
<font><b/><sz val="14"/><name val="{FONT}"/><family val="1"/></font>
</fonts>
<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>
<fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="10">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top"/></xf>
<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>
<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf>
<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf>
<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf>
<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf>
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1" applyAlignment="1"><alignment vertical="top"/></xf>
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>
</cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>"""

_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' \
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
DANGEROUS_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def column_letter(n: int) -> str:
    """1 → A, 27 → AA."""
    out = ""
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


def _xml(text: str) -> str:
    """Text for <t>: markup escaped, CR kept as a character reference (a raw CR would be read
    back as LF)."""
    text = escape(text)
    return text.replace("\r", "&#13;") if "\r" in text else text


def sheet_title(text: str) -> str:
    """A name Excel accepts for a sheet: at most 31 characters, none of ``[]:*?/\\``."""
    return re.sub(r"[\[\]:*?/\\]", " ", text).strip().strip("'")[:31].rstrip() or "Sheet"


_LINE_PT = 15.0  # one line of 12 pt Times New Roman (Excel 15.75, LibreOffice 13.8)


def _lines(text: str, width: float, *, bold: bool = False) -> int:
    """About how many lines ``text`` takes wrapped in a column ``width`` characters wide
    (a letter of Vietnamese text is a little narrower than the digit widths are counted in)."""
    room = max(1.0, width - 1.5) * (1.05 if bold else 1.2)
    return sum(-(-len(part) // int(room)) or 1 for part in text.split("\n")) if text else 1


def _height(lines: int) -> str:
    """Row height for ``lines`` lines. Excel and LibreOffice do not fit rows to wrapped text
    when opening a file, so wrapped rows carry their height."""
    return f' ht="{lines * _LINE_PT + 1:g}" customHeight="1"' if lines > 1 else ""


@dataclass
class Column:
    header: str
    width: float
    #: Number format for numbers in the column (``NUMBER_STYLES``); None: integers plain,
    #: fractions ``#,##0.0#``.
    fmt: str | None = None
    wrap: bool = False


class XlsxWriter:
    """``with XlsxWriter(path) as w: w.sheet(...)``; the file is complete when the block ends."""

    def __init__(self, path: str) -> None:
        self._zip = zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=5)
        self._strings: dict[str, int] = {}
        self._sheets: list[tuple[str, int, int, int]] = []  # title, header row, last row, columns

    def __enter__(self) -> "XlsxWriter":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:  # noqa: ANN001
        try:
            if exc_type is None:
                self._finish()
        finally:
            self._zip.close()

    # --- cells -------------------------------------------------------------------------------
    def _string(self, text: str) -> int:
        idx = self._strings.get(text)
        if idx is None:
            idx = self._strings[text] = len(self._strings)
        return idx

    def _cell(self, ref: str, value: Any, number_style: int | None, wrap: bool, style: int | None = None) -> str:  # noqa: ANN401
        if value is None:
            return ""
        if isinstance(value, bool):
            value = "Có" if value else None
            if value is None:
                return ""
        if isinstance(value, str):
            if _ILLEGAL.search(value):
                value = _ILLEGAL.sub("", value)
            if value.startswith(DANGEROUS_STARTS):
                s = S_QUOTE_WRAP if wrap else S_QUOTE
            else:
                s = style if style is not None else S_WRAP if wrap else S_BODY
            attr = f' s="{s}"' if s else ""
            return f'<c r="{ref}" t="s"{attr}><v>{self._string(value)}</v></c>'
        if isinstance(value, dt.datetime):
            d = value - _EPOCH
            serial = d.days + d.seconds / 86400 + d.microseconds / 86_400_000_000
            return f'<c r="{ref}" s="{S_DATE}"><v>{serial!r}</v></c>'
        if isinstance(value, dt.date):
            return f'<c r="{ref}" s="{S_DATE}"><v>{(value - _EPOCH_DATE).days}</v></c>'
        if isinstance(value, int):
            s = number_style if number_style is not None else S_BODY
            return f'<c r="{ref}" s="{s}"><v>{value}</v></c>' if s else f'<c r="{ref}"><v>{value}</v></c>'
        if isinstance(value, float):
            if math.isnan(value) or math.isinf(value):
                return ""
            s = number_style if number_style is not None else S_DEC
            return f'<c r="{ref}" s="{s}"><v>{value!r}</v></c>'
        return self._cell(ref, str(value), number_style, wrap, style)

    # --- sheets ------------------------------------------------------------------------------
    def sheet(self, title: str, columns: Sequence[Column], rows: Iterable[Sequence[Any]], *,
              preface: Sequence[str] = (), wrap: bool = True,
              tick: Callable[[int], None] | None = None) -> int:
        """Write one sheet: ``preface`` lines (the first as a title), a blank row, the header row
        (frozen, filtered, printed on every page) and ``rows``. ``wrap=False`` leaves wrapping off
        (very long sheets: Excel and LibreOffice measure every wrapped row when opening).
        ``tick(n)`` is called every 1,000 rows. Returns the number of rows written."""
        index = len(self._sheets) + 1
        title = sheet_title(title)
        letters = [column_letter(i) for i in range(1, len(columns) + 1)]
        header_row = len(preface) + (2 if preface else 1)
        body: list[str] = []
        for k, line in enumerate(preface, 1):
            body.append(f'<row r="{k}">{self._cell(f"A{k}", line, None, False, S_TITLE if k == 1 else S_BODY)}</row>')
        head = "".join(self._cell(f"{letters[j]}{header_row}", c.header, None, False, S_HEAD)
                       for j, c in enumerate(columns))
        head_lines = max((_lines(c.header, c.width, bold=True) for c in columns), default=1)
        body.append(f'<row r="{header_row}"{_height(head_lines)}>{head}</row>')
        styles = [NUMBER_STYLES.get(c.fmt) if c.fmt else None for c in columns]
        wraps = [c.wrap and wrap for c in columns]
        specs = list(zip(letters, styles, wraps))
        wrapped = [(j, c.width) for j, c in enumerate(columns) if wraps[j]]
        cell = self._cell
        r = header_row
        n = 0
        name = f"xl/worksheets/sheet{index}.xml"
        with self._zip.open(name, "w", force_zip64=True) as out:
            out.write(self._sheet_head(columns, header_row).encode("utf-8"))
            for n, row in enumerate(rows, 1):
                r = header_row + n
                parts = [cell(f"{letter}{r}", v, st, w) for (letter, st, w), v in zip(specs, row)]
                ht = ""
                if wrapped:
                    n_lines = max(_lines(row[j], width) if j < len(row) and isinstance(row[j], str) else 1
                                  for j, width in wrapped)
                    ht = _height(n_lines)
                body.append(f'<row r="{r}"{ht}>{"".join(parts)}</row>')
                if n % 1000 == 0:
                    out.write("".join(body).encode("utf-8"))
                    body.clear()
                    if tick is not None:
                        tick(n)
            out.write("".join(body).encode("utf-8"))
            last = letters[-1] if letters else "A"
            tail = [f"</sheetData>", f'<autoFilter ref="A{header_row}:{last}{r}"/>',
                    '<printOptions gridLines="1"/>',
                    '<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>',
                    '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>',
                    "<headerFooter><oddFooter>&amp;C&amp;P/&amp;N</oddFooter></headerFooter>",
                    "</worksheet>"]
            out.write("".join(tail).encode("utf-8"))
        self._sheets.append((title, header_row, r, len(columns)))
        return n

    @staticmethod
    def _sheet_head(columns: Sequence[Column], header_row: int) -> str:
        cols = "".join(f'<col min="{i}" max="{i}" width="{c.width:g}" customWidth="1"/>'
                       for i, c in enumerate(columns, 1))
        pane = (f'<pane ySplit="{header_row}" topLeftCell="A{header_row + 1}" activePane="bottomLeft" state="frozen"/>'
                f'<selection pane="bottomLeft" activeCell="A{header_row + 1}" sqref="A{header_row + 1}"/>')
        return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet {_NS}>'
                '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>'
                f'<sheetViews><sheetView workbookViewId="0">{pane}</sheetView></sheetViews>'
                '<sheetFormatPr defaultRowHeight="15.75"/>'
                f'<cols>{cols}</cols><sheetData>')

    # --- the package -------------------------------------------------------------------------
    def _finish(self) -> None:
        z = self._zip
        n = len(self._sheets)
        sheets = "".join(f'<sheet name="{escape(t, {chr(34): "&quot;"})}" sheetId="{i}" r:id="rId{i}"/>'
                         for i, (t, *_rest) in enumerate(self._sheets, 1))
        names = []
        for i, (title, header_row, last, ncols) in enumerate(self._sheets):
            quoted = "'" + title.replace("'", "''") + "'"
            ref = f"{quoted}!$A${header_row}:${column_letter(max(1, ncols))}${last}"
            names.append(f'<definedName name="_xlnm._FilterDatabase" localSheetId="{i}" hidden="1">{escape(ref)}</definedName>')
            names.append(f'<definedName name="_xlnm.Print_Titles" localSheetId="{i}">'
                         f'{escape(quoted)}!${header_row}:${header_row}</definedName>')
        z.writestr("xl/workbook.xml",
                   f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook {_NS}>'
                   f'<bookViews><workbookView activeTab="0"/></bookViews><sheets>{sheets}</sheets>'
                   f'<definedNames>{"".join(names)}</definedNames></workbook>')
        rels = "".join(f'<Relationship Id="rId{i}" Type="{_REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
                       for i in range(1, n + 1))
        rels += (f'<Relationship Id="rId{n + 1}" Type="{_REL}/styles" Target="styles.xml"/>'
                 f'<Relationship Id="rId{n + 2}" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/>')
        z.writestr("xl/_rels/workbook.xml.rels",
                   f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{_PKG_REL}">{rels}</Relationships>')
        z.writestr("xl/styles.xml", _STYLES)
        with z.open("xl/sharedStrings.xml", "w", force_zip64=True) as out:
            out.write(f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst {_NS.split(" ")[0]} '
                      f'uniqueCount="{len(self._strings)}">'.encode("utf-8"))
            chunk: list[str] = []
            for text in self._strings:  # insertion order = index order
                space = ' xml:space="preserve"' if text[:1].isspace() or text[-1:].isspace() else ""
                chunk.append(f"<si><t{space}>{_xml(text)}</t></si>")
                if len(chunk) >= 2000:
                    out.write("".join(chunk).encode("utf-8"))
                    chunk.clear()
            out.write(("".join(chunk) + "</sst>").encode("utf-8"))
        overrides = "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/'
                            'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for i in range(1, n + 1))
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                   '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                   f'{overrides}'
                   '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
                   '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
                   '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
                   '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
                   '</Types>')
        z.writestr("_rels/.rels",
                   f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{_PKG_REL}">'
                   f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
                   f'<Relationship Id="rId2" Type="{_PKG_REL}/metadata/core-properties" Target="docProps/core.xml"/>'
                   f'<Relationship Id="rId3" Type="{_REL}/extended-properties" Target="docProps/app.xml"/>'
                   '</Relationships>')
        now = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        z.writestr("docProps/core.xml",
                   '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                   '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
                   'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
                   'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>cdsdesk</dc:creator>'
                   f'<dcterms:created xsi:type="dcterms:W3CDTF">{now}</dcterms:created>'
                   f'<dcterms:modified xsi:type="dcterms:W3CDTF">{now}</dcterms:modified></cp:coreProperties>')
        z.writestr("docProps/app.xml",
                   '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                   '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
                   '<Application>cdsdesk</Application></Properties>')
