"""A cell drawn as a coloured badge (the class of a target): the model gives the text in
DisplayRole and the colour in ``BadgeColorRole``."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

BadgeColorRole = Qt.ItemDataRole.UserRole + 10


class BadgeDelegate(QStyledItemDelegate):
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        color = index.data(BadgeColorRole)
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        if not color or not text:
            return super().paint(painter, option, index)
        painter.save()
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(option.rect, option.palette.highlight())
        metrics = option.fontMetrics
        pad_x, pad_y = 8, 3
        need = metrics.horizontalAdvance(text) + 2 * pad_x
        w = min(need, option.rect.width() - 6)
        h = min(metrics.height() + 2 * pad_y, option.rect.height() - 4)
        rect = QRectF(option.rect.x() + 4, option.rect.center().y() - h / 2 + 0.5, w, h)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(color))
        painter.drawRoundedRect(rect, h / 2, h / 2)
        painter.setPen(QColor("white"))
        # Elide only when the cell is really too narrow: eliding to the text's own rounded width
        # cuts the last letters on some fonts.
        elided = text if need <= w else metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(w - 2 * pad_x))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, elided)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        size = super().sizeHint(option, index)
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        return QSize(max(size.width(), option.fontMetrics.horizontalAdvance(text) + 32), max(size.height(), option.fontMetrics.height() + 10))
