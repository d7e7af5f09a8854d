"""The report's chart images, drawn by the app's own chart code (``cdsdesk.ui.charts.render``).

The import is lazy and the only door from ``reports`` into Qt: without the chart module, or
without a usable Qt, the report renders without images rather than failing."""

from __future__ import annotations

import logging
from pathlib import Path

from .outline import Chart

log = logging.getLogger(__name__)

WIDTH_PX, HEIGHT_PX = 1600, 900


def _renderer():
    try:
        from ..ui.charts.render import render_png  # noqa: PLC0415 - lazy: Qt only when charts are drawn
    except Exception as exc:  # ImportError, or Qt failing to load its platform plugin
        log.info("charts unavailable: %s", exc)
        return None
    return render_png


def render_chart(chart: Chart, path: Path, *, width: int = WIDTH_PX, height: int = HEIGHT_PX) -> Path | None:
    """Draw ``chart`` into a PNG at ``path``; None when charts cannot be drawn here."""
    render_png = _renderer()
    if render_png is None:
        return None
    try:
        render_png(chart.kind, chart.data, path, width=width, height=height)
    except Exception as exc:  # a chart must never cost the user the whole report
        log.warning("chart %s not drawn: %s", chart.kind, exc)
        return None
    return path if path.exists() and path.stat().st_size > 0 else None
