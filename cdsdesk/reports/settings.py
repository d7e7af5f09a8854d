"""The report's letterhead and signature, kept in the database's ``settings`` table so the
secretariat types them once (``report.province``, ``report.signer_name`` …)."""

from __future__ import annotations

import dataclasses

from sqlalchemy.orm import Session

from ..domain.text import nfc
from ..store.session import all_settings, set_setting
from .model import ReportSettings

PREFIX = "report."
#: Setting key → field of ReportSettings; recipients are stored one per line.
KEYS = {PREFIX + f.name: f.name for f in dataclasses.fields(ReportSettings)}


def load_settings(session: Session) -> ReportSettings:
    stored = all_settings(session)
    values: dict = {}
    for key, name in KEYS.items():
        if key not in stored:
            continue
        raw = stored[key]
        if name == "recipients":
            values[name] = tuple(line for line in (nfc(x) for x in raw.splitlines()) if line)
        else:
            values[name] = nfc(raw)
    return ReportSettings(**values)


def save_settings(session: Session, settings: ReportSettings) -> None:
    """Store every field (the caller's session commits)."""
    for key, name in KEYS.items():
        value = getattr(settings, name)
        if name == "recipients":
            value = "\n".join(nfc(v) for v in value)
        set_setting(session, key, nfc(value))


def with_changes(settings: ReportSettings, **changes: str) -> ReportSettings:
    """A copy with some fields replaced (``key=value`` pairs from the CLI or the dialog)."""
    unknown = set(changes) - {f.name for f in dataclasses.fields(ReportSettings)}
    if unknown:
        from ..domain.errors import UsageError

        names = ", ".join(sorted(unknown))
        raise UsageError(f"Không có thiết lập báo cáo: {names}", f"No such report setting: {names}")
    if "recipients" in changes and isinstance(changes["recipients"], str):
        changes["recipients"] = tuple(x.strip() for x in changes["recipients"].split("\n") if x.strip())
    return dataclasses.replace(settings, **changes)
