"""Fixtures for the view and chart tests: a small province in a fresh database, and the
AppContext the views share, set to the first half of 2024 as of 30/6/2024.

Test modules load this with ``pytest_plugins = ["conftest_views"]``.
"""

from __future__ import annotations

import datetime as dt

import pytest

D = dt.date
AS_OF = D(2024, 6, 30)


def _build_province(db) -> dict[str, int]:
    """Province → 2 departments + 1 district (+ a commune under it), 2 plans, 7 tasks with
    histories, a percent indicator and a count indicator with targets and values, a meeting."""
    from cdsdesk.services import agencies, indicators, meetings, tasks
    from cdsdesk.store.models import Plan

    with db.session() as s:
        prov = agencies.create_agency(s, code="TQ", name="UBND tỉnh Tuyên Quang", kind="province")
        stt = agencies.create_agency(s, code="STTTT", name="Sở Thông tin và Truyền thông", kind="department", parent_id=prov.id)
        snv = agencies.create_agency(s, code="SNV", name="Sở Nội vụ", kind="department", parent_id=prov.id)
        ch = agencies.create_agency(s, code="CH", name="UBND huyện Chiêm Hóa", kind="district", parent_id=prov.id)
        xa = agencies.create_agency(s, code="CH-VQ", name="UBND xã Vinh Quang", kind="commune", parent_id=ch.id)
        kh = Plan(code="KH2024", name="Kế hoạch chuyển đổi số năm 2024", year=2024)
        da = Plan(code="DA06", name="Đề án 06 năm 2024", year=2024, kind="project")
        s.add_all([kh, da])
        s.flush()

        def task(code, title, plan, lead, deadline, *updates):
            t = tasks.create_task(s, {"code": code, "title": title, "plan_id": plan.id, "lead_agency_id": lead.id,
                                      "start_date": D(2024, 1, 1), "deadline": deadline})
            for day, st, pr in updates:
                tasks.record_status_update(s, t.id, status=st, progress=pr, entry_date=day)
            return t

        t = {}
        t["T1"] = task("T1", "Số hóa hồ sơ thủ tục hành chính", kh, stt, D(2024, 3, 31),
                       (D(2024, 2, 1), "in_progress", 40), (D(2024, 3, 20), "done", 100))
        t["T2"] = task("T2", "Tập huấn kỹ năng số cho cán bộ", kh, snv, D(2024, 5, 31),
                       (D(2024, 3, 1), "in_progress", 30))  # overdue on 30/6
        t["T3"] = task("T3", "Nâng cấp Trung tâm dữ liệu tỉnh", kh, stt, D(2024, 7, 15),
                       (D(2024, 4, 1), "in_progress", 60))  # due soon
        t["T4"] = task("T4", "Chờ hướng dẫn của Bộ về định danh", da, stt, D(2024, 12, 31),
                       (D(2024, 4, 1), "blocked", 0))
        t["T5"] = task("T5", "Thường xuyên cập nhật cơ sở dữ liệu dân cư", da, ch, D(2024, 6, 30),
                       (D(2024, 5, 2), "done_routine", 100))
        t["T6"] = task("T6", "Triển khai chữ ký số cho xã", da, xa, D(2024, 7, 20))  # not started, due soon
        t["T7"] = task("T7", "Phổ cập thanh toán không dùng tiền mặt", kh, ch, D(2024, 4, 30),
                       (D(2024, 2, 15), "in_progress", 10))  # overdue

        pct = indicators.create_indicator(s, {"code": "DVC-TT", "name": "Tỷ lệ hồ sơ trực tuyến toàn trình",
                                              "value_type": "percent", "aggregation": "mean", "plan_id": kh.id})
        indicators.create_target(s, pct.id, target_value=80, target_date=D(2025, 12, 31),
                                 baseline_value=9, baseline_period="2022")
        for period, v in [("2023S1", 12), ("2023S2", 17), ("2024S1", 42)]:
            indicators.set_value(s, pct.id, prov.id, period, v)
        for ag, v in [(stt, 61.0), (snv, 38.5), (ch, 17.0)]:
            indicators.set_value(s, pct.id, ag.id, "2024S1", v)
        cnt = indicators.create_indicator(s, {"code": "CSDL", "name": "Số cơ sở dữ liệu chuyên ngành",
                                              "value_type": "count", "unit": "CSDL", "aggregation": "sum"})
        indicators.create_target(s, cnt.id, target_value=5000, target_date=D(2024, 12, 31),
                                 baseline_value=1280, baseline_period="2023")
        indicators.set_value(s, cnt.id, prov.id, "2024S1", 2087)
        fibre = indicators.create_indicator(s, {"code": "CAP-QUANG", "name": "Tỷ lệ hộ gia đình có cáp quang",
                                                "value_type": "percent", "aggregation": "none"})
        indicators.create_target(s, fibre.id, target_value=80, target_date=D(2025, 12, 31))
        indicators.set_value(s, fibre.id, prov.id, "2024S1", 82.2)

        m = meetings.create_meeting(s, date=D(2024, 4, 10), title="Phiên họp quý I/2024 của Ban Chỉ đạo",
                                    chair="Chủ tịch UBND tỉnh")
        d1 = meetings.add_directive(s, m.id, text="Sở Nội vụ hoàn thành tập huấn kỹ năng số trước 30/9",
                                    agency_id=snv.id, deadline=D(2024, 9, 30))
        ids = dict(prov=prov.id, stt=stt.id, snv=snv.id, ch=ch.id, xa=xa.id, kh=kh.id, da=da.id,
                   pct=pct.id, cnt=cnt.id, fibre=fibre.id, meeting=m.id, d1=d1.id,
                   **{k: v.id for k, v in t.items()})
    return ids


@pytest.fixture(scope="session")
def _province_template(tmp_path_factory):
    """Built once per run; each test gets its own copy of the file."""
    from cdsdesk.store.session import open_database

    path = tmp_path_factory.mktemp("province") / "template.db"
    database = open_database(path)
    ids = _build_province(database)
    with database.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.dispose()
    return path, ids


@pytest.fixture
def province_db(_province_template, tmp_path):
    """A fresh copy of the small province database."""
    import shutil

    from cdsdesk.store.session import open_database

    src, _ids = _province_template
    dst = tmp_path / "tỉnh.db"
    shutil.copyfile(src, dst)
    database = open_database(dst, migrate=False)
    yield database
    database.dispose()


@pytest.fixture
def province_ids(_province_template, province_db):
    """Ids of the small province's records (agencies, plans, tasks T1…T7, indicators, meeting)."""
    return dict(_province_template[1])


@pytest.fixture
def view_ctx(province_db, province_ids, qapp):
    from cdsdesk.domain.periods import Period
    from cdsdesk.ui.context import AppContext

    c = AppContext(province_db)
    c.set_period(Period.parse("2024S1"), as_of=AS_OF)
    yield c
    c.undo_stack.clear()
