"""The report model against the services and against the history the fixture wrote."""

import datetime as dt

import pytest

from cdsdesk.domain.errors import UserError
from cdsdesk.domain.periods import DateWindow, Period
from cdsdesk.domain.status import TargetClass, TaskStatus
from cdsdesk.reports import build_report
from cdsdesk.reports.model import ReportSettings, StatusCounts
from cdsdesk.services import batches, queries

D = dt.date


def _report(db, window, as_of=None, **kw):  # noqa: ANN001, ANN202
    with db.session() as s:
        return build_report(s, window=Period.parse(window) if isinstance(window, str) else window,
                            as_of=as_of, settings=ReportSettings(), issued_on=D(2024, 7, 10), **kw)


def test_counts_match_the_services_on_both_dates(db, province):
    for as_of in (D(2024, 3, 31), D(2024, 6, 30)):
        r = _report(db, "2024S1", as_of)
        with db.session() as s:
            assert r.counts == StatusCounts.from_dict(queries.status_counts(s, as_of=as_of))


def test_march_and_june_differ_as_the_history_says(db, province):
    march = _report(db, "2024Q1", D(2024, 3, 31))
    june = _report(db, "2024Q2", D(2024, 6, 30))
    # 31/3: five tasks started; KH-1 still in progress, DA06-2 done routinely.
    assert march.counts == StatusCounts(total=5, done=0, done_routine=1, in_progress=4, not_started=0, blocked=0, overdue=0)
    # 30/6: KH-1 done on 15/4, DA06-1 blocked on 20/5, DA06-3 started in May; KH-3 and DA06-1 overdue.
    assert june.counts == StatusCounts(total=6, done=1, done_routine=1, in_progress=2, not_started=1, blocked=1, overdue=2)
    assert march.summary_sentence == ("Tổng số 5 nhiệm vụ, trong đó: hoàn thành và thực hiện thường xuyên 1 nhiệm vụ; "
                                      "đang triển khai 4 nhiệm vụ")
    assert june.summary_sentence == ("Tổng số 6 nhiệm vụ, trong đó: hoàn thành và thực hiện thường xuyên 2 nhiệm vụ; "
                                     "đang triển khai 2 nhiệm vụ; chưa triển khai 1 nhiệm vụ; "
                                     "đang chờ hướng dẫn, vướng mắc 1 nhiệm vụ")
    # Q2's previous period is Q1, over the same six tasks: DA06-3 (started in May) was not
    # started on 31/3, so the rate went from 1/6 = 16.7% to 2/6 = 33.3%.
    assert june.previous_as_of == D(2024, 3, 31)
    assert june.previous_counts == StatusCounts(total=6, done=0, done_routine=1, in_progress=4, not_started=1,
                                                blocked=0, overdue=0)
    assert june.rate_change == pytest.approx(100 * 2 / 6 - 100 / 6)
    assert "tăng 16,7 điểm phần trăm so với ngày 31/3/2024: 16,7%" in june.rate_sentence()
    assert [t.code for t in march.attention] == []
    assert [(t.code, t.last_note) for t in june.attention] == [
        ("KH-3", "-Chờ nhà cung cấp"), ("DA06-1", "Chờ hướng dẫn của Bộ Công an")]
    assert june.attention[1].status is TaskStatus.BLOCKED and june.attention[1].overdue


def test_upcoming_are_the_next_periods_open_deadlines(db, province):
    r = _report(db, "2024S1", D(2024, 6, 30))
    assert (r.next_window.start, r.next_window.end) == (D(2024, 7, 1), D(2024, 12, 31))
    # DA06-2 (31/8) is already done routinely, so only DA06-3 (31/10) and KH-2 (31/12) remain.
    assert [t.code for t in r.upcoming] == ["DA06-3", "KH-2"]


def test_indicators_value_previous_target_and_class(db, province):
    june = {i.code: i for i in _report(db, "2024S1", D(2024, 6, 30)).indicators}
    assert (june["DVC-TT"].value, june["DVC-TT"].previous_value, june["DVC-TT"].target_value) == (42, 30, 50)
    assert june["DVC-TT"].klass is TargetClass.LIKELY
    assert june["CSDL"].klass is TargetClass.ACHIEVED
    march = {i.code: i for i in _report(db, "2024Q1", D(2024, 3, 31)).indicators}
    assert (march["CSDL"].value, march["CSDL"].previous_value) == (1500, None)
    assert march["CSDL"].klass is TargetClass.LIKELY


def test_who_sent_the_update(db, province):
    q2 = _report(db, "2024Q2", D(2024, 6, 30))
    sent = {s.agency_code: s.sent for s in q2.submissions}
    assert sent == {"CA": True, "SNV": False, "STTTT": True}
    assert "chưa gửi: Sở Nội vụ" in q2.submission_sentence()
    # A form imported for Q2 counts once it exists, not in a report as of a day before it was made.
    with db.session() as s:
        batches.begin_batch(s, kind="form", source_name="snv.xlsx", agency_id=province["snv"], period="2024Q2")
    assert {s.agency_code: s.sent for s in _report(db, "2024Q2", D(2024, 6, 30)).submissions}["SNV"] is False
    later = _report(db, "2024Q2", dt.date.today())
    snv = next(s for s in later.submissions if s.agency_code == "SNV")
    assert snv.sent and snv.via.startswith("biểu mẫu")


def test_scope_by_plan_and_by_agency(db, province):
    r = _report(db, "2024S1", D(2024, 6, 30), plan_code="DA06")
    with db.session() as s:
        from cdsdesk.services.lookup import plan_by_code

        expected = queries.status_counts(s, as_of=D(2024, 6, 30), plan_id=plan_by_code(s, "DA06").id)
    assert r.counts == StatusCounts.from_dict(expected) and r.counts.total == 3
    assert [g.code for g in r.by_plan] == ["DA06"]
    assert "Đề án 06 năm 2024" in r.subject
    a = _report(db, "2024S1", D(2024, 6, 30), agency_code="CA")
    assert a.counts.total == 2 and [g.code for g in a.by_agency] == ["CA"]
    assert [grp.agency_code for grp in a.appendix] == ["CA"]


def test_appendix_holds_every_task_by_agency_in_vietnamese_order(db, province):
    r = _report(db, "2024S1", D(2024, 6, 30))
    assert [g.agency for g in r.appendix] == ["Công an tỉnh", "Sở Nội vụ", "Sở Thông tin và Truyền thông"]
    assert sum(len(g.tasks) for g in r.appendix) == r.counts.total


def test_nine_month_window_and_bad_input(db, province):
    r = _report(db, DateWindow.nine_months(2024), D(2024, 9, 30))
    assert r.period_code is None and r.subject.endswith("9 tháng năm 2024")
    assert r.previous_as_of == D(2023, 12, 31)
    with pytest.raises(UserError):
        _report(db, "2024Q3", D(2024, 6, 30))  # as of a day before the window
    with pytest.raises(UserError):
        _report(db, "2024S1", D(2024, 6, 30), plan_code="KHONG-CO")


def test_change_since_the_previous_period_compares_the_same_tasks_not_other_plans(db):
    """A 2023 plan (4 tasks, 3 completed in 2023) and a 2024 plan (4 tasks from 1/1/2024, one
    completed by June). The half-year report must not set 2024 against the 2023 plan's 75%."""
    from cdsdesk.services import tasks
    from cdsdesk.store.models import Plan

    with db.session() as s:
        old, new = Plan(code="KH2023", name="Kế hoạch năm 2023", year=2023), Plan(code="KH2024", name="Kế hoạch năm 2024", year=2024)
        s.add_all([old, new])
        s.flush()
        for i in range(4):
            t = tasks.create_task(s, {"code": f"A-{i}", "title": f"Nhiệm vụ 2023 số {i}", "plan_id": old.id,
                                      "start_date": D(2023, 1, 1), "deadline": D(2023, 12, 31)})
            tasks.record_status_update(s, t.id, status="done" if i < 3 else "in_progress", progress=50,
                                       entry_date=D(2023, 11, 1))
        for i in range(4):
            t = tasks.create_task(s, {"code": f"B-{i}", "title": f"Nhiệm vụ 2024 số {i}", "plan_id": new.id,
                                      "start_date": D(2024, 1, 1), "deadline": D(2024, 12, 31)})
            if i == 0:
                tasks.record_status_update(s, t.id, status="done", entry_date=D(2024, 5, 2))
    both = _report(db, "2024S1", D(2024, 6, 30))
    assert (both.counts.total, both.counts.completed) == (8, 4)
    # 31/12/2023, the same 8 tasks: 3 completed (37.5%), the 2024 ones not started yet.
    assert both.previous_counts == StatusCounts(total=8, done=3, done_routine=0, in_progress=1, not_started=4,
                                                blocked=0, overdue=0)
    assert "Tỷ lệ hoàn thành đạt 50% (tăng 12,5 điểm phần trăm so với ngày 31/12/2023: 37,5%)" in both.rate_sentence()
    plan24 = _report(db, "2024S1", D(2024, 6, 30), plan_code="KH2024")
    assert (plan24.previous_counts.total, plan24.previous_counts.not_started) == (4, 4)
    assert "đạt 25% (tăng 25 điểm phần trăm so với ngày 31/12/2023: 0%)" in plan24.rate_sentence()
    plan23 = _report(db, "2024S1", D(2024, 6, 30), plan_code="KH2023")
    assert "đạt 75% (không thay đổi so với ngày 31/12/2023: 75%)" in plan23.rate_sentence()
