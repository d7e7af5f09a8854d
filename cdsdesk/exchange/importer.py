"""The import pipeline every importer runs through: read safely → parse → validate → diff against
the database → plan → apply in ONE transaction through the services.

Rules that hold for every importer:

* all or nothing per file: a file with any error, or an unresolved conflict, changes nothing;
* idempotent: a file whose sha256 was already imported (and not undone) changes nothing and the
  plan says when it was imported;
* every change is written by a service with the batch id, so the audit log names the batch and
  ``undo`` can revert it;
* several files in one action, each its own savepoint in the action's transaction, with one
  combined summary; the action commits once its checked pre-import copy exists.

An importer subclasses ``Importer`` and implements ``sniff``, ``parse``, ``plan`` and ``apply``;
it is registered in ``detect.REGISTRY``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from sqlalchemy.orm import Session

from ..domain.errors import UserError
from ..services import batches, current_user
from ..services.changes import Changes
from ..store.engine import Database
from ..store.models import ImportBatch
from ..store.session import get_setting
from .detect import Probe, detect
from .plan import ConflictPolicy, FilePlan, ImportResult, Message, Outcome
from .safety import DEFAULT_LIMITS, ImportRejected, Limits, read_bytes, sha256


@dataclass
class ImportOptions:
    dry_run: bool = False
    on_conflict: ConflictPolicy = ConflictPolicy.FAIL
    who: str = ""
    #: The date new history entries get when the file gives none (tests pin it).
    today: dt.date | None = None
    limits: Limits = DEFAULT_LIMITS
    #: Force one importer (by kind) instead of detecting it.
    kind: str | None = None
    #: Importer-specific choices: ``plan`` (legacy sheets), ``legacy_mapping`` (the mapping step).
    params: dict[str, Any] = field(default_factory=dict)
    #: Take a checked backup copy before the first file of the action that changes anything.
    backup: bool = True
    #: Set once that backup exists, so 30 forms in one action make one copy, not 30.
    backup_path: Path | None = field(default=None, compare=False)
    backup_taken: bool = field(default=False, compare=False)
    #: The copy started when the action began, made while the files are read and planned.
    pending_backup: Any = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        self.on_conflict = ConflictPolicy(self.on_conflict)


@dataclass
class ImportContext:
    """What an importer's plan/apply may use besides the session."""

    options: ImportOptions
    database_id: str
    who: str
    today: dt.date
    source: str  # "import:<file name>", written in the history and the audit log


class Importer:
    """Base of every importer. Subclasses set ``kind`` and the labels and implement the four steps."""

    kind: str = ""
    label_vi: str = ""
    label_en: str = ""

    def sniff(self, probe: Probe) -> bool:
        """True when this importer recognises the file (cheap; must not raise but ImportRejected)."""
        return False

    def parse(self, probe: Probe, limits: Limits) -> Any:
        """Read the file into the importer's own structure; raise ImportRejected when unreadable."""
        raise NotImplementedError

    def plan(self, session: Session, parsed: Any, fp: FilePlan, ctx: ImportContext) -> None:
        """Validate and diff against the database: fill ``fp.rows``, ``fp.agency_*``, ``fp.period``.
        Must not write."""
        raise NotImplementedError

    def apply(self, session: Session, fp: FilePlan, ctx: ImportContext, batch: ImportBatch) -> Changes:
        """Write ``row.to_apply()`` of every row through the services, with ``batch.id``."""
        raise NotImplementedError


ProgressFn = Callable[[int, int, str], None]


@dataclass
class RunState:
    """Progress and cancel for long runs (the GUI passes its own; the CLI none)."""

    progress: ProgressFn | None = None
    cancelled: Callable[[], bool] | None = None
    changes: Changes = field(default_factory=lambda: Changes(audit=False))


def import_files(
    db: Database, paths: Iterable[Path | str], options: ImportOptions | None = None, state: RunState | None = None
) -> ImportResult:
    """Import several files in one action; each file is all or nothing, the summary is combined.

    The action is one transaction and each file a savepoint in it: a file with an error is rolled
    back to its savepoint alone, the files that passed are committed together at the end. The
    pre-import copy is started first and the commit waits for it (made and checked); a copy that
    cannot be made (disk full …) leaves the database as it was. On a local file in WAL mode the
    copy reads its own snapshot of the file from before the import, so the files are read,
    planned and applied while it is being made; with the rollback journal (a network share) the
    first write waits for the copy, and the files are read meanwhile."""
    options = options or ImportOptions()
    state = state or RunState()
    paths = [Path(p) for p in paths]
    result = ImportResult(dry_run=options.dry_run, policy=options.on_conflict)
    gate = _BackupGate(db, options)
    # Files read ahead while the first write waits for the copy (reading needs no database).
    read_ahead: dict[int, _Read] = {}

    def read_the_rest(current: int) -> None:
        for j in range(current + 1, len(paths)):
            if state.cancelled is not None and state.cancelled():
                return
            if j not in read_ahead:
                try:
                    read_ahead[j] = _read(paths[j], options)
                except Exception as exc:  # raised in its turn, after the files before it are imported
                    read_ahead[j] = _Read(FilePlan(source=str(paths[j]), name=paths[j].name), error=exc)

    done: list[tuple[FilePlan, Changes]] = []
    session = db.sessions()
    try:
        if not options.dry_run:
            # The write lock from the start: a second writer waits its turn under the busy
            # timeout instead of this action failing half-way on a read snapshot gone stale.
            conn = session.connection(execution_options={"cdsdesk_immediate": True})
            gate.check_journal(conn)
        for i, path in enumerate(paths):
            if state.cancelled is not None and state.cancelled():
                break
            if state.progress is not None:
                state.progress(i, len(paths), path.name)
            read = read_ahead.pop(i, None) or _read(path, options)
            fp, changes = _import_into(session, path, read, options,
                                       before_write=lambda i=i: gate.before_first_write(lambda: read_the_rest(i)))
            result.files.append(fp)
            done.append((fp, changes))
        applied = [fp for fp, _ in done if fp.outcome == Outcome.APPLIED]
        if applied:
            try:
                gate.before_commit()
            except UserError as exc:  # no checked copy: nothing is imported
                session.rollback()
                for fp in applied:
                    _rejected(fp, exc)
                    fp.batch_id, fp.batch_uuid = None, ""
                done = []
            else:
                session.commit()
        else:
            session.rollback()
        for fp, changes in done:
            if fp.outcome == Outcome.APPLIED:
                state.changes.merge(changes)
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
        gate.discard()  # a copy started for an action that changed nothing is not kept
    if state.progress is not None:
        state.progress(len(paths), len(paths), "")
    result.changes = state.changes
    return result


class _BackupGate:
    """When the import action's checked pre-import copy must be at hand: before the commit on a
    local file in WAL mode (the copy reads beside the writer), before the first write otherwise."""

    def __init__(self, db: Database, options: ImportOptions) -> None:
        self.db, self.options = db, options
        self.wanted = options.backup and not options.dry_run and not options.backup_taken
        if self.wanted and options.pending_backup is None:
            from ..store.backup import start_pre_import_backup

            options.pending_backup = start_pre_import_backup(db)
        self.overlap = db.is_sqlite and db.journal_mode == "wal" and not db.network

    def check_journal(self, conn) -> None:  # noqa: ANN001
        """The journal the file really has (a file system without shared memory keeps SQLite
        off WAL): with the rollback journal a reader beside the writer would block its commit."""
        if self.overlap:
            mode = conn.exec_driver_sql("PRAGMA journal_mode").scalar()
            self.overlap = str(mode).lower() == "wal"

    def before_first_write(self, meanwhile: Callable[[], None]) -> None:
        if self.wanted and not self.options.backup_taken and not self.overlap:
            if self.options.pending_backup is not None:
                meanwhile()
            self._take()

    def before_commit(self) -> None:
        if self.wanted and not self.options.backup_taken:
            self._take()

    def _take(self) -> None:
        from ..store.backup import pre_import_backup

        pending, self.options.pending_backup = self.options.pending_backup, None
        # UserError (disk full …): raised before anything is committed
        self.options.backup_path = pending.result() if pending is not None else pre_import_backup(self.db)
        self.options.backup_taken = True

    def discard(self) -> None:
        pending, self.options.pending_backup = self.options.pending_backup, None
        if pending is not None:
            pending.discard()


def _rejected(fp: FilePlan, exc: UserError) -> FilePlan:
    fp.file_errors.append(Message(_strip_source(exc.vi, fp.name), _strip_source(exc.en, fp.name)))
    fp.outcome = Outcome.REJECTED
    return fp


def _strip_source(text: str, name: str) -> str:
    prefix = f"{name}: "
    return text[len(prefix):] if text.startswith(prefix) else text


@dataclass
class _Read:
    """A file read and parsed (``importer`` None: rejected, ``fp`` says why)."""

    fp: FilePlan
    importer: Importer | None = None
    parsed: Any = None
    error: Exception | None = None


def _read(path: Path, options: ImportOptions) -> _Read:
    """Read, detect and parse one file; no database involved."""
    fp = FilePlan(source=str(path), name=path.name)
    try:
        data = read_bytes(path, options.limits)
        fp.sha256 = sha256(data)
        probe = Probe(path, data, options.limits)
        if options.kind:
            from .detect import importer_by_kind

            importer = importer_by_kind(options.kind)
        else:
            importer = detect(probe)
        fp.kind = importer.kind
        return _Read(fp, importer, importer.parse(probe, options.limits))
    except ImportRejected as exc:
        return _Read(_rejected(fp, exc))


def import_file(db: Database, path: Path, options: ImportOptions) -> tuple[FilePlan, Changes]:
    """One file in its own action: read, detect, parse, plan, and (unless dry run or rejected)
    apply and commit."""
    state = RunState()
    result = import_files(db, [path], options, state)
    return result.files[0], state.changes


def _import_into(
    session: Session, path: Path, read: _Read, options: ImportOptions, *, before_write: Callable[[], None],
) -> tuple[FilePlan, Changes]:
    """One file of an action, in a savepoint of the action's transaction: plan, and (unless dry
    run or rejected) apply. ``before_write``: called before the file's first write (it may raise
    UserError: the file is then rejected, nothing of it written)."""
    changes = Changes(audit=False)
    if read.error is not None:
        raise read.error
    fp, importer, parsed = read.fp, read.importer, read.parsed
    if importer is None:
        return fp, changes

    who = options.who or current_user()
    savepoint = session.begin_nested()
    try:
        ctx = ImportContext(
            options=options,
            database_id=get_setting(session, "database_id"),
            who=who,
            today=options.today or dt.date.today(),
            source=f"import:{path.name}"[:300],
        )
        previous = batches.find_applied(session, fp.sha256)
        if previous is not None:
            fp.outcome = Outcome.DUPLICATE
            fp.previous_import_at, fp.previous_batch_id = previous.created_at, previous.id
            fp.notices.append(Message(
                f"tệp này đã được nhập lúc {previous.created_at:%H:%M %d/%m/%Y} (lô {previous.id}); không thay đổi gì",
                f"this file was imported at {previous.created_at:%Y-%m-%d %H:%M} (batch {previous.id}); nothing changed",
            ))
            savepoint.rollback()
            return fp, changes
        try:
            importer.plan(session, parsed, fp, ctx)
        except UserError as exc:
            savepoint.rollback()
            return _rejected(fp, exc), changes
        fp.resolve(options.on_conflict)
        if fp.errors or any(r.status.value == "conflict" for r in fp.rows):
            if not fp.errors:
                fp.file_errors.append(Message(
                    f"có {len(fp.conflicts)} xung đột: dữ liệu đã thay đổi trong cơ sở dữ liệu sau khi gửi biểu mẫu; "
                    "chọn cách xử lý (bỏ qua / giữ của tôi / lấy theo tệp)",
                    f"{len(fp.conflicts)} conflicts: the data changed in the database after the form was issued; "
                    "choose how to resolve them (skip / mine / theirs)",
                ))
            fp.outcome = Outcome.REJECTED
            savepoint.rollback()
            return fp, changes
        if not fp.has_changes:
            fp.outcome = Outcome.NOTHING
            savepoint.rollback()
            return fp, changes
        if options.dry_run:
            fp.outcome = Outcome.DRY_RUN
            savepoint.rollback()
            return fp, changes
        try:
            before_write()
            batch = batches.begin_batch(
                session, kind=importer.kind, source_name=path.name, source_sha256=fp.sha256,
                agency_id=fp.data.get("agency_id"), period=fp.period or None,
                source_db_id=fp.source_db_id, who=who,
            )
            changes = importer.apply(session, fp, ctx, batch)
            changes.batch_id = batch.id
            fp.outcome = Outcome.APPLIED
            fp.batch_id, fp.batch_uuid = batch.id, batch.uuid
            batches.finish_batch(batch, {"file": path.name, **fp.summary().to_dict()})
            savepoint.commit()
        except UserError as exc:
            if savepoint.is_active:
                savepoint.rollback()
            fp.outcome = Outcome.REJECTED
            fp.batch_id, fp.batch_uuid = None, ""
            return _rejected(fp, exc), Changes(audit=False)
        return fp, changes
    except BaseException:
        if savepoint.is_active:
            savepoint.rollback()
        raise


@dataclass
class UndoResult:
    batch_id: int
    source_name: str
    changes: Changes

    def text(self, lang: str = "vi") -> str:
        if lang == "en":
            return f"Import batch {self.batch_id} ({self.source_name}) undone"
        return f"Đã hoàn tác lần nhập {self.batch_id} ({self.source_name})"


def undo(db: Database, ref: str | int, *, who: str | None = None) -> UndoResult:
    """Revert an import batch in one transaction; UserError (nothing changed) when it cannot be."""
    with db.session() as s:
        batch = batches.get_batch(s, ref)
        changes = batches.undo_batch(s, batch.id, who=who or current_user())
        return UndoResult(batch.id, batch.source_name, changes)
