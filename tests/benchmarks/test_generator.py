"""The province-scale generator (benchmarks' data): counts, determinism, and the app's own queries
agreeing with plain SQL on what it made. Scaled down so the suite stays quick; nothing is timed."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from sqlalchemy import select

from cdsdesk.domain.errors import UserError
from cdsdesk.services import dashboard_queries, indicators, queries
from cdsdesk.services.scale import AS_OF, QUARTERS, content_hash, generate
from cdsdesk.store.migrate import current_revision, head_revision
from cdsdesk.store.models import Indicator
from cdsdesk.store.session import open_database

SCALE = 0.02  # 1,000 tasks, 10,000 status updates, 6 indicators × 24 quarters × 240 units


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    path = tmp_path_factory.mktemp("scale") / "large.sqlite"
    counts = generate(path, seed=7, scale=SCALE)
    return path, counts


def _sql(path, q, *args):
    con = sqlite3.connect(path)
    try:
        return con.execute(q, args).fetchall()
    finally:
        con.close()


def test_counts_by_kind_and_table(made):
    path, counts = made
    kinds = dict(_sql(path, "SELECT kind, count(*) FROM agencies GROUP BY kind"))
    assert kinds == {"province": 1, "department": 30, "district": 10, "commune": 200}
    # Communes sit under districts, districts and departments under the province.
    assert _sql(path, "SELECT count(*) FROM agencies c JOIN agencies p ON p.id = c.parent_id "
                      "WHERE c.kind = 'commune' AND p.kind = 'district'") == [(200,)]
    assert _sql(path, "SELECT count(*) FROM tasks") == [(1000,)]
    assert _sql(path, "SELECT count(*) FROM status_updates") == [(10_000,)]
    assert _sql(path, "SELECT count(*) FROM indicators") == [(6,)]
    assert _sql(path, "SELECT count(*) FROM indicator_values") == [(6 * 24 * 240,)]
    assert len(QUARTERS) == 24
    assert counts["tasks"] == 1000 and counts["status_updates"] == 10_000 and counts["indicator_values"] == 6 * 24 * 240
    # Nothing is dated after the generator's own "today".
    assert _sql(path, "SELECT max(entry_date) FROM status_updates")[0][0] <= AS_OF.isoformat()
    assert _sql(path, "SELECT max(period_end) FROM indicator_values")[0][0] <= AS_OF.isoformat()
    # Lead agencies are spread over departments, districts and communes; deadlines over 2021–2026.
    leads = dict(_sql(path, "SELECT a.kind, count(*) FROM tasks t JOIN agencies a ON a.id = t.lead_agency_id GROUP BY a.kind"))
    assert set(leads) == {"department", "district", "commune"}
    years = {y for (y,) in _sql(path, "SELECT DISTINCT substr(deadline, 1, 4) FROM tasks WHERE deadline IS NOT NULL")}
    assert years == {str(y) for y in range(2021, 2027)}


def test_the_app_opens_it_at_the_head_revision(made):
    path, _ = made
    db = open_database(path, daily_backup=False)
    try:
        assert current_revision(db) == head_revision()
    finally:
        db.dispose()


def test_current_status_is_the_latest_history_entry(made):
    path, _ = made
    mismatched = _sql(path, """
        SELECT count(*) FROM tasks t WHERE t.status != (
            SELECT su.status FROM status_updates su WHERE su.task_id = t.id
            ORDER BY su.entry_date DESC, su.id DESC LIMIT 1)""")
    assert mismatched == [(0,)]
    assert _sql(path, "SELECT count(*) FROM tasks WHERE status IN ('done', 'done_routine') AND completed_on IS NULL") == [(0,)]
    statuses = {s for (s,) in _sql(path, "SELECT DISTINCT status FROM tasks")}
    assert statuses == {"not_started", "in_progress", "done", "done_routine", "blocked"}


def test_the_apps_counts_equal_plain_sql(made):
    path, _ = made
    db = open_database(path, daily_backup=False)
    try:
        with db.session() as s:
            today = queries.status_counts(s)
            past = dashboard_queries.dashboard_summary(s, as_of=dt.date(2024, 6, 30))
            ind = s.scalar(select(Indicator.id).order_by(Indicator.id))
            series = indicators.series(s, ind, None)
    finally:
        db.dispose()
    by_status = dict(_sql(path, "SELECT status, count(*) FROM tasks WHERE deleted_at IS NULL GROUP BY status"))
    assert today["total"] == sum(by_status.values()) == 1000
    for st, n in by_status.items():
        assert today[st] == n
    # As of a past day: tasks started by then, each with its latest entry on or before the day.
    rows = _sql(path, """
        SELECT st, count(*) FROM (SELECT coalesce((SELECT su.status FROM status_updates su
            WHERE su.task_id = t.id AND su.entry_date <= '2024-06-30' ORDER BY su.entry_date DESC, su.id DESC
            LIMIT 1), 'not_started') st FROM tasks t WHERE t.start_date IS NULL OR t.start_date <= '2024-06-30')
        GROUP BY st""")
    assert past.counts["total"] == sum(n for _, n in rows)
    for st, n in rows:
        assert past.counts[st] == n
    # The province's figure of an indicator: its units' values aggregated, one point per quarter.
    agg = dict(_sql(path, "SELECT aggregation, 1 FROM indicators WHERE id = ?", ind))
    fn = "avg" if "mean" in agg else "sum"
    expected = _sql(path, f"SELECT period, {fn}(value) FROM indicator_values WHERE indicator_id = ? GROUP BY period "
                          "ORDER BY period", ind)
    assert [(p.period, round(p.value, 6)) for p in series] == [(p, round(v, 6)) for p, v in expected]


def test_same_seed_same_content_other_seed_other_content(tmp_path):
    a, b, c = (tmp_path / f"{n}.sqlite" for n in "abc")
    generate(a, seed=3, scale=0.004)
    generate(b, seed=3, scale=0.004)
    generate(c, seed=4, scale=0.004)
    assert content_hash(a) == content_hash(b)
    assert content_hash(a) != content_hash(c)
    # The UUIDs too: a record is the same record in both databases.
    assert _sql(a, "SELECT uuid FROM tasks ORDER BY id") == _sql(b, "SELECT uuid FROM tasks ORDER BY id")


def test_refuses_a_database_that_holds_data(made):
    path, _ = made
    with pytest.raises(UserError):
        generate(path, seed=1, scale=SCALE)
