"""Reading a province's own tracking table (the Excel sheet kept before cdsdesk) into typed rows.

No database here: the parser finds the header among the first rows (one or two header lines,
merged cells), recognises the columns by their usual Vietnamese headings, takes group rows such
as ``I. HẠ TẦNG SỐ`` as the area of the rows under them, and reads each task row into a
``LegacyRow`` with the cell each value came from. What it cannot recognise is collected as
``Unknown`` for the mapping step; what it leaves out is listed in ``skipped``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..domain.status import TaskStatus
from ..domain.text import fold, nfc
from . import legacy_vocab as vocab
from .safety import Book, Cell, Sheet
from .values import CellError, text as cell_text

HEADER_SCAN_ROWS = 30


@dataclass
class Mapping:
    """The user's answers in the mapping step, keyed by the folded text as written."""

    headings: dict[str, str] = field(default_factory=dict)  # heading → field (or "ignore")
    statuses: dict[str, str] = field(default_factory=dict)  # status text → status key
    agencies: dict[str, str] = field(default_factory=dict)  # agency_key(name) → agency code ("" = create)
    areas: dict[str, str] = field(default_factory=dict)  # group heading → area code ("" = none)

    @classmethod
    def from_dict(cls, d: dict | None) -> "Mapping":
        d = d or {}
        return cls(**{k: dict(d.get(k) or {}) for k in ("headings", "statuses", "agencies", "areas")})

    def to_dict(self) -> dict:
        return {"headings": self.headings, "statuses": self.statuses, "agencies": self.agencies,
                "areas": self.areas}


@dataclass
class Unknown:
    """Something the mapping step must ask about: a heading, status, agency or group heading."""

    kind: str  # heading | status | agency | area
    text: str
    cells: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        return vocab.agency_key(self.text) if self.kind == "agency" else fold(self.text)


@dataclass
class LegacyRow:
    row: int
    cells: dict[str, str]  # field → cell reference
    stt: str = ""
    code: str = ""
    title: str = ""
    area_code: str | None = None
    group: str = ""
    lead: str = ""
    cooperators: list[str] = field(default_factory=list)
    deadline: dt.date | None = None
    recurring: bool = False
    deadline_text: str = ""
    product: str = ""
    status: TaskStatus | None = None
    status_text: str = ""
    progress: int | None = None
    result: str = ""
    note: str = ""
    errors: list[tuple[str, str, str]] = field(default_factory=list)  # (cell, vi, en)


@dataclass
class LegacyTable:
    sheet: str
    header_rows: tuple[int, ...]
    columns: dict[int, str]  # column → field
    headings: dict[int, str]  # column → heading text
    default_year: int | None
    title: str
    rows: list[LegacyRow] = field(default_factory=list)
    unknowns: list[Unknown] = field(default_factory=list)
    skipped: list[tuple[str, str, str]] = field(default_factory=list)  # (where, vi, en)

    def unknown(self, kind: str, text: str, cell: str) -> None:
        key = vocab.agency_key(text) if kind == "agency" else fold(text)
        for u in self.unknowns:
            if u.kind == kind and u.key == key:
                u.cells.append(cell)
                return
        self.unknowns.append(Unknown(kind, text, [cell]))


def _raw_text(cell: Cell) -> str:
    if cell.is_formula or cell.value is None:
        return ""
    return nfc(str(cell.value)) if not isinstance(cell.value, (dt.date, dt.datetime)) else ""


def _row_fields(sheet: Sheet, r: int, mapping: Mapping) -> dict[int, tuple[str, str]]:
    out: dict[int, tuple[str, str]] = {}
    row = sheet.rows[r - 1] if 0 < r <= len(sheet.rows) else []
    for c, cell in enumerate(row, start=1):
        t = _raw_text(cell)
        if not t:
            continue
        f = mapping.headings.get(fold(t)) or vocab.heading_field(t)
        if f:
            out[c] = (f, t)
    return out


def find_header(sheet: Sheet, mapping: Mapping | None = None) -> tuple[int, dict[int, tuple[str, str]]] | None:
    """(header row, column → (field, heading)) of the best header line among the first rows."""
    mapping = mapping or Mapping()
    best: tuple[int, int, dict] | None = None
    for r in range(1, min(HEADER_SCAN_ROWS, sheet.max_row) + 1):
        fields = _row_fields(sheet, r, mapping)
        kinds = {f for f, _ in fields.values()}
        if "title" not in kinds or len(kinds) < 3:
            continue
        score = len(kinds)
        if best is None or score > best[1]:
            best = (r, score, fields)
    return (best[0], best[2]) if best else None


def _is_numbering_row(cells: list[Cell]) -> bool:
    vals = [_raw_text(c) or (str(int(c.value)) if isinstance(c.value, (int, float)) and not isinstance(c.value, bool)
                             and float(c.value).is_integer() else "") for c in cells if not c.empty]
    return len(vals) >= 3 and all(re.fullmatch(r"\(?\d{1,2}\)?", v) for v in vals)


def _resolve_columns(first: dict[int, tuple[str, str]], second: dict[int, tuple[str, str]]) -> dict[int, tuple[str, str]]:
    cols = dict(first)
    cols.update(second)  # a sub-heading says more than the heading above it
    status_cols = [c for c, (f, _) in cols.items() if f == "status"]
    if len(status_cols) > 1:
        def rank(c: int) -> int:
            t = fold(cols[c][1])
            return 0 if "trang thai" in t else 1 if "tinh hinh" in t or "muc do" in t else 2
        keep = min(status_cols, key=lambda c: (rank(c), c))
        for c in status_cols:
            if c != keep:
                cols[c] = ("result", cols[c][1])
    # Only the first column of each field counts (a second "Ghi chú" is ignored, and listed).
    seen: set[str] = set()
    for c in sorted(cols):
        f = cols[c][0]
        if f in seen and f != "ignore":
            cols[c] = ("ignore", cols[c][1])
        seen.add(f)
    return cols


def parse_sheet(sheet: Sheet, mapping: Mapping | None = None, *, default_year: int | None = None) -> LegacyTable | None:
    """The table in one sheet, or None when no header row is found in its first rows."""
    mapping = mapping or Mapping()
    found = find_header(sheet, mapping)
    if found is None:
        return None
    hr, first = found
    second = _row_fields(sheet, hr + 1, mapping)
    header_rows: tuple[int, ...] = (hr,)
    title_cols = [c for c, (f, _) in first.items() if f == "title"]
    second_is_header = bool(second) and all(
        sheet.cell(hr + 1, c).empty or c in second for c in title_cols
    )
    cols = _resolve_columns(first, second if second_is_header else {})
    if second_is_header:
        header_rows = (hr, hr + 1)
    # Headings nobody recognised.
    heading_text: dict[int, str] = {c: t for c, (_, t) in cols.items()}
    table_title = ""
    year = default_year
    for r in range(1, hr):
        for c in sheet.rows[r - 1]:
            t = _raw_text(c)
            m = re.search(r"\bnam (\d{4})\b", fold(t))
            if m and year is None:
                year = int(m.group(1))
            if t and len(t) > len(table_title) and fold(t).startswith(("bang", "tong hop", "theo doi", "danh muc", "ke hoach")):
                table_title = t
    table = LegacyTable(sheet=sheet.name, header_rows=header_rows,
                        columns={c: f for c, (f, _) in cols.items()}, headings=heading_text,
                        default_year=year, title=table_title)
    for r in header_rows:
        for c, cell in enumerate(sheet.rows[r - 1] if r <= sheet.max_row else [], start=1):
            t = _raw_text(cell)
            if t and c not in cols and not any(c == k for k in cols):
                table.unknown("heading", t, sheet.ref(r, c))
                table.skipped.append((sheet.ref(r, c), f"cột '{t}' không nhận ra, bỏ qua",
                                      f"column '{t}' not recognised, skipped"))
    for c, (f, t) in cols.items():
        if f == "ignore":
            table.skipped.append((sheet.ref(header_rows[0], c), f"cột '{t}' bỏ qua", f"column '{t}' skipped"))
    if "title" not in table.columns.values():
        return table
    _read_rows(sheet, table, header_rows[-1] + 1, mapping)
    return table


def _read_rows(sheet: Sheet, table: LegacyTable, start: int, mapping: Mapping) -> None:
    by_field = {f: c for c, f in table.columns.items() if f != "ignore"}
    area: str | None = None
    group = ""
    group_cell = ""
    for r in range(start, sheet.max_row + 1):
        cells = sheet.rows[r - 1]
        if not any(not c.empty or c.is_formula for c in cells):
            continue
        if r == start and _is_numbering_row(cells):
            table.skipped.append((f"{sheet.name}!{r}", "dòng đánh số cột (1), (2)…, bỏ qua",
                                  "column-numbering row (1), (2)…, skipped"))
            continue

        def get(f: str) -> Cell:
            c = by_field.get(f)
            return sheet.cell(r, c) if c else Cell(None)

        texts = {f: _raw_text(get(f)) for f in by_field}
        stt = texts.get("stt", "") or (str(get("stt").value) if get("stt").value is not None else "")
        title = texts.get("title", "")
        others = [f for f in ("lead", "cooperators", "deadline", "status", "product") if not get(f).empty]
        filled = [nfc(str(c.value)) for c in cells if not c.empty and not c.is_formula]
        # A group row: roman numbering, or a lone heading line across the table.
        if not others and (vocab.roman_or_letter(stt) or (len(filled) <= 2 and (title or filled) and
                                                           (title or filled[-1]).isupper())):
            text = " ".join(x for x in ([stt] if stt and vocab.roman_or_letter(stt) else []) + [title or filled[-1]])
            group = title or filled[-1]
            group_cell = sheet.ref(r, by_field.get("title", 1) if title else 1)
            mapped = mapping.areas.get(fold(group))
            area = mapped if mapped is not None else vocab.area_code(text)
            area = area or None
            if area is None and fold(group) not in mapping.areas:
                table.unknown("area", group, sheet.ref(r, by_field.get("title", 1)))
            continue
        if fold(title).startswith(("tong cong", "tong so", "cong")) and not others:
            table.skipped.append((f"{sheet.name}!{r}", f"dòng tổng '{title}', bỏ qua", f"total row '{title}', skipped"))
            continue
        if not title and not get("title").is_formula:
            table.skipped.append((f"{sheet.name}!{r}", "dòng không có nội dung nhiệm vụ, bỏ qua",
                                  "row without a task title, skipped"))
            continue
        row = LegacyRow(row=r, cells={f: sheet.ref(r, c) for f, c in by_field.items()}, stt=stt,
                        title=title, area_code=area, group=group)
        if group_cell:
            row.cells["area"] = group_cell
        _read_task(sheet, table, row, get, mapping)
        table.rows.append(row)


def _read_task(sheet: Sheet, table: LegacyTable, row: LegacyRow, get, mapping: Mapping) -> None:  # noqa: ANN001
    def txt(f: str) -> str:
        try:
            return cell_text(get(f))
        except CellError as e:
            row.errors.append((row.cells.get(f, ""), e.vi, e.en))
            return ""

    row.code = txt("code")
    row.title = txt("title")
    row.lead = txt("lead")
    row.cooperators = vocab.split_agencies(txt("cooperators"))
    row.product = txt("product")
    row.result = txt("result")
    row.note = txt("note")
    d = get("deadline")
    if d.is_formula:
        txt("deadline")
    else:
        row.deadline_text = txt("deadline")
        try:
            row.deadline, row.recurring = vocab.parse_deadline(
                d.value if not isinstance(d.value, str) else nfc(d.value), default_year=table.default_year)
        except CellError as e:
            row.errors.append((row.cells.get("deadline", ""), e.vi, e.en))
    row.status_text = txt("status")
    if row.status_text:
        mapped = mapping.statuses.get(fold(row.status_text))
        st = TaskStatus(mapped) if mapped else vocab.status_key(row.status_text)
        if st is None:
            table.unknown("status", row.status_text, row.cells["status"])
            choices = "; ".join(s.label_vi for s in TaskStatus)
            row.errors.append((row.cells["status"],
                               f"'{row.status_text}' không nhận ra là trạng thái; chọn trong bước đối chiếu "
                               f"một trong: {choices}",
                               f"'{row.status_text}' is not a recognised status; map it to one of: "
                               + "; ".join(s.label_en for s in TaskStatus)))
        row.status = st
        # A long status text ("Đã hoàn thành. Kế hoạch số 28…") is also the result.
        if st is not None and not row.result and vocab._clean(row.status_text) not in vocab._STATUS_EXACT:
            row.result = row.status_text
    p = get("progress")
    if not p.empty:
        from .values import number

        try:
            v = number(p, low=0, high=100)
            row.progress = int(round(v)) if v is not None else None
        except CellError as e:
            row.errors.append((row.cells.get("progress", ""), e.vi, e.en))


def parse_book(book: Book, mapping: Mapping | None = None, *, default_year: int | None = None) -> LegacyTable | None:
    """The first visible sheet holding a recognisable tracking table."""
    for sheet in book.sheets.values():
        if sheet.state != "visible":
            continue
        table = parse_sheet(sheet, mapping, default_year=default_year)
        if table is not None:
            return table
    return None
