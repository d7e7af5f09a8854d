"""Screenshots of the real application on the demo database, for the README.

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python tools/screenshots.py [--out docs/screenshots]

Loads the demo province into a fresh database in a temporary folder, opens the main window in
Vietnamese at 1400×900, and saves the dashboard, the task list (a task selected, its history
shown) and the indicator page (the first indicator selected, its chart drawn).

``--db FILE`` takes a copy of that database instead of the demo province (the benchmarks' large
one shows the views at province scale). ``--tour`` also saves every view and dialog (status
update, export, update forms, import of a filled form, import of a legacy sheet with its mapping
step) in Vietnamese, and the window in English, into ``OUT/tour/``: the pictures to look through
for clipped labels, broken diacritics, empty panes and untranslated text.
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
    ap.add_argument("--tour", action="store_true", help="also every view and dialog, Vietnamese and English")
    ap.add_argument("--db", help="a copy of this database instead of the demo province (e.g. the benchmarks' "
                                 "large one, to look at the views at province scale)")
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

    if args.db:
        import shutil

        shutil.copyfile(args.db, tmp / "province.db")
        db = open_database(tmp / "province.db")
    else:
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
    if args.tour:
        win = _tour(app, ctx, win, out / "tour", (w, h), tmp)
    win.close()
    db.dispose()
    return 0


def _form_agency(db) -> str:  # noqa: ANN001
    """The demo's Sở TT&TT, or in another database the agency leading most tasks."""
    from sqlalchemy import func, select

    from cdsdesk.store.models import Agency, Task

    with db.session() as s:
        if s.scalar(select(Agency.id).where(Agency.code == "STTTT")) is not None:
            return "STTTT"
        return s.execute(select(Agency.code).join(Task, Task.lead_agency_id == Agency.id)
                         .group_by(Agency.code).order_by(func.count().desc()).limit(1)).scalar_one()


def _save(widget, path: Path) -> None:  # noqa: ANN001
    _settle()
    widget.grab().save(str(path))
    print(path)


def _legacy_sheet(path: Path) -> Path:
    """A tracking sheet as a province kept it, with a status, a column and an agency to match."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Theo dõi"
    ws.append(["BẢNG THEO DÕI NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2024"])
    ws.append(["STT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Thời hạn hoàn thành", "Tình hình thực hiện",
               "Người theo dõi"])
    ws.append(["I", "HẠ TẦNG SỐ"])
    ws.append([1, "Nâng cấp mạng truyền số liệu chuyên dùng cấp xã", "Sở Thông tin và Truyền thông",
               "Quý III/2024", "Đang triển khai", "anh Hùng"])
    ws.append([2, "Lắp đặt camera giám sát giao thông", "Phòng PC08", "30/9/2024", "Đợi kinh phí", "chị Lan"])
    ws.append(["II", "NHÂN LỰC SỐ"])
    ws.append([3, "Tập huấn kỹ năng số cho tổ công nghệ số cộng đồng", "Sở Nội vụ", "Năm 2024", "Hoàn thành", ""])
    wb.save(path)
    return path


def _tour(app, ctx, win, out: Path, size: tuple[int, int], tmp: Path):  # noqa: ANN001, ANN202
    """Every view and dialog in Vietnamese, then the window in English; returns the open window."""
    from PySide6.QtCore import QSettings
    from PySide6.QtTest import QTest

    from cdsdesk.ui.i18n import install_language
    from cdsdesk.ui.main_window import MainWindow

    out.mkdir(parents=True, exist_ok=True)
    from cdsdesk.store.backup import make_backup

    if ctx.db.path is not None:  # one copy, so the backups page shows what a list looks like
        make_backup(ctx.db.path, "manual")
    for key in ("dashboard", "tasks", "indicators", "agencies", "meetings", "audit", "backups"):
        page = win.show_page(key)
        if hasattr(page, "refresh"):
            page.refresh()
        _settle(900)
        if key in ("meetings", "agencies"):
            _select_first_row(page)
        _settle(900 if key != "indicators" else 1500)
        _save(win, out / f"vi-{key}.png")

    # The dialogs, on the window as a user opens them.
    from cdsdesk.ui.dialogs.status_update import StatusUpdateDialog

    dlg = StatusUpdateDialog(win, title="DA06-12 · Làm sạch dữ liệu dân cư trên địa bàn tỉnh", progress=60,
                             lang=ctx.lang)
    dlg.show()
    _save(dlg, out / "vi-dialog-status-update.png")
    dlg.close()
    dlg = StatusUpdateDialog(win, count=12, lang=ctx.lang)
    dlg.show()
    _save(dlg, out / "vi-dialog-status-update-bulk.png")
    dlg.close()

    from cdsdesk.ui.dialogs.export_dialog import ExportDialog

    dlg = ExportDialog(ctx, win)
    ready = []
    dlg.preview_ready.connect(lambda: ready.append(True))
    dlg.show()
    for _ in range(300):  # the preview counts off the GUI thread
        QTest.qWait(100)
        if ready:
            break
    _save(dlg, out / "vi-dialog-export.png")
    dlg.close()

    from cdsdesk.ui.dialogs.forms_dialog import FormsDialog

    dlg = FormsDialog(ctx, win)
    dlg.show()
    _settle(900)
    _save(dlg, out / "vi-dialog-forms.png")
    dlg.close()

    from cdsdesk.exchange.forms import write_form
    from cdsdesk.ui.dialogs.import_dialog import ImportDialog

    form = write_form(ctx.db, _form_agency(ctx.db), ctx.period.code, tmp / "Phiếu cập nhật Sở TT&TT.xlsx").path
    _fill_form(form)
    dlg = ImportDialog(ctx, [form], win)
    dlg.show()
    for _ in range(100):
        QTest.qWait(100)
        if dlg.result is not None:
            break
    _save(dlg, out / "vi-dialog-import-form.png")
    dlg.close()

    sheet = _legacy_sheet(tmp / "Bảng theo dõi nhiệm vụ 2024.xlsx")
    dlg = ImportDialog(ctx, [sheet], win)
    dlg.show()
    for _ in range(100):
        QTest.qWait(100)
        if dlg.mapping_dialog is not None and dlg.mapping_dialog.isVisible():
            break
    if dlg.mapping_dialog is not None:
        _save(dlg.mapping_dialog, out / "vi-dialog-import-mapping.png")
        mapping = dlg.mapping_dialog
        for i, q in enumerate(mapping.questions):
            if q.kind == "status":
                mapping.choose(i, "blocked")
            elif q.kind == "heading":
                mapping.choose(i, "note")
        mapping.accept()
        for _ in range(100):
            QTest.qWait(100)
            if dlg.apply_button.isEnabled():
                break
    _save(dlg, out / "vi-dialog-import-legacy.png")
    dlg.close()

    # English: the window is rebuilt in the new language, as the app does.
    win.close()
    ctx.lang = install_language(app, "en")
    win = MainWindow(ctx, QSettings())
    win.resize(*size)
    win.show()
    _settle(1200)
    for key in ("dashboard", "tasks", "indicators", "agencies", "meetings", "audit", "backups"):
        page = win.show_page(key)
        _settle(900)
        if key in ("meetings", "agencies", "tasks"):
            _select_first_row(page)
        _save(win, out / f"en-{key}.png")
    dlg = StatusUpdateDialog(win, title="DA06-12 · Làm sạch dữ liệu dân cư trên địa bàn tỉnh", progress=60,
                             lang=ctx.lang)
    dlg.show()
    _save(dlg, out / "en-dialog-status-update.png")
    dlg.close()
    dlg = ImportDialog(ctx, [form], win)
    dlg.show()
    for _ in range(100):
        QTest.qWait(100)
        if dlg.result is not None:
            break
    _save(dlg, out / "en-dialog-import-form.png")
    dlg.close()
    return win


def _fill_form(path: Path) -> None:
    """Fill in a returned form as a colleague would: a few statuses, progress and notes."""
    import openpyxl

    wb = openpyxl.load_workbook(path)
    ws = wb["Nhiệm vụ"]
    statuses = ["Hoàn thành", "Đang triển khai", "Chờ hướng dẫn / vướng mắc"]
    n = 0
    for r in range(1, ws.max_row + 1):
        code = ws.cell(r, 1).value
        if isinstance(code, str) and "-" in code and n < 3:
            ws.cell(r, 4).value = statuses[n]
            ws.cell(r, 5).value = [100, 70, 30][n]
            ws.cell(r, 6).value = ["Đã hoàn thành, báo cáo kèm theo", "Đang chạy thử", "Chờ hướng dẫn của Bộ"][n]
            n += 1
    wb.save(path)


if __name__ == "__main__":
    sys.exit(main())
