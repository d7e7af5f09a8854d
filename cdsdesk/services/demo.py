"""The demo province: a province modelled on Tuyên Quang, loaded from ``resources/demo/``.

It reproduces the figures of the source articles: Đề án 06 năm 2024 with 73 tasks (32 completed
or carried out routinely, 38 in progress, 3 not started waiting for the ministries' guidance, on
30 June 2024 and since), the 2023 plan with 126 tasks of which 102 completed (81%), and the
national programme's 62 targets classed 18 achieved / 27 highly likely / 17 needing focused effort
under ``domain.rules.classify_target``. Task titles, people and document numbers are illustrative;
the plans' notes say so.

Loading is seeding, not editing: rows go in with bulk inserts in one transaction, without audit
entries per row, but every derived column is set as the services would set it (current status
from the latest history entry, search and sort keys, folded agency names). Nothing is loaded that
is dated after ``today``; everything else is the same on every run (UUIDs included).
"""

from __future__ import annotations

import datetime as dt
import json
import uuid as _uuid
from types import SimpleNamespace
from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from ..domain.errors import UserError
from ..domain.periods import Period
from ..domain.status import TaskStatus
from ..domain.text import fold, nfc
from ..paths import resource
from ..store.backup import backup_sqlite, backups_dir, stamped_name
from ..store.engine import Database
from ..store.models import (
    Agency,
    Area,
    AuditEntry,
    Directive,
    FormIssue,
    ImportBatch,
    Indicator,
    IndicatorValue,
    Meeting,
    Pillar,
    Plan,
    StatusUpdate,
    Target,
    Task,
    task_cooperators,
)
from . import current_user
from .tasks import refresh_derived

#: Namespace of the demo's UUIDs: the same demo record has the same UUID in every database.
DEMO_NAMESPACE = _uuid.UUID("6f1b0c2e-6a0d-4c1e-9d3b-7a2f3e5c0606")
FILES = ("province.json", "tasks.json", "indicators.json", "meetings.json")
SECRETARIAT = "Văn phòng Ban Chỉ đạo"


def _uuid_for(kind: str, key: str) -> str:
    return str(_uuid.uuid5(DEMO_NAMESPACE, f"{kind}:{key}"))


def _nfc_all(obj: Any) -> Any:
    """Every string of a JSON document in NFC (the files are, but text goes in NFC whatever)."""
    if isinstance(obj, str):
        return nfc(obj)
    if isinstance(obj, list):
        return [_nfc_all(x) for x in obj]
    if isinstance(obj, dict):
        return {k: _nfc_all(v) for k, v in obj.items()}
    return obj


def read_demo_data() -> dict[str, Any]:
    """The demo's JSON documents, by file name."""
    out = {}
    for name in FILES:
        path = resource("demo", name)
        out[name] = _nfc_all(json.loads(path.read_text(encoding="utf-8")))
    return out


def _day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute))


def holds_data(session: Session) -> bool:
    """True when the database already has agencies or tasks of its own."""
    return bool(session.scalar(select(func.count()).select_from(Task))
                or session.scalar(select(func.count()).select_from(Agency)))


def _clear(session: Session) -> None:
    """Remove the committee's data (everything but the settings), children before parents."""
    from ..store.session import reset_audit_log

    session.execute(delete(task_cooperators))
    reset_audit_log(session)  # the audit log is append-only; this is its one sanctioned reset
    for model in (StatusUpdate, IndicatorValue, FormIssue, Target, Indicator, Task, Directive,
                  Meeting, ImportBatch, Plan, Area, Pillar):
        session.execute(delete(model))
    session.execute(Agency.__table__.update().values(parent_id=None))
    session.execute(delete(Agency))


def _next_id(session: Session, model) -> int:  # noqa: ANN001
    return (session.scalar(select(func.max(model.id))) or 0) + 1


def derived_state(history: list[tuple[dt.date, str, int]]) -> dict[str, Any]:
    """Status, progress, last update and completion day of a task from its history, in order
    (the same rule as ``services.tasks.sync_current``)."""
    if not history:
        return dict(status=TaskStatus.NOT_STARTED.value, progress=0, last_update_on=None, completed_on=None)
    last_day, status, progress = history[-1]
    completed_on = None
    if TaskStatus(status).is_completed:
        completed_on = last_day
        for day, st, _ in reversed(history):
            if not TaskStatus(st).is_completed:
                break
            completed_on = day
    return dict(status=status, progress=progress, last_update_on=last_day, completed_on=completed_on)


def load_demo(db: Database, *, force: bool = False, today: dt.date | None = None) -> dict[str, Any]:
    """Load the demo province into ``db``; returns how many of each thing it created.

    Refuses a database that already holds agencies or tasks unless ``force``, which replaces the
    committee's data (everything but the settings) with the demo in one transaction, after a
    backup copy of the file (its path is returned under ``backup``).
    """
    today = today or dt.date.today()
    data = read_demo_data()
    with db.session() as s:
        existing = holds_data(s)
    if existing and not force:
        raise UserError(
            "Cơ sở dữ liệu đã có dữ liệu (cơ quan, nhiệm vụ); không nạp dữ liệu mẫu. "
            "Dùng --force để thay toàn bộ dữ liệu bằng dữ liệu mẫu.",
            "The database already holds data (agencies, tasks); the demo was not loaded. "
            "Use --force to replace all of it with the demo.",
        )
    backup = None
    if existing and db.path is not None and db.path.exists():
        backup = backup_sqlite(db.path, backups_dir(db.path) / stamped_name(db.path, "pre-demo"))
    with db.session() as s:
        if existing:
            _clear(s)
        counts: dict[str, Any] = _load(s, data, today)
        s.add(AuditEntry(entity="database", entity_uuid=_uuid_for("demo", "load"), entity_label="demo",
                         action="create", field="demo", new="Dữ liệu mẫu tỉnh Tuyên Quang",
                         who=current_user(), source="demo"))
        from ..store.session import sync_sequences

        sync_sequences(s)  # ids were given explicitly: PostgreSQL's sequences must follow
    if backup is not None:
        counts["backup"] = str(backup)
    return counts


def _load(s: Session, data: dict[str, Any], today: dt.date) -> dict[str, int]:
    province, plans_doc = data["province.json"], data["tasks.json"]
    # --- pillars and areas (kept if the database already has them) -------------------------------
    pillar_ids = {code: pid for code, pid in s.execute(select(Pillar.code, Pillar.id))}
    for n, p in enumerate(province["pillars"], start=1):
        if p["code"] not in pillar_ids:
            row = Pillar(code=p["code"], name=p["name"], sort_order=n)
            s.add(row)
            s.flush()
            pillar_ids[p["code"]] = row.id
    area_ids = {code: aid for code, aid in s.execute(select(Area.code, Area.id))}
    for n, a in enumerate(province["areas"], start=1):
        if a["code"] not in area_ids:
            row = Area(code=a["code"], name=a["name"], sort_order=n,
                       pillar_id=pillar_ids.get(a["pillar"]) if a["pillar"] else None)
            s.add(row)
            s.flush()
            area_ids[a["code"]] = row.id

    # --- agencies --------------------------------------------------------------------------------
    agency_ids: dict[str, int] = {}
    next_id = _next_id(s, Agency)
    for a in province["agencies"]:
        agency_ids[a["code"]] = next_id
        next_id += 1
    names = {a["code"]: a["name"] for a in province["agencies"]}
    s.execute(insert(Agency), [
        dict(id=agency_ids[a["code"]], uuid=_uuid_for("agency", a["code"]), code=a["code"], name=a["name"],
             short_name=a["short"], kind=a["kind"], parent_id=agency_ids[a["parent"]] if a["parent"] else None,
             name_fold=fold(a["name"]), sort_order=n)
        for n, a in enumerate(province["agencies"], start=1)
    ])

    # --- plans -----------------------------------------------------------------------------------
    plan_ids: dict[str, int] = {}
    next_id = _next_id(s, Plan)
    for p in plans_doc["plans"]:
        plan_ids[p["code"]] = next_id
        next_id += 1
    s.execute(insert(Plan), [
        dict(id=plan_ids[p["code"]], uuid=_uuid_for("plan", p["code"]), code=p["code"], name=p["name"],
             kind=p["kind"], source_document=p["source_document"], year=p["year"], note=p["note"])
        for p in plans_doc["plans"]
    ])

    # --- meetings and directives -----------------------------------------------------------------
    meetings = [m for m in data["meetings.json"]["meetings"] if _day(m["date"]) <= today]
    meeting_id, directive_id = _next_id(s, Meeting), _next_id(s, Directive)
    meeting_rows, directive_rows, directive_ids = [], [], {}
    for m in meetings:
        day = _day(m["date"])
        meeting_rows.append(dict(id=meeting_id, uuid=_uuid_for("meeting", m["date"]), date=day, kind=m["kind"],
                                 title=m["title"], chair=m["chair"], notes=m["notes"]))
        for d in m["directives"]:
            directive_ids[(m["date"], d["number"])] = directive_id
            directive_rows.append(dict(
                id=directive_id, uuid=_uuid_for("directive", f"{m['date']}/{d['number']}"), meeting_id=meeting_id,
                number=d["number"], text=d["text"], agency_id=agency_ids[d["agency"]] if d["agency"] else None,
                deadline=_day(d["deadline"])))
            directive_id += 1
        meeting_id += 1
    if meeting_rows:
        s.execute(insert(Meeting), meeting_rows)
    if directive_rows:
        s.execute(insert(Directive), directive_rows)

    # --- tasks, cooperators and status histories --------------------------------------------------
    task_rows, coop_rows, history_rows = [], [], []
    task_id, update_id = _next_id(s, Task), _next_id(s, StatusUpdate)
    for t in plans_doc["tasks"]:
        start = _day(t["start_date"])
        if start is not None and start > today:
            continue
        entries = [(_day(h[0]), h[1], int(h[2]), h[3], h[4]) for h in t["history"] if _day(h[0]) <= today]
        entries.sort(key=lambda e: e[0])  # stable: same-day entries keep their order
        state = derived_state([(d, st, p) for d, st, p, _, _ in entries])
        keys = SimpleNamespace(code=t["code"], title=t["title"], description=t["description"],
                               expected_product=t["expected_product"], focal_person=t["focal_person"],
                               lead_agency=None)
        refresh_derived(keys, names[t["lead"]])
        directive = tuple(t["directive"]) if t["directive"] else None
        first_day = entries[0][0] if entries else start
        task_rows.append(dict(
            id=task_id, uuid=_uuid_for("task", t["code"]), code=t["code"], title=t["title"],
            description=t["description"], plan_id=plan_ids[t["plan"]], area_id=area_ids[t["area"]],
            lead_agency_id=agency_ids[t["lead"]], directive_id=directive_ids.get(directive),
            focal_person=t["focal_person"], start_date=start, deadline=_day(t["deadline"]),
            recurring=bool(t["recurring"]), expected_product=t["expected_product"], priority=t["priority"],
            search_text=keys.search_text, title_sort=keys.title_sort, revision=len(entries) or 1,
            created_at=_at(first_day, 8), updated_at=_at(state["last_update_on"] or first_day, 16, 30),
            **state,
        ))
        coop_rows += [dict(task_id=task_id, agency_id=agency_ids[c]) for c in dict.fromkeys(t["cooperators"])
                      if c != t["lead"]]
        for n, (day, status, progress, note, reporter) in enumerate(entries):
            history_rows.append(dict(
                id=update_id, uuid=_uuid_for("status", f"{t['code']}/{n}"), task_id=task_id, entry_date=day,
                status=status, progress=progress, note=note, reporter=reporter, source="manual",
                recorded_at=_at(day, 16, 30)))
            update_id += 1
        task_id += 1
    s.execute(insert(Task), task_rows)
    if coop_rows:
        s.execute(insert(task_cooperators), coop_rows)
    s.execute(insert(StatusUpdate), history_rows)

    # --- indicators, targets and values -------------------------------------------------------
    indicator_rows, target_rows, value_rows = [], [], []
    ind_id, target_id, value_id = _next_id(s, Indicator), _next_id(s, Target), _next_id(s, IndicatorValue)
    now = dt.datetime.combine(today, dt.time(0, 0))
    for ind in data["indicators.json"]["indicators"]:
        indicator_rows.append(dict(
            id=ind_id, uuid=_uuid_for("indicator", ind["code"]), code=ind["code"], name=ind["name"],
            unit=ind["unit"], value_type=ind["value_type"], direction=ind["direction"],
            aggregation=ind["aggregation"], data_source=ind["data_source"],
            verifying_agency_id=agency_ids.get(ind["verifying_agency"]), plan_id=plan_ids[ind["plan"]],
            area_id=area_ids[ind["area"]], sort_order=ind["sort_order"]))
        for tg in ind["targets"]:
            target_rows.append(dict(
                id=target_id, uuid=_uuid_for("target", f"{ind['code']}/{tg['agency'] or ''}"),
                indicator_id=ind_id, agency_id=agency_ids[tg["agency"]] if tg["agency"] else None,
                baseline_value=tg["baseline_value"], baseline_period=tg["baseline_period"],
                target_value=tg["target_value"], target_date=_day(tg["target_date"]), note=tg["note"]))
            target_id += 1
        for agency, period, value, comment in ind["values"]:
            p = Period.parse(period)
            if p.end > today:
                continue
            value_rows.append(dict(
                id=value_id, uuid=_uuid_for("value", f"{ind['code']}/{agency}/{p.code}"), indicator_id=ind_id,
                agency_id=agency_ids[agency], period=p.code, period_end=p.end, value=float(value),
                comment=comment, stored_by=SECRETARIAT,
                stored_at=min(_at(p.end + dt.timedelta(days=15), 9), now)))
            value_id += 1
        ind_id += 1
    s.execute(insert(Indicator), indicator_rows)
    s.execute(insert(Target), target_rows)
    if value_rows:
        s.execute(insert(IndicatorValue), value_rows)

    return {
        "agencies": len(province["agencies"]),
        "plans": len(plans_doc["plans"]),
        "tasks": len(task_rows),
        "status_updates": len(history_rows),
        "indicators": len(indicator_rows),
        "targets": len(target_rows),
        "indicator_values": len(value_rows),
        "meetings": len(meeting_rows),
        "directives": len(directive_rows),
    }
