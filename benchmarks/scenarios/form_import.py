"""Import of 30 returned update forms (~3,000 filled rows) with validation and apply, as
``cdsdesk import FILE…`` does it (``exchange.importer.import_files``, one action: one backup copy,
each file all or nothing), beside its floor: openpyxl's read-only parse of the same files.

The forms are the app's own (``exchange.forms.write_all_forms`` for 30 communes, next quarter),
filled in with openpyxl as an agency would: status and progress of each open task with a note,
and about 60 indicator values. They and the database they were issued from are made once and
kept in ``benchmarks/.cache/``; every run imports into a fresh copy of that database."""

import os
import shutil
import tempfile
import time
from pathlib import Path

import _common

a = _common.args(lambda p: (p.add_argument("--cache", required=True), p.add_argument("--period", default="2026Q4")))
import openpyxl  # noqa: E402

from cdsdesk.exchange.forms import HEADER_ROW, INDICATOR_SHEET, TASK_SHEET, write_all_forms  # noqa: E402
from cdsdesk.exchange.importer import ImportOptions, import_files  # noqa: E402

FORMS, INDICATORS_FILLED = 30, 60
cache = Path(a.cache) / f"forms-{Path(a.db).stem}-{a.period}"
base = cache / "issued.sqlite"


def prepare() -> int:
    """Issue and fill the forms; returns the number of filled rows."""
    tmp = cache.with_name(cache.name + ".part")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    shutil.copyfile(a.db, tmp / "issued.sqlite")
    db = _common.engine(str(tmp / "issued.sqlite"))
    codes = [f"X{1 + 6 * k:03d}" for k in range(FORMS)]
    infos = write_all_forms(db, a.period, tmp, agency_codes=codes, who="Văn phòng Ban Chỉ đạo")
    db.dispose()
    filled = 0
    for info in infos:
        wb = openpyxl.load_workbook(info.path)
        ws = wb[TASK_SHEET]
        ws.cell(row=2, column=5, value="Cán bộ văn phòng UBND xã")
        for r in range(HEADER_ROW + 1, ws.max_row + 1):
            status, progress = ws.cell(r, 4).value, ws.cell(r, 5).value
            if not ws.cell(r, 1).value or status in ("Hoàn thành", "Hoàn thành, thực hiện thường xuyên"):
                continue
            new = min(100, int(progress or 0) + 15)
            ws.cell(r, 4, "Hoàn thành" if new == 100 else "Đang triển khai")
            ws.cell(r, 5, new)
            ws.cell(r, 6, "Đã triển khai theo kế hoạch quý IV")
            filled += 1
        ws = wb[INDICATOR_SHEET]
        for r in (range(HEADER_ROW + 1, min(ws.max_row, HEADER_ROW + INDICATORS_FILLED) + 1)):
            prev, unit = float(ws.cell(r, 7).value or 0), ws.cell(r, 3).value
            if unit == "%":
                value = min(100.0, round(prev + 2.5, 1))
            elif unit == "triệu đồng":
                value = round(prev * 1.03 + 1, 1)
            else:  # a count: whole numbers only
                value = int(prev * 1.03) + 1
            ws.cell(r, 4, value)
            filled += 1
        wb.save(info.path)
    (tmp / "filled.txt").write_text(str(filled))
    tmp.rename(cache)
    return filled


prepared_s = None
if not base.exists():
    t = time.perf_counter()
    prepare()
    prepared_s = time.perf_counter() - t
files = sorted(cache.glob("*.xlsx"))
filled = int((cache / "filled.txt").read_text())


def floor() -> int:
    rows = 0
    for f in files:
        wb = openpyxl.load_workbook(f, read_only=True, data_only=True)
        for ws in wb.worksheets:
            for _row in ws.iter_rows(values_only=True):
                rows += 1
        wb.close()
    return rows


res: dict = {"files": len(files), "filled_rows": filled, "prepared_s": prepared_s, "import_s": [], "floor_s": [],
             "copy_s": []}
with tempfile.TemporaryDirectory(dir=cache.parent) as tmp:
    for i in range(a.repeat):
        work = Path(tmp) / f"work{i}.sqlite"
        t = time.perf_counter()
        shutil.copyfile(base, work)
        # A user's database has long been on disk; a fresh 600 MB copy is still dirty pages that
        # the kernel writes back during the import and that the backup's fsync would wait for.
        if hasattr(os, "sync"):
            os.sync()
        res["copy_s"].append(time.perf_counter() - t)
        db = _common.engine(str(work))
        t = time.perf_counter()
        result = import_files(db, files, ImportOptions(who="Văn phòng Ban Chỉ đạo"))
        res["import_s"].append(time.perf_counter() - t)
        db.dispose()
        summary = result.to_dict()
        res["exit_code"] = result.exit_code
        res["summary"] = {k: v for k, v in summary.items() if not isinstance(v, (list, dict))}
        t = time.perf_counter()
        res["sheet_rows"] = floor()
        res["floor_s"].append(time.perf_counter() - t)
        for extra in Path(tmp).iterdir():  # the copy and its pre-import backup
            if extra.is_dir():
                shutil.rmtree(extra)
            else:
                extra.unlink()
_common.emit(res)
