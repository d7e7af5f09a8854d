"""The report's tables as an Excel workbook and as CSV, and a plain export of any list the app
shows (``export_rows``).

Nothing executable leaves the app: a text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab
or a carriage return (or their full-width forms) is written as text. In .xlsx the cell is typed
as a string with Excel's "quote prefix" flag, so the text is kept exactly and shown, never run;
in CSV, which has no types, the cell is prefixed with an apostrophe (the OWASP advice). The
workbook is written by ``xlsx_writer`` (streamed XML), not cell by cell through openpyxl.

Formats: dates ``dd/mm/yyyy``, counts ``#,##0``, rates ``0.0%``; Excel and LibreOffice draw the
separators of the user's locale, so a Vietnamese Windows shows 1.928.311 and 42,5%. CSV is
UTF-8 with a BOM (Excel on Windows then reads Vietnamese correctly), comma-separated, dates
``dd/mm/yyyy`` and numbers with a decimal point (machine-readable)."""

from __future__ import annotations

import csv
import datetime as dt
import os
import re
from pathlib import Path
from typing import Any, Iterable, Sequence

from ..domain.errors import UsageError
from ..domain.numbers import format_date
from .jobs import CancelFn, Job, ProgressFn, atomic_path
from .model import Report
from .xlsx_writer import DANGEROUS_STARTS, Column, XlsxWriter

DATE_FORMAT = "dd/mm/yyyy"
INT_FORMAT = "#,##0"
DEC_FORMAT = "#,##0.0#"
PCT_FORMAT = "0.0%"


_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def clean_text(text: str) -> str:
    """Control characters a spreadsheet cannot hold dropped; tab, CR, LF kept."""
    return _ILLEGAL.sub("", text)


def is_dangerous(text: str) -> bool:
    return bool(text) and text.startswith(DANGEROUS_STARTS)


def csv_cell(value: Any) -> str:
    """One CSV field: text neutralised, dates dd/mm/yyyy, numbers as written by Python."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Có" if value else ""
    if isinstance(value, (dt.datetime, dt.date)):
        return format_date(value if isinstance(value, dt.date) else value.date())
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(round(value, 6)).removesuffix(".0")
    text = clean_text(str(value))
    return "'" + text if is_dangerous(text) else text


# --- column specs ---------------------------------------------------------------------------
#: A column: header, width in characters, number format for its numbers, wrapped text.
Col = Column
#: Wrapped text makes Excel and LibreOffice measure every row when opening: long sheets go without.
WRAP_LIMIT = 10_000


def _sheet(w: XlsxWriter, title: str, cols: Sequence[Col], rows: Iterable[Sequence[Any]], *,
           preface: Sequence[str] = (), job: Job | None = None, n_rows: int = 0, base: float = 0, span: float = 0) -> None:
    """A sheet with optional title lines, one header row (frozen, with a filter) and the rows."""
    if isinstance(rows, Sequence):
        n_rows = len(rows)

    def tick(count: int) -> None:
        if job is not None:
            job.step(base + span * min(1.0, count / max(1, n_rows)), f"Ghi {title}")

    w.sheet(title, cols, rows, preface=preface, wrap=n_rows <= WRAP_LIMIT, tick=tick)


# --- the report's sheets --------------------------------------------------------------------
_COUNT_COLS = [
    Col("Tổng số", 10, INT_FORMAT), Col("Hoàn thành", 12, INT_FORMAT), Col("Đang triển khai", 12, INT_FORMAT),
    Col("Chưa triển khai", 12, INT_FORMAT), Col("Vướng mắc", 11, INT_FORMAT), Col("Quá hạn", 10, INT_FORMAT),
    Col("Tỷ lệ hoàn thành", 12, PCT_FORMAT),
]


def _counts_values(c) -> list[Any]:  # noqa: ANN001
    rate = c.completion_rate
    return [c.total, c.completed, c.in_progress, c.not_started, c.blocked, c.overdue,
            None if rate is None else rate / 100]


TASK_COLS = [
    Col("Cơ quan chủ trì", 30, wrap=True), Col("Mã", 19), Col("Nhiệm vụ", 60, wrap=True), Col("Kế hoạch", 12),
    Col("Thời hạn", 12), Col("Tình trạng", 22, wrap=True), Col("Quá hạn", 9), Col("Tiến độ", 9, PCT_FORMAT),
    Col("Cập nhật gần nhất", 13),
]


def task_rows(report: Report, *, fraction: bool = True) -> Iterable[list[Any]]:
    """The appendix rows; progress as a fraction (for a % cell format) or in whole percent."""
    for grp in report.appendix:
        for t in grp.tasks:
            yield [grp.agency, t.code, t.title, t.plan, t.deadline, t.status.label_vi, t.overdue,
                   t.progress / 100 if fraction else t.progress, t.last_update]


def render_xlsx(report: Report, path: str | os.PathLike[str], *, progress: ProgressFn | None = None,
                cancel: CancelFn | None = None) -> Path:
    """The report's tables as sheets: summary, indicators, tasks by agency, overdue, updates sent."""
    job = Job(progress, cancel)
    job.step(0.0, "Chuẩn bị bảng tính")
    with atomic_path(path) as tmp:
        with XlsxWriter(str(tmp)) as wb:
            _fill_workbook(wb, report, job)
            job.step(0.9, "Ghi tệp")
    job.step(1.0, "Xong")
    return Path(path)


def _fill_workbook(wb: XlsxWriter, report: Report, job: Job) -> None:
    r = report
    preface = [f"{r.title} {r.subject}", f"Số liệu tính đến {format_date(r.as_of)}",
               r.summary_sentence + ".", r.rate_sentence()]
    summary = [["Tổng cộng", "Toàn bộ phạm vi báo cáo", *_counts_values(r.counts)],
               [f"Kỳ trước ({format_date(r.previous_as_of)})", "Toàn bộ phạm vi báo cáo", *_counts_values(r.previous_counts)]]
    summary += [["Kế hoạch", g.name, *_counts_values(g.counts)] for g in r.by_plan]
    summary += [["Cơ quan chủ trì", g.name, *_counts_values(g.counts)] for g in r.by_agency]
    _sheet(wb, "Tổng hợp", [Col("Nhóm", 22, wrap=True), Col("Tên", 40, wrap=True), *_COUNT_COLS], summary, preface=preface)
    job.step(0.1, "Chỉ tiêu")

    # Values as stored, in the unit of the "Đơn vị" column (42,5 with unit %).
    ind_cols = [Col("TT", 5), Col("Mã", 12), Col("Chỉ tiêu", 50, wrap=True), Col("Đơn vị", 12),
                Col("Kỳ trước", 10), Col("Giá trị kỳ trước", 14, DEC_FORMAT), Col("Kỳ", 10),
                Col("Giá trị", 14, DEC_FORMAT), Col("Mục tiêu", 14, DEC_FORMAT), Col("Thời hạn mục tiêu", 14),
                Col("Đánh giá", 24, wrap=True)]
    ind_rows = [[i, x.code, x.name, x.unit, x.previous_period, x.previous_value, x.period, x.value,
                 x.target_value, x.target_date, x.class_label] for i, x in enumerate(r.indicators, 1)]
    _sheet(wb, "Chỉ tiêu", ind_cols, ind_rows)
    n_tasks = sum(len(g.tasks) for g in r.appendix)
    _sheet(wb, "Nhiệm vụ theo cơ quan", TASK_COLS, task_rows(r), job=job, n_rows=n_tasks, base=0.15, span=0.6)
    job.step(0.8, "Quá hạn, vướng mắc")
    _sheet(wb, "Quá hạn, vướng mắc",
           [Col("TT", 6), Col("Mã", 19), Col("Nhiệm vụ", 50, wrap=True), Col("Cơ quan chủ trì", 28, wrap=True),
            Col("Thời hạn", 12), Col("Tình trạng", 22, wrap=True), Col("Quá hạn", 9), Col("Ghi chú gần nhất", 50, wrap=True)],
           [[i, t.code, t.title, t.agency, t.deadline, t.status.label_vi, t.overdue, t.last_note]
            for i, t in enumerate(r.attention, 1)])
    _sheet(wb, "Gửi báo cáo",
           [Col("TT", 5), Col("Mã", 12), Col("Cơ quan, đơn vị", 40, wrap=True), Col("Đã gửi", 10),
            Col("Hình thức", 30, wrap=True), Col("Ngày gần nhất", 14)],
           [[i, s.agency_code, s.agency, "Đã gửi" if s.sent else "Chưa gửi", s.via, s.last_date]
            for i, s in enumerate(r.submissions, 1)])


def render_csv(report: Report, path: str | os.PathLike[str], *, progress: ProgressFn | None = None,
               cancel: CancelFn | None = None) -> Path:
    """Every task in the report's scope with its status as of the date (the appendix), as CSV."""
    headers = [c.header if c.header != "Tiến độ" else "Tiến độ (%)" for c in TASK_COLS]
    return export_rows(headers, task_rows(report, fraction=False), path, progress=progress, cancel=cancel,
                       total=sum(len(g.tasks) for g in report.appendix))


# --- any list the app shows -----------------------------------------------------------------
def export_rows(headers: Sequence[str], rows: Iterable[Sequence[Any]], path: str | os.PathLike[str], *,
                sheet_title: str = "Danh sách", progress: ProgressFn | None = None, cancel: CancelFn | None = None,
                total: int | None = None) -> Path:
    """Write a plain table to .xlsx or .csv (chosen by the file's extension), values typed:
    numbers stay numbers, dates get a date format, text is neutralised."""
    target = Path(path)
    suffix = target.suffix.lower()
    job = Job(progress, cancel)
    if total is None and isinstance(rows, Sequence):
        total = len(rows)
    n = total or 0
    job.step(0.0, "Chuẩn bị")
    if suffix == ".csv":
        with atomic_path(target) as tmp:
            with tmp.open("w", encoding="utf-8-sig", newline="") as f:
                w = csv.writer(f, lineterminator="\r\n")
                w.writerow([csv_cell(h) for h in headers])
                for i, row in enumerate(rows, 1):
                    if i % 1000 == 0:
                        job.step(min(1.0, i / max(1, n)) if n else 0.5, "Ghi CSV")
                    w.writerow([csv_cell(v) for v in row])
                job.check()
        job.step(1.0, "Xong")
        return target
    if suffix == ".xlsx":
        cols = [Col(h, min(60, max(10, len(h) + 4)), wrap=len(h) > 20) for h in headers]
        rows = list(rows)
        for j, col in enumerate(cols):  # widen to the content (first 500 rows)
            longest = max((len(str(r[j])) for r in rows[:500] if j < len(r) and r[j] is not None), default=0)
            col.width = min(60, max(col.width, longest + 2))
            col.wrap = col.width >= 60
        with atomic_path(target) as tmp:
            with XlsxWriter(str(tmp)) as wb:
                _sheet(wb, sheet_title, cols, rows, job=job, n_rows=len(rows), base=0.0, span=0.9)
                job.check()
        job.step(1.0, "Xong")
        return target
    raise UsageError(f"Không hỗ trợ định dạng tệp '{target.suffix}' (dùng .xlsx hoặc .csv)",
                     f"Unsupported file type '{target.suffix}' (use .xlsx or .csv)")
