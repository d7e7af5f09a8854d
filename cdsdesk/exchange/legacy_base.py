"""What a legacy sheet said last time, so that re-importing an old sheet is checked for conflicts
the way a returned form is (``plan.compare``).

A form carries the revision and the values it was issued with; a legacy sheet carries nothing of
the sort. So each applied legacy import records, per task, what the sheet said for every field it
compares and the task's revision right after the import (in the batch's ``summary_json`` under
``legacy_tasks``). On the next import of a sheet, that record plays the issued form's part:

* a field the sheet still gives as it did last time changes nothing, even when the task moved on
  in the app since (an old sheet brought in again does not undo newer work);
* a field the sheet now gives differently, on a task changed in the app since the last import
  (revision higher than recorded), is a **conflict**, reported and resolved like a form's
  (``--on-conflict skip|mine|theirs``; by default the file is refused and nothing written).

A task never imported from a sheet before has no record: the sheet is then the first source and
its values apply as they always did. An undone batch's record no longer counts.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..store.models import ImportBatch

KEY = "legacy_tasks"


@dataclass(frozen=True)
class Baseline:
    """A task as the last applied legacy import left it."""

    batch_id: int
    revision: int
    said: dict[str, Any]


def _encode(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def _decode(field: str, value: Any) -> Any:
    if field == "deadline" and isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return value


def load(session: Session) -> dict[str, Baseline]:
    """Task UUID → its newest baseline, over the legacy imports that were not undone."""
    out: dict[str, Baseline] = {}
    rows = session.execute(
        select(ImportBatch.id, ImportBatch.summary_json)
        .where(ImportBatch.kind == "legacy", ImportBatch.undone_at.is_(None))
        .order_by(ImportBatch.id.desc())
    )
    for batch_id, text in rows:
        try:
            tasks = json.loads(text or "{}").get(KEY) or {}
        except (ValueError, AttributeError):
            continue
        for uuid, rec in tasks.items():
            if uuid in out or not isinstance(rec, dict):
                continue
            said = {f: _decode(f, v) for f, v in (rec.get("said") or {}).items()}
            out[uuid] = Baseline(batch_id, int(rec.get("revision") or 0), said)
    return out


def record(batch: ImportBatch, entries: dict[str, tuple[int, dict[str, Any]]]) -> None:
    """Keep, on the batch, task UUID → (revision after the import, what the sheet said).
    ``finish_batch`` later adds the counts to the same JSON."""
    try:
        data = json.loads(batch.summary_json or "{}")
    except ValueError:
        data = {}
    data[KEY] = {uuid: {"revision": rev, "said": {f: _encode(v) for f, v in said.items()}}
                 for uuid, (rev, said) in entries.items()}
    batch.summary_json = json.dumps(data, ensure_ascii=False, default=str)
