"""Finding a serif TrueType font with full Vietnamese coverage for the PDF: the app's own
resources first, then Times New Roman (Windows, macOS), Liberation Serif (metric-compatible with
Times New Roman, common on Linux) and DejaVu Serif. Scans the usual font folders; no shell."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..domain.errors import UserError
from ..paths import resource


@dataclass(frozen=True)
class FontFiles:
    family: str  # what the document calls the font
    regular: Path
    bold: Path
    italic: Path
    bold_italic: Path


# (family, regular, bold, italic, bold italic) file names, in order of preference.
_CANDIDATES = [
    ("Times New Roman", "times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf"),
    ("Times New Roman", "Times New Roman.ttf", "Times New Roman Bold.ttf", "Times New Roman Italic.ttf", "Times New Roman Bold Italic.ttf"),
    ("Liberation Serif", "LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf", "LiberationSerif-Italic.ttf", "LiberationSerif-BoldItalic.ttf"),
    ("DejaVu Serif", "DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf", "DejaVuSerif-Italic.ttf", "DejaVuSerif-BoldItalic.ttf"),
]


def font_dirs() -> list[Path]:
    dirs = [resource("fonts")]
    if sys.platform.startswith("win"):
        windir = os.environ.get("WINDIR", r"C:\Windows")
        dirs.append(Path(windir) / "Fonts")
        local = os.environ.get("LOCALAPPDATA")
        if local:
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    elif sys.platform == "darwin":
        dirs += [Path("/System/Library/Fonts/Supplemental"), Path("/Library/Fonts"), Path.home() / "Library/Fonts"]
    else:
        data_home = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local/share"))
        dirs += [data_home / "fonts", Path.home() / ".fonts", Path("/usr/local/share/fonts"), Path("/usr/share/fonts")]
    return dirs


#: Letters a font must draw for Vietnamese text: precomposed vowels with two marks, ư, ơ, đ.
VIETNAMESE_PROBE = "ẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸạậặệộợựỹĂăÂâĐđÊêÔôƠơƯư"


def _index(dirs: list[Path]) -> dict[str, list[Path]]:
    """File name (lower case) → every path found with it, in folder order, walking recursively."""
    found: dict[str, list[Path]] = {}
    for d in dirs:
        if not d.is_dir():
            continue
        for root, _subdirs, files in os.walk(d):
            for f in sorted(files):
                if f.lower().endswith(".ttf"):
                    found.setdefault(f.lower(), []).append(Path(root) / f)
    return found


def covers_vietnamese(path: Path) -> bool:
    """Whether the font's character map has every Vietnamese letter. Old builds of a family
    (Liberation 1.x, installed beside 2.x by some office packages) share the file names and lack
    the letters with two marks, which would print as blanks."""
    from reportlab.pdfbase.ttfonts import TTFontFile

    try:
        cmap = TTFontFile(str(path)).charToGlyph
    except Exception:  # noqa: BLE001 - an unreadable font file is simply not a candidate
        return False
    return all(ord(ch) in cmap for ch in VIETNAMESE_PROBE)


@lru_cache(maxsize=1)
def find_serif_font() -> FontFiles:
    index = _index(font_dirs())
    for family, *names in _CANDIDATES:
        paths = [next((p for p in index.get(n.lower(), []) if covers_vietnamese(p)), None) for n in names]
        if all(paths):
            return FontFiles(family, *paths)  # type: ignore[arg-type]
    raise UserError(
        "Không tìm thấy phông chữ Times New Roman, Liberation Serif hoặc DejaVu Serif để tạo PDF",
        "No Times New Roman, Liberation Serif or DejaVu Serif font found to make the PDF",
    )
