"""The README's table of figures comes from the results file: values, floors, ratios and marks."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import run  # noqa: E402


def test_the_table_shows_each_figure_with_its_floor_ratio_and_mark():
    res = {"figures": {
        "generate": run.fig("generate the large database", None, "s", "well under a minute", None,
                            cached=True, built_s=17.8),
        "startup": run.fig("start to first painted main window", 0.4412, "s", "≤ 1.5× floor", True,
                           floor=0.3331, ratio=1.3245),
        "search_p95": run.fig("search keystroke, p95", 61.25, "ms", "< 50 ms", False),
        "memory": run.fig("peak memory", 302.4, "MB", "< 400 MB", True),
        "install": run.fig("cold install", 16.62, "s", "recorded", None),
        "report_pdf": run.fig("six-month report, pdf", None, "s", "< 10 s", False, note="stopped after 60 s"),
    }}
    lines = run.markdown(res).splitlines()
    assert lines[0] == "| what | figure | floor in the same run | target |"
    assert lines[2] == "| generate the large database | cached (built in 17.8 s) |  | well under a minute |"
    assert lines[3] == "| start to first painted main window | 0.44 s ✔ | 0.33 s → 1.32× | ≤ 1.5× floor |"
    assert lines[4] == "| search keystroke, p95 | 61.2 ms ✘ |  | < 50 ms |"
    assert lines[5] == "| peak memory | 302 MB ✔ |  | < 400 MB |"
    assert lines[6] == "| cold install | 16.6 s |  | recorded |"
    assert lines[7] == "| six-month report, pdf | — stopped after 60 s |  | < 10 s |"
