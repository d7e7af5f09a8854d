"""Meetings of the committee, their conclusions/directives, and tasks created from them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain.errors import ValidationError
from ..domain.status import MeetingKind
from ..domain.text import nfc
from ..store.models import Directive, Meeting, Task
from . import audit
from .tasks import create_task, edit_task

MEETING_KINDS = tuple(k.value for k in MeetingKind)


def create_meeting(session: Session, *, date: dt.date, title: str, kind: str = "quarterly",
                   chair: str = "", notes: str = "", who: str | None = None) -> Meeting:
    if kind not in MEETING_KINDS:
        raise ValidationError(f"Loại phiên họp không hợp lệ: {kind}", f"Invalid meeting kind: {kind}")
    if not nfc(title):
        raise ValidationError("Tên phiên họp không được để trống", "The meeting title cannot be empty")
    m = Meeting(date=date, title=nfc(title), kind=kind, chair=nfc(chair), notes=nfc(notes))
    session.add(m)
    session.flush()
    audit.log(session, entity="meeting", uuid=m.uuid, label=m.title[:60], action="create", new=m.title, who=who)
    return m


def add_directive(session: Session, meeting_id: int, *, text: str, agency_id: int | None = None,
                  deadline: dt.date | None = None, who: str | None = None) -> Directive:
    if not nfc(text):
        raise ValidationError("Nội dung kết luận không được để trống", "The directive text cannot be empty")
    n = session.scalar(select(func.max(Directive.number)).where(Directive.meeting_id == meeting_id)) or 0
    d = Directive(meeting_id=meeting_id, number=n + 1, text=nfc(text), agency_id=agency_id, deadline=deadline)
    session.add(d)
    session.flush()
    audit.log(session, entity="directive", uuid=d.uuid, label=f"KL {d.number}", action="create", new=d.text, who=who)
    return d


def task_from_directive(session: Session, directive_id: int, *, code: str | None = None,
                        title: str | None = None, agency_id: int | None = None,
                        deadline: dt.date | None = None, plan_id: int | None = None,
                        area_id: int | None = None, who: str | None = None) -> Task:
    """Turn a conclusion into a task assigned to an agency with a deadline."""
    d = session.get(Directive, directive_id)
    if d is None:
        raise ValidationError(f"Không tìm thấy kết luận #{directive_id}", f"Directive #{directive_id} not found")
    agency_id = agency_id or d.agency_id
    if agency_id is None:
        raise ValidationError("Hãy chọn cơ quan chủ trì cho nhiệm vụ", "Choose the lead agency for the task")
    return create_task(session, {
        "code": code, "title": title or d.text, "lead_agency_id": agency_id,
        "deadline": deadline or d.deadline, "directive_id": d.id, "plan_id": plan_id, "area_id": area_id,
        "start_date": d.meeting.date,
    }, who=who)


def list_meetings(session: Session) -> list[Meeting]:
    return list(session.scalars(select(Meeting).order_by(Meeting.date.desc())))


#: Fields of a meeting and of a conclusion that an edit may change.
MEETING_FIELDS = ("date", "kind", "title", "chair", "notes")
DIRECTIVE_FIELDS = ("text", "agency_id", "deadline")


def _meeting(session: Session, meeting_id: int) -> Meeting:
    m = session.get(Meeting, meeting_id)
    if m is None:
        raise ValidationError(f"Không tìm thấy phiên họp #{meeting_id}", f"Meeting #{meeting_id} not found")
    return m


def _directive(session: Session, directive_id: int) -> Directive:
    d = session.get(Directive, directive_id)
    if d is None:
        raise ValidationError(f"Không tìm thấy kết luận #{directive_id}", f"Directive #{directive_id} not found")
    return d


def _apply(session: Session, obj: Meeting | Directive, changes: dict[str, Any], *, entity: str, label: str,
           who: str | None) -> dict[str, Any]:
    """Set the fields that differ, one audit entry each; returns the old values (what undo sets back)."""
    old: dict[str, Any] = {}
    for key, value in changes.items():
        before = getattr(obj, key)
        if before != value:
            old[key] = before
            setattr(obj, key, value)
            audit.log(session, entity=entity, uuid=obj.uuid, label=label, field=key, old=before, new=value, who=who)
    if old:
        obj.revision += 1
        session.flush()
    return old


def edit_meeting(session: Session, meeting_id: int, changes: dict[str, Any], *,
                 who: str | None = None) -> dict[str, Any]:
    """Change the date, kind, title, chair or notes of a meeting. Returns the old values."""
    m = _meeting(session, meeting_id)
    changes = {k: v for k, v in changes.items() if k in MEETING_FIELDS}
    for k in ("title", "chair", "notes"):
        if k in changes:
            changes[k] = nfc(changes[k] or "")
    if "kind" in changes and changes["kind"] not in MEETING_KINDS:
        raise ValidationError(f"Loại phiên họp không hợp lệ: {changes['kind']}", f"Invalid meeting kind: {changes['kind']}")
    if "title" in changes and not changes["title"]:
        raise ValidationError("Tên phiên họp không được để trống", "The meeting title cannot be empty")
    if "date" in changes and changes["date"] is None:
        raise ValidationError("Ngày họp không được để trống", "The meeting date cannot be empty")
    return _apply(session, m, changes, entity="meeting", label=m.title[:60], who=who)


def edit_directive(session: Session, directive_id: int, changes: dict[str, Any], *,
                   who: str | None = None) -> dict[str, Any]:
    """Change the text, agency or deadline of a conclusion. Returns the old values. The tasks
    already made from it keep their own fields."""
    d = _directive(session, directive_id)
    changes = {k: v for k, v in changes.items() if k in DIRECTIVE_FIELDS}
    if "text" in changes:
        changes["text"] = nfc(changes["text"] or "")
        if not changes["text"]:
            raise ValidationError("Nội dung kết luận không được để trống", "The directive text cannot be empty")
    return _apply(session, d, changes, entity="directive", label=f"KL {d.number}", who=who)


@dataclass
class DeletedDirective:
    """Everything needed to bring a deleted conclusion back as it was, with the same id."""

    id: int
    uuid: str
    meeting_id: int
    number: int
    text: str
    agency_id: int | None
    deadline: dt.date | None
    revision: int
    #: Tasks that were made from it: their link is removed with it and restored with it.
    task_ids: list[int] = field(default_factory=list)


@dataclass
class DeletedMeeting:
    id: int
    uuid: str
    date: dt.date
    kind: str
    title: str
    chair: str
    notes: str
    revision: int
    directives: list[DeletedDirective] = field(default_factory=list)


def delete_directive(session: Session, directive_id: int, *, who: str | None = None) -> DeletedDirective:
    """Delete a conclusion. Tasks made from it stay (they are the committee's work); they no longer
    point at it. Returns what ``restore_directive`` needs."""
    d = _directive(session, directive_id)
    task_ids = list(session.scalars(select(Task.id).where(Task.directive_id == d.id).order_by(Task.id)))
    for tid in task_ids:
        edit_task(session, tid, {"directive_id": None}, who=who)
    snap = DeletedDirective(d.id, d.uuid, d.meeting_id, d.number, d.text, d.agency_id, d.deadline, d.revision,
                            task_ids)
    audit.log(session, entity="directive", uuid=d.uuid, label=f"KL {d.number}", action="delete", old=d.text, who=who)
    meeting = d.meeting
    session.delete(d)
    session.flush()
    session.expire(meeting, ["directives"])
    return snap


def restore_directive(session: Session, snap: DeletedDirective, *, who: str | None = None) -> Directive:
    """Bring a deleted conclusion back with its id, number and links to its tasks."""
    _meeting(session, snap.meeting_id)
    d = Directive(id=snap.id, uuid=snap.uuid, meeting_id=snap.meeting_id, number=snap.number, text=snap.text,
                  agency_id=snap.agency_id, deadline=snap.deadline, revision=snap.revision + 1)
    session.add(d)
    session.flush()
    audit.log(session, entity="directive", uuid=d.uuid, label=f"KL {d.number}", action="restore", new=d.text, who=who)
    for tid in snap.task_ids:
        if session.get(Task, tid) is not None:
            edit_task(session, tid, {"directive_id": d.id}, who=who)
    session.expire(d.meeting, ["directives"])
    return d


def delete_meeting(session: Session, meeting_id: int, *, who: str | None = None) -> DeletedMeeting:
    """Delete a meeting with its conclusions (see ``delete_directive`` for the tasks made from them)."""
    m = _meeting(session, meeting_id)
    snap = DeletedMeeting(m.id, m.uuid, m.date, m.kind, m.title, m.chair, m.notes, m.revision)
    for did in [d.id for d in m.directives]:
        snap.directives.append(delete_directive(session, did, who=who))
    audit.log(session, entity="meeting", uuid=m.uuid, label=m.title[:60], action="delete", old=m.title, who=who)
    session.delete(m)
    session.flush()
    return snap


def restore_meeting(session: Session, snap: DeletedMeeting, *, who: str | None = None) -> Meeting:
    """Bring a deleted meeting back, with its id and its conclusions."""
    m = Meeting(id=snap.id, uuid=snap.uuid, date=snap.date, kind=snap.kind, title=snap.title, chair=snap.chair,
                notes=snap.notes, revision=snap.revision + 1)
    session.add(m)
    session.flush()
    audit.log(session, entity="meeting", uuid=m.uuid, label=m.title[:60], action="restore", new=m.title, who=who)
    for d in snap.directives:
        restore_directive(session, d, who=who)
    return m
