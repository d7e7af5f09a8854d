"""A lean long table for the PDF: text wrapped with font metrics and drawn straight on the canvas.

reportlab's ``Table`` of ``Paragraph`` cells parses markup and lays out every cell as a small
document; at 50,000 tasks that is many minutes. The appendix needs none of it: plain text in
one font, wrapped at word boundaries, a grid, group captions across the row and the header row
repeated on every page. Rows never split across pages, as in the Word document."""

from __future__ import annotations

from typing import Callable, Sequence

from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.platypus import Flowable

_PAD_X, _PAD_Y = 3.0, 2.0


class _Widths:
    """Text widths from the font's glyph widths, memoised per character (reportlab's own
    ``stringWidth`` re-encodes every string; here a title costs one dict look-up a letter)."""

    def __init__(self, font: str, size: float) -> None:
        face = getFont(font).face
        self._cw, self._dw, self._scale = face.charWidths, face.defaultWidth, size / 1000.0
        self._memo: dict[str, float] = {}

    def char(self, ch: str) -> float:
        w = self._memo.get(ch)
        if w is None:
            w = self._memo[ch] = self._cw.get(ord(ch), self._dw) * self._scale
        return w

    def __call__(self, text: str) -> float:
        memo = self._memo
        try:
            return sum([memo[c] for c in text])
        except KeyError:
            return sum([self.char(c) for c in text])

    def split(self, text: str, width: float) -> list[str]:
        """Greedy word wrap; a word longer than the line is cut where it overflows."""
        lines: list[str] = []
        line, line_w = "", 0.0
        space = self.char(" ")
        for word in text.split(" "):
            w = self(word)
            if line and line_w + space + w <= width:
                line, line_w = f"{line} {word}", line_w + space + w
                continue
            if line or lines:
                lines.append(line)
            while w > width and len(word) > 1:  # a very long word: cut it
                cut, cw = 0, 0.0
                while cut < len(word) and cw + self.char(word[cut]) <= width:
                    cw += self.char(word[cut])
                    cut += 1
                cut = max(1, cut)
                lines.append(word[:cut])
                word = word[cut:]
                w = self(word)
            line, line_w = word, w
        lines.append(line)
        return lines


class LongTable(Flowable):
    """``rows`` of plain strings under ``headers``; rows in ``group_rows`` are captions (first
    cell, then one cell across the rest, bold); columns in ``numeric`` are right-aligned and
    column 0 is centred."""

    def __init__(self, headers: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float], *,
                 font: str, bold_font: str, size: float, group_rows: frozenset[int] = frozenset(),
                 numeric: frozenset[int] = frozenset(), tick: Callable[[int], None] | None = None,
                 _heights: list[float] | None = None, _lines: list | None = None, _first: int = 0) -> None:
        super().__init__()
        self.headers, self.rows, self.widths = list(headers), rows, list(widths)
        self.font, self.bold_font, self.size = font, bold_font, size
        self.leading = size * 1.2
        self.group_rows, self.numeric, self.tick = group_rows, numeric, tick
        self._first = _first  # index of rows[0] in the whole table (for group_rows)
        self._measure = {font: _Widths(font, size), bold_font: _Widths(bold_font, size)}
        self._head_lines = [self._wrap(h, w, bold_font) for h, w in zip(self.headers, self.widths)]
        self._head_h = self._height(self._head_lines)
        self._lines = _lines
        self._heights = _heights
        self._total = None if _heights is None else sum(_heights)

    # --- layout ------------------------------------------------------------------------------
    def _wrap(self, text: str, width: float, font: str) -> list[str]:
        out: list[str] = []
        measure, room = self._measure[font], width - 2 * _PAD_X
        for para in (text or "").split("\n"):
            if measure(para) <= room:
                out.append(para)
            else:
                out.extend(measure.split(para, room))
        return out or [""]

    def _height(self, cells: list[list[str]]) -> float:
        return max(len(c) for c in cells) * self.leading + 2 * _PAD_Y

    def _layout(self) -> None:
        if self._lines is not None:
            return
        lines, heights = [], []
        span = sum(self.widths[1:])
        for i, row in enumerate(self.rows):
            if self.tick is not None and i % 2000 == 0:
                self.tick(i)
            if (self._first + i) in self.group_rows:
                cells = [self._wrap(row[0], self.widths[0], self.bold_font), self._wrap(row[1], span, self.bold_font)]
            else:
                cells = [self._wrap(v, w, self.font) for v, w in zip(row, self.widths)]
            lines.append(cells)
            heights.append(self._height(cells))
        self._lines, self._heights, self._total = lines, heights, sum(heights)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:  # noqa: D102
        self._layout()
        return sum(self.widths), self._head_h + self._total

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:  # noqa: D102
        self._layout()
        used, n = self._head_h, 0
        for h in self._heights:
            if used + h > avail_height:
                break
            used += h
            n += 1
        if n == 0 or n == len(self.rows):
            return [] if n == 0 else [self]
        return [self._part(0, n), self._part(n, len(self.rows))]

    def _part(self, start: int, end: int) -> "LongTable":
        return LongTable(self.headers, self.rows[start:end], self.widths, font=self.font, bold_font=self.bold_font,
                         size=self.size, group_rows=self.group_rows, numeric=self.numeric, tick=None,
                         _heights=self._heights[start:end], _lines=self._lines[start:end],
                         _first=self._first + start)

    # --- drawing -----------------------------------------------------------------------------
    def draw(self) -> None:  # noqa: D102
        c = self.canv
        total_w = sum(self.widths)
        top = self._head_h + self._total
        y = top
        c.setLineWidth(0.5)
        self._draw_row(self._head_lines, self.widths, y, self._head_h, bold=True, aligns=["center"] * len(self.widths))
        y -= self._head_h
        aligns = ["center" if j == 0 else "right" if j in self.numeric else "left" for j in range(len(self.widths))]
        span_widths = [self.widths[0], sum(self.widths[1:])]
        for i, (cells, h) in enumerate(zip(self._lines, self._heights)):
            if (self._first + i) in self.group_rows:
                self._draw_row(cells, span_widths, y, h, bold=True, aligns=["center", "left"])
            else:
                self._draw_row(cells, self.widths, y, h, bold=False, aligns=aligns)
            y -= h
        c.rect(0, 0, total_w, top)

    def _draw_row(self, cells: list[list[str]], widths: list[float], y: float, h: float, *, bold: bool,
                  aligns: list[str]) -> None:
        c = self.canv
        font = self.bold_font if bold else self.font
        c.line(0, y - h, sum(self.widths), y - h)
        x = 0.0
        for k, (lines, w, align) in enumerate(zip(cells, widths, aligns)):
            if k:
                c.line(x, y, x, y - h)
            t = c.beginText()
            t.setFont(font, self.size, self.leading)
            for n, line in enumerate(lines):
                baseline = y - _PAD_Y - self.size - n * self.leading + self.size * 0.2
                if align == "left":
                    lx = x + _PAD_X
                else:
                    lw = self._measure[font](line)
                    lx = x + (w - lw) / 2 if align == "center" else x + w - _PAD_X - lw
                t.setTextOrigin(lx, baseline)
                t.textOut(line)
            c.drawText(t)
            x += w
