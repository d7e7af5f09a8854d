"""Charts as PNG files, for the reports and for "save chart as image".

``render_png`` works with or without a running GUI: in the command line it starts an offscreen
QApplication, so a report can be built on a server with no display.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from .data import CHART_KINDS

#: Charts are laid out at this logical width and scaled up, so that 1600 px wide output keeps
#: text readable when the picture is printed 16 cm wide in a report.
LOGICAL_WIDTH = 820

_app: Any = None  # the offscreen QApplication we started, kept alive for the process


def ensure_app() -> Any:
    """The running QApplication, or a new offscreen one when there is none (the CLI)."""
    global _app
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        if not os.environ.get("QT_QPA_PLATFORM"):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        _app = app = QApplication([sys.argv[0] if sys.argv else "cdsdesk"])
    return app


def render_png(
    kind: str,
    data: Any,
    path: Path,
    *,
    width: int = 1600,
    height: int = 900,
    lang: str = "vi",
) -> Path:
    """Draw a chart of ``kind`` (status_by_agency, completion_by_plan, indicator_series,
    agency_comparison) for ``data`` into the PNG file ``path``; returns the path.

    ``data`` is the matching class of ``charts.data`` or a mapping with the same fields.
    """
    if kind not in CHART_KINDS:
        raise ValueError(f"unknown chart kind {kind!r}; one of {', '.join(CHART_KINDS)}")
    if width < 100 or height < 80:
        raise ValueError("chart too small")
    ensure_app()
    from . import plots

    path = Path(path)
    chart = plots.build(kind, data, lang=lang)
    return _grab(chart, path, width, height)


def _grab(chart: Any, path: Path, width: int, height: int) -> Path:
    """Lay the widget out at a logical size, paint it scaled into a width × height image."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtWidgets import QApplication

    scale = max(1.0, width / LOGICAL_WIDTH)
    chart.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    chart.resize(round(width / scale), round(height / scale))
    chart.show()
    QApplication.processEvents()
    chart.resize(round(width / scale), round(height / scale))
    QApplication.processEvents()
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    # QGraphicsView.render maps the whole view onto the whole image: the scale-up happens here.
    chart.render(painter)
    painter.end()
    chart.hide()
    chart.deleteLater()
    path.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(path), "PNG"):
        from ...domain.errors import UserError

        raise UserError(f"Không ghi được tệp ảnh: {path}", f"Cannot write the image file: {path}")
    return path
