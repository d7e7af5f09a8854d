"""Importing a returned update form (see ``forms``): read the cells robustly, check them, diff them
against the database and the revisions the form was issued with, and apply them as status updates
and indicator values through the services.

Rows are matched by their code through the hidden sheet's UUIDs, so a re-saved or re-sorted file
imports the same. Nothing relies on number formats, freeze panes or cached formula values.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.errors import UserError
from ..domain.numbers import format_date
from ..domain.periods import Period
from ..domain.status import TaskStatus
from ..domain.text import fold, nfc
from ..services import batches
from ..services.changes import Changes
from ..services.indicators import validate_value
from ..store.models import Agency, ImportBatch, Indicator
from . import values
from .detect import Probe
from .form_layout import (
    FORM_MARK, HIDDEN_COLUMNS, HIDDEN_SHEET, I_CODE, I_NOTE, I_VALUE, INDICATOR_SHEET, REPORTER_LABEL, T_CODE,
    T_DONE_ON, T_NOTE, T_PROGRESS, T_STATUS, TASK_SHEET,
)
from .importer import ImportContext, Importer
from .plan import FilePlan, FieldChange, Message, PlanRow, compare
from .safety import Book, Cell, ImportRejected, Limits, Sheet, read_xlsx


@dataclass
class HiddenRow:
    kind: str
    code: str
    uuid: str
    revision: int
    status: str | None = None
    progress: int | None = None
    value: float | None = None
    comment: str | None = None


@dataclass
class ParsedForm:
    book: Book
    meta: dict[str, str]
    rows: dict[tuple[str, str], HiddenRow] = field(default_factory=dict)


def _s(cell: Cell) -> str:
    v = cell.value
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return nfc(str(v))


def _int(cell: Cell) -> int | None:
    try:
        return int(float(str(cell.value))) if cell.value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def _float(cell: Cell) -> float | None:
    try:
        return float(cell.value) if cell.value not in (None, "") and not isinstance(cell.value, bool) else None
    except (TypeError, ValueError):
        return None


def read_hidden(sheet: Sheet, source: str) -> tuple[dict[str, str], dict[tuple[str, str], HiddenRow]]:
    """The key/value block and the per-row table of the hidden sheet."""
    if _s(sheet.cell(1, 1)) != FORM_MARK:
        raise ImportRejected(
            f"trang ẩn '{HIDDEN_SHEET}' bị hỏng: đây không phải biểu mẫu cdsdesk",
            f"hidden sheet '{HIDDEN_SHEET}' is damaged: this is not a cdsdesk form",
            source=source,
        )
    meta: dict[str, str] = {}
    r = 2
    while r <= sheet.max_row and _s(sheet.cell(r, 1)) != HIDDEN_COLUMNS[0]:
        meta[_s(sheet.cell(r, 1))] = _s(sheet.cell(r, 2))
        r += 1
    rows: dict[tuple[str, str], HiddenRow] = {}
    for rr in range(r + 1, sheet.max_row + 1):
        kind, code = _s(sheet.cell(rr, 1)), _s(sheet.cell(rr, 2))
        if kind not in ("task", "indicator") or not code:
            continue
        rows[(kind, code)] = HiddenRow(
            kind, code, _s(sheet.cell(rr, 3)), _int(sheet.cell(rr, 4)) or 0,
            _s(sheet.cell(rr, 5)) or None, _int(sheet.cell(rr, 6)), _float(sheet.cell(rr, 7)),
            _s(sheet.cell(rr, 8)) or None,
        )
    for key in ("database_id", "agency_code", "period", "issued_at"):
        if not meta.get(key):
            raise ImportRejected(
                f"trang ẩn '{HIDDEN_SHEET}' thiếu '{key}': biểu mẫu bị sửa hoặc hỏng",
                f"hidden sheet '{HIDDEN_SHEET}' lacks '{key}': the form was altered or is damaged",
                source=source,
            )
    return meta, rows


def find_header(sheet: Sheet, first_label: str, *, scan: int = 30) -> tuple[int, dict[str, int]] | None:
    """The header row (found by its first label, diacritics/case ignored) and label → column."""
    want = fold(first_label)
    for r in range(1, min(scan, sheet.max_row) + 1):
        row = sheet.rows[r - 1]
        if any(fold(_s(c)) == want for c in row if not c.is_formula):
            return r, {fold(_s(c)): i for i, c in enumerate(row, start=1) if not c.empty and not c.is_formula}
    return None


def find_reporter(sheet: Sheet, header_row: int) -> str:
    want = fold(REPORTER_LABEL).rstrip(":").strip()
    for r in range(1, header_row):
        row = sheet.rows[r - 1] if r <= sheet.max_row else []
        for i, c in enumerate(row, start=1):
            if not c.is_formula and fold(_s(c)).rstrip(":").strip() == want:
                for j in range(i + 1, len(row) + 1):
                    nxt = sheet.cell(r, j)
                    if not nxt.empty and not nxt.is_formula:
                        return _s(nxt)
    return ""


class FormImporter(Importer):
    kind = "form"
    label_vi = "phiếu cập nhật của cdsdesk (.xlsx)"
    label_en = "cdsdesk update form (.xlsx)"

    def sniff(self, probe: Probe) -> bool:
        names = probe.sheet_names
        return bool(names) and HIDDEN_SHEET in names

    def parse(self, probe: Probe, limits: Limits) -> ParsedForm:
        book = read_xlsx(probe.data, source=probe.name, limits=limits)
        hidden = book.sheet(HIDDEN_SHEET)
        if hidden is None:
            raise ImportRejected(
                f"không có trang ẩn '{HIDDEN_SHEET}': đây không phải biểu mẫu cdsdesk",
                f"no hidden sheet '{HIDDEN_SHEET}': this is not a cdsdesk form",
                source=probe.name,
            )
        for name in (TASK_SHEET, INDICATOR_SHEET):
            if book.sheet(name) is None:
                raise ImportRejected(
                    f"thiếu trang '{name}' (không được xoá hay đổi tên trang)",
                    f"the sheet '{name}' is missing (sheets must not be deleted or renamed)",
                    source=probe.name,
                )
        meta, rows = read_hidden(hidden, probe.name)
        return ParsedForm(book, meta, rows)

    # --- plan ---------------------------------------------------------------------------------

    def plan(self, session: Session, parsed: ParsedForm, fp: FilePlan, ctx: ImportContext) -> None:
        meta = parsed.meta
        fp.source_db_id = meta["database_id"]
        if meta["database_id"] != ctx.database_id:
            fp.reject(
                "biểu mẫu này được tạo từ một cơ sở dữ liệu khác, không nhập vào đây được",
                "this form was issued from another database and cannot be imported here",
            )
            return
        agency = None
        if meta.get("agency_uuid"):
            agency = session.scalar(select(Agency).where(Agency.uuid == meta["agency_uuid"]))
        agency = agency or session.scalar(select(Agency).where(Agency.code == meta["agency_code"]))
        if agency is None:
            fp.reject(f"không tìm thấy cơ quan '{meta['agency_code']}'", f"agency '{meta['agency_code']}' not found")
            return
        try:
            period = Period.parse(meta["period"])
            issued_at = dt.datetime.fromisoformat(meta["issued_at"])
        except (UserError, ValueError):
            fp.reject("trang ẩn của biểu mẫu bị sửa (kỳ hoặc ngày gửi)", "the form's hidden sheet was altered")
            return
        fp.agency_code, fp.agency_name, fp.period, fp.issued_at = agency.code, agency.name, period.code, issued_at
        fp.data.update(agency_id=agency.id, period=period)

        tsheet = parsed.book.sheet(TASK_SHEET)
        isheet = parsed.book.sheet(INDICATOR_SHEET)
        reporter = ""
        found = find_header(tsheet, T_CODE)
        if found is None:
            fp.reject(f"không thấy dòng tiêu đề '{T_CODE}'", f"header row '{T_CODE}' not found", TASK_SHEET)
        else:
            reporter = find_reporter(tsheet, found[0])
            self._plan_tasks(session, parsed, tsheet, found, fp, ctx)
        fp.reporter = reporter or agency.short_name or agency.name
        fp.data["reporter"] = (
            f"{reporter} — {agency.short_name or agency.name}" if reporter else (agency.short_name or agency.name)
        )[:200]
        found = find_header(isheet, I_CODE)
        if found is None:
            if any(k == "indicator" for k, _ in parsed.rows):
                fp.reject(f"không thấy dòng tiêu đề '{I_CODE}'", f"header row '{I_CODE}' not found", INDICATOR_SHEET)
        else:
            self._plan_indicators(session, parsed, isheet, found, fp, ctx, agency, period)

    def _columns(self, sheet: Sheet, cols: dict[str, int], labels: list[str], fp: FilePlan) -> dict[str, int] | None:
        out = {}
        for label in labels:
            c = cols.get(fold(label))
            if c is None:
                fp.reject(f"thiếu cột '{label}'", f"the column '{label}' is missing", sheet.name)
                return None
            out[label] = c
        return out

    def _plan_tasks(self, session: Session, parsed: ParsedForm, sheet: Sheet, found: tuple[int, dict[str, int]],
                    fp: FilePlan, ctx: ImportContext) -> None:
        header, cols = found
        col = self._columns(sheet, cols, [T_CODE, T_STATUS, T_PROGRESS, T_NOTE], fp)
        if col is None:
            return
        done_col = cols.get(fold(T_DONE_ON))
        seen: dict[str, int] = {}
        epoch = parsed.book.epoch
        # Every task the sheet names, with its history, in two queries (not several per row).
        uuids, codes = _named_rows(sheet, header, col[T_CODE], parsed, "task")
        by_uuid, by_code = batches.load_tasks(session, uuids=uuids, codes=codes)
        for r in range(header + 1, sheet.max_row + 1):
            code_cell = sheet.cell(r, col[T_CODE])
            fill = [sheet.cell(r, col[k]) for k in (T_STATUS, T_PROGRESS, T_NOTE)]
            if done_col:
                fill.append(sheet.cell(r, done_col))
            code = _s(code_cell) if not code_cell.is_formula else ""
            if not code and all(c.empty and not c.is_formula for c in fill):
                continue
            row = PlanRow("task", code or "?", sheet=sheet.name, row=r)
            fp.rows.append(row)
            ref = lambda label: sheet.ref(r, col[label])  # noqa: E731
            if code_cell.is_formula or not code:
                row.error("dòng không có mã nhiệm vụ", "the row has no task code", sheet.ref(r, col[T_CODE]))
                continue
            if code in seen:
                row.error(f"mã nhiệm vụ '{code}' lặp lại (đã có ở dòng {seen[code]})",
                          f"task code '{code}' repeated (already on row {seen[code]})", ref(T_CODE))
                continue
            seen[code] = r
            hidden = parsed.rows.get(("task", code))
            task = None
            if hidden is not None and hidden.uuid:
                task = by_uuid.get(hidden.uuid)
            if task is None and hidden is None:
                task = by_code.get(code)
            if task is None or task.deleted:
                row.error(f"không có nhiệm vụ '{code}' trong cơ sở dữ liệu",
                          f"there is no task '{code}' in the database", ref(T_CODE))
                continue
            row.key, row.label = task.code, task.title
            row.data["task_id"] = task.id
            row.data["task"] = task

            def read(label: str, fn):  # noqa: ANN001, ANN202
                try:
                    return fn(sheet.cell(r, col[label]))
                except values.CellError as exc:
                    row.error(exc.vi, exc.en, ref(label))
                    return None

            status = read(T_STATUS, values.status)
            progress = read(T_PROGRESS, lambda c: values.number(c, low=0, high=100))
            if progress is not None and not float(progress).is_integer():
                row.error(f"tiến độ phải là số nguyên từ 0 đến 100, không phải {progress:g}",
                          f"progress must be a whole number from 0 to 100, not {progress:g}", ref(T_PROGRESS))
                progress = None
            note = read(T_NOTE, values.text)
            done_on = None
            if done_col:
                try:
                    done_on = values.date(sheet.cell(r, done_col), epoch=epoch)
                except values.CellError as exc:
                    row.error(exc.vi, exc.en, sheet.ref(r, done_col))
                if done_on is not None and done_on > ctx.today:
                    row.error(f"ngày hoàn thành {format_date(done_on)} ở tương lai",
                              f"completion date {done_on.isoformat()} is in the future", sheet.ref(r, done_col))
                    done_on = None
            if row.errors:
                continue
            since = hidden is not None and task.revision > hidden.revision
            kw: dict[str, Any] = {"changed_since_issue": since}
            ch = compare("status", "Trạng thái", "Status", db=task.status, new=status.value if status else None,
                         cell=ref(T_STATUS), **({"issued": hidden.status} if hidden else {}), **kw)
            if ch:
                row.changes.append(ch)
            ch = compare("progress", "Tiến độ (%)", "Progress (%)", db=task.progress,
                         new=int(progress) if progress is not None else None, cell=ref(T_PROGRESS),
                         **({"issued": hidden.progress} if hidden else {}), **kw)
            if ch:
                row.changes.append(ch)
            if note and not self._note_known(task, note):
                last = task.last_note()
                row.changes.append(FieldChange("note", "Kết quả, ghi chú", "Result, note", last or None, note,
                                               ref(T_NOTE)))
            new_status = TaskStatus(status.value if status else task.status)
            if done_on is not None and row.changes:
                if not new_status.is_completed:
                    fp.notices.append(Message(
                        "có ngày hoàn thành nhưng trạng thái chưa hoàn thành: ngày này không được dùng",
                        "a completion date is given but the status is not completed: the date is ignored",
                        sheet.ref(r, done_col)))
                elif task.last_update_on and done_on < task.last_update_on:
                    fp.notices.append(Message(
                        f"ngày hoàn thành trước lần cập nhật gần nhất ({format_date(task.last_update_on)}): "
                        f"ghi nhận vào ngày {format_date(ctx.today)}",
                        f"the completion date is before the latest update ({task.last_update_on.isoformat()}): "
                        f"recorded on {ctx.today.isoformat()}", sheet.ref(r, done_col)))
                elif done_on != task.completed_on:
                    row.changes.append(FieldChange("completed_on", "Ngày hoàn thành", "Completed on",
                                                   task.completed_on, done_on, sheet.ref(r, done_col)))
            row.settle()

    @staticmethod
    def _note_known(task: batches.TaskState, note: str) -> bool:
        """A note already in the task's history (a re-saved or re-sent file) is not added twice."""
        want = " ".join(note.split())
        return any(" ".join(n.split()) == want for n in task.notes())

    @staticmethod
    def _load_indicators(session: Session, uuids: list[str], codes: list[str]) -> tuple[dict, dict]:
        cols = (Indicator.id, Indicator.uuid, Indicator.code, Indicator.name, Indicator.value_type,
                Indicator.deleted_at)
        by_uuid: dict[str, Any] = {}
        by_code: dict[str, Any] = {}
        for key, wanted in ((Indicator.uuid, sorted(set(uuids))), (Indicator.code, sorted(set(codes)))):
            for i in range(0, len(wanted), 500):
                for r in session.execute(select(*cols).where(key.in_(wanted[i:i + 500]))):
                    by_uuid[r.uuid], by_code[r.code] = r, r
        return by_uuid, by_code

    def _plan_indicators(self, session: Session, parsed: ParsedForm, sheet: Sheet,
                         found: tuple[int, dict[str, int]], fp: FilePlan, ctx: ImportContext,
                         agency: Agency, period: Period) -> None:
        header, cols = found
        col = self._columns(sheet, cols, [I_CODE, I_VALUE, I_NOTE], fp)
        if col is None:
            return
        seen: dict[str, int] = {}
        # Every indicator the sheet names and the agency's values for the period, in three queries.
        uuids, codes = _named_rows(sheet, header, col[I_CODE], parsed, "indicator")
        by_uuid, by_code = self._load_indicators(session, uuids, codes)
        values_now = batches.load_values(session, agency.id, period.code, [i.id for i in by_uuid.values()]
                                         + [i.id for i in by_code.values()])
        fp.data["values"] = values_now
        for r in range(header + 1, sheet.max_row + 1):
            code_cell, vcell, ncell = (sheet.cell(r, col[k]) for k in (I_CODE, I_VALUE, I_NOTE))
            code = _s(code_cell) if not code_cell.is_formula else ""
            if not code and all(c.empty and not c.is_formula for c in (vcell, ncell)):
                continue
            row = PlanRow("indicator_value", f"{code or '?'} · {period.code}", sheet=sheet.name, row=r)
            fp.rows.append(row)
            if not code:
                row.error("dòng không có mã chỉ tiêu", "the row has no indicator code", sheet.ref(r, col[I_CODE]))
                continue
            if code in seen:
                row.error(f"mã chỉ tiêu '{code}' lặp lại (đã có ở dòng {seen[code]})",
                          f"indicator code '{code}' repeated (already on row {seen[code]})", sheet.ref(r, col[I_CODE]))
                continue
            seen[code] = r
            hidden = parsed.rows.get(("indicator", code))
            ind = None
            if hidden is not None and hidden.uuid:
                ind = by_uuid.get(hidden.uuid)
            if ind is None and hidden is None:
                ind = by_code.get(code)
            if ind is None or ind.deleted_at is not None:
                row.error(f"không có chỉ tiêu '{code}' trong cơ sở dữ liệu",
                          f"there is no indicator '{code}' in the database", sheet.ref(r, col[I_CODE]))
                continue
            row.key, row.label = f"{ind.code} · {period.code}", ind.name
            row.data.update(indicator_id=ind.id, indicator_code=ind.code, value_type=ind.value_type)
            vref, nref = sheet.ref(r, col[I_VALUE]), sheet.ref(r, col[I_NOTE])
            number = comment = None
            try:
                number = values.number(vcell)
                if number is not None:
                    number = validate_value(ind, number)
            except values.CellError as exc:
                row.error(exc.vi, exc.en, vref)
            except UserError as exc:
                row.error(exc.vi, exc.en, vref)
            try:
                comment = values.text(ncell) or None
            except values.CellError as exc:
                row.error(exc.vi, exc.en, nref)
            if row.errors:
                continue
            current = values_now.get(ind.id)
            since = hidden is not None and (current.revision if current else 0) != hidden.revision
            ch = compare("value", "Giá trị", "Value", db=current.value if current else None, new=number, cell=vref,
                         changed_since_issue=since, **({"issued": hidden.value} if hidden else {}))
            if ch:
                row.changes.append(ch)
            old_comment = current.comment if current else ""
            issued_comment = hidden.comment if hidden else None
            if comment and comment != old_comment and comment != issued_comment and comment not in old_comment:
                # Notes are never overwritten: a new one is added under what is there.
                merged = comment if not old_comment or comment.startswith(old_comment) else f"{old_comment}\n{comment}"
                row.changes.append(FieldChange("comment", "Ghi chú", "Note", old_comment or None, merged, nref))
            if current is None and row.changes and number is None:
                row.error("có ghi chú nhưng chưa có giá trị", "a note without a value", vref)
                continue
            row.settle(new=current is None and bool(row.changes))

    # --- apply --------------------------------------------------------------------------------

    def apply(self, session: Session, fp: FilePlan, ctx: ImportContext, batch: ImportBatch) -> Changes:
        """All rows in a few statements (``batches.record_status_updates`` / ``set_values``): the
        history, values and audit rows the one-by-one services would write, in the same order."""
        changes = Changes(audit=True)
        reporter = fp.data.get("reporter", "")
        agency_id, period = fp.data["agency_id"], fp.data["period"]
        status_items: list[batches.StatusItem] = []
        value_items: list[batches.ValueItem] = []
        for row in fp.rows:
            vals = row.to_apply()
            if not vals:
                continue
            if row.entity == "task":
                task = row.data["task"]
                status = vals.get("status")
                entry_date = ctx.today
                if vals.get("completed_on") and TaskStatus(status if status is not None else task.status).is_completed:
                    entry_date = vals["completed_on"]
                status_items.append(batches.StatusItem(task, status, vals.get("progress"), vals.get("note", ""),
                                                       entry_date))
            elif row.entity == "indicator_value":
                value_items.append(batches.ValueItem(
                    row.data["indicator_id"], row.data["indicator_code"], row.data["value_type"],
                    vals.get("value", batches.KEEP), vals.get("comment")))
        audit_rows: list[dict] = []
        common = dict(who=ctx.who, source=ctx.source, batch_id=batch.id, audit_rows=audit_rows)
        if status_items:
            changes.tasks |= batches.record_status_updates(session, status_items, reporter=reporter, **common)
        if value_items:
            changes.indicators |= batches.set_values(session, value_items, agency_id=agency_id, period=period.code,
                                                     current=fp.data.get("values", {}), **common)
        batches.write_audit(session, audit_rows)
        return changes


def _named_rows(sheet, header: int, code_col: int, parsed, kind: str) -> tuple[list[str], list[str]]:  # noqa: ANN001
    """What the rows under ``header`` name, to load in one query: the hidden UUIDs of rows the form
    was issued with, and the codes of rows a colleague added by hand."""
    uuids: list[str] = []
    codes: list[str] = []
    for r in range(header + 1, sheet.max_row + 1):
        c = sheet.cell(r, code_col)
        code = _s(c) if not c.is_formula else ""
        hidden = parsed.rows.get((kind, code)) if code else None
        if hidden is not None and hidden.uuid:
            uuids.append(hidden.uuid)
        elif hidden is None and code:
            codes.append(code)
    return uuids, codes
