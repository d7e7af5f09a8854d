"""Shared test set-up: headless Qt, a fresh database per test, on every backend under test.

``CDSDESK_TEST_PG=postgresql+psycopg://…`` adds PostgreSQL: tests in the storage, service and
exchange suites that use ``db`` (or ``db_url``) then run once on SQLite and once on PostgreSQL;
mark a test ``sqlite_only`` (or put "sqlite" in its name) when it is about the SQLite file itself;
a test whose code reads ``db.path`` or takes a ``snapshot(`` of the file is SQLite-only by itself. Suites that count what they
did (fault injections, fuzzed files) report through ``record_count``; the totals are printed at
the end of the run.
"""

from __future__ import annotations

import inspect
import os
from collections import Counter
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("CDSDESK_USER", "tester")

import pytest  # noqa: E402

PG_URL = os.environ.get("CDSDESK_TEST_PG", "")
PG_SUITES = {"store", "services", "exchange", "safety"}
SOAK = os.environ.get("CDSDESK_SOAK") == "1"
_COUNTS: Counter[str] = Counter()


def pytest_configure(config):  # noqa: ANN001
    config.addinivalue_line("markers", "sqlite_only: about the SQLite file itself; not run on PostgreSQL")


def _suite(path: Path) -> str:
    parts = path.parts
    return parts[parts.index("tests") + 1] if "tests" in parts else ""


def _about_the_file(function) -> bool:  # noqa: ANN001
    """Tests that pass ``db.path`` on (to the CLI, to sqlite3) are about the SQLite file."""
    try:
        src = inspect.getsource(function)
    except (OSError, TypeError):
        return False
    return "db.path" in src or "snapshot(" in src


def pytest_generate_tests(metafunc):  # noqa: ANN001
    if "backend" not in metafunc.fixturenames:
        return
    backends = ["sqlite"]
    if (PG_URL and _suite(Path(str(metafunc.definition.fspath))) in PG_SUITES
            and metafunc.definition.get_closest_marker("sqlite_only") is None
            and "sqlite" not in metafunc.definition.name
            and not _about_the_file(metafunc.function)):
        backends.append("postgresql")
    metafunc.parametrize("backend", backends, indirect=True)


@pytest.fixture
def backend(request) -> str:  # noqa: ANN001
    """``sqlite`` or ``postgresql``: the database backend this run of the test uses."""
    return getattr(request, "param", "sqlite")


def reset_pg() -> str:
    """Empty the PostgreSQL test database (drop and recreate the public schema); returns its URL."""
    from sqlalchemy import create_engine, text

    engine = create_engine(PG_URL)
    try:
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
            conn.execute(text("DROP FUNCTION IF EXISTS audit_log_append_only() CASCADE"))
    finally:
        engine.dispose()
    return PG_URL


@pytest.fixture
def db_url(backend, tmp_path) -> str:  # noqa: ANN001
    """Where a fresh, empty database is: an SQLite file path, or the emptied PostgreSQL database."""
    if backend == "postgresql":
        return reset_pg()
    return str(tmp_path / "cdsdesk.db")


@pytest.fixture
def db(db_url):  # noqa: ANN001
    """A fresh, migrated database (SQLite in a temporary folder; PostgreSQL when under test)."""
    from cdsdesk.store.session import open_database

    database = open_database(db_url)
    yield database
    database.dispose()


@pytest.fixture
def session(db):  # noqa: ANN001
    with db.session() as s:
        yield s


@pytest.fixture
def record_count():
    """``record_count("kills (WAL)", 100)``: add to a count printed at the end of the run."""
    def add(name: str, n: int = 1) -> None:
        _COUNTS[name] += n

    return add


def pytest_terminal_summary(terminalreporter, exitstatus, config):  # noqa: ANN001
    if not _COUNTS:
        return
    terminalreporter.section("fault injection and fuzz counts" + (" (soak)" if SOAK else ""))
    for name in sorted(_COUNTS):
        terminalreporter.write_line(f"{name}: {_COUNTS[name]}")
