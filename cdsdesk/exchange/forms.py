"""Per-agency update forms: one Excel workbook per agency and period, filled in by the agency and
imported back by ``form_import``.

The workbook holds the sheets ``Nhiệm vụ`` (the agency's tasks: status from a drop-down, progress
0–100, result/note, completion date), ``Chỉ tiêu`` (the agency's indicators for the period),
``Hướng dẫn`` (instructions in Vietnamese, and the status list the drop-down reads), and a
veryHidden sheet ``_cdsdesk`` with what the import needs: the database id, the agency, the period,
when the form was issued, and per row the task or indicator UUID and its revision at issue. The
sheets are protected without a password; only the cells to fill in are unlocked.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re
import tempfile
from copy import copy
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, PatternFill, Protection, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from ..domain.errors import UserError
from ..domain.numbers import format_date, format_number
from ..domain.periods import Period
from ..domain.status import STATUS_LABELS_VI, TaskStatus, ValueType
from ..domain.text import natural_code_key
from ..services import current_user
from ..services.lookup import agency_by_code
from ..store.engine import Database
from ..store.models import Agency, Indicator, IndicatorValue, StatusUpdate, Target, Task, utcnow
from ..store.session import get_setting
from .apply import record_form_issue
from .sheet_look import (
    BODY_SIZE, TITLE_SIZE, fit_row_height, font, line_height, print_setup, use_vietnamese_default_font,
    wrapped_lines,
)

from .form_layout import (  # noqa: F401 - re-exported: the names callers know forms by
    FORM_MARK, FORM_VERSION, HIDDEN_SHEET, TASK_SHEET, INDICATOR_SHEET, HELP_SHEET, HEADER_ROW,
    REPORTER_LABEL, T_CODE, T_TITLE, T_DEADLINE, T_STATUS, T_PROGRESS, T_NOTE, T_DONE_ON, T_LAST_NOTE,
    TASK_COLUMNS, TASK_WIDTHS, TASK_FILL_IN, I_CODE, I_NAME, I_UNIT, I_VALUE, I_NOTE, I_TARGET, I_PREVIOUS,
    INDICATOR_COLUMNS, INDICATOR_WIDTHS, INDICATOR_FILL_IN, HIDDEN_COLUMNS,
)

_THIN = Side(style="thin", color="9E9E9E")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
_FILL_IN_FILL = PatternFill("solid", fgColor="FFF9DB")
_UNLOCKED = Protection(locked=False)
_WRAP_TOP = Alignment(wrap_text=True, vertical="top")
_CENTER_TOP = Alignment(horizontal="center", vertical="top")
_DATE_FMT = "dd/mm/yyyy"


@dataclass(frozen=True)
class FormInfo:
    """One form written: where, for whom, and what it holds."""

    path: Path
    agency_code: str
    agency_name: str
    period: str
    tasks: int
    indicators: int
    issue_uuid: str


# --- what goes into an agency's form ------------------------------------------------------------


def _live_tasks(period: Period):  # noqa: ANN202
    """Tasks live in the period: not deleted, not started after it ends, not completed before it began."""
    return (
        Task.deleted_at.is_(None),
        or_(Task.start_date.is_(None), Task.start_date <= period.end),
        ~and_(Task.status == TaskStatus.DONE.value, Task.completed_on.is_not(None),
              Task.completed_on < period.start),
    )


def agency_tasks(session: Session, agency: Agency, period: Period) -> list[Task]:
    """The tasks the agency leads that are live in the period (not deleted, not started after the
    period ends, not completed before it began), in natural code order."""
    rows = session.scalars(select(Task).where(Task.lead_agency_id == agency.id, *_live_tasks(period))).all()
    return sorted(rows, key=lambda t: natural_code_key(t.code))


def _indicator_filter(agency: Agency):  # noqa: ANN202
    targeted = select(Target.indicator_id).where(
        or_(Target.agency_id == agency.id, Target.agency_id.is_(None)) if agency.kind == "province"
        else Target.agency_id == agency.id
    )
    valued = select(IndicatorValue.indicator_id).where(IndicatorValue.agency_id == agency.id).distinct()
    return and_(
        Indicator.deleted_at.is_(None),
        or_(Indicator.id.in_(targeted), Indicator.id.in_(valued), Indicator.verifying_agency_id == agency.id),
    )


def agency_indicators(session: Session, agency: Agency) -> list[Indicator]:
    """Indicators the agency reports: it has a target for it, verifies it, or has sent values for it
    (the province's own form also carries the province-wide targets)."""
    rows = session.scalars(select(Indicator).where(_indicator_filter(agency))).all()
    return sorted(rows, key=lambda i: (i.sort_order, natural_code_key(i.code)))


def form_counts(session: Session, period: Period) -> dict[int, tuple[int, int]]:
    """Per agency id: how many tasks and indicators its form for the period would list (an agency
    left out has none), in a few queries for the whole province rather than two per agency."""
    tasks = dict(session.execute(
        select(Task.lead_agency_id, func.count()).where(Task.lead_agency_id.is_not(None), *_live_tasks(period))
        .group_by(Task.lead_agency_id)
    ).all())
    live = {i for i, in session.execute(select(Indicator.id).where(Indicator.deleted_at.is_(None)))}
    province = [i for i, in session.execute(select(Agency.id).where(Agency.kind == "province"))]
    reported: dict[int, set[int]] = {}  # agency id → indicator ids, as agency_indicators finds them
    pairs = session.execute(select(Target.agency_id, Target.indicator_id)).all()
    pairs += session.execute(select(IndicatorValue.agency_id, IndicatorValue.indicator_id).distinct()).all()
    pairs += session.execute(select(Indicator.verifying_agency_id, Indicator.id)
                             .where(Indicator.verifying_agency_id.is_not(None))).all()
    for agency_id, indicator_id in pairs:
        for a in (province if agency_id is None else (agency_id,)):
            reported.setdefault(a, set()).add(indicator_id)
    agencies = set(tasks) | set(reported)
    return {a: (tasks.get(a, 0), len(reported.get(a, set()) & live)) for a in agencies}


def _chunks(ids: list[int], size: int = 500):  # noqa: ANN202
    for i in range(0, len(ids), size):
        yield ids[i:i + size]


def _last_notes(session: Session, tasks: list[Task]) -> dict[int, str]:
    """The latest note (not retracted, not empty) of each task, in one query per 500 tasks."""
    out: dict[int, str] = {}
    for ids in _chunks([t.id for t in tasks]):
        rows = session.execute(
            select(StatusUpdate.task_id, StatusUpdate.note)
            .where(StatusUpdate.task_id.in_(ids), StatusUpdate.retracted_at.is_(None), StatusUpdate.note != "")
            .order_by(StatusUpdate.task_id, StatusUpdate.entry_date.desc(), StatusUpdate.id.desc())
        )
        for task_id, note in rows:
            out.setdefault(task_id, note)
    return out


def _values(session: Session, agency: Agency, periods: tuple[str, ...]) -> dict[tuple[int, str], IndicatorValue]:
    """The agency's values for the given periods, by (indicator id, period)."""
    rows = session.scalars(
        select(IndicatorValue).where(IndicatorValue.agency_id == agency.id, IndicatorValue.period.in_(periods))
    )
    return {(v.indicator_id, v.period): v for v in rows}


def _targets(session: Session, agency: Agency) -> dict[int, Target]:
    """Per indicator, the agency's own earliest target, else the earliest province-wide one."""
    own: dict[int, Target] = {}
    province: dict[int, Target] = {}
    rows = session.scalars(
        select(Target).where(or_(Target.agency_id == agency.id, Target.agency_id.is_(None)))
        .order_by(Target.target_date, Target.id)
    )
    for t in rows:
        (own if t.agency_id == agency.id else province).setdefault(t.indicator_id, t)
    return {**province, **own}


# --- writing the workbook -----------------------------------------------------------------------


def _title_block(ws, title: str, agency: Agency, period: Period, *, n_columns: int,  # noqa: ANN001
                 reporter_cell: bool) -> None:
    ws["A1"] = title
    ws["A1"].font = font(bold=True, size=TITLE_SIZE)
    ws["A1"].alignment = Alignment(horizontal="center", vertical="center")
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=n_columns)
    ws.row_dimensions[1].height = 24
    ws["A2"] = "Cơ quan, đơn vị:"
    ws["A2"].font = font()
    ws["B2"] = agency.name
    ws["B2"].font = font(bold=True)
    ws["A3"] = "Kỳ báo cáo:"
    ws["A3"].font = font()
    ws["B3"] = f"{period.label_vi()} ({period.code})"
    ws["B3"].font = font()
    if reporter_cell:
        ws["D2"] = REPORTER_LABEL
        ws["D2"].font = font()
        ws["D2"].alignment = Alignment(horizontal="right")
        for ref in ("E2", "F2"):
            ws[ref].font = font()
            ws[ref].protection = _UNLOCKED
            ws[ref].fill = _FILL_IN_FILL
            ws[ref].border = _BORDER
        ws.merge_cells("E2:F2")
        ws["D3"] = "Ô nền vàng là ô cần điền; xem trang 'Hướng dẫn'."
        ws["D3"].font = font(italic=True, color="555555")


def _header(ws, columns: list[str], widths: list[int]) -> None:  # noqa: ANN001
    for col, (label, width) in enumerate(zip(columns, widths), start=1):
        c = ws.cell(row=HEADER_ROW, column=col, value=label)
        c.font = font(bold=True, color="FFFFFF")
        c.fill = _HEADER_FILL
        c.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        c.border = _BORDER
        ws.column_dimensions[get_column_letter(col)].width = width
    fit_row_height(ws, HEADER_ROW)
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=3)


def _protect(ws) -> None:  # noqa: ANN001
    """Protected without a password; row heights and column widths stay adjustable."""
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    ws.protection.selectLockedCells = False
    ws.protection.selectUnlockedCells = False


@lru_cache(maxsize=50_000)
def _lines(text: str, width: float) -> int:
    """Wrapped lines of body text; indicator names, units and notes recur across a province's forms."""
    return wrapped_lines(text, width, size=BODY_SIZE)


class _BodyWriter:
    """Writes the body cells of a sheet. Styling a cell through openpyxl's descriptors hashes
    each style object into the workbook's lists, five times per cell; a form has thousands of
    cells in a handful of looks, so each look is styled once and its style record copied (as
    openpyxl's own worksheet copy does). Row heights are fitted from the known column widths."""

    def __init__(self, ws, columns: list[str], widths: list[int], *, fill_in: set[str],  # noqa: ANN001
                 centered: set[str] = frozenset(), dates: set[str] = frozenset()) -> None:
        self.ws = ws
        self.looks = [(label in fill_in, _DATE_FMT if label in dates else None, label in centered)
                      for label in columns]
        self.widths = widths
        self._styles: dict[tuple, StyleArray] = {}
        self._line = line_height(BODY_SIZE)

    def _style(self, c, look: tuple, fmt: str | None):  # noqa: ANN001, ANN202
        key = (look[0], fmt or look[1], look[2])
        cached = self._styles.get(key)
        if cached is None:
            fill_in, fmt_, center = key
            c.border = _BORDER
            c.alignment = _CENTER_TOP if center else _WRAP_TOP
            c.font = font()
            if fmt_:
                c.number_format = fmt_
            if fill_in:
                c.protection = _UNLOCKED
                c.fill = _FILL_IN_FILL
            self._styles[key] = copy(c._style)  # noqa: SLF001
        else:
            c._style = copy(cached)  # noqa: SLF001

    def row(self, r: int, values: list, *, formats: dict[int, str | None] | None = None,
            extra: dict[int, int] | None = None) -> None:
        """Write one row (``formats``: column index → number format for this row only; ``extra``:
        column index → lines the cell may need beyond its value, e.g. for a drop-down's choices)."""
        ws, need = self.ws, 1
        for i, (v, look) in enumerate(zip(values, self.looks)):
            c = ws.cell(row=r, column=i + 1, value=v)
            self._style(c, look, (formats or {}).get(i))
            if extra and i in extra:
                need = max(need, extra[i])
            if v is not None and v != "" and not look[2]:  # centred cells do not wrap: one line
                need = max(need, _lines(str(v), self.widths[i]))
        ws.row_dimensions[r].height = math.ceil(need * self._line + 3)


def _help_sheet(wb: Workbook, agency: Agency, period: Period) -> tuple[int, int]:
    """The instructions; returns the rows holding the status list the drop-down reads."""
    ws = wb.create_sheet(HELP_SHEET)
    ws.column_dimensions["A"].width = 4
    ws.column_dimensions["B"].width = 44
    ws.column_dimensions["C"].width = 70
    lines = [
        ("HƯỚNG DẪN ĐIỀN PHIẾU CẬP NHẬT", True),
        (f"Phiếu dành cho: {agency.name} — kỳ báo cáo {period.label_vi()} ({period.code}).", False),
        ("", False),
        ("1. Trang 'Nhiệm vụ': với mỗi nhiệm vụ, chọn Trạng thái trong danh sách, ghi Tiến độ (%) "
         "từ 0 đến 100, ghi Kết quả, ghi chú (sản phẩm, vướng mắc, kiến nghị). Nếu ghi chú dài bị che "
         "khuất, bấm đúp vào đường kẻ dưới số thứ tự của dòng để giãn dòng.", False),
        ("2. Khi nhiệm vụ hoàn thành, chọn 'Hoàn thành' và ghi Ngày hoàn thành theo dạng ngày/tháng/năm "
         "(ví dụ 10/7/2024).", False),
        ("3. Trang 'Chỉ tiêu': ghi Giá trị đạt được trong kỳ (dùng dấu phẩy cho phần thập phân, ví dụ 42,5) "
         "và Ghi chú về nguồn số liệu nếu có.", False),
        ("4. Ghi tên người báo cáo ở ô 'Người báo cáo' của trang 'Nhiệm vụ'.", False),
        ("5. Chỉ điền vào các ô nền vàng; không thêm, xoá hay đổi tên trang, không nhập công thức. "
         "Có thể mở và lưu bằng Excel, LibreOffice hoặc WPS.", False),
        ("6. Ghi chú đã gửi được lưu vào lịch sử nhiệm vụ, không ghi đè ghi chú trước.", False),
        ("7. Gửi lại tệp này cho Văn phòng Ban Chỉ đạo; không cần mật khẩu để điền.", False),
        ("", False),
        ("Các trạng thái:", True),
    ]
    for i, (text, bold) in enumerate(lines, start=1):
        c = ws.cell(row=i, column=2, value=text)
        c.font = font(bold=bold, size=TITLE_SIZE if i == 1 else BODY_SIZE)
        if text and not bold:
            ws.merge_cells(start_row=i, start_column=2, end_row=i, end_column=3)
            c.alignment = Alignment(wrap_text=True, vertical="top")
        fit_row_height(ws, i)
    first = len(lines) + 1
    meanings = {
        TaskStatus.NOT_STARTED: "chưa bắt đầu thực hiện",
        TaskStatus.IN_PROGRESS: "đang thực hiện",
        TaskStatus.DONE: "đã hoàn thành",
        TaskStatus.DONE_ROUTINE: "đã hoàn thành, nay thực hiện thường xuyên",
        TaskStatus.BLOCKED: "đang chờ hướng dẫn hoặc gặp vướng mắc (ghi rõ ở cột ghi chú)",
    }
    for k, st in enumerate(TaskStatus):
        for col, text in ((2, STATUS_LABELS_VI[st]), (3, meanings[st])):
            c = ws.cell(row=first + k, column=col, value=text)
            c.border, c.font, c.alignment = _BORDER, font(), _WRAP_TOP
        fit_row_height(ws, first + k)
    print_setup(ws, title_rows=None, footer_left=f"Hướng dẫn điền phiếu cập nhật {period.code} — {agency.name}")
    _protect(ws)
    return first, first + len(TaskStatus) - 1


def _hidden_sheet(wb: Workbook, meta: list[tuple[str, str]], rows: list[list]) -> None:  # noqa: ANN001
    ws = wb.create_sheet(HIDDEN_SHEET)
    ws.append([FORM_MARK, FORM_VERSION])
    for k, v in meta:
        ws.append([k, v])
    ws.append(HIDDEN_COLUMNS)
    for r in rows:
        ws.append(r)
    ws.sheet_state = "veryHidden"
    _protect(ws)


def build_form(session: Session, agency: Agency, period: Period, *, issue_uuid: str, issued_at: dt.datetime,
               issued_by: str) -> tuple[Workbook, int, int]:
    """The workbook for an agency and a period, with how many tasks and indicators it lists."""
    wb = Workbook()
    use_vietnamese_default_font(wb)
    ws = wb.active
    ws.title = TASK_SHEET
    tasks = agency_tasks(session, agency, period)
    indicators = agency_indicators(session, agency)
    hidden_rows: list[list] = []

    # Instructions first in code (the drop-down reads its status list) but last in the tab order.
    status_first, status_last = _help_sheet(wb, agency, period)
    status_range = f"{quote_sheetname(HELP_SHEET)}!$B${status_first}:$B${status_last}"

    _title_block(ws, f"PHIẾU CẬP NHẬT TIẾN ĐỘ NHIỆM VỤ CHUYỂN ĐỔI SỐ — {period.label_vi().upper()}", agency,
                 period, n_columns=len(TASK_COLUMNS), reporter_cell=True)
    _header(ws, TASK_COLUMNS, TASK_WIDTHS)
    dv_status = DataValidation(type="list", formula1=status_range, allow_blank=True, showErrorMessage=True,
                               errorTitle="Trạng thái không hợp lệ",
                               error="Hãy chọn một trạng thái trong danh sách.")
    dv_progress = DataValidation(type="whole", operator="between", formula1="0", formula2="100",
                                 allow_blank=True, showErrorMessage=True, errorTitle="Tiến độ không hợp lệ",
                                 error="Tiến độ là số nguyên từ 0 đến 100.")
    dv_date = DataValidation(type="date", operator="greaterThanOrEqual", formula1="36526", allow_blank=True,
                             showErrorMessage=True, errorTitle="Ngày không hợp lệ",
                             error="Nhập ngày theo dạng ngày/tháng/năm, ví dụ 10/7/2024.")
    for dv in (dv_status, dv_progress, dv_date):
        ws.add_data_validation(dv)
    status_col = TASK_COLUMNS.index(T_STATUS)
    # Room for any status picked from the list, whatever the cell holds now.
    status_lines = max(wrapped_lines(label, TASK_WIDTHS[status_col], size=BODY_SIZE)
                       for label in STATUS_LABELS_VI.values())
    body = _BodyWriter(ws, TASK_COLUMNS, TASK_WIDTHS, fill_in=TASK_FILL_IN,
                       centered={T_DEADLINE, T_PROGRESS, T_DONE_ON}, dates={T_DEADLINE, T_DONE_ON})
    last_notes = _last_notes(session, tasks)
    for i, t in enumerate(tasks):
        status = TaskStatus(t.status)
        body.row(HEADER_ROW + 1 + i, [
            t.code, t.title, t.deadline, STATUS_LABELS_VI[status], t.progress, None,
            t.completed_on if status.is_completed else None, last_notes.get(t.id, ""),
        ], extra={status_col: status_lines})
        hidden_rows.append(["task", t.code, t.uuid, t.revision, t.status, t.progress, None, None])
    if tasks:
        last = HEADER_ROW + len(tasks)
        col = {label: get_column_letter(i) for i, label in enumerate(TASK_COLUMNS, start=1)}
        dv_status.add(f"{col[T_STATUS]}{HEADER_ROW + 1}:{col[T_STATUS]}{last}")
        dv_progress.add(f"{col[T_PROGRESS]}{HEADER_ROW + 1}:{col[T_PROGRESS]}{last}")
        dv_date.add(f"{col[T_DONE_ON]}{HEADER_ROW + 1}:{col[T_DONE_ON]}{last}")
    else:
        ws.cell(row=HEADER_ROW + 1, column=2, value="(Không có nhiệm vụ nào trong kỳ)").font = font(italic=True)
    print_setup(ws, title_rows=f"{HEADER_ROW}:{HEADER_ROW}", footer_left=f"Phiếu cập nhật {period.code} — {agency.name}")
    _protect(ws)

    wi = wb.create_sheet(INDICATOR_SHEET, index=1)
    _title_block(wi, f"SỐ LIỆU CHỈ TIÊU CHUYỂN ĐỔI SỐ — {period.label_vi().upper()}", agency, period,
                 n_columns=len(INDICATOR_COLUMNS), reporter_cell=False)
    _header(wi, INDICATOR_COLUMNS, INDICATOR_WIDTHS)
    values = _values(session, agency, (period.code, period.previous().code))
    targets = _targets(session, agency)
    body = _BodyWriter(wi, INDICATOR_COLUMNS, INDICATOR_WIDTHS, fill_in=INDICATOR_FILL_IN)
    previous_col = INDICATOR_COLUMNS.index(I_PREVIOUS)
    for i, ind in enumerate(indicators):
        r = HEADER_ROW + 1 + i
        current = values.get((ind.id, period.code))
        previous = values.get((ind.id, period.previous().code))
        target = targets.get(ind.id)
        target_text = (
            f"{format_number(target.target_value)} ({format_date(target.target_date)})" if target else ""
        )
        row = [
            ind.code, ind.name, ind.unit, current.value if current else None,
            current.comment if current else None, target_text, previous.value if previous else None,
        ]
        # What is typed in Giá trị shows as typed; the previous value is grouped by thousands.
        body.row(r, row, formats={previous_col: _number_format(row[previous_col])})
        vt = ValueType(ind.value_type)
        if vt is ValueType.PERCENT:
            dv = DataValidation(type="decimal", operator="between", formula1="0", formula2="100",
                                error="Tỷ lệ phần trăm từ 0 đến 100.")
        elif vt is ValueType.COUNT:
            dv = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0",
                                error="Số lượng là số nguyên không âm.")
        else:
            dv = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="-1E+15",
                                error="Hãy nhập một số.")
        dv.allow_blank, dv.showErrorMessage, dv.errorTitle = True, True, "Giá trị không hợp lệ"
        wi.add_data_validation(dv)
        dv.add(f"D{r}")
        hidden_rows.append([
            "indicator", ind.code, ind.uuid, current.revision if current else 0, None, None,
            current.value if current else None, current.comment if current else None,
        ])
    if not indicators:
        wi.cell(row=HEADER_ROW + 1, column=2, value="(Không có chỉ tiêu nào cần báo cáo)").font = font(italic=True)
    print_setup(wi, title_rows=f"{HEADER_ROW}:{HEADER_ROW}", footer_left=f"Số liệu chỉ tiêu {period.code} — {agency.name}")
    _protect(wi)

    meta = [
        ("database_id", get_setting(session, "database_id")),
        ("agency_code", agency.code),
        ("agency_uuid", agency.uuid),
        ("agency_name", agency.name),
        ("period", period.code),
        ("issued_at", issued_at.isoformat(timespec="seconds")),
        ("issued_by", issued_by),
        ("form_issue_uuid", issue_uuid),
    ]
    _hidden_sheet(wb, meta, hidden_rows)
    wb.active = 0
    wb.properties.title = f"Phiếu cập nhật {period.code} — {agency.name}"
    wb.properties.creator = "cdsdesk"
    return wb, len(tasks), len(indicators)


def _number_format(v: object) -> str | None:
    """Thousands grouped; no decimal part on whole numbers (Excel shows ``#,##0.##`` as "12.")."""
    if not isinstance(v, (int, float)):
        return None
    return "#,##0" if float(v).is_integer() else "#,##0.##"


_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def form_file_name(agency: Agency, period: Period) -> str:
    """``2024S1 - STTTT - Sở Thông tin và Truyền thông.xlsx``: safe on Windows, Vietnamese kept."""
    name = _UNSAFE.sub(" ", agency.short_name or agency.name).strip(" .")
    code = _UNSAFE.sub("-", agency.code)
    return f"{period.code} - {code} - {name}"[:150].rstrip(" .") + ".xlsx"


def _save(wb: Workbook, out: Path) -> None:
    """Write to a temporary file beside the target, then replace it (no half-written forms)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".form-", suffix=".xlsx", dir=out.parent)
    os.close(fd)
    try:
        wb.save(tmp)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_form(db: Database, agency_code: str, period: str | Period, out: Path | str, *,
               who: str | None = None, now: dt.datetime | None = None) -> FormInfo:
    """Write one agency's form and record a FormIssue, both or neither."""
    per = period if isinstance(period, Period) else Period.parse(period)
    out = Path(out)
    if out.suffix.lower() != ".xlsx":
        raise UserError(f"Tệp biểu mẫu phải có đuôi .xlsx: {out.name}", f"The form file must end in .xlsx: {out.name}")
    with db.session() as s:
        agency = agency_by_code(s, agency_code)
        return _write(s, agency, per, out, who=who or current_user(), now=now or utcnow())


def _write(s: Session, agency: Agency, per: Period, out: Path, *, who: str, now: dt.datetime) -> FormInfo:
    issue = record_form_issue(s, agency, per.code, file_name=out.name, who=who, issued_at=now)
    wb, n_tasks, n_ind = build_form(s, agency, per, issue_uuid=issue.uuid, issued_at=now, issued_by=who)
    try:
        _save(wb, out)
    except OSError as exc:
        raise UserError(
            f"Không ghi được tệp {out}: {exc.strerror or exc}", f"Cannot write the file {out}: {exc.strerror or exc}"
        ) from None
    return FormInfo(out, agency.code, agency.name, per.code, n_tasks, n_ind, issue.uuid)


def write_all_forms(db: Database, period: str | Period, out_dir: Path | str, *, who: str | None = None,
                    now: dt.datetime | None = None, agency_codes: list[str] | None = None) -> list[FormInfo]:
    """One form per agency that has tasks or indicators to report (or per agency named)."""
    per = period if isinstance(period, Period) else Period.parse(period)
    out_dir = Path(out_dir)
    who, now = who or current_user(), now or utcnow()
    with db.session() as s:
        if agency_codes:
            codes = [agency_by_code(s, c).code for c in agency_codes]
        else:
            counts = form_counts(s, per)
            codes = [
                a.code for a in s.scalars(
                    select(Agency).where(Agency.active.is_(True)).order_by(Agency.sort_order, Agency.code))
                if any(counts.get(a.id, (0, 0)))
            ]
    out: list[FormInfo] = []
    for code in codes:  # one transaction per form: a form written is a form recorded
        with db.session() as s:
            a = agency_by_code(s, code)
            out.append(_write(s, a, per, out_dir / form_file_name(a, per), who=who, now=now))
    return out
