"""The first window on an existing database: the tiles are painted with today's counts before the
ORM is loaded, and the charts and lists follow right after, with the same counts as the CLI.

A fresh interpreter runs the app (the test process has long loaded the ORM); the script watches
the main window's first paint from outside, as the start-up benchmark does."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

SCRIPT = textwrap.dedent(
    """
    import json, sys
    from cdsdesk.app import run_gui
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication
    from cdsdesk.ui.main_window import MainWindow

    app = QApplication(["cdsdesk"])
    out = {}

    def tiles(win):
        page = win.stack.currentWidget()
        return {k: t.value_label.text() for k, t in getattr(page, "tiles", {}).items()}

    def after_refresh(win):
        page = win.stack.currentWidget()
        out["tiles_after"] = tiles(win)
        data = page.agency_chart.data
        out["chart_agencies"] = len(data.agencies) if data is not None else 0
        out["plans_listed"] = page.plan_box.count()
        win.close()

    class Watch(QObject):
        def eventFilter(self, obj, ev):
            if ev.type() == QEvent.Type.Paint and "first" not in out:
                out["first"] = tiles(obj)
                out["page"] = obj.stack.currentWidget().objectName()
                out["orm_loaded"] = "sqlalchemy.orm" in sys.modules
                out["models_loaded"] = "cdsdesk.store.models" in sys.modules
                page = obj.stack.currentWidget()
                page.refreshed.connect(lambda: after_refresh(obj))
                QTimer.singleShot(20000, app.quit)  # never hang the test
            return False

    watch = Watch()
    _show = MainWindow.show

    def show(win):
        win.installEventFilter(watch)
        _show(win)

    MainWindow.show = show
    out["exit"] = run_gui(sys.argv[1], argv=["cdsdesk"])
    print(json.dumps(out, ensure_ascii=False))
    """
)


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cdsdesk", *args], capture_output=True, text=True, check=True,
                          env={**os.environ, "CDSDESK_USER": "tester"})


@pytest.mark.skipif(os.environ.get("CDSDESK_TEST_DB_URL", "").startswith("postgresql"),
                    reason="the early open and its plain-SQL first counts are for a local SQLite file")
def test_tiles_paint_before_the_orm_loads_and_match_the_cli(tmp_path):
    db = tmp_path / "tỉnh.db"
    _cli("--db", str(db), "demo")
    summary = json.loads(_cli("--db", str(db), "summary", "--json").stdout)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_STATE_HOME": str(tmp_path / "state")}
    r = subprocess.run([sys.executable, "-c", SCRIPT, str(db)], capture_output=True, text=True, env=env,
                       timeout=120)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout.strip().splitlines()[-1])
    assert out["exit"] == 0
    assert out["page"] == "page_dashboard"
    assert out["orm_loaded"] is False and out["models_loaded"] is False

    from cdsdesk.domain.numbers import format_number

    expected = {k: format_number(summary[k]) for k in ("total", "completed", "in_progress", "not_started",
                                                       "blocked", "overdue")}
    assert out["first"] == expected
    # After the paint: the same tiles, the chart of agencies and the plan list filled in.
    assert out["tiles_after"] == expected
    assert out["chart_agencies"] > 0 and out["plans_listed"] > 1
