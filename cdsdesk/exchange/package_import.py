"""Importing an exchange package (``.cdsx``): check it, plan the merge, apply it as one batch.

Merge rules, record by record:

* reference data (pillars and areas by code; agencies, plans and indicators by UUID, else by
  code; targets by UUID) is created when missing and otherwise left as it is, except that an
  agency/plan/indicator with the same UUID and a higher revision takes the package's name;
* a task the database lacks is created with its UUID; one it holds is compared field by field:
  a package revision higher than the local one brings its fields in (``changed``); a local
  revision as high or higher with different fields is a ``conflict`` for ``--on-conflict``;
* history entries are append-only: those the database lacks are added (never a conflict);
* an indicator value is matched by UUID, else by (indicator, agency, period), with the same
  revision rule as tasks.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.errors import UserError
from ..domain.periods import Period
from ..services.changes import Changes
from ..services.indicators import validate_value
from ..store.models import (
    Agency, Area, ImportBatch, Indicator, IndicatorValue, Pillar, Plan, StatusUpdate, Target, Task,
)
from .detect import Probe
from .importer import ImportContext, Importer
from .package import FORMAT, FORMAT_VERSION, MEMBERS
from .plan import FieldChange, FilePlan, Message, PlanRow, RowStatus
from .safety import ImportRejected, Limits, open_zip, sha256

# Field → kind: s str, s? optional str, i int, f float, b bool, d? optional ISO date, t? optional
# ISO datetime, L list of str, f? optional float, i? optional int.
SCHEMA: dict[str, dict[str, str]] = {
    "pillars": {"code": "s", "name": "s", "sort_order": "i"},
    "areas": {"code": "s", "name": "s", "sort_order": "i", "pillar": "s?"},
    "agencies": {"uuid": "s", "code": "s", "name": "s", "short_name": "s", "kind": "s", "parent": "s?",
                 "sort_order": "i", "active": "b", "revision": "i"},
    "plans": {"uuid": "s", "code": "s", "name": "s", "kind": "s", "source_document": "s", "year": "i?",
              "note": "s", "revision": "i"},
    "indicators": {"uuid": "s", "code": "s", "name": "s", "unit": "s", "value_type": "s", "direction": "s",
                   "aggregation": "s", "data_source": "s", "verifying_agency": "s?", "plan": "s?", "area": "s?",
                   "sort_order": "i", "revision": "i", "deleted_at": "t?"},
    "targets": {"uuid": "s", "indicator": "s", "agency": "s?", "baseline_value": "f?", "baseline_period": "s?",
                "target_value": "f", "target_date": "d", "note": "s", "revision": "i"},
    "tasks": {"uuid": "s", "code": "s", "title": "s", "description": "s", "plan": "s?", "area": "s?",
              "lead_agency": "s?", "cooperators": "L", "focal_person": "s", "start_date": "d?", "deadline": "d?",
              "recurring": "b", "expected_product": "s", "priority": "s", "status": "s", "progress": "i",
              "revision": "i", "created_at": "t?", "updated_at": "t?", "deleted_at": "t?"},
    "status_updates": {"uuid": "s", "task": "s", "entry_date": "d", "status": "s", "progress": "i", "note": "s",
                       "reporter": "s", "source": "s", "recorded_at": "t?", "retracted_at": "t?"},
    "indicator_values": {"uuid": "s", "indicator": "s", "agency": "s", "period": "s", "value": "f", "comment": "s",
                         "stored_by": "s", "stored_at": "t?", "revision": "i"},
}
_TASK_FIELDS = ("title", "description", "plan_id", "area_id", "lead_agency_id", "cooperator_ids", "focal_person",
                "start_date", "deadline", "recurring", "expected_product", "priority")
_LABELS = {"title": ("Nhiệm vụ", "Task"), "description": ("Mô tả", "Description"), "plan_id": ("Kế hoạch", "Plan"),
           "area_id": ("Lĩnh vực", "Area"), "lead_agency_id": ("Cơ quan chủ trì", "Lead agency"),
           "cooperator_ids": ("Cơ quan phối hợp", "Cooperating agencies"), "focal_person": ("Đầu mối", "Focal person"),
           "start_date": ("Ngày bắt đầu", "Start date"), "deadline": ("Thời hạn", "Deadline"),
           "recurring": ("Thường xuyên", "Recurring"), "expected_product": ("Sản phẩm", "Product"),
           "priority": ("Ưu tiên", "Priority"), "history": ("Lịch sử cập nhật", "History"),
           "deleted": ("Đã xoá", "Deleted"), "value": ("Giá trị", "Value"), "comment": ("Ghi chú", "Comment"),
           "name": ("Tên", "Name"), "target": ("Mục tiêu", "Target")}


def _fc(key: str, old: Any, new: Any, *, conflict: bool = False, cell: str = "") -> FieldChange:
    vi, en = _LABELS[key]
    return FieldChange(key, vi, en, old, new, cell, conflict=conflict)


@dataclass
class Package:
    manifest: dict[str, Any]
    records: dict[str, list[dict[str, Any]]]
    errors: list[Message] = field(default_factory=list)


def _bad(vi: str, en: str, source: str) -> ImportRejected:
    return ImportRejected(vi, en, source=source)


def read_package(data: bytes, *, source: str = "", limits: Limits) -> Package:
    """Check the archive, the manifest and every member's sha256; parse and type-check the JSON."""
    zf = open_zip(data, source=source, limits=limits)
    try:
        names = set(zf.namelist())
        if "manifest.json" not in names:
            raise _bad("gói không có manifest.json", "the package has no manifest.json", source)
        try:
            manifest = json.loads(zf.read("manifest.json").decode("utf-8"))
        except Exception:
            raise _bad("manifest.json hỏng (không phải JSON UTF-8)", "manifest.json is corrupt (not UTF-8 JSON)",
                       source) from None
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
            raise _bad("không phải gói trao đổi cdsdesk", "not a cdsdesk exchange package", source)
        version = manifest.get("format_version")
        if not isinstance(version, int) or version > FORMAT_VERSION or version < 1:
            raise _bad(f"phiên bản gói {version!r} không được hỗ trợ (tối đa {FORMAT_VERSION}); hãy cập nhật cdsdesk",
                       f"package format version {version!r} is not supported (at most {FORMAT_VERSION}); "
                       "update cdsdesk", source)
        declared = manifest.get("members")
        expected = {f"{m}.json" for m in MEMBERS}
        if not isinstance(declared, dict) or set(declared) != expected:
            raise _bad("manifest.json không liệt kê đúng các thành phần của gói",
                       "manifest.json does not list the package's members", source)
        extra = names - expected - {"manifest.json"}
        if extra:
            raise _bad(f"gói chứa tệp lạ không có trong manifest: {', '.join(sorted(extra))}",
                       f"the package holds files the manifest does not list: {', '.join(sorted(extra))}", source)
        records: dict[str, list[dict[str, Any]]] = {}
        for member in MEMBERS:
            name = f"{member}.json"
            if name not in names:
                raise _bad(f"gói thiếu thành phần {name}", f"the package lacks member {name}", source)
            raw = zf.read(name)
            if sha256(raw) != declared[name]:
                raise _bad(f"thành phần {name} đã bị sửa sau khi đóng gói (sha256 không khớp); gói bị từ chối",
                           f"member {name} was altered after packaging (sha256 mismatch); package rejected", source)
            try:
                rows = json.loads(raw.decode("utf-8"))
            except Exception:
                raise _bad(f"thành phần {name} hỏng (không phải JSON UTF-8)", f"member {name} is corrupt (not UTF-8 JSON)",
                           source) from None
            if not isinstance(rows, list) or len(rows) > limits.max_rows:
                raise _bad(f"thành phần {name} không phải danh sách bản ghi hợp lệ",
                           f"member {name} is not a valid list of records", source)
            records[member] = rows
    except ImportRejected:
        raise
    except Exception as exc:  # any damage zipfile can raise while reading members
        raise _bad(f"gói hỏng ({type(exc).__name__})", f"corrupt package ({type(exc).__name__})", source) from None
    finally:
        zf.close()
    pkg = Package(manifest, records)
    for member, rows in records.items():
        for i, rec in enumerate(rows):
            _check(member, i, rec, pkg.errors)
    return pkg


def _check(member: str, i: int, rec: Any, errors: list[Message]) -> None:
    where = f"{member}.json[{i}]"
    if not isinstance(rec, dict):
        errors.append(Message("bản ghi không phải đối tượng JSON", "the record is not a JSON object", where))
        return
    for key, kind in SCHEMA[member].items():
        v = rec.get(key)
        optional = kind.endswith("?")
        base = kind.rstrip("?")
        ok = True
        if v is None:
            ok = optional
        elif base == "s":
            ok = isinstance(v, str) and (optional or v.strip() != "" or key in _MAY_BE_EMPTY)
        elif base == "i":
            ok = isinstance(v, int) and not isinstance(v, bool)
        elif base == "f":
            ok = isinstance(v, (int, float)) and not isinstance(v, bool) and v == v and abs(v) < 1e15
        elif base == "b":
            ok = isinstance(v, bool)
        elif base == "L":
            ok = isinstance(v, list) and all(isinstance(x, str) for x in v)
        elif base in ("d", "t"):
            try:
                (dt.date if base == "d" else dt.datetime).fromisoformat(v) if isinstance(v, str) else 1 / 0
            except (ValueError, ZeroDivisionError):
                ok = False
        if not ok:
            errors.append(Message(f"trường '{key}' thiếu hoặc sai kiểu ({v!r:.60})",
                                  f"field '{key}' missing or of the wrong type ({v!r:.60})", f"{where}.{key}"))


_MAY_BE_EMPTY = {"short_name", "description", "focal_person", "expected_product", "note", "reporter", "source",
                 "comment", "stored_by", "source_document", "data_source", "unit"}


def _date(v: str | None) -> dt.date | None:
    return dt.date.fromisoformat(v) if v else None


def _datetime(v: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(v) if v else None


class PackageImporter(Importer):
    kind = "package"
    label_vi = "gói trao đổi cdsdesk (.cdsx)"
    label_en = "cdsdesk exchange package (.cdsx)"

    def sniff(self, probe: Probe) -> bool:
        names = probe.zip_names
        return bool(names) and "manifest.json" in names and "tasks.json" in names

    def parse(self, probe: Probe, limits: Limits) -> Package:
        return read_package(probe.data, source=probe.name, limits=limits)

    # --- plan ---------------------------------------------------------------------------------
    def plan(self, session: Session, pkg: Package, fp: FilePlan, ctx: ImportContext) -> None:
        fp.source_db_id = str(pkg.manifest.get("source_database_id") or "")[:36]
        fp.agency_code = str(pkg.manifest.get("agency") or "")
        fp.file_errors.extend(pkg.errors)
        if pkg.errors:
            return
        R = pkg.records
        refs = _Refs()
        self._plan_reference(session, R, fp, refs)
        if fp.errors:
            return
        self._plan_tasks(session, R, fp, refs)
        self._plan_values(session, R, fp, refs)
        fp.data["refs"] = refs

    def _plan_reference(self, session: Session, R: dict, fp: FilePlan, refs: "_Refs") -> None:
        for p in R["pillars"]:
            if session.scalar(select(Pillar.id).where(Pillar.code == p["code"])) is None:
                fp.rows.append(PlanRow("pillar", p["code"], p["name"], status=RowStatus.NEW, data={"rec": p},
                                       changes=[_fc("name", None, p["name"])]))
        pillar_codes = {p["code"] for p in R["pillars"]}
        for a in R["areas"]:
            if a["pillar"] and a["pillar"] not in pillar_codes:
                fp.reject("lĩnh vực tham chiếu trụ cột không có trong gói", "an area refers to a pillar not in the package",
                          f"areas.json:{a['code']}")
            local_area = session.scalar(select(Area.id).where(Area.code == a["code"]))
            if local_area is not None:
                refs.area_ids[a["code"]] = local_area
            else:
                fp.rows.append(PlanRow("area", a["code"], a["name"], status=RowStatus.NEW, data={"rec": a},
                                       changes=[_fc("name", None, a["name"])]))
            refs.areas.add(a["code"])
        for entity, model, member in (("agency", Agency, "agencies"), ("plan", Plan, "plans"),
                                      ("indicator", Indicator, "indicators")):
            known = refs.known(entity)
            for rec in R[member]:
                local = session.scalar(select(model).where(model.uuid == rec["uuid"]))
                same_uuid = local is not None
                if local is None:
                    local = session.scalar(select(model).where(model.code == rec["code"]))
                if local is None:
                    fp.rows.append(PlanRow(entity, rec["code"], rec["name"], status=RowStatus.NEW, data={"rec": rec},
                                           changes=[_fc("name", None, rec["name"])]))
                    known[rec["uuid"]] = None
                    continue
                known[rec["uuid"]] = local.id
                if same_uuid and rec["revision"] > local.revision and rec["name"] != local.name:
                    fp.rows.append(PlanRow(entity, rec["code"], rec["name"], status=RowStatus.CHANGED,
                                           data={"rec": rec, "id": local.id},
                                           changes=[_fc("name", local.name, rec["name"])]))
        for a in R["agencies"]:
            if a["parent"] and a["parent"] not in refs.agencies:
                fp.reject("cơ quan cấp trên không có trong gói", "the parent agency is not in the package",
                          f"agencies.json:{a['code']}")
        for i in R["indicators"]:
            for key, known in (("verifying_agency", refs.agencies), ("plan", refs.plans)):
                if i[key] and i[key] not in known:
                    fp.reject(f"chỉ tiêu tham chiếu {key} không có trong gói", f"indicator refers to a {key} not in the package",
                              f"indicators.json:{i['code']}")
        for t in R["targets"]:
            if t["indicator"] not in refs.indicators or (t["agency"] and t["agency"] not in refs.agencies):
                fp.reject("mục tiêu tham chiếu chỉ tiêu/cơ quan không có trong gói",
                          "a target refers to an indicator/agency not in the package", f"targets.json:{t['uuid']}")
                continue
            if session.scalar(select(Target.id).where(Target.uuid == t["uuid"])) is None:
                fp.rows.append(PlanRow("target", t["uuid"][:8], str(t["target_value"]), status=RowStatus.NEW,
                                       data={"rec": t}, changes=[_fc("target", None, t["target_value"])]))

    def _plan_tasks(self, session: Session, R: dict, fp: FilePlan, refs: "_Refs") -> None:
        history: dict[str, list[dict]] = {}
        task_uuids = {t["uuid"] for t in R["tasks"]}
        for u in R["status_updates"]:
            if u["task"] not in task_uuids:
                fp.reject("mục lịch sử của nhiệm vụ không có trong gói", "a history entry of a task not in the package",
                          f"status_updates.json:{u['uuid']}")
            history.setdefault(u["task"], []).append(u)
        taken = set(session.scalars(select(Task.code)))
        for rec in R["tasks"]:
            where = f"tasks.json:{rec['code']}"
            for key, known in (("plan", refs.plans), ("lead_agency", refs.agencies)):
                if rec[key] and rec[key] not in known:
                    fp.reject(f"nhiệm vụ tham chiếu {key} không có trong gói", f"the task refers to a {key} not in the package", where)
            if rec["area"] and rec["area"] not in refs.areas:
                fp.reject("nhiệm vụ tham chiếu lĩnh vực không có trong gói", "the task refers to an area not in the package", where)
            if any(c not in refs.agencies for c in rec["cooperators"]):
                fp.reject("nhiệm vụ tham chiếu cơ quan phối hợp không có trong gói",
                          "the task refers to a cooperating agency not in the package", where)
            local = session.scalar(select(Task).where(Task.uuid == rec["uuid"]))
            have = set(session.scalars(select(StatusUpdate.uuid).where(StatusUpdate.task_id == local.id))) if local else set()
            new_entries = [u for u in history.get(rec["uuid"], []) if u["uuid"] not in have]
            retract = [u for u in history.get(rec["uuid"], []) if u["uuid"] in have and u["retracted_at"]]
            row = PlanRow("task", rec["code"], rec["title"], data={"rec": rec, "history": new_entries,
                                                                     "retract": [u["uuid"] for u in retract]})
            if local is None:
                code = rec["code"]
                if code in taken:  # the same code for another task here: keep both, say so
                    n = 2
                    while f"{code}-{n}" in taken:
                        n += 1
                    code = f"{code}-{n}"
                    fp.notices.append(Message(f"mã nhiệm vụ {rec['code']} đã dùng cho nhiệm vụ khác; nhập với mã {code}",
                                              f"task code {rec['code']} is used by another task; imported as {code}", where))
                taken.add(code)
                row.key, row.data["code"] = code, code
                row.changes.append(_fc("title", None, rec["title"]))
                if new_entries:
                    row.changes.append(_fc("history", None, f"+{len(new_entries)}"))
                row.settle(new=True)
            else:
                row.data["id"] = local.id
                row.key = local.code
                mine = {k: v for k, v in _local_fields(local).items()}
                theirs = refs.task_fields(rec)
                newer = rec["revision"] > local.revision
                for k in _TASK_FIELDS:
                    if theirs[k] != mine[k]:
                        old, new = _shown(session, R, k, mine[k], rec)
                        row.changes.append(_fc(k, old, new, conflict=not newer))
                if bool(rec["deleted_at"]) and local.deleted_at is None:
                    row.changes.append(_fc("deleted", False, True, conflict=not newer))
                if new_entries:
                    row.changes.append(_fc("history", None, f"+{len(new_entries)}"))
                if retract:
                    row.changes.append(_fc("history", None, f"-{len(retract)}"))
                row.settle()
            fp.rows.append(row)

    def _plan_values(self, session: Session, R: dict, fp: FilePlan, refs: "_Refs") -> None:
        ind_recs = {i["uuid"]: i for i in R["indicators"]}
        for rec in R["indicator_values"]:
            where = f"indicator_values.json:{rec['uuid']}"
            if rec["indicator"] not in refs.indicators or rec["agency"] not in refs.agencies:
                fp.reject("giá trị tham chiếu chỉ tiêu/cơ quan không có trong gói",
                          "a value refers to an indicator/agency not in the package", where)
                continue
            try:
                period = Period.parse(rec["period"]).code
            except UserError as exc:
                fp.reject(exc.vi, exc.en, where)
                continue
            ind = ind_recs[rec["indicator"]]
            row = PlanRow("indicator_value", f"{ind['code']} · {period}", ind["name"], data={"rec": rec, "period": period})
            try:
                validate_value(Indicator(value_type=ind["value_type"]), rec["value"])
            except UserError as exc:
                row.error(exc.vi, exc.en, where)
                fp.rows.append(row)
                continue
            ind_id, ag_id = refs.indicators.get(rec["indicator"]), refs.agencies.get(rec["agency"])
            local = session.scalar(select(IndicatorValue).where(IndicatorValue.uuid == rec["uuid"]))
            if local is None and ind_id and ag_id:
                local = session.scalar(select(IndicatorValue).where(
                    IndicatorValue.indicator_id == ind_id, IndicatorValue.agency_id == ag_id,
                    IndicatorValue.period == period))
            if local is None:
                row.changes.append(_fc("value", None, rec["value"]))
                row.settle(new=True)
            else:
                row.data["id"] = local.id
                newer = local.uuid == rec["uuid"] and rec["revision"] > local.revision
                if abs(local.value - rec["value"]) > 1e-9:
                    row.changes.append(_fc("value", local.value, rec["value"], conflict=not newer))
                if local.comment != rec["comment"]:
                    row.changes.append(_fc("comment", local.comment, rec["comment"], conflict=not newer))
                row.settle()
            fp.rows.append(row)

    # --- apply --------------------------------------------------------------------------------
    def apply(self, session: Session, fp: FilePlan, ctx: ImportContext, batch: ImportBatch) -> Changes:
        from .package_apply import apply_package

        return apply_package(session, fp, ctx, batch)


def _shown(session: Session, R: dict, key: str, local: Any, rec: dict) -> tuple[Any, Any]:
    """(old, new) of a reference field as the user reads them: names and codes, not row ids."""
    names = {a["uuid"]: a["name"] for a in R["agencies"]}
    if key == "lead_agency_id":
        old = session.get(Agency, local).name if local else None
        return old, names.get(rec["lead_agency"])
    if key == "cooperator_ids":
        old = "; ".join(sorted(session.get(Agency, i).name for i in local)) or None
        return old, "; ".join(sorted(names[c] for c in rec["cooperators"] if c in names)) or None
    if key == "plan_id":
        plans = {p["uuid"]: p["code"] for p in R["plans"]}
        return (session.get(Plan, local).code if local else None), plans.get(rec["plan"])
    if key == "area_id":
        return (session.get(Area, local).code if local else None), rec["area"]
    return local, refs_value(rec, key)


def refs_value(rec: dict, key: str) -> Any:
    field_name = {"start_date": "start_date", "deadline": "deadline"}.get(key)
    if field_name:
        return _date(rec[field_name])
    return rec[key]


def _local_fields(t: Task) -> dict[str, Any]:
    return {"title": t.title, "description": t.description, "plan_id": t.plan_id, "area_id": t.area_id,
            "lead_agency_id": t.lead_agency_id, "cooperator_ids": sorted(a.id for a in t.cooperators),
            "focal_person": t.focal_person, "start_date": t.start_date, "deadline": t.deadline,
            "recurring": t.recurring, "expected_product": t.expected_product, "priority": t.priority}


@dataclass
class _Refs:
    """Package UUID/code → local id (None: created by this import, resolved at apply time)."""

    agencies: dict[str, int | None] = field(default_factory=dict)
    plans: dict[str, int | None] = field(default_factory=dict)
    indicators: dict[str, int | None] = field(default_factory=dict)
    areas: set[str] = field(default_factory=set)
    area_ids: dict[str, int] = field(default_factory=dict)

    def known(self, entity: str) -> dict[str, int | None]:
        return {"agency": self.agencies, "plan": self.plans, "indicator": self.indicators}[entity]

    def task_fields(self, rec: dict) -> dict[str, Any]:
        """The package's task fields in local ids (only meaningful once every reference exists)."""
        return {"title": rec["title"], "description": rec["description"], "plan_id": self.plans.get(rec["plan"]),
                "area_id": self.area_ids.get(rec["area"]) if rec["area"] else None,
                "lead_agency_id": self.agencies.get(rec["lead_agency"]),
                "cooperator_ids": sorted(self.agencies[c] for c in rec["cooperators"]
                                         if self.agencies.get(c) is not None),
                "focal_person": rec["focal_person"], "start_date": _date(rec["start_date"]),
                "deadline": _date(rec["deadline"]), "recurring": rec["recurring"],
                "expected_product": rec["expected_product"], "priority": rec["priority"]}
