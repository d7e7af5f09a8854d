"""A scenario reports its own peak memory, not the peak of the process that started it (run.py may
have just generated the large database in memory before it starts the scenarios)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SCEN = Path(__file__).resolve().parents[2] / "benchmarks" / "scenarios"


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="VmHWM is read from /proc (Linux)")
def test_a_child_started_by_a_big_parent_reports_its_own_peak():
    child = ("import sys; sys.path.insert(0, %r); import _common; print(_common.peak_rss_mb())" % str(SCEN))
    parent = ("import subprocess, sys; big = bytearray(400 * 1024 * 1024); big[::4096] = b'x' * len(big[::4096]); "
              "print(subprocess.run([sys.executable, '-c', %r], capture_output=True, text=True).stdout)" % child)
    out = subprocess.run([sys.executable, "-c", parent], capture_output=True, text=True, check=True).stdout
    child_peak = json.loads(out.strip().splitlines()[-1])
    assert child_peak < 200, f"the child reported {child_peak} MB: its parent's 400 MB leaked into its figure"
