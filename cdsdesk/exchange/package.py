"""Exchange packages between cdsdesk installations (``.cdsx``): a district reporting to the
province, a province to the national level.

A package is a zip of JSON members and a ``manifest.json`` (format version, the source
database's id, the sha256 of every member). It carries what its records refer to — agencies
with their parents, plans, pillars, areas, indicators and targets — so it imports into an empty
database. Every record travels with its UUID and revision; importing merges by UUID (agencies,
plans and indicators also by code) under the same rules as every import: a dry-run plan,
conflicts by revision, idempotence, undo by batch. A member whose sha256 no longer matches the
manifest rejects the whole package.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ..domain.errors import UserError
from ..services.lookup import agency_by_code
from ..store.models import (
    Agency, Area, Indicator, IndicatorValue, Pillar, Plan, StatusUpdate, Target, Task, utcnow,
)
from ..store.session import get_setting

FORMAT = "cdsdesk-package"
FORMAT_VERSION = 1
MEMBERS = ("pillars", "areas", "agencies", "plans", "indicators", "targets", "tasks", "status_updates",
           "indicator_values")


def _iso(v: Any) -> Any:
    if isinstance(v, (dt.date, dt.datetime)):
        return v.isoformat()
    return v


@dataclass
class PackageInfo:
    path: Path
    source_database_id: str
    counts: dict[str, int] = field(default_factory=dict)

    def text(self, lang: str = "vi") -> str:
        c = self.counts
        if lang == "en":
            return (f"{self.path.name}: {c['tasks']} tasks, {c['status_updates']} history entries, "
                    f"{c['indicator_values']} indicator values, {c['agencies']} agencies")
        return (f"{self.path.name}: {c['tasks']} nhiệm vụ, {c['status_updates']} mục lịch sử, "
                f"{c['indicator_values']} giá trị chỉ tiêu, {c['agencies']} cơ quan")


def _subtree(session: Session, root: Agency) -> set[int]:
    ids, frontier = {root.id}, [root.id]
    while frontier:
        children = list(session.scalars(select(Agency.id).where(Agency.parent_id.in_(frontier))))
        frontier = [c for c in children if c not in ids]
        ids.update(frontier)
    return ids


def collect(session: Session, *, agency_code: str | None = None, since: dt.date | None = None) -> dict[str, list[dict]]:
    """The records a package carries, as plain JSON-ready dicts keyed by member name."""
    scope = _subtree(session, agency_by_code(session, agency_code)) if agency_code else None
    since_dt = dt.datetime.combine(since, dt.time()) if since else None

    tq = select(Task)
    if scope is not None:
        tq = tq.where(Task.lead_agency_id.in_(scope))
    if since_dt is not None:
        changed_tasks = select(StatusUpdate.task_id).where(StatusUpdate.recorded_at >= since_dt)
        tq = tq.where(or_(Task.updated_at >= since_dt, Task.created_at >= since_dt, Task.id.in_(changed_tasks)))
    tasks = list(session.scalars(tq.order_by(Task.id)))
    task_ids = [t.id for t in tasks]
    uq = select(StatusUpdate).where(StatusUpdate.task_id.in_(task_ids))
    if since_dt is not None:
        uq = uq.where(StatusUpdate.recorded_at >= since_dt)
    updates = list(session.scalars(uq.order_by(StatusUpdate.id))) if task_ids else []
    vq = select(IndicatorValue)
    if scope is not None:
        vq = vq.where(IndicatorValue.agency_id.in_(scope))
    if since_dt is not None:
        vq = vq.where(IndicatorValue.stored_at >= since_dt)
    values = list(session.scalars(vq.order_by(IndicatorValue.id)))

    indicator_ids = {v.indicator_id for v in values}
    targets = list(session.scalars(select(Target).where(Target.indicator_id.in_(indicator_ids)).order_by(Target.id)))
    if scope is not None:
        targets = [t for t in targets if t.agency_id is None or t.agency_id in scope]
    indicators = list(session.scalars(select(Indicator).where(Indicator.id.in_(indicator_ids)).order_by(Indicator.id)))

    agency_ids: set[int] = set(scope or ())
    for t in tasks:
        agency_ids.update([t.lead_agency_id] + [a.id for a in t.cooperators])
    agency_ids.update(v.agency_id for v in values)
    agency_ids.update(t.agency_id for t in targets)
    agency_ids.update(i.verifying_agency_id for i in indicators)
    agency_ids.discard(None)
    agencies: dict[int, Agency] = {}
    frontier = set(agency_ids)
    while frontier:  # parents travel with their children, so the hierarchy arrives whole
        rows = list(session.scalars(select(Agency).where(Agency.id.in_(frontier))))
        agencies.update({a.id: a for a in rows})
        frontier = {a.parent_id for a in rows if a.parent_id and a.parent_id not in agencies}
    plan_ids = {t.plan_id for t in tasks} | {i.plan_id for i in indicators}
    plans = list(session.scalars(select(Plan).where(Plan.id.in_(plan_ids - {None})).order_by(Plan.id)))
    area_ids = {t.area_id for t in tasks} | {i.area_id for i in indicators}
    areas = list(session.scalars(select(Area).where(Area.id.in_(area_ids - {None})).order_by(Area.sort_order)))
    pillars = list(session.scalars(select(Pillar).where(Pillar.id.in_({a.pillar_id for a in areas} - {None}))))

    a_uuid = {a.id: a.uuid for a in agencies.values()}
    plan_uuid = {p.id: p.uuid for p in plans}
    area_code = {a.id: a.code for a in areas}
    ind_uuid = {i.id: i.uuid for i in indicators}
    task_uuid = {t.id: t.uuid for t in tasks}
    ordered_agencies = sorted(agencies.values(), key=lambda a: (_depth(a, agencies), a.id))
    return {
        "pillars": [{"code": p.code, "name": p.name, "sort_order": p.sort_order} for p in pillars],
        "areas": [{"code": a.code, "name": a.name, "sort_order": a.sort_order,
                   "pillar": next((p.code for p in pillars if p.id == a.pillar_id), None)} for a in areas],
        "agencies": [{"uuid": a.uuid, "code": a.code, "name": a.name, "short_name": a.short_name, "kind": a.kind,
                      "parent": a_uuid.get(a.parent_id), "sort_order": a.sort_order, "active": a.active,
                      "revision": a.revision} for a in ordered_agencies],
        "plans": [{"uuid": p.uuid, "code": p.code, "name": p.name, "kind": p.kind,
                   "source_document": p.source_document, "year": p.year, "note": p.note,
                   "revision": p.revision} for p in plans],
        "indicators": [{"uuid": i.uuid, "code": i.code, "name": i.name, "unit": i.unit, "value_type": i.value_type,
                        "direction": i.direction, "aggregation": i.aggregation, "data_source": i.data_source,
                        "verifying_agency": a_uuid.get(i.verifying_agency_id), "plan": plan_uuid.get(i.plan_id),
                        "area": area_code.get(i.area_id), "sort_order": i.sort_order, "revision": i.revision,
                        "deleted_at": _iso(i.deleted_at)} for i in indicators],
        "targets": [{"uuid": t.uuid, "indicator": ind_uuid[t.indicator_id], "agency": a_uuid.get(t.agency_id),
                     "baseline_value": t.baseline_value, "baseline_period": t.baseline_period,
                     "target_value": t.target_value, "target_date": _iso(t.target_date), "note": t.note,
                     "revision": t.revision} for t in targets],
        "tasks": [{"uuid": t.uuid, "code": t.code, "title": t.title, "description": t.description,
                   "plan": plan_uuid.get(t.plan_id), "area": area_code.get(t.area_id),
                   "lead_agency": a_uuid.get(t.lead_agency_id),
                   "cooperators": sorted(a_uuid[a.id] for a in t.cooperators),
                   "focal_person": t.focal_person, "start_date": _iso(t.start_date), "deadline": _iso(t.deadline),
                   "recurring": t.recurring, "expected_product": t.expected_product, "priority": t.priority,
                   "status": t.status, "progress": t.progress, "revision": t.revision,
                   "created_at": _iso(t.created_at), "updated_at": _iso(t.updated_at),
                   "deleted_at": _iso(t.deleted_at)} for t in tasks],
        "status_updates": [{"uuid": u.uuid, "task": task_uuid[u.task_id], "entry_date": _iso(u.entry_date),
                            "status": u.status, "progress": u.progress, "note": u.note, "reporter": u.reporter,
                            "source": u.source, "recorded_at": _iso(u.recorded_at),
                            "retracted_at": _iso(u.retracted_at)} for u in updates],
        "indicator_values": [{"uuid": v.uuid, "indicator": ind_uuid[v.indicator_id], "agency": a_uuid[v.agency_id],
                              "period": v.period, "value": v.value, "comment": v.comment, "stored_by": v.stored_by,
                              "stored_at": _iso(v.stored_at), "revision": v.revision} for v in values],
    }


def _depth(a: Agency, known: dict[int, Agency]) -> int:
    d, seen = 0, set()
    while a.parent_id and a.parent_id in known and a.parent_id not in seen:
        seen.add(a.parent_id)
        a, d = known[a.parent_id], d + 1
    return d


def write_package(session: Session, path: Path | str, *, agency_code: str | None = None,
                  since: dt.date | None = None) -> PackageInfo:
    """Write the package to ``path`` (written to a temporary name, then moved into place)."""
    path = Path(path)
    records = collect(session, agency_code=agency_code, since=since)
    members: dict[str, bytes] = {
        f"{name}.json": json.dumps(records[name], ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")
        for name in MEMBERS
    }
    db_id = get_setting(session, "database_id")
    manifest = {
        "format": FORMAT, "format_version": FORMAT_VERSION, "source_database_id": db_id,
        "created_at": utcnow().isoformat(), "agency": agency_code, "since": _iso(since),
        "counts": {name: len(records[name]) for name in MEMBERS},
        "members": {name: hashlib.sha256(data).hexdigest() for name, data in members.items()},
    }
    tmp = path.with_name(path.name + ".tmp")
    try:
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))
            for name, data in members.items():
                zf.writestr(name, data)
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise UserError(f"Không ghi được tệp {path}: {exc.strerror or exc}",
                        f"Cannot write {path}: {exc.strerror or exc}") from None
    return PackageInfo(path, db_id, dict(manifest["counts"]))
