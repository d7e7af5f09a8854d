"""Chart data from the database (what the reports render): the same numbers the views show,
built without Qt."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

from cdsdesk.domain.periods import Period
from cdsdesk.services import queries
from cdsdesk.ui.charts import build

pytest_plugins = ["conftest_views"]

AS_OF = dt.date(2024, 6, 30)


def test_build_module_loads_without_qt():
    code = ("import sys, cdsdesk.ui.charts.build, cdsdesk.ui.charts.data\n"
            "sys.exit(1 if any(m.split('.')[0] in ('PySide6', 'pyqtgraph') for m in sys.modules) else 0)")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_status_by_agency_and_completion_by_plan(province_db, province_ids):
    with province_db.session() as s:
        data = build.status_by_agency(s, as_of=AS_OF, period=Period.parse("2024S1"))
        plans = build.completion_by_plan(s, as_of=AS_OF)
    assert data.agencies[0] == "Sở Thông tin và Truyền thông"
    assert data.totals()[0] == 3 and data.overdue[data.agencies.index("Sở Nội vụ")] == 1
    assert data.subtitle == "6 tháng đầu năm 2024, số liệu đến ngày 30/6/2024"
    assert dict(zip(plans.plans, zip(plans.completed, plans.total))) == {
        "Kế hoạch chuyển đổi số năm 2024": (1, 4), "Đề án 06 năm 2024": (1, 3)}


def test_agencies_beyond_the_top_are_named_in_the_subtitle(province_db, province_ids):
    with province_db.session() as s:
        rows = queries.counts_by_agency(s, as_of=AS_OF)
    data = build.status_by_agency_from(rows, top=2, subtitle="Quý II/2024")
    assert len(data.agencies) == 2
    assert data.title == "Nhiệm vụ theo cơ quan chủ trì (2 cơ quan nhiều nhiệm vụ nhất)"
    assert data.subtitle == "Quý II/2024; 2 cơ quan khác: 2 nhiệm vụ"


def test_indicator_series_and_comparison(province_db, province_ids):
    with province_db.session() as s:
        ser = build.indicator_series(s, province_ids["pct"], as_of=AS_OF)
        en = build.indicator_series(s, province_ids["pct"], as_of=AS_OF, lang="en")
        cmp = build.agency_comparison(s, province_ids["pct"], "2024S1")
    assert [p.value for p in ser.points] == [12.0, 17.0, 42.0]
    assert ser.baseline.label == "Năm 2022" and en.baseline.label == "Year 2022"
    assert ser.target_class == "needs_effort" and round(ser.projection[1][1], 1) == 66.9
    assert ser.title == "DVC-TT — Tỷ lệ hồ sơ trực tuyến toàn trình"
    assert cmp.values == [61.0, 38.5, 17.0] and cmp.period_label == "6 tháng đầu năm 2024"
