"""The PDF font is one that draws Vietnamese: an older build of the same family (same file names,
no letters with two marks) found first must be passed over."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cdsdesk.reports import fonts

NAMES = ["LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf", "LiberationSerif-Italic.ttf",
         "LiberationSerif-BoldItalic.ttf"]


def _system_ttfs() -> list[Path]:
    return sorted(Path("/usr/share/fonts").rglob("*.ttf")) if Path("/usr/share/fonts").is_dir() else []


def test_a_font_without_vietnamese_letters_is_passed_over(tmp_path, monkeypatch):
    ttfs = _system_ttfs()
    lacking = next((p for p in ttfs if not fonts.covers_vietnamese(p)), None)
    good = {n: next((p for p in ttfs if p.name == n and fonts.covers_vietnamese(p)), None) for n in NAMES}
    if lacking is None or not all(good.values()):
        pytest.skip("needs a system font without Vietnamese and Liberation Serif 2 (fonts-liberation2)")
    old, new = tmp_path / "a-old", tmp_path / "b-new"
    old.mkdir(), new.mkdir()
    for n in NAMES:
        shutil.copy(lacking, old / n)  # same names, no Vietnamese letters, found first
        shutil.copy(good[n], new / n)
    monkeypatch.setattr(fonts, "font_dirs", lambda: [old, new])
    fonts.find_serif_font.cache_clear()
    try:
        chosen = fonts.find_serif_font()
    finally:
        fonts.find_serif_font.cache_clear()
    assert chosen.family == "Liberation Serif"
    assert [p.parent for p in (chosen.regular, chosen.bold, chosen.italic, chosen.bold_italic)] == [new] * 4
    assert not fonts.covers_vietnamese(old / NAMES[0]) and fonts.covers_vietnamese(chosen.regular)


def test_an_unreadable_font_file_is_not_a_candidate(tmp_path):
    broken = tmp_path / "LiberationSerif-Regular.ttf"
    broken.write_bytes(b"not a font")
    assert fonts.covers_vietnamese(broken) is False
