"""Kế hoạch chuyển đổi số năm 2024 of the demo province: the rows of the secretariat's tracking
sheet (samples/theo-doi-nhiem-vu-2024.xlsx, status at the six-month review) with their history
through the year, more tasks of the same plan, and the tasks the committee's meetings created.
Each event is (date, status, progress, note); the entry that hands the task out is added by the
builder on the task's start date."""

from __future__ import annotations

from .catalogue_da06 import DISTRICT_PLACES

PLAN_DATE = "2024-03-05"
IP, DONE, DR, NS, BL = "in_progress", "done", "done_routine", "not_started", "blocked"
ALL_DEPTS = "Các sở, ban, ngành"
ALL_DISTRICTS = "UBND các huyện, thành phố"

COMMUNES = {"H-TP": 15, "H-LB": 8, "H-NH": 12, "H-CH": 26, "H-HY": 18, "H-YS": 28, "H-SD": 31}
# district → (day the unit was set up, done on)
_CNSCD_DONE = {"H-TP": "2024-03-15", "H-SD": "2024-03-20", "H-YS": "2024-03-22", "H-HY": "2024-03-27",
               "H-CH": "2024-03-29", "H-NH": "2024-04-12", "H-LB": "2024-04-08"}


def _t(title, lead, coop, area, deadline, product, events, *, recurring=False, start=None,
       coop_text="", directive=None, note=""):
    return dict(title=title, lead=lead, coop=coop, area=area, deadline=deadline, product=product,
                events=events, recurring=recurring, start=start or PLAN_DATE, coop_text=coop_text,
                directive=directive, note=note)


def tasks() -> list[dict]:
    out = [
        _t("Tuyên truyền nâng cao nhận thức về chuyển đổi số trên Báo Tuyên Quang, Đài PT-TH tỉnh", "STTTT",
           ["BAOTQ", "DAIPTTH"], "NTS", "2024-12-31", "Chuyên trang, chuyên mục", [
               ("2024-03-20", IP, 50, "Đã phối hợp mở chuyên mục Chuyển đổi số hằng tuần"),
               ("2024-05-15", DR, 100, "Hoàn thành, chuyển sang thực hiện thường xuyên"),
               ("2024-06-28", DR, 100, "Đã đăng 126 tin, bài; duy trì chuyên mục CĐS hằng tuần"),
               ("2024-12-20", DR, 100, "Cả năm đã đăng 248 tin, bài")], recurring=True),
        _t("Tổ chức các hoạt động hưởng ứng Ngày Chuyển đổi số quốc gia 10/10", "STTTT", [], "NTS",
           "2024-10-10", "Kế hoạch; báo cáo kết quả", [
               ("2024-06-20", IP, 20, "Đã ban hành Kế hoạch số 145/KH-UBND"),
               ("2024-09-25", IP, 70, "Đã tổ chức tuần lễ chuyển đổi số tại 7/7 huyện, thành phố"),
               ("2024-10-15", DONE, 100, "Đã tổ chức hưởng ứng Ngày Chuyển đổi số quốc gia 10/10/2024")],
           coop_text=f"{ALL_DEPTS}; {ALL_DISTRICTS}"),
        _t('Vận hành trang Zalo OA "Chính quyền số tỉnh Tuyên Quang"', "STTTT", [], "NTS", "2024-12-31",
           "Trang Zalo OA", [
               ("2024-03-15", DR, 100, "Duy trì vận hành trang Zalo OA"),
               ("2024-06-28", DR, 100, "4.350 lượt người quan tâm"),
               ("2024-12-20", DR, 100, "6.040 lượt người quan tâm")], recurring=True),
        _t("Ban hành Kế hoạch chuyển đổi số năm 2024 của tỉnh", "STTTT", [], "TCS", "2024-03-31",
           "Kế hoạch của UBND tỉnh", [
               ("2024-02-02", IP, 40, "Đã xây dựng dự thảo, đang lấy ý kiến các sở, ngành"),
               ("2024-03-05", DONE, 100, "Kế hoạch số 28/KH-UBND ngày 05/3/2024")],
           start="2024-01-18", coop_text=ALL_DEPTS, directive=("2024-01-18", 1)),
        _t("Xây dựng Quy chế quản lý, kết nối, chia sẻ dữ liệu số của tỉnh", "STTTT", ["VPUB", "STP"], "TCS",
           "2024-06-30", "Quyết định của UBND tỉnh", [
               ("2024-04-10", IP, 20, "Đang xây dựng dự thảo Quy chế"),
               ("2024-06-25", IP, 50, "Đang lấy ý kiến các sở, ngành; chậm so với kế hoạch"),
               ("2024-08-15", IP, 80, "Đã gửi Sở Tư pháp thẩm định"),
               ("2024-09-20", DONE, 100, "Đã ban hành Quyết định ban hành Quy chế")]),
        _t("Ban hành danh mục cơ sở dữ liệu dùng chung của tỉnh", "VPUB", ["STTTT"], "TCS", "2024-09-30",
           "Quyết định ban hành danh mục", [
               ("2024-05-10", NS, 0, "Chưa thực hiện, chờ hướng dẫn của Bộ TT&TT về danh mục cơ sở dữ liệu"),
               ("2024-08-20", IP, 30, "Bộ TT&TT đã có hướng dẫn; đang rà soát danh mục"),
               ("2024-11-25", IP, 60, "Đang lấy ý kiến các sở, ngành về dự thảo danh mục")]),
        _t("Phát triển hạ tầng cáp quang đến 100% thôn, bản", "STTTT", ["VIETTEL", "VNPT"], "HTS", "2024-12-31",
           "Tỷ lệ thôn có cáp quang", [
               ("2024-03-25", IP, 40, "Đạt 95,2% thôn, bản"),
               ("2024-06-28", IP, 60, "Đạt 96,8% thôn, bản"),
               ("2024-09-27", IP, 75, "Đạt 97,9% thôn, bản"),
               ("2024-12-27", IP, 90, "Đạt 98,9% thôn, bản; còn 19 thôn chưa có cáp quang")]),
        _t("Nâng cấp Trung tâm tích hợp dữ liệu của tỉnh", "STTTT", ["STC"], "HTS", "2024-12-31",
           "Trung tâm dữ liệu được nâng cấp", [
               ("2024-04-22", IP, 20, "Đang xây dựng chủ trương đầu tư"),
               ("2024-06-24", IP, 30, "Đã phê duyệt chủ trương đầu tư"),
               ("2024-10-30", IP, 50, "Đang lựa chọn nhà thầu"),
               ("2024-12-26", IP, 60, "Đã ký hợp đồng, đang lắp đặt thiết bị")]),
        _t("Xóa vùng lõm sóng di động tại các xã vùng sâu, vùng xa", "STTTT", ["VIETTEL", "VNPT", "MOBIFONE"],
           "HTS", "2024-12-31", "Số điểm lõm sóng được xử lý", [
               ("2024-04-15", IP, 40, "Đã xử lý 12/25 điểm"),
               ("2024-06-27", IP, 70, "Đã xử lý 18/25 điểm"),
               ("2024-09-26", IP, 85, "Đã xử lý 22/25 điểm"),
               ("2024-12-18", DONE, 100, "Đã xử lý 25/25 điểm lõm sóng")],
           coop_text="Các doanh nghiệp viễn thông"),
        _t("Tập huấn kỹ năng số cho cán bộ, công chức, viên chức", "SNV", ["STTTT"], "NLS", "2024-09-30",
           "Số lượt cán bộ được tập huấn", [
               ("2024-04-05", IP, 30, "Đã tập huấn 420 lượt"),
               ("2024-06-28", IP, 60, "Đã tập huấn 1.250 lượt"),
               ("2024-09-27", DONE, 100, "Đã tập huấn 1.870 lượt, hoàn thành kế hoạch")]),
    ]
    for d, place in DISTRICT_PLACES.items():
        n = COMMUNES[d]
        out.append(_t(f"Kiện toàn Tổ công nghệ số cộng đồng tại 100% xã, phường, thị trấn - {place}", d,
                      ["STTTT"], "NLS", "2024-03-31", "Quyết định thành lập tổ", [
                          ("2024-03-08", IP, 40, f"Đang rà soát, kiện toàn tổ tại {n} xã, phường, thị trấn"),
                          (_CNSCD_DONE[d], DONE, 100, f"Đã kiện toàn {n}/{n} xã, phường, thị trấn")],
                      note="Bảng theo dõi giao chung cho UBND các huyện, thành phố (138/138 xã, phường, thị trấn)"))
    out += [
        _t("Triển khai giám sát an toàn thông tin theo mô hình 4 lớp", "STTTT", ["CA"], "ATTT", "2024-12-31",
           "Hệ thống được giám sát", [
               ("2024-03-20", DR, 100, "Duy trì giám sát theo mô hình 4 lớp"),
               ("2024-09-30", DR, 100, "Tiếp tục thực hiện thường xuyên")], recurring=True),
        _t("Diễn tập ứng cứu sự cố an toàn thông tin mạng cấp tỉnh", "STTTT", ["CA", "BCHQS"], "ATTT",
           "2024-11-15", "Báo cáo kết quả diễn tập", [
               ("2024-06-28", NS, 0, "Chưa triển khai, dự kiến tổ chức trong quý IV"),
               ("2024-10-10", IP, 40, "Đã xây dựng kịch bản diễn tập"),
               ("2024-11-14", DONE, 100, "Đã tổ chức diễn tập ứng cứu sự cố cấp tỉnh")]),
        _t("Cung cấp dịch vụ công trực tuyến toàn trình đối với các thủ tục đủ điều kiện", "VPUB", [], "CQS",
           "2024-06-30", "Danh mục dịch vụ công trực tuyến toàn trình", [
               ("2024-04-12", IP, 30, "Tỷ lệ hồ sơ trực tuyến toàn trình đạt 12,8%"),
               ("2024-06-28", IP, 50, "Tỷ lệ hồ sơ trực tuyến toàn trình đạt 17%"),
               ("2024-09-30", IP, 70, "Tỷ lệ hồ sơ trực tuyến toàn trình đạt 24,6%"),
               ("2024-12-30", IP, 90, "Đạt 31,2%; một số thủ tục chưa đủ điều kiện cung cấp toàn trình")],
           coop_text=ALL_DEPTS),
        _t("Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", "VPUB", ["TTPVHCC"], "CQS", "2024-12-31",
           "Tỷ lệ hồ sơ được số hóa", [
               ("2024-04-10", IP, 40, "Tỷ lệ số hóa hồ sơ đạt 50,3%"),
               ("2024-06-28", IP, 55, "Tỷ lệ số hóa hồ sơ đạt 61%"),
               ("2024-12-27", IP, 85, "Tỷ lệ số hóa hồ sơ đạt 76%")],
           coop_text=f"{ALL_DEPTS}; {ALL_DISTRICTS}"),
        _t("Kết nối, chia sẻ dữ liệu với Cơ sở dữ liệu quốc gia về dân cư", "CA", ["STTTT"], "CQS", "2024-06-30",
           "Hệ thống được kết nối", [
               ("2024-03-25", IP, 50, "Đang kiểm thử kết nối"),
               ("2024-05-20", DONE, 100, "Đã kết nối, khai thác dữ liệu dân cư trên Hệ thống giải quyết TTHC")],
           note="Nhiệm vụ thuộc Đề án 06"),
        _t("Hỗ trợ doanh nghiệp nhỏ và vừa chuyển đổi số qua nền tảng SMEdx", "SKHDT", ["STTTT"], "KTS",
           "2024-12-31", "Số doanh nghiệp được hỗ trợ", [
               ("2024-04-18", IP, 30, "Đã giới thiệu nền tảng cho 320 doanh nghiệp"),
               ("2024-06-28", IP, 60, "Trên 30% DNNVV sử dụng nền tảng số"),
               ("2024-12-24", DONE, 100, "33,8% doanh nghiệp nhỏ và vừa sử dụng nền tảng số")]),
        _t("Đưa sản phẩm OCOP lên sàn thương mại điện tử", "SCT", ["SNN"], "KTS", "2024-12-31",
           "Số sản phẩm trên sàn", [
               ("2024-05-06", IP, 30, "Đã đưa 68 sản phẩm OCOP lên sàn"),
               ("2024-06-26", IP, 45, "Đã đưa 95 sản phẩm OCOP lên sàn"),
               ("2024-11-29", IP, 80, "Đã đưa 142 sản phẩm OCOP lên sàn thương mại điện tử")]),
        _t("Thanh toán không dùng tiền mặt tại trường học, bệnh viện", "NHNN", ["SYT", "SGDDT"], "XHS",
           "2024-12-31", "Tỷ lệ đơn vị thanh toán không dùng tiền mặt", [
               ("2024-04-20", IP, 40, "85% bệnh viện, 70% trường học đã triển khai"),
               ("2024-06-27", IP, 60, "100% bệnh viện, 82% trường học đã triển khai"),
               ("2024-12-16", DONE, 100, "100% bệnh viện công lập và 96% trường học thu không dùng tiền mặt")]),
        _t("Triển khai sổ sức khỏe điện tử tích hợp trên VNeID", "SYT", ["CA"], "XHS", "2024-09-30",
           "Số người dân có sổ sức khỏe điện tử", [
               ("2024-04-25", IP, 10, "Đang rà soát dữ liệu khám, chữa bệnh"),
               ("2024-06-20", BL, 10, "Chờ hướng dẫn của Bộ Y tế về chuẩn dữ liệu sổ sức khỏe điện tử"),
               ("2024-10-18", IP, 40, "Bộ Y tế đã ban hành hướng dẫn; đang đồng bộ dữ liệu")]),
        # More tasks of the same plan.
        _t("Đánh giá mức độ chuyển đổi số (DTI) cấp sở, cấp huyện năm 2024", "STTTT", [], "TCS", "2024-08-31",
           "Quyết định công bố kết quả DTI", [
               ("2024-04-15", IP, 30, "Đã ban hành hướng dẫn tự đánh giá"),
               ("2024-07-30", IP, 80, "Đang thẩm định kết quả tự đánh giá"),
               ("2024-08-28", DONE, 100, "Đã công bố kết quả DTI năm 2023")]),
        _t("Triển khai nền tảng họp trực tuyến đến 100% UBND cấp xã", "STTTT", [], "HTS", "2024-06-30",
           "Điểm cầu trực tuyến cấp xã", [
               ("2024-03-28", IP, 60, "Đã triển khai tại 118/138 xã"),
               ("2024-06-14", DONE, 100, "Đã triển khai tại 138/138 xã")],
           coop_text=ALL_DISTRICTS),
        _t("Nâng cấp phần mềm quản lý văn bản và hồ sơ công việc liên thông bốn cấp", "STTTT", ["VPUB"], "CQS",
           "2024-09-30", "Phần mềm được nâng cấp", [
               ("2024-04-10", IP, 30, "Đã khảo sát yêu cầu"),
               ("2024-07-25", IP, 70, "Đang chạy thử tại 5 sở"),
               ("2024-09-24", DONE, 100, "Đã đưa vào sử dụng chính thức")]),
        _t("Xây dựng cơ sở dữ liệu mã số vùng trồng, vùng nuôi", "SNN", ["STTTT"], "KTS", "2024-10-31",
           "Cơ sở dữ liệu ngành nông nghiệp", [
               ("2024-05-15", IP, 20, "Đang thu thập dữ liệu vùng trồng"),
               ("2024-08-20", IP, 40, "Đã cập nhật 112 mã số vùng trồng"),
               ("2024-10-28", IP, 55, "Chậm do thiếu nhân lực nhập liệu tại các huyện")]),
        _t("Số hóa di tích, triển khai thuyết minh tự động bằng mã QR tại các điểm du lịch", "SVHTTDL", [],
           "KTS", "2024-11-30", "Mã QR thuyết minh tại các di tích", [
               ("2024-04-22", IP, 20, "Đã lựa chọn 30 di tích"),
               ("2024-07-15", IP, 50, "Đã số hóa 16 di tích"),
               ("2024-11-20", DONE, 100, "Đã triển khai tại 30 di tích")]),
        _t("Triển khai bệnh án điện tử tại Bệnh viện Đa khoa tỉnh", "SYT", [], "XHS", "2024-06-15",
           "Bệnh án điện tử", [
               ("2024-03-20", IP, 30, "Đã ký hợp đồng triển khai"),
               ("2024-06-18", IP, 55, "Đang chạy thử tại 8 khoa"),
               ("2024-09-25", IP, 80, "Đã thẩm định hồ sơ bệnh án điện tử"),
               ("2024-12-23", DONE, 100, "Đã công bố triển khai bệnh án điện tử")]),
        _t("Tuyển dụng, bồi dưỡng nhân lực chuyên trách chuyển đổi số cho các sở, ngành", "SNV", ["STTTT"],
           "NLS", "2024-05-31", "Danh sách nhân lực chuyên trách", [
               ("2024-05-10", IP, 20, "Đang rà soát nhu cầu của các sở, ngành"),
               ("2024-10-15", IP, 50, "Đã bồi dưỡng 45 cán bộ chuyên trách"),
               ("2024-12-28", IP, 60, "Chưa tuyển dụng được do thiếu chỉ tiêu biên chế")]),
        _t("Lắp đặt camera giám sát giao thông, an ninh trật tự tại thành phố Tuyên Quang", "CA", ["H-TP"],
           "HTS", "2024-10-31", "Hệ thống camera được kết nối với IOC", [
               ("2024-04-02", IP, 20, "Đang khảo sát vị trí lắp đặt"),
               ("2024-06-24", BL, 20, "Vướng mắc về kinh phí đầu tư, chờ Sở Tài chính thẩm định"),
               ("2024-09-10", IP, 40, "Đã bố trí kinh phí"),
               ("2024-10-30", IP, 60, "Đã lắp đặt 64/120 camera")]),
        _t("Phổ cập kỹ năng số cho người dân qua nền tảng học trực tuyến mở đại trà", "STTTT", ["SGDDT"], "NLS",
           "2024-12-31", "Số người dân tham gia học", [
               ("2024-04-05", IP, 50, "Đã hướng dẫn các huyện triển khai"),
               ("2024-06-10", DR, 100, "Hoàn thành, chuyển sang thực hiện thường xuyên")], recurring=True),
        _t("Triển khai hóa đơn điện tử khởi tạo từ máy tính tiền cho hộ kinh doanh", "CTHUE", [], "KTS",
           "2024-09-30", "Số hộ kinh doanh sử dụng", [
               ("2024-03-25", IP, 30, "Đã tuyên truyền tới 1.200 hộ kinh doanh"),
               ("2024-06-25", IP, 60, "Đã có 780 hộ kinh doanh sử dụng"),
               ("2024-09-18", DONE, 100, "Đã có 1.150 hộ kinh doanh sử dụng")]),
        _t("Bảo đảm an toàn thông tin cho Cổng thông tin điện tử và hệ thống thư điện tử của tỉnh", "STTTT",
           ["CA"], "ATTT", "2024-12-31", "Báo cáo giám sát", [
               ("2024-03-12", DR, 100, "Thực hiện thường xuyên")], recurring=True),
        _t("Tổ chức Hội nghị sơ kết 6 tháng đầu năm 2024 về chuyển đổi số", "STTTT", ["VPUB"], "NTS",
           "2024-07-15", "Báo cáo sơ kết", [
               ("2024-06-25", IP, 50, "Đang tổng hợp báo cáo sơ kết"),
               ("2024-07-10", DONE, 100, "Đã tổ chức Hội nghị ngày 10/7/2024")]),
        _t("Xây dựng mô hình xã nông thôn mới thông minh tại xã Tân Trào", "H-SD", ["SNN", "STTTT"], "XHS",
           "2024-12-31", "Xã nông thôn mới thông minh", [
               ("2024-05-20", IP, 20, "Đã xây dựng kế hoạch"),
               ("2024-09-15", IP, 45, "Đã triển khai wifi công cộng, camera an ninh"),
               ("2024-12-20", IP, 70, "Đang hoàn thiện các tiêu chí")]),
        _t("Triển khai các dịch vụ giám sát, điều hành thông minh trên Trung tâm IOC", "STTTT", ["VPUB"], "CQS",
           "2024-12-31", "Các dịch vụ IOC vận hành", [
               ("2024-03-30", IP, 20, "Đang xây dựng dự án"),
               ("2024-06-28", IP, 35, "Đã phê duyệt dự án"),
               ("2024-12-20", IP, 70, "Đã vận hành thử 4 dịch vụ")]),
        # Tasks created by the conclusions of the six-month review of 10 July 2024.
        _t("Rà soát, đôn đốc các nhiệm vụ Đề án 06 còn chậm tiến độ", "CA", ["VPUB"], "CQS", "2024-09-30",
           "Báo cáo rà soát", [
               ("2024-08-15", IP, 50, "Đã lập danh sách nhiệm vụ chậm tiến độ, gửi các đơn vị"),
               ("2024-09-30", DONE, 100, "Đã báo cáo kết quả rà soát")],
           start="2024-07-10", directive=("2024-07-10", 1)),
        _t("Nâng tỷ lệ hồ sơ trực tuyến toàn trình của tỉnh lên trên 30%", "VPUB", ["STTTT"], "CQS",
           "2024-12-31", "Tỷ lệ hồ sơ trực tuyến toàn trình", [
               ("2024-09-30", IP, 60, "Đạt 24,6%"),
               ("2024-12-30", DONE, 100, "Đạt 31,2%")],
           start="2024-07-10", directive=("2024-07-10", 2)),
        _t("Xây dựng kịch bản điều hành dựa trên dữ liệu cho Trung tâm IOC", "STTTT", ["VPUB"], "CQS",
           "2024-10-31", "Kịch bản điều hành", [
               ("2024-08-30", IP, 30, "Đang làm việc với các sở về nguồn dữ liệu"),
               ("2024-10-31", IP, 60, "Đã xây dựng 3 kịch bản, đang hoàn thiện")],
           start="2024-07-10", directive=("2024-07-10", 3)),
        _t("Đề xuất cơ chế hỗ trợ cán bộ chuyên trách công nghệ thông tin, chuyển đổi số", "SNV", ["STC"],
           "NLS", "2024-09-30", "Dự thảo Nghị quyết của HĐND tỉnh", [
               ("2024-09-05", IP, 40, "Đang xây dựng dự thảo"),
               ("2024-10-22", DONE, 100, "Đã trình UBND tỉnh dự thảo Nghị quyết")],
           start="2024-07-10", directive=("2024-07-10", 5)),
    ]
    return out


# Meetings of the committee: (date, kind, title, chair, notes, directives), each directive
# (text, agency, deadline).
MEETINGS: list[tuple] = [
    ("2024-01-18", "yearly", "Hội nghị tổng kết công tác chuyển đổi số năm 2023, triển khai nhiệm vụ năm 2024",
     "Chủ tịch UBND tỉnh, Trưởng Ban Chỉ đạo chuyển đổi số tỉnh",
     "Kế hoạch năm 2023 đặt ra 126 nhiệm vụ, 102 nhiệm vụ đã hoàn thành (81%).", [
         ("Sở Thông tin và Truyền thông tham mưu ban hành Kế hoạch chuyển đổi số năm 2024 trong quý I/2024",
          "STTTT", "2024-03-31"),
         ("Các sở, ngành, UBND các huyện, thành phố hoàn thành dứt điểm các nhiệm vụ năm 2023 còn tồn đọng",
          None, "2024-06-30"),
     ]),
    ("2024-04-12", "quarterly", "Phiên họp quý I/2024 của Ban Chỉ đạo chuyển đổi số tỉnh",
     "Phó Chủ tịch UBND tỉnh, Phó Trưởng ban Thường trực Ban Chỉ đạo",
     "Đánh giá kết quả quý I; các nhiệm vụ Đề án 06 triển khai chậm.", [
         ("Sở Y tế phối hợp Công an tỉnh đẩy nhanh triển khai sổ sức khỏe điện tử trên VNeID", "SYT", "2024-06-30"),
         ("UBND huyện Lâm Bình, huyện Na Hang hoàn thành kiện toàn Tổ công nghệ số cộng đồng trước 15/4/2024",
          None, "2024-04-15"),
     ]),
    ("2024-07-10", "six_month", "Hội nghị sơ kết 6 tháng đầu năm 2024 về chuyển đổi số và Đề án 06",
     "Phó Chủ tịch UBND tỉnh, Phó Trưởng ban Thường trực Ban Chỉ đạo",
     "Đề án 06 năm 2024: 73 nhiệm vụ; hoàn thành và thực hiện thường xuyên 32, đang triển khai 38, "
     "chưa triển khai 3 (chờ hướng dẫn của bộ, ngành Trung ương).", [
         ("Công an tỉnh rà soát, đôn đốc các nhiệm vụ Đề án 06 còn chậm tiến độ, báo cáo trước 30/9/2024",
          "CA", "2024-09-30"),
         ("Văn phòng UBND tỉnh chủ trì nâng tỷ lệ hồ sơ trực tuyến toàn trình của tỉnh lên trên 30% trong năm 2024",
          "VPUB", "2024-12-31"),
         ("Sở Thông tin và Truyền thông xây dựng kịch bản điều hành dựa trên dữ liệu cho Trung tâm IOC",
          "STTTT", "2024-10-31"),
         ("Sở Tài chính bố trí kinh phí cho các nhiệm vụ chuyển đổi số cấp bách năm 2024", "STC", "2024-08-31"),
         ("Sở Nội vụ đề xuất cơ chế hỗ trợ cán bộ chuyên trách công nghệ thông tin, chuyển đổi số",
          "SNV", "2024-09-30"),
     ]),
]
