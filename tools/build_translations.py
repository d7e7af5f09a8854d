"""Update the translation sources from the code and compile them.

    python tools/build_translations.py          # lupdate → resources/translations/*.ts, lrelease → .qm
    python tools/build_translations.py --check  # also fail when a Vietnamese text is missing

Source strings in the code are English (``self.tr``); ``cdsdesk_vi.ts`` holds the Vietnamese and is
edited with Qt Linguist (``pyside6-linguist``) or any text editor. ``qt_vi.ts`` (hand-written) covers
texts Qt draws itself. The compiled ``.qm`` files are committed, so a plain install needs no Qt tools.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "translations"
SOURCES = [ROOT / "cdsdesk" / "app.py", *sorted((ROOT / "cdsdesk" / "ui").rglob("*.py"))]


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


def unfinished(ts: Path) -> list[str]:
    """Source texts without a translation."""
    out = []
    for msg in ET.parse(ts).getroot().iter("message"):
        tr = msg.find("translation")
        if tr is None or tr.get("type") in ("unfinished",) or (not (tr.text or "").strip() and not list(tr)):
            if tr is not None and tr.get("type") in ("obsolete", "vanished"):
                continue
            out.append(msg.findtext("source") or "")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="fail when a Vietnamese translation is missing")
    ap.add_argument("--no-update", action="store_true", help="only compile the .ts files")
    args = ap.parse_args(argv)
    TS_DIR.mkdir(parents=True, exist_ok=True)
    main_ts = TS_DIR / "cdsdesk_vi.ts"
    if not args.no_update:
        subprocess.run(
            [_tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none",
             *[str(p.relative_to(ROOT)) for p in SOURCES], "-ts", str(main_ts.relative_to(ROOT))],
            cwd=ROOT, check=True,
        )
    for ts in sorted(TS_DIR.glob("*.ts")):
        subprocess.run([_tool("lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)
        print(f"{ts.with_suffix('.qm').relative_to(ROOT)}")
    missing = unfinished(main_ts)
    if missing:
        print(f"{len(missing)} text(s) without Vietnamese in {main_ts.name}:", file=sys.stderr)
        for m in missing[:50]:
            print(f"  {m!r}", file=sys.stderr)
        if args.check:
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
