"""The map's marks as small cached images (sprites): a dot per entry in its reliability colour,
a cluster disc with its count and a ring showing the mix of reliability, a diamond per topic.

Antialiased circles, pies and text cost tens of microseconds each; a big crisis has hundreds
of marks per frame, and while the map pans most of them are the same as a frame ago. Each mark
is drawn once into an image at the screen's pixel ratio and then only copied.
"""

from __future__ import annotations

import math
from collections import OrderedDict

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QPainter, QPainterPath

from crisisconsole.domain.reliability import RELIABILITY_COLOURS
from crisisconsole.interchange import map_decor
from crisisconsole.interchange.map_layers import RELIABILITY_ORDER

MARK_COLOURS = tuple(QColor(RELIABILITY_COLOURS[tag]) for tag in RELIABILITY_ORDER)
TOPIC_COLOUR = QColor("#102a43")
WHITE = QColor("#ffffff")
POINT_RADIUS = 5.5
TOPIC_SIZE = 8.0
_RING = 5.0
_BORDER = 1.5
_STEPS = 72  # a ring's segments are drawn to 5 degrees


def cluster_radius(count: int) -> float:
    return POINT_RADIUS if count <= 1 else min(26.0, 10.0 + 3.2 * math.log2(count))


class Sprites:
    def __init__(self, capacity: int = 2000) -> None:
        self.capacity = capacity
        self._cache: OrderedDict[tuple, QImage] = OrderedDict()
        self._count_font = map_decor.font(11, bold=True)
        self._metrics = QFontMetricsF(self._count_font)

    def _get(self, key: tuple, radius: float, ratio: float, draw) -> QImage:  # noqa: ANN001
        image = self._cache.get(key)
        if image is not None:
            self._cache.move_to_end(key)
            return image
        side = math.ceil(2 * radius + 4)
        image = QImage(math.ceil(side * ratio), math.ceil(side * ratio),
                       QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(ratio)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
            painter.setPen(Qt.PenStyle.NoPen)
            draw(painter, QPointF(side / 2, side / 2))
        finally:
            painter.end()
        self._cache[key] = image
        if len(self._cache) > self.capacity:
            self._cache.popitem(last=False)
        return image

    @staticmethod
    def _place(painter: QPainter, image: QImage, x: float, y: float) -> None:
        side = image.width() / image.devicePixelRatio()
        painter.drawImage(QRectF(round(x - side / 2), round(y - side / 2), side, side), image)

    def point(self, painter: QPainter, x: float, y: float, code: int, ratio: float) -> None:
        def draw(p: QPainter, c: QPointF) -> None:
            p.setBrush(WHITE)
            p.drawEllipse(c, POINT_RADIUS + _BORDER, POINT_RADIUS + _BORDER)
            p.setBrush(MARK_COLOURS[code])
            p.drawEllipse(c, POINT_RADIUS, POINT_RADIUS)

        self._place(painter, self._get(("p", code, ratio), POINT_RADIUS + _BORDER, ratio, draw),
                    x, y)

    def cluster(self, painter: QPainter, x: float, y: float, counts: tuple[int, int, int],
                ratio: float) -> float:
        """Draw a cluster mark; returns its radius (for hit tests). The ring (its size and
        mix) and the count are two sprites, each kept: at a new zoom level most clusters have
        a new count, but their rings and their numbers were seen before."""
        total = sum(counts)
        radius = round(cluster_radius(total) * 2) / 2
        steps = [round(_STEPS * n / total) for n in counts]  # the ring's mix, to 5 degrees
        text = str(total)

        def ring(p: QPainter, c: QPointF) -> None:
            p.setBrush(WHITE)
            p.drawEllipse(c, radius + _BORDER, radius + _BORDER)
            rect = QRectF(c.x() - radius, c.y() - radius, 2 * radius, 2 * radius)
            start = 90 * 16
            for code, step in enumerate(steps):
                if not step:
                    continue
                span = -round(360 * 16 * step / _STEPS)
                p.setBrush(MARK_COLOURS[code])
                p.drawPie(rect, start, span)
                start += span
            p.setBrush(WHITE)
            p.drawEllipse(c, radius - _RING, radius - _RING)

        def number(p: QPainter, c: QPointF) -> None:
            p.setPen(map_decor.INK)
            p.setFont(self._count_font)
            width = self._metrics.horizontalAdvance(text)
            p.drawText(QPointF(c.x() - width / 2,
                               c.y() + (self._metrics.ascent() - self._metrics.descent()) / 2),
                       text)

        key = ("c", radius, tuple(steps), ratio)
        self._place(painter, self._get(key, radius + _BORDER, ratio, ring), x, y)
        half = max(radius - _RING, self._metrics.horizontalAdvance(text) / 2 + 1)
        self._place(painter, self._get(("n", text, ratio), half, ratio, number), x, y)
        return radius

    def topic(self, painter: QPainter, x: float, y: float, ratio: float) -> None:
        def draw(p: QPainter, c: QPointF) -> None:
            for size, colour in ((TOPIC_SIZE + 1.8, WHITE), (TOPIC_SIZE, TOPIC_COLOUR)):
                diamond = QPainterPath()
                diamond.moveTo(c.x(), c.y() - size)
                diamond.lineTo(c.x() + size, c.y())
                diamond.lineTo(c.x(), c.y() + size)
                diamond.lineTo(c.x() - size, c.y())
                diamond.closeSubpath()
                p.fillPath(diamond, colour)

        self._place(painter, self._get(("t", ratio), TOPIC_SIZE + 1.8, ratio, draw), x, y)
