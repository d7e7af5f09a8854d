"""Screenshots of the real application on the demo database, for the README.

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python tools/screenshots.py [--out docs/screenshots]

Loads the demo province into a fresh database in a temporary folder, opens the main window in
Vietnamese at 1400×900, and saves the dashboard, the task list (a task selected, its history
shown) and the indicator page (the first indicator selected, its chart drawn).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _settle(ms: int = 600) -> None:
    from PySide6.QtTest import QTest

    QTest.qWait(ms)


def _select_first_row(page) -> None:  # noqa: ANN001
    """Select the first row of the first list or table on the page (an indicator, a task)."""
    from PySide6.QtWidgets import QAbstractItemView

    for view in page.findChildren(QAbstractItemView):
        model = view.model()
        if view.isVisible() and model is not None and model.rowCount() > 0:
            view.setCurrentIndex(model.index(0, 0))
            return


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Take the README screenshots")
    ap.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    ap.add_argument("--period", default="2024S1", help="reporting period shown (default 2024S1)")
    ap.add_argument("--size", default="1400x900")
    args = ap.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication(["cdsdesk"])
    app.setOrganizationName("cdsdesk-screenshots")
    app.setApplicationName("cdsdesk-screenshots")
    tmp = Path(tempfile.mkdtemp(prefix="cdsdesk-shots-"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "settings"))

    from cdsdesk.domain.periods import Period
    from cdsdesk.store.session import open_database
    from cdsdesk.ui.context import AppContext
    from cdsdesk.ui.i18n import install_language
    from cdsdesk.ui.main_window import MainWindow

    try:
        from cdsdesk.services.demo import load_demo
    except ImportError:
        print("The demo province (cdsdesk.services.demo) is not in this build.", file=sys.stderr)
        return 1
    db = open_database(tmp / "demo.db")
    load_demo(db)
    lang = install_language(app, "vi")
    ctx = AppContext(db)
    ctx.lang = lang
    period = Period.parse(args.period)
    ctx.set_period(period, period.end)
    win = MainWindow(ctx, QSettings())
    w, h = (int(x) for x in args.size.split("x"))
    win.resize(w, h)
    win.show()
    _settle(1200)

    def shot(name: str) -> None:
        _settle()
        path = out / f"{name}.png"
        win.grab().save(str(path))
        print(path)

    win.show_page("dashboard")
    shot("dashboard")

    tasks = win.show_page("tasks")
    _settle()
    # A task with some history makes the timeline worth seeing: the first in progress.
    tasks.apply_filter({"status": "in_progress"})
    if tasks.model.rowCount():
        tasks.select_task(tasks.model.task_id(0))
    tasks.apply_filter({})
    if tasks.detail.task_id is not None:
        tasks.select_task(tasks.detail.task_id)
    shot("tasks")

    indicators = win.show_page("indicators")
    _settle()
    _select_first_row(indicators)
    _settle(1500)  # pyqtgraph loads lazily
    shot("indicator")
    win.close()
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
