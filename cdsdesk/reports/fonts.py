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


def _index(dirs: list[Path]) -> dict[str, list[Path]]:
    """File name (lower case) → the paths found, in order, walking each folder recursively (one
    system may hold two versions of a font under the same file name)."""
    found: dict[str, list[Path]] = {}
    for d in dirs:
        if not d.is_dir():
            continue
        for root, _subdirs, files in os.walk(d):
            for f in files:
                if f.lower().endswith(".ttf"):
                    found.setdefault(f.lower(), []).append(Path(root) / f)
    return found


#: Letters a Vietnamese font must draw (older Liberation Serif 1.x, shipped as
#: ``fonts-liberation`` with LibreOffice on Debian, lacks most of them).
_VIETNAMESE = "ẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸĐđƠơƯư"


def _covers_vietnamese(path: Path) -> bool:
    from reportlab.pdfbase.ttfonts import TTFontFile  # noqa: PLC0415 - only when looking for a font

    try:
        cmap = TTFontFile(str(path)).charToGlyph
    except Exception:  # noqa: BLE001 - a damaged or unsupported font file is simply not used
        return False
    return all(ord(ch) in cmap for ch in _VIETNAMESE)


@lru_cache(maxsize=1)
def find_serif_font() -> FontFiles:
    index = _index(font_dirs())
    for family, *names in _CANDIDATES:
        paths = [next((p for p in index.get(n.lower(), []) if _covers_vietnamese(p)), None) for n in names]
        if all(paths):
            return FontFiles(family, *paths)  # type: ignore[arg-type]
    raise UserError(
        "Không tìm thấy phông chữ Times New Roman, Liberation Serif hoặc DejaVu Serif để tạo PDF",
        "No Times New Roman, Liberation Serif or DejaVu Serif font found to make the PDF",
    )
