"""Corrupted and random files thrown at every importer: each is refused with ImportRejected (never
another exception), and the database stays exactly as it was."""

from __future__ import annotations

import io
import os
import zipfile

import openpyxl
from openpyxl.utils.exceptions import IllegalCharacterError
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cdsdesk.exchange.detect import importers
from cdsdesk.exchange.importer import ImportOptions, import_files
from cdsdesk.exchange.plan import Outcome

from .conftest import snapshot

SOAK = os.environ.get("CDSDESK_SOAK") == "1"
FUZZ = settings(max_examples=400 if SOAK else 25, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """A database with a province and the form issued from it (built once: hypothesis runs many times)."""
    from cdsdesk.exchange.forms import write_form
    from cdsdesk.store.session import open_database

    from .conftest import province

    folder = tmp_path_factory.mktemp("fuzz")
    db = open_database(folder / "fuzz.db")
    province.__wrapped__(db)
    form = write_form(db, "STTTT", "2024S1", folder / "form.xlsx").path
    yield _World((db, form.read_bytes(), folder))
    db.dispose()


class _World(tuple):
    """(database, form bytes, folder) with a short repr for hypothesis' failure reports."""

    def __repr__(self) -> str:
        return "world"


def _check(world, data: bytes, *, name: str = "thử.xlsx") -> None:  # noqa: ANN001
    db, _, folder = world
    path = folder / name
    path.write_bytes(data)
    before = snapshot(db)
    kinds = [None] + [imp.kind for imp in importers()]
    for kind in kinds:  # detection, then every importer forced onto the file
        result = import_files(db, [path], ImportOptions(kind=kind))
        f = result.files[0]
        if f.outcome != Outcome.APPLIED:
            assert snapshot(db) == before, (kind, f.outcome)
        assert f.outcome in set(Outcome)


def _zip(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


@FUZZ
@given(st.binary(max_size=4096))
def test_random_bytes(world, data):
    _check(world, data)


@FUZZ
@given(st.floats(min_value=0.0, max_value=0.999))
def test_truncated_forms_are_rejected(world, cut):
    _, form, _ = world
    data = form[: int(len(form) * cut)]
    db = world[0]
    before = snapshot(db)
    path = world[2] / "cắt.xlsx"
    path.write_bytes(data)
    f = import_files(db, [path]).files[0]
    assert f.outcome == Outcome.REJECTED and f.errors
    assert snapshot(db) == before


@FUZZ
@given(st.data())
def test_mutated_xml_inside_the_form(world, data):
    _, form, _ = world
    members = _members(form)
    name = data.draw(st.sampled_from(sorted(n for n in members if n.endswith(".xml"))))
    xml = members[name]
    start = data.draw(st.integers(0, max(0, len(xml) - 1)))
    length = data.draw(st.integers(0, 64))
    junk = data.draw(st.binary(max_size=64) | st.sampled_from([b"<", b">", b"&", b"\"", b"<!ENTITY x 'y'>",
                                                                b"\xff\xfe", b"<row r=\"999999999\">"]))
    members[name] = xml[:start] + junk + xml[start + length:]
    _check(world, _zip(members))


@FUZZ
@given(st.data())
def test_random_cell_values_in_the_form(world, data):
    """Whatever a colleague (or a broken program) types anywhere, the import explains or applies."""
    _, form, folder = world
    wb = openpyxl.load_workbook(io.BytesIO(form))
    value = st.one_of(st.none(), st.text(max_size=40), st.integers(-10**12, 10**12),
                      st.floats(allow_nan=True, allow_infinity=True), st.booleans(), st.dates(),
                      st.sampled_from(["=1+1", "=NOW()", "Hoàn thành", "xong", "42,5", "1.928.311", "31/02/2024"]))
    for _ in range(data.draw(st.integers(1, 6))):
        sheet = wb[data.draw(st.sampled_from(wb.sheetnames))]
        r, c = data.draw(st.integers(1, 14)), data.draw(st.integers(1, 9))
        try:
            sheet.cell(r, c).value = data.draw(value)
        except (ValueError, TypeError, AttributeError, IllegalCharacterError):  # openpyxl refuses to write it
            pass
    buf = io.BytesIO()
    wb.save(buf)
    db = world[0]
    before = snapshot(db)
    path = folder / "điền.xlsx"
    path.write_bytes(buf.getvalue())
    f = import_files(db, [path], ImportOptions(dry_run=True)).files[0]
    assert f.outcome in (Outcome.REJECTED, Outcome.DRY_RUN, Outcome.NOTHING)
    assert snapshot(db) == before


def test_zip_bomb_traversal_and_member_count_are_refused(world):
    db, form, folder = world
    cases = {
        "bomb": _zip({**_members(form), "xl/media/zero.bin": b"\0" * (8 * 1024 * 1024)}),
        "traversal": _zip({**_members(form), "../../etc/evil.xml": b"<x/>"}),
        "absolute": _zip({**_members(form), "/tmp/evil.xml": b"<x/>"}),
        "many": _zip({**_members(form), **{f"x/{i}.xml": b"" for i in range(600)}}),
    }
    expected = {"bomb": "zip bomb", "traversal": "unsafe path", "absolute": "unsafe path", "many": "too many members"}
    before = snapshot(db)
    for label, data in cases.items():
        path = folder / f"{label}.xlsx"
        path.write_bytes(data)
        f = import_files(db, [path]).files[0]
        assert f.outcome == Outcome.REJECTED
        assert expected[label] in f.errors[0].en, (label, f.errors[0].en)
    big = folder / "big.xlsx"
    big.write_bytes(b"PK\x03\x04" + b"\0" * (26 * 1024 * 1024))
    f = import_files(db, [big]).files[0]
    assert "file too large" in f.errors[0].en
    assert snapshot(db) == before


def test_billion_laughs_in_the_workbook_is_refused(world):
    db, form, folder = world
    members = _members(form)
    lol = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
           b'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">&lol2;</workbook>')
    members["xl/workbook.xml"] = lol
    path = folder / "lol.xlsx"
    path.write_bytes(_zip(members))
    before = snapshot(db)
    f = import_files(db, [path], ImportOptions(kind="form")).files[0]
    assert f.outcome == Outcome.REJECTED and "declares a DTD/ENTITY in xl/workbook.xml" in f.errors[0].en
    assert snapshot(db) == before
