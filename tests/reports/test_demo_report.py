"""Reports on the demo province: the seeds' sentence, and 31 March against 30 June 2024 as the
status history says (an oracle computed here from the history rows, not from the services)."""

import datetime as dt
import importlib.util
from collections import Counter

import pytest
from docx import Document
from sqlalchemy import select

from cdsdesk.domain.periods import Period
from cdsdesk.reports import build_report
from cdsdesk.reports.docx_render import render_docx
from cdsdesk.reports.model import ReportSettings
from cdsdesk.store.models import StatusUpdate, Task

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("cdsdesk.services.demo") is None,
    reason="the demo data (cdsdesk.services.demo) is not in this tree yet",
)
D = dt.date
MARCH, JUNE = D(2024, 3, 31), D(2024, 6, 30)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    from cdsdesk.services.demo import load_demo
    from cdsdesk.store.session import open_database

    db = open_database(tmp_path_factory.mktemp("demo") / "demo.db")
    load_demo(db)
    yield db
    db.dispose()


def _report(db, period, as_of, **kw):  # noqa: ANN001, ANN202
    with db.session() as s:
        return build_report(s, window=Period.parse(period), as_of=as_of, settings=ReportSettings(),
                            issued_on=D(2024, 7, 10), **kw)


def _history_oracle(db, as_of):  # noqa: ANN001, ANN202
    """code → status on ``as_of``, straight from the history rows."""
    with db.session() as s:
        tasks = s.execute(select(Task.id, Task.code, Task.start_date).where(Task.deleted_at.is_(None))).all()
        entries = s.execute(
            select(StatusUpdate.task_id, StatusUpdate.entry_date, StatusUpdate.id, StatusUpdate.status)
            .where(StatusUpdate.retracted_at.is_(None), StatusUpdate.entry_date <= as_of)
        ).all()
    latest: dict[int, tuple] = {}
    for tid, day, uid, status in entries:
        if tid not in latest or (day, uid) > latest[tid][:2]:
            latest[tid] = (day, uid, status)
    return {code: latest.get(tid, (None, None, "not_started"))[2]
            for tid, code, start in tasks if start is None or start <= as_of}


def test_the_six_month_report_speaks_the_seeds_words(demo_db):
    r = _report(demo_db, "2024S1", JUNE, plan_code="DA06-2024")
    assert r.summary_sentence == ("Tổng số 73 nhiệm vụ, trong đó: hoàn thành và thực hiện thường xuyên 32 nhiệm vụ; "
                                  "đang triển khai 38 nhiệm vụ; chưa triển khai 3 nhiệm vụ")
    waiting = [t for g in r.appendix for t in g.tasks if t.status.value == "not_started"]
    assert len(waiting) == 3


def test_march_and_june_differ_as_the_history_says(demo_db, tmp_path):
    march, june = _report(demo_db, "2024Q1", MARCH), _report(demo_db, "2024S1", JUNE)
    for report, day in ((march, MARCH), (june, JUNE)):
        oracle = _history_oracle(demo_db, day)
        got = {t.code: t.status.value for g in report.appendix for t in g.tasks}
        assert got == oracle
        by_status = Counter(oracle.values())
        c = report.counts
        assert (c.total, c.done, c.done_routine, c.in_progress, c.not_started, c.blocked) == (
            len(oracle), by_status["done"], by_status["done_routine"], by_status["in_progress"],
            by_status["not_started"], by_status["blocked"])
    changed = {code for code, st in _history_oracle(demo_db, JUNE).items()
               if _history_oracle(demo_db, MARCH).get(code, "not_started") != st}
    assert changed and march.counts != june.counts
    assert june.counts.completed > march.counts.completed
    # The Word files say so too.
    texts = []
    for name, report in (("march", march), ("june", june)):
        doc = Document(str(render_docx(report, tmp_path / f"{name}.docx", images={})))
        texts.append("\n".join(p.text for p in doc.paragraphs))
    assert march.summary_sentence in texts[0] and june.summary_sentence in texts[1]
    assert march.summary_sentence != june.summary_sentence


def test_six_month_report_has_every_section_filled(demo_db):
    r = _report(demo_db, "2024S1", JUNE)
    assert r.attention and all(t.overdue or t.status.value == "blocked" for t in r.attention)
    assert r.upcoming and all(r.next_window.start <= t.deadline <= r.next_window.end for t in r.upcoming)
    assert r.indicators and any(i.klass is not None for i in r.indicators)
    assert r.submissions and len(r.by_agency) == len(r.submissions)
