"""Every task and its whole status history in a few numpy arrays, so that the status of every task
as of any day is one binary search per task (a few milliseconds for 50,000 tasks over 500,000
history entries) instead of a subquery per task in SQL.

The rules are those of :mod:`queries`: as of a past day, a task's status is that of its latest
history entry dated on or before the day (retracted entries ignored; ties go to the later entry),
``not_started`` when there is none; as of today or later, its stored current status. A task counts
once it has started (no start date, or one on or before the day); deleted tasks never count.

A snapshot is read once (off the GUI thread, in about a third of a second on the large database)
and holds until a write changes tasks: whoever keeps one drops it then.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
from sqlalchemy import select
from sqlalchemy.engine import Connection

from ..domain.status import COMPLETED, TaskStatus
from ..store.models import StatusUpdate, Task
from .counts import historical as _historical

#: Status keys by their small integer code in the arrays.
STATUSES: tuple[str, ...] = tuple(s.value for s in TaskStatus)
_CODE = {s: i for i, s in enumerate(STATUSES)}
_NOT_STARTED = _CODE[TaskStatus.NOT_STARTED.value]
_COMPLETED_CODES = np.array(sorted(_CODE[s] for s in COMPLETED), dtype=np.int8)
#: Day numbers are SQLite's Julian day numbers cut to an integer: ordinal + this.
_JD = 1721424
_DAY_BITS = 22  # Julian day numbers stay below 2**22 (year 6700)
_NONE = -1


def day_number(day: dt.date) -> int:
    return day.toordinal() + _JD


@dataclass(frozen=True)
class TaskSnapshot:
    """Live tasks (sorted by id) and the unretracted history (sorted by task, day, entry)."""

    ids: np.ndarray  # int64, ascending
    lead: np.ndarray  # int64 lead agency id, -1 for none
    plan: np.ndarray  # int64 plan id, -1 for none
    deadline: np.ndarray  # int64 day number, -1 for none
    start: np.ndarray  # int64 day number, -1 for none
    status: np.ndarray  # int8 stored current status code
    h_key: np.ndarray  # int64 (task id << 22) | day number, ascending
    h_status: np.ndarray  # int8

    # --- reading ---------------------------------------------------------------------------------
    @classmethod
    def read(cls, conn: Connection) -> "TaskSnapshot":
        if conn.dialect.name == "sqlite":
            return cls._read_sqlite(conn)
        return cls._read_generic(conn)

    @classmethod
    def _read_sqlite(cls, conn: Connection) -> "TaskSnapshot":
        """Each column as one comma-joined string made inside SQLite (the work stays in C, with
        the interpreter free for the window) and parsed by numpy."""
        codes = " ".join(f"WHEN '{s}' THEN {i}" for i, s in enumerate(STATUSES))
        jd = lambda col: f"coalesce(CAST(julianday({col}) AS INTEGER), -1)"  # noqa: E731
        tasks = conn.exec_driver_sql(
            "SELECT group_concat(id), group_concat(coalesce(lead_agency_id, -1)), group_concat(coalesce(plan_id, -1)),"
            f" group_concat({jd('deadline')}), group_concat({jd('start_date')}),"
            f" group_concat(CASE status {codes} ELSE {_NOT_STARTED} END)"
            " FROM (SELECT id, lead_agency_id, plan_id, deadline, start_date, status FROM tasks"
            " WHERE deleted_at IS NULL ORDER BY id)"
        ).one()
        hist = conn.exec_driver_sql(
            f"SELECT group_concat(task_id * {1 << _DAY_BITS} + CAST(julianday(entry_date) AS INTEGER)),"
            f" group_concat(CASE status {codes} ELSE {_NOT_STARTED} END), group_concat(id)"
            " FROM (SELECT task_id, entry_date, status, id FROM status_updates WHERE retracted_at IS NULL"
            " ORDER BY task_id, entry_date, id)"
        ).one()

        def ints(text: str | None, dtype=np.int64) -> np.ndarray:  # noqa: ANN001
            if not text:
                return np.zeros(0, dtype=dtype)
            return np.fromstring(text, dtype=np.int64, sep=",").astype(dtype, copy=False)

        t = [ints(x) for x in tasks]
        key, st, hid = ints(hist[0]), ints(hist[1], np.int8), ints(hist[2])
        return cls._make(t[0], t[1], t[2], t[3], t[4], t[5].astype(np.int8), key, st, hid)

    @classmethod
    def _read_generic(cls, conn: Connection) -> "TaskSnapshot":
        tasks = conn.execute(
            select(Task.id, Task.lead_agency_id, Task.plan_id, Task.deadline, Task.start_date, Task.status)
            .where(Task.deleted_at.is_(None)).order_by(Task.id)
        ).all()
        hist = conn.execute(
            select(StatusUpdate.task_id, StatusUpdate.entry_date, StatusUpdate.status, StatusUpdate.id)
            .where(StatusUpdate.retracted_at.is_(None))
        ).all()
        n = lambda v: _NONE if v is None else v  # noqa: E731
        dn = lambda d: _NONE if d is None else day_number(d)  # noqa: E731
        arr = lambda xs, dtype=np.int64: np.array(list(xs), dtype=dtype)  # noqa: E731
        return cls._make(
            arr(r[0] for r in tasks), arr(n(r[1]) for r in tasks), arr(n(r[2]) for r in tasks),
            arr(dn(r[3]) for r in tasks), arr(dn(r[4]) for r in tasks),
            arr((_CODE.get(r[5], _NOT_STARTED) for r in tasks), np.int8),
            arr((r[0] << _DAY_BITS) | day_number(r[1]) for r in hist),
            arr((_CODE.get(r[2], _NOT_STARTED) for r in hist), np.int8), arr(r[3] for r in hist))

    @classmethod
    def _make(cls, ids, lead, plan, deadline, start, status, key, h_status, h_id) -> "TaskSnapshot":  # noqa: ANN001
        if len(ids) > 1 and not np.all(ids[1:] > ids[:-1]):
            o = np.argsort(ids, kind="stable")
            ids, lead, plan, deadline, start, status = (a[o] for a in (ids, lead, plan, deadline, start, status))
        if len(key) > 1:
            o = np.lexsort((h_id, key))  # by task and day, ties by entry: the later entry last
            key, h_status = key[o], h_status[o]
        return cls(ids, lead, plan, deadline, start, status, key, h_status)

    # --- as of a day -----------------------------------------------------------------------------
    def statuses_on(self, day: dt.date | None) -> np.ndarray:
        """Status code of every task (aligned with ``ids``) as of the day (stored status for today
        or later, or no day)."""
        if not _historical(day):
            return self.status
        found, at = self._latest(day)
        return np.where(found, self.h_status[at], _NOT_STARTED).astype(np.int8)

    def _latest(self, day: dt.date, ids: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """For each task: whether it has an entry on or before the day, and where the last is."""
        ids = self.ids if ids is None else ids
        if len(self.h_key) == 0:
            return np.zeros(len(ids), dtype=bool), np.zeros(len(ids), dtype=np.int64)
        q = (ids << _DAY_BITS) | day_number(day)
        at = np.searchsorted(self.h_key, q, side="right") - 1
        found = at >= 0
        at = np.where(found, at, 0)
        found &= (self.h_key[at] >> _DAY_BITS) == ids
        return found, at

    def in_scope(self, day: dt.date | None, *, plan_id: int | None = None,
                 agency_ids: list[int] | None = None) -> np.ndarray:
        """Mask of the tasks counted on the day: started by then, and in the plan or agencies."""
        mask = np.ones(len(self.ids), dtype=bool)
        if day is not None:
            mask &= (self.start == _NONE) | (self.start <= day_number(day))
        if plan_id is not None:
            mask &= self.plan == plan_id
        if agency_ids is not None:
            mask &= np.isin(self.lead, np.array(agency_ids, dtype=np.int64))
        return mask

    def grouped(self, day: dt.date | None, *, plan_id: int | None = None,
                agency_ids: list[int] | None = None) -> dict[str, list[tuple]]:
        """For the tasks in scope on the day, rows of (group, status key, tasks, of them overdue)
        grouped by lead agency id (``"agency"``), by plan id (``"plan"``) and all together
        (``"all"``, group 0); no agency or no plan is the group None."""
        ref = day or dt.date.today()
        mask = self.in_scope(day, plan_id=plan_id, agency_ids=agency_ids)
        st = self.statuses_on(day)[mask].astype(np.int64)
        over = (self.deadline[mask] != _NONE) & (self.deadline[mask] < day_number(ref)) & ~np.isin(st, _COMPLETED_CODES)
        ns = len(STATUSES)

        def rows(group: np.ndarray) -> list[tuple]:
            if len(group) == 0:
                return []
            keys, inverse, counts = np.unique((group + 1) * ns + st, return_inverse=True, return_counts=True)
            overdue = np.bincount(inverse.ravel(), weights=over, minlength=len(keys)).astype(np.int64)
            out = []
            for k, n, o in zip(keys.tolist(), counts.tolist(), overdue.tolist()):
                g, s_ = divmod(k, ns)
                out.append((g - 1 if g else None, STATUSES[s_], n, o))
            return out

        return {"agency": rows(self.lead[mask]), "plan": rows(self.plan[mask]),
                "all": rows(np.full(len(st), -1, dtype=np.int64) + 1)}

    def ids_on(self, day: dt.date | None, *, plan_id: int | None = None, agency_ids: list[int] | None = None,
               deadline_from: dt.date | None = None, deadline_to: dt.date | None = None,
               open_only: bool = False) -> dict[int, str]:
        """Task id → status key as of the day, for the tasks in scope whose deadline falls in the
        window (and that are not completed, with ``open_only``)."""
        mask = self.in_scope(day, plan_id=plan_id, agency_ids=agency_ids)
        if deadline_from is not None:
            mask &= (self.deadline != _NONE) & (self.deadline >= day_number(deadline_from))
        if deadline_to is not None:
            mask &= (self.deadline != _NONE) & (self.deadline <= day_number(deadline_to))
        st = self.statuses_on(day)
        if open_only:
            mask &= ~np.isin(st, _COMPLETED_CODES)
        return {int(i): STATUSES[int(s)] for i, s in zip(self.ids[mask], st[mask])}
