"""Sheets the importer has never seen: other headings and order, two header lines, no group rows;
abbreviated agency names; statuses it cannot read and what the mapping step does about them."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from sqlalchemy import select

from cdsdesk.domain.text import fold
from cdsdesk.exchange.detect import Probe, detect
from cdsdesk.exchange.legacy_vocab import agency_key
from cdsdesk.services.agencies import create_agency
from cdsdesk.store.models import Agency, Task
from .xhelpers import counts, run_import, snapshot


def _sheet(path, rows, *, header_merge: str | None = "E3:F3"):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Danh mục"
    ws["A1"] = "DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2025"
    ws.append([])
    ws.append(["TT", "Tên nhiệm vụ", "Đơn vị chủ trì", "Thời hạn", "Kết quả thực hiện", None,
               "Đơn vị phối hợp", "Ghi chú"])
    ws.append([None, None, None, None, "Trạng thái", "Kết quả đạt được", None, None])
    if header_merge:
        ws.merge_cells(header_merge)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


ROWS = [
    [1, "Xây dựng kho dữ liệu dùng chung", "Sở TT&TT", "Tháng 3/2025", "Đã xong", "Đưa vào vận hành",
     "VP UBND tỉnh", None],
    [2, "Chuẩn hóa dữ liệu hộ tịch", "sở tư pháp", "quý 2 năm 2025", "đang triển khai", None,
     "Sở Y tế, Sở Nội vụ", "Chậm"],
    [3, "Cấp chữ ký số cho cán bộ", "Văn phòng Ủy ban nhân dân tỉnh", dt.datetime(2025, 8, 15),
     "Chưa triển khai", None, None, None],
    [4, "Duy trì cổng dữ liệu mở", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "Hằng năm",
     "Hoàn thành, thực hiện thường xuyên", None, "Các sở, ngành", None],
    [5, "Rà soát hệ thống thông tin cấp độ", "Công an tỉnh", "31/12/2025", "Tạm dừng", None, None,
     "Chờ hướng dẫn"],
]


@pytest.fixture
def known_agencies(db):
    with db.session() as s:
        for code, name in [("STTTT", "Sở Thông tin và Truyền thông"), ("VPUB", "Văn phòng Ủy ban nhân dân tỉnh"),
                           ("STP", "Sở Tư pháp"), ("SYT", "Sở Y tế")]:
            create_agency(s, code=code, name=name, kind="department")


def test_legacy_other_shape_imports(db, tmp_path, known_agencies):
    path = _sheet(tmp_path / "danh-mục-2025.xlsx", ROWS)
    with open(path, "rb") as fh:
        assert detect(Probe(path, fh.read())).kind == "legacy"
    fp = run_import(db, path)
    assert fp.outcome.value == "applied", [e.text() for e in fp.errors]
    with db.session() as s:
        tasks = {t.title: t for t in s.scalars(select(Task))}
        got = {
            title: (t.lead_agency.code if t.lead_agency else None, sorted(a.code for a in t.cooperators),
                    t.deadline, t.recurring, t.status, t.area_id)
            for title, t in tasks.items()
        }
        # New agencies get codes from their initials; Sở Nội vụ and Công an tỉnh were unknown.
        assert got == {
            "Xây dựng kho dữ liệu dùng chung": ("STTTT", ["VPUB"], dt.date(2025, 3, 31), False, "done", None),
            "Chuẩn hóa dữ liệu hộ tịch": ("STP", ["SNV", "SYT"], dt.date(2025, 6, 30), False, "in_progress", None),
            "Cấp chữ ký số cho cán bộ": ("VPUB", [], dt.date(2025, 8, 15), False, "not_started", None),
            "Duy trì cổng dữ liệu mở": ("STTTT", [], None, True, "done_routine", None),
            "Rà soát hệ thống thông tin cấp độ": ("CAT", [], dt.date(2025, 12, 31), False, "blocked", None),
        }
        first = tasks["Xây dựng kho dữ liệu dùng chung"]
        assert first.history[-1].note == "Đưa vào vận hành"
        assert "Các sở, ngành" in tasks["Duy trì cổng dữ liệu mở"].description
        assert s.scalar(select(Agency).where(Agency.code == "SNV")).name == "Sở Nội vụ"
        assert first.code == "NV-001"


def test_legacy_one_header_line_and_group_rows_elsewhere(db, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Số TT", "Nội dung công việc", "Cơ quan chủ trì", "Thời gian thực hiện", "Tình hình thực hiện"])
    ws.append(["A", "LĨNH VỰC HẠ TẦNG SỐ"])
    ws.append([1, "Phủ sóng 5G trung tâm tỉnh", "Viettel Tuyên Quang", "Năm 2025", "Đang thực hiện, đạt 40%"])
    ws.append(["B", "BẢO ĐẢM AN TOÀN THÔNG TIN MẠNG"])
    ws.append([1, "Giám sát SOC", "Công an tỉnh", "Thường xuyên", "Đã hoàn thành. Kết nối với NCSC"])
    ws.append([None, "Tổng cộng: 2 nhiệm vụ"])
    path = tmp_path / "one-line.xlsx"
    wb.save(path)
    fp = run_import(db, path)
    assert fp.outcome.value == "applied", [e.text() for e in fp.errors]
    with db.session() as s:
        tasks = {t.title: t for t in s.scalars(select(Task))}
        assert tasks["Phủ sóng 5G trung tâm tỉnh"].area.code == "HTS"
        assert tasks["Phủ sóng 5G trung tâm tỉnh"].status == "in_progress"
        assert tasks["Giám sát SOC"].area.code == "ATTT"
        assert tasks["Giám sát SOC"].status == "done"
        assert tasks["Giám sát SOC"].history[-1].note == "Đã hoàn thành. Kết nối với NCSC"
        assert tasks["Giám sát SOC"].lead_agency.kind == "department"
        assert s.scalar(select(Agency.kind).where(Agency.name == "Viettel Tuyên Quang")) == "enterprise"
    assert any("Tổng cộng" in m.vi for m in fp.notices)


def test_legacy_unknown_status_rejects_then_mapping_resolves(db, tmp_path, known_agencies):
    rows = [list(r) for r in ROWS]
    rows[1][4] = "Đợi kinh phí năm sau"
    path = _sheet(tmp_path / "status.xlsx", rows)
    before = snapshot(db)
    fp = run_import(db, path)
    assert fp.outcome.value == "rejected"
    (err,) = fp.errors
    assert err.cell == "Danh mục!E6" and "'Đợi kinh phí năm sau' không nhận ra là trạng thái" in err.vi
    assert snapshot(db) == before
    table = fp.data["legacy"]
    assert [(u.kind, u.text, u.cells) for u in table.unknowns] == [("status", "Đợi kinh phí năm sau", ["Danh mục!E6"])]
    mapping = {"statuses": {fold("Đợi kinh phí năm sau"): "blocked"},
               "agencies": {agency_key("Công an tỉnh"): "STP"}}
    fp = run_import(db, path, params={"legacy_mapping": mapping})
    assert fp.outcome.value == "applied", [e.text() for e in fp.errors]
    with db.session() as s:
        t = s.scalar(select(Task).where(Task.title == "Chuẩn hóa dữ liệu hộ tịch"))
        assert t.status == "blocked"
        t = s.scalar(select(Task).where(Task.title == "Rà soát hệ thống thông tin cấp độ"))
        assert t.lead_agency.code == "STP"  # mapped, not created
        assert s.scalar(select(Agency).where(Agency.name == "Công an tỉnh")) is None


def test_legacy_bad_cells_are_errors_with_their_cell(db, tmp_path):
    rows = [list(r) for r in ROWS]
    rows[0][3] = "sớm nhất có thể"
    rows[2][1] = "=CONCAT(\"a\",\"b\")"
    path = _sheet(tmp_path / "bad.xlsx", rows)
    before = snapshot(db)
    fp = run_import(db, path)
    assert fp.outcome.value == "rejected"
    cells = sorted(e.cell for e in fp.errors)
    assert cells == ["Danh mục!B7", "Danh mục!D5"]
    assert snapshot(db) == before


def test_legacy_second_version_updates_the_tasks(db, tmp_path, known_agencies):
    run_import(db, _sheet(tmp_path / "v1.xlsx", ROWS))
    rows = [list(r) for r in ROWS]
    rows[1][4], rows[1][5] = "Đã hoàn thành", "Xong 100% hồ sơ"
    fp = run_import(db, _sheet(tmp_path / "v2.xlsx", rows))
    assert fp.outcome.value == "applied"
    s = fp.summary()
    assert (s.created, s.updated, s.unchanged) == (0, 1, 4)
    (row,) = [r for r in fp.rows if r.status.value == "changed"]
    assert {c.field: (c.old, c.new) for c in row.changes} == {
        "status": ("in_progress", "done"), "note": ("Ghi chú: Chậm", "Xong 100% hồ sơ\nGhi chú: Chậm"),
    }
    with db.session() as sess:
        t = sess.scalar(select(Task).where(Task.title == "Chuẩn hóa dữ liệu hộ tịch"))
        assert [h.status for h in t.history] == ["in_progress", "done"]  # history kept, both notes
    assert counts(db)["tasks"] == 5
