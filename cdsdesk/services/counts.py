"""Task counts by status as plain data: what the queries group and the views show.

No SQLAlchemy here: the dashboard's first counts are built from these before the ORM is loaded.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable, Sequence

from ..domain.status import COMPLETED, COUNT_KEYS


def today() -> dt.date:
    return dt.date.today()


def historical(as_of: dt.date | None) -> bool:
    """Whether ``as_of`` is a past day (the status is then read from the history)."""
    return as_of is not None and as_of < today()


def empty_counts() -> dict[str, int]:
    return {k: 0 for k in COUNT_KEYS} | {"completed": 0}


def count_rows(rows: Iterable[Sequence]) -> dict:
    """rows of (group, status, n, n_overdue) → {group: counts}."""
    out: dict = {}
    for group, st, n, n_over in rows:
        c = out.setdefault(group, empty_counts())
        c[st] = c.get(st, 0) + int(n)
        c["total"] += int(n)
        c["overdue"] += int(n_over or 0)
        if st in COMPLETED:
            c["completed"] += int(n)
    return out


def completion_rate(counts: dict[str, int]) -> float | None:
    """Share of completed tasks (done + done routinely), in percent; None when there are none."""
    total = counts.get("total", 0)
    return round(100.0 * counts.get("completed", 0) / total, 1) if total else None


@dataclass(frozen=True)
class PlanCounts:
    id: int
    code: str
    name: str
    year: int | None
    kind: str
    counts: dict[str, int]

    @property
    def completion_rate(self) -> float | None:
        return completion_rate(self.counts)


@dataclass(frozen=True)
class AgencyCounts:
    id: int
    code: str
    name: str
    kind: str
    parent_id: int | None
    counts: dict[str, int]

    @property
    def open(self) -> int:
        return self.counts["total"] - self.counts["completed"]


def sum_groups(rows: Iterable[Sequence]) -> tuple[dict, dict, dict]:
    """Rows of (agency, plan, status, n, n_overdue) → counts overall, by agency and by plan.

    Thousands of (agency, plan, status) groups: they are added up by (agency, status) and (plan,
    status) first, so the per-group dicts are made once per agency and plan, not per row."""
    by_ast: dict[tuple, list[int]] = {}
    by_pst: dict[tuple, list[int]] = {}
    by_st: dict[tuple, list[int]] = {}
    for a, p, st_, n, o in rows:
        n, o = int(n), int(o or 0)
        for acc, key in ((by_ast, (a, st_)), (by_pst, (p, st_)), (by_st, (0, st_))):
            cell = acc.get(key)
            if cell is None:
                acc[key] = [n, o]
            else:
                cell[0] += n
                cell[1] += o
    total = count_rows((g, st_, n, o) for (g, st_), (n, o) in by_st.items()).get(0, empty_counts())
    by_a = count_rows((g, st_, n, o) for (g, st_), (n, o) in by_ast.items())
    by_p = count_rows((g, st_, n, o) for (g, st_), (n, o) in by_pst.items())
    return total, by_a, by_p
