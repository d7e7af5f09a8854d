"""Vietnamese for the interface texts, applied to ``cdsdesk_vi.ts`` by ``--fill``.

The .ts file stays the source of truth (Qt Linguist edits it); this glossary fills texts that are
still unfinished after new strings appear in the code, so wording stays consistent across views.

    python tools/vi_glossary.py   # fill unfinished messages of resources/translations/cdsdesk_vi.ts
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_translations import source_language  # noqa: E402

VI: dict[str, str] = {
    "Back up a server database with the server's own tools.": "Cơ sở dữ liệu trên máy chủ được sao lưu bằng công cụ của máy chủ.",
    "%1 is not available in this version.": "Chức năng «%1» chưa có trong phiên bản này.",
    "%1 of %2 tasks": "%1 / %2 nhiệm vụ",
    "%1 tasks": "%1 nhiệm vụ",
    "&About cdsdesk": "&Giới thiệu cdsdesk",
    "&Back up now…": "&Sao lưu ngay…",
    "&Edit": "&Sửa",
    "&Export / report…": "&Xuất báo cáo…",
    "&File": "&Tệp",
    "&Find task…": "&Tìm nhiệm vụ…",
    "&Help": "Trợ &giúp",
    "&Import…": "&Nhập dữ liệu…",
    "&Keyboard shortcuts": "&Phím tắt",
    "&Language": "&Ngôn ngữ",
    "&New database…": "Tạo &cơ sở dữ liệu mới…",
    "&New task": "Nhiệm vụ &mới",
    "&Open database…": "&Mở cơ sở dữ liệu…",
    "&Quit": "T&hoát",
    "&Redo": "&Làm lại",
    "&Refresh": "Tải &lại",
    "&Undo": "&Hoàn tác",
    "&View": "&Xem",
    "(no area)": "(không thuộc lĩnh vực)",
    "(no lead agency)": "(chưa có cơ quan chủ trì)",
    "(no plan)": "(không thuộc kế hoạch)",
    "(none — click to choose)": "(chưa có — bấm để chọn)",
    "(none)": "(chưa có)",
    "(not from a meeting)": "(không từ kết luận phiên họp)",
    "<h3>cdsdesk %1</h3><p>Tracking the tasks and indicators of the provincial steering committee for digital transformation: status history, targets, charts, the review report and the update forms of the agencies — offline.</p><p>Database: %2</p>":
        "<h3>cdsdesk %1</h3><p>Theo dõi nhiệm vụ và chỉ tiêu của Ban Chỉ đạo chuyển đổi số tỉnh: lịch sử trạng thái, mục tiêu, biểu đồ, báo cáo sơ kết và biểu mẫu cập nhật của các cơ quan — không cần mạng.</p><p>Cơ sở dữ liệu: %2</p>",
    "About cdsdesk": "Giới thiệu cdsdesk",
    "Action": "Thao tác",
    "Agencies": "Cơ quan",
    "All agencies": "Tất cả cơ quan",
    "All areas": "Tất cả lĩnh vực",
    "All plans": "Tất cả kế hoạch",
    "All statuses": "Tất cả trạng thái",
    "Any deadline": "Mọi thời hạn",
    "Area:": "Lĩnh vực:",
    "As of:": "Tính đến:",
    "Audit log": "Nhật ký",
    "Back up the database": "Sao lưu cơ sở dữ liệu",
    "Backing up": "Đang sao lưu",
    "Backup written to %1": "Đã sao lưu vào %1",
    "Backups": "Sao lưu",
    "Cancel": "Huỷ",
    "Carried out routinely": "Thực hiện thường xuyên",
    "Clear filters": "Bỏ lọc",
    "Close": "Đóng",
    "Code": "Mã",
    "Code:": "Mã:",
    "Completed (both kinds)": "Hoàn thành (cả thường xuyên)",
    "Cooperating agencies": "Cơ quan phối hợp",
    "Cooperating:": "Phối hợp:",
    "Copying the database…": "Đang sao chép cơ sở dữ liệu…",
    "Database: %1": "CSDL: %1",
    "Date:": "Ngày:",
    "Deadline in the reporting period": "Thời hạn trong kỳ báo cáo",
    "Deadline": "Thời hạn",
    "Deadline:": "Thời hạn:",
    "Delete %n task(s)": "Xoá %n nhiệm vụ",
    "Delete the selected tasks": "Xoá các nhiệm vụ đã chọn",
    "Delete": "Xoá",
    'Deleted %n task(s). Undo with Ctrl+Z, or restore them from "Deleted tasks".':
        "Đã xoá %n nhiệm vụ. Hoàn tác bằng Ctrl+Z hoặc khôi phục trong «Đã xoá».",
    "Deleted tasks": "Đã xoá",
    "Description:": "Mô tả:",
    "Discard": "Bỏ thay đổi",
    "Due in %n day(s)": "Còn %n ngày đến hạn",
    "Due in the next 30 days": "Đến hạn trong 30 ngày tới",
    "Due in the next 7 days": "Đến hạn trong 7 ngày tới",
    "Duplicate %1": "Nhân bản %1",
    "Duplicate the selected task": "Nhân bản nhiệm vụ đã chọn",
    "Duplicate": "Nhân bản",
    "Edit task %1": "Sửa nhiệm vụ %1",
    "Edit the cell": "Sửa ô đang chọn",
    "Expected result:": "Sản phẩm đầu ra:",
    "Export": "Xuất báo cáo",
    "Find an agency…": "Tìm cơ quan…",
    "Focal person:": "Đầu mối:",
    "From directive:": "Theo kết luận:",
    "High": "Cao",
    "History (%n)": "Lịch sử (%n)",
    "History": "Lịch sử",
    "Import files": "Chọn tệp để nhập",
    "Import": "Nhập dữ liệu",
    "Indicators": "Chỉ tiêu",
    "Keyboard shortcuts": "Phím tắt",
    "Keys": "Phím",
    "Last update": "Cập nhật",
    "Lead agency": "Cơ quan chủ trì",
    "Lead agency:": "Chủ trì:",
    "Loading the demo province": "Đang nạp dữ liệu mẫu",
    "Low": "Thấp",
    "Main toolbar": "Thanh công cụ",
    "Meetings": "Phiên họp",
    "New database": "Tạo cơ sở dữ liệu mới",
    "New status for %n selected task(s)": "Trạng thái mới cho %n nhiệm vụ đã chọn",
    "New task": "Nhiệm vụ mới",
    "No deadline": "Không có thời hạn",
    "No status updates recorded yet.": "Chưa có cập nhật trạng thái nào.",
    "Normal": "Bình thường",
    "Note:": "Ghi chú:",
    "OK": "Đồng ý",
    "Open a database": "Mở cơ sở dữ liệu",
    "Opening and checking the database…": "Đang mở và kiểm tra cơ sở dữ liệu…",
    "Opening the database": "Mở cơ sở dữ liệu",
    "Overdue by %n day(s)": "Quá hạn %n ngày",
    "Overdue only": "Chỉ quá hạn",
    "Overview": "Tổng quan",
    "Period: %1 · as of %2": "Kỳ: %1 · tính đến %2",
    "Period:": "Kỳ báo cáo:",
    "Plan:": "Kế hoạch:",
    "Priority:": "Ưu tiên:",
    "Progress": "Tiến độ",
    "Progress:": "Tiến độ:",
    "Recent databases": "Mở gần đây",
    "Record": "Ghi nhận",
    "Refreshed.": "Đã tải lại.",
    "Restore %n task(s)": "Khôi phục %n nhiệm vụ",
    "Restore": "Khôi phục",
    "Restored %n task(s).": "Đã khôi phục %n nhiệm vụ.",
    "Save the task being edited": "Lưu nhiệm vụ đang sửa",
    "Save": "Lưu",
    "Search code, task, agency, result… (Ctrl+F)": "Tìm mã, nhiệm vụ, cơ quan, sản phẩm… (Ctrl+F)",
    "Select a task to see and edit its details.": "Chọn một nhiệm vụ để xem và sửa chi tiết.",
    "Show the deleted tasks, to restore them": "Hiện các nhiệm vụ đã xoá để khôi phục",
    "Start date:": "Ngày bắt đầu:",
    "Status of %1: %2": "Trạng thái %1: %2",
    "Status of %n task(s): %1": "Trạng thái %n nhiệm vụ: %1",
    "Status": "Trạng thái",
    "Status:": "Trạng thái:",
    "Statuses and counts as they stood on this day": "Trạng thái và số liệu tại ngày này",
    "Task": "Nhiệm vụ",
    "Task:": "Nhiệm vụ:",
    "Tasks": "Nhiệm vụ",
    "The backup could not be written: %1": "Không ghi được bản sao lưu: %1",
    "The reporting period every view shows": "Kỳ báo cáo mà mọi màn hình hiển thị",
    "These files cannot be imported: %1. Drop Excel forms (.xlsx), CSV or data packages.":
        "Không nhập được các tệp: %1. Hãy thả biểu mẫu Excel (.xlsx), CSV hoặc gói dữ liệu.",
    "Unsaved changes": "Có thay đổi chưa lưu",
    "Update forms and data (*.xlsx *.xlsm *.csv *.json *.zip);;All files (*)":
        "Biểu mẫu và dữ liệu (*.xlsx *.xlsm *.csv *.json *.zip);;Mọi tệp (*)",
    "Update status": "Cập nhật trạng thái",
    "Update status…": "Cập nhật trạng thái…",
    "Update the status of the selected tasks": "Cập nhật trạng thái các nhiệm vụ đã chọn",
    "Urgent": "Khẩn",
    "What was done, what is in the way, what is needed…": "Đã làm gì, vướng mắc gì, cần hỗ trợ gì…",
    "cdsdesk database (*.db *.sqlite);;All files (*)": "Cơ sở dữ liệu cdsdesk (*.db *.sqlite);;Mọi tệp (*)",
    "cdsdesk database (*.db)": "Cơ sở dữ liệu cdsdesk (*.db)",
    "overdue": "quá hạn",
    "after %1": "sau ngày %1",
    "Not completed": "Chưa hoàn thành",
    "Now: %1 — on %2: %3": "Hiện tại: %1 — ngày %2: %3",
    "retracted": "đã thu hồi",
    "Something went wrong: {error}": "Đã xảy ra lỗi: {error}",
    "An unexpected error occurred: {error}\n\nYour data has not been changed by the failed operation. The details were written to {log}.":
        "Đã xảy ra lỗi ngoài dự kiến: {error}\n\nThao tác lỗi không làm thay đổi dữ liệu. Chi tiết đã được ghi vào {log}.",
    "The operation was cancelled.": "Đã huỷ thao tác.",
}


def fill(ts: Path) -> list[str]:
    """Fill unfinished messages from VI; returns the sources still without a translation."""
    tree = ET.parse(ts)
    missing = []
    for msg in tree.getroot().iter("message"):
        src = msg.findtext("source") or ""
        tr = msg.find("translation")
        if tr is None or tr.get("type") != "unfinished":
            continue
        if source_language(src) == "vi":
            continue  # written in Vietnamese already: its English lives in cdsdesk_en.ts
        if src not in VI:
            missing.append(src)
            continue
        text = VI[src]
        del tr.attrib["type"]
        if msg.get("numerus") == "yes":
            for child in list(tr):
                tr.remove(child)
            tr.text = None
            form = ET.SubElement(tr, "numerusform")
            form.text = text
        else:
            tr.text = text
    ET.indent(tree, space="    ")
    with ts.open("wb") as fh:
        fh.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(fh, encoding="utf-8", xml_declaration=False)
        fh.write(b"\n")
    return missing


if __name__ == "__main__":
    root = Path(__file__).resolve().parent.parent
    left = fill(root / "resources" / "translations" / "cdsdesk_vi.ts")
    for m in left:
        print(f"no Vietnamese yet: {m!r}", file=sys.stderr)
    sys.exit(0)
