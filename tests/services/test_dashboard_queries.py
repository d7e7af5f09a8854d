"""The dashboard's one-pass counts agree with the separate queries, and a task's audit history
includes its status updates."""

import datetime as dt

import pytest

from cdsdesk.services import dashboard_queries, queries
from cdsdesk.services.lookup import task_by_code

D = dt.date


@pytest.mark.parametrize("as_of", [D(2024, 2, 15), D(2024, 3, 31), D(2024, 5, 1), None])
def test_summary_matches_the_separate_queries(db, small, as_of):
    with db.session() as s:
        for scope in ({}, {"plan_id": small["plan"]}, {"agency_id": small["stt"]}, {"agency_id": small["prov"]}):
            got = dashboard_queries.dashboard_summary(s, as_of=as_of, **scope)
            assert got.counts == queries.status_counts(s, as_of=as_of, **scope)
            if not scope:
                assert got.by_agency == queries.counts_by_agency(s, as_of=as_of)
                assert got.by_plan == [p for p in queries.plans_summary(s, as_of=as_of) if p.counts["total"]]


def test_overdue_on_the_day(db, small):
    with db.session() as s:
        got = dashboard_queries.dashboard_summary(s, as_of=D(2024, 4, 10))
        # T1 (deadline 31/3) still in progress on 10/4: overdue, counted for its agency
        assert got.counts["overdue"] == 1
        assert {a.code: a.counts["overdue"] for a in got.by_agency} == {"STTTT": 1, "SNV": 0}


def test_task_history_includes_status_updates(db, small):
    with db.session() as s:
        t1 = task_by_code(s, "T1")
        rows = dashboard_queries.audit_page(s, record=("task", t1.uuid, "T1"))
        kinds = {r.entity for r in rows}
        assert kinds == {"task", "status_update"}
        assert {r.entity_label for r in rows} == {"T1"}
        assert [r.id for r in rows] == sorted((r.id for r in rows), reverse=True)


@pytest.mark.parametrize("ahead", [None, 0, 45])
def test_first_window_tiles_from_plain_sql_match_the_separate_queries(db, small, ahead):
    """The tiles the first window paints before the ORM loads (SQLite, today or later) give the
    counts ``status_counts`` gives: deleted tasks out, tasks not yet started out on a later day,
    overdue only for tasks not completed."""
    from cdsdesk.services import dashboard_counts, tasks

    today = dt.date.today()
    with db.session() as s:
        later = tasks.create_task(s, {"code": "T4", "title": "Bắt đầu sau hôm nay", "plan_id": small["plan"],
                                      "lead_agency_id": small["snv"], "start_date": today + dt.timedelta(days=30),
                                      "deadline": today + dt.timedelta(days=40)})
        gone = tasks.create_task(s, {"code": "T5", "title": "Đã xoá", "plan_id": small["plan"],
                                     "lead_agency_id": small["snv"], "deadline": D(2024, 1, 31)})
        tasks.delete_task(s, gone.id)
        assert later.id
    as_of = None if ahead is None else today + dt.timedelta(days=ahead)
    with db.session() as s:
        expected = queries.status_counts(s, as_of=as_of)
        conn = s.connection()
        if not dashboard_counts.applies(conn, as_of):
            pytest.skip("plain-SQL first counts are for SQLite")
        got = dashboard_counts.tile_summary(conn, as_of)
    assert got.counts == expected
    assert got.grouped is False and got.by_agency == [] and got.by_plan == []
    # T1 done, T2 in progress (deadline 31/12/2024: overdue today), T3 not started; T4 counts
    # from its start on a dated day (with no day given every task not deleted counts).
    assert expected["total"] == (3 if ahead == 0 else 4)
    assert expected["overdue"] >= 2
