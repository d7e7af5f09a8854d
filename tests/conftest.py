"""Shared test set-up: headless Qt, a fresh database per test."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("CDSDESK_USER", "tester")

import pytest  # noqa: E402


@pytest.fixture
def db(tmp_path):
    """A fresh, migrated SQLite database in a temporary folder."""
    from cdsdesk.store.session import open_database

    database = open_database(tmp_path / "cdsdesk.db")
    yield database
    database.dispose()


@pytest.fixture
def session(db):
    with db.session() as s:
        yield s
