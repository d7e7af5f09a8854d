import datetime as dt

from cdsdesk.services import queries

D = dt.date


def test_counts_as_of_any_date_follow_the_history(db, small):
    with db.session() as s:
        now = queries.status_counts(s, plan_id=small["plan"])
        assert (now["total"], now["done"], now["in_progress"], now["not_started"]) == (3, 1, 1, 1)
        march = queries.status_counts(s, plan_id=small["plan"], as_of=D(2024, 3, 31))
        # T3 was assigned on 1 May: not counted on 31 March; T1 was in progress then.
        assert (march["total"], march["done"], march["in_progress"], march["not_started"]) == (2, 0, 2, 0)
        assert march["overdue"] == 0
        april = queries.status_counts(s, plan_id=small["plan"], as_of=D(2024, 4, 10))
        assert april["overdue"] == 1  # T1 past its deadline, not yet done
        jan = queries.status_counts(s, as_of=D(2024, 1, 15))
        assert (jan["total"], jan["not_started"]) == (2, 2)


def test_counts_by_agency_and_sub_agencies(db, small):
    with db.session() as s:
        stt = queries.status_counts(s, agency_id=small["stt"])
        assert stt["total"] == 2
        prov = queries.status_counts(s, agency_id=small["prov"])  # the province covers its departments
        assert prov["total"] == 3
        rows = {r.code: r for r in queries.counts_by_agency(s)}
        assert rows["STTTT"].counts["completed"] == 1 and rows["SNV"].open == 1


def test_plans_summary_and_completion_rate(db, small):
    with db.session() as s:
        [p] = queries.plans_summary(s)
        assert p.code == "KH2024" and p.counts["total"] == 3
        assert queries.completion_rate(p.counts) == 33.3


def test_list_filters_and_search_ignore_diacritics(db, small):
    with db.session() as s:
        assert [r.code for r in queries.list_tasks(s, search="chuyen doi so")] == ["T1"]
        assert [r.code for r in queries.list_tasks(s, search="KỸ NĂNG")] == ["T2"]
        assert [r.code for r in queries.list_tasks(s, search="100%_")] == []
        assert [r.code for r in queries.list_tasks(s, status="completed")] == ["T1"]
        late = queries.list_tasks(s, overdue_only=True, as_of=D(2024, 4, 10))
        assert [(r.code, r.status, r.progress) for r in late] == [("T1", "in_progress", 40)]
        soon = queries.due_soon_tasks(s, as_of=D(2024, 9, 10), days=30)
        assert [r.code for r in soon] == ["T3"]


def test_last_notes_as_of(db, small):
    with db.session() as s:
        assert queries.last_notes(s, [small["t1"]])[small["t1"]] == "Xong, chậm hai tuần"
        assert queries.last_notes(s, [small["t1"]], as_of=D(2024, 3, 1))[small["t1"]] == "Đang làm"
