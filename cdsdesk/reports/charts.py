"""The report's chart images, drawn by the app's own chart code (``cdsdesk.ui.charts.render``).

The import is lazy and the only door from ``reports`` into Qt: without the chart module, or
without a usable Qt, the report renders without images rather than failing."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from .model import Report
from .outline import Chart, chart_specs

log = logging.getLogger(__name__)

WIDTH_PX, HEIGHT_PX = 1600, 900
#: Room per bar in the image: a plan's name and its count on two lines, an agency on one; the
#: title, the axis and the legend take FRAME_PX. The image is at least HEIGHT_PX tall and at
#: most MAX_HEIGHT_PX (160 × 200 mm on the page).
ROW_PX = {"completion_by_plan": 76, "status_by_agency": 46}
FRAME_PX, MAX_HEIGHT_PX = 340, 2000


def image_height(chart: Chart) -> int:
    """The height in pixels (at WIDTH_PX) that gives every bar of ``chart`` room for its name."""
    per_row = ROW_PX.get(chart.kind)
    if per_row is None:
        return HEIGHT_PX
    rows = len(chart.data.get("plans") or chart.data.get("agencies") or ())
    return min(MAX_HEIGHT_PX, max(HEIGHT_PX, FRAME_PX + per_row * rows))


def _renderer():
    try:
        from ..ui.charts.render import render_png  # noqa: PLC0415 - lazy: Qt only when charts are drawn
    except Exception as exc:  # ImportError, or Qt failing to load its platform plugin
        log.info("charts unavailable: %s", exc)
        return None
    return render_png


def render_chart(chart: Chart, path: Path, *, width: int = WIDTH_PX, height: int | None = None) -> Path | None:
    """Draw ``chart`` into a PNG at ``path`` (``height``: by default :func:`image_height`); None
    when charts cannot be drawn here."""
    if threading.current_thread() is not threading.main_thread():
        # Qt draws widgets on the GUI thread only; a worker gets its images from render_charts().
        return None
    render_png = _renderer()
    if render_png is None:
        return None
    try:
        render_png(chart.kind, chart.data, path, width=width, height=height or image_height(chart))
    except Exception as exc:  # a chart must never cost the user the whole report
        log.warning("chart %s not drawn: %s", chart.kind, exc)
        return None
    return path if path.exists() and path.stat().st_size > 0 else None


def render_charts(report: Report, folder: Path) -> dict[str, Path]:
    """Every chart of the report drawn into ``folder`` (call on the GUI/main thread); kind → PNG.
    The GUI draws them first, then hands the dict to a renderer running on a worker thread."""
    out: dict[str, Path] = {}
    for chart in chart_specs(report):
        png = render_chart(chart, Path(folder) / f"{chart.kind}.png")
        if png is not None:
            out[chart.kind] = png
    return out


def chart_image(chart: Chart, folder: Path, images: dict[str, Path] | None) -> Path | None:
    """The image for ``chart``: from ``images`` when given, else drawn now (main thread only)."""
    if images is not None:
        return images.get(chart.kind)
    return render_chart(chart, Path(folder) / f"{chart.kind}.png")
