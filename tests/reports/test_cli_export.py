"""``cdsdesk export`` end to end: files out, one-line errors, the database untouched by a failure."""

import hashlib
import os
import subprocess
import sys

import pytest
from docx import Document
from openpyxl import load_workbook

from cdsdesk.cli.export import FORMATS
from cdsdesk.cli.main import main
from cdsdesk.reports.settings import load_settings


def _sha(path) -> str:  # noqa: ANN001
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_every_format_from_the_command_line(db, province, tmp_path, capsys):
    assert set(FORMATS) >= {"docx", "pdf", "xlsx", "csv"}
    for fmt in ("docx", "pdf", "xlsx", "csv"):
        out = tmp_path / f"Báo cáo quý II.{fmt}"
        code = main(["--db", str(db.path), "export", "--period", "2024Q2", "--as-of", "2024-06-30",
                     "--format", fmt, "-o", str(out), "--quiet"])
        assert code == 0 and out.stat().st_size > 0
    wb = load_workbook(tmp_path / "Báo cáo quý II.xlsx")
    assert wb["Gửi báo cáo"]["D3"].value == "Chưa gửi"  # Sở Nội vụ sent nothing in Q2


def test_settings_are_saved_once_and_used(db, province, tmp_path):
    out = tmp_path / "a.docx"
    assert main(["--db", str(db.path), "export", "--period", "2024S1", "-o", str(out), "--quiet",
                 "--set", "signer_name=Trần Thị Hoa", "--set", "number=57", "--date", "2024-07-10"]) == 0
    with db.session() as s:
        assert load_settings(s).signer_name == "Trần Thị Hoa"
    out2 = tmp_path / "b.docx"  # the next export needs no --set
    assert main(["--db", str(db.path), "export", "--period", "2024S1", "-o", str(out2), "--quiet"]) == 0
    text = "\n".join(c.text for t in Document(str(out2)).tables for r in t.rows for c in r.cells)
    assert "Trần Thị Hoa" in text and "Số: 57/BC-BCĐ" in text


@pytest.mark.parametrize("args, code, words", [
    (["--period", "2024X9", "-o", "r.docx"], 2, "2024X9"),
    (["--period", "2024S1", "--plan", "KHONG", "-o", "r.docx"], 1, "KHONG"),
    (["--period", "2024S1", "-o", "r.odt"], 2, "odt"),
    (["--period", "2024S1", "--as-of", "30/6/2024", "-o", "r.docx"], 2, "YYYY-MM-DD"),
    (["--period", "2024S1", "--set", "khong_co=1", "-o", "r.docx"], 2, "khong_co"),
])
def test_bad_input_is_one_line_and_leaves_everything_as_it_was(db, province, tmp_path, capsys, args, code, words):
    before = _sha(db.path)
    args = [a if a != "r.docx" and a != "r.odt" else str(tmp_path / a) for a in args]
    assert main(["--db", str(db.path), "export", *args]) == code
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and words in err and " / " in err
    assert list(tmp_path.glob("r.*")) == [] and _sha(db.path) == before


def test_export_runs_as_a_separate_process_without_a_display(db, province, tmp_path):
    out = tmp_path / "r.pdf"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    r = subprocess.run([sys.executable, "-m", "cdsdesk", "--db", str(db.path), "export", "--period", "2024S1", "-o", str(out)],
                       capture_output=True, text=True, env=env)
    assert r.returncode == 0, r.stderr
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    assert data.count(b"/Subtype /Image") >= 2  # the two charts, drawn offscreen (plus any alpha masks)
