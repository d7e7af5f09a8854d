"""Build the demo province's JSON files (resources/demo/) from the catalogues in tools/demo_data/.

    python tools/build_demo_data.py          # write the files
    python tools/build_demo_data.py --check  # exit 1 if the files differ from what the build gives

The build is deterministic (fixed seeds); province.json is written by hand.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from demo_data import indicators, plans  # noqa: E402

OUT = ROOT / "resources" / "demo"


def _dumps(obj, level: int = 0) -> str:
    """JSON with one key per line but short lists of plain values (history rows, values) inline."""
    pad, inner = " " * level, " " * (level + 1)
    if isinstance(obj, dict):
        if not obj:
            return "{}"
        items = [f"{inner}{json.dumps(k, ensure_ascii=False)}: {_dumps(v, level + 1)}" for k, v in obj.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(obj, list) and any(isinstance(x, (dict, list)) for x in obj):
        return "[\n" + ",\n".join(inner + _dumps(x, level + 1) for x in obj) + "\n" + pad + "]"
    return json.dumps(obj, ensure_ascii=False)


def build() -> dict[str, str]:
    """{file name: JSON text} of every generated file."""
    agencies = plans.load_agencies(OUT)
    tasks = plans.build_da06(agencies) + plans.build_2024(agencies) + plans.build_2023(agencies)
    docs = {
        "tasks.json": {"plans": plans.PLANS, "tasks": tasks},
        "indicators.json": {"indicators": indicators.build()},
        "meetings.json": {"meetings": plans.meetings()},
    }
    return {name: _dumps(doc) + "\n" for name, doc in docs.items()}


def main(argv: list[str]) -> int:
    files = build()
    if "--check" in argv:
        stale = [n for n, text in files.items() if (OUT / n).read_text(encoding="utf-8") != text]
        if stale:
            print("out of date:", ", ".join(stale))
            return 1
        return 0
    for name, text in files.items():
        (OUT / name).write_text(text, encoding="utf-8")
        print("wrote", OUT / name)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
