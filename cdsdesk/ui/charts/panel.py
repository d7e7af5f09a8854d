"""A chart on screen: holds the chart data, draws it once the widget is shown (pyqtgraph loads
only then, after the first paint), and saves it as PNG from its context menu or its button."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QContextMenuEvent, QShowEvent
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QMenu, QMessageBox, QToolButton, QVBoxLayout, QWidget

from ...domain.errors import UserError
from ...domain.text import fold


class ChartPanel(QWidget):
    """Shows one chart of a ``kind`` from ``charts.render``; ``set_data`` redraws it."""

    #: The chart was drawn (after ``set_data`` and the first show).
    chart_changed = Signal()
    #: A PNG was written (path).
    exported = Signal(object)

    def __init__(self, kind: str, parent: QWidget | None = None, *, lang: str = "vi", file_stem: str = "bieu-do") -> None:
        super().__init__(parent)
        self.kind = kind
        self.lang = lang
        self.file_stem = file_stem
        self.data: Any = None
        self.chart: Any = None  # the pyqtgraph widget, once drawn
        self._dirty = False
        self._pending = False
        self.setMinimumHeight(220)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(0)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 4, 0)
        bar.addStretch(1)
        self.save_button = QToolButton(self)
        self.save_button.setText(self.tr("Lưu ảnh PNG…"))
        self.save_button.setToolTip(self.tr("Lưu biểu đồ thành tệp ảnh PNG"))
        self.save_button.setAutoRaise(True)
        self.save_button.clicked.connect(self.export_dialog)
        self.save_button.setEnabled(False)
        bar.addWidget(self.save_button)
        self._layout.addLayout(bar)
        self._placeholder = QLabel(self.tr("Đang vẽ biểu đồ…"), self)
        self._placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._layout.addWidget(self._placeholder, 1)
        self.save_action = QAction(self.tr("Lưu biểu đồ thành ảnh PNG…"), self)
        self.save_action.triggered.connect(self.export_dialog)

    # --- data ----------------------------------------------------------------------------------
    def set_data(self, data: Any) -> None:
        self.data = data
        self.save_button.setEnabled(data is not None)
        if data is None:
            self._dirty = False
            self._clear()
            return
        self._dirty = True
        if self.isVisible():
            self._schedule()

    def _clear(self) -> None:
        if self.chart is not None:
            self._layout.removeWidget(self.chart)
            self.chart.hide()
            self.chart.deleteLater()
            self.chart = None
            self._layout.addWidget(self._placeholder, 1)
        self._placeholder.setText(self.tr("Chưa có dữ liệu để vẽ"))
        self._placeholder.show()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._dirty:
            self._schedule()

    def _schedule(self) -> None:
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self._draw)

    def _draw(self) -> None:
        self._pending = False
        if self._dirty:
            self.ensure_drawn()

    def ensure_drawn(self) -> Any:
        """Draw now if the data changed (tests and export call this directly)."""
        if not self._dirty or self.data is None:
            return self.chart
        from . import plots  # pyqtgraph loads here, never before a chart is needed

        if self.chart is not None and plots.redraw(self.chart, self.kind, self.data, lang=self.lang):
            self._dirty = False
            self.chart_changed.emit()
            return self.chart
        chart = plots.build(self.kind, self.data, lang=self.lang)
        chart.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        old = self.chart
        if old is not None:
            self._layout.removeWidget(old)
            old.hide()
            old.deleteLater()
        else:
            self._layout.removeWidget(self._placeholder)
            self._placeholder.hide()
        self._layout.addWidget(chart, 1)
        self.chart = chart
        self._dirty = False
        self.chart_changed.emit()
        return chart

    # --- export --------------------------------------------------------------------------------
    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        if self.data is None:
            return
        menu = QMenu(self)
        menu.addAction(self.save_action)
        menu.exec(event.globalPos())

    def suggested_name(self) -> str:
        title = getattr(self.data, "title", "") or getattr(self.data, "indicator", "") or getattr(self.data, "name", "")
        stem = fold(title).replace(" ", "-")[:60] if title else self.file_stem
        return "".join(ch for ch in stem if ch.isalnum() or ch in "-_") + ".png"

    def export_dialog(self) -> None:
        if self.data is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Lưu biểu đồ"), str(Path.home() / self.suggested_name()), self.tr("Ảnh PNG (*.png)")
        )
        if path:
            if not path.lower().endswith(".png"):
                path += ".png"
            try:
                self.export_png(Path(path))
            except (UserError, OSError) as exc:
                msg = exc.message(self.lang) if isinstance(exc, UserError) else str(exc)
                QMessageBox.warning(self, self.tr("Không lưu được biểu đồ"), msg)

    def export_png(self, path: Path, *, width: int = 1600, height: int = 900) -> Path:
        """The chart as the reports draw it, at print size."""
        from .render import render_png

        out = render_png(self.kind, self.data, Path(path), width=width, height=height, lang=self.lang)
        self.exported.emit(out)
        return out
