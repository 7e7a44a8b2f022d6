"""Drawing the crisis timeline with QPainter (QtGui only): one lane each for the GRIP steps,
the decisions, the measures (bars from issue to ratification or lapse), the requests (bars
from asked to answered; red when overdue) and the topics, under a time axis. The same drawing
serves the Tijdlijn page (zoomed to a window of time), a test offscreen (a QImage) and the PDF.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen, QPolygonF

from crisisconsole.i18n import tr
from crisisconsole.interchange.pdf_render import ensure_gui_app

AMS = ZoneInfo("Europe/Amsterdam")
LANE_H = 26.0
LABEL_W = 150.0
COLORS = {"open": "#1f6fb2", "partly_answered": "#8a6d00", "answered": "#2e7d32",
          "declined": "#6d4c41", "withdrawn": "#9e9e9e", "overdue": "#c62828",
          "measure": "#5e35b1", "measure_ended": "#9575cd", "topic": "#00838f",
          "grip": "#ef6c00", "decision": "#263238"}
_STEPS = (timedelta(minutes=5), timedelta(minutes=15), timedelta(minutes=30), timedelta(hours=1),
          timedelta(hours=2), timedelta(hours=6), timedelta(hours=12), timedelta(days=1),
          timedelta(days=7))


def lanes(timeline: Any) -> list[tuple[str, str, list[Any]]]:
    """(kind, title, items) per lane, each bar on a row of its own."""
    return [("grip", "GRIP", [list(timeline.grip)]),
            ("decisions", tr("Besluiten", "Decisions"), [list(timeline.decisions)]),
            ("measures", tr("Maatregelen", "Measures"), [[b] for b in timeline.measures]),
            ("requests", tr("Uitvragen", "Requests"), [[b] for b in timeline.requests]),
            ("topics", tr("Onderwerpen", "Topics"), [[b] for b in timeline.topics])]


def content_height(timeline: Any) -> float:
    rows = sum(max(1, len(items)) for _k, _t, items in lanes(timeline))
    return 40 + rows * LANE_H + 10 * len(lanes(timeline))


def _tick_step(span: timedelta, width: float) -> timedelta:
    for step in _STEPS:
        if span / step <= max(2.0, width / 90):
            return step
    return _STEPS[-1]


def paint_timeline(painter: QPainter, area: QRectF, timeline: Any,
                   window: tuple[datetime, datetime] | None = None) -> None:
    """Draw ``timeline`` into ``area``; ``window`` is the zoom (default: the whole crisis)."""
    start, end = window or (timeline.start, max(timeline.end, timeline.start
                                                + timedelta(minutes=30)))
    span = end - start
    plot = QRectF(area.left() + LABEL_W, area.top() + 30, area.width() - LABEL_W - 10,
                  area.height() - 30)

    def x(at: datetime) -> float:
        return plot.left() + plot.width() * ((at - start) / span)

    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(area, QColor("#ffffff"))
    small = QFont("DejaVu Sans", 8)
    bold = QFont("DejaVu Sans", 9)
    bold.setBold(True)
    painter.setFont(small)
    step = _tick_step(span, plot.width())
    tick = (start.astimezone(AMS).replace(minute=0, second=0, microsecond=0)
            if step >= timedelta(hours=1) else start.replace(second=0, microsecond=0))
    while tick <= end:
        if tick >= start:
            px = x(tick)
            painter.setPen(QPen(QColor("#e0e0e0"), 1))
            painter.drawLine(QPointF(px, plot.top()), QPointF(px, area.bottom()))
            painter.setPen(QColor("#424242"))
            fmt = "%d-%m %H:%M" if step >= timedelta(hours=6) else "%H:%M"
            painter.drawText(QRectF(px - 40, area.top() + 8, 80, 16),
                             Qt.AlignmentFlag.AlignCenter, tick.astimezone(AMS).strftime(fmt))
        tick += step
    y = plot.top()
    painter.setClipRect(area)
    for kind, title, rows in lanes(timeline):
        painter.setPen(QColor("#212121"))
        painter.setFont(bold)
        painter.drawText(QRectF(area.left() + 4, y, LABEL_W - 8, LANE_H),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, title)
        painter.setFont(small)
        for items in rows or [[]]:
            free = [plot.left()]  # where the next mark's label may start (no overlaps)
            for item in items:
                _draw_item(painter, kind, item, x, y, plot, end, free)
            y += LANE_H
        painter.setPen(QPen(QColor("#bdbdbd"), 1))
        painter.drawLine(QPointF(area.left(), y + 4), QPointF(area.right(), y + 4))
        y += 10
    painter.restore()


def _draw_item(painter: QPainter, kind: str, item: Any, x: Any, y: float, plot: QRectF,
               end: datetime, free: list[float]) -> None:
    mid = y + LANE_H / 2
    if kind in ("grip", "decisions"):
        px = x(item.at)
        if px < plot.left() - 2 or px > plot.right() + 2:
            return
        color = QColor(COLORS["grip" if kind == "grip" else "decision"])
        painter.setPen(QPen(color, 1.5))
        painter.setBrush(color)
        if kind == "grip":
            painter.drawLine(QPointF(px, y + 3), QPointF(px, y + LANE_H - 3))
        else:
            painter.drawPolygon(QPolygonF([QPointF(px, mid - 6), QPointF(px + 6, mid),
                                           QPointF(px, mid + 6), QPointF(px - 6, mid)]))
        label = item.label[:40]
        width = painter.fontMetrics().horizontalAdvance(label)
        if px + 8 >= free[0]:  # a label only where it does not run into the one before
            painter.setPen(QColor("#212121"))
            painter.drawText(QRectF(px + 8, y, width + 4, LANE_H), Qt.AlignmentFlag.AlignVCenter,
                             label)
            free[0] = px + 8 + width + 6
        return
    left = max(x(item.start), plot.left())
    right = min(x(item.end or end), plot.right())
    if right < plot.left() or left > plot.right():
        return
    if kind == "measures":
        color = QColor(COLORS["measure_ended" if item.end else "measure"])
    elif kind == "requests":
        color = QColor(COLORS["overdue" if item.overdue else item.state] if (
            item.overdue or item.state in COLORS) else COLORS["open"])
    else:
        color = QColor(COLORS["topic"])
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawRoundedRect(QRectF(left, y + 5, max(3.0, right - left), LANE_H - 10), 3, 3)
    if kind == "requests" and item.due is not None:
        due = x(item.due)
        if plot.left() <= due <= plot.right():
            painter.setPen(QPen(QColor("#c62828"), 1.5, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(due, y + 2), QPointF(due, y + LANE_H - 2))
    painter.setPen(QColor("#ffffff") if right - left > 120 else QColor("#212121"))
    text_left = left + 4 if right - left > 120 else right + 4
    painter.drawText(QRectF(text_left, y, 360, LANE_H), Qt.AlignmentFlag.AlignVCenter,
                     item.label[:60])


def timeline_image(timeline: Any, width: int = 1200, window: tuple[datetime, datetime] | None
                   = None, scale: float = 1.0) -> QImage:
    """The timeline as an image (tests, the PDF): width in logical pixels, ``scale`` for print."""
    ensure_gui_app()  # fonts need a Qt application (the CLI has none)
    height = int(content_height(timeline))
    image = QImage(int(width * scale), int(height * scale), QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    try:
        painter.scale(scale, scale)
        paint_timeline(painter, QRectF(0, 0, width, height), timeline, window)
    finally:
        painter.end()
    return image
