"""Undoable edits of meetings and their conclusions, as operations for ``undo.perform``: the
services return the old values or a snapshot of what was deleted, which the inverse writes back."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from ..services import meetings as meeting_service
from ..services.changes import Changes
from .undo import Operation


def _changes(task_ids: list[int] | None = None) -> Changes:
    return Changes(meetings=True, tasks=set(task_ids or []))


class EditMeeting(Operation):
    def __init__(self, meeting_id: int, changes: dict[str, Any], *, text: str = "", who: str | None = None):
        self.meeting_id, self.new, self.old, self.text, self.who = meeting_id, dict(changes), {}, text, who

    def apply(self, session: Session) -> Changes:
        self.old = meeting_service.edit_meeting(session, self.meeting_id, self.new, who=self.who)
        self.new = {k: v for k, v in self.new.items() if k in self.old}
        return _changes()

    def revert(self, session: Session) -> Changes:
        meeting_service.edit_meeting(session, self.meeting_id, self.old, who=self.who)
        return _changes()

    @property
    def changed(self) -> bool:
        return bool(self.old)


class EditDirective(EditMeeting):
    def apply(self, session: Session) -> Changes:
        self.old = meeting_service.edit_directive(session, self.meeting_id, self.new, who=self.who)
        self.new = {k: v for k, v in self.new.items() if k in self.old}
        return _changes()

    def revert(self, session: Session) -> Changes:
        meeting_service.edit_directive(session, self.meeting_id, self.old, who=self.who)
        return _changes()


class DeleteMeeting(Operation):
    """Delete a meeting and its conclusions; undo brings them back with the same ids."""

    def __init__(self, meeting_id: int, *, text: str = "", who: str | None = None):
        self.meeting_id, self.text, self.who = meeting_id, text, who
        self.snapshot: meeting_service.DeletedMeeting | None = None

    def _tasks(self) -> list[int]:
        return [t for d in (self.snapshot.directives if self.snapshot else []) for t in d.task_ids]

    def apply(self, session: Session) -> Changes:
        self.snapshot = meeting_service.delete_meeting(session, self.meeting_id, who=self.who)
        return _changes(self._tasks())

    def revert(self, session: Session) -> Changes:
        assert self.snapshot is not None
        meeting_service.restore_meeting(session, self.snapshot, who=self.who)
        return _changes(self._tasks())


class DeleteDirective(Operation):
    """Delete one conclusion; undo brings it back with its number and its tasks' links."""

    def __init__(self, directive_id: int, *, text: str = "", who: str | None = None):
        self.directive_id, self.text, self.who = directive_id, text, who
        self.snapshot: meeting_service.DeletedDirective | None = None

    def apply(self, session: Session) -> Changes:
        self.snapshot = meeting_service.delete_directive(session, self.directive_id, who=self.who)
        return _changes(self.snapshot.task_ids)

    def revert(self, session: Session) -> Changes:
        assert self.snapshot is not None
        meeting_service.restore_directive(session, self.snapshot, who=self.who)
        return _changes(self.snapshot.task_ids)
