"""What an update form looks like to its reader: sheet names, header labels, the hidden sheet's
layout. Kept apart from ``forms`` (which writes the workbook with openpyxl) so that importing a
returned form does not load openpyxl at all."""

from __future__ import annotations

FORM_MARK = "cdsdesk-form"
FORM_VERSION = 1
HIDDEN_SHEET = "_cdsdesk"
TASK_SHEET = "Nhiệm vụ"
INDICATOR_SHEET = "Chỉ tiêu"
HELP_SHEET = "Hướng dẫn"
HEADER_ROW = 5
REPORTER_LABEL = "Người báo cáo:"

# Column order of the task sheet; the first six are the labels issue 5 fixes.
T_CODE, T_TITLE, T_DEADLINE, T_STATUS, T_PROGRESS, T_NOTE, T_DONE_ON, T_LAST_NOTE = (
    "Mã nhiệm vụ", "Nhiệm vụ", "Thời hạn", "Trạng thái", "Tiến độ (%)", "Kết quả, ghi chú",
    "Ngày hoàn thành", "Ghi chú lần trước",
)
TASK_COLUMNS = [T_CODE, T_TITLE, T_DEADLINE, T_STATUS, T_PROGRESS, T_NOTE, T_DONE_ON, T_LAST_NOTE]
TASK_WIDTHS = [14, 40, 12, 24, 9, 36, 13, 28]  # ~83% when fitted to A4 landscape
TASK_FILL_IN = {T_STATUS, T_PROGRESS, T_NOTE, T_DONE_ON}

I_CODE, I_NAME, I_UNIT, I_VALUE, I_NOTE, I_TARGET, I_PREVIOUS = (
    "Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính", "Giá trị", "Ghi chú", "Mục tiêu", "Kỳ trước",
)
INDICATOR_COLUMNS = [I_CODE, I_NAME, I_UNIT, I_VALUE, I_NOTE, I_TARGET, I_PREVIOUS]
INDICATOR_WIDTHS = [14, 50, 12, 12, 36, 18, 12]
INDICATOR_FILL_IN = {I_VALUE, I_NOTE}

#: The hidden sheet's table of rows, after the key/value block.
HIDDEN_COLUMNS = ["kind", "code", "uuid", "revision", "status", "progress", "value", "comment"]
