"""Update the translation sources from the code and compile them.

    python tools/build_translations.py          # lupdate → resources/translations/*.ts, lrelease → .qm
    python tools/build_translations.py --check  # also fail when a text has no translation

House style: source strings in the code are English (``self.tr("Tasks")``) and
``cdsdesk_vi.ts`` holds their Vietnamese. A source string written in Vietnamese
(``self.tr("Kế hoạch:")``) also works: Vietnamese shows it as it is and ``cdsdesk_en.ts`` holds its
English. Edit the .ts files with Qt Linguist (``pyside6-linguist``) or a text editor;
``tools/glossary.py`` fills new messages of both catalogues from a shared glossary.
``qt_vi.ts`` (hand-written) covers texts Qt draws itself. The compiled ``.qm`` files are
committed, so a plain install needs no Qt tools.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "translations"
SOURCES = [ROOT / "cdsdesk" / "app.py", *sorted((ROOT / "cdsdesk" / "ui").rglob("*.py"))]
#: The .ts files lupdate maintains, by language.
CATALOGS = {"vi": TS_DIR / "cdsdesk_vi.ts", "en": TS_DIR / "cdsdesk_en.ts"}


def _tool(name: str) -> str:
    """The PySide6 tool beside the running interpreter (the venv), else on PATH."""
    here = Path(sys.executable).parent
    for candidate in (here / f"pyside6-{name}", here / f"pyside6-{name}.exe"):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if not found:
        raise SystemExit(f"pyside6-{name} not found: pip install PySide6-Essentials")
    return found


def source_language(text: str) -> str:
    """``vi`` when the source string carries Vietnamese letters, else ``en``."""
    for ch in unicodedata.normalize("NFD", text):
        if ch in "đĐ" or unicodedata.combining(ch):
            return "vi"
    return "en"


def messages(ts: Path) -> list[tuple[str, str, bool]]:
    """(context, source, translated) of every live message."""
    out = []
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            kind = tr.get("type") if tr is not None else None
            if kind in ("obsolete", "vanished"):
                continue
            text = "".join(tr.itertext()).strip() if tr is not None else ""
            out.append((name, msg.findtext("source") or "", kind != "unfinished" and bool(text)))
    return out


def missing(lang: str, ts: Path | None = None) -> list[str]:
    """Sources that need a translation into ``lang`` (those written in the other language)."""
    ts = ts or CATALOGS[lang]
    if not ts.exists():
        return []
    return [src for _ctx, src, done in messages(ts) if source_language(src) != lang and not done]


def update(ts: Path, lang: str) -> None:
    if not ts.exists():
        ts.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
                      f'<TS version="2.1" language="{"vi_VN" if lang == "vi" else "en_GB"}"></TS>\n',
                      encoding="utf-8")
    subprocess.run(
        [_tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none",
         *[str(p.relative_to(ROOT)) for p in SOURCES], "-ts", str(ts.relative_to(ROOT))],
        cwd=ROOT, check=True,
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="fail when a text has no translation")
    ap.add_argument("--no-update", action="store_true", help="only compile the .ts files")
    args = ap.parse_args(argv)
    TS_DIR.mkdir(parents=True, exist_ok=True)
    if not args.no_update:
        for lang, ts in CATALOGS.items():
            update(ts, lang)
    for ts in sorted(TS_DIR.glob("*.ts")):
        subprocess.run([_tool("lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)
        print(f"{ts.with_suffix('.qm').relative_to(ROOT)}")
    bad = 0
    for lang, ts in CATALOGS.items():
        gaps = missing(lang, ts)
        if gaps:
            bad += len(gaps)
            print(f"{len(gaps)} text(s) without a translation in {ts.name}:", file=sys.stderr)
            for m in gaps[:60]:
                print(f"  {m!r}", file=sys.stderr)
    return 1 if bad and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
