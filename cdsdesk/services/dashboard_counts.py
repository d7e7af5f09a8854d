"""The dashboard's counts by status from plain SQL through the driver: the tiles of the first
window, read before SQLAlchemy's ORM is loaded.

Only for SQLite and the status of today (the stored current status); a past day or another
database takes :func:`cdsdesk.services.dashboard_queries.dashboard_summary`, which gives the same
counts through the ORM. Nothing here compiles a statement.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Sequence

from ..domain.status import COMPLETED
from ..domain.text import sort_key
from .counts import AgencyCounts, PlanCounts, count_rows, empty_counts, historical, sum_groups


@dataclass(frozen=True)
class DashboardSummary:
    counts: dict[str, int]
    by_agency: list[AgencyCounts]  # lead agencies with tasks, Vietnamese name order
    by_plan: list[PlanCounts]  # plans with tasks, newest year first
    #: False for the tiles alone (:func:`tile_summary`): the lists above are then empty.
    grouped: bool = True


def applies(conn: Any, as_of: dt.date | None) -> bool:  # noqa: ANN401 - a SQLAlchemy Connection
    """Whether the counts of ``as_of`` can be read here (SQLite, today or later)."""
    return conn.dialect.name == "sqlite" and not historical(as_of)


def _completed_sql() -> str:
    return ", ".join(repr(c) for c in sorted(COMPLETED))


def grouped_counts(conn: Any, as_of: dt.date | None, plan_id: int | None = None,  # noqa: ANN401
                   agency_ids: Sequence[int] | None = None) -> tuple[dict, dict, dict]:
    """Counts overall, by lead agency and by plan (see :func:`applies`)."""
    day = as_of or dt.date.today()
    sql = ("SELECT lead_agency_id, plan_id, status, count(*), sum(deadline IS NOT NULL AND deadline < :d"
           f" AND status NOT IN ({_completed_sql()}))"
           " FROM tasks WHERE deleted_at IS NULL")
    params: dict = {"d": day.isoformat()}
    if as_of is not None:
        sql += " AND (start_date IS NULL OR start_date <= :d)"
    if plan_id is not None:
        sql += " AND plan_id = :p"
        params["p"] = int(plan_id)
    if agency_ids is not None:
        sql += f" AND lead_agency_id IN ({', '.join(str(int(i)) for i in agency_ids) or 'NULL'})"
    rows = conn.exec_driver_sql(sql + " GROUP BY lead_agency_id, plan_id, status", params).all()
    return sum_groups(rows)


def read_names(conn: Any) -> tuple[list, list]:  # noqa: ANN401
    """Agencies (id, code, name, kind, parent_id) and plans (id, code, name, year, kind), newest
    plan first, from SQLite."""
    agencies = conn.exec_driver_sql("SELECT id, code, name, kind, parent_id FROM agencies").all()
    plans = conn.exec_driver_sql(
        "SELECT id, code, name, year, kind FROM plans ORDER BY year IS NULL, year DESC, code").all()
    return agencies, plans


def summary_from(total: dict, by_a: dict, by_p: dict, agencies: Sequence, plans: Sequence) -> DashboardSummary:
    by_agency = sorted(
        (AgencyCounts(a.id, a.code, a.name, a.kind, a.parent_id, by_a[a.id]) for a in agencies if a.id in by_a),
        key=lambda r: sort_key(r.name),
    )
    by_plan = [PlanCounts(p.id, p.code, p.name, p.year, p.kind, by_p[p.id]) for p in plans if p.id in by_p]
    return DashboardSummary(total, by_agency, by_plan)


def tile_summary(conn: Any, as_of: dt.date | None) -> DashboardSummary:  # noqa: ANN401
    """The whole province's counts of ``as_of`` for the tiles alone (see :func:`applies`): five
    groups from the covering index instead of thousands by agency and plan."""
    day = as_of or dt.date.today()
    # "+status": grouped on the covering index (ix_tasks_counts_cover) with a small sort, not
    # walked through the status index with a lookup of every task for its deadline.
    sql = ("SELECT 0, status, count(*), sum(deadline IS NOT NULL AND deadline < :d"
           f" AND status NOT IN ({_completed_sql()})) FROM tasks WHERE deleted_at IS NULL")
    if as_of is not None:
        sql += " AND (start_date IS NULL OR start_date <= :d)"
    rows = conn.exec_driver_sql(sql + " GROUP BY +status", {"d": day.isoformat()}).all()
    return DashboardSummary(count_rows(rows).get(0, empty_counts()), [], [], grouped=False)
