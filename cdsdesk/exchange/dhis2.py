"""Indicator values in DHIS2's data-value-set CSV layout, both ways.

``dataelement`` is the indicator code, ``period`` a DHIS2 period code (``2024``, ``2024S1``,
``2024Q3``, ``202407``), ``orgunit`` the agency code; the category option combos stay empty
(cdsdesk has no disaggregations); ``value`` uses a decimal point; ``timestamp`` is when the
value was stored. A file naming a code the database does not know is rejected with the list
of those codes, and nothing changes.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.errors import UserError
from ..domain.text import nfc
from ..services.changes import Changes
from ..store.models import Agency, ImportBatch, Indicator, IndicatorValue
from .detect import Probe
from .importer import ImportContext, Importer
from .plan import FilePlan
from .safety import ImportRejected, Limits, read_csv
from .value_rows import ValueRecord, apply_values, format_value, plan_values

HEADER = ["dataelement", "period", "orgunit", "categoryoptioncombo", "attributeoptioncombo", "value",
          "storedby", "timestamp", "comment", "followup"]
_REQUIRED = ("dataelement", "period", "orgunit", "value")
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def export_dhis2_csv(session: Session, path: Path | str, period: str | None = None) -> int:
    """Write every indicator value (of one period when given) as a DHIS2 data-value-set CSV.
    Returns the number of values written."""
    q = (select(Indicator.code, IndicatorValue.period, Agency.code, IndicatorValue.value, IndicatorValue.stored_by,
                IndicatorValue.stored_at, IndicatorValue.comment)
         .join(Indicator, Indicator.id == IndicatorValue.indicator_id)
         .join(Agency, Agency.id == IndicatorValue.agency_id)
         .where(Indicator.deleted_at.is_(None))
         .order_by(Indicator.code, IndicatorValue.period_end, IndicatorValue.period, Agency.code))
    if period:
        from ..domain.periods import Period

        q = q.where(IndicatorValue.period == Period.parse(period).code)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(HEADER)
    n = 0
    for code, per, agency, value, stored_by, stored_at, comment in session.execute(q):
        stamp = stored_at.strftime("%Y-%m-%dT%H:%M:%S.000") if stored_at else ""
        w.writerow([code, per, agency, "", "", format_value(value), stored_by, stamp, comment, "false"])
        n += 1
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    try:
        tmp.write_text(buf.getvalue(), encoding="utf-8", newline="")
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise UserError(f"Không ghi được tệp {path}: {exc.strerror or exc}",
                        f"Cannot write {path}: {exc.strerror or exc}") from None
    return n


def _header(cells: list[str]) -> list[str]:
    return [c.strip().lower().replace("_", "") for c in cells]


def _timestamp(text: str) -> dt.datetime | None:
    t = text.strip()
    if not t:
        return None
    t = re.sub(r"(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$", "", t)
    return dt.datetime.fromisoformat(t)


def _number(text: str) -> float:
    t = text.strip()
    if not _NUMBER.match(t):
        raise ValueError(text)
    v = float(t)
    if v != v or abs(v) == float("inf"):
        raise ValueError(text)
    return v


class Dhis2Importer(Importer):
    kind = "dhis2"
    label_vi = "giá trị chỉ tiêu dạng CSV của DHIS2"
    label_en = "DHIS2 data-value-set CSV"

    def sniff(self, probe: Probe) -> bool:
        head = probe.text_head
        if head is None:
            return False
        first = head.lstrip("\ufeff").split("\n", 1)[0].strip()
        return _header(re.split(r"[,;]", first))[:3] == HEADER[:3]

    def parse(self, probe: Probe, limits: Limits) -> list[ValueRecord]:
        rows = read_csv(probe.data, source=probe.name, limits=limits)
        if not rows:
            raise ImportRejected("tệp rỗng", "the file is empty", source=probe.name)
        header = _header(rows[0])
        missing = [c for c in _REQUIRED if c not in header]
        if missing:
            raise ImportRejected(f"thiếu cột: {', '.join(missing)}", f"missing columns: {', '.join(missing)}",
                                 source=probe.name)
        col = {name: header.index(name) for name in HEADER if name in header}
        out = []
        for line, cells in enumerate(rows[1:], start=2):
            if not any(c.strip() for c in cells):
                continue

            def get(name: str) -> str:
                i = col.get(name)
                return nfc(cells[i]) if i is not None and i < len(cells) else ""

            refs = {name: f"{probe.name}:{line}:{name}" for name in col}
            rec = ValueRecord(line, refs, get("dataelement"), get("orgunit"), get("period"), get("value"),
                              get("comment"))
            if get("categoryoptioncombo") or get("attributeoptioncombo"):
                rec.errors.append((refs["categoryoptioncombo"],
                                   "cdsdesk không có phân tổ (categoryoptioncombo phải để trống)",
                                   "cdsdesk has no disaggregation (categoryoptioncombo must be empty)"))
            try:
                rec.timestamp = _timestamp(get("timestamp"))
            except ValueError:
                rec.errors.append((refs.get("timestamp", ""), f"'{get('timestamp')}' không phải là thời điểm ISO 8601",
                                   f"'{get('timestamp')}' is not an ISO 8601 timestamp"))
            out.append(rec)
        return out

    def plan(self, session: Session, parsed: Any, fp: FilePlan, ctx: ImportContext) -> None:
        plan_values(session, parsed, fp, number=_number, sheet=fp.name)

    def apply(self, session: Session, fp: FilePlan, ctx: ImportContext, batch: ImportBatch) -> Changes:
        return apply_values(session, fp, ctx, batch)
