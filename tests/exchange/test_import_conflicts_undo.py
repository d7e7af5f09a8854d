"""Conflicts against the revision at issue, idempotence, undo, and 30 forms in one action."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from cdsdesk.domain.errors import UserError
from cdsdesk.exchange.importer import undo
from cdsdesk.services import agencies, tasks
from cdsdesk.services.tasks import history
from cdsdesk.store.models import ImportBatch, IndicatorValue, Task

from .conftest import D, fill_form, run_import, snapshot


def _secretariat_changes_t1_after_issue(db, province):  # noqa: ANN001
    with db.session() as s:
        tasks.record_status_update(s, province["t1"], status="blocked", progress=40, entry_date=D(2024, 7, 1),
                                   note="Chờ hướng dẫn của Bộ Công an", who="thu ky")


def test_conflict_fails_by_default_and_lists_the_cell(db, province, form):
    _secretariat_changes_t1_after_issue(db, province)
    fill_form(form, tasks={"DA06-1": {"status": "Hoàn thành", "note": "Xong"}, "DA06-2": {"progress": 10}})
    before = snapshot(db)
    result = run_import(db, form)
    f = result.files[0]
    assert f.outcome.value == "rejected" and result.exit_code == 1
    [row] = f.conflicts
    assert row.key == "DA06-1"
    [c] = [c for c in row.changes if c.conflict]
    assert (c.field, c.cell, c.issued, c.old, c.new) == ("status", "Nhiệm vụ!D6", "in_progress", "blocked", "done")
    assert "1 xung đột" in f.errors[0].vi and f.summary().conflicts == 1
    assert snapshot(db) == before


def test_a_field_the_colleague_left_alone_is_no_conflict_and_keeps_the_newer_value(db, province, form):
    _secretariat_changes_t1_after_issue(db, province)
    fill_form(form, tasks={"DA06-1": {"progress": 60}})  # status left as issued ("Đang triển khai")
    result = run_import(db, form)
    assert result.files[0].outcome.value == "applied" and not result.files[0].conflicts
    with db.session() as s:
        t1 = s.get(Task, province["t1"])
        assert (t1.status, t1.progress) == ("blocked", 60)


@pytest.mark.parametrize("policy, status, progress, outcome", [
    ("skip", "blocked", 40, "applied"),     # the whole row is left; DA06-2 still applies
    ("mine", "blocked", 90, "applied"),     # keep the database's status, take the rest of the row
    ("theirs", "done", 100, "applied"),     # take the file's value
])
def test_conflict_policies(db, province, form, policy, status, progress, outcome):
    _secretariat_changes_t1_after_issue(db, province)
    fill_form(form, tasks={"DA06-1": {"status": "Hoàn thành", "progress": 90}, "DA06-2": {"progress": 10}})
    result = run_import(db, form, on_conflict=policy)
    f = result.files[0]
    assert f.outcome.value == outcome
    assert f.summary().conflicts == 1 and f.summary().skipped == (1 if policy == "skip" else 0)
    with db.session() as s:
        t1 = s.get(Task, province["t1"])
        assert (t1.status, t1.progress) == (status, progress)
        assert s.get(Task, province["t2"]).progress == 10


def test_value_changed_after_issue_conflicts(db, province, form):
    from cdsdesk.services.indicators import set_value

    with db.session() as s:
        set_value(s, province["csdl"], province["stt"], "2024S1", 14, who="thu ky")
    fill_form(form, values={"CSDL": {"value": 15}})
    f = run_import(db, form).files[0]
    assert f.outcome.value == "rejected"
    assert [(c.issued, c.old, c.new) for c in f.conflicts[0].changes] == [(12, 14, 15)]


def test_same_file_twice_changes_nothing_and_says_when(db, province, form, capsys):
    fill_form(form, tasks={"DA06-2": {"status": "Đang triển khai", "progress": 10}})
    first = run_import(db, form).files[0]
    before = snapshot(db)
    again = run_import(db, form).files[0]
    assert again.outcome.value == "duplicate" and again.previous_batch_id == first.batch_id
    assert f"lô {first.batch_id}" in again.headline("vi") and "đã nhập lúc" in again.headline("vi")
    assert again.summary().updated == 0
    assert snapshot(db) == before


def test_undo_reverts_the_batch_then_allows_re_import(db, province, form):
    fill_form(form, reporter="Lê Văn Bình", tasks={"DA06-1": {"status": "Hoàn thành", "note": "Xong"}},
              values={"DVC-TT": {"value": 42}, "CSDL": {"value": 15}})
    f = run_import(db, form).files[0]
    res = undo(db, f.batch_id, who="thu ky")
    assert res.batch_id == f.batch_id
    with db.session() as s:
        t1 = s.get(Task, province["t1"])
        assert (t1.status, t1.progress) == ("in_progress", 40)
        assert [h.note for h in history(s, t1.id)] == ["Đã làm sạch 40% dữ liệu"]  # retracted, kept
        assert len(history(s, t1.id, include_retracted=True)) == 2
        vals = {v.indicator_id: v.value for v in s.scalars(select(IndicatorValue).where(
            IndicatorValue.agency_id == province["stt"], IndicatorValue.period == "2024S1"))}
        assert vals == {province["csdl"]: 12}
        assert s.get(ImportBatch, f.batch_id).undone_by == "thu ky"
    with pytest.raises(UserError, match="đã được hoàn tác"):
        undo(db, f.batch_id)
    assert run_import(db, form).files[0].outcome.value == "applied"


def test_undo_refuses_when_a_later_edit_depends_on_it(db, province, form):
    from cdsdesk.services.indicators import set_value

    fill_form(form, values={"CSDL": {"value": 15}})
    f = run_import(db, form).files[0]
    with db.session() as s:
        set_value(s, province["csdl"], province["stt"], "2024S1", 16, who="thu ky")
    before = snapshot(db)
    with pytest.raises(UserError, match="Không thể hoàn tác") as exc:
        undo(db, f.batch_id)
    assert "CSDL/2024S1" in exc.value.vi and "Cannot undo" in exc.value.en
    assert snapshot(db) == before


def test_cli_undo(db, province, form, capsys):
    from cdsdesk.cli.main import main

    fill_form(form, tasks={"DA06-2": {"progress": 10}})
    f = run_import(db, form).files[0]
    assert main(["--db", str(db.path), "import", "--undo", str(f.batch_id)]) == 0
    assert f"Đã hoàn tác lần nhập {f.batch_id}" in capsys.readouterr().out
    assert main(["--db", str(db.path), "import", "--undo", "999"]) == 1
    assert "Không tìm thấy lần nhập '999'" in capsys.readouterr().err


def test_thirty_forms_in_one_action_with_one_summary(db, province, tmp_path):
    from cdsdesk.exchange.forms import write_all_forms

    codes = []
    with db.session() as s:
        for i in range(1, 31):
            a = agencies.create_agency(s, code=f"X{i:02d}", name=f"Xã Số {i}", kind="commune",
                                       parent_id=province["hys"])
            tasks.create_task(s, {"code": f"XA-{i}", "title": f"Nhiệm vụ của xã {i}", "lead_agency_id": a.id,
                                  "start_date": D(2024, 1, 1), "deadline": D(2024, 12, 31)})
            codes.append(a.code)
    infos = write_all_forms(db, "2024S1", tmp_path / "gửi", agency_codes=codes)
    returned = []
    for i, info in enumerate(infos, start=1):
        changes = {f"XA-{i}": {"status": "Đang triển khai", "progress": i}} if i % 3 else {}
        returned.append(fill_form(info.path, tmp_path / f"nhận {i}.xlsx", tasks=changes))
    result = run_import(db, *returned)
    assert len(result.files) == 30 and result.exit_code == 0, [e.text() for f in result.files for e in f.errors]
    assert result.summary().to_dict() == {"created": 0, "updated": 20, "unchanged": 10, "conflicts": 0,
                                          "skipped": 0, "errors": 0}
    assert result.to_dict()["files_by_outcome"]["applied"] == 20
    assert result.to_dict()["files_by_outcome"]["nothing"] == 10
    with db.session() as s:
        assert s.scalar(select(Task.progress).where(Task.code == "XA-29")) == 29
        assert len(s.scalars(select(ImportBatch)).all()) == 20
