"""Use cases: every write goes through a function here (one transaction, audit, revision) and
returns what it changed; queries return plain data. No Qt."""

from __future__ import annotations

import getpass
import os


def current_user() -> str:
    """Who is making the change: ``CDSDESK_USER`` or the operating-system login."""
    name = os.environ.get("CDSDESK_USER")
    if name:
        return name
    try:
        return getpass.getuser()
    except Exception:  # pragma: no cover - no login name on some Windows services
        return "unknown"
