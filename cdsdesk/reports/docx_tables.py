"""The report's tables as WordprocessingML written straight as text, streamed into the saved file.

python-docx holds every cell as a tree of XML elements: a 50,000-task appendix is millions of
elements, minutes of work and gigabytes of memory. Here the document keeps one marker paragraph
per table; ``save_with_tables`` saves the document, then copies the package and writes each
table's XML in place of its marker, row by row, so memory stays flat and the rows cost a string
format each. The XML is the same as python-docx would write (fixed layout, widths in the grid and
in every cell, Times New Roman on every run, repeated and unsplittable header rows)."""

from __future__ import annotations

import os
import zipfile
from typing import Callable, Iterator, Sequence
from xml.sax.saxutils import escape

from .outline import Table

FONT = "Times New Roman"
_MARK = "\u2063cdsdesk-table-{}\u2063"  # invisible separator: never in a report's own text
_DOC_PART = "word/document.xml"
# What XML 1.0 cannot hold, as UTF-8: control characters other than tab, LF, CR (single bytes,
# never inside a multi-byte sequence) and U+FFFE/U+FFFF. Dropped from whole chunks of bytes.
_CTRL = bytes(c for c in range(32) if c not in (9, 10, 13))
_NONCHARS = (b"\xef\xbf\xbe", b"\xef\xbf\xbf")


def _clean_bytes(data: bytes) -> bytes:
    data = data.translate(None, _CTRL)
    for bad in _NONCHARS:
        if bad in data:
            data = data.replace(bad, b"")
    return data


def _rpr(size_pt: float, *, bold: bool) -> str:
    half = int(round(size_pt * 2))
    b = "<w:b/>" if bold else ""
    return (f'<w:rPr><w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>'
            f'{b}<w:sz w:val="{half}"/></w:rPr>')


_BR = '</w:t><w:br/><w:t xml:space="preserve">'


def _text(text: str) -> str:
    """Text for a <w:t>: markup characters escaped, line breaks as <w:br/> (Word's soft break).
    Characters XML cannot hold are dropped later, over whole chunks of rows (``_clean_bytes``)."""
    if "&" in text or "<" in text or ">" in text:
        text = escape(text)
    if "\n" in text:
        text = text.replace("\n", _BR)
    return text


class TableXml:
    """Everything needed to write one table: the head of the table, then one string per row."""

    def __init__(self, block: Table, width_twips: int, size_pt: float) -> None:
        self.block = block
        total = sum(block.widths)
        self.widths = [int(round(width_twips * w / total)) for w in block.widths]
        n = len(block.headers)
        self.jc = ["right" if j in block.numeric else "center" if j == 0 else "left" for j in range(n)]
        self.plain = _rpr(size_pt, bold=False)
        self.bold = _rpr(size_pt, bold=True)
        self.span_width = sum(self.widths[1:])
        # A plain cell is a fixed prefix, the text and a fixed suffix: one join per row.
        self._pre = [self._cell("\x00", w, jc, self.plain).split("\x00")[0] for w, jc in zip(self.widths, self.jc)]
        self._suf = self._cell("\x00", self.widths[0], "left", self.plain).split("\x00")[1]

    def _cell(self, text: str, width: int, jc: str, rpr: str, span: int = 1) -> str:
        grid = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
        return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{grid}</w:tcPr>'
                f'<w:p><w:pPr><w:spacing w:before="0" w:after="0"/><w:jc w:val="{jc}"/></w:pPr>'
                f'<w:r>{rpr}<w:t xml:space="preserve">{_text(text)}</w:t></w:r></w:p></w:tc>')

    def head(self) -> str:
        borders = "".join(
            f'<w:{e} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
            for e in ("top", "left", "bottom", "right", "insideH", "insideV")
        )
        margins = ('<w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/>'
                   '<w:top w:w="0" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/></w:tblCellMar>')
        grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in self.widths)
        header = "".join(self._cell(h, w, "center", self.bold) for h, w in zip(self.block.headers, self.widths))
        return (f'<w:tbl><w:tblPr><w:tblW w:w="{sum(self.widths)}" w:type="dxa"/><w:jc w:val="center"/>'
                f'<w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type="fixed"/>{margins}'
                f'<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0"'
                f' w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>'
                f'<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>{header}</w:tr>')

    def row(self, i: int, values: Sequence[str]) -> str:
        if i in self.block.group_rows:  # a caption row: number, then one cell across the rest
            ncols = len(self.widths)
            cells = (self._cell(values[0], self.widths[0], "center", self.bold)
                     + self._cell(values[1], self.span_width, "left", self.bold, span=ncols - 1))
        else:
            suf = self._suf
            cells = "".join([pre + _text(v) + suf for pre, v in zip(self._pre, values)])
        return f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{cells}</w:tr>"

    tail = "</w:tbl>"


class TableSlots:
    """Marker paragraphs in the document body, each standing for a table written at save time."""

    def __init__(self) -> None:
        self.tables: list[TableXml] = []

    def add(self, doc, table: TableXml) -> None:  # noqa: ANN001 - a python-docx Document
        doc.add_paragraph().add_run(_MARK.format(len(self.tables)))
        self.tables.append(table)

    def rows_total(self) -> int:
        return sum(len(t.block.rows) for t in self.tables)


def _pieces(xml: str, slots: TableSlots, tick: Callable[[int], None]) -> Iterator[str]:
    """The document XML with each marker paragraph replaced by its table, in pieces."""
    pos = 0
    done = 0
    for k, table in enumerate(slots.tables):
        mark = xml.find(_MARK.format(k), pos)
        if mark < 0:
            raise RuntimeError(f"table marker {k} lost")
        start = xml.rfind("<w:p>", pos, mark)
        end = xml.find("</w:p>", mark) + len("</w:p>")
        yield xml[pos:start]
        yield table.head()
        buf: list[str] = []
        for i, values in enumerate(table.block.rows):
            buf.append(table.row(i, values))
            if len(buf) >= 500:
                yield "".join(buf)
                buf.clear()
                done += 500
                tick(done)
        buf.append(table.tail)
        yield "".join(buf)
        done += len(table.block.rows) % 500
        tick(done)
        pos = end
    yield xml[pos:]


def save_with_tables(doc, path: str | os.PathLike[str], slots: TableSlots,  # noqa: ANN001
                     tick: Callable[[int], None] = lambda n: None) -> None:
    """Save ``doc`` to ``path`` with every slot's table written in place of its marker."""
    tmp = f"{os.fspath(path)}.part"
    doc.save(tmp)
    try:
        with zipfile.ZipFile(tmp) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zout:
            for info in zin.infolist():
                if info.filename != _DOC_PART:
                    zout.writestr(info, zin.read(info.filename))
                    continue
                xml = zin.read(info.filename).decode("utf-8")
                # By name, so the archive's fast compression level applies to the big part.
                with zout.open(info.filename, "w", force_zip64=True) as f:
                    for piece in _pieces(xml, slots, tick):
                        f.write(_clean_bytes(piece.encode("utf-8")))
    finally:
        os.unlink(tmp)
