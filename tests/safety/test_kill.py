"""SIGKILL an import at random moments, including during the commit, in both journal modes.

The child runs the real importer on filled-in update forms, one after another, until killed.

After every kill: ``integrity_check`` passes, no foreign key dangles, every batch is whole or
absent, and every batch the child saw committed is there (nothing saved is lost)."""

from __future__ import annotations

import multiprocessing
import os
import random
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
import faultkit  # noqa: E402

pytestmark = [pytest.mark.slow, pytest.mark.sqlite_only,
              pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and forkserver are POSIX")]

KILLS_PER_MODE = faultkit.scaled(100, 1000)


@pytest.fixture(scope="module")
def mp():
    # The fork server imports (and warms up) faultkit once; each child is a fork of it.
    here = str(Path(__file__).parent)
    old = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = here + (os.pathsep + old if old else "")
    os.environ["CDSDESK_FORKSERVER_WARM"] = "1"
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["faultkit"])
    yield ctx
    os.environ.pop("CDSDESK_FORKSERVER_WARM", None)
    if old is None:
        os.environ.pop("PYTHONPATH", None)
    else:
        os.environ["PYTHONPATH"] = old


@pytest.mark.parametrize("mode", ["wal", "delete"])
def test_sigkill_during_import_leaves_whole_batches(mode, mp, tmp_path, record_count):
    path = tmp_path / "kill.db"
    network = mode == "delete"
    template = tmp_path / "Phiếu Sở TT&TT.xlsx"
    faultkit.seed(path, network=network, form=template)
    rng = random.Random(f"kill-{mode}")
    committed = mp.Value("i", 0, lock=False)
    phase = mp.Value("i", 0, lock=False)
    in_commit_kills = 0
    for i in range(KILLS_PER_MODE):
        for n in range(committed.value + 1, committed.value + 4):  # the next forms the colleague sends
            if not faultkit.form_path(tmp_path, n).exists():
                faultkit.filled_form(template, faultkit.form_path(tmp_path, n), n)
        ready = mp.Event()
        phase.value = 0
        proc = mp.Process(target=faultkit.import_child,
                          args=(str(path), str(tmp_path), network, ready, phase, committed))
        proc.start()
        assert ready.wait(30), "child did not open the database"
        if i % 3 == 0:  # aim at the commit itself
            deadline = time.monotonic() + 5
            while phase.value != 1 and time.monotonic() < deadline and proc.is_alive():
                time.sleep(0.0002)
            time.sleep(rng.uniform(0, 0.002))
            in_commit_kills += phase.value == 1
        elif i % 3 == 1:  # let one import through whatever the machine's load, then kill the next anywhere
            before, deadline = committed.value, time.monotonic() + 30
            while committed.value == before and time.monotonic() < deadline and proc.is_alive():
                time.sleep(0.001)
            time.sleep(rng.uniform(0, 0.3))
        else:
            time.sleep(rng.uniform(0, 0.08))
        proc.kill()
        proc.join()
        assert proc.exitcode == -9 or proc.exitcode is not None
        got = faultkit.verify(path)
        assert got["integrity"] == ["ok"], (i, got)
        assert got["foreign_keys"] == [] and got["orphans"] == 0, (i, got)
        assert got["broken_batches"] == [], f"kill {i}: a batch was half applied: {got}"
        assert got["revision_matches_history"], (i, got)
        assert committed.value <= got["batches"] <= committed.value + 1, (i, committed.value, got)
        committed.value = got["batches"]
    record_count(f"SIGKILL during import ({mode.upper()} journal)", KILLS_PER_MODE)
    record_count(f"  of which in the commit ({mode.upper()})", in_commit_kills)
    record_count(f"  imports applied between the kills ({mode.upper()})", committed.value)
    assert in_commit_kills >= KILLS_PER_MODE // 10, "too few kills landed in the commit to mean anything"
    assert committed.value >= KILLS_PER_MODE // 10, "too few imports went through to mean anything"

    from cdsdesk.store.session import open_database

    db = open_database(path, daily_backup=False)  # and the app opens and writes it afterwards
    try:
        faultkit.bulk_write(db, committed.value + 1)
    finally:
        db.dispose()
    assert faultkit.verify(path)["broken_batches"] == []
