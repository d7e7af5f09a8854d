"""Fixtures for the window tests: a small small_province in a fresh database, the Vietnamese interface,
settings kept in the test's own folder."""

from __future__ import annotations

import datetime as dt

import pytest

D = dt.date


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path, qapp):
    """QSettings in a per-test folder, so tests never read or write the user's settings."""
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    qapp.setOrganizationName("cdsdesk-tests")
    qapp.setApplicationName("cdsdesk-tests")
    yield


@pytest.fixture
def vi(qapp):
    """The Vietnamese interface (the default)."""
    from cdsdesk.ui.i18n import install_language

    install_language(qapp, "vi")
    yield "vi"


@pytest.fixture
def small_province(db):
    """A small_province with two departments, a district, two plans, two areas and five tasks."""
    from cdsdesk.services import agencies, tasks
    from cdsdesk.store.models import Area, Plan

    with db.session() as s:
        prov = agencies.create_agency(s, code="TQ", name="UBND tỉnh Tuyên Quang", kind="province")
        stt = agencies.create_agency(s, code="STTTT", name="Sở Thông tin và Truyền thông", kind="department",
                                     parent_id=prov.id)
        snv = agencies.create_agency(s, code="SNV", name="Sở Nội vụ", kind="department", parent_id=prov.id)
        ha = agencies.create_agency(s, code="HAMYEN", name="UBND huyện Hàm Yên", kind="district", parent_id=prov.id)
        kh = Plan(code="KH2024", name="Kế hoạch chuyển đổi số năm 2024", year=2024)
        da = Plan(code="DA06", name="Đề án 06", year=2024)
        gov = Area(code="CQS", name="Chính quyền số", sort_order=1)
        hr = Area(code="NLS", name="Nhân lực số", sort_order=2)
        s.add_all([kh, da, gov, hr])
        s.flush()
        t = {}
        t["t1"] = tasks.create_task(s, {"code": "KH-01", "title": "Chuyển đổi số hồ sơ hành chính", "plan_id": kh.id,
                                        "area_id": gov.id, "lead_agency_id": stt.id, "start_date": D(2024, 1, 1),
                                        "deadline": D(2024, 3, 31)})
        t["t2"] = tasks.create_task(s, {"code": "KH-02", "title": "Tập huấn kỹ năng số cho cán bộ", "plan_id": kh.id,
                                        "area_id": hr.id, "lead_agency_id": snv.id, "start_date": D(2024, 1, 1),
                                        "deadline": D(2030, 12, 31)})
        t["t3"] = tasks.create_task(s, {"code": "DA06-01", "title": "Hòa mạng dữ liệu dân cư", "plan_id": da.id,
                                        "area_id": gov.id, "lead_agency_id": ha.id, "start_date": D(2024, 1, 1),
                                        "deadline": D(2024, 6, 30)})
        t["t4"] = tasks.create_task(s, {"code": "DA06-02", "title": "Ứng dụng định danh điện tử", "plan_id": da.id,
                                        "area_id": gov.id, "lead_agency_id": stt.id, "start_date": D(2024, 1, 1)})
        t["t5"] = tasks.create_task(s, {"code": "KH-10", "title": "Báo cáo an toàn thông tin", "plan_id": kh.id,
                                        "lead_agency_id": snv.id, "start_date": D(2024, 1, 1),
                                        "deadline": dt.date.today() + dt.timedelta(days=10)})
        tasks.record_status_update(s, t["t1"].id, status="in_progress", progress=40, entry_date=D(2024, 2, 1),
                                   note="Đang số hoá")
        tasks.record_status_update(s, t["t2"].id, status="done", entry_date=D(2024, 4, 15), note="Xong")
        tasks.record_status_update(s, t["t3"].id, status="blocked", progress=10, entry_date=D(2024, 3, 1),
                                   note="Chờ hướng dẫn của Bộ Công an")
        ids = {k: v.id for k, v in t.items()}
        ids.update(prov=prov.id, stt=stt.id, snv=snv.id, ha=ha.id, kh=kh.id, da=da.id, gov=gov.id, hr=hr.id)
    return ids


@pytest.fixture
def app_ctx(db, small_province, vi):
    from cdsdesk.ui.context import AppContext

    c = AppContext(db)
    c.lang = vi
    yield c
    c.undo_stack.clear()


@pytest.fixture
def window(qtbot, app_ctx):
    from PySide6.QtCore import QSettings

    from cdsdesk.ui.main_window import MainWindow

    win = MainWindow(app_ctx, QSettings())
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def _type_text(widget, text: str) -> None:
    """Type text as key presses, Vietnamese letters included (QTest's keyClicks knows ASCII only)."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            ev = QKeyEvent(kind, Qt.Key.Key_unknown if not ch.isascii() else ord(ch.upper()),
                           Qt.KeyboardModifier.NoModifier, ch)
            QApplication.sendEvent(widget, ev)


@pytest.fixture
def type_text():
    return _type_text
