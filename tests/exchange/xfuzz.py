"""Shared set-up for the exchange importers' property tests."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

from cdsdesk.exchange.importer import ImportOptions, import_files
from cdsdesk.exchange.plan import Outcome

from .xhelpers import snapshot

SOAK = os.environ.get("CDSDESK_SOAK") == "1"
FUZZ = settings(max_examples=300 if SOAK else 20, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def check_clean(db, path, *, kinds, params=None):  # noqa: ANN001
    """Dry-run the file through detection and each named importer: an outcome, never an exception,
    and the database exactly as before."""
    before = snapshot(db)
    for kind in [None, *kinds]:
        f = import_files(db, [path], ImportOptions(kind=kind, dry_run=True, params=params or {})).files[0]
        assert f.outcome in (Outcome.REJECTED, Outcome.DRY_RUN, Outcome.NOTHING, Outcome.DUPLICATE), (kind, f.outcome)
        if f.outcome == Outcome.REJECTED:
            assert f.errors and all(e.vi and e.en for e in f.errors)
    assert snapshot(db) == before
