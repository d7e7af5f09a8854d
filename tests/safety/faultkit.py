"""What the fault-injection tests share: a seeded database, the bulk write they interrupt, the
checks they make afterwards, and a child-process entry point (``python faultkit.py MODE …``).

The writes are the app's own: the real importer (``exchange.importer.import_files``) applying a
filled-in update form, and a services-level bulk write (one batch of
``services.tasks.record_status_update`` calls inside ``Database.write_session``). Afterwards each
batch must be whole (every task updated, every audit entry there) or absent.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import time
from pathlib import Path

SOAK = os.environ.get("CDSDESK_SOAK") == "1"
N_TASKS = 12


def _warm() -> None:
    """Configure the ORM and read the migrations once here, so forked children start at once."""
    import importlib

    from sqlalchemy.orm import configure_mappers

    for name in ("cdsdesk.exchange.importer", "cdsdesk.services.batches", "cdsdesk.services.tasks",
                 "cdsdesk.store.session"):
        importlib.import_module(name)
    from cdsdesk.store.migrate import head_revision, known_revisions

    configure_mappers()
    head_revision()
    known_revisions()


def warm_writes() -> None:
    """One seeded database and one bulk write, in a temporary folder: SQLAlchemy's lazy imports
    and first-use set-up happen here instead of in every forked child."""
    import shutil
    import tempfile

    from cdsdesk.store.session import open_database

    import datetime as dt

    from cdsdesk.exchange.importer import ImportOptions, import_files

    folder = Path(tempfile.mkdtemp(prefix="cdsdesk-warm-"))
    try:
        seed(folder / "warm.db", form=folder / "form.xlsx")
        db = open_database(folder / "warm.db", daily_backup=False)
        bulk_write(db, 1)
        import_files(db, [filled_form(folder / "form.xlsx", folder / "f1.xlsx", 1)],
                     ImportOptions(on_conflict="theirs", today=dt.date(2024, 7, 5)))
        db.dispose()
    finally:
        shutil.rmtree(folder, ignore_errors=True)



def scaled(default: int, soak: int) -> int:
    return soak if SOAK else default


def seed(path: Path, *, network: bool = False, form: Path | None = None) -> None:
    """A database with one agency and ``N_TASKS`` tasks of the 2024 plan, closed (WAL folded in);
    with ``form``, also the agency's update form for 2024S1 written there."""
    import datetime as dt

    from cdsdesk.services import agencies, tasks
    from cdsdesk.store.models import Plan
    from cdsdesk.store.session import open_database

    with _env(network):
        db = open_database(path, daily_backup=False)
        with db.session() as s:
            a = agencies.create_agency(s, code="STTTT", name="Sở Thông tin và Truyền thông", kind="department")
            plan = Plan(code="KH-2024", name="Kế hoạch chuyển đổi số năm 2024", year=2024)
            s.add(plan)
            s.flush()
            for i in range(N_TASKS):
                tasks.create_task(s, {"code": f"NV-{i + 1:03d}", "title": f"Nhiệm vụ số {i + 1}",
                                      "lead_agency_id": a.id, "plan_id": plan.id,
                                      "start_date": dt.date(2024, 1, 1), "deadline": dt.date(2024, 12, 31)})
        if form is not None:
            from cdsdesk.exchange.forms import write_form

            write_form(db, "STTTT", "2024S1", form)
        db.dispose()


def filled_form(template: Path, out: Path, n: int) -> Path:
    """The form as a colleague returns it for the ``n``-th time: every task with a new progress and note."""
    import openpyxl

    from cdsdesk.domain.status import TaskStatus

    wb = openpyxl.load_workbook(template)
    ws = wb["Nhiệm vụ"]
    for r in range(1, ws.max_row + 1):
        code = ws.cell(r, 1).value
        if isinstance(code, str) and code.startswith("NV-"):
            ws[f"D{r}"] = TaskStatus.IN_PROGRESS.label_vi
            ws[f"E{r}"] = 5 + (n % 19) * 5
            ws[f"F{r}"] = f"Lần {n}: đã triển khai {code}"
    wb.save(out)
    return out


def form_path(folder: Path, n: int) -> Path:
    return folder / f"Phiếu cập nhật lần {n}.xlsx"


def import_child(path: str, folder: str, network: bool, ready, phase, committed) -> None:  # noqa: ANN001
    """Runs in a forked child: imports the next filled form, again and again, until killed.
    ``phase`` is 1 from the moment the import's COMMIT is sent."""
    import datetime as dt

    from sqlalchemy import event

    from cdsdesk.exchange.importer import ImportOptions, import_files

    with _env(network):
        from cdsdesk.store.session import open_database

        db = open_database(path, daily_backup=False)

    @event.listens_for(db.engine, "commit")
    def _committing(_conn) -> None:  # noqa: ANN001
        phase.value = 1

    options = ImportOptions(on_conflict="theirs", today=dt.date(2024, 7, 5), who="Nguyễn Thị Hoa")
    ready.set()
    n = committed.value
    while True:
        f = form_path(Path(folder), n + 1)
        if not f.exists():
            time.sleep(0.01)
            continue
        result = import_files(db, [f], options)
        outcome = result.files[0].outcome.value
        if outcome != "applied":  # pragma: no cover - would make the loop meaningless
            raise SystemExit(f"import not applied: {outcome} {result.files[0].file_errors}")
        n += 1
        committed.value = n
        phase.value = 0


class _env:
    def __init__(self, network: bool) -> None:
        self.network, self.old = network, None

    def __enter__(self) -> None:
        self.old = os.environ.get("CDSDESK_NETWORK_SHARE")
        if self.network:
            os.environ["CDSDESK_NETWORK_SHARE"] = "1"

    def __exit__(self, *exc) -> None:  # noqa: ANN002
        if self.old is None:
            os.environ.pop("CDSDESK_NETWORK_SHARE", None)
        else:
            os.environ["CDSDESK_NETWORK_SHARE"] = self.old


def bulk_write(db, n: int, *, note_size: int = 40, on_commit=None) -> None:  # noqa: ANN001
    """Batch ``n``: one status update on every task, all in one transaction."""
    from sqlalchemy import select

    from cdsdesk.services.batches import begin_batch, finish_batch
    from cdsdesk.services.tasks import record_status_update
    from cdsdesk.store.models import Task

    status = ["in_progress", "blocked", "done"][n % 3]
    note = (f"Cập nhật lần {n}: " + "đã triển khai " * note_size)[: max(note_size, 20)]
    with db.write_session() as s:
        batch = begin_batch(s, kind="bulk", source_name=f"lần {n}.xlsx")
        ids = list(s.scalars(select(Task.id).order_by(Task.id)))
        for tid in ids:
            record_status_update(s, tid, status=status, progress=50 if status != "done" else 100, note=note,
                                 batch_id=batch.id, source=f"import:lần {n}.xlsx")
        finish_batch(batch, {"updates": len(ids), "n": n})
        s.flush()
        if on_commit is not None:
            on_commit()
    # committed


def kill_child(path: str, network: bool, ready, phase, committed) -> None:  # noqa: ANN001
    """Runs in a forked child: bulk writes in a loop until killed. ``phase`` is 1 while committing."""
    with _env(network):
        from cdsdesk.store.session import open_database

        db = open_database(path, daily_backup=False)
    n = committed.value
    ready.set()
    while True:
        n += 1

        def entering_commit() -> None:
            phase.value = 1

        bulk_write(db, n, on_commit=entering_commit)
        committed.value = n
        phase.value = 0


def verify(path: Path) -> dict:
    """Integrity and all-or-nothing: every batch holds exactly one update per task and its audit."""
    con = sqlite3.connect(path, timeout=30)  # read-write: recovers a hot journal / WAL as the app would
    try:
        integrity = con.execute("PRAGMA integrity_check").fetchall()
        fk = con.execute("PRAGMA foreign_key_check").fetchall()
        batches = con.execute("SELECT id, summary_json FROM import_batches ORDER BY id").fetchall()
        per_batch = dict(con.execute(
            "SELECT batch_id, count(*) FROM status_updates WHERE batch_id IS NOT NULL GROUP BY batch_id"))
        audit_per_batch = dict(con.execute(
            "SELECT batch_id, count(*) FROM audit_log WHERE entity='status_update' AND field='status'"
            " AND batch_id IS NOT NULL GROUP BY batch_id"))
        orphans = con.execute("SELECT count(*) FROM status_updates WHERE batch_id NOT IN"
                              " (SELECT id FROM import_batches)").fetchone()[0]
        revisions = con.execute("SELECT sum(revision) FROM tasks").fetchone()[0]
        updates = con.execute("SELECT count(*) FROM status_updates").fetchone()[0]
    finally:
        con.close()
    broken = [bid for bid, summary in batches
              if per_batch.get(bid) != N_TASKS or audit_per_batch.get(bid) != N_TASKS
              or N_TASKS not in (json.loads(summary).get("updates"), json.loads(summary).get("updated"))]
    return {
        "integrity": [r[0] for r in integrity],
        "foreign_keys": fk,
        "batches": len(batches),
        "broken_batches": broken,
        "orphans": orphans,
        "revision_matches_history": revisions == N_TASKS + updates,
    }


def counts(path: Path) -> tuple[int, int, int]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return tuple(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                     for t in ("import_batches", "status_updates", "audit_log"))
    finally:
        con.close()


def _child_main(argv: list[str]) -> int:
    """``faultkit.py write DB N NOTE_SIZE`` | ``readonly DB`` | ``vanish DB``: prints one JSON line."""
    from cdsdesk.domain.errors import UserError
    from cdsdesk.store.session import open_database

    mode, path = argv[0], Path(argv[1])
    out: dict = {"mode": mode}
    try:
        if mode == "write":
            db = open_database(path, daily_backup=False)
            try:
                bulk_write(db, int(argv[2]), note_size=int(argv[3]))
            finally:
                db.dispose()
            out["ok"] = True
        elif mode == "readonly":
            db = open_database(path)
            out["read_only"] = db.read_only
            out["notices"] = db.notices
            from sqlalchemy import func, select

            from cdsdesk.store.models import Task

            with db.session() as s:
                out["tasks"] = s.scalar(select(func.count()).select_from(Task))
            try:
                bulk_write(db, 1)
                out["ok"] = True
            except UserError as exc:
                out["error_vi"], out["error_en"] = exc.vi, exc.en
            db.dispose()
        elif mode == "vanish":
            import shutil

            db = open_database(path, daily_backup=False)
            with db.session() as s:
                from sqlalchemy import text

                out["tasks"] = s.execute(text("SELECT count(*) FROM tasks")).scalar()
            shutil.rmtree(path.parent)
            try:
                bulk_write(db, 1)
                out["ok"] = True
            except UserError as exc:
                out["error_vi"], out["error_en"] = exc.vi, exc.en
            db.dispose()
    except UserError as exc:
        out["error_vi"], out["error_en"] = exc.vi, exc.en
        print(json.dumps(out, ensure_ascii=False))
        return 3
    print(json.dumps(out, ensure_ascii=False))
    return 0


_warm()
if os.environ.get("CDSDESK_FORKSERVER_WARM") == "1":
    warm_writes()

if __name__ == "__main__":
    sys.exit(_child_main(sys.argv[1:]))
