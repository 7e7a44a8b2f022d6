"""Painting of the log table: reliability and age as badges, search hits highlighted."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from crisisconsole.ui.models.log_table_model import BadgeRole, HighlightRole

HIT_BG = QColor("#ffe066")


class BadgeDelegate(QStyledItemDelegate):
    """A rounded badge with the cell's text, in the colours the model gives (BadgeRole)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        colours = index.data(BadgeRole)
        if not colours:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        if style is not None:
            option.text = ""
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter,
                              option.widget)
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        metrics = QFontMetrics(option.font)
        width = min(metrics.horizontalAdvance(text) + 14, option.rect.width() - 6)
        rect = QRect(option.rect.x() + 3, option.rect.y() + 3, width, option.rect.height() - 6)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colours[0]))
        painter.drawRoundedRect(rect, 6, 6)
        painter.setPen(QColor(colours[1]))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter,
                         metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width() - 6))
        painter.restore()


class HighlightDelegate(QStyledItemDelegate):
    """The entry text with the search hits on a yellow background."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        spans = index.data(HighlightRole)
        if not spans:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        text = option.text
        option.text = ""
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter,
                              option.widget)
        metrics = QFontMetrics(option.font)
        rect = option.rect.adjusted(4, 0, -4, 0)
        elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        painter.save()
        painter.setFont(option.font)
        for start, length in spans:
            if start >= len(elided):
                continue
            x = rect.x() + metrics.horizontalAdvance(elided[:start])
            w = metrics.horizontalAdvance(elided[start:start + length])
            painter.fillRect(QRect(x, rect.y() + 3, w, rect.height() - 6), HIT_BG)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        colour = option.palette.highlightedText().color() if selected else \
            option.palette.text().color()
        foreground = index.data(Qt.ItemDataRole.ForegroundRole)
        if foreground is not None and not selected:
            colour = foreground.color()
        painter.setPen(colour)
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                         elided)
        painter.restore()
