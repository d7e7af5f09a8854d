import datetime as dt

import pytest

from cdsdesk.services import agencies, indicators, tasks

D = dt.date


@pytest.fixture
def small(db):
    """A province, two departments, a plan and three tasks with histories."""
    from cdsdesk.store.models import Plan

    with db.session() as s:
        prov = agencies.create_agency(s, code="TQ", name="UBND tỉnh Tuyên Quang", kind="province")
        stt = agencies.create_agency(s, code="STTTT", name="Sở Thông tin và Truyền thông", kind="department", parent_id=prov.id)
        snv = agencies.create_agency(s, code="SNV", name="Sở Nội vụ", kind="department", parent_id=prov.id)
        plan = Plan(code="KH2024", name="Kế hoạch chuyển đổi số năm 2024", year=2024)
        s.add(plan)
        s.flush()
        t1 = tasks.create_task(s, {"code": "T1", "title": "Chuyển đổi số hồ sơ", "plan_id": plan.id,
                                   "lead_agency_id": stt.id, "start_date": D(2024, 1, 1), "deadline": D(2024, 3, 31)})
        t2 = tasks.create_task(s, {"code": "T2", "title": "Tập huấn kỹ năng số", "plan_id": plan.id,
                                   "lead_agency_id": snv.id, "start_date": D(2024, 1, 1), "deadline": D(2024, 12, 31)})
        t3 = tasks.create_task(s, {"code": "T3", "title": "Giao sau", "plan_id": plan.id,
                                   "lead_agency_id": stt.id, "start_date": D(2024, 5, 1), "deadline": D(2024, 9, 30)})
        tasks.record_status_update(s, t1.id, status="in_progress", progress=40, entry_date=D(2024, 2, 1), note="Đang làm")
        tasks.record_status_update(s, t1.id, status="done", entry_date=D(2024, 4, 15), note="Xong, chậm hai tuần")
        tasks.record_status_update(s, t2.id, status="in_progress", progress=20, entry_date=D(2024, 3, 1))
        ind = indicators.create_indicator(s, {"code": "DVC-TT", "name": "Tỷ lệ hồ sơ trực tuyến toàn trình",
                                              "value_type": "percent", "aggregation": "mean", "plan_id": plan.id})
        indicators.create_target(s, ind.id, target_value=80, target_date=D(2030, 12, 31),
                                 baseline_value=9, baseline_period="2023")
        ids = dict(prov=prov.id, stt=stt.id, snv=snv.id, plan=plan.id, t1=t1.id, t2=t2.id, t3=t3.id, ind=ind.id)
    return ids
