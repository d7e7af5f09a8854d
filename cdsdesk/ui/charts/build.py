"""Chart data from the database: the same functions feed the app's charts and the report's PNGs,
so both show the same numbers drawn the same way. No Qt here (the report imports this module
before any QApplication exists); pass the results to ``render.render_png`` or a ``ChartPanel``.

    with db.session() as s:
        data = build.indicator_series(s, indicator_id, as_of=day)
    render_png("indicator_series", data, out / "chi-tieu.png")
"""

from __future__ import annotations

import datetime as dt
from typing import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain.numbers import format_number
from ...domain.periods import Period
from ...domain.rules import classify_target
from ...domain.text import sort_key
from ...services import dashboard_queries, queries
from ...services import indicators as indicator_service
from ...store.models import Indicator, Target
from .data import (STATUS_ORDER, AgencyComparison, CompletionByPlan, IndicatorSeries, SeriesPoint, StatusByAgency,
                   scope_text)

#: The stacked bar shows the agencies with most tasks; the others are named in the subtitle.
TOP_AGENCIES = 12
#: The dashboard draws the newest plans (the report lists every plan in its tables).
TOP_PLANS = 6


def status_by_agency_from(
    rows: Sequence[queries.AgencyCounts], *, top: int = TOP_AGENCIES, subtitle: str = "", lang: str = "vi"
) -> StatusByAgency:
    """The agencies with most tasks, stacked by status; the rest summed up in the subtitle."""
    ordered = sorted(rows, key=lambda r: (-r.counts["total"], sort_key(r.name)))
    shown, rest = ordered[:top], ordered[top:]
    title = "Tasks by lead agency" if lang == "en" else "Nhiệm vụ theo cơ quan chủ trì"
    if rest:
        # Named, not drawn: one long "others" bar would flatten every other bar.
        if lang == "en":
            title += f" ({len(shown)} agencies with most tasks)"
            subtitle += f"; {len(rest)} other agencies: {format_number(sum(r.counts['total'] for r in rest))} tasks"
        else:
            title += f" ({len(shown)} cơ quan nhiều nhiệm vụ nhất)"
            subtitle += f"; {len(rest)} cơ quan khác: {format_number(sum(r.counts['total'] for r in rest))} nhiệm vụ"
    return StatusByAgency(
        agencies=[r.name for r in shown],
        counts={k: [r.counts.get(k, 0) for r in shown] for k in STATUS_ORDER},
        overdue=[r.counts.get("overdue", 0) for r in shown],
        title=title,
        subtitle=subtitle.lstrip("; "),
    )


def completion_by_plan_from(rows: Sequence[queries.PlanCounts], *, subtitle: str = "", lang: str = "vi",
                            top: int = TOP_PLANS) -> CompletionByPlan:
    """The plans with tasks, newest first; beyond ``top`` the older ones are named in the
    subtitle, not drawn (a bar with its two-line name needs room a dashboard pane does not have
    for a province's twelve plans)."""
    rows = [p for p in rows if p.counts["total"]]
    rows, rest = list(rows[:top]), rows[top:]
    if rest:
        n = format_number(len(rest))
        subtitle += (f"; {n} older plans not shown" if lang == "en" else f"; {n} kế hoạch cũ hơn không hiển thị")
    return CompletionByPlan(
        plans=[p.name for p in rows],
        completed=[p.counts["completed"] for p in rows],
        total=[p.counts["total"] for p in rows],
        title="Completion by plan" if lang == "en" else "Tỷ lệ hoàn thành theo kế hoạch",
        subtitle=subtitle,
    )


def status_by_agency(
    session: Session, *, as_of: dt.date, period: Period | None = None, plan_id: int | None = None,
    agency_id: int | None = None, top: int = TOP_AGENCIES, lang: str = "vi",
) -> StatusByAgency:
    s = dashboard_queries.dashboard_summary(session, as_of=as_of, plan_id=plan_id, agency_id=agency_id)
    return status_by_agency_from(s.by_agency, top=top, subtitle=scope_text(period, as_of, lang), lang=lang)


def completion_by_plan(
    session: Session, *, as_of: dt.date, period: Period | None = None, plan_id: int | None = None,
    agency_id: int | None = None, lang: str = "vi",
) -> CompletionByPlan:
    s = dashboard_queries.dashboard_summary(session, as_of=as_of, plan_id=plan_id, agency_id=agency_id)
    return completion_by_plan_from(s.by_plan, subtitle=scope_text(period, as_of, lang), lang=lang)


def indicator_series(session: Session, indicator_id: int, *, as_of: dt.date | None = None, lang: str = "vi") -> IndicatorSeries:
    """The province's values over periods with its target, baseline, class and the trend line
    the class rests on, read from the baseline (or first value) to the target date."""
    indicator = session.get(Indicator, indicator_id)
    pts = indicator_service.series(session, indicator_id, None, as_of=as_of)
    target = session.scalar(select(Target).where(Target.indicator_id == indicator_id, Target.agency_id.is_(None))
                            .order_by(Target.id).limit(1))
    klass = projection = baseline = None
    if target is not None:
        # The same rule as ``indicator_service.classify``, on the series already read.
        c = classify_target(
            values=[(p.end, p.value) for p in pts], target_value=target.target_value,
            target_date=target.target_date, direction=indicator.direction,
            baseline=indicator_service.baseline_point(target), as_of=as_of or dt.date.today())
        klass = c.klass.value
        bp = indicator_service.baseline_point(target)
        if bp is not None:
            baseline = SeriesPoint(Period.parse(target.baseline_period).label(lang), bp[0], bp[1])
        if c.trend is not None:
            start = bp[0] if bp is not None else (pts[0].end if pts else target.target_date)
            projection = [(start, c.trend.at(start)), (target.target_date, c.trend.at(target.target_date))]
    return IndicatorSeries(
        name=indicator.name,
        unit=indicator.unit,
        points=[SeriesPoint(Period.parse(p.period).label(lang), p.end, p.value) for p in pts],
        target_value=target.target_value if target else None,
        target_date=target.target_date if target else None,
        baseline=baseline,
        projection=projection,
        target_class=klass,
        title=f"{indicator.code} — {indicator.name}",
    )


def agency_comparison(session: Session, indicator_id: int, period: str, *, lang: str = "vi") -> AgencyComparison:
    """Each agency's value for one period, against the province-wide target."""
    indicator = session.get(Indicator, indicator_id)
    pairs = indicator_service.agency_values(session, indicator_id, period)
    target = session.scalar(select(Target.target_value).where(Target.indicator_id == indicator_id, Target.agency_id.is_(None)))
    return AgencyComparison(
        indicator=indicator.name,
        period_label=Period.parse(period).label(lang),
        agencies=[a.short_name or a.name for a, _ in pairs],
        values=[v for _, v in pairs],
        unit=indicator.unit,
        target_value=target,
        title=f"{indicator.code} — {indicator.name}",
    )
