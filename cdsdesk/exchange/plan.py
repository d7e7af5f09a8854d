"""A change plan: what importing a file would do, row by row, before anything is written.

Every importer produces the same plan, so the CLI, the import dialog and ``--json`` show them
alike. Each row is new / changed / unchanged / conflict / error / skipped with its field changes
(old → new) and the cell they came from ("Nhiệm vụ!D12"); errors carry a reason in Vietnamese and
English. The summary counts like DHIS2's import summary.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
from dataclasses import dataclass, field
from typing import Any

from ..domain import numbers
from ..domain.status import TaskStatus
from ..services.changes import Changes


class RowStatus(str, enum.Enum):
    NEW = "new"
    CHANGED = "changed"
    UNCHANGED = "unchanged"
    CONFLICT = "conflict"
    ERROR = "error"
    SKIPPED = "skipped"

    @property
    def label_vi(self) -> str:
        return {
            "new": "Tạo mới", "changed": "Thay đổi", "unchanged": "Không đổi",
            "conflict": "Xung đột", "error": "Lỗi", "skipped": "Bỏ qua",
        }[self.value]

    @property
    def label_en(self) -> str:
        return {
            "new": "New", "changed": "Changed", "unchanged": "Unchanged",
            "conflict": "Conflict", "error": "Error", "skipped": "Skipped",
        }[self.value]


class ConflictPolicy(str, enum.Enum):
    """How to resolve a conflict. ``mine`` keeps what the database holds for the conflicting field
    (the other changes of the row still apply); ``theirs`` takes the file's value; ``skip`` leaves
    the whole row as it is; ``fail`` (default) rejects the file."""

    FAIL = "fail"
    SKIP = "skip"
    MINE = "mine"
    THEIRS = "theirs"


class Outcome(str, enum.Enum):
    APPLIED = "applied"
    DRY_RUN = "dry_run"
    NOTHING = "nothing"  # valid, but nothing differs from the database
    DUPLICATE = "duplicate"  # this very file was imported before
    REJECTED = "rejected"

    @property
    def label_vi(self) -> str:
        return {
            "applied": "Đã nhập", "dry_run": "Chạy thử (chưa ghi)", "nothing": "Không có gì thay đổi",
            "duplicate": "Đã nhập trước đó", "rejected": "Bị từ chối",
        }[self.value]

    @property
    def label_en(self) -> str:
        return {
            "applied": "Imported", "dry_run": "Dry run (nothing written)", "nothing": "Nothing to change",
            "duplicate": "Imported before", "rejected": "Rejected",
        }[self.value]


@dataclass
class Message:
    """A reason in both languages, attached to a cell where there is one."""

    vi: str
    en: str
    cell: str = ""

    def text(self, lang: str = "vi") -> str:
        body = self.en if lang == "en" else self.vi
        return f"{self.cell}: {body}" if self.cell else body

    def to_dict(self) -> dict[str, str]:
        return {"cell": self.cell, "vi": self.vi, "en": self.en}


def display(value: Any, lang: str = "vi") -> str:
    """A value as the user reads it: status labels, Vietnamese numbers and dates."""
    if value is None:
        return ""
    if isinstance(value, TaskStatus):
        return value.label(lang)
    if isinstance(value, str):
        try:
            return TaskStatus(value).label(lang)
        except ValueError:
            return value
    if isinstance(value, bool):
        return "có" if value else "không"
    if isinstance(value, (int, float)):
        return numbers.format_number(value)
    if isinstance(value, dt.datetime):
        return numbers.format_date(value.date())
    if isinstance(value, dt.date):
        return numbers.format_date(value)
    return str(value)


def _jsonable(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


@dataclass
class FieldChange:
    """One field of one row: what the database holds and what the file brings."""

    field: str  # status | progress | note | value | comment | completed_on …
    label_vi: str
    label_en: str
    old: Any
    new: Any
    cell: str = ""
    conflict: bool = False
    #: What the form said when it was issued (known for our own forms), for conflict reports.
    issued: Any = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "field": self.field, "cell": self.cell, "old": _jsonable(self.old), "new": _jsonable(self.new),
            "conflict": self.conflict, "issued": _jsonable(self.issued),
        }

    def text(self, lang: str = "vi") -> str:
        label = self.label_en if lang == "en" else self.label_vi
        return f"{label}: {display(self.old, lang) or '∅'} → {display(self.new, lang) or '∅'}"


_UNKNOWN = object()


def compare(
    field_key: str,
    label_vi: str,
    label_en: str,
    *,
    db: Any,
    new: Any,
    cell: str = "",
    issued: Any = _UNKNOWN,
    changed_since_issue: bool = False,
) -> FieldChange | None:
    """The change a file makes to one field, or None when it makes none.

    An empty cell (``new is None``) changes nothing. A value equal to the one the form was issued
    with changes nothing either (the colleague left it alone, even if the database moved on). A
    conflict is a field the file changes while the record changed in the database since the form
    was issued, to a different value.
    """
    if new is None or _same(new, db):
        return None
    known = issued is not _UNKNOWN
    if known and _same(new, issued):
        return None
    conflict = changed_since_issue and (not known or not _same(db, issued))
    return FieldChange(
        field_key, label_vi, label_en, db, new, cell, conflict=conflict, issued=None if not known else issued
    )


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, enum.Enum):
        a = a.value
    if isinstance(b, enum.Enum):
        b = b.value
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
        return abs(float(a) - float(b)) < 1e-9
    return a == b


@dataclass
class PlanRow:
    """One record the file speaks about (a task, an indicator value …)."""

    entity: str  # task | indicator_value | …
    key: str  # what the user knows it by: task code, "CT01 · 2024S1"
    label: str = ""  # title or name
    sheet: str = ""
    row: int = 0
    status: RowStatus = RowStatus.UNCHANGED
    changes: list[FieldChange] = field(default_factory=list)
    errors: list[Message] = field(default_factory=list)
    #: How a conflict was resolved (a ConflictPolicy value), "" when there was none.
    resolution: str = ""
    #: Importer-private data apply() needs (ids, uuids, the reporter …).
    data: dict[str, Any] = field(default_factory=dict)

    def error(self, vi: str, en: str, cell: str = "") -> None:
        self.errors.append(Message(vi, en, cell))
        self.status = RowStatus.ERROR

    def settle(self, *, new: bool = False) -> None:
        """Set the status from the changes found (errors win, then conflicts)."""
        if self.errors:
            self.status = RowStatus.ERROR
        elif any(c.conflict for c in self.changes):
            self.status = RowStatus.CONFLICT
        elif new:
            self.status = RowStatus.NEW
        elif self.changes:
            self.status = RowStatus.CHANGED
        else:
            self.status = RowStatus.UNCHANGED

    @property
    def has_conflict(self) -> bool:
        return any(c.conflict for c in self.changes)

    def to_apply(self) -> dict[str, Any]:
        """Field → new value to write, after conflict resolution."""
        if self.status in (RowStatus.ERROR, RowStatus.SKIPPED, RowStatus.UNCHANGED):
            return {}
        if self.status == RowStatus.CONFLICT and not self.resolution:
            return {}
        return self._values(keep_mine=self.resolution == ConflictPolicy.MINE.value)

    def _values(self, *, keep_mine: bool) -> dict[str, Any]:
        return {c.field: c.new for c in self.changes if not (c.conflict and keep_mine)}

    def to_dict(self) -> dict[str, Any]:
        return {
            "entity": self.entity, "key": self.key, "label": self.label, "sheet": self.sheet, "row": self.row,
            "status": self.status.value, "resolution": self.resolution,
            "changes": [c.to_dict() for c in self.changes], "errors": [e.to_dict() for e in self.errors],
        }


SUMMARY_KEYS = ("created", "updated", "unchanged", "conflicts", "skipped", "errors")


@dataclass
class Summary:
    """Counts like DHIS2's importCount. ``conflicts`` counts rows where one was found (a resolved
    one also counts as updated or unchanged); ``errors`` counts error messages."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: int = 0
    skipped: int = 0
    errors: int = 0

    def add(self, other: "Summary") -> "Summary":
        for k in SUMMARY_KEYS:
            setattr(self, k, getattr(self, k) + getattr(other, k))
        return self

    def to_dict(self) -> dict[str, int]:
        return {k: getattr(self, k) for k in SUMMARY_KEYS}

    def text(self, lang: str = "vi") -> str:
        if lang == "en":
            return (
                f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged, "
                f"{self.conflicts} conflicts, {self.skipped} skipped, {self.errors} errors"
            )
        return (
            f"{self.created} tạo mới, {self.updated} cập nhật, {self.unchanged} không đổi, "
            f"{self.conflicts} xung đột, {self.skipped} bỏ qua, {self.errors} lỗi"
        )


@dataclass
class FilePlan:
    """The plan for one file and, once run, its outcome."""

    source: str  # the path as given
    name: str  # the file name shown to the user
    sha256: str = ""
    kind: str = ""  # importer kind (form, legacy, package, dhis2, csv …)
    agency_code: str = ""
    agency_name: str = ""
    period: str = ""
    issued_at: dt.datetime | None = None
    source_db_id: str = ""
    reporter: str = ""
    rows: list[PlanRow] = field(default_factory=list)
    file_errors: list[Message] = field(default_factory=list)
    notices: list[Message] = field(default_factory=list)
    outcome: Outcome | None = None
    batch_id: int | None = None
    batch_uuid: str = ""
    #: For a duplicate: when the same file was imported, and its batch.
    previous_import_at: dt.datetime | None = None
    previous_batch_id: int | None = None
    #: Importer-private data shared by all rows.
    data: dict[str, Any] = field(default_factory=dict)

    @property
    def errors(self) -> list[Message]:
        return self.file_errors + [e for r in self.rows for e in r.errors]

    @property
    def conflicts(self) -> list[PlanRow]:
        return [r for r in self.rows if r.has_conflict]

    @property
    def has_changes(self) -> bool:
        return any(r.to_apply() for r in self.rows)

    def reject(self, vi: str, en: str, cell: str = "") -> None:
        self.file_errors.append(Message(vi, en, cell))

    def resolve(self, policy: ConflictPolicy) -> None:
        """Apply the conflict policy to every conflicting row (``fail`` leaves them unresolved)."""
        for r in self.rows:
            if r.status != RowStatus.CONFLICT:
                continue
            if policy == ConflictPolicy.SKIP:
                r.status, r.resolution = RowStatus.SKIPPED, policy.value
            elif policy in (ConflictPolicy.MINE, ConflictPolicy.THEIRS):
                r.resolution = policy.value
                keep_mine = policy == ConflictPolicy.MINE
                r.status = RowStatus.CHANGED if r._values(keep_mine=keep_mine) else RowStatus.UNCHANGED

    def summary(self) -> Summary:
        s = Summary(errors=len(self.errors))
        rejected = self.outcome == Outcome.REJECTED
        for r in self.rows:
            if r.has_conflict:
                s.conflicts += 1
            if r.status == RowStatus.SKIPPED:
                s.skipped += 1
            elif r.status == RowStatus.UNCHANGED:
                s.unchanged += 1
            elif rejected or self.outcome == Outcome.DUPLICATE:
                continue  # nothing of a rejected or already-imported file is created or updated
            elif r.status == RowStatus.NEW:
                s.created += 1
            elif r.status == RowStatus.CHANGED:
                s.updated += 1
        return s

    def headline(self, lang: str = "vi") -> str:
        out = self.outcome or Outcome.DRY_RUN
        label = out.label_en if lang == "en" else out.label_vi
        text = f"{self.name}: {label}"
        if out == Outcome.DUPLICATE and self.previous_import_at is not None:
            when = self.previous_import_at.strftime("%H:%M ") + numbers.format_date(self.previous_import_at.date())
            text += (
                f" (imported at {when}, batch {self.previous_batch_id})"
                if lang == "en"
                else f" (đã nhập lúc {when}, lô {self.previous_batch_id})"
            )
        elif out == Outcome.APPLIED and self.batch_id is not None:
            text += f" (batch {self.batch_id})" if lang == "en" else f" (lô {self.batch_id})"
        return text

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.source, "name": self.name, "sha256": self.sha256, "kind": self.kind,
            "agency": self.agency_code, "agency_name": self.agency_name, "period": self.period,
            "issued_at": _jsonable(self.issued_at), "outcome": (self.outcome or Outcome.DRY_RUN).value,
            "batch_id": self.batch_id, "batch_uuid": self.batch_uuid,
            "previous_import_at": _jsonable(self.previous_import_at), "previous_batch_id": self.previous_batch_id,
            "summary": self.summary().to_dict(),
            "errors": [e.to_dict() for e in self.errors],
            "notices": [n.to_dict() for n in self.notices],
            "rows": [r.to_dict() for r in self.rows],
        }


@dataclass
class ImportResult:
    """Several files imported in one action, with one combined summary."""

    files: list[FilePlan] = field(default_factory=list)
    dry_run: bool = False
    policy: ConflictPolicy = ConflictPolicy.FAIL
    #: What the applied files changed, for the screens to refresh.
    changes: Changes = field(default_factory=lambda: Changes(audit=False))

    def summary(self) -> Summary:
        total = Summary()
        for f in self.files:
            total.add(f.summary())
        return total

    @property
    def rejected(self) -> list[FilePlan]:
        return [f for f in self.files if f.outcome == Outcome.REJECTED]

    @property
    def exit_code(self) -> int:
        return 1 if self.rejected else 0

    @property
    def status(self) -> str:
        """SUCCESS, WARNING (some files rejected) or ERROR (all rejected), as DHIS2 says it."""
        if not self.rejected:
            return "SUCCESS"
        return "ERROR" if len(self.rejected) == len(self.files) else "WARNING"

    def to_dict(self) -> dict[str, Any]:
        counts: dict[str, int] = {o.value: 0 for o in Outcome}
        for f in self.files:
            counts[(f.outcome or Outcome.DRY_RUN).value] += 1
        return {
            "status": self.status, "dry_run": self.dry_run, "on_conflict": self.policy.value,
            "summary": self.summary().to_dict(), "files_by_outcome": counts,
            "files": [f.to_dict() for f in self.files],
        }

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)
