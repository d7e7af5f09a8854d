"""The task snapshot (statuses as of any day from arrays in memory) counts exactly what the SQL
counts: overall, by agency and by plan, narrowed to a plan or an agency, on several days, on the
demo database and on the generator's database; retracted, same-day and deleted entries included."""

import datetime as dt

import pytest

from cdsdesk.services import dashboard_queries, queries, tasks
from cdsdesk.services.demo import load_demo
from cdsdesk.services.scale import generate
from cdsdesk.services.task_snapshot import TaskSnapshot
from cdsdesk.store.models import Agency, Plan
from cdsdesk.store.session import open_database

D = dt.date
DAYS = [D(2021, 1, 1), D(2023, 6, 30), D(2024, 3, 31), D(2024, 6, 30), D(2025, 12, 31), D(2026, 6, 30), None]


def _same_as_sql(s, days=DAYS, scopes=None) -> int:
    snapshot = TaskSnapshot.read(s.connection())
    if scopes is None:
        plan = s.query(Plan.id).order_by(Plan.id).first()
        agency = s.query(Agency.id).filter(Agency.parent_id.is_(None)).order_by(Agency.id).first()
        leaf = s.query(Agency.id).filter(Agency.parent_id.is_not(None)).order_by(Agency.id.desc()).first()
        scopes = [{}, {"plan_id": plan[0]}, {"agency_id": agency[0]}, {"agency_id": leaf[0]}]
    checked = 0
    for day in days:
        for scope in scopes:
            want = dashboard_queries.dashboard_summary(s, as_of=day, **scope)
            got = dashboard_queries.dashboard_summary(s, as_of=day, snapshot=snapshot, **scope)
            assert got == want, (day, scope)
            checked += want.counts["total"]
    return checked


def test_small_database_with_retracted_same_day_and_deleted_entries(db, small):
    with db.session() as s:
        # Two entries on one day: the later one holds. A retracted entry does not count.
        tasks.record_status_update(s, small["t2"], status="blocked", entry_date=D(2024, 6, 1))
        tasks.record_status_update(s, small["t2"], status="in_progress", progress=60, entry_date=D(2024, 6, 1))
        wrong = tasks.record_status_update(s, small["t3"], status="done", entry_date=D(2024, 7, 1))
        tasks.retract_status_update(s, wrong.id)
        days = [D(2024, 2, 15), D(2024, 3, 31), D(2024, 5, 1), D(2024, 6, 1), D(2024, 7, 2), None]
        scopes = [{}, {"plan_id": small["plan"]}, {"agency_id": small["stt"]}, {"agency_id": small["prov"]}]
        assert _same_as_sql(s, days, scopes) > 0
        snap = TaskSnapshot.read(s.connection())
        june = dict(zip(snap.ids.tolist(), snap.statuses_on(D(2024, 6, 1)).tolist()))
        assert june[small["t2"]] == 1  # in_progress, entered after "blocked" the same day
        assert dashboard_queries.dashboard_summary(s, as_of=D(2024, 7, 2), snapshot=snap).counts["done"] == 1
        tasks.delete_task(s, small["t1"])
        assert _same_as_sql(s, days, scopes) > 0
        assert len(TaskSnapshot.read(s.connection()).ids) == 2


def test_demo_database(tmp_path):
    db = open_database(tmp_path / "demo.db")
    try:
        load_demo(db)
        with db.session() as s:
            assert _same_as_sql(s) > 0
    finally:
        db.dispose()


@pytest.mark.parametrize("seed", [5])
def test_generated_database(tmp_path, seed):
    path = tmp_path / "scaled.sqlite"
    generate(path, seed=seed, scale=0.01)
    db = open_database(path)
    try:
        with db.session() as s:
            assert _same_as_sql(s) > 0
            # Every day of one month, overall.
            month = [D(2025, 3, 1) + dt.timedelta(days=i) for i in range(31)]
            assert _same_as_sql(s, month, [{}]) > 0
            # And the status of each task agrees with the SQL for it.
            snap = TaskSnapshot.read(s.connection())
            day = D(2025, 3, 15)
            want = {r.id: r.status for r in queries.list_tasks(s, as_of=day)}
            got = dict(zip(snap.ids.tolist(), snap.statuses_on(day).tolist()))
            from cdsdesk.services.task_snapshot import STATUSES

            assert {i: STATUSES[c] for i, c in got.items() if i in want} == want
    finally:
        db.dispose()
