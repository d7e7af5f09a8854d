"""Random cell values and broken bytes in a legacy sheet: clean rejections or a plan, never a crash,
never a change to the database."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl.utils.exceptions import IllegalCharacterError

from cdsdesk.store.session import open_database

from .xfuzz import FUZZ, check_clean
from .xhelpers import seed_indicators

pytestmark = pytest.mark.slow
SAMPLE = Path(__file__).parent / "data" / "theo-doi-nhiem-vu-2024.xlsx"


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    folder = tmp_path_factory.mktemp("legacy-fuzz")
    db = open_database(folder / "fuzz.db")
    seed_indicators(db)
    yield db, folder
    db.dispose()


_VALUE = st.one_of(st.none(), st.text(max_size=30), st.integers(-10**9, 10**9), st.floats(allow_nan=True),
                   st.booleans(), st.dates(), st.datetimes(),
                   st.sampled_from(["=A1", "I", "XII", "Quý V/2024", "Tháng 13/2024", "31/2/2024", "Thường xuyên",
                                    "Các sở, ban, ngành", "STT", "Nội dung", "Ghi chú", "Chờ", "0", "(1)"]))


@FUZZ
@given(st.data())
def test_legacy_fuzz_random_cells(world, data):
    db, folder = world
    wb = openpyxl.load_workbook(SAMPLE)
    ws = wb.active
    for _ in range(data.draw(st.integers(1, 8))):
        r, c = data.draw(st.integers(1, 40)), data.draw(st.integers(1, 10))
        try:
            ws.cell(r, c).value = data.draw(_VALUE)
        except (ValueError, TypeError, AttributeError, IllegalCharacterError):
            pass
    buf = io.BytesIO()
    try:
        wb.save(buf)
    except (ValueError, TypeError):
        return
    path = folder / "bảng.xlsx"
    path.write_bytes(buf.getvalue())
    check_clean(db, path, kinds=["legacy"], params={"plan": "KH2024"})


@FUZZ
@given(st.floats(min_value=0.0, max_value=0.999), st.binary(max_size=64))
def test_legacy_fuzz_truncated_and_patched(world, cut, junk):
    db, folder = world
    data = SAMPLE.read_bytes()
    at = int(len(data) * cut)
    path = folder / "hỏng.xlsx"
    path.write_bytes(data[:at] + junk + data[at + len(junk):])
    check_clean(db, path, kinds=["legacy"])
