"""The report's plan chart at province scale: a dozen plans, each with room for its name and count."""

from __future__ import annotations

import pytest

from cdsdesk.reports.charts import WIDTH_PX, image_height, render_chart
from cdsdesk.reports.model import GroupCounts, StatusCounts
from cdsdesk.reports.outline import MAX_CHART_PLANS, chart_specs

from report_sample import sample_report  # tests/reports is on the path (rootdir conftest)


def _plans(n: int) -> list[GroupCounts]:
    """``n`` plans, newest first, as ``build_report`` orders them."""
    return [GroupCounts(f"KH{2040 - i}", f"Kế hoạch chuyển đổi số năm {2040 - i}",
                        StatusCounts(total=100 + i, done=3 * i, done_routine=i, in_progress=50))
            for i in range(n)]


def _plan_chart(n: int):  # noqa: ANN202
    return {c.kind: c for c in chart_specs(sample_report(by_plan=_plans(n)))}["completion_by_plan"]


def test_a_dozen_plans_are_all_drawn_newest_first():
    chart = _plan_chart(12)
    assert chart.data["plans"] == [f"Kế hoạch chuyển đổi số năm {2040 - i}" for i in range(12)]
    assert chart.data["completed"][3] == 9 + 3 and chart.data["total"][3] == 103
    assert "không hiển thị" not in chart.data["subtitle"]


def test_past_the_limit_the_older_plans_are_named_not_drawn():
    n = MAX_CHART_PLANS + 5
    chart = _plan_chart(n)
    assert chart.data["plans"] == [f"Kế hoạch chuyển đổi số năm {2040 - i}" for i in range(MAX_CHART_PLANS)]
    assert chart.data["subtitle"].endswith("5 kế hoạch cũ hơn không hiển thị, xem bảng trên")


@pytest.mark.parametrize("n", [2, 12, MAX_CHART_PLANS])
def test_each_plan_row_has_room_for_its_two_lines(qapp, tmp_path, n):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QFontMetrics, QImage

    from cdsdesk.ui.charts import plots
    from cdsdesk.ui.charts.render import LOGICAL_WIDTH

    chart = _plan_chart(n)
    png = render_chart(chart, tmp_path / "plans.png")
    image = QImage(str(png))
    assert (image.width(), image.height()) == (WIDTH_PX, image_height(chart))
    assert image.height() / image.width() <= 200 / 160  # fits 160 mm wide, 200 mm tall on A4

    # Laid out as the image is, the rows are at least two lines of the axis text apart.
    widget = plots.build(chart.kind, chart.data)
    widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    widget.resize(LOGICAL_WIDTH, round(image.height() * LOGICAL_WIDTH / WIDTH_PX))
    widget.show()
    qapp.processEvents()
    row = widget.plot.getViewBox().height() / n
    line = QFontMetrics(widget.font).lineSpacing()
    widget.hide()  # pyqtgraph's own close() tears the scene down under PySide6 and crashes
    assert row >= 2 * line + 4, (row, line)
