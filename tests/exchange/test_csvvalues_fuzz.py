"""Random text in the value CSV layouts (typed CSV and DHIS2): clean rejections or a plan."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cdsdesk.exchange.dhis2 import HEADER
from cdsdesk.store.session import open_database

from .xfuzz import FUZZ, check_clean
from .xhelpers import seed_indicators

pytestmark = pytest.mark.slow

_CELL = st.one_of(st.text(max_size=12), st.sampled_from(["DVC-TT", "CSDL", "TQ", "HYS", "2024S1", "2024Q5", "42,5",
                                                          "1.928.311", "-1", "1e400", "nan", "\"", ";", ",", "\n"]))


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    folder = tmp_path_factory.mktemp("csv-fuzz")
    db = open_database(folder / "fuzz.db")
    seed_indicators(db)
    yield db, folder
    db.dispose()


@FUZZ
@given(st.lists(st.lists(_CELL, max_size=11), max_size=6), st.sampled_from([",", ";"]),
       st.sampled_from(["csv", "dhis2"]), st.sampled_from(["utf-8", "utf-8-sig", "cp1258", "utf-16"]))
def test_csvvalues_fuzz_rows(world, rows, sep, layout, encoding):
    db, folder = world
    head = ",".join(HEADER) if layout == "dhis2" else sep.join(["Mã chỉ tiêu", "Mã cơ quan", "Kỳ", "Giá trị", "Ghi chú"])
    text = head + "\n" + "\n".join(sep.join(r) for r in rows)
    path = folder / "giá trị.csv"
    path.write_bytes(text.encode(encoding, "replace"))
    check_clean(db, path, kinds=["csv", "dhis2"])


@FUZZ
@given(st.binary(max_size=2048))
def test_csvvalues_fuzz_bytes(world, data):
    db, folder = world
    path = folder / "rác.csv"
    path.write_bytes(data)
    check_clean(db, path, kinds=["csv", "dhis2"])
