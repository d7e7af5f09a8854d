"""Indicator values in a CSV as a person types it in Excel: indicator code, agency code, period,
value, note — in UTF-8 with or without BOM or Windows-1258 (normalised to NFC), comma- or
semicolon-separated, with a decimal comma or point.

The header row is optional and may be Vietnamese or English (``Mã chỉ tiêu;Mã cơ quan;Kỳ;Giá
trị;Ghi chú``, ``indicator,agency,period,value,note``); without one the five columns are read in
that order. Periods may be codes (``2024S1``) or as people write them (``6 tháng đầu năm 2024``,
``Quý II/2024``, ``Tháng 7/2024``, ``Năm 2024``); agencies by code or by name.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy.orm import Session

from ..domain.numbers import parse_number
from ..domain.periods import Period
from ..domain.text import fold
from ..services.changes import Changes
from ..store.models import ImportBatch
from .detect import Probe
from .importer import ImportContext, Importer
from .plan import FilePlan
from .safety import ImportRejected, Limits, read_csv
from .value_rows import ValueRecord, apply_values, plan_values

FIELDS = ("indicator", "agency", "period", "value", "note")
_HEADINGS = {
    "indicator": ("ma chi tieu", "chi tieu", "indicator", "indicator code", "ma"),
    "agency": ("ma co quan", "co quan", "don vi", "ma don vi", "agency", "agency code", "orgunit"),
    "period": ("ky", "ky bao cao", "ma ky", "period", "thoi gian"),
    "value": ("gia tri", "value", "so lieu", "ket qua"),
    "note": ("ghi chu", "note", "comment", "ghi chu (neu co)"),
}
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


def heading_field(text: str) -> str | None:
    t = re.sub(r"[^\w ]+", " ", fold(text))
    t = re.sub(r"\s+", " ", t).strip()
    for f, names in _HEADINGS.items():
        if t in names:
            return f
    return None


def parse_period(text: str) -> str:
    """A period code from a code or the way people write one; ``ValueError`` otherwise."""
    t = fold(text)
    m = re.fullmatch(r"(?:quy|q)\s*([ivx]+|[1-4])\s*(?:/|-|nam)?\s*(\d{4})", t)
    if m:
        q = int(m.group(1)) if m.group(1).isdigit() else _ROMAN.get(m.group(1), 0)
        if 1 <= q <= 4:
            return f"{m.group(2)}Q{q}"
    m = re.fullmatch(r"6 thang (dau|cuoi)(?: nam)?\s*(\d{4})", t)
    if m:
        return f"{m.group(2)}S{1 if m.group(1) == 'dau' else 2}"
    m = re.fullmatch(r"(?:thang|t)\s*(\d{1,2})\s*(?:/|-|nam)\s*(\d{4})", t)
    if m and 1 <= int(m.group(1)) <= 12:
        return f"{m.group(2)}{int(m.group(1)):02d}"
    m = re.fullmatch(r"(?:nam|ca nam)\s*(\d{4})", t)
    if m:
        return m.group(1)
    try:
        return Period.parse(text).code
    except Exception:
        raise ValueError(text) from None


class CsvValuesImporter(Importer):
    kind = "csv"
    label_vi = "giá trị chỉ tiêu dạng CSV (mã chỉ tiêu, mã cơ quan, kỳ, giá trị, ghi chú)"
    label_en = "indicator values CSV (indicator, agency, period, value, note)"

    def sniff(self, probe: Probe) -> bool:
        if probe.suffix not in (".csv", ".txt"):
            return False
        head = probe.text_head
        if head is None:
            return False
        first = head.lstrip("\ufeff").split("\n", 1)[0]
        cells = [c.strip().strip('"') for c in re.split(r"[;,]" if ";" not in first else ";", first)]
        if len(cells) < 4:
            return False
        if sum(1 for c in cells if heading_field(c)) >= 3:
            return True
        try:  # no header: a data row whose third column is a period
            parse_period(cells[2])
            return True
        except ValueError:
            return False

    def parse(self, probe: Probe, limits: Limits) -> list[ValueRecord]:
        rows = [r for r in read_csv(probe.data, source=probe.name, limits=limits)]
        if not rows:
            raise ImportRejected("tệp rỗng", "the file is empty", source=probe.name)
        fields = [heading_field(c) for c in rows[0]]
        if sum(1 for f in fields if f) >= 3:
            col = {}
            for i, f in enumerate(fields):
                if f and f not in col:
                    col[f] = i
            missing = [f for f in ("indicator", "agency", "period", "value") if f not in col]
            if missing:
                raise ImportRejected(f"thiếu cột: {', '.join(missing)}", f"missing columns: {', '.join(missing)}",
                                     source=probe.name)
            start = 2
            body = rows[1:]
        else:
            col = {f: i for i, f in enumerate(FIELDS)}
            start = 1
            body = rows
        out = []
        letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
        for line, cells in enumerate(body, start=start):
            if not any(c.strip() for c in cells):
                continue

            def get(f: str) -> str:
                i = col.get(f)
                return cells[i].strip() if i is not None and i < len(cells) else ""

            refs = {f: f"{probe.name}!{letters[i] if i < 26 else i + 1}{line}" for f, i in col.items()}
            refs["comment"] = refs.get("note", "")
            out.append(ValueRecord(line, refs, get("indicator"), get("agency"), get("period"), get("value"),
                                   get("note")))
        return out

    def plan(self, session: Session, parsed: Any, fp: FilePlan, ctx: ImportContext) -> None:
        plan_values(session, parsed, fp, number=parse_number, sheet=fp.name, agency_by_name=True,
                    period_parser=parse_period)

    def apply(self, session: Session, fp: FilePlan, ctx: ImportContext, batch: ImportBatch) -> Changes:
        return apply_values(session, fp, ctx, batch)
