"""The interface glossary: Vietnamese for English source texts (``VI``) and English for texts
written in Vietnamese in the code (``EN``).

The .ts files stay the source of truth (Qt Linguist edits them); this fills the messages still
unfinished after new strings appear in the code, so wording stays consistent across views.

    python tools/build_translations.py && python tools/glossary.py && python tools/build_translations.py --check
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
    "Update &forms for the agencies…": "Tạo &phiếu cập nhật cho các cơ quan…",
    "Update forms": "Tạo phiếu cập nhật",
    "after %1": "sau ngày %1",
    "Not completed": "Chưa hoàn thành",
    "Now: %1 — on %2: %3": "Hiện tại: %1 — ngày %2: %3",
    "retracted": "đã thu hồi",
    "Something went wrong: {error}": "Đã xảy ra lỗi: {error}",
    "An unexpected error occurred: {error}\n\nYour data has not been changed by the failed operation. The details were written to {log}.":
        "Đã xảy ra lỗi ngoài dự kiến: {error}\n\nThao tác lỗi không làm thay đổi dữ liệu. Chi tiết đã được ghi vào {log}.",
    "The operation was cancelled.": "Đã huỷ thao tác.",
    # The import and mapping dialogs, the export dialog
    "Signer's title": 'Chức vụ người ký',
    "Take the file's values": 'Lấy theo tệp',
    "cdsdesk did not recognise some of the sheet's contents. Choose what each one means, then press <i>Import with these choices</i>. Agencies not in the database are created, unless you choose an existing one.": 'cdsdesk chưa nhận ra một số nội dung trong bảng. Hãy chọn ý nghĩa của từng mục, rồi bấm <i>Nhập với lựa chọn này</i>. Cơ quan chưa có sẽ được tạo mới, trừ khi bạn chọn một cơ quan đã có.',
    '%n file(s) ready to import.': '%n tệp sẵn sàng nhập.',
    '%n file(s) rejected (nothing written).': '%n tệp bị từ chối (không ghi gì).',
    '%n file(s) rejected.': '%n tệp bị từ chối.',
    '%n file(s):': '%n tệp:',
    '%n status(es) still to choose.': 'Còn %n trạng thái chưa chọn.',
    'A period code (2024Q1, 2024S1, 2024) or 9 months (2024-9M)': 'Mã kỳ báo cáo (2024Q1, 2024S1, 2024) hoặc 9 tháng (2024-9M)',
    'Agency': 'Cơ quan',
    'Apply': 'Áp dụng',
    'Building the report…': 'Đang lập báo cáo…',
    'Cancelled.': 'Đã huỷ.',
    'Cancelled: %n file(s) not read.': 'Đã huỷ: %n tệp chưa được đọc.',
    'Cell': 'Ô',
    'Change (old → new)': 'Thay đổi (cũ → mới)',
    'Checking the files…': 'Đang kiểm tra tệp…',
    'Choose a file in an existing folder.': 'Hãy chọn tệp trong một thư mục đã có.',
    'Choose…': 'Chọn…',
    'Column heading': 'Tiêu đề cột',
    'Counting…': 'Đang đếm…',
    'Create a new agency with this name': 'Tạo cơ quan mới với tên này',
    'Drawing the charts…': 'Đang vẽ biểu đồ…',
    'Error': 'Lỗi',
    'Export cancelled; no file was written.': 'Đã huỷ xuất; không ghi tệp nào.',
    'Export the review report': 'Xuất báo cáo sơ kết',
    'Exported: %1': 'Đã xuất: %1',
    'Figures as of': 'Số liệu tính đến',
    'File / row': 'Tệp / dòng',
    'File': 'Tệp',
    'Format': 'Định dạng',
    'Governing body': 'Cơ quan chủ quản',
    'Group / area': 'Nhóm / lĩnh vực',
    'Import update forms and data': 'Nhập phiếu cập nhật và dữ liệu',
    'Import with these choices': 'Nhập với lựa chọn này',
    'Imported %1 of %2 files:': 'Đã nhập %1/%2 tệp:',
    'Importing…': 'Đang nhập…',
    'Issuing body': 'Cơ quan ban hành',
    'Keep what the database holds': 'Giữ dữ liệu trong máy',
    'Kind': 'Loại',
    'Letterhead and signature': 'Tiêu đề văn bản và chữ ký',
    'Letterhead template (.docx)': 'Mẫu tiêu đề văn bản (.docx)',
    'Letterhead template': 'Mẫu tiêu đề văn bản',
    'Match columns…': 'Đối chiếu cột…',
    'Match what was not recognised': 'Đối chiếu nội dung chưa nhận ra',
    'Meaning': 'Ý nghĩa',
    'Note': 'Lưu ý',
    'Nothing to import.': 'Không có gì để nhập.',
    'On conflict:': 'Khi có xung đột:',
    'Open the file': 'Mở tệp',
    'Period': 'Kỳ báo cáo',
    'Plan': 'Kế hoạch',
    'Preview of the summary': 'Xem trước phần tổng hợp',
    'Province': 'Tỉnh',
    'Reading the files': 'Đọc tệp',
    'Reading the files…': 'Đang đọc tệp…',
    'Recipients (one per line)': 'Nơi nhận (mỗi dòng một nơi)',
    'Reject a file with conflicts': 'Từ chối tệp có xung đột',
    'Report number': 'Số báo cáo',
    'Report': 'Báo cáo',
    'Result': 'Kết quả',
    'Save the report as': 'Lưu báo cáo thành',
    'Saved with the data and used for every report': 'Lưu cùng dữ liệu và dùng cho mọi báo cáo',
    'Signer': 'Người ký',
    'Signing on behalf of': 'Ký thay mặt',
    'Skip conflicting rows': 'Bỏ qua dòng xung đột',
    'Text in the file': 'Nội dung trong tệp',
    'The export failed: %1': 'Không xuất được: %1',
    'Undid %n import(s):': 'Đã hoàn tác %n lần nhập:',
    'Undo this import': 'Hoàn tác lần nhập',
    'Working…': 'Đang xử lý…',
    'batch %1': 'lô %1',
    'Import %1': 'Nhập %1',
    'Importing the files again…': 'Đang nhập lại các tệp…',
    'conflict': 'xung đột',
    '— choose a status —': '— chọn trạng thái —',
}


#: English for the texts the views write in Vietnamese.
EN: dict[str, str] = {
    "Tìm cơ quan (không cần dấu)…": "Find an agency (accents optional)…",
    "Nhấp đúp vào một cơ quan để xem danh sách nhiệm vụ; vào cột “Quá hạn” hoặc “Hoàn thành” để xem riêng các nhiệm vụ đó.":
        "Double-click an agency to see its tasks; on the “Overdue” or “Completed” column to see only those.",
    "Số liệu đến ngày {d}": "Figures as of {d}",
    "Gồm cả nhiệm vụ của các đơn vị cấp dưới": "Including the tasks of the units below",
    "Riêng {name}: {own}; cả cấp dưới: {all}": "{name} alone: {own}; with the units below: {all}",
    "Mọi đối tượng": "Everything",
    "Từ ngày": "From",
    "đến ngày": "to",
    "Tìm mã nhiệm vụ, mã chỉ tiêu, giá trị…": "Find a task code, indicator code, value…",
    "Bỏ lọc": "Clear filters",
    "Mọi người": "Everyone",
    "Lịch sử thay đổi của {what} {label} — nhấn “Bỏ lọc” để xem toàn bộ nhật ký":
        "Change history of {what} {label} — press “Clear filters” to see the whole log",
    "Đang hiện {n} dòng mới nhất — cuộn xuống để xem thêm": "Showing the newest {n} rows — scroll down for more",
    "{n} dòng": "{n} rows",
    "Lưu ảnh PNG…": "Save PNG…",
    "Lưu biểu đồ thành tệp ảnh PNG": "Save the chart as a PNG image file",
    "Đang vẽ biểu đồ…": "Drawing the chart…",
    "Lưu biểu đồ thành ảnh PNG…": "Save the chart as PNG…",
    "Chưa có dữ liệu để vẽ": "No data to draw yet",
    "Lưu biểu đồ": "Save the chart",
    "Ảnh PNG (*.png)": "PNG image (*.png)",
    "Không lưu được biểu đồ": "The chart could not be saved",
    "Kế hoạch:": "Plan:",
    "Cơ quan:": "Agency:",
    "Tất cả kế hoạch": "All plans",
    "Tất cả cơ quan": "All agencies",
    "Đến hạn trong {n} ngày tới ({k} nhiệm vụ)": "Due in the next {n} days ({k} tasks)",
    "Chỉ tiêu cần nỗ lực tập trung ({k})": "Indicators needing focused effort ({k})",
    "Tổng quan — {scope}": "Overview — {scope}",
    " · {n} thường xuyên": " · {n} routinely",
    "Giao nhiệm vụ từ kết luận số {n}": "Assign a task from conclusion no. {n}",
    "Nội dung nhiệm vụ:": "Task:",
    "— chọn cơ quan chủ trì —": "— choose the lead agency —",
    "Cơ quan chủ trì:": "Lead agency:",
    "Thời hạn:": "Deadline:",
    "(không thuộc kế hoạch nào)": "(in no plan)",
    "Thuộc kế hoạch:": "Plan:",
    "để trống: tự đánh số": "leave empty to number automatically",
    "Mã nhiệm vụ:": "Task code:",
    "Giao nhiệm vụ": "Assign the task",
    "Hủy": "Cancel",
    "Hãy chọn cơ quan chủ trì cho nhiệm vụ.": "Choose the lead agency of the task.",
    "Nội dung nhiệm vụ không được để trống.": "The task cannot be empty.",
    "Tìm chỉ tiêu (mã hoặc tên, không cần dấu)…": "Find an indicator (code or name, accents optional)…",
    "Diễn biến theo kỳ": "Over the periods",
    "Kỳ báo cáo:": "Period:",
    "So sánh các cơ quan": "Agencies compared",
    "Nhập số liệu": "Enter values",
    "{n} chỉ tiêu: {a} đã hoàn thành, {l} khả năng cao, {e} cần nỗ lực":
        "{n} indicators: {a} achieved, {l} highly likely, {e} need effort",
    "tỷ lệ %, từ 0 đến 100": "a percentage, from 0 to 100",
    "số nguyên không âm": "a whole number, not negative",
    "số": "a number",
    "{code} — {name}. Gõ giá trị ({kind}); dùng dấu phẩy cho phần thập phân, ví dụ 42,5. Xóa ô để bỏ giá trị. Ctrl+Z để hoàn tác.":
        "{code} — {name}. Type the value ({kind}); a decimal comma, e.g. 42,5. Clear the cell to remove the value. Ctrl+Z undoes.",
    "Không nhận giá trị: {reason}": "Value refused: {reason}",
    "Ghi phiên họp mới": "Record a new meeting",
    "Ngày họp:": "Date:",
    "Loại phiên họp:": "Kind of meeting:",
    "ví dụ: Phiên họp quý III/2024 của Ban Chỉ đạo": "e.g. the steering committee's Q3/2024 meeting",
    "Tên phiên họp:": "Meeting:",
    "Chủ trì:": "Chaired by:",
    "Kết luận chung, ghi chú (không bắt buộc)": "General conclusions, notes (optional)",
    "Ghi chú:": "Notes:",
    "Ghi phiên họp": "Record the meeting",
    "Giao thành nhiệm vụ…": "Make it a task…",
    "Tạo nhiệm vụ từ kết luận đang chọn, giao cho cơ quan với thời hạn":
        "Create a task from the selected conclusion, assigned to an agency with a deadline",
    "Thêm kết luận, chỉ đạo": "Add a conclusion or directive",
    "ví dụ: Sở Kế hoạch và Đầu tư trình đề án trong tháng 7/2024":
        "e.g. the Department of Planning and Investment submits the project in July 2024",
    "Nội dung:": "Text:",
    "Cơ quan thực hiện:": "Agency:",
    "có thời hạn": "with a deadline",
    "Thêm kết luận": "Add the conclusion",
    "(chưa giao cơ quan)": "(no agency yet)",
    "Chưa có phiên họp nào — hãy ghi phiên họp ở bên trái.": "No meetings yet — record one on the left.",
    "Đã ghi phiên họp: {t}": "Meeting recorded: {t}",
    "Đã thêm kết luận số {n}": "Conclusion no. {n} added",
    "Đã giao nhiệm vụ {code}": "Task {code} assigned",
    "Không thực hiện được": "Could not be done",
    "Toàn tỉnh": "Whole province",
    "Nhập bởi {who} lúc {at}": "Entered by {who} at {at}",
    # The update forms dialog, the dashboard tiles
    'Bỏ chọn': 'Clear all',
    'Chọn thư mục lưu phiếu': 'Choose the folder for the forms',
    'Chọn thư mục…': 'Choose a folder…',
    'Chọn tất cả': 'Select all',
    'Cơ quan (có nhiệm vụ hoặc chỉ tiêu trong kỳ):': 'Agencies (with tasks or indicators in the period):',
    'Hãy chọn ít nhất một cơ quan.': 'Choose at least one agency.',
    'Lưu vào thư mục:': 'Save in the folder:',
    'Tạo phiếu cập nhật cho các cơ quan': 'Update forms for the agencies',
    'Tạo phiếu': 'Create the forms',
    'ví dụ 2024S1, 2024Q3': 'e.g. 2024S1, 2024Q3',
    '{label}: {n} — nhấn để xem danh sách': '{label}: {n} — click to see the list',
    '{name} ({code}) — {t} nhiệm vụ, {i} chỉ tiêu': '{name} ({code}) — {t} tasks, {i} indicators',
    '{n} cơ quan có việc cần báo cáo trong {period}.': '{n} agencies have something to report for {period}.',
    'Đang tạo phiếu…': 'Creating the forms…',
    'Đã tạo {n} phiếu trong {folder}:': 'Created {n} forms in {folder}:',
    'Đóng': 'Close',
}


def fill(ts: Path, lang: str = "vi") -> list[str]:
    """Fill unfinished messages of the ``lang`` catalogue; returns the sources still without one."""
    table = VI if lang == "vi" else EN
    tree = ET.parse(ts)
    missing = []
    for msg in tree.getroot().iter("message"):
        src = msg.findtext("source") or ""
        tr = msg.find("translation")
        if tr is None or tr.get("type") != "unfinished":
            continue
        if source_language(src) == lang:
            continue  # already in this language: Qt shows the source as it is
        if src not in table:
            missing.append(src)
            continue
        text = table[src]
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
    for lang in ("vi", "en"):
        ts = root / "resources" / "translations" / f"cdsdesk_{lang}.ts"
        if ts.exists():
            for m in fill(ts, lang):
                print(f"no {lang} translation yet: {m!r}", file=sys.stderr)
    sys.exit(0)
