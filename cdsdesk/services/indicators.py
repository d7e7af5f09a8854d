"""Indicators, targets and values: validated entry, series, and the class of each target."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from ..domain.errors import ConflictError, ValidationError
from ..domain.numbers import format_number, parse_number
from ..domain.periods import Period
from ..domain.rules import Classification, classify_target
from ..domain.status import Aggregation, Direction, TargetClass, ValueType
from ..domain.text import nfc
from ..store.errors import WriteConflictError
from ..store.models import Agency, Indicator, IndicatorValue, Target, utcnow
from . import audit, current_user
from .lookup import province


def validate_value(indicator: Indicator, raw: Any) -> float:
    """The number a typed value stands for, or a ValidationError saying why it cannot be held."""
    try:
        value = parse_number(raw)
    except ValueError:
        raise ValidationError(
            f"'{raw}' không phải là số (dùng dấu phẩy cho phần thập phân, ví dụ 42,5)",
            f"'{raw}' is not a number (use a decimal comma or point, e.g. 42,5)",
        ) from None
    vt = ValueType(indicator.value_type)
    if vt is ValueType.PERCENT and not 0 <= value <= 100:
        raise ValidationError(
            f"Tỷ lệ phần trăm phải từ 0 đến 100, không phải {format_number(value)}",
            f"A percentage must be between 0 and 100, not {value:g}",
        )
    if vt is ValueType.COUNT and (value < 0 or not float(value).is_integer()):
        raise ValidationError(
            f"Số lượng phải là số nguyên không âm, không phải {format_number(value)}",
            f"A count must be a whole number, not {value:g}",
        )
    return value


def create_indicator(session: Session, fields: dict[str, Any], *, who: str | None = None,
                     uuid: str | None = None) -> Indicator:
    fields = dict(fields)
    for k in ("code", "name", "unit", "data_source"):
        if k in fields:
            fields[k] = nfc(fields[k])
    ValueType(fields.get("value_type", "percent"))
    Direction(fields.get("direction", "higher"))
    Aggregation(fields.get("aggregation", "none"))
    if session.scalar(select(Indicator.id).where(Indicator.code == fields["code"])) is not None:
        raise ValidationError(f"Mã chỉ tiêu '{fields['code']}' đã tồn tại",
                              f"Indicator code '{fields['code']}' already exists")
    ind = Indicator(**fields)
    if uuid:
        ind.uuid = uuid
    session.add(ind)
    session.flush()
    audit.log(session, entity="indicator", uuid=ind.uuid, label=ind.code, action="create", new=ind.name, who=who)
    return ind


def create_target(session: Session, indicator_id: int, *, target_value: float, target_date: dt.date,
                  agency_id: int | None = None, baseline_value: float | None = None,
                  baseline_period: str | None = None, note: str = "", who: str | None = None) -> Target:
    ind = session.get(Indicator, indicator_id)
    target_value = validate_value(ind, target_value)
    if baseline_period:
        Period.parse(baseline_period)
    t = Target(indicator_id=indicator_id, agency_id=agency_id, target_value=target_value,
               target_date=target_date, baseline_value=baseline_value, baseline_period=baseline_period,
               note=nfc(note))
    session.add(t)
    session.flush()
    audit.log(session, entity="target", uuid=t.uuid, label=ind.code, action="create",
              new=target_value, who=who)
    return t


@dataclass(frozen=True)
class ValueChange:
    """What ``set_value`` did, with what undo needs."""

    value_id: int
    indicator_id: int
    agency_id: int
    period: str
    old_value: float | None  # None: the value did not exist before
    old_comment: str | None
    new_value: float | None
    created: bool
    changed: bool


def set_value(
    session: Session,
    indicator_id: int,
    agency_id: int,
    period: str,
    value: Any,
    *,
    comment: str | None = None,
    who: str | None = None,
    batch_id: int | None = None,
    source: str = "manual",
    expected_revision: int | None = None,
) -> ValueChange:
    """Store (create or replace) the value of an indicator for an agency and a period."""
    who = who or current_user()
    ind = session.get(Indicator, indicator_id)
    if ind is None:
        raise ValidationError(f"Không tìm thấy chỉ tiêu #{indicator_id}", f"Indicator #{indicator_id} not found")
    p = Period.parse(period)
    number = validate_value(ind, value)
    row = session.scalar(
        select(IndicatorValue).where(
            IndicatorValue.indicator_id == indicator_id,
            IndicatorValue.agency_id == agency_id,
            IndicatorValue.period == p.code,
        )
    )
    label = f"{ind.code}/{p.code}"
    if row is None:
        row = IndicatorValue(indicator_id=indicator_id, agency_id=agency_id, period=p.code,
                             period_end=p.end, value=number, comment=nfc(comment or ""),
                             stored_by=who, batch_id=batch_id)
        session.add(row)
        session.flush()
        audit.log(session, entity="indicator_value", uuid=row.uuid, label=label, action="create",
                  field="value", new=number, who=who, batch_id=batch_id, source=source)
        return ValueChange(row.id, indicator_id, agency_id, p.code, None, None, number, True, True)
    if expected_revision is not None and row.revision != expected_revision:
        raise ConflictError(
            f"Giá trị {label} vừa được người khác thay đổi; hãy tải lại.",
            f"The value {label} was changed by someone else; reload.",
        )
    old_value, old_comment = row.value, row.comment
    changed = False
    if row.value != number:
        audit.log(session, entity="indicator_value", uuid=row.uuid, label=label, field="value",
                  old=row.value, new=number, who=who, batch_id=batch_id, source=source)
        row.value = number
        changed = True
    if comment is not None and nfc(comment) != row.comment:
        audit.log(session, entity="indicator_value", uuid=row.uuid, label=label, field="comment",
                  old=row.comment, new=nfc(comment), who=who, batch_id=batch_id, source=source)
        row.comment = nfc(comment)
        changed = True
    if changed:
        row.revision += 1
        row.stored_by, row.stored_at = who, utcnow()
        if batch_id is not None:
            row.batch_id = batch_id
        try:  # conditional on the revision read (IndicatorValue.revision is the version column)
            session.flush()
        except (StaleDataError, WriteConflictError) as exc:
            raise ConflictError(
                f"Giá trị {label} vừa được người khác thay đổi trong lúc bạn lưu; thay đổi của bạn chưa"
                " được ghi. Hãy tải lại.",
                f"The value {label} was changed by someone else while you were saving it; your change"
                " was not written. Reload.",
            ) from exc
    return ValueChange(row.id, indicator_id, agency_id, p.code, old_value, old_comment, number, False, changed)


def delete_value(session: Session, indicator_id: int, agency_id: int, period: str, *,
                 who: str | None = None, batch_id: int | None = None, source: str = "manual") -> float | None:
    """Remove a value (undo of its creation). Returns the value removed."""
    row = session.scalar(select(IndicatorValue).where(
        IndicatorValue.indicator_id == indicator_id, IndicatorValue.agency_id == agency_id,
        IndicatorValue.period == Period.parse(period).code))
    if row is None:
        return None
    ind = session.get(Indicator, indicator_id)
    audit.log(session, entity="indicator_value", uuid=row.uuid, label=f"{ind.code}/{row.period}",
              action="delete", field="value", old=row.value, who=who, batch_id=batch_id, source=source)
    old = row.value
    session.delete(row)
    return old


def _aggregate(agg: Aggregation, values: list[float]) -> float | None:
    if not values:
        return None
    if agg is Aggregation.SUM:
        return sum(values)
    if agg is Aggregation.MEAN:
        return sum(values) / len(values)
    if agg is Aggregation.MAX:
        return max(values)
    if agg is Aggregation.MIN:
        return min(values)
    return None


@dataclass(frozen=True)
class SeriesPoint:
    period: str
    end: dt.date
    value: float


def series(session: Session, indicator_id: int, agency_id: int | None = None,
           *, as_of: dt.date | None = None, kind: str | None = None) -> list[SeriesPoint]:
    """Values of an indicator over periods, oldest first. ``agency_id`` None means the province:
    its own stored values, or, for periods without one, the agencies' values added up by the
    indicator's aggregation rule."""
    ind = session.get(Indicator, indicator_id)
    prov = province(session)
    target_agency = agency_id if agency_id is not None else (prov.id if prov else None)
    q = select(IndicatorValue.period, IndicatorValue.period_end, IndicatorValue.value).where(
        IndicatorValue.indicator_id == indicator_id, IndicatorValue.agency_id == target_agency)
    if as_of is not None:
        q = q.where(IndicatorValue.period_end <= as_of)
    points = {p: SeriesPoint(p, e, v) for p, e, v in session.execute(q)}
    agg = Aggregation(ind.aggregation)
    if agency_id is None and agg is not Aggregation.NONE:
        fn = {Aggregation.SUM: func.sum, Aggregation.MEAN: func.avg, Aggregation.MAX: func.max,
              Aggregation.MIN: func.min}[agg]
        q2 = select(IndicatorValue.period, IndicatorValue.period_end, fn(IndicatorValue.value)).where(
            IndicatorValue.indicator_id == indicator_id)
        if target_agency is not None:
            q2 = q2.where(IndicatorValue.agency_id != target_agency)
        if as_of is not None:
            q2 = q2.where(IndicatorValue.period_end <= as_of)
        for p, e, v in session.execute(q2.group_by(IndicatorValue.period, IndicatorValue.period_end)):
            if p not in points and v is not None:
                points[p] = SeriesPoint(p, e, float(v))
    out = sorted(points.values(), key=lambda s: Period.parse(s.period).sort_key)
    if kind:
        out = [s for s in out if Period.parse(s.period).kind == kind]
    return out


def agency_values(session: Session, indicator_id: int, period: str) -> list[tuple[Agency, float]]:
    """Each agency's value for one period (for the comparison chart), highest first."""
    rows = session.execute(
        select(Agency, IndicatorValue.value)
        .join(IndicatorValue, IndicatorValue.agency_id == Agency.id)
        .where(IndicatorValue.indicator_id == indicator_id, IndicatorValue.period == Period.parse(period).code,
               Agency.kind != "province")
        .order_by(IndicatorValue.value.desc())
    ).all()
    return [(a, v) for a, v in rows]


def baseline_point(target: Target) -> tuple[dt.date, float] | None:
    if target.baseline_value is None or not target.baseline_period:
        return None
    return (Period.parse(target.baseline_period).end, target.baseline_value)


def classify(session: Session, target: Target, *, as_of: dt.date | None = None) -> Classification:
    ind = target.indicator
    pts = series(session, ind.id, target.agency_id, as_of=as_of)
    return classify_target(
        values=[(p.end, p.value) for p in pts],
        target_value=target.target_value,
        target_date=target.target_date,
        direction=ind.direction,
        baseline=baseline_point(target),
        as_of=as_of or dt.date.today(),
    )


@dataclass
class IndicatorRow:
    indicator_id: int
    code: str
    name: str
    unit: str
    value_type: str
    plan_code: str
    latest_period: str | None
    latest_value: float | None
    previous_value: float | None
    target_id: int | None
    target_value: float | None
    target_date: dt.date | None
    baseline_value: float | None
    baseline_period: str | None
    klass: str | None  # TargetClass value
    projected: float | None
    extra: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {
            "code": self.code,
            "name": self.name,
            "unit": self.unit,
            "plan": self.plan_code,
            "latest_period": self.latest_period,
            "latest_value": self.latest_value,
            "previous_value": self.previous_value,
            "target": self.target_value,
            "target_date": self.target_date.isoformat() if self.target_date else None,
            "baseline": self.baseline_value,
            "baseline_period": self.baseline_period,
            "class": self.klass,
            "projected": round(self.projected, 2) if self.projected is not None else None,
        }


def overview(session: Session, *, plan_id: int | None = None, as_of: dt.date | None = None) -> list[IndicatorRow]:
    """Each indicator with its latest province value, its province-wide target and the class."""
    q = select(Indicator).where(Indicator.deleted_at.is_(None)).order_by(Indicator.sort_order, Indicator.code)
    if plan_id is not None:
        q = q.where(Indicator.plan_id == plan_id)
    out = []
    for ind in session.scalars(q):
        target = next((t for t in ind.targets if t.agency_id is None), None)
        pts = series(session, ind.id, None, as_of=as_of)
        latest = pts[-1] if pts else None
        previous = pts[-2] if len(pts) > 1 else None
        klass = projected = None
        if target is not None:
            c = classify_target(
                values=[(p.end, p.value) for p in pts], target_value=target.target_value,
                target_date=target.target_date, direction=ind.direction,
                baseline=baseline_point(target), as_of=as_of or dt.date.today())
            klass, projected = c.klass.value, c.projected
        out.append(IndicatorRow(
            ind.id, ind.code, ind.name, ind.unit, ind.value_type, ind.plan.code if ind.plan else "",
            latest.period if latest else None, latest.value if latest else None,
            previous.value if previous else None,
            target.id if target else None, target.target_value if target else None,
            target.target_date if target else None, target.baseline_value if target else None,
            target.baseline_period if target else None, klass, projected))
    return out


def class_counts(rows: list[IndicatorRow]) -> dict[str, int]:
    counts = {k.value: 0 for k in TargetClass}
    for r in rows:
        if r.klass:
            counts[r.klass] += 1
    counts["total"] = sum(counts.values())
    return counts
