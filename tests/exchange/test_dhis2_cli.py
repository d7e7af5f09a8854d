"""``cdsdesk export --format dhis2-csv``: all periods (or one), read back by ``cdsdesk import`` into a
fresh database with the same codes, with the same values."""

from __future__ import annotations

import csv
import json

import pytest

from cdsdesk.cli.main import main
from cdsdesk.exchange.dhis2 import HEADER
from cdsdesk.store.session import open_database

from .xhelpers import seed_indicators, value_table


@pytest.fixture
def source(tmp_path):
    path = tmp_path / "tỉnh.db"
    d = open_database(path)
    seed_indicators(d)
    d.dispose()
    return path


@pytest.fixture
def fresh(tmp_path):
    path = tmp_path / "mới.db"
    d = open_database(path)
    seed_indicators(d, with_values=False)
    d.dispose()
    return path


def _table(path):  # noqa: ANN001, ANN202
    d = open_database(path)
    try:
        return value_table(d)
    finally:
        d.dispose()


def test_export_all_periods_and_import_into_a_fresh_database(source, fresh, tmp_path, capsys):
    out = tmp_path / "giá trị.csv"
    assert main(["--db", str(source), "export", "--format", "dhis2-csv", "-o", str(out), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["values"] == 7
    rows = list(csv.reader(out.open(encoding="utf-8", newline="")))
    assert rows[0] == HEADER
    assert {r[1] for r in rows[1:]} == {"2023S2", "2024S1", "2024Q2", "2024", "202407"}
    assert ["CSDL", "2024S1", "TQ", "", "", "2087"] in [r[:6] for r in rows]

    assert _table(fresh) == []
    assert main(["--db", str(fresh), "import", str(out), "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["summary"]["created"] == 7
    assert _table(fresh) == _table(source)
    assert len(_table(fresh)) == 7
    assert main(["--db", str(fresh), "import", str(out)]) == 0  # again: nothing changes
    assert _table(fresh) == _table(source)


def test_export_one_period(source, tmp_path, capsys):
    out = tmp_path / "s1.csv"
    assert main(["--db", str(source), "export", "--format", "dhis2-csv", "--period", "2024S1", "-o", str(out)]) == 0
    assert "3" in capsys.readouterr().out
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert sorted((r["dataelement"], r["orgunit"], r["value"]) for r in rows) == [
        ("CSDL", "TQ", "2087"), ("DVC-TT", "STTTT", "61.25"), ("DVC-TT", "TQ", "42.5")]


def test_report_options_and_bad_periods_are_usage_errors(source, tmp_path, capsys):
    out = tmp_path / "x.csv"
    assert main(["--db", str(source), "export", "--format", "dhis2-csv", "--period", "2024-9M", "-o", str(out)]) == 2
    assert "2024-9M" in capsys.readouterr().err
    assert main(["--db", str(source), "export", "--format", "dhis2-csv", "--plan", "DA06", "-o", str(out)]) == 2
    assert "--plan" in capsys.readouterr().err
    assert not out.exists()
    assert main(["--db", str(source), "export", "--format", "docx", "-o", str(tmp_path / "r.docx")]) == 2
    assert "--period" in capsys.readouterr().err
