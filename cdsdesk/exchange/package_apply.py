"""Writing a planned package merge through the services, every change named by the batch."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ..services import audit
from ..services.agencies import create_agency
from ..services.changes import Changes
from ..services.indicators import create_indicator, create_target, set_value
from ..services.tasks import create_task, delete_task, edit_task, record_status_update, sync_current
from ..store.models import (
    Agency, Area, AuditEntry, ImportBatch, Indicator, IndicatorValue, Pillar, Plan, StatusUpdate, Task,
)
from .importer import ImportContext
from .plan import FilePlan, RowStatus


def _claim_audit(session: Session, old_uuid: str, new_uuid: str | None, batch: ImportBatch, source: str) -> None:
    """Name the batch on audit entries a service wrote without one, and move them to the record's
    travelling UUID when the service minted a fresh one."""
    session.flush()
    values: dict[str, Any] = {"batch_id": batch.id, "source": source}
    if new_uuid:
        values["entity_uuid"] = new_uuid
    session.execute(update(AuditEntry).where(AuditEntry.entity_uuid == old_uuid).values(**values))


def _dt(v: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(v) if v else None


def apply_package(session: Session, fp: FilePlan, ctx: ImportContext, batch: ImportBatch) -> Changes:
    refs = fp.data["refs"]
    changes = Changes(audit=True)
    kw = {"who": ctx.who, "batch_id": batch.id, "source": ctx.source}
    rows = [r for r in fp.rows if r.to_apply()]
    by_entity: dict[str, list] = {}
    for r in rows:
        by_entity.setdefault(r.entity, []).append(r)

    for r in by_entity.get("pillar", []):
        p = r.data["rec"]
        session.add(Pillar(code=p["code"], name=p["name"], sort_order=p["sort_order"]))
    session.flush()
    for r in by_entity.get("area", []):
        a = r.data["rec"]
        pillar_id = session.scalar(select(Pillar.id).where(Pillar.code == a["pillar"])) if a["pillar"] else None
        area = Area(code=a["code"], name=a["name"], sort_order=a["sort_order"], pillar_id=pillar_id)
        session.add(area)
        session.flush()
        refs.area_ids[a["code"]] = area.id
        audit.log(session, entity="area", uuid=str(area.id), label=area.code, action="create", new=area.name, **kw)

    for r in by_entity.get("agency", []):  # the package lists parents before children
        a = r.data["rec"]
        if r.status == RowStatus.NEW:
            parent = refs.agencies.get(a["parent"]) if a["parent"] else None
            obj = create_agency(session, code=a["code"], name=a["name"], kind=a["kind"], parent_id=parent,
                                short_name=a["short_name"], who=ctx.who, uuid=a["uuid"])
            obj.sort_order, obj.active, obj.revision = a["sort_order"], a["active"], a["revision"]
            _claim_audit(session, obj.uuid, None, batch, ctx.source)
            refs.agencies[a["uuid"]] = obj.id
        else:
            obj = session.get(Agency, r.data["id"])
            audit.log(session, entity="agency", uuid=obj.uuid, label=obj.code, field="name", old=obj.name,
                      new=a["name"], **kw)
            obj.name, obj.short_name, obj.revision = a["name"], a["short_name"], a["revision"]
        changes.agencies = True
    for r in by_entity.get("plan", []):
        p = r.data["rec"]
        if r.status == RowStatus.NEW:
            obj = Plan(uuid=p["uuid"], code=p["code"], name=p["name"], kind=p["kind"], year=p["year"],
                       source_document=p["source_document"], note=p["note"], revision=p["revision"])
            session.add(obj)
            session.flush()
            audit.log(session, entity="plan", uuid=obj.uuid, label=obj.code, action="create", new=obj.name, **kw)
            refs.plans[p["uuid"]] = obj.id
        else:
            obj = session.get(Plan, r.data["id"])
            audit.log(session, entity="plan", uuid=obj.uuid, label=obj.code, field="name", old=obj.name,
                      new=p["name"], **kw)
            obj.name, obj.revision = p["name"], p["revision"]
        changes.plans = True
    for r in by_entity.get("indicator", []):
        i = r.data["rec"]
        if r.status == RowStatus.NEW:
            obj = create_indicator(session, {
                "code": i["code"], "name": i["name"], "unit": i["unit"], "value_type": i["value_type"],
                "direction": i["direction"], "aggregation": i["aggregation"], "data_source": i["data_source"],
                "verifying_agency_id": refs.agencies.get(i["verifying_agency"]) if i["verifying_agency"] else None,
                "plan_id": refs.plans.get(i["plan"]) if i["plan"] else None,
                "area_id": refs.area_ids.get(i["area"]) if i["area"] else None,
                "sort_order": i["sort_order"], "revision": i["revision"],
                "deleted_at": _dt(i["deleted_at"]),
            }, who=ctx.who, uuid=i["uuid"])
            _claim_audit(session, obj.uuid, None, batch, ctx.source)
            refs.indicators[i["uuid"]] = obj.id
        else:
            obj = session.get(Indicator, r.data["id"])
            audit.log(session, entity="indicator", uuid=obj.uuid, label=obj.code, field="name", old=obj.name,
                      new=i["name"], **kw)
            obj.name, obj.revision = i["name"], i["revision"]
        changes.indicators.add(obj.id)
    for r in by_entity.get("target", []):
        t = r.data["rec"]
        obj = create_target(session, refs.indicators[t["indicator"]], target_value=t["target_value"],
                            target_date=dt.date.fromisoformat(t["target_date"]),
                            agency_id=refs.agencies.get(t["agency"]) if t["agency"] else None,
                            baseline_value=t["baseline_value"], baseline_period=t["baseline_period"],
                            note=t["note"], who=ctx.who)
        old = obj.uuid
        obj.uuid, obj.revision = t["uuid"], t["revision"]
        _claim_audit(session, old, t["uuid"], batch, ctx.source)

    for r in by_entity.get("task", []):
        _apply_task(session, r, refs, ctx, batch, kw)
        changes.tasks.add(r.data["id"])
    for r in by_entity.get("indicator_value", []):
        _apply_value(session, r, refs, ctx, batch, kw)
        changes.indicators.add(refs.indicators[r.data["rec"]["indicator"]])
    return changes


def _apply_task(session: Session, r, refs, ctx: ImportContext, batch: ImportBatch, kw: dict) -> None:  # noqa: ANN001
    rec = r.data["rec"]
    theirs = refs.task_fields(rec)
    wanted = r.to_apply()
    if r.status == RowStatus.NEW:
        fields = dict(theirs, code=r.data["code"])
        task = create_task(session, fields, uuid=rec["uuid"], **kw)
        if rec["created_at"]:
            task.created_at = _dt(rec["created_at"])
        r.data["id"] = task.id
    else:
        task = session.get(Task, r.data["id"])
        edit = {k: theirs[k] for k in wanted if k in theirs}
        if edit:
            edit_task(session, task.id, edit, **kw)
    for u in sorted(r.data["history"], key=lambda u: (u["entry_date"], u["recorded_at"] or "")):
        if "history" not in wanted:
            break
        entry = record_status_update(session, task.id, status=u["status"], progress=u["progress"], note=u["note"],
                                     entry_date=dt.date.fromisoformat(u["entry_date"]),
                                     reporter=u["reporter"] or None, **kw)
        old = entry.uuid
        entry.uuid = u["uuid"]
        entry.source = u["source"] or entry.source
        if u["recorded_at"]:
            entry.recorded_at = _dt(u["recorded_at"])
        _claim_audit(session, old, u["uuid"], batch, ctx.source)
        if u["retracted_at"]:
            entry.retracted_at = _dt(u["retracted_at"])
            audit.log(session, entity="status_update", uuid=entry.uuid, label=task.code, action="retract",
                      field="status", **kw)
    for uuid in r.data["retract"] if "history" in wanted else []:
        entry = session.scalar(select(StatusUpdate).where(StatusUpdate.uuid == uuid))
        if entry is not None and entry.retracted_at is None:
            entry.retracted_at = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None, microsecond=0)
            audit.log(session, entity="status_update", uuid=entry.uuid, label=task.code, action="retract",
                      field="status", **kw)
    session.flush()
    sync_current(task, session)
    if "deleted" in wanted and task.deleted_at is None:
        delete_task(session, task.id, who=ctx.who, batch_id=batch.id)
    # The record now is what the package says it is: the same revision, so the next package
    # compares equal (a conflict keeps the local fields, and the local revision with them).
    if r.resolution != "mine":
        task.revision = max(rec["revision"], 1)


def _apply_value(session: Session, r, refs, ctx: ImportContext, batch: ImportBatch, kw: dict) -> None:  # noqa: ANN001
    rec = r.data["rec"]
    wanted = r.to_apply()
    ind_id, ag_id = refs.indicators[rec["indicator"]], refs.agencies[rec["agency"]]
    if r.status == RowStatus.NEW:
        ch = set_value(session, ind_id, ag_id, r.data["period"], rec["value"], comment=rec["comment"], **kw)
        row = session.get(IndicatorValue, ch.value_id)
        old = row.uuid
        row.uuid = rec["uuid"]
        _claim_audit(session, old, rec["uuid"], batch, ctx.source)
    else:
        row = session.get(IndicatorValue, r.data["id"])
        value = rec["value"] if "value" in wanted else row.value
        comment = rec["comment"] if "comment" in wanted else None
        set_value(session, ind_id, ag_id, row.period, value, comment=comment, **kw)
    row.stored_by = rec["stored_by"] or row.stored_by
    if rec["stored_at"]:
        row.stored_at = _dt(rec["stored_at"])
    if r.resolution != "mine":
        row.revision = max(rec["revision"], 1)
