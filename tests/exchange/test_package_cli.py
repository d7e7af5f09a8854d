"""The exchange commands from the command line, as a secretariat script would run them."""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from cdsdesk.cli.main import main

SAMPLE = Path(__file__).parent / "data" / "theo-doi-nhiem-vu-2024.xlsx"


@dataclass
class Result:
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def run(capsys):
    """``cdsdesk ARGS`` in this process (the CLI tests elsewhere cover the real process)."""

    def _run(*args):
        capsys.readouterr()
        code = main([str(a) for a in args])
        out = capsys.readouterr()
        return Result(code, out.out, out.err)

    return _run


def test_package_cli_legacy_sheet_then_package_then_national(tmp_path, run):
    province, national = tmp_path / "tỉnh.db", tmp_path / "quốc gia.db"
    assert run("--db", province, "init").returncode == 0
    r = run("--db", province, "import", SAMPLE, "--plan", "KH2024")
    assert r.returncode == 0, r.stderr
    assert "theo-doi-nhiem-vu-2024.xlsx: Đã nhập" in r.stdout
    assert "• Tổng hợp 6 tháng!9: dòng đánh số cột (1), (2)…, bỏ qua" in r.stdout  # what it skipped
    assert "= 38 tạo mới, 0 cập nhật" in r.stdout  # 20 tasks, 17 agencies, the plan; init seeded the 8 areas

    r = run("--db", province, "package", "-o", tmp_path / "tỉnh", "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["file"].endswith("tỉnh.cdsx") and out["counts"]["tasks"] == 20
    assert zipfile.ZipFile(out["file"]).read("manifest.json")

    assert run("--db", national, "init").returncode == 0
    r = run("--db", national, "import", out["file"], "--json")
    assert r.returncode == 0, r.stderr
    res = json.loads(r.stdout)
    assert res["files"][0]["kind"] == "package" and res["summary"]["created"] == 20 + 17 + 1
    r = run("--db", national, "summary", "--json")
    assert r.returncode == 0 and '"total": 20' in r.stdout


def test_package_cli_bad_input_is_one_line(tmp_path, run):
    db = tmp_path / "x.db"
    run("--db", db, "init")
    r = run("--db", db, "package", "-o", tmp_path / "a.cdsx", "--agency", "KHONG-CO")
    assert r.returncode == 1 and "Không tìm thấy cơ quan 'KHONG-CO'" in r.stderr and "Traceback" not in r.stderr
    r = run("--db", db, "package", "-o", tmp_path / "a.cdsx", "--since", "hôm qua")
    assert r.returncode == 2 and "--since" in r.stderr
    r = run("--db", db, "import", SAMPLE, "--mapping", tmp_path / "không-có.json")
    assert r.returncode == 2 and "--mapping" in r.stderr
