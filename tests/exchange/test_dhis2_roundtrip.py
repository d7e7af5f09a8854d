"""DHIS2 data-value-set CSV: export → a fresh database with the same codes → identical values;
unknown codes reject the file with the list of them, nothing changed."""

from __future__ import annotations

import csv

import pytest

from cdsdesk.exchange.detect import Probe, detect
from cdsdesk.exchange.dhis2 import HEADER, export_dhis2_csv
from cdsdesk.store.session import open_database

from .xhelpers import run_import, seed_indicators, snapshot, value_table


@pytest.fixture
def other(tmp_path):
    d = open_database(tmp_path / "khác.db")
    yield d
    d.dispose()


def test_dhis2_roundtrip_identical_values(db, other, tmp_path):
    seed_indicators(db)
    seed_indicators(other, with_values=False)
    path = tmp_path / "giá-trị.csv"
    with db.session() as s:
        assert export_dhis2_csv(s, path) == 7
    lines = list(csv.reader(path.open(encoding="utf-8", newline="")))
    assert lines[0] == HEADER
    assert ["DVC-TT", "2024S1", "STTTT", "", "", "61.25"] == lines[[r[:3] for r in lines].index(
        ["DVC-TT", "2024S1", "STTTT"])][:6]
    assert detect(Probe(path, path.read_bytes())).kind == "dhis2"
    fp = run_import(other, path)
    assert fp.outcome.value == "applied", [e.text() for e in fp.errors]
    assert fp.summary().created == 7
    assert value_table(other) == value_table(db)
    again = run_import(db, path)  # into the source itself: the same file, nothing differs
    assert again.outcome.value == "nothing" and again.summary().unchanged == 7


def test_dhis2_export_one_period(db, tmp_path):
    seed_indicators(db)
    path = tmp_path / "s1.csv"
    with db.session() as s:
        assert export_dhis2_csv(s, path, period="2024S1") == 3
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert {r["period"] for r in rows} == {"2024S1"}
    assert sorted((r["dataelement"], r["orgunit"], r["value"]) for r in rows) == [
        ("CSDL", "TQ", "2087"), ("DVC-TT", "STTTT", "61.25"), ("DVC-TT", "TQ", "42.5")]


def test_dhis2_unknown_codes_rejected_with_their_list(db, tmp_path):
    seed_indicators(db)
    path = tmp_path / "lạ.csv"
    path.write_text(",".join(HEADER) + "\n"
                    "DVC-TT,2024S1,TQ,,,50,,,,false\n"
                    "XA-HOI-SO,2024S1,TQ,,,10,,,,false\n"
                    "DVC-TT,2024S1,HUYEN-X,,,11,,,,false\n"
                    "KTS-99,2024,HUYEN-X,,,12,,,,false\n", encoding="utf-8")
    before = snapshot(db)
    fp = run_import(db, path)
    assert fp.outcome.value == "rejected"
    (err,) = [e for e in fp.errors if "codes" in e.en]
    assert err.en == ("the file holds codes this database does not know: indicators XA-HOI-SO, KTS-99; "
                      "agencies HUYEN-X; nothing imported")
    assert "chỉ tiêu XA-HOI-SO, KTS-99; cơ quan HUYEN-X" in err.vi
    assert snapshot(db) == before


def test_dhis2_bad_values_name_their_line(db, tmp_path):
    seed_indicators(db)
    path = tmp_path / "sai.csv"
    path.write_text(",".join(HEADER) + "\n"
                    "DVC-TT,2024S1,TQ,,,120,,,,false\n"
                    "CSDL,2024S1,TQ,,,\"1,5\",,,,false\n"
                    "CSDL,2024X1,TQ,,,3,,,,false\n", encoding="utf-8")
    before = snapshot(db)
    fp = run_import(db, path)
    assert fp.outcome.value == "rejected"
    assert sorted(e.cell for e in fp.errors) == ["sai.csv:2:value", "sai.csv:3:value", "sai.csv:4:period"]
    assert snapshot(db) == before


def test_dhis2_value_changed_here_after_the_file_is_a_conflict(db, tmp_path):
    seed_indicators(db)
    path = tmp_path / "cũ.csv"
    path.write_text(",".join(HEADER) + "\n"
                    "DVC-TT,2024S1,TQ,,,40,admin,2020-01-01T00:00:00.000,,false\n"
                    "DVC-TT,2024S2,TQ,,,55,admin,2020-01-01T00:00:00.000,,false\n", encoding="utf-8")
    fp = run_import(db, path)
    assert fp.outcome.value == "rejected" and [r.key for r in fp.conflicts] == ["DVC-TT · TQ · 2024S1"]
    fp = run_import(db, path, on_conflict="mine")
    assert fp.outcome.value == "applied"
    table = value_table(db)
    assert ("DVC-TT", "TQ", "2024S1", 42.5, "") in table and ("DVC-TT", "TQ", "2024S2", 55.0, "") in table
