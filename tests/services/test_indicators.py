import datetime as dt

import pytest
from sqlalchemy import select

from cdsdesk.domain.errors import ValidationError
from cdsdesk.services import batches, indicators, tasks
from cdsdesk.store.models import AuditEntry, IndicatorValue, Task

D = dt.date


def test_values_accept_decimal_commas_and_refuse_what_cannot_be_held(db, small):
    with db.session() as s:
        ch = indicators.set_value(s, small["ind"], small["stt"], "2024S1", "42,5", comment="Số liệu quý")
        assert ch.created and ch.new_value == 42.5
    for bad, word in [("120", "0 đến 100"), ("abc", "không phải là số"), ("-1", "0 đến 100")]:
        with pytest.raises(ValidationError) as e:
            with db.session() as s:
                indicators.set_value(s, small["ind"], small["stt"], "2024S1", bad)
        assert word in e.value.vi
    with db.session() as s:
        assert s.scalar(select(IndicatorValue.value)) == 42.5


def test_replacing_a_value_is_audited_and_revisioned(db, small):
    with db.session() as s:
        indicators.set_value(s, small["ind"], small["prov"], "2024S1", 40)
        ch = indicators.set_value(s, small["ind"], small["prov"], "2024S1", 42)
        assert (ch.old_value, ch.new_value, ch.changed) == (40, 42, True)
        row = s.get(IndicatorValue, ch.value_id)
        assert row.revision == 2
        log = s.scalars(select(AuditEntry).where(AuditEntry.entity == "indicator_value")).all()
        assert [(a.action, a.old, a.new) for a in log] == [("create", None, "40"), ("update", "40", "42")]


def test_series_falls_back_to_the_agencies_by_aggregation(db, small):
    with db.session() as s:
        indicators.set_value(s, small["ind"], small["stt"], "2024S1", 40)
        indicators.set_value(s, small["ind"], small["snv"], "2024S1", 20)
        indicators.set_value(s, small["ind"], small["prov"], "2023", 9)
        pts = indicators.series(s, small["ind"])
        assert [(p.period, p.value) for p in pts] == [("2023", 9), ("2024S1", 30)]
        assert [(a.code, v) for a, v in indicators.agency_values(s, small["ind"], "2024S1")] == [("STTTT", 40), ("SNV", 20)]


def test_overview_classifies_with_the_documented_rule(db, small):
    with db.session() as s:
        indicators.set_value(s, small["ind"], small["prov"], "2024S1", 42)
        [row] = indicators.overview(s, as_of=D(2024, 7, 1))
        # baseline 9 at end-2023, 42 at mid-2024: the line reaches 80 long before 2030.
        assert row.klass == "likely" and row.latest_value == 42
        indicators.set_value(s, small["ind"], small["prov"], "2024S2", 85)
        [row] = indicators.overview(s)
        assert row.klass == "achieved"
        assert indicators.class_counts([row]) == {"achieved": 1, "likely": 0, "needs_effort": 0, "total": 1}


def test_undo_batch_reverts_and_refuses_when_later_edits_depend(db, small):
    with db.session() as s:
        indicators.set_value(s, small["ind"], small["prov"], "2024S1", 40)
        b = batches.begin_batch(s, kind="form", source_name="mẫu.xlsx", source_sha256="abc")
        tasks.record_status_update(s, small["t2"], status="done", batch_id=b.id, note="Đã xong")
        indicators.set_value(s, small["ind"], small["prov"], "2024S1", 45, batch_id=b.id)
        indicators.set_value(s, small["ind"], small["stt"], "2024S1", 50, batch_id=b.id)
        bid = b.id
    with db.session() as s:
        assert batches.find_applied(s, "abc").id == bid
        batches.undo_batch(s, bid)
    with db.session() as s:
        assert s.get(Task, small["t2"]).status == "in_progress"
        vals = {(v.agency_id, v.value) for v in s.scalars(select(IndicatorValue))}
        assert vals == {(small["prov"], 40)}
        assert batches.find_applied(s, "abc") is None
    # A second batch whose value is edited by hand afterwards cannot be undone.
    with db.session() as s:
        b2 = batches.begin_batch(s, kind="form")
        indicators.set_value(s, small["ind"], small["prov"], "2024S1", 47, batch_id=b2.id)
        indicators.set_value(s, small["ind"], small["prov"], "2024S1", 48)
        b2id = b2.id
    with pytest.raises(Exception) as e:
        with db.session() as s:
            batches.undo_batch(s, b2id)
    assert "sửa sau đó" in str(e.value)
    with db.session() as s:
        assert s.scalar(select(IndicatorValue.value).where(IndicatorValue.agency_id == small["prov"])) == 48
