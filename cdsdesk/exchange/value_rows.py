"""Indicator values from a flat file (DHIS2 data values, a typed CSV): plan them against the
database and write them through the indicators service. Shared by ``dhis2`` and ``csv_values``.

A value the database holds for the same indicator, agency and period is ``changed`` when the file
says otherwise, and a ``conflict`` when the database's value was stored after the file's row
(the DHIS2 ``timestamp``) and differs. Comments are never overwritten: a different comment is
appended to the one already there.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.errors import UserError
from ..domain.numbers import format_number
from ..domain.periods import Period
from ..domain.text import fold
from ..services.changes import Changes
from ..services.indicators import set_value, validate_value
from ..store.models import Agency, ImportBatch, Indicator, IndicatorValue
from .importer import ImportContext
from .plan import FieldChange, FilePlan, PlanRow, RowStatus


@dataclass
class ValueRecord:
    line: int
    cells: dict[str, str]  # field → "file:line:column" reference
    indicator: str
    agency: str
    period: str
    value: str
    comment: str = ""
    timestamp: dt.datetime | None = None
    errors: list[tuple[str, str, str]] = field(default_factory=list)  # (cell, vi, en)


def _merge_comment(old: str, new: str) -> str:
    if not new or new == old or new in old.split("\n"):
        return old
    return f"{old}\n{new}" if old else new


def plan_values(session: Session, records: list[ValueRecord], fp: FilePlan, *,
                number: Callable[[str], float], sheet: str, agency_by_name: bool = False,
                period_parser: Callable[[str], str] | None = None) -> None:
    """Fill ``fp.rows`` for the records; unknown codes reject the file with the list of them."""
    indicators = {i.code: i for i in session.scalars(select(Indicator).where(Indicator.deleted_at.is_(None)))}
    agencies = {a.code: a for a in session.scalars(select(Agency))}
    by_fold = {fold(c): a for c, a in agencies.items()}
    by_name = {a.name_fold or fold(a.name): a for a in agencies.values()} if agency_by_name else {}
    unknown_ind: list[str] = []
    unknown_ag: list[str] = []
    seen: dict[tuple[int, int, str], int] = {}
    for rec in records:
        row = PlanRow("indicator_value", f"{rec.indicator} · {rec.agency} · {rec.period}", sheet=sheet, row=rec.line)
        for cell, vi, en in rec.errors:
            row.error(vi, en, cell)
        ind = indicators.get(rec.indicator)
        ag = agencies.get(rec.agency) or by_fold.get(fold(rec.agency)) or by_name.get(fold(rec.agency))
        if ind is None and rec.indicator not in unknown_ind:
            unknown_ind.append(rec.indicator)
        if ag is None and rec.agency not in unknown_ag:
            unknown_ag.append(rec.agency)
        try:
            period = (period_parser or (lambda p: Period.parse(p).code))(rec.period)
        except (UserError, ValueError):
            row.error(f"'{rec.period}' không phải là mã kỳ hợp lệ (ví dụ: 2024, 2024S1, 2024Q3, 202407)",
                      f"'{rec.period}' is not a valid period code (e.g. 2024, 2024S1, 2024Q3, 202407)",
                      rec.cells["period"])
            period = None
        try:
            value = number(rec.value)
        except ValueError:
            row.error(f"'{rec.value}' không phải là số", f"'{rec.value}' is not a number", rec.cells["value"])
            value = None
        if ind is not None and value is not None:
            try:
                value = validate_value(ind, value)
            except UserError as exc:
                row.error(exc.vi, exc.en, rec.cells["value"])
        if ind is None or ag is None or period is None or value is None or row.errors:
            row.status = RowStatus.ERROR if row.errors else row.status
            if row.errors:
                fp.rows.append(row)
            continue
        row.label = ind.name
        row.key = f"{ind.code} · {ag.code} · {period}"
        key = (ind.id, ag.id, period)
        if key in seen:
            row.error(f"trùng với dòng {seen[key]} (cùng chỉ tiêu, cơ quan, kỳ)",
                      f"duplicates line {seen[key]} (same indicator, agency, period)", rec.cells["value"])
            fp.rows.append(row)
            continue
        seen[key] = rec.line
        local = session.scalar(select(IndicatorValue).where(
            IndicatorValue.indicator_id == ind.id, IndicatorValue.agency_id == ag.id, IndicatorValue.period == period))
        row.data = {"indicator_id": ind.id, "agency_id": ag.id, "period": period, "value": value,
                    "comment": rec.comment}
        if local is None:
            row.changes.append(FieldChange("value", "Giá trị", "Value", None, value, rec.cells["value"]))
            if rec.comment:
                row.changes.append(FieldChange("comment", "Ghi chú", "Comment", None, rec.comment,
                                               rec.cells.get("comment", "")))
            row.settle(new=True)
        else:
            later = rec.timestamp is not None and local.stored_at is not None and local.stored_at > rec.timestamp
            if abs(local.value - value) > 1e-9:
                row.changes.append(FieldChange("value", "Giá trị", "Value", local.value, value, rec.cells["value"],
                                               conflict=later))
            merged = _merge_comment(local.comment, rec.comment)
            if merged != local.comment:
                row.changes.append(FieldChange("comment", "Ghi chú", "Comment", local.comment, merged,
                                               rec.cells.get("comment", "")))
            row.settle()
        fp.rows.append(row)
    if unknown_ind or unknown_ag:
        parts_vi, parts_en = [], []
        if unknown_ind:
            parts_vi.append("chỉ tiêu " + ", ".join(unknown_ind))
            parts_en.append("indicators " + ", ".join(unknown_ind))
        if unknown_ag:
            parts_vi.append("cơ quan " + ", ".join(unknown_ag))
            parts_en.append("agencies " + ", ".join(unknown_ag))
        fp.reject("tệp có mã không có trong cơ sở dữ liệu: " + "; ".join(parts_vi) + "; không nhập gì",
                  "the file holds codes this database does not know: " + "; ".join(parts_en) + "; nothing imported")
    if not records:
        fp.reject("tệp không có dòng giá trị nào", "the file holds no value rows")


def apply_values(session: Session, fp: FilePlan, ctx: ImportContext, batch: ImportBatch) -> Changes:
    changes = Changes(audit=True)
    for row in fp.rows:
        wanted = row.to_apply()
        if not wanted:
            continue
        d = row.data
        value = wanted.get("value", d["value"] if row.status == RowStatus.NEW else None)
        if value is None:
            value = session.scalar(select(IndicatorValue.value).where(
                IndicatorValue.indicator_id == d["indicator_id"], IndicatorValue.agency_id == d["agency_id"],
                IndicatorValue.period == d["period"]))
        set_value(session, d["indicator_id"], d["agency_id"], d["period"], value, comment=wanted.get("comment"),
                  who=ctx.who, batch_id=batch.id, source=ctx.source)
        changes.indicators.add(d["indicator_id"])
    return changes


def format_value(v: float) -> str:
    """A value as DHIS2 writes it: a decimal point, no grouping, no needless ``.0``."""
    if float(v).is_integer():
        return str(int(v))
    return repr(float(v))


__all__ = ["ValueRecord", "plan_values", "apply_values", "format_value", "format_number"]
