"""A small province built through the services, and a colleague who fills in forms with openpyxl."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from cdsdesk.services import agencies, indicators, tasks

D = dt.date
TODAY = D(2024, 7, 5)


@pytest.fixture
def province(db):
    """A province, two departments and a district; tasks with histories; two indicators."""
    from cdsdesk.store.models import Plan

    with db.session() as s:
        prov = agencies.create_agency(s, code="TQ", name="UBND tỉnh Tuyên Quang", kind="province")
        stt = agencies.create_agency(s, code="STTTT", name="Sở Thông tin và Truyền thông", kind="department",
                                     parent_id=prov.id, short_name="Sở TT&TT")
        snv = agencies.create_agency(s, code="SNV", name="Sở Nội vụ", kind="department", parent_id=prov.id)
        hys = agencies.create_agency(s, code="HYS", name="Huyện Yên Sơn", kind="district", parent_id=prov.id)
        plan = Plan(code="DA06", name="Đề án 06 năm 2024", year=2024)
        s.add(plan)
        s.flush()

        def task(code: str, title: str, lead: int, deadline: dt.date) -> int:
            return tasks.create_task(s, {"code": code, "title": title, "plan_id": plan.id, "lead_agency_id": lead,
                                         "start_date": D(2024, 1, 1), "deadline": deadline}).id

        ids: dict[str, Any] = dict(prov=prov.id, stt=stt.id, snv=snv.id, hys=hys.id, plan=plan.id)
        ids["t1"] = task("DA06-1", "Làm sạch dữ liệu dân cư", stt.id, D(2024, 6, 30))
        ids["t2"] = task("DA06-2", "Tích hợp định danh điện tử VNeID", stt.id, D(2024, 9, 30))
        ids["t3"] = task("DA06-3", "Số hoá hồ sơ thủ tục hành chính", stt.id, D(2024, 12, 31))
        ids["t10"] = task("DA06-10", "Tập huấn kỹ năng số cho cán bộ", stt.id, D(2024, 5, 31))
        ids["t4"] = task("DA06-4", "Rà soát quy trình nội bộ", snv.id, D(2024, 8, 31))
        ids["t5"] = task("DA06-5", "Điểm phục vụ hành chính công cấp xã", hys.id, D(2024, 10, 31))
        tasks.record_status_update(s, ids["t1"], status="in_progress", progress=40, entry_date=D(2024, 3, 1),
                                   note="Đã làm sạch 40% dữ liệu")
        tasks.record_status_update(s, ids["t3"], status="in_progress", progress=70, entry_date=D(2024, 4, 1))
        tasks.record_status_update(s, ids["t10"], status="done", entry_date=D(2024, 5, 20), note="Đã tập huấn 300 lượt")
        dvc = indicators.create_indicator(s, {"code": "DVC-TT", "name": "Tỷ lệ hồ sơ trực tuyến toàn trình",
                                              "unit": "%", "value_type": "percent", "aggregation": "mean"})
        csdl = indicators.create_indicator(s, {"code": "CSDL", "name": "Số cơ sở dữ liệu chuyên ngành",
                                               "unit": "cơ sở dữ liệu", "value_type": "count", "aggregation": "sum",
                                               "verifying_agency_id": stt.id})
        for a in (stt.id, hys.id):
            indicators.create_target(s, dvc.id, target_value=80, target_date=D(2025, 12, 31), agency_id=a)
        indicators.set_value(s, dvc.id, stt.id, "2023S2", 17)
        indicators.set_value(s, csdl.id, stt.id, "2024S1", 12, comment="Theo báo cáo quý I")
        ids.update(dvc=dvc.id, csdl=csdl.id)
    return ids


def fill_form(path: Path, out: Path | None = None, *, reporter: str | None = None,
              tasks: dict[str, dict[str, Any]] | None = None,
              values: dict[str, dict[str, Any]] | None = None) -> Path:
    """Fill a form as a colleague would: find each row by its code and type into the yellow cells."""
    wb = openpyxl.load_workbook(path)
    cols_t = {"status": "D", "progress": "E", "note": "F", "done_on": "G"}
    cols_i = {"value": "D", "note": "E"}
    ws = wb["Nhiệm vụ"]
    if reporter is not None:
        ws["E2"] = reporter
    for code, fields in (tasks or {}).items():
        r = _row_of(ws, code)
        for k, v in fields.items():
            ws[f"{cols_t[k]}{r}"] = v
    ws = wb["Chỉ tiêu"]
    for code, fields in (values or {}).items():
        r = _row_of(ws, code)
        for k, v in fields.items():
            ws[f"{cols_i[k]}{r}"] = v
    out = out or path
    wb.save(out)
    return out


def _row_of(ws, code: str) -> int:  # noqa: ANN001
    for r in range(1, ws.max_row + 1):
        if ws.cell(r, 1).value == code:
            return r
    raise KeyError(code)


def snapshot(db) -> list[str]:  # noqa: ANN001
    """Every row of every table, as SQL text: equal snapshots mean an unchanged database."""
    import sqlite3

    con = sqlite3.connect(str(db.path))
    try:
        return list(con.iterdump())
    finally:
        con.close()


@pytest.fixture
def form(db, province, tmp_path):
    """The form issued to the Department of Information and Communications for 2024S1."""
    from cdsdesk.exchange.forms import write_form

    return write_form(db, "STTTT", "2024S1", tmp_path / "Phiếu Sở TT&TT.xlsx").path


def run_import(db, *paths, **options):  # noqa: ANN001, ANN003
    from cdsdesk.exchange.importer import ImportOptions, import_files

    options.setdefault("today", TODAY)
    return import_files(db, list(paths), ImportOptions(**options))


@pytest.fixture
def vi(qapp):  # noqa: ANN001
    """The Vietnamese interface for a dialog test; the application is left as it was found."""
    from cdsdesk.ui import i18n

    before = qapp.property("cdsdesk_lang")
    i18n.install_language(qapp, "vi")
    yield "vi"
    for tr in i18n._installed:
        qapp.removeTranslator(tr)
    i18n._installed.clear()
    qapp.setProperty("cdsdesk_lang", before)
