"""A district's package into the province, the province's into a national database: the same counts
as the sources; re-import changes nothing; undo restores the counts; tampering is refused."""

from __future__ import annotations

import datetime as dt
import json
import zipfile

import pytest
from sqlalchemy import select

from cdsdesk.exchange.package import write_package
from cdsdesk.exchange.importer import undo
from cdsdesk.services import agencies, indicators, tasks
from cdsdesk.store.models import Agency, Plan, Task
from cdsdesk.store.session import open_database

from .xhelpers import counts, run_import, snapshot

D = dt.date


def _open(tmp_path, name):
    return open_database(tmp_path / f"{name}.db")


def _build(db, *, own: str, tasks_spec, values):
    """A province (TQ) with one agency of its own under it, a plan, tasks with history, values."""
    with db.session() as s:
        prov = agencies.create_agency(s, code="TQ", name="UBND tỉnh Tuyên Quang", kind="province")
        kind = "district" if own.startswith("H") else "department"
        unit = agencies.create_agency(s, code=own, name=f"Đơn vị {own}", kind=kind, parent_id=prov.id)
        plan = Plan(code=f"KH-{own}", name=f"Kế hoạch {own} 2024", year=2024)
        s.add(plan)
        s.flush()
        dvc = indicators.create_indicator(s, {"code": "DVC-TT", "name": "Tỷ lệ hồ sơ trực tuyến toàn trình",
                                              "value_type": "percent", "aggregation": "mean"})
        indicators.create_target(s, dvc.id, target_value=80, target_date=D(2025, 12, 31), agency_id=unit.id)
        for code, title, history in tasks_spec:
            t = tasks.create_task(s, {"code": code, "title": title, "plan_id": plan.id, "lead_agency_id": unit.id,
                                      "cooperator_ids": [prov.id], "deadline": D(2024, 12, 31)})
            for day, status, note in history:
                tasks.record_status_update(s, t.id, status=status, note=note, entry_date=day)
        for agency_code, period, value in values:
            a = prov if agency_code == "TQ" else unit
            indicators.set_value(s, dvc.id, a.id, period, value, comment=f"{agency_code} {period}")


DISTRICT_TASKS = [
    ("NV-001", "Điểm phục vụ hành chính công cấp xã", [(D(2024, 3, 1), "in_progress", "Đã lắp 5/12 điểm"),
                                                     (D(2024, 6, 1), "done", "Đủ 12 điểm")]),
    ("HYS-2", "Tổ công nghệ số cộng đồng các thôn", [(D(2024, 4, 1), "in_progress", "")]),
    ("HYS-3", "Số hóa sổ hộ tịch", []),
]
PROVINCE_TASKS = [
    ("NV-001", "Ban hành Kế hoạch chuyển đổi số năm 2024", [(D(2024, 3, 5), "done", "KH số 28")]),
    ("NV-002", "Nâng cấp trung tâm dữ liệu", [(D(2024, 5, 1), "in_progress", "Đã phê duyệt chủ trương")]),
    ("NV-003", "Kết nối dữ liệu dân cư", [(D(2024, 2, 1), "blocked", "Chờ hướng dẫn")]),
]


@pytest.fixture
def three(tmp_path):
    district, province, national = (_open(tmp_path, n) for n in ("district", "province", "national"))
    _build(district, own="HYS", tasks_spec=DISTRICT_TASKS, values=[("HYS", "2024S1", 35.5), ("HYS", "2023S2", 20)])
    _build(province, own="STTTT", tasks_spec=PROVINCE_TASKS, values=[("TQ", "2024S1", 42), ("STTTT", "2024S1", 61)])
    yield district, province, national
    for d in (district, province, national):
        d.dispose()


def _package(db, path, **kw):
    with db.session() as s:
        return write_package(s, path, **kw)


def test_package_rollup_gives_the_same_counts(three, tmp_path):
    district, province, national = three
    d0, p0 = counts(district), counts(province)
    info = _package(district, tmp_path / "huyện-yên-sơn.cdsx", agency_code="HYS")
    assert info.counts["tasks"] == 3 and info.counts["indicator_values"] == 2 and info.counts["status_updates"] == 3

    fp = run_import(province, info.path)
    assert fp.outcome.value == "applied", [e.text() for e in fp.errors]
    p1 = counts(province)
    assert p1["tasks"] == p0["tasks"] + d0["tasks"] == 6
    assert p1["history"] == p0["history"] + d0["history"]
    assert p1["values"] == p0["values"] + d0["values"]
    assert p1["value_sum"] == pytest.approx(p0["value_sum"] + d0["value_sum"])
    assert p1["by_status"] == {"done": 2, "in_progress": 2, "blocked": 1, "not_started": 1}
    with province.session() as s:
        # Same code, different task: both kept; the district's agency hangs under the province's TQ.
        assert sorted(s.scalars(select(Task.code))) == ["HYS-2", "HYS-3", "NV-001", "NV-001-2", "NV-002", "NV-003"]
        hys = s.scalar(select(Agency).where(Agency.code == "HYS"))
        assert hys.parent.code == "TQ" and s.scalar(select(Agency).where(Agency.code == "TQ")).id == hys.parent_id
        t = s.scalar(select(Task).where(Task.code == "NV-001-2"))
        assert [(h.status, h.note) for h in t.history] == [("in_progress", "Đã lắp 5/12 điểm"), ("done", "Đủ 12 điểm")]
    assert any("NV-001-2" in m.vi for m in fp.notices)

    info = _package(province, tmp_path / "tỉnh.cdsx")
    fp = run_import(national, info.path)
    assert fp.outcome.value == "applied", [e.text() for e in fp.errors]
    n1 = counts(national)
    assert {k: v for k, v in n1.items() if k != "agencies"} == {k: v for k, v in p1.items() if k != "agencies"}
    assert n1["agencies"] == p1["agencies"] == 3  # TQ, STTTT and the district HYS


def test_package_reimport_changes_nothing_and_undo_restores(three, tmp_path):
    district, province, _ = three
    p0 = counts(province)
    path = _package(district, tmp_path / "d.cdsx", agency_code="HYS").path
    first = run_import(province, path)
    again = run_import(province, path)
    assert again.outcome.value == "duplicate" and again.previous_batch_id == first.batch_id
    # The same data packaged again (other bytes, same records): everything unchanged.
    fresh = run_import(province, _package(district, tmp_path / "d2.cdsx", agency_code="HYS", since=D(2000, 1, 1)).path)
    assert fresh.outcome.value == "nothing"
    assert fresh.summary().created == 0 and fresh.summary().updated == 0
    p1 = counts(province)
    undo(province, first.batch_id)
    p2 = counts(province)
    assert {k: p2[k] for k in ("tasks", "by_status", "values", "value_sum", "history")} == \
           {k: p0[k] for k in ("tasks", "by_status", "values", "value_sum", "history")}
    assert p1["tasks"] == p0["tasks"] + 3


def test_package_later_changes_update_and_conflict(three, tmp_path):
    district, province, _ = three
    run_import(province, _package(district, tmp_path / "1.cdsx", agency_code="HYS").path)
    with district.session() as s:
        t = s.scalar(select(Task).where(Task.code == "HYS-2"))
        tasks.edit_task(s, t.id, {"title": "Tổ công nghệ số cộng đồng 100% thôn"})
        tasks.record_status_update(s, t.id, status="done", note="Đủ 100% thôn", entry_date=D(2024, 7, 1))
        u = s.scalar(select(Task).where(Task.code == "HYS-3"))
        tasks.edit_task(s, u.id, {"deadline": D(2025, 6, 30)})
    with province.session() as s:  # the province corrects the same task's deadline meanwhile
        u = s.scalar(select(Task).where(Task.code == "HYS-3"))
        tasks.edit_task(s, u.id, {"deadline": D(2024, 9, 30)})
    path = _package(district, tmp_path / "2.cdsx", agency_code="HYS", since=D(2000, 1, 1)).path
    before = snapshot(province)
    fp = run_import(province, path)
    assert fp.outcome.value == "rejected"
    (conflict,) = fp.conflicts
    assert conflict.key == "HYS-3"
    assert [(c.field, c.old, c.new) for c in conflict.changes] == [("deadline", D(2024, 9, 30), D(2025, 6, 30))]
    assert snapshot(province) == before
    fp = run_import(province, path, on_conflict="mine")
    assert fp.outcome.value == "applied"
    with province.session() as s:
        t = s.scalar(select(Task).where(Task.code == "HYS-2"))
        assert t.title == "Tổ công nghệ số cộng đồng 100% thôn" and t.status == "done"
        assert s.scalar(select(Task.deadline).where(Task.code == "HYS-3")) == D(2024, 9, 30)


def _rewrite(src, dst, change):
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, change(info.filename, zin.read(info.filename)))


def test_package_tampered_member_is_rejected(three, tmp_path):
    district, province, _ = three
    path = _package(district, tmp_path / "d.cdsx", agency_code="HYS").path

    def edit(name, data):
        if name == "indicator_values.json":
            return data.replace(b"35.5", b"95.5")
        return data

    bad = tmp_path / "sửa.cdsx"
    _rewrite(path, bad, edit)
    before = snapshot(province)
    fp = run_import(province, bad)
    assert fp.outcome.value == "rejected"
    assert "indicator_values.json" in fp.errors[0].vi and "sha256" in fp.errors[0].en
    assert snapshot(province) == before


def test_package_into_empty_database_carries_its_references(three, tmp_path):
    district, _, national = three
    path = _package(district, tmp_path / "d.cdsx", agency_code="HYS").path
    with zipfile.ZipFile(path) as zf:
        manifest = json.loads(zf.read("manifest.json"))
    with district.session() as s:
        from cdsdesk.store.session import get_setting

        assert manifest["source_database_id"] == get_setting(s, "database_id")
    assert manifest["format_version"] == 1 and len(manifest["members"]) == 9
    fp = run_import(national, path)
    assert fp.outcome.value == "applied"
    with national.session() as s:
        t = s.scalar(select(Task).where(Task.code == "HYS-2"))
        assert t.lead_agency.code == "HYS" and t.plan.code == "KH-HYS" and [a.code for a in t.cooperators] == ["TQ"]
        from cdsdesk.store.models import Target

        (target,) = s.scalars(select(Target))
        assert target.target_value == 80 and target.agency.code == "HYS" and target.indicator.code == "DVC-TT"
    b = fp.summary()
    assert b.created == 3 + 2 + 2 + 1 + 1 + 1  # tasks, values, agencies, plan, indicator, target


def test_package_agency_and_since_select_what_travels(three, tmp_path):
    district, province, _ = three
    run_import(province, _package(district, tmp_path / "d.cdsx", agency_code="HYS").path)
    with province.session() as s:
        from cdsdesk.exchange.package import collect

        only = collect(s, agency_code="STTTT")
        assert sorted(t["code"] for t in only["tasks"]) == ["NV-001", "NV-002", "NV-003"]
        assert {a["code"] for a in only["agencies"]} == {"STTTT", "TQ"}  # its parent travels with it
        assert [v["value"] for v in only["indicator_values"]] == [61]
        whole = collect(s, agency_code="TQ")  # the province and everything under it
        assert len(whole["tasks"]) == 6 and len(whole["indicator_values"]) == 4
        assert collect(s, since=D(2999, 1, 1))["tasks"] == []
        t = s.scalar(select(Task).where(Task.code == "NV-002"))
        tasks.record_status_update(s, t.id, status="done", note="Xong", entry_date=D(2024, 7, 1))
        t.updated_at = dt.datetime(2030, 1, 2)
    with province.session() as s:
        later = collect(s, since=D(2030, 1, 1))
        assert [t["code"] for t in later["tasks"]] == ["NV-002"]
