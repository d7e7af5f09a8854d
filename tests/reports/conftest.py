import datetime as dt
import shutil

import pytest

from cdsdesk.services import agencies, batches, indicators, tasks

D = dt.date


@pytest.fixture
def pdftotext():
    """pdftotext -layout as a function; skips when poppler-utils is absent."""
    import subprocess

    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")

    def run(path, layout: bool = True) -> str:  # noqa: ANN001
        cmd = ["pdftotext", *(["-layout"] if layout else []), str(path), "-"]
        return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout

    return run


@pytest.fixture
def province(db):
    return fill_province(db)


def fill_province(db):  # noqa: ANN001, ANN201
    """A province, three agencies, two plans, tasks whose history changes between March and June
    2024, two indicators with targets, and one agency's form import for 2024S1."""
    from cdsdesk.store.models import Plan

    with db.session() as s:
        prov = agencies.create_agency(s, code="TQ", name="UBND tỉnh Tuyên Quang", kind="province")
        stt = agencies.create_agency(s, code="STTTT", name="Sở Thông tin và Truyền thông", kind="department", parent_id=prov.id)
        snv = agencies.create_agency(s, code="SNV", name="Sở Nội vụ", kind="department", parent_id=prov.id)
        ca = agencies.create_agency(s, code="CA", name="Công an tỉnh", kind="department", parent_id=prov.id)
        kh = Plan(code="KH2024", name="Kế hoạch chuyển đổi số năm 2024", year=2024)
        da = Plan(code="DA06", name="Đề án 06 năm 2024", year=2024)
        s.add_all([kh, da])
        s.flush()

        def task(code, title, plan, lead, deadline, start=D(2024, 1, 1)):  # noqa: ANN001, ANN202
            return tasks.create_task(s, {"code": code, "title": title, "plan_id": plan.id, "lead_agency_id": lead.id,
                                         "start_date": start, "deadline": deadline}).id

        t1 = task("KH-1", "Chuyển đổi số hồ sơ một cửa", kh, stt, D(2024, 3, 31))
        t2 = task("KH-2", "Tập huấn kỹ năng số cho cán bộ", kh, snv, D(2024, 12, 31))
        t3 = task("KH-3", "=cmd|' /C calc'!A0 Cấp chữ ký số", kh, stt, D(2024, 5, 31))
        t4 = task("DA06-1", "Làm sạch dữ liệu dân cư <b>& hộ tịch</b>", da, ca, D(2024, 6, 15))
        t5 = task("DA06-2", "Thanh toán không dùng tiền mặt tại bệnh viện", da, ca, D(2024, 8, 31))
        t6 = task("DA06-3", "Giao sau tháng 5", da, snv, D(2024, 10, 31), start=D(2024, 5, 1))
        u = tasks.record_status_update
        u(s, t1, status="in_progress", progress=40, entry_date=D(2024, 2, 1), note="Đang làm")
        u(s, t1, status="done", progress=100, entry_date=D(2024, 4, 15), note="Xong, chậm hai tuần")
        u(s, t2, status="in_progress", progress=20, entry_date=D(2024, 3, 1))
        u(s, t3, status="in_progress", progress=10, entry_date=D(2024, 3, 10), note="-Chờ nhà cung cấp")
        u(s, t4, status="in_progress", progress=30, entry_date=D(2024, 2, 20))
        u(s, t4, status="blocked", progress=30, entry_date=D(2024, 5, 20), note="Chờ hướng dẫn của Bộ Công an")
        u(s, t5, status="done_routine", progress=100, entry_date=D(2024, 3, 25), note="Thực hiện thường xuyên")
        batch = batches.begin_batch(s, kind="form", source_name="bieu-mau-CA.xlsx", agency_id=ca.id, period="2024S1")
        ind = indicators.create_indicator(s, {"code": "DVC-TT", "name": "Tỷ lệ hồ sơ trực tuyến toàn trình",
                                              "value_type": "percent", "aggregation": "none", "plan_id": kh.id})
        indicators.create_target(s, ind.id, target_value=50, target_date=D(2025, 12, 31),
                                 baseline_value=17, baseline_period="2023")
        indicators.set_value(s, ind.id, prov.id, "2024Q1", 30)
        indicators.set_value(s, ind.id, prov.id, "2024Q2", 42)
        ind2 = indicators.create_indicator(s, {"code": "CSDL", "name": "Số cơ sở dữ liệu chuyên ngành",
                                               "value_type": "count", "unit": "cơ sở dữ liệu",
                                               "aggregation": "none", "plan_id": kh.id})
        indicators.create_target(s, ind2.id, target_value=2000, target_date=D(2025, 12, 31),
                                 baseline_value=1280, baseline_period="2023")
        indicators.set_value(s, ind2.id, prov.id, "2024Q1", 1500)
        indicators.set_value(s, ind2.id, prov.id, "2024Q2", 2087)
        ids = dict(prov=prov.id, stt=stt.id, snv=snv.id, ca=ca.id, t1=t1, t2=t2, t3=t3, t4=t4, t5=t5, t6=t6,
                   batch=batch.id)
    return ids
