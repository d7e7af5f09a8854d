<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>AgenciesView</name>
    <message>
        <source>Tìm cơ quan (không cần dấu)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nhấp đúp vào một cơ quan để xem danh sách nhiệm vụ; vào cột “Quá hạn” hoặc “Hoàn thành” để xem riêng các nhiệm vụ đó.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Số liệu đến ngày {d}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgencyTreeModel</name>
    <message>
        <source>Riêng {name}: {own}; cả cấp dưới: {all}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <source>Mọi đối tượng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Từ ngày</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>đến ngày</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tìm mã nhiệm vụ, mã chỉ tiêu, giá trị…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bỏ lọc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mọi người</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lịch sử thay đổi của {what} {label} — nhấn “Bỏ lọc” để xem toàn bộ nhật ký</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đang hiện {n} dòng mới nhất — cuộn xuống để xem thêm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} dòng</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackupsView</name>
    <message>
        <source>Sao lưu và khôi phục</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thời điểm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loại</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tệp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dung lượng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sao lưu ngay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kiểm tra cơ sở dữ liệu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Khôi phục bản đã chọn…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu {name} nằm trên máy chủ PostgreSQL: việc sao lưu do máy chủ đảm nhiệm (pg_dump, sao lưu của quản trị viên).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thư mục sao lưu: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tự động: mỗi ngày khi mở ứng dụng, trước mỗi lần nhập và trước mỗi lần nâng cấp; giữ 7 bản hằng ngày, 4 hằng tuần, 12 hằng tháng và 10 bản gần nhất trước khi nhập.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chưa có bản sao lưu nào.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sao lưu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đang sao lưu và kiểm tra bản sao…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã sao lưu và kiểm tra: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kiểm tra toàn vẹn: cơ sở dữ liệu tốt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu bị hỏng:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu bị hỏng. Hãy khôi phục một bản sao lưu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Khôi phục bản sao lưu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thay cơ sở dữ liệu hiện tại bằng bản sao lưu
{name}?

Dữ liệu hiện tại được sao lưu trước (loại “Trước khi khôi phục”), nên có thể quay lại.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã khôi phục từ {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dữ liệu trước đó được giữ trong {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tệp hỏng được giữ lại là {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mở cơ sở dữ liệu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu bị hỏng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Khôi phục bản {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <source>Lưu ảnh PNG…</source>
        <extracomment>The chart was drawn (after ``set_data`` and the first show). A PNG was written (path).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lưu biểu đồ thành tệp ảnh PNG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đang vẽ biểu đồ…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lưu biểu đồ thành ảnh PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chưa có dữ liệu để vẽ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lưu biểu đồ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ảnh PNG (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Không lưu được biểu đồ</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CooperatorsDialog</name>
    <message>
        <source>Cooperating agencies</source>
        <translation>Cơ quan phối hợp</translation>
    </message>
    <message>
        <source>Find an agency…</source>
        <translation>Tìm cơ quan…</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Huỷ</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>Kế hoạch:</source>
        <extracomment>Emitted after each refresh (tests, the window&apos;s status bar).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cơ quan:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tất cả kế hoạch</source>
        <extracomment>The plan and agency lists need reading again (F5 sets it too).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tất cả cơ quan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đến hạn trong {n} ngày tới ({k} nhiệm vụ)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chỉ tiêu cần nỗ lực tập trung ({k})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tổng quan — {scope}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · {n} thường xuyên</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DirectiveDialog</name>
    <message>
        <source>Sửa kết luận số {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nội dung:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(chưa giao cơ quan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cơ quan thực hiện:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>có thời hạn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thời hạn:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lưu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nội dung kết luận không được để trống.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DirectiveTaskDialog</name>
    <message>
        <source>Giao nhiệm vụ từ kết luận số {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nội dung nhiệm vụ:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— chọn cơ quan chủ trì —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cơ quan chủ trì:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thời hạn:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(không thuộc kế hoạch nào)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thuộc kế hoạch:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>để trống: tự đánh số</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mã nhiệm vụ:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Giao nhiệm vụ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hãy chọn cơ quan chủ trì cho nhiệm vụ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nội dung nhiệm vụ không được để trống.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export the review report</source>
        <extracomment>(format key, label) in the order the combo box lists them. Letterhead fields the dialog edits, in order (labels in ExportDialog._setting_labels).</extracomment>
        <translation>Xuất báo cáo sơ kết, tổng kết</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <source>Letterhead and signature</source>
        <translation>Thể thức và chữ ký</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Xuất báo cáo</translation>
    </message>
    <message>
        <source>Open the file</source>
        <translation>Mở tệp</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>A period code (2024Q1, 2024S1, 2024) or 9 months (2024-9M)</source>
        <translation>Mã kỳ (2024Q1, 2024S1, 2024) hoặc 9 tháng (2024-9M)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Kỳ báo cáo</translation>
    </message>
    <message>
        <source>Figures as of</source>
        <translation>Số liệu tính đến ngày</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Kế hoạch</translation>
    </message>
    <message>
        <source>Lead agency</source>
        <translation>Cơ quan chủ trì</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Định dạng</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Preview of the summary</source>
        <translation>Xem trước phần tổng hợp</translation>
    </message>
    <message>
        <source>Recipients (one per line)</source>
        <translation>Nơi nhận (mỗi dòng một nơi)</translation>
    </message>
    <message>
        <source>Saved with the data and used for every report</source>
        <translation>Lưu cùng dữ liệu và dùng cho mọi báo cáo</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Tỉnh</translation>
    </message>
    <message>
        <source>Governing body</source>
        <translation>Cơ quan chủ quản</translation>
    </message>
    <message>
        <source>Issuing body</source>
        <translation>Cơ quan ban hành</translation>
    </message>
    <message>
        <source>Report number</source>
        <translation>Số báo cáo</translation>
    </message>
    <message>
        <source>Signing on behalf of</source>
        <translation>Thay mặt (TM.)</translation>
    </message>
    <message>
        <source>Signer&apos;s title</source>
        <translation>Chức vụ người ký</translation>
    </message>
    <message>
        <source>Signer</source>
        <translation>Người ký</translation>
    </message>
    <message>
        <source>Letterhead template (.docx)</source>
        <translation>Mẫu tiêu đề (.docx)</translation>
    </message>
    <message>
        <source>All plans</source>
        <translation>Tất cả kế hoạch</translation>
    </message>
    <message>
        <source>All agencies</source>
        <translation>Tất cả cơ quan</translation>
    </message>
    <message>
        <source>Save the report as</source>
        <translation>Lưu báo cáo thành</translation>
    </message>
    <message>
        <source>Letterhead template</source>
        <translation>Mẫu tiêu đề</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Đang đếm…</translation>
    </message>
    <message>
        <source>Choose a file in an existing folder.</source>
        <translation>Hãy chọn một tệp trong thư mục đã có.</translation>
    </message>
    <message>
        <source>Building the report…</source>
        <translation>Đang lập báo cáo…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Huỷ</translation>
    </message>
    <message>
        <source>Drawing the charts…</source>
        <translation>Đang vẽ biểu đồ…</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>Đã hủy xuất báo cáo; không có tệp nào được ghi.</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>Xuất báo cáo không thành công: %1</translation>
    </message>
    <message>
        <source>Exported: %1</source>
        <translation>Đã xuất: %1</translation>
    </message>
</context>
<context>
    <name>FormsDialog</name>
    <message>
        <source>Tạo phiếu cập nhật cho các cơ quan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ví dụ 2024S1, 2024Q3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chọn thư mục…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kỳ báo cáo:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lưu vào thư mục:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chọn tất cả</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bỏ chọn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cơ quan (có nhiệm vụ hoặc chỉ tiêu trong kỳ):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tạo phiếu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chọn thư mục lưu phiếu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} ({code}) — {t} nhiệm vụ, {i} chỉ tiêu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} cơ quan có việc cần báo cáo trong {period}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hãy chọn ít nhất một cơ quan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đang tạo phiếu…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã tạo {n} phiếu trong {folder}:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryTimeline</name>
    <message>
        <source>No status updates recorded yet.</source>
        <translation>Chưa có cập nhật trạng thái nào.</translation>
    </message>
    <message>
        <source>retracted</source>
        <translation>đã thu hồi</translation>
    </message>
    <message>
        <source>after %1</source>
        <translation>sau ngày %1</translation>
    </message>
</context>
<context>
    <name>ImportCommand</name>
    <message>
        <source>Import %1</source>
        <extracomment>Per file (its path as text): the ``legacy_mapping`` answered in the mapping step.</extracomment>
        <translation>Nhập %1</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Nhập dữ liệu</translation>
    </message>
    <message>
        <source>Importing the files again…</source>
        <translation>Đang nhập lại các tệp…</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import update forms and data</source>
        <extracomment>Per file (path as text): the legacy mapping answered in the mapping step.</extracomment>
        <translation>Nhập phiếu cập nhật và dữ liệu</translation>
    </message>
    <message>
        <source>On conflict:</source>
        <translation>Khi có xung đột:</translation>
    </message>
    <message>
        <source>File / row</source>
        <translation>Tệp / dòng</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Change (old → new)</source>
        <translation>Thay đổi (cũ → mới)</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>Ô</translation>
    </message>
    <message>
        <source>Reading the files…</source>
        <translation>Đang đọc tệp…</translation>
    </message>
    <message>
        <source>Match columns…</source>
        <translation>Đối chiếu cột…</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Áp dụng</translation>
    </message>
    <message>
        <source>Undo this import</source>
        <translation>Hoàn tác lần nhập</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Huỷ</translation>
    </message>
    <message>
        <source>Reject a file with conflicts</source>
        <translation>Từ chối tệp có xung đột</translation>
    </message>
    <message>
        <source>Skip conflicting rows</source>
        <translation>Bỏ qua dòng xung đột</translation>
    </message>
    <message>
        <source>Keep what the database holds</source>
        <translation>Giữ dữ liệu trong máy</translation>
    </message>
    <message>
        <source>Take the file&apos;s values</source>
        <translation>Lấy theo tệp</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s):</source>
        <translation>
            <numerusform>%n tệp:</numerusform>
        </translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Đang xử lý…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Nhập dữ liệu</translation>
    </message>
    <message>
        <source>Reading the files</source>
        <translation>Đọc tệp</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Đang nhập…</translation>
    </message>
    <message>
        <source>Checking the files…</source>
        <translation>Đang kiểm tra tệp…</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Đã huỷ.</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled: %n file(s) not read.</source>
        <translation>
            <numerusform>Đã huỷ: %n tệp chưa được đọc.</numerusform>
        </translation>
    </message>
    <message>
        <source>Plan:</source>
        <translation>Kế hoạch:</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) ready to import.</source>
        <translation>
            <numerusform>%n tệp sẵn sàng nhập.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to import.</source>
        <translation>Không có gì để nhập.</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) rejected (nothing written).</source>
        <translation>
            <numerusform>%n tệp bị từ chối (không ghi gì).</numerusform>
        </translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Lỗi</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Lưu ý</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>xung đột</translation>
    </message>
    <message>
        <source>Imported %1 of %2 files:</source>
        <translation>Đã nhập %1/%2 tệp:</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) rejected.</source>
        <translation>
            <numerusform>%n tệp bị từ chối.</numerusform>
        </translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message numerus="yes">
        <source>Undid %n import(s):</source>
        <translation>
            <numerusform>Đã hoàn tác %n lần nhập:</numerusform>
        </translation>
    </message>
    <message>
        <source>batch %1</source>
        <translation>lô %1</translation>
    </message>
</context>
<context>
    <name>IndicatorsView</name>
    <message>
        <source>Tìm chỉ tiêu (mã hoặc tên, không cần dấu)…</source>
        <extracomment>The indicator shown on the right changed (its id, or None).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diễn biến theo kỳ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kỳ báo cáo:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>So sánh các cơ quan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nhập số liệu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} chỉ tiêu: {a} đã hoàn thành, {l} khả năng cao, {e} cần nỗ lực</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tỷ lệ %, từ 0 đến 100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>số nguyên không âm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>số</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{code} — {name}. Gõ giá trị ({kind}); dùng dấu phẩy cho phần thập phân, ví dụ 42,5. Xóa ô để bỏ giá trị. Ctrl+Z để hoàn tác.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Không nhận giá trị: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Jobs</name>
    <message>
        <source>Loading the demo province</source>
        <translation>Đang nạp dữ liệu mẫu</translation>
    </message>
    <message>
        <source>Opening and checking the database…</source>
        <translation>Đang mở và kiểm tra cơ sở dữ liệu…</translation>
    </message>
    <message>
        <source>Opening the database</source>
        <translation>Mở cơ sở dữ liệu</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Overview</source>
        <translation>Tổng quan</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Nhiệm vụ</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <source>Agencies</source>
        <translation>Cơ quan</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Phiên họp</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Nhật ký</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sao lưu</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>&amp;Mở cơ sở dữ liệu…</translation>
    </message>
    <message>
        <source>&amp;New database…</source>
        <translation>Tạo &amp;cơ sở dữ liệu mới…</translation>
    </message>
    <message>
        <source>&amp;Back up now…</source>
        <translation>&amp;Sao lưu ngay…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Nhập dữ liệu…</translation>
    </message>
    <message>
        <source>Update &amp;forms for the agencies…</source>
        <translation>Tạo &amp;phiếu cập nhật cho các cơ quan…</translation>
    </message>
    <message>
        <source>&amp;Export / report…</source>
        <translation>&amp;Xuất báo cáo…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>T&amp;hoát</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <source>&amp;Find task…</source>
        <translation>&amp;Tìm nhiệm vụ…</translation>
    </message>
    <message>
        <source>&amp;New task</source>
        <translation>Nhiệm vụ &amp;mới</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Tải &amp;lại</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Phím tắt</translation>
    </message>
    <message>
        <source>&amp;About cdsdesk</source>
        <translation>&amp;Giới thiệu cdsdesk</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <source>Recent databases</source>
        <translation>Mở gần đây</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Sửa</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Thanh công cụ</translation>
    </message>
    <message>
        <source>Refreshed.</source>
        <translation>Đã tải lại.</translation>
    </message>
    <message>
        <source>%1 is not available in this version.</source>
        <translation>Chức năng «%1» chưa có trong phiên bản này.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Nhập dữ liệu</translation>
    </message>
    <message>
        <source>Import files</source>
        <translation>Chọn tệp để nhập</translation>
    </message>
    <message>
        <source>Update forms and data (*.xlsx *.xlsm *.csv *.json *.zip);;All files (*)</source>
        <translation>Biểu mẫu và dữ liệu (*.xlsx *.xlsm *.csv *.json *.zip);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Xuất báo cáo</translation>
    </message>
    <message>
        <source>Update forms</source>
        <translation>Tạo phiếu cập nhật</translation>
    </message>
    <message>
        <source>Back up a server database with the server&apos;s own tools.</source>
        <translation>Cơ sở dữ liệu trên máy chủ được sao lưu bằng công cụ của máy chủ.</translation>
    </message>
    <message>
        <source>Back up the database</source>
        <translation>Sao lưu cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>cdsdesk database (*.db)</source>
        <translation>Cơ sở dữ liệu cdsdesk (*.db)</translation>
    </message>
    <message>
        <source>Backing up</source>
        <translation>Đang sao lưu</translation>
    </message>
    <message>
        <source>Copying the database…</source>
        <translation>Đang sao chép cơ sở dữ liệu…</translation>
    </message>
    <message>
        <source>The backup could not be written: %1</source>
        <translation>Không ghi được bản sao lưu: %1</translation>
    </message>
    <message>
        <source>Backup written to %1</source>
        <translation>Đã sao lưu vào %1</translation>
    </message>
    <message>
        <source>Open a database</source>
        <translation>Mở cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>cdsdesk database (*.db *.sqlite);;All files (*)</source>
        <translation>Cơ sở dữ liệu cdsdesk (*.db *.sqlite);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>Tạo cơ sở dữ liệu mới</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(chưa có)</translation>
    </message>
    <message>
        <source>Update the status of the selected tasks</source>
        <translation>Cập nhật trạng thái các nhiệm vụ đã chọn</translation>
    </message>
    <message>
        <source>Duplicate the selected task</source>
        <translation>Nhân bản nhiệm vụ đã chọn</translation>
    </message>
    <message>
        <source>Delete the selected tasks</source>
        <translation>Xoá các nhiệm vụ đã chọn</translation>
    </message>
    <message>
        <source>Save the task being edited</source>
        <translation>Lưu nhiệm vụ đang sửa</translation>
    </message>
    <message>
        <source>Edit the cell</source>
        <translation>Sửa ô đang chọn</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Phím tắt</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Thao tác</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Phím</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>&lt;h3&gt;cdsdesk %1&lt;/h3&gt;&lt;p&gt;Tracking the tasks and indicators of the provincial steering committee for digital transformation: status history, targets, charts, the review report and the update forms of the agencies — offline.&lt;/p&gt;&lt;p&gt;Database: %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;cdsdesk %1&lt;/h3&gt;&lt;p&gt;Theo dõi nhiệm vụ và chỉ tiêu của Ban Chỉ đạo chuyển đổi số tỉnh: lịch sử trạng thái, mục tiêu, biểu đồ, báo cáo sơ kết và biểu mẫu cập nhật của các cơ quan — không cần mạng.&lt;/p&gt;&lt;p&gt;Cơ sở dữ liệu: %2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About cdsdesk</source>
        <translation>Giới thiệu cdsdesk</translation>
    </message>
    <message>
        <source>Period: %1 · as of %2</source>
        <translation>Kỳ: %1 · tính đến %2</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>CSDL: %1</translation>
    </message>
    <message>
        <source>These files cannot be imported: %1. Drop Excel forms (.xlsx), CSV or data packages.</source>
        <translation>Không nhập được các tệp: %1. Hãy thả biểu mẫu Excel (.xlsx), CSV hoặc gói dữ liệu.</translation>
    </message>
</context>
<context>
    <name>MappingDialog</name>
    <message>
        <source>Column heading</source>
        <translation>Tiêu đề cột</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Cơ quan</translation>
    </message>
    <message>
        <source>Group / area</source>
        <translation>Nhóm / lĩnh vực</translation>
    </message>
    <message>
        <source>Create a new agency with this name</source>
        <translation>Tạo cơ quan mới với tên này</translation>
    </message>
    <message>
        <source>(no area)</source>
        <translation>(không thuộc lĩnh vực)</translation>
    </message>
    <message>
        <source>Match what was not recognised</source>
        <translation>Đối chiếu nội dung chưa nhận ra</translation>
    </message>
    <message>
        <source>cdsdesk did not recognise some of the sheet&apos;s contents. Choose what each one means, then press &lt;i&gt;Import with these choices&lt;/i&gt;. Agencies not in the database are created, unless you choose an existing one.</source>
        <translation>cdsdesk chưa nhận ra một số nội dung trong bảng. Hãy chọn ý nghĩa của từng mục, rồi bấm &lt;i&gt;Nhập với lựa chọn này&lt;/i&gt;. Cơ quan chưa có sẽ được tạo mới, trừ khi bạn chọn một cơ quan đã có.</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Text in the file</source>
        <translation>Nội dung trong tệp</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>Ô</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>Ý nghĩa</translation>
    </message>
    <message>
        <source>— choose a status —</source>
        <translation>— chọn trạng thái —</translation>
    </message>
    <message>
        <source>Import with these choices</source>
        <translation>Nhập với lựa chọn này</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Huỷ</translation>
    </message>
    <message numerus="yes">
        <source>%n status(es) still to choose.</source>
        <translation>
            <numerusform>Còn %n trạng thái chưa chọn.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MeetingDialog</name>
    <message>
        <source>Sửa phiên họp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngày họp:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loại phiên họp:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tên phiên họp:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chủ trì:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ghi chú:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lưu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tên phiên họp không được để trống.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MeetingsView</name>
    <message>
        <source>Sửa phiên họp…</source>
        <extracomment>A task was created from a conclusion (task id).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xóa phiên họp…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xóa phiên họp đang chọn cùng các kết luận của nó (có thể hoàn tác)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ghi phiên họp mới</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngày họp:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loại phiên họp:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ví dụ: Phiên họp quý III/2024 của Ban Chỉ đạo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tên phiên họp:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chủ trì:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kết luận chung, ghi chú (không bắt buộc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ghi chú:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ghi phiên họp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Giao thành nhiệm vụ…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tạo nhiệm vụ từ kết luận đang chọn, giao cho cơ quan với thời hạn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sửa kết luận…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xóa kết luận…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thêm kết luận, chỉ đạo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ví dụ: Sở Kế hoạch và Đầu tư trình đề án trong tháng 7/2024</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nội dung:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cơ quan thực hiện:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>có thời hạn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thời hạn:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thêm kết luận</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(chưa giao cơ quan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chưa có phiên họp nào — hãy ghi phiên họp ở bên trái.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã ghi phiên họp: {t}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã thêm kết luận số {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã giao nhiệm vụ {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sửa phiên họp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã sửa phiên họp: {t}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sửa kết luận số {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã sửa kết luận số {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xác nhận xóa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xóa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Không xóa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xóa phiên họp «{t}» ngày {d} cùng {n} kết luận của nó? Các nhiệm vụ đã giao từ các kết luận vẫn được giữ. Có thể hoàn tác (Ctrl+Z).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xóa phiên họp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã xóa phiên họp: {t} (Ctrl+Z để hoàn tác)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xóa kết luận số {n}? Các nhiệm vụ đã giao từ kết luận này vẫn được giữ. Có thể hoàn tác (Ctrl+Z).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xóa kết luận số {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã xóa kết luận số {n} (Ctrl+Z để hoàn tác)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Something went wrong: {error}</source>
        <extracomment>Boxes without a parent window are kept alive here until closed.</extracomment>
        <translation>Đã xảy ra lỗi: {error}</translation>
    </message>
    <message>
        <source>An unexpected error occurred: {error}

Your data has not been changed by the failed operation. The details were written to {log}.</source>
        <translation>Đã xảy ra lỗi ngoài dự kiến: {error}

Thao tác lỗi không làm thay đổi dữ liệu. Chi tiết đã được ghi vào {log}.</translation>
    </message>
</context>
<context>
    <name>PeriodSelector</name>
    <message>
        <source>Period:</source>
        <translation>Kỳ báo cáo:</translation>
    </message>
    <message>
        <source>The reporting period every view shows</source>
        <translation>Kỳ báo cáo mà mọi màn hình hiển thị</translation>
    </message>
    <message>
        <source>As of:</source>
        <translation>Tính đến:</translation>
    </message>
    <message>
        <source>Statuses and counts as they stood on this day</source>
        <translation>Trạng thái và số liệu tại ngày này</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>%1 is not available in this version.</source>
        <translation>Chức năng «%1» chưa có trong phiên bản này.</translation>
    </message>
</context>
<context>
    <name>RefreshingView</name>
    <message>
        <source>Không thực hiện được</source>
        <extracomment>Set by the window on the page it opens with: the first show reads only what the first paint needs (``refresh_quick``), the rest follows once the window is on screen (``refresh_after_paint``), off the GUI thread where it is slow.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusUpdateDialog</name>
    <message>
        <source>Update status</source>
        <translation>Cập nhật trạng thái</translation>
    </message>
    <message numerus="yes">
        <source>New status for %n selected task(s)</source>
        <translation>
            <numerusform>Trạng thái mới cho %n nhiệm vụ đã chọn</numerusform>
        </translation>
    </message>
    <message>
        <source>What was done, what is in the way, what is needed…</source>
        <translation>Đã làm gì, vướng mắc gì, cần hỗ trợ gì…</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Trạng thái:</translation>
    </message>
    <message>
        <source>Progress:</source>
        <translation>Tiến độ:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Ghi chú:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Ngày:</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Ghi nhận</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Huỷ</translation>
    </message>
</context>
<context>
    <name>TaskDetailPane</name>
    <message>
        <source>Update status…</source>
        <translation>Cập nhật trạng thái…</translation>
    </message>
    <message>
        <source>(no plan)</source>
        <translation>(không thuộc kế hoạch)</translation>
    </message>
    <message>
        <source>(no area)</source>
        <translation>(không thuộc lĩnh vực)</translation>
    </message>
    <message>
        <source>(no lead agency)</source>
        <translation>(chưa có cơ quan chủ trì)</translation>
    </message>
    <message>
        <source>(not from a meeting)</source>
        <translation>(không từ kết luận phiên họp)</translation>
    </message>
    <message>
        <source>Carried out routinely</source>
        <translation>Thực hiện thường xuyên</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Thấp</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Bình thường</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Cao</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Khẩn</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>Mã:</translation>
    </message>
    <message>
        <source>Task:</source>
        <translation>Nhiệm vụ:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Mô tả:</translation>
    </message>
    <message>
        <source>Expected result:</source>
        <translation>Sản phẩm đầu ra:</translation>
    </message>
    <message>
        <source>Plan:</source>
        <translation>Kế hoạch:</translation>
    </message>
    <message>
        <source>Area:</source>
        <translation>Lĩnh vực:</translation>
    </message>
    <message>
        <source>Lead agency:</source>
        <translation>Chủ trì:</translation>
    </message>
    <message>
        <source>Cooperating:</source>
        <translation>Phối hợp:</translation>
    </message>
    <message>
        <source>Focal person:</source>
        <translation>Đầu mối:</translation>
    </message>
    <message>
        <source>Start date:</source>
        <translation>Ngày bắt đầu:</translation>
    </message>
    <message>
        <source>Deadline:</source>
        <translation>Thời hạn:</translation>
    </message>
    <message>
        <source>Priority:</source>
        <translation>Ưu tiên:</translation>
    </message>
    <message>
        <source>From directive:</source>
        <translation>Theo kết luận:</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Bỏ thay đổi</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Lịch sử</translation>
    </message>
    <message>
        <source>Select a task to see and edit its details.</source>
        <translation>Chọn một nhiệm vụ để xem và sửa chi tiết.</translation>
    </message>
    <message>
        <source>Now: %1 — on %2: %3</source>
        <translation>Hiện tại: %1 — ngày %2: %3</translation>
    </message>
    <message numerus="yes">
        <source>History (%n)</source>
        <translation>
            <numerusform>Lịch sử (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>(none — click to choose)</source>
        <translation>(chưa có — bấm để chọn)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Có thay đổi chưa lưu</translation>
    </message>
    <message>
        <source>Edit task %1</source>
        <translation>Sửa nhiệm vụ %1</translation>
    </message>
</context>
<context>
    <name>TaskFilterBar</name>
    <message>
        <source>Search code, task, agency, result… (Ctrl+F)</source>
        <extracomment>Deadline windows of the filter bar.</extracomment>
        <translation>Tìm mã, nhiệm vụ, cơ quan, sản phẩm… (Ctrl+F)</translation>
    </message>
    <message>
        <source>All plans</source>
        <translation>Tất cả kế hoạch</translation>
    </message>
    <message>
        <source>All agencies</source>
        <translation>Tất cả cơ quan</translation>
    </message>
    <message>
        <source>All areas</source>
        <translation>Tất cả lĩnh vực</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Tất cả trạng thái</translation>
    </message>
    <message>
        <source>Completed (both kinds)</source>
        <translation>Hoàn thành (cả thường xuyên)</translation>
    </message>
    <message>
        <source>Not completed</source>
        <translation>Chưa hoàn thành</translation>
    </message>
    <message>
        <source>Any deadline</source>
        <translation>Mọi thời hạn</translation>
    </message>
    <message>
        <source>Deadline in the reporting period</source>
        <translation>Thời hạn trong kỳ báo cáo</translation>
    </message>
    <message>
        <source>Due in the next 7 days</source>
        <translation>Đến hạn trong 7 ngày tới</translation>
    </message>
    <message>
        <source>Due in the next 30 days</source>
        <translation>Đến hạn trong 30 ngày tới</translation>
    </message>
    <message>
        <source>No deadline</source>
        <translation>Không có thời hạn</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>Chỉ quá hạn</translation>
    </message>
    <message>
        <source>Deleted tasks</source>
        <translation>Đã xoá</translation>
    </message>
    <message>
        <source>Show the deleted tasks, to restore them</source>
        <translation>Hiện các nhiệm vụ đã xoá để khôi phục</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Bỏ lọc</translation>
    </message>
</context>
<context>
    <name>TaskTableModel</name>
    <message>
        <source>Code</source>
        <extracomment>The sort key of a cell (used by ``sort`` and by anyone who wants to order like the model). The task id of a row. The status key (``in_progress`` …) of a row. Background and text colours of each status (light tints readable in both themes&apos; tables). (shown rows, all rows) after every filter or reload. Every id in ascending order of a column (ties in code order), made once per column until the data changes: a click on a header is then a reversal or a lookup. The folded search text of each id in ``_order`` order, for one pass over all rows. Folded query → the ids (in ``_order`` order) whose search text holds every word; a query that extends the last one narrows its result instead of reading all rows. Task id → rank of its title in collation order (read in the background after a load). Task id → its display strings (``_display_row``), until the rows are read again. Lead agency id → rank of its name in collation order.</extracomment>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Nhiệm vụ</translation>
    </message>
    <message>
        <source>Lead agency</source>
        <translation>Cơ quan chủ trì</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Thời hạn</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Tiến độ</translation>
    </message>
    <message>
        <source>Last update</source>
        <translation>Cập nhật</translation>
    </message>
    <message numerus="yes">
        <source>Overdue by %n day(s)</source>
        <translation>
            <numerusform>Quá hạn %n ngày</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Due in %n day(s)</source>
        <translation>
            <numerusform>Còn %n ngày đến hạn</numerusform>
        </translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>quá hạn</translation>
    </message>
</context>
<context>
    <name>TasksView</name>
    <message>
        <source>New task</source>
        <translation>Nhiệm vụ mới</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Nhân bản</translation>
    </message>
    <message>
        <source>Update status…</source>
        <translation>Cập nhật trạng thái…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xoá</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Khôi phục</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Tiến độ</translation>
    </message>
    <message>
        <source>Last update</source>
        <translation>Cập nhật</translation>
    </message>
    <message>
        <source>%1 tasks</source>
        <translation>%1 nhiệm vụ</translation>
    </message>
    <message>
        <source>%1 of %2 tasks</source>
        <translation>%1 / %2 nhiệm vụ</translation>
    </message>
    <message>
        <source>Status of %1: %2</source>
        <translation>Trạng thái %1: %2</translation>
    </message>
    <message>
        <source>Edit task %1</source>
        <translation>Sửa nhiệm vụ %1</translation>
    </message>
    <message>
        <source>Duplicate %1</source>
        <translation>Nhân bản %1</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n task(s)</source>
        <translation>
            <numerusform>Xoá %n nhiệm vụ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n task(s). Undo with Ctrl+Z, or restore them from &quot;Deleted tasks&quot;.</source>
        <translation>
            <numerusform>Đã xoá %n nhiệm vụ. Hoàn tác bằng Ctrl+Z hoặc khôi phục trong «Đã xoá».</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restore %n task(s)</source>
        <translation>
            <numerusform>Khôi phục %n nhiệm vụ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restored %n task(s).</source>
        <translation>
            <numerusform>Đã khôi phục %n nhiệm vụ.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Status of %n task(s): %1</source>
        <translation>
            <numerusform>Trạng thái %n nhiệm vụ: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tile</name>
    <message>
        <source>{label}: {n} — nhấn để xem danh sách</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ValueGridModel</name>
    <message>
        <source>Toàn tỉnh</source>
        <extracomment>How many periods of the current kind, up to the current one, the grid always offers. The reason a typed value was refused (in the user&apos;s language). A value was accepted and written (indicator id, agency id, period code).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nhập bởi {who} lúc {at}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <source>Cancel</source>
        <extracomment>Work that ends sooner than this shows no dialog at all.</extracomment>
        <translation>Huỷ</translation>
    </message>
</context>
</TS>
