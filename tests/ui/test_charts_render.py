"""The chart components and render_png: what the picture holds, in Vietnamese, at the size asked."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import textwrap

import pytest

from cdsdesk.ui.charts.data import (
    AgencyComparison,
    CompletionByPlan,
    IndicatorSeries,
    SeriesPoint,
    StatusByAgency,
    coerce,
)

D = dt.date

SBA = StatusByAgency(
    agencies=["Sở Thông tin và Truyền thông", "UBND huyện Chiêm Hóa",
              "Văn phòng UBND tỉnh Tuyên Quang và Trung tâm Phục vụ hành chính công"],
    counts={"done": [12, 4, 2], "done_routine": [5, 2, 3], "in_progress": [9, 5, 4],
            "not_started": [1, 3, 0], "blocked": [0, 0, 1]},
    overdue=[2, 1, 0],
)
CBP = CompletionByPlan(plans=["Kế hoạch chuyển đổi số năm 2023", "Đề án 06"], completed=[102, 32], total=[126, 73])
SERIES = IndicatorSeries(
    name="Tỷ lệ hồ sơ giải quyết trực tuyến toàn trình",
    points=[SeriesPoint("6 tháng cuối năm 2023", D(2023, 12, 31), 17.0),
            SeriesPoint("6 tháng đầu năm 2024", D(2024, 6, 30), 42.5)],
    target_value=80.0, target_date=D(2025, 12, 31),
    baseline=SeriesPoint("Năm 2022", D(2022, 12, 31), 9.0),
    projection=[(D(2022, 12, 31), 5.0), (D(2025, 12, 31), 85.5)],
    target_class="likely",
)
CMP = AgencyComparison(indicator="Tỷ lệ hộ gia đình có cáp quang", period_label="6 tháng đầu năm 2024",
                       agencies=["UBND huyện Lâm Bình", "UBND thành phố Tuyên Quang", "UBND huyện Sơn Dương"],
                       values=[42.5, 95.3, 82.2], target_value=80.0)


def _texts(chart):
    return chart.value_labels()


def _axis_labels(chart, name="left"):
    ticks = chart.plot.getAxis(name)._tickLevels
    return [label for _, label in ticks[0]] if ticks else []


def _legend(chart):
    return [label.text for _, label in chart.legend.items]


def test_status_by_agency_labels_every_agency_and_status_in_vietnamese(qapp):
    from cdsdesk.ui.charts import plots

    chart = plots.build("status_by_agency", SBA)
    assert _axis_labels(chart)[:2] == ["Sở Thông tin và Truyền thông", "UBND huyện Chiêm Hóa"]
    assert _axis_labels(chart)[2].endswith("…")  # a long name is shortened, not clipped
    assert _legend(chart) == ["Hoàn thành", "Hoàn thành, thực hiện thường xuyên", "Đang triển khai",
                              "Chưa triển khai", "Chờ hướng dẫn / vướng mắc"]
    # the total after each bar, with its overdue tasks
    assert [t.strip() for t in _texts(chart)] == ["27  (2 quá hạn)", "14  (1 quá hạn)", "10"]


@pytest.mark.parametrize("width", [420, 700, 1100])
def test_the_totals_after_the_agency_bars_fit_inside_the_plot_at_any_width(qapp, width):
    """A province's biggest agencies have four-digit totals and hundreds overdue: the label after
    the longest bar ("1.044  (258 quá hạn)") stays inside the plot, narrow pane or wide."""
    from PySide6.QtGui import QFontMetrics

    from cdsdesk.ui.charts import plots, style

    big = StatusByAgency(agencies=["Huyện Thái Ninh", "Thành phố An Sơn"],
                         counts={"done": [600, 580], "done_routine": [80, 90], "in_progress": [250, 240],
                                 "not_started": [80, 90], "blocked": [34, 44]},
                         overdue=[258, 270])
    chart = plots.build("status_by_agency", big)
    chart.resize(width, 420)
    chart.show()
    qapp.processEvents()
    vb = chart.plot.vb
    (x0, x1), _ = vb.viewRange()
    px_per_task = vb.width() / (x1 - x0)
    widest = max(QFontMetrics(style.chart_font(9.5)).horizontalAdvance(t) for t in _texts(chart))
    room = (x1 - 1044) * px_per_task
    assert room >= widest, (room, widest)
    chart.hide()  # pyqtgraph's own close() tears the scene down under PySide6 and crashes


def test_the_dashboard_draws_the_newest_plans_and_names_how_many_older_are_left_out():
    from cdsdesk.services.counts import PlanCounts, empty_counts
    from cdsdesk.ui.charts.build import TOP_PLANS, completion_by_plan_from

    plans = [PlanCounts(i, f"KH{2026 - i}", f"Kế hoạch chuyển đổi số năm {2026 - i}", 2026 - i, "plan",
                        empty_counts() | {"total": 10 + i, "completed": i}) for i in range(10)]
    data = completion_by_plan_from(plans, subtitle="6 tháng cuối năm 2026")
    assert data.plans == [f"Kế hoạch chuyển đổi số năm {2026 - i}" for i in range(TOP_PLANS)]
    assert data.total == [10 + i for i in range(TOP_PLANS)]
    assert data.subtitle == f"6 tháng cuối năm 2026; {10 - TOP_PLANS} kế hoạch cũ hơn không hiển thị"
    assert completion_by_plan_from(plans[:3], subtitle="x").subtitle == "x"


def test_completion_by_plan_writes_percent_and_counts_the_vietnamese_way(qapp):
    from cdsdesk.ui.charts import plots

    chart = plots.build("completion_by_plan", CBP)
    assert [t.strip() for t in _texts(chart)] == ["81%", "43,8%"]
    assert _axis_labels(chart) == ["Kế hoạch chuyển đổi số năm 2023\n102/126 nhiệm vụ hoàn thành",
                                   "Đề án 06\n32/73 nhiệm vụ hoàn thành"]


def test_indicator_series_shows_values_baseline_projection_and_target(qapp):
    from cdsdesk.ui.charts import plots

    chart = plots.build("indicator_series", SERIES)
    texts = _texts(chart)
    assert "42,5%" in texts and "17%" in texts and "9%" in texts  # values and baseline
    assert "85,5%" in texts  # the projection read at the target date
    legend = _legend(chart)
    assert "Mục tiêu: 80%" in legend and "Xu hướng (dự báo)" in legend
    assert "Năm cơ sở (Năm 2022): 9%" in legend
    assert "Khả năng hoàn thành cao" in chart.title_item.text
    labels = [s for _, s in chart.ticks]
    assert "Mục tiêu\n2025" in labels and "6 tháng đầu\nnăm 2024" in labels


@pytest.mark.parametrize("width", [380, 520, 900])
@pytest.mark.parametrize("end", [85.5, 4.2, 12.5, 20.0, 45.0])
def test_the_projected_value_at_the_target_date_is_written_inside_the_plot(qapp, width, end):
    """The trend's value at the target date sits at the right edge of the plot: in a narrow pane
    it was cut ("79,2" without its "%"). Rising or falling, it stays whole inside the plot."""
    from dataclasses import replace

    from cdsdesk.ui.charts import plots

    data = replace(SERIES, projection=[(D(2022, 12, 31), 70.0), (D(2025, 12, 31), end)])
    chart = plots.build("indicator_series", data)
    chart.resize(width, 380)
    chart.show()
    qapp.processEvents()
    text = f"{end:g}%".replace(".", ",")
    item = next(t for t in chart.texts if t.textItem.toPlainText() == text)
    box = item.mapRectToScene(item.boundingRect())
    plot = chart.plot.vb.sceneBoundingRect()
    assert plot.left() <= box.left() and box.right() <= plot.right(), (box, plot)
    assert plot.top() <= box.top() and box.bottom() <= plot.bottom(), (box, plot)
    chart.hide()  # pyqtgraph's own close() tears the scene down under PySide6 and crashes


def test_an_indicator_chart_drawn_again_in_its_widget_shows_only_the_new_indicator(qapp):
    from cdsdesk.ui.charts import plots

    other = IndicatorSeries(
        name="Số doanh nghiệp số", unit="doanh nghiệp",
        points=[SeriesPoint("Năm 2023", D(2023, 12, 31), 120.0)],
    )
    chart = plots.build("indicator_series", SERIES)
    assert plots.redraw(chart, "indicator_series", other)
    fresh = plots.build("indicator_series", other)
    assert _texts(chart) == _texts(fresh) == ["120"]
    assert _legend(chart) == _legend(fresh)
    assert "Mục tiêu" not in " ".join(_legend(chart)) and "Số doanh nghiệp số" in chart.title_item.text
    assert chart.ticks == fresh.ticks
    assert plots.redraw(chart, "indicator_series", SERIES)  # and back: everything of the first again
    assert sorted(_texts(chart)) == sorted(_texts(plots.build("indicator_series", SERIES)))
    assert not plots.redraw(chart, "agency_comparison", CMP)  # another kind: a new chart


@pytest.mark.parametrize("kind, first, second", [
    ("status_by_agency", SBA, StatusByAgency(agencies=["Sở Y tế"], counts={"done": [3], "in_progress": [1]}, overdue=[0])),
    ("completion_by_plan", CBP, CompletionByPlan(plans=["Đề án 06"], completed=[1], total=[4])),
    ("agency_comparison", CMP, AgencyComparison(indicator="Số hộ có cáp quang", period_label="Năm 2024",
                                                agencies=["UBND huyện Na Hang", "UBND huyện Yên Sơn"],
                                                values=[1200.0, 3400.5], unit="hộ")),
])
def test_dashboard_charts_drawn_again_match_a_fresh_chart(qapp, kind, first, second):
    from cdsdesk.ui.charts import plots

    chart = plots.build(kind, first)
    assert plots.redraw(chart, kind, second)
    fresh = plots.build(kind, second)
    assert _texts(chart) == _texts(fresh)
    assert _legend(chart) == _legend(fresh)
    assert _axis_labels(chart) == _axis_labels(fresh)


def test_agency_comparison_sorts_highest_first_and_marks_the_target(qapp):
    from cdsdesk.ui.charts import plots

    chart = plots.build("agency_comparison", CMP)
    assert _axis_labels(chart) == ["UBND thành phố Tuyên Quang", "UBND huyện Sơn Dương", "UBND huyện Lâm Bình"]
    assert [t.strip() for t in _texts(chart)] == ["95,3%", "82,2%", "42,5%"]
    assert "Mục tiêu: 80%" in _legend(chart)


def test_mapping_data_is_accepted_like_the_classes():
    data = coerce("indicator_series", {
        "name": "X", "points": [("2024S1", "2024-06-30", 4)], "baseline": {"label": "2023", "date": "2023-12-31", "value": 1},
        "target_value": 10, "target_date": "2025-12-31",
    })
    assert data.points[0] == SeriesPoint("2024S1", D(2024, 6, 30), 4.0)
    assert data.baseline.value == 1.0 and data.target_date == D(2025, 12, 31)
    with pytest.raises(ValueError):
        coerce("pie", {})


def _colour_pixels(img, rgb: str) -> int:
    from PySide6.QtGui import QColor

    want = QColor(rgb).rgb()
    return sum(1 for y in range(0, img.height(), 3) for x in range(0, img.width(), 3) if img.pixel(x, y) == want)


@pytest.mark.parametrize("kind,data,colour", [
    ("status_by_agency", SBA, "#2e7d32"),
    ("completion_by_plan", CBP, "#2e7d32"),
    ("indicator_series", SERIES, "#1565c0"),
    ("agency_comparison", CMP, "#1565c0"),
])
def test_render_png_writes_the_size_asked_with_the_chart_drawn(qapp, tmp_path, kind, data, colour):
    from PySide6.QtGui import QImage

    from cdsdesk.ui.charts.render import render_png

    path = render_png(kind, data, tmp_path / "biểu đồ" / f"{kind}.png", width=1200, height=700)
    assert path.exists()
    img = QImage(str(path))
    assert (img.width(), img.height()) == (1200, 700)
    assert _colour_pixels(img, colour) > 50  # the bars / line are there, in their colour
    # the right-hand fifth is not cut off mid-drawing: the picture has a white margin at the right edge
    assert all(img.pixelColor(1199, y).lightness() > 240 for y in range(0, 700, 7))


def test_render_png_refuses_an_unknown_kind(tmp_path):
    from cdsdesk.ui.charts.render import render_png

    with pytest.raises(ValueError):
        render_png("pie", {}, tmp_path / "x.png")


def test_render_png_runs_headless_without_a_qapplication(tmp_path):
    """The command line calls render_png with no QApplication and no display."""
    out = tmp_path / "bieu-do.png"
    code = textwrap.dedent(f"""
        import sys
        from pathlib import Path
        from cdsdesk.ui.charts.render import render_png
        from PySide6.QtWidgets import QApplication
        assert QApplication.instance() is None
        render_png("completion_by_plan", {{"plans": ["Đề án 06"], "completed": [32], "total": [73]}},
                   Path({str(out)!r}), width=800, height=450)
    """)
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    r = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert out.stat().st_size > 1000


def test_views_and_panel_do_not_load_pyqtgraph_until_a_chart_is_drawn():
    code = textwrap.dedent("""
        import sys
        import cdsdesk.ui.charts.panel, cdsdesk.ui.charts.render, cdsdesk.ui.charts.data
        import cdsdesk.ui.views.dashboard, cdsdesk.ui.views.indicators, cdsdesk.ui.views.meetings
        import cdsdesk.ui.views.agencies, cdsdesk.ui.views.audit
        print([m for m in sys.modules if m.startswith("pyqtgraph")][:3])
        sys.exit(1 if "pyqtgraph" in sys.modules else 0)
    """)
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stdout + r.stderr


def test_a_comparison_of_240_units_names_every_kth_row_and_keeps_every_value(qapp):
    from cdsdesk.ui.charts import plots

    names = [f"UBND xã số {i}" for i in range(240)]
    data = AgencyComparison(indicator="Tỷ lệ hồ sơ trực tuyến", period_label="Quý III/2026", agencies=names,
                            values=[float(i) for i in range(240)], target_value=80.0)
    chart = plots.build("agency_comparison", data)
    shown = _axis_labels(chart)
    assert shown[0] == "UBND xã số 239" and len(shown) == 30  # highest first, every 8th row named
    assert shown[1] == "UBND xã số 231"
    assert len(_texts(chart)) == 240 and _texts(chart)[0].strip() == "239%"
