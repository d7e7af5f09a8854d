"""The indicator charts through the app's chart code: the province series of one indicator
(aggregated from 240 units over 24 periods, with target and trend) and the comparison of the 240
units for one period, each read, built and painted (``ChartPanel``, as the indicators page does)."""

import time

import _common

a = _common.args()
app = _common.qt_app()
from sqlalchemy import select  # noqa: E402

from cdsdesk.store.models import Indicator, IndicatorValue  # noqa: E402
from cdsdesk.ui.charts import build  # noqa: E402
from cdsdesk.ui.charts.panel import ChartPanel  # noqa: E402

db = _common.engine(a.db)
with db.session() as s:
    ids = list(s.scalars(select(Indicator.id).order_by(Indicator.id)))
    last = s.scalar(select(IndicatorValue.period).order_by(IndicatorValue.period_end.desc()).limit(1))
series_panel = ChartPanel("indicator_series")
compare_panel = ChartPanel("agency_comparison")
for p in (series_panel, compare_panel):
    p.resize(900, 500)
    p.show()
_common.settle(app)
with db.session() as s:  # warm-up: pyqtgraph's import and first chart are not counted
    series_panel.set_data(build.indicator_series(s, ids[0]))
    series_panel.ensure_drawn()
    compare_panel.set_data(build.agency_comparison(s, ids[0], last))
    compare_panel.ensure_drawn()
_common.settle(app)

picks = [ids[(k * 37 + 11) % len(ids)] for k in range(max(5, a.repeat))]
res: dict = {"series_s": [], "comparison_s": [], "points": None, "bars": None}
for iid in picks:
    t = time.perf_counter()
    with db.session() as s:
        data = build.indicator_series(s, iid)
    series_panel.set_data(data)
    series_panel.ensure_drawn()
    series_panel.repaint()
    app.processEvents()
    res["series_s"].append(time.perf_counter() - t)
    res["points"] = len(data.points)
    t = time.perf_counter()
    with db.session() as s:
        cmp = build.agency_comparison(s, iid, last)
    compare_panel.set_data(cmp)
    compare_panel.ensure_drawn()
    compare_panel.repaint()
    app.processEvents()
    res["comparison_s"].append(time.perf_counter() - t)
    res["bars"] = len(cmp.values)
_common.emit(res)
