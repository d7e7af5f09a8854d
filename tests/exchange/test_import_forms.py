"""A colleague fills the form in; the secretariat imports it: plan first, then all or nothing."""

from __future__ import annotations

import datetime as dt
import json

import openpyxl
import pytest
from sqlalchemy import select

from cdsdesk.cli.main import main
from cdsdesk.services.tasks import history
from cdsdesk.store.models import AuditEntry, ImportBatch, IndicatorValue, Task

from .conftest import D, fill_form, run_import, snapshot

GOOD = dict(
    reporter="Nguyễn Thị Hoa",
    tasks={
        "DA06-1": {"status": "Hoàn thành", "progress": 100, "note": "Đã làm sạch 100% dữ liệu dân cư",
                   "done_on": "28/06/2024"},
        "DA06-2": {"status": "dang trien khai", "progress": "35"},  # no diacritics, text number
        "DA06-3": {"note": "Đã số hoá 1.250 hồ sơ"},  # a note only
    },
    values={"DVC-TT": {"value": "42,5", "note": "Theo Cổng dịch vụ công"}, "CSDL": {"value": 15}},
)


def test_dry_run_shows_the_plan_and_writes_nothing(db, province, form):
    fill_form(form, **GOOD)
    before = snapshot(db)
    result = run_import(db, form, dry_run=True)
    assert result.exit_code == 0 and result.files[0].outcome.value == "dry_run"
    rows = {r.key: r for r in result.files[0].rows}
    assert rows["DA06-1"].status.value == "changed"
    assert {c.field: (c.old, c.new) for c in rows["DA06-1"].changes} == {
        "status": ("in_progress", "done"), "progress": (40, 100),
        "note": ("Đã làm sạch 40% dữ liệu", "Đã làm sạch 100% dữ liệu dân cư"),
        "completed_on": (None, D(2024, 6, 28)),
    }
    assert rows["DA06-10"].status.value == "unchanged"
    assert rows["DVC-TT · 2024S1"].status.value == "new"
    assert [(c.old, c.new) for c in rows["CSDL · 2024S1"].changes] == [(12, 15)]
    assert result.summary().to_dict() == {"created": 1, "updated": 4, "unchanged": 1, "conflicts": 0,
                                          "skipped": 0, "errors": 0}
    assert snapshot(db) == before


def test_import_writes_history_with_reporter_values_and_audit(db, province, form):
    fill_form(form, **GOOD)
    result = run_import(db, form)
    f = result.files[0]
    assert f.outcome.value == "applied" and result.exit_code == 0
    with db.session() as s:
        t1 = s.get(Task, province["t1"])
        assert (t1.status, t1.progress, t1.completed_on) == ("done", 100, D(2024, 6, 28))
        latest = history(s, t1.id)[0]
        assert latest.note == "Đã làm sạch 100% dữ liệu dân cư"
        assert latest.reporter == "Nguyễn Thị Hoa — Sở TT&TT"
        assert latest.batch_id == f.batch_id and latest.source == f"import:{form.name}"
        # The earlier note is still there: notes are never overwritten.
        assert [h.note for h in history(s, t1.id)][-1] == "Đã làm sạch 40% dữ liệu"
        t2 = s.get(Task, province["t2"])
        assert (t2.status, t2.progress, t2.last_update_on) == ("in_progress", 35, D(2024, 7, 5))
        t3 = s.get(Task, province["t3"])
        assert (t3.status, t3.progress) == ("in_progress", 70)
        assert history(s, t3.id)[0].note == "Đã số hoá 1.250 hồ sơ"
        vals = {v.indicator_id: v for v in s.scalars(select(IndicatorValue).where(
            IndicatorValue.agency_id == province["stt"], IndicatorValue.period == "2024S1"))}
        assert vals[province["dvc"]].value == 42.5 and vals[province["dvc"]].comment == "Theo Cổng dịch vụ công"
        assert vals[province["csdl"]].value == 15 and vals[province["csdl"]].comment == "Theo báo cáo quý I"
        batch = s.get(ImportBatch, f.batch_id)
        assert (batch.kind, batch.agency_id, batch.period, batch.source_sha256) == (
            "form", province["stt"], "2024S1", f.sha256)
        assert json.loads(batch.summary_json)["updated"] == 4
        audited = {(a.entity_label, a.field) for a in s.scalars(select(AuditEntry).where(AuditEntry.batch_id == batch.id))}
        assert {("DA06-1", "status"), ("DA06-1", "progress"), ("DA06-1", "note"), ("DA06-2", "status"),
                ("DVC-TT/2024S1", "value"), ("CSDL/2024S1", "value")} <= audited


def test_a_mistake_rejects_the_whole_file_naming_sheet_cell_and_reason(db, province, form):
    bad = dict(GOOD)
    bad["tasks"] = {**GOOD["tasks"], "DA06-10": {"status": "xong", "progress": 120}}
    bad["values"] = {**GOOD["values"], "DVC-TT": {"value": "bốn mươi"}}
    fill_form(form, **bad)
    before = snapshot(db)
    result = run_import(db, form)
    f = result.files[0]
    assert f.outcome.value == "rejected" and result.exit_code == 1
    texts = [e.text("vi") for e in f.errors]
    assert texts[0].startswith("Nhiệm vụ!D9: 'xong' không phải là trạng thái hợp lệ; chọn một trong: Chưa triển khai;")
    assert "Nhiệm vụ!E9: 120 nằm ngoài khoảng cho phép 0–100" in texts
    assert "Chỉ tiêu!D7: 'bốn mươi' không phải là số" in texts
    assert f.errors[0].en.startswith("'xong' is not a valid status")
    assert f.summary().created == 0 and f.summary().updated == 0 and f.summary().errors == 3
    assert snapshot(db) == before


def test_formula_where_a_value_belongs_is_an_error_and_never_evaluated(db, province, form):
    wb = openpyxl.load_workbook(form)
    wb["Chỉ tiêu"]["D7"] = "=40+2.5"
    wb.save(form)
    result = run_import(db, form)
    assert result.exit_code == 1
    assert result.files[0].errors[0].text("en") == (
        "Chỉ tiêu!D7: the cell holds a formula (=40+2.5); enter a value, not a formula")


def test_dates_as_serials_real_dates_or_text_and_percent_text(db, province, form):
    for i, done_on in enumerate([45471, dt.datetime(2024, 6, 28), "28/6/2024"]):
        fill_form(form, tasks={"DA06-1": {"status": "HOÀN THÀNH", "done_on": done_on}},
                  values={"DVC-TT": {"value": "42,5%"}})
        result = run_import(db, form, dry_run=True)
        rows = {r.key: r for r in result.files[0].rows}
        assert {c.field: c.new for c in rows["DA06-1"].changes}["completed_on"] == D(2024, 6, 28), i
        assert rows["DVC-TT · 2024S1"].changes[0].new == 42.5


def test_completion_date_in_the_future_is_an_error(db, province, form):
    fill_form(form, tasks={"DA06-1": {"status": "Hoàn thành", "done_on": "01/08/2024"}})
    result = run_import(db, form)
    assert result.files[0].errors[0].cell == "Nhiệm vụ!G6"


def test_re_import_of_a_re_sent_note_does_not_duplicate_it(db, province, form, tmp_path):
    fill_form(form, tasks={"DA06-3": {"note": "Đã số hoá 1.250 hồ sơ"}})
    assert run_import(db, form).files[0].outcome.value == "applied"
    # The same words in another file (another sha256): nothing new.
    other = fill_form(form, tmp_path / "again.xlsx", reporter="Người khác")
    result = run_import(db, other)
    assert result.files[0].outcome.value == "nothing"
    with db.session() as s:
        assert [h.note for h in history(s, province["t3"])].count("Đã số hoá 1.250 hồ sơ") == 1


def test_cli_import_dry_run_json_and_exit_codes(db, province, form, capsys):
    fill_form(form, **GOOD)
    assert main(["--db", str(db.path), "import", "--dry-run", "--json", str(form)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["status"] == "SUCCESS" and out["dry_run"] is True
    assert out["summary"] == {"created": 1, "updated": 4, "unchanged": 1, "conflicts": 0, "skipped": 0, "errors": 0}
    assert main(["--db", str(db.path), "import", str(form)]) == 0
    text = capsys.readouterr().out
    assert "Đã nhập (lô 1)" in text and "Trạng thái: Đang triển khai → Hoàn thành" in text
    assert "= 1 tạo mới, 4 cập nhật, 1 không đổi, 0 xung đột, 0 bỏ qua, 0 lỗi" in text
    assert main(["--db", str(db.path), "import", str(form.with_name("không có.xlsx"))]) == 1
    assert "không tìm thấy tệp" in capsys.readouterr().out
    assert main(["--db", str(db.path), "import"]) == 2
    with pytest.raises(SystemExit) as exc:
        main(["--db", str(db.path), "import", "--on-conflict", "maybe", str(form)])
    assert exc.value.code == 2
