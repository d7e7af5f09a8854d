"""Importing a province's legacy tracking sheet as tasks (``cdsdesk import SHEET.xlsx [--plan CODE]``).

The parser (``legacy_parse``) reads the table; here it is matched against the database:

* **Agencies** are matched by name ignoring diacritics, case and the usual abbreviations (UBND,
  TT&TT …). An agency the database does not know is **created** (its kind guessed from its name,
  a code from its initials) and shown as a new row of the plan, so a fresh database takes the
  sheet whole; the mapping step (``--mapping FILE`` / the app's dialog) can point it at an
  existing agency instead. Collective names ("Các sở, ban, ngành", "UBND các huyện, thành
  phố") are not agencies: they are kept in the task's description, never an error.
* **Areas** come from the group rows (``I. HẠ TẦNG SỐ``) and are matched to the 8 areas; a
  missing one of the 8 is created with its pillar.
* **Tasks** already in the database (same code, else the same title in the same plan) are
  updated; the others are created under the plan given with ``--plan`` (created if new).
* **Status and notes**: the status and the "Kết quả" / "Ghi chú" texts become one history entry,
  so nobody's words are lost; an unknown status is an error until the mapping step maps it.
* **Conflicts**: a sheet imported again after its tasks changed in the app does not silently
  undo the newer work; see ``legacy_base`` for the rule (the same as a returned form's).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.status import TaskStatus
from ..domain.text import fold, nfc
from ..services import audit
from ..services.agencies import create_agency
from ..services.changes import Changes
from ..services.tasks import create_task, edit_task, record_status_update
from ..store.models import Agency, Area, AuditEntry, ImportBatch, Pillar, Plan, StatusUpdate, Task
from . import legacy_base
from . import legacy_vocab as vocab
from .detect import Probe
from .importer import ImportContext, Importer
from .legacy_parse import LegacyRow, LegacyTable, Mapping, parse_book
from .plan import FieldChange, FilePlan, Message, PlanRow, RowStatus, compare
from .safety import Limits, ImportRejected, read_xlsx

_LABELS = {
    "title": ("Nhiệm vụ", "Task"), "area": ("Lĩnh vực", "Area"), "lead": ("Cơ quan chủ trì", "Lead agency"),
    "cooperators": ("Cơ quan phối hợp", "Cooperating agencies"), "deadline": ("Thời hạn", "Deadline"),
    "recurring": ("Thường xuyên", "Recurring"), "product": ("Sản phẩm", "Product"),
    "description": ("Mô tả", "Description"), "status": ("Trạng thái", "Status"),
    "progress": ("Tiến độ (%)", "Progress (%)"), "note": ("Kết quả, ghi chú", "Result, note"),
    "plan": ("Kế hoạch", "Plan"),
}


def _change(field: str, old: Any, new: Any, cell: str = "") -> FieldChange:
    vi, en = _LABELS[field]
    return FieldChange(field, vi, en, old, new, cell)


@dataclass
class _AgencyRef:
    kind: str  # existing | new | collective
    name: str
    agency_id: int | None = None
    key: str = ""


class _Agencies:
    """Name → agency, over the database's agencies and the ones this import will create."""

    def __init__(self, session: Session, mapping: Mapping) -> None:
        self.mapping = mapping
        self.by_key: dict[str, Agency] = {}
        self.by_loose: dict[str, list[Agency]] = {}
        self.by_code: dict[str, Agency] = {}
        for a in session.scalars(select(Agency)):
            self.by_code[a.code] = a
            for k in {vocab.agency_key(a.name), vocab.agency_key(a.short_name), fold(a.code)} - {""}:
                self.by_key.setdefault(k, a)
            self.by_loose.setdefault(vocab.agency_key_loose(a.name), []).append(a)
        self.codes = set(self.by_code)
        self.new: dict[str, dict[str, str]] = {}  # key → {name, code, kind}

    def resolve(self, name: str) -> _AgencyRef:
        name = nfc(name)
        if vocab.is_collective(name):
            return _AgencyRef("collective", name)
        key = vocab.agency_key(name)
        mapped = self.mapping.agencies.get(key)
        if mapped:
            a = self.by_code.get(mapped)
            if a is None:
                raise ImportRejected(f"bước đối chiếu chỉ tới mã cơ quan '{mapped}' không có",
                                     f"the mapping names agency code '{mapped}', which does not exist")
            return _AgencyRef("existing", a.name, a.id)
        a = self.by_key.get(key)
        if a is None:
            loose = self.by_loose.get(vocab.agency_key_loose(name), [])
            a = loose[0] if len(loose) == 1 else None
        if a is not None:
            return _AgencyRef("existing", a.name, a.id)
        if key not in self.new:
            base = vocab.code_for(name)
            code, n = base, 2
            while code in self.codes:
                code, n = f"{base}-{n}", n + 1
            self.codes.add(code)
            self.new[key] = {"name": name, "code": code, "kind": vocab.guess_kind(name)}
        return _AgencyRef("new", self.new[key]["name"], None, key)


class LegacyImporter(Importer):
    kind = "legacy"
    label_vi = "bảng theo dõi nhiệm vụ Excel (mẫu cũ của tỉnh)"
    label_en = "legacy Excel task-tracking sheet"

    def sniff(self, probe: Probe) -> bool:
        if probe.suffix not in (".xlsx", ".xlsm") or not probe.sheet_names:
            return False
        try:
            book = read_xlsx(probe.data, source=probe.name, limits=probe.limits)
        except ImportRejected:
            return False
        return parse_book(book) is not None

    def parse(self, probe: Probe, limits: Limits) -> Any:
        return read_xlsx(probe.data, source=probe.name, limits=limits)

    # --- plan ---------------------------------------------------------------------------------
    def plan(self, session: Session, parsed: Any, fp: FilePlan, ctx: ImportContext) -> None:
        params = getattr(ctx.options, "params", {}) or {}
        mapping = Mapping.from_dict(params.get("legacy_mapping"))
        plan_code = nfc(params.get("plan") or "")
        plan = session.scalar(select(Plan).where(Plan.code == plan_code)) if plan_code else None
        table = parse_book(parsed, mapping, default_year=plan.year if plan else None)
        if table is None:
            raise ImportRejected(
                "không tìm thấy dòng tiêu đề của bảng (cần các cột như STT, Nội dung nhiệm vụ, Cơ quan chủ trì)",
                "no table header found (expected columns such as STT, Nội dung nhiệm vụ, Cơ quan chủ trì)",
            )
        if "title" not in table.columns.values():
            raise ImportRejected("bảng không có cột nội dung / tên nhiệm vụ",
                                 "the table has no task-title column")
        fp.data["legacy"] = table
        for where, vi, en in table.skipped:
            fp.notices.append(Message(vi, en, where))
        if plan_code and plan is None:
            year = table.default_year
            name = f"Kế hoạch chuyển đổi số năm {year}" if year else f"Kế hoạch {plan_code}"
            row = PlanRow("plan", plan_code, name, status=RowStatus.NEW)
            row.changes.append(_change("plan", None, name))
            row.data = {"code": plan_code, "name": name, "year": year, "note": table.title}
            fp.rows.append(row)
        fp.data["plan_id"] = plan.id if plan else None
        areas = self._areas(session, table, fp)
        agencies = _Agencies(session, mapping)
        existing = self._existing_tasks(session, plan.id if plan else None)
        taken = set(session.scalars(select(Task.code)))
        prefix = plan_code or "NV"
        counter = [0]

        def next_code() -> str:
            while True:
                counter[0] += 1
                code = f"{prefix}-{counter[0]:03d}"
                if code not in taken:
                    taken.add(code)
                    return code

        baselines = legacy_base.load(session)
        task_rows = [self._task_row(session, r, table, agencies, areas, existing, next_code, baselines)
                     for r in table.rows]
        for row in task_rows:
            if row.has_conflict:
                fields = ", ".join(c.label_vi for c in row.changes if c.conflict)
                fields_en = ", ".join(c.label_en for c in row.changes if c.conflict)
                batch = row.data["base_batch"]
                fp.notices.append(Message(
                    f"nhiệm vụ {row.key}: đã được sửa trong ứng dụng sau lần nhập bảng trước (lô {batch}),"
                    f" mà bảng lại ghi khác lần đó ở: {fields}",
                    f"task {row.key}: changed in the app after the previous sheet import (batch {batch}),"
                    f" and the sheet now says something else for: {fields_en}",
                    next(c.cell for c in row.changes if c.conflict)))
        for key, a in agencies.new.items():
            row = PlanRow("agency", a["code"], a["name"], sheet=table.sheet, status=RowStatus.NEW)
            row.changes.append(FieldChange("name", "Cơ quan", "Agency", None, a["name"]))
            row.data = dict(a, key=key)
            fp.rows.append(row)
        fp.rows.extend(task_rows)
        if not table.rows:
            fp.reject("bảng không có dòng nhiệm vụ nào", "the table holds no task rows")

    def _areas(self, session: Session, table: LegacyTable, fp: FilePlan) -> dict[str, int | None]:
        """Canonical area code → database area id (None: will be created)."""
        found: dict[str, int | None] = {}
        for a in session.scalars(select(Area)):
            code = vocab.area_code(a.name) or (a.code if a.code in dict((c, 1) for c, _, _ in vocab.AREAS) else None)
            if code and code not in found:
                found[code] = a.id
        wanted = {r.area_code for r in table.rows if r.area_code}
        for code, name, pillar in vocab.AREAS:
            if code in wanted and code not in found:
                found[code] = None
                row = PlanRow("area", code, name, sheet=table.sheet, status=RowStatus.NEW)
                row.changes.append(_change("area", None, name))
                row.data = {"code": code, "name": name, "pillar": pillar}
                fp.rows.append(row)
        return found

    @staticmethod
    def _existing_tasks(session: Session, plan_id: int | None) -> dict[str, Task]:
        out: dict[str, Task] = {}
        q = select(Task).where(Task.deleted_at.is_(None))
        q = q.where(Task.plan_id == plan_id) if plan_id else q.where(Task.plan_id.is_(None))
        for t in session.scalars(q):
            out.setdefault("title:" + fold(t.title), t)
        for t in session.scalars(select(Task).where(Task.deleted_at.is_(None))):
            out["code:" + t.code] = t
        return out

    def _task_row(self, session: Session, r: LegacyRow, table: LegacyTable, agencies: _Agencies,
                  areas: dict[str, int | None], existing: dict[str, Task], next_code,  # noqa: ANN001
                  baselines: dict[str, legacy_base.Baseline]) -> PlanRow:
        task = existing.get("code:" + r.code) if r.code else None
        task = task or existing.get("title:" + fold(r.title))
        row = PlanRow("task", task.code if task else "", r.title, sheet=table.sheet, row=r.row)
        for cell, vi, en in r.errors:
            row.error(vi, en, cell)
        lead = agencies.resolve(r.lead) if r.lead else None
        coops = [agencies.resolve(n) for n in r.cooperators]
        collective = ([f"Cơ quan chủ trì: {lead.name}"] if lead and lead.kind == "collective" else []) + (
            [f"Cơ quan phối hợp: {'; '.join(c.name for c in coops if c.kind == 'collective')}"]
            if any(c.kind == "collective" for c in coops) else [])
        note = "\n".join(x for x in (r.result, f"Ghi chú: {r.note}" if r.note else "") if x)
        status = r.status or (TaskStatus.NOT_STARTED if not task else None)
        area_name = next((n for c, n, _ in vocab.AREAS if c == r.area_code), None)
        lead_ref = lead if lead and lead.kind != "collective" else None
        coop_refs = [c for c in coops if c.kind != "collective"]
        row.data = {
            "task_id": task.id if task else None, "title": r.title, "area_code": r.area_code,
            "area_id": areas.get(r.area_code) if r.area_code else None,
            "lead": lead_ref.__dict__ if lead_ref else None, "cooperators": [c.__dict__ for c in coop_refs],
            "deadline": r.deadline, "recurring": r.recurring, "product": r.product,
            "description": "\n".join(collective), "status": status.value if status else None,
            "progress": r.progress, "note": note, "code": r.code,
        }
        cells = r.cells
        coop_names = "; ".join(c.name for c in coop_refs) or None
        # What the sheet says for each field compared with a task (kept as the next baseline).
        row.data["said"] = {
            "area": area_name if r.area_code else None, "lead": lead_ref.name if lead_ref else None,
            "cooperators": coop_names, "deadline": r.deadline,
            "recurring": r.recurring if (r.deadline or r.recurring) else None,
            "product": r.product or None, "status": status.value if status else None,
            "progress": r.progress, "note": note or None,
        }
        if task is None:
            row.key = r.code or next_code()
            row.data["code"] = row.key
            for f, new, cell in (
                ("title", r.title, cells.get("title")), ("area", area_name, cells.get("area")),
                ("lead", lead_ref.name if lead_ref else None, cells.get("lead")),
                ("cooperators", coop_names, cells.get("cooperators")),
                ("deadline", r.deadline, cells.get("deadline")), ("recurring", r.recurring or None, cells.get("deadline")),
                ("product", r.product or None, cells.get("product")),
                ("description", row.data["description"] or None, ""),
                ("status", status.value if status else None, cells.get("status")),
                ("progress", r.progress, cells.get("progress")), ("note", note or None, cells.get("result", "")),
            ):
                if new is not None:
                    row.changes.append(_change(f, None, new, cell or ""))
            row.settle(new=True)
            return row
        # An existing task: what the sheet changes.
        old_lead = task.lead_agency.name if task.lead_agency else None
        latest = session.scalar(select(StatusUpdate).where(
            StatusUpdate.task_id == task.id, StatusUpdate.retracted_at.is_(None)
        ).order_by(StatusUpdate.entry_date.desc(), StatusUpdate.id.desc()).limit(1))
        pairs = [
            ("area", task.area.name if task.area else None, area_name if r.area_code else None, cells.get("area", "")),
            ("lead", old_lead, lead_ref.name if lead_ref else None, cells.get("lead", "")),
            ("cooperators", "; ".join(a.name for a in task.cooperators) or None, coop_names, cells.get("cooperators", "")),
            ("deadline", task.deadline, r.deadline, cells.get("deadline", "")),
            ("recurring", task.recurring, r.recurring if (r.deadline or r.recurring) else None, cells.get("deadline", "")),
            ("product", task.expected_product or None, r.product or None, cells.get("product", "")),
            ("status", task.status, status.value if status else None, cells.get("status", "")),
            ("progress", task.progress, r.progress, cells.get("progress", "")),
            ("note", latest.note if latest else None, note or None, cells.get("result", "")),
        ]
        base = baselines.get(task.uuid)
        if base is not None:
            row.data["base_batch"] = base.batch_id
        for f, old, new, cell in pairs:
            if base is None:  # never imported from a sheet: the sheet is the first source
                if new is not None and new != old:
                    row.changes.append(_change(f, old, new, cell))
                continue
            vi, en = _LABELS[f]
            ch = compare(f, vi, en, db=old, new=new, cell=cell, changed_since_issue=task.revision > base.revision,
                         **({"issued": base.said[f]} if f in base.said else {}))
            if ch:
                row.changes.append(ch)
        row.settle()
        return row

    # --- apply --------------------------------------------------------------------------------
    def apply(self, session: Session, fp: FilePlan, ctx: ImportContext, batch: ImportBatch) -> Changes:
        changes = Changes(audit=True)
        kw = {"who": ctx.who, "batch_id": batch.id, "source": ctx.source}
        plan_id = fp.data.get("plan_id")
        area_ids: dict[str, int] = {}
        agency_ids: dict[str, int] = {}
        for row in fp.rows:
            if row.status != RowStatus.NEW:
                continue
            if row.entity == "plan":
                p = Plan(code=row.data["code"], name=row.data["name"], year=row.data["year"], kind="plan",
                         note=row.data["note"], source_document=fp.name[:300])
                session.add(p)
                session.flush()
                audit.log(session, entity="plan", uuid=p.uuid, label=p.code, action="create", new=p.name, **kw)
                plan_id, changes.plans = p.id, True
            elif row.entity == "area":
                area_ids[row.data["code"]] = self._create_area(session, row.data, kw)
            elif row.entity == "agency":
                a = create_agency(session, code=row.data["code"], name=row.data["name"], kind=row.data["kind"],
                                  who=ctx.who)
                entry = session.scalar(select(AuditEntry).where(
                    AuditEntry.entity_uuid == a.uuid, AuditEntry.action == "create"))
                if entry is not None:  # the service logs no batch: name it so undo finds it
                    entry.batch_id, entry.source = batch.id, ctx.source
                agency_ids[row.data["key"]] = a.id
                changes.agencies = True

        def agency_id(ref: dict | None) -> int | None:
            if not ref:
                return None
            return ref["agency_id"] if ref["kind"] == "existing" else agency_ids[ref["key"]]

        for row in fp.rows:
            if row.entity != "task" or not row.to_apply():
                continue
            d = row.data
            area_id = d["area_id"] or area_ids.get(d["area_code"] or "")
            lead_id = agency_id(d["lead"])
            coop_ids = sorted({agency_id(c) for c in d["cooperators"]} - {None, lead_id})
            wanted = row.to_apply()
            if d["task_id"] is None:
                fields = {"code": d["code"], "title": d["title"], "plan_id": plan_id, "area_id": area_id,
                          "lead_agency_id": lead_id, "cooperator_ids": coop_ids, "deadline": d["deadline"],
                          "recurring": d["recurring"], "expected_product": d["product"],
                          "description": d["description"]}
                task = create_task(session, fields, **kw)
                task_id = task.id
            else:
                task_id = d["task_id"]
                edit: dict[str, Any] = {}
                if "area" in wanted:
                    edit["area_id"] = area_id
                if "lead" in wanted:
                    edit["lead_agency_id"] = lead_id
                if "cooperators" in wanted:
                    edit["cooperator_ids"] = coop_ids
                if "deadline" in wanted:
                    edit["deadline"] = d["deadline"]
                if "recurring" in wanted:
                    edit["recurring"] = d["recurring"]
                if "product" in wanted:
                    edit["expected_product"] = d["product"]
                if edit:
                    edit_task(session, task_id, edit, **kw)
            status = d["status"]
            if d["task_id"] is None:
                needs_entry = (status and status != TaskStatus.NOT_STARTED.value) or d["note"] or d["progress"]
            else:
                needs_entry = bool({"status", "note", "progress"} & wanted.keys())
            if needs_entry:
                reporter = d["lead"]["name"] if d["lead"] else ctx.who
                record_status_update(session, task_id, status=status or session.get(Task, task_id).status,
                                     progress=d["progress"], note=d["note"], entry_date=ctx.today,
                                     reporter=reporter, **kw)
            changes.tasks.add(task_id)
            d["applied_id"] = task_id
        self._keep_baselines(session, fp, batch)
        return changes

    @staticmethod
    def _keep_baselines(session: Session, fp: FilePlan, batch: ImportBatch) -> None:
        """What the sheet said, for the next import's conflict check: for the tasks this import
        wrote, and for the ones it found already equal that had no baseline yet (a task the app
        changed since its last import keeps that older baseline, so the conflict stays visible)."""
        entries: dict[str, tuple[int, dict[str, Any]]] = {}
        for row in fp.rows:
            if row.entity != "task" or "said" not in row.data:
                continue
            applied = row.data.get("applied_id")
            if applied is None and not (row.status == RowStatus.UNCHANGED and "base_batch" not in row.data):
                continue
            task = session.get(Task, applied or row.data["task_id"])
            if task is not None:
                entries[task.uuid] = (task.revision, row.data["said"])
        legacy_base.record(batch, entries)

    @staticmethod
    def _create_area(session: Session, data: dict, kw: dict) -> int:
        pillar_id = None
        if data["pillar"]:
            pillar = session.scalar(select(Pillar).where(Pillar.code == data["pillar"]))
            if pillar is None:
                name = dict(vocab.PILLARS)[data["pillar"]]
                order = [c for c, _ in vocab.PILLARS].index(data["pillar"]) + 1
                pillar = Pillar(code=data["pillar"], name=name, sort_order=order)
                session.add(pillar)
                session.flush()
            pillar_id = pillar.id
        code = data["code"]
        if session.scalar(select(Area.id).where(Area.code == code)) is not None:
            code = f"{code}-{len(code)}"
        order = [c for c, _, _ in vocab.AREAS].index(data["code"]) + 1
        area = Area(code=code, name=data["name"], pillar_id=pillar_id, sort_order=order)
        session.add(area)
        session.flush()
        audit.log(session, entity="area", uuid=str(area.id), label=code, action="create", new=area.name, **kw)
        return area.id


def skipped_lines(fp: FilePlan, lang: str = "vi") -> list[str]:
    """What the importer left out of a legacy sheet, one line each (for the CLI)."""
    return [m.text(lang) for m in fp.notices]


@dataclass
class Question:
    """One thing the mapping step asks about, with the choices it offers (key, label)."""

    kind: str  # heading | status | agency | area
    text: str
    key: str  # what the answer is stored under in the mapping
    cells: list[str]
    choices: list[tuple[str, str]]
    default: str = ""


def mapping_questions(fp: FilePlan, agencies: list[tuple[str, str]]) -> list[Question]:
    """What the mapping step should ask for a legacy sheet's plan: unrecognised headings, statuses
    and group headings, and every agency the import would create (it may exist under another name).
    ``agencies`` are the database's (code, name) pairs."""
    table: LegacyTable | None = fp.data.get("legacy")
    if table is None:
        return []
    statuses = [(s.value, s.label_vi) for s in TaskStatus]
    fields = [(k, v) for k, v in vocab.FIELDS.items() if k != "stt"]
    areas = [("", "(không thuộc lĩnh vực nào)")] + [(c, n) for c, n, _ in vocab.AREAS]
    agency_choices = [("", "Tạo cơ quan mới với tên này")] + [(c, f"{n} ({c})") for c, n in agencies]
    out: list[Question] = []
    for u in table.unknowns:
        if u.kind == "status":
            out.append(Question("status", u.text, fold(u.text), u.cells, statuses, ""))
        elif u.kind == "heading":
            out.append(Question("heading", u.text, fold(u.text), u.cells, fields, "ignore"))
        elif u.kind == "area":
            out.append(Question("area", u.text, fold(u.text), u.cells, areas, ""))
    for row in fp.rows:
        if row.entity == "agency" and row.status == RowStatus.NEW:
            cells = [c.cell for r in fp.rows if r.entity == "task"
                     for c in r.changes if c.field in ("lead", "cooperators") and row.data["name"] in str(c.new)]
            out.append(Question("agency", row.data["name"], row.data["key"], cells, agency_choices, ""))
    return out


def mapping_from_answers(questions: list[Question], answers: dict[int, str], base: Mapping | None = None) -> dict:
    """The ``legacy_mapping`` parameter from the answers (question index → chosen key)."""
    m = Mapping.from_dict(base.to_dict() if base else None)
    target = {"status": m.statuses, "heading": m.headings, "agency": m.agencies, "area": m.areas}
    for i, q in enumerate(questions):
        choice = answers.get(i, q.default)
        if q.kind == "status" and not choice:
            continue  # unanswered: stays an error
        if q.kind == "agency" and not choice:
            continue  # create, as without a mapping
        target[q.kind][q.key] = choice
    return m.to_dict()
