"""The demo province: the seeds' figures come out of the loaded database, histories hold
together, and loading refuses a database that already has data."""

from __future__ import annotations

import datetime as dt
import importlib.util
import statistics
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import func, select

from cdsdesk.domain.errors import UserError
from cdsdesk.domain.rules import classify_target
from cdsdesk.domain.status import Aggregation, Direction, TaskStatus, ValueType
from cdsdesk.domain.text import fold, sort_key
from cdsdesk.paths import resource
from cdsdesk.services import queries
from cdsdesk.services.demo import load_demo
from cdsdesk.services.indicators import agency_values, class_counts, overview, series
from cdsdesk.services.lookup import agency_by_code, indicator_by_code, plan_by_code, province
from cdsdesk.services.tasks import refresh_derived, sync_current
from cdsdesk.store.models import (
    Agency, Directive, Indicator, IndicatorValue, Meeting, Plan, StatusUpdate, Target, Task,
)
from cdsdesk.store.session import open_database

D = dt.date


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    db = open_database(tmp_path_factory.mktemp("demo") / "d.db")
    result = load_demo(db)
    yield db, result
    db.dispose()


@pytest.fixture
def s(demo):
    db, _ = demo
    with db.session() as session:
        yield session
        session.rollback()  # tests only read; anything they touch is thrown away


def _counts(s, plan_code, as_of=None):
    return queries.status_counts(s, plan_id=plan_by_code(s, plan_code).id, as_of=as_of)


# --- the seeds' figures -------------------------------------------------------------------------

def test_result_counts_what_is_in_the_database(demo, s):
    _, result = demo
    assert result["tasks"] == s.scalar(select(func.count()).select_from(Task)) == 243
    assert result["agencies"] == s.scalar(select(func.count()).select_from(Agency))
    assert result["status_updates"] == s.scalar(select(func.count()).select_from(StatusUpdate))
    assert result["indicators"] == s.scalar(select(func.count()).select_from(Indicator))
    assert result["indicator_values"] == s.scalar(select(func.count()).select_from(IndicatorValue))
    assert result["meetings"] == 3


def test_de_an_06_counts_on_30_june_2024_and_now(s):
    for as_of in (D(2024, 6, 30), D(2024, 9, 30), None):
        c = _counts(s, "DA06-2024", as_of)
        assert c["total"] == 73
        assert c["done"] + c["done_routine"] == 32
        assert c["done"] > 0 and c["done_routine"] > 0
        assert c["in_progress"] == 38
        assert c["not_started"] == 3
        assert c["blocked"] == 0


def test_de_an_06_on_31_march_2024_differs_from_30_june(s):
    march, june = _counts(s, "DA06-2024", D(2024, 3, 31)), _counts(s, "DA06-2024", D(2024, 6, 30))
    assert march["total"] == june["total"] == 73
    assert march["completed"] < june["completed"]
    assert march["not_started"] > june["not_started"]
    assert march != june


def test_de_an_06_has_overdue_and_due_soon_tasks_on_30_june(s):
    pid = plan_by_code(s, "DA06-2024").id
    overdue = queries.overdue_tasks(s, as_of=D(2024, 6, 30), plan_id=pid)
    soon = queries.due_soon_tasks(s, as_of=D(2024, 6, 30), plan_id=pid)
    assert overdue and soon
    assert all(r.status == "in_progress" and r.deadline < D(2024, 6, 30) for r in overdue)
    assert all(D(2024, 6, 30) <= r.deadline <= D(2024, 7, 30) for r in soon)


def test_not_started_de_an_06_tasks_wait_for_the_ministries(s):
    pid = plan_by_code(s, "DA06-2024").id
    rows = queries.list_tasks(s, plan_id=pid, status="not_started")
    notes = queries.last_notes(s, [r.id for r in rows])
    assert len(rows) == 3
    assert all("chờ hướng dẫn" in notes[r.id] and "Bộ" in notes[r.id] for r in rows)


def test_plan_2023_has_126_tasks_102_completed(s):
    c = _counts(s, "KH-CDS-2023")
    assert (c["total"], c["completed"]) == (126, 102)
    assert queries.completion_rate(c) == 81.0
    assert c["in_progress"] + c["not_started"] + c["blocked"] == 24 and c["blocked"] > 0


def test_plan_2024_holds_the_tracking_sheet_rows(s):
    pid = plan_by_code(s, "KH-CDS-2024").id
    titles = {t.title: t for t in s.scalars(select(Task).where(Task.plan_id == pid))}
    zalo = titles['Vận hành trang Zalo OA "Chính quyền số tỉnh Tuyên Quang"']
    assert zalo.recurring and zalo.status == "done_routine"
    june = {r.title: r.status for r in queries.list_tasks(s, plan_id=pid, as_of=D(2024, 6, 30))}
    assert june["Triển khai sổ sức khỏe điện tử tích hợp trên VNeID"] == "blocked"
    assert june["Ban hành danh mục cơ sở dữ liệu dùng chung của tỉnh"] == "not_started"
    assert june["Xây dựng Quy chế quản lý, kết nối, chia sẻ dữ liệu số của tỉnh"] == "in_progress"
    assert june["Ban hành Kế hoạch chuyển đổi số năm 2024 của tỉnh"] == "done"


def _province_points(s, target):
    prov = province(s)
    rows = s.execute(select(IndicatorValue.period_end, IndicatorValue.value).where(
        IndicatorValue.indicator_id == target.indicator_id, IndicatorValue.agency_id == prov.id)).all()
    return [(d, v) for d, v in rows]


@pytest.mark.parametrize("as_of", [D(2024, 7, 1), D(2024, 10, 1), D(2025, 1, 1), D(2025, 12, 31),
                                   D(2026, 1, 1), D(2028, 6, 30), D(2030, 12, 31)])
def test_programme_targets_class_18_27_17(s, as_of):
    from cdsdesk.domain.periods import Period

    pid = plan_by_code(s, "CT-CDSQG").id
    inds = list(s.scalars(select(Indicator).where(Indicator.plan_id == pid)))
    assert len(inds) == 62
    classes = Counter()
    for ind in inds:
        assert len(ind.targets) == 1 and ind.targets[0].agency_id is None
        t = ind.targets[0]
        c = classify_target(
            values=_province_points(s, t), target_value=t.target_value, target_date=t.target_date,
            direction=ind.direction, baseline=(Period.parse(t.baseline_period).end, t.baseline_value),
            as_of=as_of)
        classes[c.klass.value] += 1
    assert classes == {"achieved": 18, "likely": 27, "needs_effort": 17}
    # The service the CLI and the GUI use agrees.
    assert class_counts(overview(s, plan_id=pid, as_of=as_of)) == {
        "achieved": 18, "likely": 27, "needs_effort": 17, "total": 62}


# --- indicators carry the published values ------------------------------------------------------

PUBLISHED = [  # (indicator, period, value) as DOMAIN.md quotes the seeds
    ("CT-01", "2023", 17), ("CT-01", "2024S1", 42), ("CT-01", "2024Q3", 43.8),
    ("CT-02", "2023", 38), ("CT-02", "2024S1", 61), ("CT-03", "2023", 9), ("CT-03", "2024S1", 17),
    ("CT-04", "2024S1", 48), ("KT-02", "2024S1", 22.4), ("KT-01", "2024S1", 18.3),
    ("HT-01", "2022Q1", 68.8), ("HT-01", "2024Q3", 82.2), ("XH-01", "2024", 87), ("XH-03", "2024Q3", 87),
    ("HT-02", "2021Q1", 26.92), ("HT-02", "2022Q1", 33.90), ("HT-03", "2021Q1", 44.18),
    ("HT-03", "2022Q1", 67.96), ("CT-12", "2022", 1280), ("CT-12", "2023", 2087), ("CT-13", "2023", 64),
    ("TQ-02", "2024S1", 4350), ("TQ-03", "2024S1", 100), ("TQ-04", "2024S1", 100),
]


def test_indicators_carry_the_published_values(s):
    prov = province(s)
    for code, period, value in PUBLISHED:
        ind = indicator_by_code(s, code)
        got = s.scalar(select(IndicatorValue.value).where(
            IndicatorValue.indicator_id == ind.id, IndicatorValue.agency_id == prov.id,
            IndicatorValue.period == period))
        assert got == pytest.approx(value), (code, period)
    smes = series(s, indicator_by_code(s, "TQ-05").id, as_of=D(2024, 6, 30))
    assert smes[-1].period == "2024S1" and smes[-1].value > 30


def test_every_indicator_is_fully_described(s):
    for ind in s.scalars(select(Indicator)):
        assert ind.unit and ind.data_source and ind.area_id and ind.plan_id
        ValueType(ind.value_type), Direction(ind.direction), Aggregation(ind.aggregation)
        assert any(t.agency_id is None for t in ind.targets)


def test_districts_have_values_to_compare(s):
    ind = indicator_by_code(s, "TQ-01")
    rows = agency_values(s, ind.id, "2024S1")
    assert {a.kind for a, _ in rows} == {"district"} and len(rows) == 7
    prov_value = series(s, ind.id, as_of=D(2024, 6, 30))[-1].value
    assert statistics.mean(v for _, v in rows) == pytest.approx(prov_value, abs=0.1)
    assert rows[0][1] > rows[-1][1]  # a spread, not seven equal bars
    training = indicator_by_code(s, "TQ-07")
    assert sum(v for _, v in agency_values(s, training.id, "2024S1")) == 1250


# --- tasks and histories ------------------------------------------------------------------------

def test_every_task_is_clear_on_owner_job_time_result(s):
    for t in s.scalars(select(Task)):
        assert t.lead_agency_id and t.area_id and t.plan_id and t.deadline, t.code
        assert t.expected_product and t.focal_person, t.code
        assert t.start_date is None or t.start_date <= t.deadline, t.code


def test_current_state_equals_the_latest_history_entry(s):
    tasks = list(s.scalars(select(Task)))
    before = {t.id: (t.status, t.progress, t.last_update_on, t.completed_on) for t in tasks}
    for t in tasks:
        sync_current(t, s)  # the services' own rule
        assert (t.status, t.progress, t.last_update_on, t.completed_on) == before[t.id], t.code


def test_histories_are_plausible(s):
    today = dt.date.today()
    by_task: dict[int, list[StatusUpdate]] = {}
    for e in s.scalars(select(StatusUpdate).order_by(StatusUpdate.task_id, StatusUpdate.entry_date,
                                                     StatusUpdate.id)):
        by_task.setdefault(e.task_id, []).append(e)
    for t in s.scalars(select(Task)):
        h = by_task[t.id]
        assert len(h) >= 2, t.code
        assert h[0].status == "not_started" and h[0].entry_date == t.start_date, t.code
        assert all(e.reporter and e.note for e in h), t.code
        assert all(e.entry_date <= today and e.entry_date.year in (2023, 2024) for e in h), t.code
        assert all(e.progress == 100 for e in h if TaskStatus(e.status).is_completed), t.code
        if t.status == "done_routine":
            assert t.recurring, t.code


def test_precomputed_keys_match_the_services(s):
    for t in s.scalars(select(Task)):
        search, title = t.search_text, t.title_sort
        refresh_derived(t)
        assert (t.search_text, t.title_sort) == (search, title), t.code
        assert title == sort_key(t.title)
    for a in s.scalars(select(Agency)):
        assert a.name_fold == fold(a.name)
    hits = queries.list_tasks(s, search="so suc khoe dien tu")
    assert any("sổ sức khỏe điện tử" in r.title for r in hits)


def test_agency_hierarchy(s):
    root = province(s)
    assert (root.code, root.name, root.kind) == ("TQ", "UBND tỉnh Tuyên Quang", "province")
    kinds = Counter(a.kind for a in s.scalars(select(Agency)))
    assert kinds["district"] == 7 and kinds["department"] >= 20 and kinds["commune"] >= 7
    assert kinds["enterprise"] >= 2 and kinds["ministry"] >= 1
    ys = agency_by_code(s, "H-YS")
    assert ys.parent_id == root.id and ys.name == "UBND huyện Yên Sơn"
    assert all(c.parent.kind == "district" for c in s.scalars(select(Agency).where(Agency.kind == "commune")))


def test_meetings_directives_and_the_tasks_they_created(s):
    review = s.scalar(select(Meeting).where(Meeting.date == D(2024, 7, 10)))
    assert review.kind == "six_month" and len(review.directives) == 5
    created = [t for d in review.directives for t in d.tasks]
    assert 0 < len(created) < len(review.directives)  # some directives created tasks, not all
    assert all(t.start_date == review.date and t.plan.code == "KH-CDS-2024" for t in created)
    assert all(t.lead_agency_id == t.directive.agency_id for t in created)
    assert s.scalar(select(func.count()).select_from(Directive)) == 9


def test_text_is_nfc(s):
    def nfc_ok(text):
        return text is None or unicodedata.is_normalized("NFC", text)

    for model, cols in ((Task, ("title", "description", "expected_product", "focal_person")),
                        (StatusUpdate, ("note", "reporter")), (Agency, ("name", "short_name")),
                        (Plan, ("name", "note", "source_document")), (Indicator, ("name", "unit", "data_source")),
                        (Meeting, ("title", "chair", "notes")), (Directive, ("text",)),
                        (IndicatorValue, ("comment",)), (Target, ("note",))):
        for row in s.scalars(select(model)):
            assert all(nfc_ok(getattr(row, c)) for c in cols), (model.__name__, row.id)
    for f in Path(resource("demo")).glob("*.json"):
        assert unicodedata.is_normalized("NFC", f.read_text(encoding="utf-8")), f.name


def test_plans_say_the_titles_are_illustrative(s):
    for p in s.scalars(select(Plan)):
        assert "minh họa" in p.note, p.code


# --- loading --------------------------------------------------------------------------------------

def test_refuses_a_database_that_holds_data_and_leaves_it_as_it_was(tmp_path):
    db = open_database(tmp_path / "d.db")
    try:
        load_demo(db)
        with db.session() as s:
            before = (s.scalar(select(func.count()).select_from(Task)),
                      s.scalar(select(func.count()).select_from(StatusUpdate)))
        with pytest.raises(UserError) as err:
            load_demo(db)
        assert "đã có dữ liệu" in err.value.vi and "already holds data" in err.value.en
        with db.session() as s:
            after = (s.scalar(select(func.count()).select_from(Task)),
                     s.scalar(select(func.count()).select_from(StatusUpdate)))
        assert after == before
    finally:
        db.dispose()


def test_refuses_a_database_with_only_an_agency_and_force_replaces_it(tmp_path):
    from cdsdesk.services.agencies import create_agency

    db = open_database(tmp_path / "d.db")
    try:
        with db.session() as s:
            create_agency(s, code="XYZ", name="Sở Thử nghiệm", kind="department", who="tester")
        with pytest.raises(UserError):
            load_demo(db)
        result = load_demo(db, force=True)
        with db.session() as s:
            assert s.scalar(select(Agency).where(Agency.code == "XYZ")) is None
            assert _counts(s, "DA06-2024")["total"] == 73
            assert result["tasks"] == s.scalar(select(func.count()).select_from(Task))
        # The replaced data is kept in a backup copy beside the database.
        kept = open_database(result["backup"], create=False)
        with kept.session() as s:
            assert s.scalar(select(Agency.name).where(Agency.code == "XYZ")) == "Sở Thử nghiệm"
        kept.dispose()
    finally:
        db.dispose()


def test_loading_is_deterministic(demo, tmp_path):
    db2 = open_database(tmp_path / "again.db")
    try:
        load_demo(db2)

        def dump(db):
            with db.session() as s:
                return (s.execute(select(Task.uuid, Task.code, Task.status, Task.deadline).order_by(Task.code)).all(),
                        s.execute(select(StatusUpdate.uuid, StatusUpdate.entry_date, StatusUpdate.note)
                                  .order_by(StatusUpdate.uuid)).all(),
                        s.execute(select(IndicatorValue.uuid, IndicatorValue.value)
                                  .order_by(IndicatorValue.uuid)).all())

        assert dump(demo[0]) == dump(db2)
    finally:
        db2.dispose()


def test_nothing_is_dated_after_today(tmp_path):
    db = open_database(tmp_path / "d.db")
    today = D(2024, 5, 1)
    try:
        result = load_demo(db, today=today)
        with db.session() as s:
            assert s.scalar(select(func.max(StatusUpdate.entry_date))) <= today
            assert s.scalar(select(func.max(IndicatorValue.period_end))) <= today
            assert s.scalar(select(func.max(Meeting.date))) <= today
            assert s.scalar(select(func.max(Task.start_date))) <= today
            assert result["tasks"] < 243 and result["meetings"] == 2
            for t in s.scalars(select(Task)):
                state = (t.status, t.progress, t.last_update_on, t.completed_on)
                sync_current(t, s)
                assert (t.status, t.progress, t.last_update_on, t.completed_on) == state, t.code
            s.rollback()
    finally:
        db.dispose()


def test_shipped_json_is_what_the_builder_makes():
    tool = Path(__file__).resolve().parents[2] / "tools" / "build_demo_data.py"
    if not tool.exists():
        pytest.skip("the builder lives in the source tree")
    spec = importlib.util.spec_from_file_location("build_demo_data", tool)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    for name, text in mod.build().items():
        assert (Path(resource("demo")) / name).read_text(encoding="utf-8") == text, name
