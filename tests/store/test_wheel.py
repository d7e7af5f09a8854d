"""``pip install .`` (not editable) must give a working app: migrations and resources travel
inside the wheel."""

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    r = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(out), str(ROOT)],
                       capture_output=True, text=True)
    if r.returncode != 0:
        pytest.fail("building the wheel failed: " + r.stderr[-2000:])
    return next(out.glob("cdsdesk-*.whl"))


def test_wheel_carries_migrations_and_resources(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert "cdsdesk/_db/env.py" in names
    assert any(n.startswith("cdsdesk/_db/versions/0001") for n in names)
    assert any(n.startswith("cdsdesk/_resources/") for n in names)


def test_installed_wheel_creates_and_reads_a_database(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(wheel)],
                   check=True)
    env = {**os.environ, "PYTHONPATH": str(target), "CDSDESK_USER": "tester"}
    db = tmp_path / "w.db"
    code = "import cdsdesk.paths as p; print(p.migrations_dir())"
    where = subprocess.run([sys.executable, "-c", code], env=env, cwd=tmp_path, capture_output=True, text=True)
    assert str(target) in where.stdout
    for args in (["init"], ["demo"], ["plans", "--json"]):
        r = subprocess.run([sys.executable, "-m", "cdsdesk", "--db", str(db), *args], env=env, cwd=tmp_path,
                           capture_output=True, text=True)
        assert r.returncode == 0, r.stderr
    plans = {p["code"]: p for p in json.loads(r.stdout)}
    assert plans["DA06-2024"]["total"] == 73
