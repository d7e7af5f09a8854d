"""The four charts, drawn with pyqtgraph: static, labelled in Vietnamese, white background so
that the same widget serves the screen and the PNG a report embeds.

This module imports pyqtgraph at the top: import it only from inside a function (see
``charts.panel`` and ``charts.render``), never on the path to the first window.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any, Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFontMetrics
from PySide6.QtWidgets import QWidget

from ...domain.numbers import format_date, format_number
from ...domain.status import TargetClass, TaskStatus
from . import style
from .data import (
    STATUS_ORDER,
    AgencyComparison,
    CompletionByPlan,
    IndicatorSeries,
    StatusByAgency,
    coerce,
)

_LABELS = {
    "vi": {
        "tasks": "Số nhiệm vụ",
        "percent_done": "Tỷ lệ hoàn thành (%)",
        "values": "Giá trị thực hiện",
        "target": "Mục tiêu",
        "baseline": "Năm cơ sở",
        "projection": "Xu hướng (dự báo)",
        "overdue": "quá hạn",
        "no_data": "Chưa có số liệu",
        "period": "Kỳ",
    },
    "en": {
        "tasks": "Tasks",
        "percent_done": "Completed (%)",
        "values": "Reported values",
        "target": "Target",
        "baseline": "Baseline",
        "projection": "Trend (projection)",
        "overdue": "overdue",
        "no_data": "No data yet",
        "period": "Period",
    },
}


def _t(lang: str, key: str) -> str:
    return _LABELS.get(lang, _LABELS["vi"])[key]


def _num(value: float, unit: str = "") -> str:
    text = format_number(round(value, 2))
    return text + "%" if unit == "%" else text


class NumberAxis(pg.AxisItem):
    """Tick labels written the Vietnamese way: 1.000, 42,5; with a suffix such as %."""

    def __init__(self, orientation: str, suffix: str = "", **kwargs: Any) -> None:
        super().__init__(orientation, **kwargs)
        self._suffix = suffix

    def tickStrings(self, values, scale, spacing):  # noqa: N802 (pyqtgraph API)
        if spacing <= 0:
            decimals = 0
        else:
            decimals = max(0, int(-math.floor(math.log10(spacing * scale))))
        out = []
        for v in values:
            v = round(v * scale, decimals)
            out.append(format_number(v, decimals) + self._suffix)
        return out


class Chart(pg.GraphicsLayoutWidget):
    """A title, one plot and a legend under it, in a white frame."""

    def __init__(
        self,
        title: str,
        subtitle: str = "",
        *,
        axis_items: dict[str, pg.AxisItem] | None = None,
        legend_columns: int = 5,
        title_color: str = style.TEXT,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setBackground("w")
        self.setAntialiasing(True)
        self.ci.setContentsMargins(10, 8, 18, 6)
        self.ci.setSpacing(4)
        self.font = style.chart_font(10)
        self.small_font = style.chart_font(9)
        self.title_item = pg.LabelItem(justify="left")
        self.title_item.item.setFont(style.chart_font(12, bold=True))
        self._title_color = title_color
        self.set_title(title, subtitle)
        self.addItem(self.title_item, row=0, col=0)
        self.plot: pg.PlotItem = self.addPlot(row=1, col=0, axisItems=axis_items or {})
        self.plot.hideButtons()
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.vb.setDefaultPadding(0.0)
        for name in ("left", "bottom"):
            axis = self.plot.getAxis(name)
            axis.setStyle(tickFont=self.font, tickTextOffset=6)
            if name == "bottom":  # explicit ticks (0–100%) may fill the axis
                axis.setStyle(textFillLimits=[(0, 0.95), (2, 0.6), (4, 0.4), (6, 0.2)])
            axis.setTextPen(pg.mkPen(style.TEXT))
            axis.setPen(pg.mkPen(style.MUTED))
        self.legend = pg.LegendItem(colCount=legend_columns, labelTextColor=style.TEXT, labelTextSize="10pt")
        # In a layout the legend must scale with the rest when rendered to a larger image.
        self.legend.setFlag(self.legend.GraphicsItemFlag.ItemIgnoresTransformations, False)
        self.addItem(self.legend, row=2, col=0)
        self.ci.layout.setRowStretchFactor(1, 10)
        self.texts: list[pg.TextItem] = []  # value labels, for tests and export checks
        self.bar_labels: BarLabels | None = None  # the value labels of many bars, as one item
        #: (low, top, pixels): the x range keeps room for labels this wide after bars up to top.
        self._room: tuple[float, float, float] | None = None

    def value_labels(self) -> list[str]:
        """Every value label's text, in the order drawn."""
        out = [t.textItem.toPlainText() for t in self.texts]
        return out + (self.bar_labels.shown() if self.bar_labels is not None else [])

    def set_title(self, title: str, subtitle: str = "") -> None:
        html = f"<b>{_esc(title)}</b>"
        if subtitle:
            html += f"<br><span style='color:{style.MUTED}; font-size:9.5pt; font-weight:normal'>{_esc(subtitle)}</span>"
        self.title_item.setText(html, color=self._title_color, size="12pt")

    def reset(self, title: str, subtitle: str = "") -> None:
        """Empty the plot and the legend for new data, keeping the widget and its axes."""
        self.plot.clear()
        self.legend.clear()
        self.texts = []
        self.bar_labels = None
        self._room = None
        self.set_title(title, subtitle)
        self.fit_title()
        self.plot.showAxis("left")
        self.plot.showAxis("bottom")
        for axis in (self.plot.getAxis("left"), self.plot.getAxis("bottom")):
            axis.setLabel(None)
            axis.showLabel(False)
            axis.setTicks(None)
        self.plot.getAxis("bottom").setHeight(None)
        self.plot.getAxis("left").setWidth(None)

    def resizeEvent(self, event) -> None:  # noqa: N802
        self.fit_title(event.size().width() if event is not None else None)  # before the layout resizes
        super().resizeEvent(event)
        self._fit_room()  # the plot has its new width now

    def fit_title(self, width: int | None = None) -> None:
        """Wrap a long title to the width at hand rather than widen the chart past its pane."""
        if getattr(self, "title_item", None) is None:
            return
        self.title_item.item.setTextWidth(max((width or self.width()) - 40, 120))
        self.title_item.updateMin()
        self.title_item.setMinimumWidth(0)
        self.title_item.setPreferredWidth(0)

    # --- helpers ---------------------------------------------------------------------------
    def add_legend(self, item: pg.GraphicsObject, name: str) -> None:
        self.legend.addItem(item, _esc(name))
        _sample, label = self.legend.items[-1]
        label.item.setFont(self.font)
        label.setText(label.text, color=style.TEXT, size="10pt")

    def swatch(self, color: str, name: str, symbol: str = "s") -> None:
        """A legend entry for a bar colour."""
        item = pg.ScatterPlotItem([], [], symbol=symbol, brush=pg.mkBrush(color), pen=pg.mkPen(None), size=13)
        self.add_legend(item, name)

    def label(self, text: str, x: float, y: float, *, anchor=(0, 0.5), color: str = style.TEXT, bold: bool = False) -> pg.TextItem:
        item = pg.TextItem(text, color=color, anchor=anchor)
        item.setFont(style.chart_font(9.5, bold=bold))
        item.setPos(x, y)
        self.plot.addItem(item)
        self.texts.append(item)
        return item

    def reserve_room(self, top: float, texts: Sequence[str], *, low: float = 0.0) -> None:
        """Set the x range from ``low`` so that the labels written after bars ending at up to
        ``top`` fit inside the plot at its present width (and again at every resize)."""
        metrics = QFontMetrics(style.chart_font(9.5))
        widest = max((metrics.horizontalAdvance(t) for t in texts), default=0)
        self._room = (low, top, float(widest + 12))
        self._fit_room()

    def _fit_room(self) -> None:
        room = getattr(self, "_room", None)  # None also while __init__ is still laying out
        if room is None:
            return
        low, top, px = room
        width = float(self.plot.vb.width())
        # Not laid out yet, or narrower than twice the labels: a range that leaves the bars half.
        factor = width / (width - px) if width > 2 * px else 2.0
        self.plot.setXRange(low, top * factor, padding=0)

    def axis_label(self, name: str, text: str) -> None:
        self.plot.getAxis(name).setLabel(
            _esc(text), **{"color": style.MUTED, "font-size": "10pt", "font-family": style.FONT_FAMILIES[0]}
        )

    def category_axis(self, names: Sequence[str], *, limit: int = 38, most: int | None = None) -> None:
        """The left axis names one bar per row (y = 0, 1, 2 … from the top); with more than
        ``most`` rows, every k-th row is named (the first always), so the names stay legible."""
        labels = ["\n".join(style.elide(line, limit) for line in n.split("\n")) for n in names]
        axis = self.plot.getAxis("left")
        step = math.ceil(len(labels) / most) if most and len(labels) > most else 1
        axis.setTicks([[(i, s) for i, s in enumerate(labels) if i % step == 0], []])
        metrics = QFontMetrics(self.font)
        width = max((metrics.horizontalAdvance(line) for s in labels for line in s.split("\n")), default=40) + 18
        axis.setWidth(width)
        self.plot.invertY(True)
        self.plot.setYRange(-0.6, max(len(labels), 1) - 0.4, padding=0)
        self.plot.showGrid(x=True, y=False, alpha=0.18)
        self.plot.getAxis("bottom").setStyle(maxTickLevel=0)

    def empty(self, lang: str) -> None:
        self.plot.hideAxis("left")
        self.plot.hideAxis("bottom")
        self.label(_t(lang, "no_data"), 0.5, 0.5, anchor=(0.5, 0.5), color=style.MUTED)
        self.plot.setRange(xRange=(0, 1), yRange=(0, 1), padding=0)


#: The comparison of units names at most this many rows on its axis (240 communes would overlap).
COMPARISON_NAMES = 30


class BarLabels(pg.GraphicsObject):
    """The value labels of many bars as one item, painted in one call at their data positions in
    screen pixels (left-aligned, centred on the bar): with hundreds of bars in a few hundred pixels
    only the labels whose row has room are drawn, the others would overlap. One item instead of a
    TextItem per bar keeps a chart of 240 units quick to draw."""

    def __init__(self, xs: Sequence[float], ys: Sequence[float], texts: Sequence[str], font, color: str) -> None:  # noqa: ANN001
        super().__init__()
        self.xs, self.ys, self.texts = [float(v) for v in xs], [float(v) for v in ys], list(texts)
        self.font, self.color = font, QColor(color)
        metrics = QFontMetrics(font)
        self.text_height = metrics.height()
        self.widest = max((metrics.horizontalAdvance(t) for t in self.texts), default=0) + 4

    def shown(self) -> list[str]:
        """The labels in bar order (tests and exports read them)."""
        return list(self.texts)

    def boundingRect(self) -> QRectF:  # noqa: N802
        if not self.xs:
            return QRectF()
        x0, x1, y0, y1 = min(self.xs), max(self.xs), min(self.ys), max(self.ys)
        pw, ph = self.pixelWidth() or 0.0, self.pixelHeight() or 0.0
        return QRectF(x0, y0 - ph * self.text_height, (x1 - x0) + pw * self.widest, (y1 - y0) + 2 * ph * self.text_height)

    def viewTransformChanged(self) -> None:  # noqa: N802
        self.prepareGeometryChange()

    def paint(self, painter, *args) -> None:  # noqa: ANN001, ANN002
        # The scene of a pyqtgraph view is in the view's pixels: draw there, so that the text
        # keeps its size whatever the axes' ranges, and an export's scale still applies.
        to_scene = self.sceneTransform()
        inverse, ok = to_scene.inverted()
        if not ok or not self.xs:
            return
        points = [to_scene.map(QPointF(x, y)) for x, y in zip(self.xs, self.ys)]
        painter.save()
        painter.setTransform(inverse * painter.transform())
        painter.setFont(self.font)
        painter.setPen(self.color)
        h, last = self.text_height, None
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for pt, text in zip(points, self.texts):
            if last is not None and abs(pt.y() - last) < h:
                continue
            last = pt.y()
            painter.drawText(QRectF(pt.x(), pt.y() - h / 2, self.widest, h), flags, text)
        painter.restore()


def _esc(text: str) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# --- the four kinds ---------------------------------------------------------------------------
def _chart_for(chart: Chart | None, title: str, subtitle: str, *, axes: dict[str, str], legend_columns: int,
               cls: type = None) -> Chart:  # type: ignore[assignment]
    """A new chart with NumberAxis ``axes`` (side → suffix), or ``chart`` emptied for new data."""
    if chart is None:
        return (cls or Chart)(title, subtitle, axis_items={side: NumberAxis(side, suffix=suffix) for side, suffix in axes.items()},
                              legend_columns=legend_columns)
    chart.reset(title, subtitle)
    for side, suffix in axes.items():
        chart.plot.getAxis(side)._suffix = suffix
    chart.legend.setColumnCount(legend_columns)
    return chart


def status_by_agency(data: StatusByAgency, lang: str = "vi", chart: Chart | None = None) -> Chart:
    chart = _chart_for(chart, data.title, data.subtitle, axes={"bottom": ""}, legend_columns=3)
    n = len(data.agencies)
    if n == 0:
        chart.empty(lang)
        return chart
    ys = np.arange(n, dtype=float)
    left = np.zeros(n)
    for key in STATUS_ORDER:
        vals = np.array(data.counts.get(key, [0] * n), dtype=float)
        color = style.STATUS_COLORS[key]
        if vals.any():
            bar = pg.BarGraphItem(x0=left.copy(), y=ys, height=0.64, width=vals, brush=color, pen=pg.mkPen("w", width=1))
            chart.plot.addItem(bar)
        chart.swatch(color, TaskStatus(key).label(lang))
        left += vals
    top = float(left.max()) or 1.0
    texts = []
    for i, total in enumerate(left):
        text = f" {format_number(total)}"
        if data.overdue and data.overdue[i]:
            text += f"  ({format_number(data.overdue[i])} {_t(lang, 'overdue')})"
        chart.label(text, float(total), float(i))
        texts.append(text)
    chart.category_axis(data.agencies)
    chart.reserve_room(top, texts)
    chart.axis_label("bottom", _t(lang, "tasks"))
    return chart


def completion_by_plan(data: CompletionByPlan, lang: str = "vi", chart: Chart | None = None) -> Chart:
    """A bar per plan on a 0–100% track; the percentage on the bar, the counts under the name."""
    chart = _chart_for(chart, data.title, data.subtitle, axes={"bottom": "%"}, legend_columns=2)
    n = len(data.plans)
    if n == 0:
        chart.empty(lang)
        return chart
    ys = np.arange(n, dtype=float)
    pct = np.array(data.percents())
    chart.plot.addItem(pg.BarGraphItem(x0=np.zeros(n), y=ys, height=0.6, width=np.full(n, 100.0), brush="#eceff1", pen=None))
    chart.plot.addItem(pg.BarGraphItem(x0=np.zeros(n), y=ys, height=0.6, width=pct, brush=style.STATUS_COLORS["completed"], pen=None))
    done_word = "nhiệm vụ hoàn thành" if lang != "en" else "tasks completed"
    names = []
    for i, p in enumerate(pct):
        text = f"{format_number(round(float(p), 1))}%"
        if p >= 30:  # inside the bar, white on green
            chart.label(text + " ", float(p), float(i), anchor=(1, 0.5), color="#ffffff", bold=True)
        else:
            chart.label(" " + text, float(p), float(i), bold=True)
        names.append(f"{style.elide(data.plans[i], 44)}\n{format_number(data.completed[i])}/{format_number(data.total[i])} {done_word}")
    chart.category_axis(names, limit=200)
    chart.plot.setXRange(0, 110, padding=0)  # room for the "100%" tick label
    chart.plot.getAxis("bottom").setTicks([[(v, f"{v}%") for v in (0, 50, 100)], []])  # fits a narrow panel
    chart.swatch(style.STATUS_COLORS["completed"], "Đã hoàn thành" if lang != "en" else "Completed")
    chart.swatch("#eceff1", "Chưa hoàn thành" if lang != "en" else "Not completed")
    chart.axis_label("bottom", _t(lang, "percent_done"))
    return chart


def agency_comparison(data: AgencyComparison, lang: str = "vi", chart: Chart | None = None) -> Chart:
    """A bar per unit, highest first; given ``chart`` (one this function drew), drawn again inside
    it. The values are one :class:`BarLabels` item, not a text item per bar."""
    title = data.title or data.indicator
    sub = data.period_label
    suffix = "%" if data.unit == "%" else ""
    chart = _chart_for(chart, title, sub, axes={"bottom": suffix}, legend_columns=3)
    chart.legend.setMinimumWidth(0)
    pairs = sorted(zip(data.agencies, data.values), key=lambda p: -p[1])
    if not pairs:
        chart.empty(lang)
        return chart
    names = [a for a, _ in pairs]
    vals = np.array([v for _, v in pairs], dtype=float)
    n = len(names)
    ys = np.arange(n, dtype=float)
    if data.target_value is not None:
        met = vals >= data.target_value - 1e-9
        brushes = [style.CLASS_COLORS["achieved"] if m else style.SERIES for m in met]
    else:
        brushes = [style.SERIES] * n
    chart.plot.addItem(pg.BarGraphItem(x0=np.zeros(n), y=ys, height=0.62, width=vals, brushes=brushes, pen=None))
    labels = BarLabels(np.maximum(vals, 0.0), ys, [" " + _num(float(v), data.unit) for v in vals],
                       style.chart_font(9.5), style.TEXT)
    chart.plot.addItem(labels)
    chart.bar_labels = labels
    top = float(max(vals.max(), data.target_value or 0.0, 0.0)) or 1.0
    if data.target_value is not None:
        line = pg.InfiniteLine(pos=data.target_value, angle=90, pen=pg.mkPen(style.TARGET, width=2, style=Qt.PenStyle.DashLine))
        chart.plot.addItem(line)
        legend_line = pg.PlotDataItem([], [], pen=pg.mkPen(style.TARGET, width=2, style=Qt.PenStyle.DashLine))
        chart.add_legend(legend_line, f"{_t(lang, 'target')}: {_num(data.target_value, data.unit)}")
        chart.swatch(style.CLASS_COLORS["achieved"], "Đạt mục tiêu" if lang != "en" else "Meets the target")
        chart.swatch(style.SERIES, "Chưa đạt" if lang != "en" else "Below the target")
    chart.category_axis(names, most=COMPARISON_NAMES)
    low = float(min(vals.min(), 0.0))
    chart.plot.setXRange(low, top * 1.18, padding=0)
    if data.unit and data.unit != "%":
        chart.axis_label("bottom", data.unit)
    return chart


def _wrap(label: str, limit: int = 12) -> str:
    """A long period label on two lines ("6 tháng đầu năm 2024" → "6 tháng đầu\nnăm 2024")."""
    if len(label) <= limit or " " not in label:
        return label
    words = label.split(" ")
    best = min(range(1, len(words)), key=lambda i: abs(len(" ".join(words[:i])) - len(" ".join(words[i:]))))
    if "năm" in words[1:]:
        best = len(words) - 1 - words[::-1].index("năm")
    return " ".join(words[:best]) + "\n" + " ".join(words[best:])


def _short_ticks(points: list[tuple[float, str]], width_px: float, font, keep: Sequence[float] = ()) -> list[tuple[float, str]]:
    """The labels that fit on an axis ``width_px`` wide without overlapping: those at ``keep``
    first (the target date, the latest value), then the rest from the left."""
    if not points:
        return []
    metrics = QFontMetrics(font)
    widest = max(metrics.horizontalAdvance(line) for _, s in points for line in s.split("\n")) + 14
    span = (max(x for x, _ in points) - min(x for x, _ in points)) or 1.0
    per_px = width_px / span
    order = [p for k in keep for p in points if p[0] == k] + [p for p in points if p[0] not in keep]
    chosen: list[tuple[float, str]] = []
    for x, label in order:
        if all(abs(x - cx) * per_px >= widest for cx, _ in chosen):
            chosen.append((x, label))
    return sorted(chosen)


class SeriesChart(Chart):
    """Keeps the time-axis labels from overlapping as the widget is resized."""

    ticks: list[tuple[float, str]] = []
    keep_ticks: tuple[float, ...] = ()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._layout_ticks()

    def _layout_ticks(self) -> None:
        if not self.ticks:
            return
        left = self.plot.getAxis("left").width()
        width = max(self.width() - left - 60, 100)
        self.plot.getAxis("bottom").setTicks([_short_ticks(self.ticks, width, self.font, self.keep_ticks), []])


def indicator_series(data: IndicatorSeries, lang: str = "vi", chart: "SeriesChart | None" = None) -> Chart:
    """The chart of one indicator; given ``chart`` (one this function drew), drawn again inside
    it: the widget, its axes and legend are kept, only the items are replaced (the indicator
    list is walked with the arrow keys, one chart per keystroke)."""
    klass = TargetClass(data.target_class) if data.target_class else None
    subtitle_parts = []
    if data.target_value is not None:
        target_txt = f"{_t(lang, 'target')}: {_num(data.target_value, data.unit)}"
        if data.target_date:
            target_txt += (" đến " if lang != "en" else " by ") + format_date(data.target_date)
        subtitle_parts.append(target_txt)
    if klass is not None:
        subtitle_parts.append(klass.label(lang))
    suffix = "%" if data.unit == "%" else ""
    chart = _chart_for(chart, data.title or data.name, " — ".join(subtitle_parts), axes={"left": suffix},
                       legend_columns=2, cls=SeriesChart)
    if klass is not None:
        chart.title_item.setText(
            chart.title_item.text.replace(klass.label(lang), f"<b style='color:{style.CLASS_COLORS[klass.value]}'>{_esc(klass.label(lang))}</b>"),
            color=style.TEXT,
            size="12pt",
        )
    if not data.points and data.baseline is None:
        chart.empty(lang)
        return chart

    def x(day: dt.date) -> float:
        return float(day.toordinal())

    pts = sorted(data.points, key=lambda p: p.date)
    xs = [x(p.date) for p in pts]
    ys = [p.value for p in pts]
    all_x = list(xs)
    all_y = list(ys)
    ticks = [(x(p.date), p.label) for p in pts]
    pen = pg.mkPen(style.SERIES, width=2.5)
    if data.baseline is not None:
        bx, by = x(data.baseline.date), data.baseline.value
        if pts:
            chart.plot.plot([bx, xs[0]], [by, ys[0]], pen=pg.mkPen(style.SERIES, width=1.5, style=Qt.PenStyle.DotLine))
        base = chart.plot.plot([bx], [by], pen=None, symbol="d", symbolBrush=style.BASELINE, symbolPen=None, symbolSize=12)
        chart.add_legend(base, f"{_t(lang, 'baseline')} ({data.baseline.label}): {_num(by, data.unit)}")
        chart.label(_num(by, data.unit), bx, by, anchor=(0.5, 1.3), color=style.BASELINE)
        all_x.append(bx)
        all_y.append(by)
        ticks.append((bx, data.baseline.label))
    if pts:
        line = chart.plot.plot(xs, ys, pen=pen, symbol="o", symbolBrush=style.SERIES, symbolPen="w", symbolSize=9)
        chart.add_legend(line, _t(lang, "values"))
        many = len(pts) > 8
        for i, p in enumerate(pts):
            if not many or i == len(pts) - 1:
                chart.label(_num(p.value, data.unit), x(p.date), p.value, anchor=(0.5, 1.3), color=style.SERIES, bold=i == len(pts) - 1)
    proj_label = None
    if data.projection and len(data.projection) >= 2:
        px = [x(d) for d, _ in data.projection[:2]]
        py = [v for _, v in data.projection[:2]]
        if data.unit == "%":  # a share cannot pass 100% or fall below 0: stop the line there
            for bound in (100.0, 0.0):
                if min(py) < bound < max(py) and not 0.0 <= py[1] <= 100.0:
                    t = (bound - py[0]) / (py[1] - py[0])
                    px[1], py[1] = px[0] + t * (px[1] - px[0]), bound
        proj = chart.plot.plot(px, py, pen=pg.mkPen(style.PROJECTION, width=2, style=Qt.PenStyle.DashLine))
        chart.add_legend(proj, _t(lang, "projection"))
        # Ending at the right of the plot (the target date): the value is written to the left of
        # the end, so it is never cut at the edge; above it (below a falling line, see below).
        proj_label = chart.label(_num(round(py[-1], 1), data.unit), px[-1], py[-1], anchor=(1.0, 1.2),
                                 color=style.PROJECTION)
        all_x += px
        all_y += py
    if data.target_value is not None:
        tx_end = x(data.target_date) if data.target_date else max(all_x)
        tx_start = min(all_x)
        tline = chart.plot.plot(
            [tx_start, tx_end], [data.target_value] * 2, pen=pg.mkPen(style.TARGET, width=2, style=Qt.PenStyle.DashLine)
        )
        chart.add_legend(tline, f"{_t(lang, 'target')}: {_num(data.target_value, data.unit)}")
        if data.target_date:
            chart.plot.plot([tx_end], [data.target_value], pen=None, symbol="star", symbolBrush=style.TARGET, symbolPen=None, symbolSize=16)
            ticks.append((tx_end, f"{_t(lang, 'target')} {data.target_date.year}" if lang != "en" else f"Target {data.target_date.year}"))
        all_x.append(tx_end)
        all_y.append(data.target_value)
    lo_x, hi_x = min(all_x), max(all_x)
    span = (hi_x - lo_x) or 180.0
    chart.plot.setXRange(lo_x - span * 0.06, hi_x + span * 0.08, padding=0)
    lo_y, hi_y = min(all_y), max(all_y)
    lo_y = min(lo_y, 0.0)
    if data.unit == "%" and hi_y <= 100:
        hi_y = min(100.0, hi_y * 1.2) if hi_y > 0 else 10.0
        hi_y = max(hi_y, max(all_y) * 1.12)
    else:
        hi_y = hi_y * 1.18 if hi_y > 0 else 1.0
    chart.plot.setYRange(lo_y, hi_y, padding=0)
    if proj_label is not None and py[-1] < py[0] and py[-1] - lo_y > 0.3 * (hi_y - lo_y):
        proj_label.setAnchor((1.0, -0.2))  # a falling line comes from above: write under its end
    chart.plot.showGrid(x=False, y=True, alpha=0.18)
    if data.unit and data.unit != "%":
        chart.axis_label("left", data.unit)
    chart.ticks = sorted({(x_, _wrap(s_)) for x_, s_ in ticks})
    keep = []
    if data.target_value is not None and data.target_date:
        keep.append(x(data.target_date))
    if pts:
        keep.append(xs[-1])
    chart.keep_ticks = tuple(keep)
    if any("\n" in s_ for _, s_ in chart.ticks):
        chart.plot.getAxis("bottom").setHeight(QFontMetrics(chart.font).height() * 2 + 14)
    chart._layout_ticks()
    return chart


#: Kinds whose chart can be drawn again in place (``redraw``).
REDRAWABLE = frozenset({"status_by_agency", "completion_by_plan", "indicator_series", "agency_comparison"})

BUILDERS = {
    "status_by_agency": status_by_agency,
    "completion_by_plan": completion_by_plan,
    "indicator_series": indicator_series,
    "agency_comparison": agency_comparison,
}


def redraw(chart: Chart, kind: str, data: Any, *, lang: str = "vi") -> bool:
    """Draw ``data`` again inside a chart ``build`` made for the same kind, when that kind
    can; False when a new chart is needed."""
    if kind not in REDRAWABLE or getattr(chart, "kind", None) != kind or getattr(chart, "lang", None) != lang:
        return False
    BUILDERS[kind](coerce(kind, data), lang, chart=chart)
    return True


def build(kind: str, data: Any, *, lang: str = "vi", parent: QWidget | None = None) -> Chart:
    """The chart widget of ``kind`` for ``data`` (a data class or a mapping of its fields)."""
    chart = BUILDERS[kind](coerce(kind, data), lang)
    chart.kind, chart.lang = kind, lang
    if parent is not None:
        chart.setParent(parent)
    return chart
