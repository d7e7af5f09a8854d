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
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from sqlalchemy import or_, select
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
from .sheet_look import BODY_SIZE, TITLE_SIZE, fit_row_height, font, print_setup, use_vietnamese_default_font

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


def agency_tasks(session: Session, agency: Agency, period: Period) -> list[Task]:
    """The tasks the agency leads that are live in the period (not deleted, not started after the
    period ends, not completed before it began)."""
    rows = session.scalars(
        select(Task).where(Task.lead_agency_id == agency.id, Task.deleted_at.is_(None))
    ).all()
    out = []
    for t in rows:
        if t.start_date and t.start_date > period.end:
            continue
        if t.status == TaskStatus.DONE.value and t.completed_on and t.completed_on < period.start:
            continue
        out.append(t)
    return sorted(out, key=lambda t: natural_code_key(t.code))


def agency_indicators(session: Session, agency: Agency) -> list[Indicator]:
    """Indicators the agency reports: it has a target for it, verifies it, or has sent values for it
    (the province's own form also carries the province-wide targets)."""
    targeted = select(Target.indicator_id).where(
        or_(Target.agency_id == agency.id, Target.agency_id.is_(None)) if agency.kind == "province"
        else Target.agency_id == agency.id
    )
    valued = select(IndicatorValue.indicator_id).where(IndicatorValue.agency_id == agency.id)
    rows = session.scalars(
        select(Indicator).where(
            Indicator.deleted_at.is_(None),
            or_(Indicator.id.in_(targeted), Indicator.id.in_(valued), Indicator.verifying_agency_id == agency.id),
        )
    ).all()
    return sorted(rows, key=lambda i: (i.sort_order, natural_code_key(i.code)))


def _last_note(session: Session, task: Task) -> str:
    note = session.scalar(
        select(StatusUpdate.note)
        .where(StatusUpdate.task_id == task.id, StatusUpdate.retracted_at.is_(None), StatusUpdate.note != "")
        .order_by(StatusUpdate.entry_date.desc(), StatusUpdate.id.desc())
        .limit(1)
    )
    return note or ""


def _value(session: Session, indicator: Indicator, agency: Agency, period: str) -> IndicatorValue | None:
    return session.scalar(
        select(IndicatorValue).where(
            IndicatorValue.indicator_id == indicator.id,
            IndicatorValue.agency_id == agency.id,
            IndicatorValue.period == period,
        )
    )


def _target(session: Session, indicator: Indicator, agency: Agency) -> Target | None:
    own = session.scalar(
        select(Target).where(Target.indicator_id == indicator.id, Target.agency_id == agency.id)
        .order_by(Target.target_date).limit(1)
    )
    return own or session.scalar(
        select(Target).where(Target.indicator_id == indicator.id, Target.agency_id.is_(None))
        .order_by(Target.target_date).limit(1)
    )


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


def _body_cell(ws, row: int, col: int, value, *, fill_in: bool, fmt: str | None = None,  # noqa: ANN001, ANN201
               center: bool = False):
    c = ws.cell(row=row, column=col, value=value)
    c.border = _BORDER
    c.alignment = _CENTER_TOP if center else _WRAP_TOP
    c.font = font()
    if fmt:
        c.number_format = fmt
    if fill_in:
        c.protection = _UNLOCKED
        c.fill = _FILL_IN_FILL
    return c


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
    status_choices = {TASK_COLUMNS.index(T_STATUS) + 1: list(STATUS_LABELS_VI.values())}
    for i, t in enumerate(tasks):
        r = HEADER_ROW + 1 + i
        values = [
            t.code, t.title, t.deadline, STATUS_LABELS_VI[TaskStatus(t.status)], t.progress, None,
            t.completed_on if TaskStatus(t.status).is_completed else None, _last_note(session, t),
        ]
        for col, (label, v) in enumerate(zip(TASK_COLUMNS, values), start=1):
            fmt = _DATE_FMT if label in (T_DEADLINE, T_DONE_ON) else None
            _body_cell(ws, r, col, v, fill_in=label in TASK_FILL_IN, fmt=fmt,
                       center=label in (T_DEADLINE, T_PROGRESS, T_DONE_ON))
        fit_row_height(ws, r, extra=status_choices)  # room for any status picked from the list
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
    for i, ind in enumerate(indicators):
        r = HEADER_ROW + 1 + i
        current = _value(session, ind, agency, period.code)
        previous = _value(session, ind, agency, period.previous().code)
        target = _target(session, ind, agency)
        target_text = (
            f"{format_number(target.target_value)} ({format_date(target.target_date)})" if target else ""
        )
        values = [
            ind.code, ind.name, ind.unit, current.value if current else None,
            current.comment if current else None, target_text, previous.value if previous else None,
        ]
        for col, (label, v) in enumerate(zip(INDICATOR_COLUMNS, values), start=1):
            fmt = _number_format(v) if label == I_PREVIOUS else None  # what is typed in Giá trị shows as typed
            _body_cell(wi, r, col, v, fill_in=label in INDICATOR_FILL_IN, fmt=fmt)
        fit_row_height(wi, r)
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
            codes = [
                a.code for a in s.scalars(
                    select(Agency).where(Agency.active.is_(True)).order_by(Agency.sort_order, Agency.code))
                if agency_tasks(s, a, per) or agency_indicators(s, a)
            ]
    out: list[FormInfo] = []
    for code in codes:  # one transaction per form: a form written is a form recorded
        with db.session() as s:
            a = agency_by_code(s, code)
            out.append(_write(s, a, per, out_dir / form_file_name(a, per), who=who, now=now))
    return out
