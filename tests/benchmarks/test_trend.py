"""The benchmark suite's trend check flags figures more than 20% worse, and only those."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from trend import worse  # noqa: E402


def _res(**values):
    return {"figures": {k: {"label": k, "value": v, "ratio": None} for k, v in values.items()}}


def test_a_figure_25_percent_worse_is_flagged_10_percent_is_not():
    old = _res(startup=2.0, sort=100.0, memory=300.0)
    new = _res(startup=2.5, sort=110.0, memory=240.0)
    lines = worse(old, new)
    assert len(lines) == 1
    assert lines[0].startswith("startup: value 2 → 2.5")


def test_ratios_are_compared_and_new_or_missing_figures_are_not():
    old = {"figures": {"import": {"label": "import", "value": 10.0, "ratio": 1.2}}}
    new = {"figures": {"import": {"label": "import", "value": 10.5, "ratio": 1.6},
                       "install": {"label": "install", "value": 99.0, "ratio": None},
                       "report_pdf": {"label": "pdf", "value": None, "ratio": None}}}
    assert worse(old, new) == ["import: ratio 1.2 → 1.6 (+33%)"]
