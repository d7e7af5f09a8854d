"""Kế hoạch chuyển đổi số năm 2023 of the demo province: 126 tasks (illustrative titles), of
which 102 end the year completed (81%): 80 done, 22 done and carried out routinely."""

from __future__ import annotations

from .catalogue_da06 import DISTRICT_PLACES

AGENCY_NAMES = {
    "STTTT": "Sở Thông tin và Truyền thông", "VPUB": "Văn phòng UBND tỉnh", "CA": "Công an tỉnh",
    "SNV": "Sở Nội vụ", "STC": "Sở Tài chính", "SKHDT": "Sở Kế hoạch và Đầu tư", "SYT": "Sở Y tế",
    "SGDDT": "Sở Giáo dục và Đào tạo", "SCT": "Sở Công Thương",
    "SNN": "Sở Nông nghiệp và Phát triển nông thôn", "STP": "Sở Tư pháp",
    "STNMT": "Sở Tài nguyên và Môi trường", "SGTVT": "Sở Giao thông vận tải",
    "SLDTBXH": "Sở Lao động - Thương binh và Xã hội", "SVHTTDL": "Sở Văn hóa, Thể thao và Du lịch",
    "SKHCN": "Sở Khoa học và Công nghệ", "SXD": "Sở Xây dựng", "BHXH": "Bảo hiểm xã hội tỉnh",
    "CTHUE": "Cục Thuế tỉnh", "KBNN": "Kho bạc Nhà nước tỉnh",
}

# (title template, area, product, routine, cooperators, agencies)
AGENCY_THEMES: list[tuple] = [
    ("Xây dựng, ban hành Kế hoạch chuyển đổi số năm 2023 của {name}", "TCS",
     "Kế hoạch chuyển đổi số năm 2023 của đơn vị", False, ["STTTT"], list(AGENCY_NAMES)),
    ("Số hóa hồ sơ, tài liệu lưu trữ của {name}", "CQS", "Tài liệu lưu trữ được số hóa", False, ["SNV"],
     ["STNMT", "STP", "SXD", "SKHDT", "SYT", "SGDDT", "SLDTBXH", "SNN", "SCT", "SGTVT"]),
    ("Xây dựng hồ sơ đề xuất cấp độ an toàn thông tin cho các hệ thống thông tin của {name}", "ATTT",
     "Hồ sơ cấp độ được phê duyệt", False, ["STTTT"],
     ["VPUB", "SYT", "SGDDT", "STNMT", "SKHDT", "BHXH", "STC", "SNV", "STP", "SXD", "SGTVT", "SLDTBXH"]),
    ("Cập nhật, công khai thủ tục hành chính, dịch vụ công trực tuyến của {name} trên Cổng dịch vụ công",
     "CQS", "Thủ tục được công khai, cập nhật", True, ["VPUB"],
     ["SYT", "SGDDT", "STNMT", "SKHDT", "SLDTBXH", "STP", "SCT", "SXD", "SGTVT", "SNN", "SVHTTDL", "STTTT"]),
]

# (title template, area, product, routine, cooperators) — one task for each district
DISTRICT_THEMES: list[tuple] = [
    ("Xây dựng, ban hành Kế hoạch chuyển đổi số năm 2023 của {place}", "TCS",
     "Kế hoạch chuyển đổi số năm 2023", False, ["STTTT"]),
    ("Kiện toàn, duy trì hoạt động Tổ công nghệ số cộng đồng tại các xã, phường, thị trấn - {place}", "XHS",
     "Tổ công nghệ số cộng đồng hoạt động", True, ["STTTT"]),
    ("Nâng cấp hạ tầng mạng LAN, đường truyền Internet tại UBND các xã - {place}", "HTS",
     "Hạ tầng mạng được nâng cấp", False, ["VNPT", "VIETTEL"]),
    ("Bồi dưỡng kỹ năng số cho cán bộ, công chức cấp xã - {place}", "NLS",
     "Số lượt cán bộ được bồi dưỡng", False, ["SNV"]),
    ("Đưa sản phẩm OCOP của {place} lên sàn thương mại điện tử", "KTS",
     "Sản phẩm OCOP trên sàn thương mại điện tử", False, ["SCT"]),
    ("Lắp đặt hệ thống camera giám sát an ninh, trật tự - {place}", "HTS",
     "Hệ thống camera được kết nối", False, ["CA"]),
]

# (title, lead, cooperators, area, product, routine)
SINGLE_TASKS: list[tuple] = [
    ("Tuyên truyền chuyển đổi số trên Báo Tuyên Quang", "BAOTQ", ["STTTT"], "NTS", "Chuyên mục, tin bài", True),
    ("Sản xuất chuyên mục Chuyển đổi số trên sóng Đài Phát thanh và Truyền hình tỉnh", "DAIPTTH", ["STTTT"],
     "NTS", "Chuyên mục phát sóng hằng tuần", True),
    ('Thiết lập, vận hành trang Zalo OA "Chính quyền số tỉnh Tuyên Quang"', "STTTT", [], "NTS",
     "Trang Zalo OA", True),
    ("Tổ chức các hoạt động hưởng ứng Ngày Chuyển đổi số quốc gia 10/10/2023", "STTTT", [], "NTS",
     "Báo cáo kết quả", False),
    ("Ban hành Kế hoạch chuyển đổi số năm 2023 của tỉnh", "STTTT", ["VPUB"], "TCS", "Kế hoạch của UBND tỉnh", False),
    ("Ban hành Quy chế hoạt động của Ban Chỉ đạo chuyển đổi số tỉnh", "STTTT", ["SNV"], "TCS",
     "Quyết định ban hành quy chế", False),
    ("Xây dựng Đề án phát triển kinh tế số tỉnh Tuyên Quang đến năm 2025", "SKHDT", ["STTTT"], "KTS",
     "Đề án được phê duyệt", False),
    ("Triển khai nền tảng họp trực tuyến đến UBND cấp xã", "STTTT", [], "HTS", "Điểm cầu cấp xã", False),
    ("Nâng cấp Trung tâm tích hợp dữ liệu tỉnh (giai đoạn 1)", "STTTT", ["STC"], "HTS",
     "Trung tâm dữ liệu được nâng cấp", False),
    ("Mở rộng Mạng truyền số liệu chuyên dùng cấp II đến cấp xã", "STTTT", ["VNPT"], "HTS",
     "Các xã được kết nối", False),
    ("Triển khai Nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh (LGSP) phiên bản mới", "STTTT", [], "CQS",
     "Nền tảng LGSP", False),
    ("Kết nối Hệ thống thông tin báo cáo của tỉnh với Hệ thống thông tin báo cáo Chính phủ", "VPUB", ["STTTT"],
     "CQS", "Hệ thống báo cáo được kết nối", False),
    ("Nâng cấp Cổng thông tin điện tử tỉnh", "STTTT", [], "CQS", "Cổng thông tin được nâng cấp", False),
    ("Triển khai phần mềm quản lý văn bản và hồ sơ công việc liên thông bốn cấp", "STTTT", ["VPUB"], "CQS",
     "Phần mềm dùng chung bốn cấp", False),
    ("Triển khai chữ ký số trên thiết bị di động cho lãnh đạo các cơ quan", "STTTT", [], "CQS",
     "Chứng thư số được cấp", False),
    ("Xây dựng Cơ sở dữ liệu đất đai năm 2023", "STNMT", [], "CQS", "Cơ sở dữ liệu đất đai", False),
    ("Xây dựng Cơ sở dữ liệu ngành y tế", "SYT", [], "CQS", "Cơ sở dữ liệu ngành y tế", False),
    ("Triển khai bệnh án điện tử tại Bệnh viện Đa khoa tỉnh", "SYT", [], "XHS", "Bệnh án điện tử", False),
    ("Triển khai hồ sơ sức khỏe điện tử cho người dân", "SYT", ["BHXH"], "XHS", "Hồ sơ sức khỏe điện tử", False),
    ("Triển khai hệ thống quản lý trường học, sổ điểm điện tử", "SGDDT", [], "XHS", "Sổ điểm điện tử", False),
    ("Hỗ trợ doanh nghiệp nhỏ và vừa chuyển đổi số qua Chương trình SMEdx", "SKHDT", ["STTTT"], "KTS",
     "Số doanh nghiệp được hỗ trợ", False),
    ("Phát triển thương mại điện tử, hỗ trợ doanh nghiệp đưa sản phẩm lên sàn", "SCT", [], "KTS",
     "Số doanh nghiệp lên sàn", False),
    ("Xây dựng hệ thống truy xuất nguồn gốc nông sản", "SNN", ["SKHCN"], "KTS", "Hệ thống truy xuất", False),
    ("Triển khai hóa đơn điện tử cho doanh nghiệp, hộ kinh doanh", "CTHUE", [], "KTS", "Hóa đơn điện tử", False),
    ("Số hóa Khu di tích lịch sử quốc gia đặc biệt Tân Trào", "SVHTTDL", ["H-SD"], "XHS",
     "Bản đồ số, thuyết minh tự động", False),
    ("Triển khai Trung tâm giám sát an toàn thông tin tập trung (SOC) của tỉnh", "STTTT", ["CA"], "ATTT",
     "SOC đi vào hoạt động", False),
    ("Tổ chức diễn tập ứng cứu sự cố an toàn thông tin mạng năm 2023", "STTTT", ["CA", "BCHQS"], "ATTT",
     "Báo cáo kết quả diễn tập", False),
    ("Bồi dưỡng kỹ năng chuyển đổi số cho lãnh đạo các sở, ngành, địa phương", "SNV", ["STTTT"], "NLS",
     "Số lượt lãnh đạo được bồi dưỡng", False),
    ("Xây dựng Bộ chỉ số đánh giá mức độ chuyển đổi số (DTI) cấp sở, cấp huyện", "STTTT", [], "TCS",
     "Quyết định ban hành Bộ chỉ số", False),
    ("Chuẩn bị đầu tư Trung tâm giám sát, điều hành thông minh (IOC) của tỉnh", "STTTT", ["SKHDT"], "CQS",
     "Chủ trương đầu tư được phê duyệt", False),
]


def tasks() -> list[dict]:
    out = []
    for title, area, product, routine, coop, agencies in AGENCY_THEMES:
        for a in agencies:
            out.append(dict(title=title.format(name=AGENCY_NAMES[a]), lead=a, coop=list(coop), area=area,
                            product=product, kind="routine" if routine else ""))
    for title, area, product, routine, coop in DISTRICT_THEMES:
        for d, place in DISTRICT_PLACES.items():
            out.append(dict(title=title.format(place=place), lead=d, coop=list(coop), area=area,
                            product=product, kind="routine" if routine else ""))
    for title, lead, coop, area, product, routine in SINGLE_TASKS:
        out.append(dict(title=title, lead=lead, coop=list(coop), area=area, product=product,
                        kind="routine" if routine else ""))
    return out
