"""A form re-saved by LibreOffice (lower-cased number formats, no freeze panes, cached values)
imports exactly as the original."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from .conftest import fill_form, run_import

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = [
    pytest.mark.soffice,
    pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed: the re-save round trip "
                                               "cannot run here; CI installs libreoffice-calc-nogui"),
]


def _resave(src: Path, out_dir: Path) -> Path:
    """Open and save the file with LibreOffice, as a colleague using it would."""
    out_dir.mkdir()
    profile = Path(tempfile.mkdtemp(prefix="lo-profile-"))
    try:
        subprocess.run(
            [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "xlsx",
             "--outdir", str(out_dir), str(src)],
            check=True, capture_output=True, timeout=180,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    [out] = list(out_dir.glob("*.xlsx"))
    return out


def test_libreoffice_resaved_form_imports_the_same(db, province, form, tmp_path):
    fill_form(form, reporter="Trần Văn Cường",
              tasks={"DA06-1": {"status": "Hoàn thành", "note": "Hoàn thành làm sạch dữ liệu", "done_on": "28/06/2024"},
                     "DA06-2": {"status": "Đang triển khai", "progress": 25}},
              values={"DVC-TT": {"value": "42,5"}, "CSDL": {"value": 15, "note": "Số liệu tháng 6"}})
    resaved = _resave(form, tmp_path / "lo")
    original = run_import(db, form, dry_run=True).files[0]
    again = run_import(db, resaved, dry_run=True).files[0]
    assert again.errors == [] and again.outcome.value == "dry_run"
    assert [r.to_dict() | {"sheet": 0} for r in again.rows] == [r.to_dict() | {"sheet": 0} for r in original.rows]
    assert again.reporter == "Trần Văn Cường"
    # And the re-saved file applies; the original afterwards finds nothing new.
    assert run_import(db, resaved).files[0].outcome.value == "applied"
    assert run_import(db, form).files[0].outcome.value == "nothing"
