"""Labels of stored keys (audit actions and records, agency and meeting kinds, statuses) and of
column headings, in the interface language.

The domain enums carry both labels (``label(lang)``); this module picks by the language the
application runs in, so models and views that read it at paint time follow Xem ▸ Ngôn ngữ.
Column headings are written in Vietnamese in the models (as the committee says them) and get
their English here, since a heading kept in a tuple never reaches the translation catalogues.
"""

from __future__ import annotations

from ..domain.status import AgencyKind, MeetingKind, TargetClass, TaskStatus
from .messages import current_lang


def lang() -> str:
    return current_lang()


def _pick(pair: tuple[str, str]) -> str:
    return pair[1] if lang() == "en" else pair[0]


# --- domain keys -----------------------------------------------------------------------------

def status_label(key: str) -> str:
    try:
        return TaskStatus(key).label(lang())
    except ValueError:
        return key


def target_class_label(key: str) -> str:
    try:
        return TargetClass(key).label(lang())
    except ValueError:
        return key


def agency_kind_label(key: str) -> str:
    try:
        return AgencyKind(key).label(lang())
    except ValueError:
        return key


def meeting_kind_label(key: str) -> str:
    try:
        return MeetingKind(key).label(lang())
    except ValueError:
        return key


def meeting_kinds() -> list[tuple[str, str]]:
    """(key, label) of every meeting kind, in order."""
    return [(k.value, k.label(lang())) for k in MeetingKind]


# --- the audit log ---------------------------------------------------------------------------

ENTITIES: dict[str, tuple[str, str]] = {
    "task": ("Nhiệm vụ", "Task"),
    "status_update": ("Cập nhật trạng thái", "Status update"),
    "indicator_value": ("Giá trị chỉ tiêu", "Indicator value"),
    "indicator": ("Chỉ tiêu", "Indicator"),
    "target": ("Mục tiêu", "Target"),
    "agency": ("Cơ quan", "Agency"),
    "plan": ("Kế hoạch", "Plan"),
    "area": ("Lĩnh vực", "Area"),
    "meeting": ("Phiên họp", "Meeting"),
    "directive": ("Kết luận, chỉ đạo", "Conclusion, directive"),
    "import_batch": ("Lô nhập dữ liệu", "Import batch"),
    "form_issue": ("Phiếu cập nhật đã phát", "Update form issued"),
    "database": ("Cơ sở dữ liệu", "Database"),
}
ACTIONS: dict[str, tuple[str, str]] = {
    "create": ("Tạo mới", "Created"),
    "update": ("Sửa", "Changed"),
    "delete": ("Xóa", "Deleted"),
    "restore": ("Khôi phục", "Restored"),
    "retract": ("Rút lại", "Retracted"),
}
FIELDS: dict[str, tuple[str, str]] = {
    "title": ("Tên", "Title"), "code": ("Mã", "Code"), "status": ("Trạng thái", "Status"),
    "progress": ("Tiến độ (%)", "Progress (%)"), "deadline": ("Thời hạn", "Deadline"),
    "start_date": ("Ngày bắt đầu", "Start date"), "value": ("Giá trị", "Value"), "comment": ("Ghi chú", "Comment"),
    "note": ("Ghi chú", "Note"), "lead_agency_id": ("Cơ quan chủ trì", "Lead agency"),
    "plan_id": ("Kế hoạch", "Plan"), "area_id": ("Lĩnh vực", "Area"), "description": ("Mô tả", "Description"),
    "focal_person": ("Đầu mối", "Focal person"), "expected_product": ("Sản phẩm", "Expected result"),
    "priority": ("Mức ưu tiên", "Priority"), "recurring": ("Thường xuyên", "Routine"),
    "cooperator_ids": ("Cơ quan phối hợp", "Cooperating agencies"), "name": ("Tên", "Name"),
    "kind": ("Loại", "Kind"), "demo": ("Dữ liệu mẫu", "Demo data"),
}


def entity_label(key: str) -> str:
    return _pick(ENTITIES[key]) if key in ENTITIES else key


def entity_choices() -> list[tuple[str, str]]:
    return [(k, _pick(v)) for k, v in ENTITIES.items()]


def action_label(key: str) -> str:
    return _pick(ACTIONS[key]) if key in ACTIONS else key


def field_label(key: str | None) -> str:
    if not key:
        return ""
    return _pick(FIELDS[key]) if key in FIELDS else key


def source_label(source: str, batch_id: int | None = None) -> str:
    """Where a change came from: by hand, from a file, by undo, the demo data, a form issued."""
    en = lang() == "en"
    if source == "manual":
        text = "By hand" if en else "Nhập tay"
    elif source.startswith("import:"):
        text = ("Imported from " if en else "Nhập từ tệp ") + source.split(":", 1)[1]
    elif source == "undo" or source.startswith("undo:"):
        text = "Undo" if en else "Hoàn tác"
        if ":" in source:
            text += (" of batch " if en else " lô ") + source.split(":", 1)[1]
    elif source == "demo":
        text = "Demo data" if en else "Dữ liệu mẫu"
    elif source == "form":
        text = "Update form" if en else "Phiếu cập nhật"
    else:
        text = source
    if batch_id:
        text += f" (batch {batch_id})" if en else f" (lô {batch_id})"
    return text


# --- column headings -------------------------------------------------------------------------

HEADINGS_EN: dict[str, str] = {
    # agencies
    "Cơ quan, đơn vị": "Agency, unit", "Mã": "Code", "Loại": "Kind", "Đang thực hiện": "Open",
    "Quá hạn": "Overdue", "Hoàn thành": "Completed", "Tổng số": "Total",
    "Gồm cả nhiệm vụ của các đơn vị cấp dưới": "Including the tasks of the units below",
    # audit log
    "Thời gian": "Time", "Người thực hiện": "By", "Đối tượng": "Record", "Thao tác": "Action",
    "Trường": "Field", "Giá trị cũ": "Old value", "Giá trị mới": "New value", "Nguồn": "Source",
    # indicators
    "Chỉ tiêu": "Indicator", "Giá trị mới nhất": "Latest value", "Mục tiêu": "Target", "Đánh giá": "Assessment",
    "Đã hoàn thành / Khả năng hoàn thành cao / Cần nỗ lực tập trung, theo xu hướng đến hạn":
        "Achieved / Highly likely / Needs focused effort, by the trend to the target date",
    "Hiện đạt": "Current", "Dự báo đến hạn": "Projected at the target date",
    # dashboard
    "Thời hạn": "Deadline", "Nhiệm vụ": "Task", "Cơ quan chủ trì": "Lead agency", "Trạng thái": "Status",
    # meetings
    "Ngày họp": "Date", "Phiên họp": "Meeting", "Số kết luận": "Conclusions", "STT": "No.",
    "Kết luận, chỉ đạo": "Conclusion, directive", "Cơ quan thực hiện": "Agency", "Nhiệm vụ đã giao": "Task set",
}


def heading(text: str) -> str:
    """A column heading (or its tooltip) in the interface language."""
    return HEADINGS_EN.get(text, text) if lang() == "en" else text
