"""Writes the import and form code needs that the services do not offer (yet): recording a form
sent to an agency. Kept here, beside its only callers, with the audit entry every write carries."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from ..services import audit, current_user
from ..store.models import Agency, FormIssue, utcnow


def record_form_issue(session: Session, agency: Agency, period: str, *, file_name: str = "",
                      who: str | None = None, issued_at: dt.datetime | None = None) -> FormIssue:
    """A form sent to an agency for a period: what conflict checks compare returned files with."""
    who = who or current_user()
    issue = FormIssue(agency_id=agency.id, period=period, issued_at=issued_at or utcnow(), issued_by=who,
                      file_name=file_name[:500])
    session.add(issue)
    session.flush()
    audit.log(session, entity="form_issue", uuid=issue.uuid, label=f"{agency.code}/{period}", action="create",
              new=file_name, who=who, source="form")
    return issue
