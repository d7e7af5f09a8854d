"""Writing a batch at once (``batches.record_status_updates`` / ``set_values``) leaves the database
exactly as the one-by-one services leave it: history, current state, values and audit log."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from cdsdesk.services import batches, indicators, tasks
from cdsdesk.store.models import AuditEntry, IndicatorValue, StatusUpdate, Task

D = dt.date
WHO, SOURCE = "Văn phòng", "import:phieu.xlsx"

# (task key, status, progress, note, entry date): a completion with a note, a status only, an entry
# dated before the latest one (the current state must not move), a first entry, the same task twice.
UPDATES = [
    ("t1", "done", None, "Đã làm sạch toàn bộ", D(2024, 6, 28)),
    ("t3", "blocked", None, "", D(2024, 7, 5)),
    ("t10", "in_progress", 50, "Bổ sung lớp tập huấn", D(2024, 5, 1)),
    ("t2", "in_progress", 10, "  Bắt đầu  ", D(2024, 7, 5)),
    ("t2", "done_routine", 90, "", D(2024, 7, 5)),
]
# (indicator key, agency key, value or KEEP, comment): new, changed, note only, created then changed.
VALUES = [
    ("dvc", "stt", 55, "Số liệu từ cổng DVC"),
    ("csdl", "stt", 14, None),
    ("csdl", "stt", batches.KEEP, "Theo báo cáo quý II"),
    ("dvc", "hys", 30, ""),
    ("dvc", "hys", 35, "sửa lại"),
]


def _snapshot(s) -> dict:  # noqa: ANN001
    su_key = {r.uuid: (r.task_id, r.entry_date, r.status) for r in s.scalars(select(StatusUpdate))}
    iv_key = {r.uuid: (r.indicator_id, r.agency_id, r.period) for r in s.scalars(select(IndicatorValue))}
    task_key = {r.uuid: r.code for r in s.execute(select(Task.uuid, Task.code))}
    keys = {**su_key, **iv_key, **task_key}
    return {
        "tasks": s.execute(select(Task.id, Task.status, Task.progress, Task.last_update_on, Task.completed_on,
                                  Task.revision).order_by(Task.id)).all(),
        "history": s.execute(select(StatusUpdate.task_id, StatusUpdate.entry_date, StatusUpdate.status,
                                    StatusUpdate.progress, StatusUpdate.note, StatusUpdate.reporter,
                                    StatusUpdate.source, StatusUpdate.batch_id, StatusUpdate.retracted_at)
                             .order_by(StatusUpdate.id)).all(),
        "values": s.execute(select(IndicatorValue.indicator_id, IndicatorValue.agency_id, IndicatorValue.period,
                                   IndicatorValue.period_end, IndicatorValue.value, IndicatorValue.comment,
                                   IndicatorValue.revision, IndicatorValue.stored_by, IndicatorValue.batch_id)
                            .order_by(IndicatorValue.indicator_id, IndicatorValue.agency_id,
                                      IndicatorValue.period)).all(),
        "audit": [(keys.get(a.entity_uuid, "?"), a.entity, a.entity_label, a.action, a.field, a.old, a.new, a.who,
                   a.batch_id, a.source) for a in s.scalars(select(AuditEntry).order_by(AuditEntry.id))],
    }


def test_batch_writes_match_the_services(db, province) -> None:  # noqa: ANN001
    with db.session() as s:
        for key, status, progress, note, day in UPDATES:
            tasks.record_status_update(s, province[key], status=status, progress=progress, note=note, entry_date=day,
                                       reporter="Chị Lan", who=WHO, source=SOURCE)
        for ind, agency, value, comment in VALUES:
            if value is batches.KEEP:
                value = s.scalar(select(IndicatorValue.value).where(
                    IndicatorValue.indicator_id == province[ind], IndicatorValue.agency_id == province[agency],
                    IndicatorValue.period == "2024S1"))
            indicators.set_value(s, province[ind], province[agency], "2024S1", value, comment=comment, who=WHO,
                                 source=SOURCE)
        s.flush()
        one_by_one = _snapshot(s)
        s.rollback()

    with db.session() as s:
        by_uuid, _ = batches.load_tasks(s, uuids=[s.get(Task, province[k]).uuid for k, *_ in UPDATES])
        by_id = {t.id: t for t in by_uuid.values()}
        audit_rows: list[dict] = []
        common = dict(who=WHO, source=SOURCE, batch_id=None, audit_rows=audit_rows)
        batches.record_status_updates(s, [batches.StatusItem(by_id[province[k]], st, p, n, d)
                                          for k, st, p, n, d in UPDATES], reporter="Chị Lan", **common)
        for agency in ("stt", "hys"):
            current = batches.load_values(s, province[agency], "2024S1", [province["dvc"], province["csdl"]])
            items = [batches.ValueItem(province[i], {"dvc": "DVC-TT", "csdl": "CSDL"}[i],
                                       {"dvc": "percent", "csdl": "count"}[i], v, c)
                     for i, a, v, c in VALUES if a == agency]
            batches.set_values(s, items, agency_id=province[agency], period="2024S1", current=current, **common)
        batches.write_audit(s, audit_rows)
        s.flush()
        at_once = _snapshot(s)
        s.rollback()

    for part in ("tasks", "history", "values", "audit"):
        assert at_once[part] == one_by_one[part], part
    done = next(t for t in at_once["tasks"] if t.id == province["t1"])
    assert (done.status, done.progress, done.completed_on) == ("done", 100, D(2024, 6, 28))
