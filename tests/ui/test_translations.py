"""Every text of the interface has its Vietnamese (the default language), and the compiled
catalogues are the ones the sources describe."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ROOT / "tools"


def _tool_module():
    spec = importlib.util.spec_from_file_location("build_translations", TOOLS / "build_translations.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_every_english_text_in_the_code_has_vietnamese(tmp_path):
    bt = _tool_module()
    committed = {(c, s): done for c, s, done in bt.messages(bt.CATALOGS["vi"])}
    # Extract afresh from the code: a new self.tr("…") must reach the catalogue and be translated.
    fresh = tmp_path / "fresh_vi.ts"
    shutil.copy(bt.CATALOGS["vi"], fresh)
    import subprocess

    subprocess.run([bt._tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none",
                    *[str(p) for p in bt.SOURCES], "-ts", str(fresh)], check=True)
    missing = [s for c, s, _ in bt.messages(fresh)
               if bt.source_language(s) == "en" and not committed.get((c, s), False)]
    assert missing == [], "run tools/build_translations.py and translate these: " + repr(missing[:20])


def test_compiled_catalogues_are_committed_and_current(tmp_path):
    import subprocess

    bt = _tool_module()
    for ts in [*bt.CATALOGS.values(), bt.TS_DIR / "qt_vi.ts"]:
        qm = ts.with_suffix(".qm")
        assert qm.exists(), qm
        fresh = tmp_path / qm.name
        subprocess.run([bt._tool("lrelease"), "-silent", str(ts), "-qm", str(fresh)], check=True)
        assert fresh.read_bytes() == qm.read_bytes(), f"{qm.name} is not compiled from {ts.name}"


def test_source_language_detection():
    bt = _tool_module()
    assert bt.source_language("Tasks") == "en"
    assert bt.source_language("Search code, task, agency, result… (Ctrl+F)") == "en"
    assert bt.source_language("Kế hoạch:") == "vi"
    assert bt.source_language("Đóng") == "vi"
