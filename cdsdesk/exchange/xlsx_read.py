"""A lean reader of .xlsx workbooks into plain cells, for every xlsx importer.

It reads what an import needs and nothing else: sheet names and states, the date system, shared
strings, which cell styles are dates, and each cell's raw value (a formula kept as its text, never
evaluated). openpyxl, even read-only, builds style, theme and sheet-property objects an import
never looks at, which made reading 30 small returned forms cost more than checking and applying
them; this reader takes about a third of that time and the cells come out as openpyxl gives them
(``load_workbook(read_only=True, data_only=False)``): the same numbers, strings, dates, booleans,
error texts and formulas.

Safety: every XML part is searched, whole, for a DTD or entity declaration and refused if it holds
one; without a DTD expat expands nothing but the five predefined entities and character
references, so neither entity expansion nor external entities can happen. Only UTF-8 parts are
read (Excel, LibreOffice and WPS write nothing else), so the search cannot be dodged by another
encoding. Size and zip-bomb limits are checked by ``safety.open_zip`` before anything is read.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import zipfile
from typing import Any
from xml.etree.ElementTree import Element, XMLParser

WINDOWS_EPOCH = dt.datetime(1899, 12, 30)
MAC_EPOCH = dt.datetime(1904, 1, 1)

_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"

#: Built-in number formats that are dates (and of those, durations), as openpyxl counts them.
_BUILTIN_DATE_IDS = frozenset({14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47})
_BUILTIN_TIMEDELTA_IDS = frozenset({46})

# How openpyxl (styles/numbers.py, MIT licence) tells a date format from a number format.
_STRIP_RE = re.compile(r'".*?"|\[(?!hh?\]|mm?\]|ss?\])[^\]]*\]')
_DATE_RE = re.compile(r"(?<![_\\])[dmhysDMHYS]")
_TIMEDELTA_RE = re.compile(r"\[hh?\](:mm(:ss(\.0*)?)?)?|\[mm?\](:ss(\.0*)?)?|\[ss?\](\.0*)?", re.I)
_ISO_RE = re.compile(
    r"(?P<date>(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2}))?T?"
    r"(?P<time>(?P<hour>\d{2}):(?P<minute>\d{2})(:(?P<second>\d{2})(?P<microsecond>\.\d{1,3})?)?)?Z?"
)
_XML_DECL_ENC = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_COORD = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d+)$")


class XlsxError(ValueError):
    """A workbook this reader refuses; ``unsafe`` when it is refused for safety, not damage."""

    def __init__(self, message: str, *, unsafe: bool = False, member: str = "") -> None:
        super().__init__(message)
        self.unsafe = unsafe
        self.member = member


def is_date_format(fmt: str | None) -> bool:
    if fmt is None:
        return False
    fmt = _STRIP_RE.sub("", fmt.split(";")[0])
    return _DATE_RE.search(fmt) is not None


def is_timedelta_format(fmt: str | None) -> bool:
    return fmt is not None and _TIMEDELTA_RE.search(fmt.split(";")[0]) is not None


def from_excel(value: float, epoch: dt.datetime, *, timedelta: bool = False) -> Any:
    """An Excel serial as a datetime (a time below 1, a timedelta for duration formats)."""
    if timedelta:
        td = dt.timedelta(days=value)
        if td.microseconds:
            td = dt.timedelta(seconds=td.total_seconds() // 1, microseconds=round(td.microseconds, -3))
        return td
    day, fraction = divmod(value, 1)
    diff = dt.timedelta(milliseconds=round(fraction * 86400 * 1000))
    if 0 <= value < 1 and diff.days == 0:
        mins, secs = divmod(diff.seconds, 60)
        hours, mins = divmod(mins, 60)
        return dt.time(hours, mins, secs, diff.microseconds)
    if 0 < value < 60 and epoch == WINDOWS_EPOCH:
        day += 1  # Excel's phantom 29 February 1900
    return epoch + dt.timedelta(days=day) + diff


def from_iso(text: str) -> Any:
    m = _ISO_RE.match(text)
    if not (m and any(m.groups())):
        raise ValueError(f"not an ISO 8601 date: {text[:40]!r}")
    p = m.groupdict()
    micro = int(float(p["microsecond"]) * 1_000_000) if p["microsecond"] else 0
    if not p["date"]:
        return dt.time(int(p["hour"]), int(p["minute"]), int(p["second"] or 0), micro)
    day = dt.date(int(p["year"]), int(p["month"]), int(p["day"]))
    if not p["time"]:
        return day
    return dt.datetime(day.year, day.month, day.day, int(p["hour"]), int(p["minute"]), int(p["second"] or 0), micro)


def _number(text: str) -> int | float:
    if "." in text or "E" in text or "e" in text:
        return float(text)
    return int(text)


def column_index(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


# --- XML ----------------------------------------------------------------------------------------


def _check_xml(raw: bytes, member: str) -> None:
    """Refuse non-UTF-8 parts and any DTD or entity declaration, wherever it hides."""
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in raw[:64]:
        raise XlsxError(f"{member}: not UTF-8 XML", member=member)
    m = _XML_DECL_ENC.match(raw[:200])
    if m and m.group(1).lower().replace(b"_", b"-") not in (b"utf-8", b"utf8"):
        raise XlsxError(f"{member}: XML in {m.group(1).decode('ascii', 'replace')}, not UTF-8", member=member)
    if b"<!DOCTYPE" in raw or b"<!ENTITY" in raw or b"<!doctype" in raw.lower():
        raise XlsxError(f"{member}: declares a DTD/ENTITY", unsafe=True, member=member)


def parse_xml(zf: zipfile.ZipFile, member: str) -> Element:
    raw = zf.read(member)
    _check_xml(raw, member)
    parser = XMLParser()  # the C parser; safe here because _check_xml ruled out any DTD
    parser.feed(raw)
    return parser.close()


def _ns(root: Element) -> str:
    tag = root.tag
    return tag[: tag.index("}") + 1] if tag.startswith("{") else ""


def _rels(zf: zipfile.ZipFile, names: set[str], part: str) -> dict[str, tuple[str, str]]:
    """Relationship id → (type, target part) of a part."""
    folder, base = posixpath.split(part)
    rels_name = posixpath.join(folder, "_rels", base + ".rels")
    out: dict[str, tuple[str, str]] = {}
    if rels_name not in names:
        return out
    for el in parse_xml(zf, rels_name):
        if not el.tag.endswith("Relationship") or el.get("TargetMode") == "External":
            continue
        target = el.get("Target") or ""
        if target.startswith("/"):
            target = target[1:]
        else:
            target = posixpath.normpath(posixpath.join(folder, target))
        out[el.get("Id") or ""] = (el.get("Type") or "", target)
    return out


def _text_of(el: Element, ns: str) -> str:
    """The plain text of a string item (``si`` or ``is``): its ``t``, then its runs' ``t``."""
    parts = []
    t = el.find(ns + "t")
    if t is not None and t.text:
        parts.append(t.text)
    for r in el.findall(ns + "r"):
        rt = r.find(ns + "t")
        if rt is not None and rt.text:
            parts.append(rt.text)
    return "".join(parts)


def _shared_strings(zf: zipfile.ZipFile, part: str | None) -> list[str]:
    if part is None:
        return []
    root = parse_xml(zf, part)
    ns = _ns(root)
    return [_text_of(si, ns).replace("x005F_", "") for si in root.iter(ns + "si")]


def _date_styles(zf: zipfile.ZipFile, part: str | None) -> tuple[frozenset[int], frozenset[int]]:
    """Indexes of the cell styles whose number format is a date, and of those that are durations."""
    if part is None:
        return frozenset(), frozenset()
    root = parse_xml(zf, part)
    ns = _ns(root)
    custom: dict[int, str] = {}
    fmts = root.find(ns + "numFmts")
    for f in fmts if fmts is not None else ():
        try:
            custom[int(f.get("numFmtId") or "")] = f.get("formatCode") or ""
        except ValueError:
            continue
    dates, durations = set(), set()
    xfs = root.find(ns + "cellXfs")
    for i, xf in enumerate(xfs.findall(ns + "xf") if xfs is not None else ()):
        try:
            fid = int(xf.get("numFmtId") or 0)
        except ValueError:
            fid = 0
        if fid in custom:
            if is_date_format(custom[fid]):
                dates.add(i)
            if is_timedelta_format(custom[fid]):
                durations.add(i)
        elif fid in _BUILTIN_DATE_IDS:
            dates.add(i)
            if fid in _BUILTIN_TIMEDELTA_IDS:
                durations.add(i)
    return frozenset(dates), frozenset(durations)


# --- the workbook -------------------------------------------------------------------------------


class RawSheet:
    """One worksheet: name, state and its rows as {row number: {column: (kind, value)}}."""

    __slots__ = ("name", "state", "part")

    def __init__(self, name: str, state: str, part: str) -> None:
        self.name, self.state, self.part = name, state, part


class RawBook:
    def __init__(self, zf: zipfile.ZipFile) -> None:
        self.zf = zf
        names = set(zf.namelist())
        self.names = names
        main = "xl/workbook.xml"
        for _id, (rtype, target) in _rels(zf, names, "").items():
            if rtype.endswith("/officeDocument"):
                main = target
                break
        if main not in names:
            raise XlsxError("no workbook part")
        root = parse_xml(zf, main)
        ns = _ns(root)
        pr = root.find(ns + "workbookPr")
        d1904 = (pr.get("date1904") or "").lower() in ("1", "true") if pr is not None else False
        self.epoch = MAC_EPOCH if d1904 else WINDOWS_EPOCH
        rels = _rels(zf, names, main)
        by_type = {rtype.rsplit("/", 1)[-1]: target for rtype, target in rels.values()}
        self.shared = _shared_strings(zf, by_type.get("sharedStrings") if by_type.get("sharedStrings") in names else None)
        self.dates, self.durations = _date_styles(zf, by_type.get("styles") if by_type.get("styles") in names else None)
        self.sheets: list[RawSheet] = []
        sheets = root.find(ns + "sheets")
        for el in sheets if sheets is not None else ():
            rid = el.get(f"{{{_REL_NS}}}id") or el.get("id") or ""
            rtype, target = rels.get(rid, ("", ""))
            if not rtype.endswith("/worksheet"):
                continue  # chart sheets, dialog sheets: no cells to import
            if target not in names:
                raise XlsxError(f"sheet part {target} missing")
            self.sheets.append(RawSheet(el.get("name") or "", el.get("state") or "visible", target))

    def rows(self, sheet: RawSheet, *, max_cols: int, max_rows: int, convert, blank) -> list[list[Any]]:  # noqa: ANN001
        """The sheet's rows as lists of ``convert(value, is_formula)`` cells, 1-based positions kept
        (gaps hold ``convert(None, False)``), trailing ``blank`` cells and rows dropped; RowLimit
        when a row beyond ``max_rows`` holds anything."""
        raw = self.zf.read(sheet.part)
        _check_xml(raw, sheet.part)
        fast = self._rows_fast(raw, sheet, max_cols=max_cols, max_rows=max_rows, convert=convert, blank=blank)
        if fast is not None:
            return fast
        return self._rows_tree(raw, sheet, max_cols=max_cols, max_rows=max_rows, convert=convert, blank=blank)

    def _rows_fast(self, raw: bytes, sheet: RawSheet, *, max_cols: int, max_rows: int, convert, blank):  # noqa: ANN001, ANN202
        """The plain SpreadsheetML every writer produces for value cells (``<row><c r s t><v>``),
        scanned with regular expressions; ``None`` as soon as anything else appears (formulas,
        inline strings, prefixes, CDATA …): the element tree reads those. The part is still
        checked whole by expat, so a malformed part is refused exactly as before."""
        text = raw.decode("utf-8")
        m = _SHEETDATA.search(text)
        if m is None:
            return None
        if m.group(1):
            _well_formed(raw)
            return []  # <sheetData/>
        start = m.end()
        end = text.find("</sheetData>", start)
        if end < 0:
            return None
        body = text[start:end]
        if "<![CDATA[" in body or "<f" in body or _PREFIXED.search(body):
            return None
        _well_formed(raw)
        out: list[list[Any]] = []
        empty = convert(None, False)
        shared, dates, durations, epoch = self.shared, self.dates, self.durations, self.epoch
        ss_cells: dict[int, Any] = {}
        other_cells: dict[tuple[str, str, str], Any] = {}
        cols = _COLS
        counter = 0
        pos = 0
        for rm in _ROW.finditer(body):
            if body[pos:rm.start()].strip():
                return None
            pos = rm.end()
            rattrs = rm.group(1)
            if "'" in rattrs or "&" in rattrs:
                return None
            ra = _ROW_R.search(rattrs)
            r = ra.group(1) if ra else None
            if r is not None:
                idx = int(r) if r.isdigit() else int(float(r))
            else:
                idx = counter + 1
            if idx <= counter:
                continue  # a repeated or out-of-order row: openpyxl skips it too
            counter = idx
            inner = rm.group(2)
            if not inner:
                continue
            cells: dict[int, Any] = {}
            col = 0
            cpos = 0
            for cm in _CELL.finditer(inner):
                if cm.start() != cpos and inner[cpos:cm.start()].strip():
                    return None
                cpos = cm.end()
                letters = cm.group(1)
                if letters:
                    c = cols.get(letters)
                    if c is None:
                        c = cols[letters] = column_index(letters)
                    col = c
                else:
                    col += 1
                if col > max_cols:
                    continue
                content = cm.group(5)
                if not content:
                    continue
                t = cm.group(4) or "n"
                s = cm.group(3)
                if t == "inlineStr":
                    im = _INLINE.fullmatch(content)
                    if im is None:
                        if "<is" in content:
                            return None  # rich text runs, phonetic text …
                        continue  # its text is in <is>, not <v>
                    v = im.group(1)
                    if not v:
                        continue
                    cell = other_cells.get(("", v, ""))
                    if cell is None:
                        cell = other_cells[("", v, "")] = convert(_unescape(v) if "&" in v or "\r" in v else v, False)
                    cells[col] = cell
                    continue
                vm = _VALUE.fullmatch(content)
                if vm is None:
                    if content.strip() and not _EMPTY_V.fullmatch(content):
                        return None
                    continue
                v = vm.group(1)
                if not v:
                    continue
                if "&" in v or "\r" in v:
                    v = _unescape(v)
                if t == "s":
                    i = int(v)
                    cell = ss_cells.get(i)
                    if cell is None:
                        cell = ss_cells[i] = convert(shared[i], False)
                    cells[col] = cell
                    continue
                key = (t, v, s if t == "n" and s and int(s) in dates else "")
                cell = other_cells.get(key)
                if cell is None:
                    value: Any = v
                    if t == "n":
                        value = _number(v)
                        if key[2]:
                            try:
                                value = from_excel(value, epoch, timedelta=int(s) in durations)
                            except (OverflowError, ValueError):
                                value = "#VALUE!"
                    elif t == "b":
                        value = bool(int(v))
                    elif t == "d":
                        value = from_iso(v)
                    cell = other_cells[key] = convert(value, False)
                cells[col] = cell
            if inner[cpos:].strip():
                return None
            _place_row(out, idx, cells, empty, blank, max_rows, sheet.name)
        if body[pos:].strip():
            return None
        return out

    def _rows_tree(self, raw: bytes, sheet: RawSheet, *, max_cols: int, max_rows: int, convert, blank):  # noqa: ANN001, ANN202
        parser = XMLParser()  # the C parser; safe here because _check_xml ruled out any DTD
        parser.feed(raw)
        root = parser.close()
        ns = _ns(root)
        data = root.find(ns + "sheetData")
        out: list[list[Any]] = []
        if data is None:
            return out
        empty = convert(None, False)
        c_tag, v_tag, f_tag, is_tag, row_tag = ns + "c", ns + "v", ns + "f", ns + "is", ns + "row"
        shared, dates, durations, epoch = self.shared, self.dates, self.durations, self.epoch
        counter = 0
        for row in data:
            if row.tag != row_tag:
                continue
            r = row.get("r")
            if r is not None:
                idx = int(r) if r.isdigit() else int(float(r))
            else:
                idx = counter + 1
            if idx <= counter:
                continue  # a repeated or out-of-order row: openpyxl skips it too
            counter = idx
            cells: dict[int, Any] = {}
            col = 0
            for c in row:
                if c.tag != c_tag:
                    continue
                ref = c.get("r")
                if ref:
                    m = _COORD.match(ref)
                    if m is None:
                        raise ValueError(f"bad cell reference {ref[:20]!r}")
                    col = column_index(m.group(1))
                else:
                    col += 1
                if col > max_cols:
                    continue
                t = c.get("t", "n")
                f = c.find(f_tag)
                if f is not None:
                    cells[col] = convert("=" + (f.text or ""), True)
                    continue
                if t == "inlineStr":
                    child = c.find(is_tag)
                    value: Any = _text_of(child, ns) if child is not None else None
                else:
                    value = c.findtext(v_tag) or None
                    if value is not None:
                        if t == "n":
                            value = _number(value)
                            s = c.get("s")
                            if s and int(s) in dates:
                                try:
                                    value = from_excel(value, epoch, timedelta=int(s) in durations)
                                except (OverflowError, ValueError):
                                    value = "#VALUE!"
                        elif t == "s":
                            value = shared[int(value)]
                        elif t == "b":
                            value = bool(int(value))
                        elif t == "d":
                            value = from_iso(value)
                if value is not None:
                    cells[col] = convert(value, False)
            _place_row(out, idx, cells, empty, blank, max_rows, sheet.name)
        return out


_SHEETDATA = re.compile(r"<sheetData\b[^>]*?(/?)>")
_PREFIXED = re.compile(r"</?[A-Za-z_][\w.-]*:")
_ATTR = re.compile(r'([\w:.-]+)\s*=\s*"([^"]*)"')
_ROW = re.compile(r"<row\b([^>]*?)(?:/>|>(.*?)</row\s*>)", re.S)
_ROW_R = re.compile(r'(?:^|\s)r\s*=\s*"([^"]*)"')
#: A cell as every writer puts it: r, s, t in that order (anything else: the element tree reads it).
_CELL = re.compile(r'<c(?:\s+r="([A-Z]{1,3})([1-9][0-9]*)")?(?:\s+s="([0-9]+)")?(?:\s+t="([a-zA-Z]+)")?\s*(?:/>|>(.*?)</c\s*>)', re.S)
_VALUE = re.compile(r"\s*<v\s*>([^<]*)</v\s*>\s*")
_INLINE = re.compile(r'\s*<is\s*>\s*<t(?:\s+xml:space="preserve")?\s*>([^<]*)</t\s*>\s*</is\s*>\s*')
_EMPTY_V = re.compile(r"\s*<v\s*/>\s*")
_COLS: dict[str, int] = {}


def _well_formed(raw: bytes) -> None:
    """Raise what expat raises for a malformed part (no tree built)."""
    import pyexpat

    pyexpat.ParserCreate().Parse(raw, True)


def _unescape(text: str) -> str:
    """Character data as an XML parser gives it: line ends normalised, references expanded."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "&" not in text:
        return text
    return _REFERENCE.sub(_expand, text)


_PREDEFINED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
_REFERENCE = re.compile(r"&(#[xX][0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);")


def _expand(m: re.Match) -> str:
    ref = m.group(1)
    if ref[0] != "#":
        return _PREDEFINED[ref]
    return chr(int(ref[2:], 16) if ref[1] in "xX" else int(ref[1:]))


class RowLimit(Exception):
    def __init__(self, sheet: str) -> None:
        super().__init__(sheet)
        self.sheet = sheet


def _place_row(out: list, idx: int, cells: dict, empty, blank, max_rows: int, sheet_name: str) -> None:  # noqa: ANN001
    """Put row ``idx`` (1-based; ``cells``: column → cell) into ``out``, padding skipped rows with
    empty lists and dropping trailing blank cells; a row past ``max_rows`` refuses the sheet."""
    if not cells:
        return
    line = [empty] * max(cells)
    for k, v in cells.items():
        line[k - 1] = v
    while line and blank(line[-1]):
        line.pop()
    if not line:
        return
    if idx > max_rows:
        raise RowLimit(sheet_name)
    out.extend([] for _ in range(idx - 1 - len(out)))
    out.append(line)
