"""A lean long table for the PDF: text wrapped with font metrics and written straight into the
page's content stream.

reportlab's ``Table`` of ``Paragraph`` cells parses markup and lays out every cell as a small
document; at 50,000 tasks that is many minutes. The appendix needs none of it: plain text in
one font, wrapped at word boundaries, a grid, group captions across the row and the header row
repeated on every page. Rows never split across pages, as in the Word document.

Even reportlab's text objects cost several microseconds a line (a subset look-up, escaping and
number formatting each time); here a character's encoded bytes are looked up once per document
and a page of the table is one path for the grid and one text object for all its lines."""

from __future__ import annotations

import re
from typing import Callable, Sequence

from reportlab.lib.rl_accel import escapePDF
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.platypus import Flowable

_PAD_X, _PAD_Y = 3.0, 2.0
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")


class _Widths:
    """Text widths from the font's glyph widths, memoised per character and per word."""

    def __init__(self, font: str, size: float) -> None:
        self._font = getFont(font)
        face = self._font.face
        self._cw, self._dw, self._scale, self._size = face.charWidths, face.defaultWidth, size / 1000.0, size
        self._memo: dict[str, float] = {}  # characters and words → width

    def line(self, text: str) -> float:
        """Width of a whole line (reportlab's C accelerator when present)."""
        return self._font.stringWidth(text, self._size)

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

    def word(self, word: str) -> float:
        w = self._memo.get(word)
        if w is None:
            w = self(word)
            if len(word) < 24:  # words repeat; whole long strings rarely do
                self._memo[word] = w
        return w

    def split(self, text: str, width: float) -> list[str]:
        """Greedy word wrap; a word longer than the line is cut where it overflows."""
        lines: list[str] = []
        line, line_w = "", 0.0
        space = self.char(" ")
        word_w = self.word
        for word in text.split(" "):
            w = word_w(word)
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


def fit_widths(rows: Sequence[Sequence[str]], widths: Sequence[float], *, font: str, size: float,
               group_rows: frozenset[int] = frozenset()) -> list[float]:
    """Widen columns whose longest word would be cut (row numbers past 999, long task codes),
    taking the room from the widest column, which keeps at least half its width. Captions span
    the row and do not count."""
    widths = list(widths)
    widest = max(range(len(widths)), key=widths.__getitem__)
    spare = widths[widest] / 2
    for j in range(len(widths)):
        if j == widest:
            continue
        measure = _Widths(font, size)
        values = {row[j] for i, row in enumerate(rows) if i not in group_rows and j < len(row) and row[j]}
        longest = max((len(w) for v in values for w in v.split()), default=0)
        # Words under half the longest length are not measured: in a serif font they are never wider.
        need = max((measure(w) for v in values for w in v.split() if 2 * len(w) >= longest), default=0.0)
        extra = min(spare, need + 2 * _PAD_X + 0.5 - widths[j])
        if extra > 0:
            widths[j] += extra
            widths[widest] -= extra
            spare -= extra
    return widths


class _Encoder:
    """Text → the operators that show it in a TrueType font embedded as subsets, with each
    character's subset and escaped code worked out once per document (as reportlab's
    ``TTFont.splitString`` assigns them, so the embedded subsets hold exactly these glyphs)."""

    def __init__(self, font_name: str, size: float, doc) -> None:  # noqa: ANN001
        self.font, self.doc, self.size = getFont(font_name), doc, size
        self._chars: dict[str, tuple[int, str]] = {}
        self._one: dict[str, str] = {}  # characters of subset 0 → their escaped code
        self._names: dict[int, str] = {}

    def _char(self, ch: str) -> tuple[int, str]:
        got = self._chars.get(ch)
        if got is None:
            parts = self.font.splitString(ch, self.doc)
            subset, code = parts[0] if parts else (0, b"")
            got = self._chars[ch] = (subset, escapePDF(code))
            if subset == 0:
                self._one[ch] = got[1]
        return got

    def name(self, subset: int) -> str:
        n = self._names.get(subset)
        if n is None:
            n = self._names[subset] = self.font.getSubsetInternalName(subset, self.doc)
        return n

    def show(self, text: str, out: list[str], current: list) -> None:  # noqa: ANN001
        """Append ``Tf``/``Tj`` operators for ``text`` to ``out``; ``current`` holds the font
        and subset last selected in this text object."""
        one = self._one
        try:  # the usual case: every character already in the first subset
            coded = "".join([one[c] for c in text])
        except KeyError:
            pass
        else:
            self._emit(0, coded, out, current)
            return
        if _CONTROL.search(text):
            text = _CONTROL.sub("", text)
        run_subset, run = None, []
        for subset, code in map(self._char, text):
            if subset != run_subset:
                if run:
                    self._emit(run_subset, "".join(run), out, current)
                run_subset, run = subset, []
            run.append(code)
        if run:
            self._emit(run_subset, "".join(run), out, current)

    def _emit(self, subset: int, coded: str, out: list[str], current: list) -> None:
        key = (self.font.fontName, subset)
        if current[0] != key:
            out.append(f"{self.name(subset)} {self.size:g} Tf")
            current[0] = key
        out.append(f"({coded}) Tj")


class _Data:
    """What every page's part of one table shares: the rows, their wrapped lines and heights."""

    def __init__(self, rows: Sequence[Sequence[str]]) -> None:
        self.rows = rows
        self.lines: list[list[list[str]]] | None = None
        self.heights: list[float] = []
        self.tops: list[float] = [0.0]  # tops[i]: height of rows [0, i)
        self.encoders: dict[str, _Encoder] = {}  # font → encoder for the document being built

    def encoder(self, font: str, size: float, doc) -> _Encoder:  # noqa: ANN001
        enc = self.encoders.get(font)
        if enc is None or enc.doc is not doc:
            enc = self.encoders[font] = _Encoder(font, size, doc)
        return enc


class LongTable(Flowable):
    """``rows`` of plain strings under ``headers``; rows in ``group_rows`` are captions, one bold
    cell across the row ("XVIII. " and the second cell: a long Roman numeral would not fit the
    number column); columns in ``numeric`` are right-aligned and column 0 is centred."""

    def __init__(self, headers: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float], *,
                 font: str, bold_font: str, size: float, group_rows: frozenset[int] = frozenset(),
                 numeric: frozenset[int] = frozenset(), tick: Callable[[int], None] | None = None,
                 _data: _Data | None = None, _span: tuple[int, int] | None = None,
                 _measure: dict | None = None) -> None:
        super().__init__()
        self.headers, self.widths = list(headers), list(widths)
        self.font, self.bold_font, self.size = font, bold_font, size
        self.leading = size * 1.2
        self.group_rows, self.numeric, self.tick = group_rows, numeric, tick
        self._data = _data or _Data(rows)
        self._start, self._end = _span or (0, len(self._data.rows))
        self._measure = _measure or {font: _Widths(font, size), bold_font: _Widths(bold_font, size)}
        self._head_lines = [self._wrap(h, w, bold_font) for h, w in zip(self.headers, self.widths)]
        self._head_h = self._height(self._head_lines)
        self._total: float | None = None

    @property
    def row_count(self) -> int:
        """Rows (captions included) in this part of the table."""
        return self._end - self._start

    @property
    def rows(self) -> Sequence[Sequence[str]]:
        return self._data.rows[self._start:self._end]

    # --- layout ------------------------------------------------------------------------------
    def _wrap(self, text: str, width: float, font: str) -> list[str]:
        out: list[str] = []
        measure, room = self._measure[font], width - 2 * _PAD_X
        for para in (text or "").split("\n"):
            if measure.line(para) <= room:
                out.append(para)
            else:
                out.extend(measure.split(para, room))
        return out or [""]

    def _height(self, cells: list[list[str]]) -> float:
        return max(len(c) for c in cells) * self.leading + 2 * _PAD_Y

    def _layout(self) -> None:
        data = self._data
        if data.lines is None:
            lines, heights = [], []
            span = sum(self.widths)
            wrap, font, bold, widths = self._wrap, self.font, self.bold_font, self.widths
            pad = 2 * _PAD_Y
            leading = self.leading
            short: dict[tuple[str, float], list[str]] = {}  # dates, statuses, codes repeat
            for i, row in enumerate(data.rows):
                if self.tick is not None and i % 2000 == 0:
                    self.tick(i)
                if i in self.group_rows:
                    cells = [wrap(f"{row[0]}. {row[1]}" if row[0] else row[1], span, bold)]
                else:
                    cells = []
                    for v, w in zip(row, widths):
                        if len(v) < 16:
                            got = short.get((v, w))
                            if got is None:
                                got = short[(v, w)] = wrap(v, w, font)
                            cells.append(got)
                        else:
                            cells.append(wrap(v, w, font))
                lines.append(cells)
                heights.append(max(len(c) for c in cells) * leading + pad)
            tops, acc = [0.0], 0.0
            for h in heights:
                acc += h
                tops.append(acc)
            data.lines, data.heights, data.tops = lines, heights, tops
        if self._total is None:
            self._total = data.tops[self._end] - data.tops[self._start]

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:  # noqa: D102
        self._layout()
        return sum(self.widths), self._head_h + self._total

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:  # noqa: D102
        self._layout()
        heights = self._data.heights
        used, cut = self._head_h, self._start
        while cut < self._end and used + heights[cut] <= avail_height:
            used += heights[cut]
            cut += 1
        if cut < self._end and cut - 1 > self._start and (cut - 1) in self.group_rows:
            cut -= 1  # a caption goes to the next page with its first row
        if cut == self._start:
            return []
        if cut == self._end:
            return [self]
        return [self._part(self._start, cut), self._part(cut, self._end)]

    def _part(self, start: int, end: int) -> "LongTable":
        return LongTable(self.headers, (), self.widths, font=self.font, bold_font=self.bold_font,
                         size=self.size, group_rows=self.group_rows, numeric=self.numeric, tick=None,
                         _data=self._data, _span=(start, end), _measure=self._measure)

    # --- drawing -----------------------------------------------------------------------------
    def draw(self) -> None:  # noqa: D102
        self._layout()
        doc = self.canv._doc
        data = self._data
        plain, bold = data.encoder(self.font, self.size, doc), data.encoder(self.bold_font, self.size, doc)
        widths = self.widths
        total_w = sum(widths)
        lefts = [sum(widths[:k]) for k in range(len(widths))]
        aligns = ["center" if j == 0 else "right" if j in self.numeric else "left" for j in range(len(widths))]
        top = self._head_h + self._total
        text: list[str] = []  # one text object for every line
        current: list = [None]
        # Rows: (top, height, caption?) for the header and every row of this part.
        bands = [(top, self._head_h, False)]
        self._cells(self._head_lines, lefts, widths, ["center"] * len(widths), top, bold, text, current)
        y = top - self._head_h
        caption_lefts, caption_widths = [0.0], [total_w]
        for i in range(self._start, self._end):
            h = data.heights[i]
            if i in self.group_rows:
                self._cells(data.lines[i], caption_lefts, caption_widths, ["left"], y, bold, text, current)
                bands.append((y, h, True))
            else:
                self._cells(data.lines[i], lefts, widths, aligns, y, plain, text, current)
                bands.append((y, h, False))
            y -= h
        self.canv._code.append("q 0 g 0 G 0.5 w " + self._grid(bands, lefts, total_w, top)
                               + " S BT " + " ".join(text) + " ET Q")

    @staticmethod
    def _grid(bands: list[tuple[float, float, bool]], lefts: list[float], total_w: float, top: float) -> str:
        """The rules as one path: the outer frame, a line under every row and the column rules
        through each run of ordinary rows (captions span the row)."""
        w = f"{total_w:.2f}"
        out = [f"0 0 {w} {top:.2f} re"]
        out += [f"0 {y - h:.2f} m {w} {y - h:.2f} l" for y, h, _caption in bands]
        run_top = None
        for y, h, caption in bands + [(0.0, 0.0, True)]:
            if caption:
                if run_top is not None and run_top > y:
                    out += [f"{x:.2f} {run_top:.2f} m {x:.2f} {y:.2f} l" for x in lefts[1:]]
                run_top = None
            elif run_top is None:
                run_top = y
        return " ".join(out)

    def _cells(self, cells: list[list[str]], lefts: list[float], widths: list[float], aligns: list[str], y: float,
               enc: _Encoder, text: list[str], current: list) -> None:
        first = y - _PAD_Y - self.size * 0.8
        leading = self.leading
        measure = self._measure[enc.font.fontName]
        one, first_subset = enc._one, (enc.font.fontName, 0)
        for lines, x, w, align in zip(cells, lefts, widths, aligns):
            for n, line in enumerate(lines):
                if not line:
                    continue
                if align == "left":
                    lx = x + _PAD_X
                else:
                    lw = measure(line)
                    lx = x + (w - lw) / 2 if align == "center" else x + w - _PAD_X - lw
                if current[0] == first_subset:  # the usual case, without a call
                    try:
                        coded = "".join([one[c] for c in line])
                    except KeyError:
                        pass
                    else:
                        text.append(f"1 0 0 1 {lx:.2f} {first - n * leading:.2f} Tm ({coded}) Tj")
                        continue
                text.append(f"1 0 0 1 {lx:.2f} {first - n * leading:.2f} Tm")
                enc.show(line, text, current)
