<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>AgenciesView</name>
    <message>
        <source>Tìm cơ quan (không cần dấu)…</source>
        <translation>Find an agency (accents optional)…</translation>
    </message>
    <message>
        <source>Nhấp đúp vào một cơ quan để xem danh sách nhiệm vụ; vào cột “Quá hạn” hoặc “Hoàn thành” để xem riêng các nhiệm vụ đó.</source>
        <translation>Double-click an agency to see its tasks; on the “Overdue” or “Completed” column to see only those.</translation>
    </message>
    <message>
        <source>Số liệu đến ngày {d}</source>
        <translation>Figures as of {d}</translation>
    </message>
</context>
<context>
    <name>AgencyTreeModel</name>
    <message>
        <source>Riêng {name}: {own}; cả cấp dưới: {all}</source>
        <translation>{name} alone: {own}; with the units below: {all}</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <source>Mọi đối tượng</source>
        <translation>Everything</translation>
    </message>
    <message>
        <source>Từ ngày</source>
        <translation>From</translation>
    </message>
    <message>
        <source>đến ngày</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Tìm mã nhiệm vụ, mã chỉ tiêu, giá trị…</source>
        <translation>Find a task code, indicator code, value…</translation>
    </message>
    <message>
        <source>Bỏ lọc</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <source>Mọi người</source>
        <translation>Everyone</translation>
    </message>
    <message>
        <source>Lịch sử thay đổi của {what} {label} — nhấn “Bỏ lọc” để xem toàn bộ nhật ký</source>
        <translation>Change history of {what} {label} — press “Clear filters” to see the whole log</translation>
    </message>
    <message>
        <source>Đang hiện {n} dòng mới nhất — cuộn xuống để xem thêm</source>
        <translation>Showing the newest {n} rows — scroll down for more</translation>
    </message>
    <message>
        <source>{n} dòng</source>
        <translation>{n} rows</translation>
    </message>
</context>
<context>
    <name>BackupsView</name>
    <message>
        <source>Sao lưu và khôi phục</source>
        <translation>Backup and restore</translation>
    </message>
    <message>
        <source>Thời điểm</source>
        <translation>Taken at</translation>
    </message>
    <message>
        <source>Loại</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Dung lượng</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Sao lưu ngay</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>Kiểm tra cơ sở dữ liệu</source>
        <translation>Check the database</translation>
    </message>
    <message>
        <source>Khôi phục bản đã chọn…</source>
        <translation>Restore the selected copy…</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu {name} nằm trên máy chủ PostgreSQL: việc sao lưu do máy chủ đảm nhiệm (pg_dump, sao lưu của quản trị viên).</source>
        <translation>The database {name} is on a PostgreSQL server: the server takes care of backups (pg_dump, the administrator&apos;s backups).</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu: {path}</source>
        <translation>Database: {path}</translation>
    </message>
    <message>
        <source>Thư mục sao lưu: {path}</source>
        <translation>Backup folder: {path}</translation>
    </message>
    <message>
        <source>Tự động: mỗi ngày khi mở ứng dụng, trước mỗi lần nhập và trước mỗi lần nâng cấp; giữ 7 bản hằng ngày, 4 hằng tuần, 12 hằng tháng và 10 bản gần nhất trước khi nhập.</source>
        <translation>Automatic: daily when the application opens, before every import and before every upgrade; keeps 7 daily, 4 weekly, 12 monthly copies and the 10 latest taken before an import.</translation>
    </message>
    <message>
        <source>Chưa có bản sao lưu nào.</source>
        <translation>No backups yet.</translation>
    </message>
    <message>
        <source>Sao lưu</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>Đang sao lưu và kiểm tra bản sao…</source>
        <translation>Backing up and checking the copy…</translation>
    </message>
    <message>
        <source>Đã sao lưu và kiểm tra: {name}</source>
        <translation>Backed up and checked: {name}</translation>
    </message>
    <message>
        <source>Kiểm tra toàn vẹn: cơ sở dữ liệu tốt.</source>
        <translation>Integrity check: the database is sound.</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu bị hỏng:</source>
        <translation>The database is damaged:</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu bị hỏng. Hãy khôi phục một bản sao lưu.</source>
        <translation>The database is damaged. Restore a backup.</translation>
    </message>
    <message>
        <source>Khôi phục bản sao lưu</source>
        <translation>Restore a backup</translation>
    </message>
    <message>
        <source>Thay cơ sở dữ liệu hiện tại bằng bản sao lưu
{name}?

Dữ liệu hiện tại được sao lưu trước (loại “Trước khi khôi phục”), nên có thể quay lại.</source>
        <translation>Replace the current database with the backup
{name}?

The current data is backed up first (kind “Before a restore”), so you can go back.</translation>
    </message>
    <message>
        <source>Đã khôi phục từ {name}.</source>
        <translation>Restored from {name}.</translation>
    </message>
    <message>
        <source>Dữ liệu trước đó được giữ trong {name}.</source>
        <translation>The data before it is kept in {name}.</translation>
    </message>
    <message>
        <source>Tệp hỏng được giữ lại là {name}.</source>
        <translation>The damaged file is kept as {name}.</translation>
    </message>
    <message>
        <source>Mở cơ sở dữ liệu</source>
        <translation>Open the database</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu bị hỏng</source>
        <translation>The database is damaged</translation>
    </message>
    <message>
        <source>Khôi phục bản {name}</source>
        <translation>Restore {name}</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <source>Lưu ảnh PNG…</source>
        <extracomment>The chart was drawn (after ``set_data`` and the first show). A PNG was written (path).</extracomment>
        <translation>Save PNG…</translation>
    </message>
    <message>
        <source>Lưu biểu đồ thành tệp ảnh PNG</source>
        <translation>Save the chart as a PNG image file</translation>
    </message>
    <message>
        <source>Đang vẽ biểu đồ…</source>
        <translation>Drawing the chart…</translation>
    </message>
    <message>
        <source>Lưu biểu đồ thành ảnh PNG…</source>
        <translation>Save the chart as PNG…</translation>
    </message>
    <message>
        <source>Chưa có dữ liệu để vẽ</source>
        <translation>No data to draw yet</translation>
    </message>
    <message>
        <source>Lưu biểu đồ</source>
        <translation>Save the chart</translation>
    </message>
    <message>
        <source>Ảnh PNG (*.png)</source>
        <translation>PNG image (*.png)</translation>
    </message>
    <message>
        <source>Không lưu được biểu đồ</source>
        <translation>The chart could not be saved</translation>
    </message>
</context>
<context>
    <name>CooperatorsDialog</name>
    <message>
        <source>Cooperating agencies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find an agency…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>Kế hoạch:</source>
        <extracomment>Emitted after each refresh (tests, the window&apos;s status bar).</extracomment>
        <translation>Plan:</translation>
    </message>
    <message>
        <source>Cơ quan:</source>
        <translation>Agency:</translation>
    </message>
    <message>
        <source>Tất cả kế hoạch</source>
        <extracomment>The plan and agency lists need reading again (F5 sets it too).</extracomment>
        <translation>All plans</translation>
    </message>
    <message>
        <source>Tất cả cơ quan</source>
        <translation>All agencies</translation>
    </message>
    <message>
        <source>Đến hạn trong {n} ngày tới ({k} nhiệm vụ)</source>
        <translation>Due in the next {n} days ({k} tasks)</translation>
    </message>
    <message>
        <source>Chỉ tiêu cần nỗ lực tập trung ({k})</source>
        <translation>Indicators needing focused effort ({k})</translation>
    </message>
    <message>
        <source>Tổng quan — {scope}</source>
        <translation>Overview — {scope}</translation>
    </message>
    <message>
        <source> · {n} thường xuyên</source>
        <translation> · {n} routinely</translation>
    </message>
</context>
<context>
    <name>DirectiveDialog</name>
    <message>
        <source>Sửa kết luận số {n}</source>
        <translation>Edit conclusion {n}</translation>
    </message>
    <message>
        <source>Nội dung:</source>
        <translation>Text:</translation>
    </message>
    <message>
        <source>(chưa giao cơ quan)</source>
        <translation>(no agency yet)</translation>
    </message>
    <message>
        <source>Cơ quan thực hiện:</source>
        <translation>Agency:</translation>
    </message>
    <message>
        <source>có thời hạn</source>
        <translation>with a deadline</translation>
    </message>
    <message>
        <source>Thời hạn:</source>
        <translation>Deadline:</translation>
    </message>
    <message>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Nội dung kết luận không được để trống.</source>
        <translation>The conclusion text cannot be empty.</translation>
    </message>
</context>
<context>
    <name>DirectiveTaskDialog</name>
    <message>
        <source>Giao nhiệm vụ từ kết luận số {n}</source>
        <translation>Assign a task from conclusion no. {n}</translation>
    </message>
    <message>
        <source>Nội dung nhiệm vụ:</source>
        <translation>Task:</translation>
    </message>
    <message>
        <source>— chọn cơ quan chủ trì —</source>
        <translation>— choose the lead agency —</translation>
    </message>
    <message>
        <source>Cơ quan chủ trì:</source>
        <translation>Lead agency:</translation>
    </message>
    <message>
        <source>Thời hạn:</source>
        <translation>Deadline:</translation>
    </message>
    <message>
        <source>(không thuộc kế hoạch nào)</source>
        <translation>(in no plan)</translation>
    </message>
    <message>
        <source>Thuộc kế hoạch:</source>
        <translation>Plan:</translation>
    </message>
    <message>
        <source>để trống: tự đánh số</source>
        <translation>leave empty to number automatically</translation>
    </message>
    <message>
        <source>Mã nhiệm vụ:</source>
        <translation>Task code:</translation>
    </message>
    <message>
        <source>Giao nhiệm vụ</source>
        <translation>Assign the task</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Hãy chọn cơ quan chủ trì cho nhiệm vụ.</source>
        <translation>Choose the lead agency of the task.</translation>
    </message>
    <message>
        <source>Nội dung nhiệm vụ không được để trống.</source>
        <translation>The task cannot be empty.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export the review report</source>
        <extracomment>(format key, label) in the order the combo box lists them. Letterhead fields the dialog edits, in order (labels in ExportDialog._setting_labels).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letterhead and signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A period code (2024Q1, 2024S1, 2024) or 9 months (2024-9M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figures as of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lead agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview of the summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipients (one per line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved with the data and used for every report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Province</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Governing body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issuing body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing on behalf of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signer&apos;s title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letterhead template (.docx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All plans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All agencies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the report as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letterhead template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a file in an existing folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building the report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drawing the charts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FormsDialog</name>
    <message>
        <source>Tạo phiếu cập nhật cho các cơ quan</source>
        <translation>Update forms for the agencies</translation>
    </message>
    <message>
        <source>ví dụ 2024S1, 2024Q3</source>
        <translation>e.g. 2024S1, 2024Q3</translation>
    </message>
    <message>
        <source>Chọn thư mục…</source>
        <translation>Choose a folder…</translation>
    </message>
    <message>
        <source>Kỳ báo cáo:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <source>Lưu vào thư mục:</source>
        <translation>Save in the folder:</translation>
    </message>
    <message>
        <source>Chọn tất cả</source>
        <translation>Select all</translation>
    </message>
    <message>
        <source>Bỏ chọn</source>
        <translation>Clear all</translation>
    </message>
    <message>
        <source>Cơ quan (có nhiệm vụ hoặc chỉ tiêu trong kỳ):</source>
        <translation>Agencies (with tasks or indicators in the period):</translation>
    </message>
    <message>
        <source>Tạo phiếu</source>
        <translation>Create the forms</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Chọn thư mục lưu phiếu</source>
        <translation>Choose the folder for the forms</translation>
    </message>
    <message>
        <source>{name} ({code}) — {t} nhiệm vụ, {i} chỉ tiêu</source>
        <translation>{name} ({code}) — {t} tasks, {i} indicators</translation>
    </message>
    <message>
        <source>{n} cơ quan có việc cần báo cáo trong {period}.</source>
        <translation>{n} agencies have something to report for {period}.</translation>
    </message>
    <message>
        <source>Hãy chọn ít nhất một cơ quan.</source>
        <translation>Choose at least one agency.</translation>
    </message>
    <message>
        <source>Đang tạo phiếu…</source>
        <translation>Creating the forms…</translation>
    </message>
    <message>
        <source>Đã tạo {n} phiếu trong {folder}:</source>
        <translation>Created {n} forms in {folder}:</translation>
    </message>
</context>
<context>
    <name>HistoryTimeline</name>
    <message>
        <source>No status updates recorded yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retracted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>after %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportCommand</name>
    <message>
        <source>Import %1</source>
        <extracomment>Per file (its path as text): the ``legacy_mapping`` answered in the mapping step.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing the files again…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import update forms and data</source>
        <extracomment>Per file (path as text): the legacy mapping answered in the mapping step.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On conflict:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File / row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change (old → new)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match columns…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo this import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject a file with conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip conflicting rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep what the database holds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the file&apos;s values</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s):</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Working…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Cancelled: %n file(s) not read.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Plan:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) ready to import.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) rejected (nothing written).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1 of %2 files:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) rejected.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Undid %n import(s):</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>batch %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IndicatorsView</name>
    <message>
        <source>Tìm chỉ tiêu (mã hoặc tên, không cần dấu)…</source>
        <extracomment>The indicator shown on the right changed (its id, or None).</extracomment>
        <translation>Find an indicator (code or name, accents optional)…</translation>
    </message>
    <message>
        <source>Diễn biến theo kỳ</source>
        <translation>Over the periods</translation>
    </message>
    <message>
        <source>Kỳ báo cáo:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <source>So sánh các cơ quan</source>
        <translation>Agencies compared</translation>
    </message>
    <message>
        <source>Nhập số liệu</source>
        <translation>Enter values</translation>
    </message>
    <message>
        <source>{n} chỉ tiêu: {a} đã hoàn thành, {l} khả năng cao, {e} cần nỗ lực</source>
        <translation>{n} indicators: {a} achieved, {l} highly likely, {e} need effort</translation>
    </message>
    <message>
        <source>tỷ lệ %, từ 0 đến 100</source>
        <translation>a percentage, from 0 to 100</translation>
    </message>
    <message>
        <source>số nguyên không âm</source>
        <translation>a whole number, not negative</translation>
    </message>
    <message>
        <source>số</source>
        <translation>a number</translation>
    </message>
    <message>
        <source>{code} — {name}. Gõ giá trị ({kind}); dùng dấu phẩy cho phần thập phân, ví dụ 42,5. Xóa ô để bỏ giá trị. Ctrl+Z để hoàn tác.</source>
        <translation>{code} — {name}. Type the value ({kind}); a decimal comma, e.g. 42,5. Clear the cell to remove the value. Ctrl+Z undoes.</translation>
    </message>
    <message>
        <source>Không nhận giá trị: {reason}</source>
        <translation>Value refused: {reason}</translation>
    </message>
</context>
<context>
    <name>Jobs</name>
    <message>
        <source>Loading the demo province</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening and checking the database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the database</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agencies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back up now…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update &amp;forms for the agencies…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export / report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find task…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About cdsdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent databases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refreshed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not available in this version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update forms and data (*.xlsx *.xlsm *.csv *.json *.zip);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update forms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up a server database with the server&apos;s own tools.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cdsdesk database (*.db)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backing up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copying the database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup could not be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup written to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cdsdesk database (*.db *.sqlite);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update the status of the selected tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate the selected task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the task being edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;cdsdesk %1&lt;/h3&gt;&lt;p&gt;Tracking the tasks and indicators of the provincial steering committee for digital transformation: status history, targets, charts, the review report and the update forms of the agencies — offline.&lt;/p&gt;&lt;p&gt;Database: %2&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About cdsdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period: %1 · as of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These files cannot be imported: %1. Drop Excel forms (.xlsx), CSV or data packages.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MappingDialog</name>
    <message>
        <source>Column heading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group / area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a new agency with this name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no area)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match what was not recognised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cdsdesk did not recognise some of the sheet&apos;s contents. Choose what each one means, then press &lt;i&gt;Import with these choices&lt;/i&gt;. Agencies not in the database are created, unless you choose an existing one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— choose a status —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import with these choices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n status(es) still to choose.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MeetingDialog</name>
    <message>
        <source>Sửa phiên họp</source>
        <translation>Edit meeting</translation>
    </message>
    <message>
        <source>Ngày họp:</source>
        <translation>Date:</translation>
    </message>
    <message>
        <source>Loại phiên họp:</source>
        <translation>Kind of meeting:</translation>
    </message>
    <message>
        <source>Tên phiên họp:</source>
        <translation>Meeting:</translation>
    </message>
    <message>
        <source>Chủ trì:</source>
        <translation>Chaired by:</translation>
    </message>
    <message>
        <source>Ghi chú:</source>
        <translation>Notes:</translation>
    </message>
    <message>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Tên phiên họp không được để trống.</source>
        <translation>The meeting title cannot be empty.</translation>
    </message>
</context>
<context>
    <name>MeetingsView</name>
    <message>
        <source>Sửa phiên họp…</source>
        <extracomment>A task was created from a conclusion (task id).</extracomment>
        <translation>Edit meeting…</translation>
    </message>
    <message>
        <source>Xóa phiên họp…</source>
        <translation>Delete meeting…</translation>
    </message>
    <message>
        <source>Xóa phiên họp đang chọn cùng các kết luận của nó (có thể hoàn tác)</source>
        <translation>Delete the selected meeting with its conclusions (can be undone)</translation>
    </message>
    <message>
        <source>Ghi phiên họp mới</source>
        <translation>Record a new meeting</translation>
    </message>
    <message>
        <source>Ngày họp:</source>
        <translation>Date:</translation>
    </message>
    <message>
        <source>Loại phiên họp:</source>
        <translation>Kind of meeting:</translation>
    </message>
    <message>
        <source>ví dụ: Phiên họp quý III/2024 của Ban Chỉ đạo</source>
        <translation>e.g. the steering committee&apos;s Q3/2024 meeting</translation>
    </message>
    <message>
        <source>Tên phiên họp:</source>
        <translation>Meeting:</translation>
    </message>
    <message>
        <source>Chủ trì:</source>
        <translation>Chaired by:</translation>
    </message>
    <message>
        <source>Kết luận chung, ghi chú (không bắt buộc)</source>
        <translation>General conclusions, notes (optional)</translation>
    </message>
    <message>
        <source>Ghi chú:</source>
        <translation>Notes:</translation>
    </message>
    <message>
        <source>Ghi phiên họp</source>
        <translation>Record the meeting</translation>
    </message>
    <message>
        <source>Giao thành nhiệm vụ…</source>
        <translation>Make it a task…</translation>
    </message>
    <message>
        <source>Tạo nhiệm vụ từ kết luận đang chọn, giao cho cơ quan với thời hạn</source>
        <translation>Create a task from the selected conclusion, assigned to an agency with a deadline</translation>
    </message>
    <message>
        <source>Sửa kết luận…</source>
        <translation>Edit conclusion…</translation>
    </message>
    <message>
        <source>Xóa kết luận…</source>
        <translation>Delete conclusion…</translation>
    </message>
    <message>
        <source>Thêm kết luận, chỉ đạo</source>
        <translation>Add a conclusion or directive</translation>
    </message>
    <message>
        <source>ví dụ: Sở Kế hoạch và Đầu tư trình đề án trong tháng 7/2024</source>
        <translation>e.g. the Department of Planning and Investment submits the project in July 2024</translation>
    </message>
    <message>
        <source>Nội dung:</source>
        <translation>Text:</translation>
    </message>
    <message>
        <source>Cơ quan thực hiện:</source>
        <translation>Agency:</translation>
    </message>
    <message>
        <source>có thời hạn</source>
        <translation>with a deadline</translation>
    </message>
    <message>
        <source>Thời hạn:</source>
        <translation>Deadline:</translation>
    </message>
    <message>
        <source>Thêm kết luận</source>
        <translation>Add the conclusion</translation>
    </message>
    <message>
        <source>(chưa giao cơ quan)</source>
        <translation>(no agency yet)</translation>
    </message>
    <message>
        <source>Chưa có phiên họp nào — hãy ghi phiên họp ở bên trái.</source>
        <translation>No meetings yet — record one on the left.</translation>
    </message>
    <message>
        <source>Đã ghi phiên họp: {t}</source>
        <translation>Meeting recorded: {t}</translation>
    </message>
    <message>
        <source>Đã thêm kết luận số {n}</source>
        <translation>Conclusion no. {n} added</translation>
    </message>
    <message>
        <source>Đã giao nhiệm vụ {code}</source>
        <translation>Task {code} assigned</translation>
    </message>
    <message>
        <source>Sửa phiên họp</source>
        <translation>Edit meeting</translation>
    </message>
    <message>
        <source>Đã sửa phiên họp: {t}</source>
        <translation>Meeting changed: {t}</translation>
    </message>
    <message>
        <source>Sửa kết luận số {n}</source>
        <translation>Edit conclusion {n}</translation>
    </message>
    <message>
        <source>Đã sửa kết luận số {n}</source>
        <translation>Conclusion {n} changed</translation>
    </message>
    <message>
        <source>Xác nhận xóa</source>
        <translation>Confirm deletion</translation>
    </message>
    <message>
        <source>Xóa</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Không xóa</source>
        <translation>Keep</translation>
    </message>
    <message>
        <source>Xóa phiên họp «{t}» ngày {d} cùng {n} kết luận của nó? Các nhiệm vụ đã giao từ các kết luận vẫn được giữ. Có thể hoàn tác (Ctrl+Z).</source>
        <translation>Delete the meeting «{t}» of {d} with its {n} conclusions? Tasks assigned from the conclusions are kept. This can be undone (Ctrl+Z).</translation>
    </message>
    <message>
        <source>Xóa phiên họp</source>
        <translation>Delete meeting</translation>
    </message>
    <message>
        <source>Đã xóa phiên họp: {t} (Ctrl+Z để hoàn tác)</source>
        <translation>Meeting deleted: {t} (Ctrl+Z to undo)</translation>
    </message>
    <message>
        <source>Xóa kết luận số {n}? Các nhiệm vụ đã giao từ kết luận này vẫn được giữ. Có thể hoàn tác (Ctrl+Z).</source>
        <translation>Delete conclusion {n}? Tasks assigned from it are kept. This can be undone (Ctrl+Z).</translation>
    </message>
    <message>
        <source>Xóa kết luận số {n}</source>
        <translation>Delete conclusion {n}</translation>
    </message>
    <message>
        <source>Đã xóa kết luận số {n} (Ctrl+Z để hoàn tác)</source>
        <translation>Conclusion {n} deleted (Ctrl+Z to undo)</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Something went wrong: {error}</source>
        <extracomment>Boxes without a parent window are kept alive here until closed.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An unexpected error occurred: {error}

Your data has not been changed by the failed operation. The details were written to {log}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PeriodSelector</name>
    <message>
        <source>Period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reporting period every view shows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As of:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statuses and counts as they stood on this day</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>%1 is not available in this version.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RefreshingView</name>
    <message>
        <source>Không thực hiện được</source>
        <extracomment>Set by the window on the page it opens with: the first show reads only what the first paint needs (``refresh_quick``), the rest follows once the window is on screen (``refresh_after_paint``), off the GUI thread where it is slow.</extracomment>
        <translation>Could not be done</translation>
    </message>
</context>
<context>
    <name>StatusUpdateDialog</name>
    <message>
        <source>Update status</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>New status for %n selected task(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>What was done, what is in the way, what is needed…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskDetailPane</name>
    <message>
        <source>Update status…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no plan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no area)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no lead agency)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not from a meeting)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carried out routinely</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected result:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lead agency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cooperating:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Focal person:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From directive:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a task to see and edit its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now: %1 — on %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>History (%n)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>(none — click to choose)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit task %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskFilterBar</name>
    <message>
        <source>Search code, task, agency, result… (Ctrl+F)</source>
        <extracomment>Deadline windows of the filter bar.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All plans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All agencies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All areas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed (both kinds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline in the reporting period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due in the next 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due in the next 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the deleted tasks, to restore them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskTableModel</name>
    <message>
        <source>Code</source>
        <extracomment>The sort key of a cell (used by ``sort`` and by anyone who wants to order like the model). The task id of a row. The status key (``in_progress`` …) of a row. Background and text colours of each status (light tints readable in both themes&apos; tables). (shown rows, all rows) after every filter or reload. Every id in ascending order of a column (ties in code order), made once per column until the data changes: a click on a header is then a reversal or a lookup. The folded search text of each id in ``_order`` order, for one pass over all rows. Folded query → the ids (in ``_order`` order) whose search text holds every word; a query that extends the last one narrows its result instead of reading all rows. Task id → rank of its title in collation order (read in the background after a load). Task id → its display strings (``_display_row``), until the rows are read again. Lead agency id → rank of its name in collation order.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lead agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last update</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Overdue by %n day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Due in %n day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>overdue</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TasksView</name>
    <message>
        <source>New task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update status…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit task %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete %n task(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n task(s). Undo with Ctrl+Z, or restore them from &quot;Deleted tasks&quot;.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restore %n task(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restored %n task(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Status of %n task(s): %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tile</name>
    <message>
        <source>{label}: {n} — nhấn để xem danh sách</source>
        <translation>{label}: {n} — click to see the list</translation>
    </message>
</context>
<context>
    <name>ValueGridModel</name>
    <message>
        <source>Toàn tỉnh</source>
        <extracomment>How many periods of the current kind, up to the current one, the grid always offers. The reason a typed value was refused (in the user&apos;s language). A value was accepted and written (indicator id, agency id, period code).</extracomment>
        <translation>Whole province</translation>
    </message>
    <message>
        <source>Nhập bởi {who} lúc {at}</source>
        <translation>Entered by {who} at {at}</translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <source>Cancel</source>
        <extracomment>Work that ends sooner than this shows no dialog at all.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
