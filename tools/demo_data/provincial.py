"""The province's own indicators (Kế hoạch chuyển đổi số năm 2024, Đề án 06), with a value for
each district so that charts can compare agencies. Province values marked "công bố" come from
seed 004 and the 2024 tracking sheet; the rest, and every district value, are illustrative."""

from __future__ import annotations

#: How far each district sits from the province's figure (they add up to zero, so the province's
#: value is the mean of the districts' for indicators that average).
DISTRICT_OFFSETS = {"H-TP": 9, "H-SD": 3, "H-YS": 2, "H-HY": 0, "H-CH": -2, "H-NH": -4, "H-LB": -8}
#: Share of each district in counted totals (sum to 1).
DISTRICT_WEIGHTS = {"H-TP": 0.22, "H-SD": 0.18, "H-YS": 0.16, "H-HY": 0.13, "H-CH": 0.14,
                    "H-NH": 0.09, "H-LB": 0.08}

SRC_STTTT = "Báo cáo định kỳ của Sở Thông tin và Truyền thông"
SRC_DVC = "Hệ thống thông tin giải quyết thủ tục hành chính tỉnh Tuyên Quang"
SRC_CA = "Báo cáo của Công an tỉnh (Tổ công tác Đề án 06)"

# dicts: code, plan, area, name, unit, type, dir, agg, source, verifier, values {period: value},
# published {period: note}, spread: "offset" | "weight" | None,
# target (value, date, baseline period, baseline value), district_target (value, date) or None
PROVINCIAL: list[dict] = [
    dict(code="TQ-01", plan="KH-CDS-2024", area="CQS",
         name="Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình của tỉnh", unit="%",
         type="percent", dir="higher", agg="mean", source=SRC_DVC, verifier="VPUB",
         values={"2023": 9.4, "2024Q1": 12.8, "2024S1": 17.0, "2024Q3": 24.6, "2024": 31.2},
         published={"2024S1": "Tỷ lệ hồ sơ trực tuyến toàn trình đạt 17% (bảng theo dõi nhiệm vụ 6 tháng 2024)"},
         spread="offset", target=(30, "2024-12-31", "2023", 9.4), district_target=(30, "2024-12-31")),
    dict(code="TQ-02", plan="KH-CDS-2024", area="NTS",
         name='Số lượt người quan tâm trang Zalo OA "Chính quyền số tỉnh Tuyên Quang"', unit="lượt",
         type="count", dir="higher", agg="none", source="Trang Zalo OA Chính quyền số tỉnh Tuyên Quang",
         verifier="STTTT",
         values={"2023": 2180, "2024Q1": 3120, "2024S1": 4350, "2024Q3": 5210, "2024": 6040},
         published={"2024S1": "4.350 lượt người quan tâm (seed 004, bảng theo dõi nhiệm vụ)"},
         spread=None, target=(5000, "2024-12-31", "2023", 2180), district_target=None),
    dict(code="TQ-03", plan="KH-CDS-2024", area="HTS",
         name="Tỷ lệ cơ quan nhà nước trên địa bàn tỉnh có mạng LAN", unit="%",
         type="percent", dir="higher", agg="none", source=SRC_STTTT, verifier="STTTT",
         values={"2023": 100, "2024S1": 100}, published={"2023": "100% cơ quan nhà nước có mạng LAN (seed 004)"},
         spread=None, target=(100, "2024-12-31", "2022", 96), district_target=None),
    dict(code="TQ-04", plan="KH-CDS-2024", area="HTS",
         name="Tỷ lệ cán bộ, công chức có máy tính kết nối Internet phục vụ công tác", unit="%",
         type="percent", dir="higher", agg="none", source=SRC_STTTT, verifier="SNV",
         values={"2023": 100, "2024S1": 100},
         published={"2023": "100% cán bộ, công chức có máy tính kết nối Internet (seed 004)"},
         spread=None, target=(100, "2024-12-31", "2022", 97), district_target=None),
    dict(code="TQ-05", plan="KH-CDS-2024", area="KTS",
         name="Tỷ lệ doanh nghiệp nhỏ và vừa thường xuyên sử dụng nền tảng số", unit="%",
         type="percent", dir="higher", agg="mean", source="Sở Kế hoạch và Đầu tư, khảo sát doanh nghiệp",
         verifier="SKHDT", values={"2023": 24.5, "2024S1": 30.6, "2024": 33.8},
         published={"2024S1": "Trên 30% doanh nghiệp nhỏ và vừa (seed 004, bảng theo dõi nhiệm vụ)"},
         spread="offset", target=(35, "2024-12-31", "2023", 24.5), district_target=None),
    dict(code="TQ-06", plan="KH-CDS-2024", area="HTS",
         name="Tỷ lệ thôn, bản có hạ tầng cáp quang", unit="%",
         type="percent", dir="higher", agg="mean", source="Viettel Tuyên Quang, VNPT Tuyên Quang", verifier="STTTT",
         values={"2023": 94.1, "2024Q1": 95.2, "2024S1": 96.8, "2024Q3": 97.9, "2024": 98.9},
         published={"2024S1": "Đạt 96,8% thôn, bản (bảng theo dõi nhiệm vụ 6 tháng 2024)"},
         spread="offset", target=(100, "2024-12-31", "2023", 94.1), district_target=None),
    dict(code="TQ-07", plan="KH-CDS-2024", area="NLS",
         name="Số lượt cán bộ, công chức, viên chức được tập huấn kỹ năng số", unit="lượt",
         type="count", dir="higher", agg="sum", source="Sở Nội vụ", verifier="SNV",
         values={"2024Q1": 420, "2024S1": 1250, "2024Q3": 1870, "2024": 2380},
         published={"2024S1": "Đã tập huấn 1.250 lượt (bảng theo dõi nhiệm vụ 6 tháng 2024)"},
         spread="weight", target=(2000, "2024-12-31", "2023", 0), district_target=None),
    dict(code="DA06-01", plan="DA06-2024", area="XHS",
         name="Tỷ lệ công dân từ 14 tuổi trở lên kích hoạt tài khoản định danh điện tử mức 2", unit="%",
         type="percent", dir="higher", agg="mean", source=SRC_CA, verifier="CA",
         values={"2023": 48.5, "2024Q1": 56.2, "2024S1": 63.9, "2024Q3": 68.4, "2024": 71.3},
         published={}, spread="offset", target=(70, "2024-12-31", "2023", 48.5), district_target=(70, "2024-12-31")),
    dict(code="DA06-02", plan="DA06-2024", area="CQS",
         name="Tỷ lệ hồ sơ, kết quả giải quyết thủ tục hành chính được số hóa", unit="%",
         type="percent", dir="higher", agg="mean", source=SRC_DVC, verifier="VPUB",
         values={"2023": 42.0, "2024Q1": 50.3, "2024S1": 61.0, "2024Q3": 69.5, "2024": 76.0},
         published={}, spread="offset", target=(80, "2024-12-31", "2023", 42.0), district_target=None),
    dict(code="DA06-03", plan="DA06-2024", area="XHS",
         name="Tỷ lệ người hưởng chính sách an sinh xã hội nhận chi trả không dùng tiền mặt", unit="%",
         type="percent", dir="higher", agg="mean", source="Sở Lao động - Thương binh và Xã hội", verifier="SLDTBXH",
         values={"2023": 55.0, "2024Q1": 63.5, "2024S1": 74.0, "2024Q3": 81.2, "2024": 86.0},
         published={}, spread="offset", target=(80, "2024-12-31", "2023", 55.0), district_target=None),
]


def district_values(ind: dict) -> dict[str, dict[str, float]]:
    """{district code: {period: value}} spread around the province's figure."""
    out: dict[str, dict[str, float]] = {d: {} for d in DISTRICT_OFFSETS}
    if ind["spread"] == "offset":
        top = max(DISTRICT_OFFSETS.values()) + 1
        for period, p in ind["values"].items():
            scale = min(1.0, (100 - p) / top, p / top)
            for d, o in DISTRICT_OFFSETS.items():
                out[d][period] = round(p + o * scale, 1)
    elif ind["spread"] == "weight":
        for period, p in ind["values"].items():
            codes = list(DISTRICT_WEIGHTS)
            given = 0
            for d in codes[:-1]:
                v = int(round(p * DISTRICT_WEIGHTS[d]))
                out[d][period] = v
                given += v
            out[codes[-1]][period] = int(p) - given
    else:
        return {}
    return out
