"""Meetings of the committee, their conclusions/directives, and tasks created from them."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain.errors import ValidationError
from ..domain.status import MeetingKind
from ..domain.text import nfc
from ..store.models import Directive, Meeting, Task
from . import audit
from .tasks import create_task

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
