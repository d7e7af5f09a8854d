"""Packages with random records (re-hashed, so they pass the sha256 check) or random bytes: each is
refused cleanly or planned, and the database never changes."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cdsdesk.exchange.package import MEMBERS, write_package
from cdsdesk.store.session import open_database

from .xfuzz import FUZZ, check_clean
from .xhelpers import seed_indicators

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    folder = tmp_path_factory.mktemp("package-fuzz")
    src = open_database(folder / "src.db")
    seed_indicators(src)
    from cdsdesk.services import tasks

    with src.session() as s:
        t = tasks.create_task(s, {"code": "NV-1", "title": "Nhiệm vụ thử", "lead_agency_id": 1})
        tasks.record_status_update(s, t.id, status="in_progress", note="Đang làm")
        write_package(s, folder / "gói.cdsx")
    src.dispose()
    db = open_database(folder / "fuzz.db")
    yield db, folder, (folder / "gói.cdsx").read_bytes()
    db.dispose()


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def _repack(members: dict[str, bytes]) -> bytes:
    manifest = json.loads(members["manifest.json"])
    manifest["members"] = {n: hashlib.sha256(d).hexdigest() for n, d in members.items() if n != "manifest.json"}
    members = dict(members, **{"manifest.json": json.dumps(manifest).encode()})
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for n, d in members.items():
            zf.writestr(n, d)
    return buf.getvalue()


_JSON = st.recursive(st.none() | st.booleans() | st.integers(-2**40, 2**40) | st.floats() | st.text(max_size=12),
                     lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
                     max_leaves=12)


@FUZZ
@given(st.data())
def test_package_fuzz_random_records(world, data):
    db, folder, pkg = world
    members = _members(pkg)
    name = data.draw(st.sampled_from([f"{m}.json" for m in MEMBERS]))
    rows = json.loads(members[name])
    if rows and data.draw(st.booleans()):
        rec = dict(rows[0])
        key = data.draw(st.sampled_from(sorted(rec)))
        rec[key] = data.draw(_JSON)
        rows[0] = rec
    else:
        rows.append(data.draw(_JSON))
    members[name] = json.dumps(rows).encode() if data.draw(st.booleans()) else data.draw(st.binary(max_size=40))
    path = folder / "thử.cdsx"
    path.write_bytes(_repack(members))
    check_clean(db, path, kinds=["package"])


@FUZZ
@given(st.floats(min_value=0.0, max_value=0.999), st.binary(max_size=32))
def test_package_fuzz_bytes(world, cut, junk):
    db, folder, pkg = world
    at = int(len(pkg) * cut)
    path = folder / "hỏng.cdsx"
    path.write_bytes(pkg[:at] + junk + pkg[at + len(junk):])
    check_clean(db, path, kinds=["package"])
