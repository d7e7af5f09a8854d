"""The real dashboard (``DashboardView.refresh``: counts by status, agency and plan; tasks due
soon; indicators needing effort; its two charts drawn) for the current six months and for the
previous one, beside its floor: the same aggregates as raw SQL through the SQLite driver."""

import datetime as dt
import sqlite3
import time

import _common

a = _common.args()
app = _common.qt_app()
from cdsdesk.domain.periods import Period  # noqa: E402
from cdsdesk.ui.context import AppContext  # noqa: E402
from cdsdesk.ui.views.dashboard import DashboardView  # noqa: E402

db = _common.engine(a.db)
ctx = AppContext(db)
view = DashboardView(ctx)
view.resize(1280, 800)
view.show()
_common.settle(app)  # first refresh (and pyqtgraph's import) not counted

today = dt.date.today()
current = Period.containing(today, "S")
previous = Period.parse(f"{current.year}S1") if current.index == 2 else Period.parse(f"{current.year - 1}S2")
COMPLETED = "('done','done_routine')"


def floor(con: sqlite3.Connection, as_of: dt.date) -> None:
    """The dashboard's aggregates in plain SQL: counts grouped by agency, plan and status (as of
    the day), the tasks due in 30 days, and each indicator's province figure by period."""
    d = as_of.isoformat()
    historical = as_of < today
    st = ("coalesce((SELECT su.status FROM status_updates su WHERE su.task_id = t.id AND su.entry_date <= :d"
          " AND su.retracted_at IS NULL ORDER BY su.entry_date DESC, su.id DESC LIMIT 1), 'not_started')"
          if historical else "t.status")
    start = " AND (t.start_date IS NULL OR t.start_date <= :d)" if historical else ""
    con.execute(f"SELECT a, p, st, count(*), sum(d IS NOT NULL AND d < :d AND st NOT IN {COMPLETED}) FROM "
                f"(SELECT t.lead_agency_id a, t.plan_id p, {st} st, t.deadline d FROM tasks t "
                f"WHERE t.deleted_at IS NULL{start}) GROUP BY a, p, st", {"d": d}).fetchall()
    con.execute(f"SELECT t.id, t.code, t.title, t.deadline FROM tasks t WHERE t.deleted_at IS NULL{start} "
                f"AND t.deadline >= :d AND t.deadline <= :e AND {st} NOT IN {COMPLETED}",
                {"d": d, "e": (as_of + dt.timedelta(days=30)).isoformat()}).fetchall()
    con.execute("SELECT indicator_id, period, period_end, avg(value) FROM indicator_values "
                "WHERE period_end <= :d GROUP BY indicator_id, period, period_end", {"d": d}).fetchall()


con = sqlite3.connect(f"file:{a.db}?mode=ro", uri=True)
out: dict = {"periods": {}}
for label, period in (("current", current), ("previous", previous)):
    as_of = min(period.end, today)
    ctx.period, ctx.as_of = period, as_of
    app_s, floor_s = [], []
    for _ in range(a.repeat):
        t = time.perf_counter()
        view.refresh()
        _common.settle(app)
        view.agency_chart.ensure_drawn()
        view.plan_chart.ensure_drawn()
        app_s.append(time.perf_counter() - t)
        t = time.perf_counter()
        floor(con, as_of)
        floor_s.append(time.perf_counter() - t)
    out["periods"][label] = {"period": period.code, "as_of": as_of.isoformat(), "refresh_s": app_s,
                             "floor_s": floor_s, "total_tasks": view.counts.get("total")}
_common.emit(out)
