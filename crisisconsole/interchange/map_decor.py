"""The map's furniture, drawn with QtGui only: labels with a white halo that never overlap, the
scale bar, the graticule (lines of latitude and longitude with their degrees) and short notices
("no map file"). Without a tile file these are what make a blank background a usable map.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from crisisconsole.i18n import tr
from crisisconsole.interchange.map_view import MapView

FONT_FAMILY = "DejaVu Sans"
INK = QColor("#1f2d3d")
HALO = QColor(255, 255, 255, 230)
GRID = QColor(120, 140, 160, 110)
GRID_TEXT = QColor("#52606d")
_NICE = (1, 2, 5)
_CELL = 64  # pixels per cell of the label grid
_HALO_OFFSETS = ((-1.5, 0), (1.5, 0), (0, -1.5), (0, 1.5), (-1, -1), (1, -1), (-1, 1),
                 (1, 1))


def font(pixels: int, *, bold: bool = False, italic: bool = False) -> QFont:
    """A font by pixel size, so a map looks the same on screen, in a PNG and in a PDF."""
    result = QFont(FONT_FAMILY)
    result.setPixelSize(pixels)
    result.setBold(bold)
    result.setItalic(italic)
    return result


class Labels:
    """Places text where no earlier text or mark is: the first to claim a spot keeps it, so the
    caller decides priority by order (furniture, marks, topic titles, place names, areas).

    Claimed rectangles are kept in a coarse grid of screen cells, so a claim only looks at its
    neighbours: a frame claims hundreds of marks, and comparing each with all others would
    cost more than drawing them."""

    def __init__(self, width: int, height: int) -> None:
        self._cells: dict[tuple[int, int], list[QRectF]] = {}
        self._screen = QRectF(0, 0, width, height)
        self.drawn = 0

    def _keys(self, rect: QRectF) -> list[tuple[int, int]]:
        left, right = int(rect.left() // _CELL), int(rect.right() // _CELL)
        top, bottom = int(rect.top() // _CELL), int(rect.bottom() // _CELL)
        return [(x, y) for x in range(left, right + 1) for y in range(top, bottom + 1)]

    def free(self, rect: QRectF) -> bool:
        grown = rect.adjusted(-2, -1, 2, 1)
        return self._screen.intersects(rect) and not any(
            grown.intersects(other) for key in self._keys(grown)
            for other in self._cells.get(key, ()))

    def reserve(self, rect: QRectF) -> None:
        """Keep ``rect`` free of later texts without asking (a mark is drawn anyway, even over
        another mark; asking first cost a third of a pan frame with hundreds of marks)."""
        grown = rect.adjusted(-2, -1, 2, 1)
        for key in self._keys(grown):
            self._cells.setdefault(key, []).append(grown)

    def claim(self, rect: QRectF) -> bool:
        """Reserve ``rect`` (a label, a mark, a bar) if it is free; False when something is
        there or it is off screen."""
        if not self.free(rect):
            return False
        grown = rect.adjusted(-2, -1, 2, 1)
        for key in self._keys(grown):
            self._cells.setdefault(key, []).append(grown)
        return True

    def draw(self, painter: QPainter, text: str, anchor: QPointF, label_font: QFont, *,
             colour: QColor = INK, align: str = "right", gap: float = 6.0) -> bool:
        """Draw ``text`` beside ``anchor`` with a halo, in the first free spot: for a point
        label right of it, then left, above, below; for an area label centred on it, then a
        line higher or lower. False when every spot is taken (the text is left out)."""
        metrics = QFontMetricsF(label_font)
        width = metrics.horizontalAdvance(text)
        height = metrics.height()
        x, y = anchor.x(), anchor.y()
        if align == "centre":
            spots = [(x - width / 2, y - height / 2 + shift) for shift in (0, -height, height)]
        else:
            vertical = max(3.0, gap - 4)
            spots = [(x + gap, y - height / 2), (x - gap - width, y - height / 2),
                     (x - width / 2, y - height - vertical), (x - width / 2, y + vertical)]
        for left, top in spots:
            rect = QRectF(left, top, width, height)
            if self.claim(rect):
                halo_text(painter, text, QPointF(left, top + metrics.ascent()), label_font,
                          colour)
                self.drawn += 1
                return True
        return False


class ShiftedLabels:
    """Claims made in one view's coordinates, kept in a larger image's ``labels`` (the map
    page draws its layers a margin larger than the screen): the furniture's corners stay free
    of texts where the screen will show them."""

    def __init__(self, labels: Labels, dx: float, dy: float) -> None:
        self.labels, self.dx, self.dy = labels, dx, dy

    def claim(self, rect: QRectF) -> bool:
        return self.labels.claim(rect.translated(self.dx, self.dy))


def halo_text(painter: QPainter, text: str, baseline: QPointF, label_font: QFont,
              colour: QColor = INK) -> None:
    """Text with a white halo: the text drawn in white around its spot, then in colour. Eight
    glyph-cached draws cost a fraction of stroking a text path (a map has dozens of labels)."""
    painter.setFont(label_font)
    painter.setPen(HALO)
    x, y = baseline.x(), baseline.y()
    for dx, dy in _HALO_OFFSETS:
        painter.drawText(QPointF(x + dx, y + dy), text)
    painter.setPen(colour)
    painter.drawText(baseline, text)


def nice_length(limit: float) -> float:
    """The largest 1, 2 or 5 times a power of ten not above ``limit``."""
    if limit <= 0:
        return 0.0
    power = 10.0 ** math.floor(math.log10(limit))
    best = power
    for step in _NICE:
        if step * power <= limit:
            best = step * power
    return best


def scale_text(metres: float) -> str:
    if metres >= 1000:
        km = metres / 1000
        return f"{km:g} km"
    return f"{metres:g} m"


def scale_bar(view: MapView, labels: Labels | ShiftedLabels) -> Callable[[QPainter], None]:
    """Reserve the scale bar's corner now (labels keep out), and return its drawing for last,
    so no mark is painted over it."""
    per_pixel = view.metres_per_pixel()
    metres = nice_length(140 * per_pixel)
    length = metres / per_pixel if metres > 0 else 0.0
    left, bottom = 14.0, view.height - 16.0
    labels.claim(QRectF(left - 4, bottom - 22, length + 8, 28))

    def draw(painter: QPainter) -> None:
        if not length:
            return
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(255, 255, 255, 200))
        painter.drawRect(QRectF(left - 4, bottom - 20, length + 8, 26))
        painter.setPen(QPen(INK, 2.0))
        painter.drawLine(QPointF(left, bottom), QPointF(left + length, bottom))
        painter.drawLine(QPointF(left, bottom - 5), QPointF(left, bottom + 3))
        painter.drawLine(QPointF(left + length, bottom - 5), QPointF(left + length, bottom + 3))
        painter.setFont(font(11))
        painter.drawText(QPointF(left + 2, bottom - 6), scale_text(metres))

    return draw


def grid_step(view: MapView) -> float:
    """Degrees between graticule lines: about every 180 pixels, a 1-2-5 step."""
    degrees_per_pixel = 360.0 / view.world_pixels
    return nice_length(180 * degrees_per_pixel) or 1.0


def draw_graticule(painter: QPainter, view: MapView) -> None:
    step = grid_step(view)
    bounds = view.bounds
    decimals = max(0, -int(math.floor(math.log10(step))))
    painter.setPen(QPen(GRID, 1.0, Qt.PenStyle.DashLine))
    painter.setFont(font(10))
    east_letter = tr("O", "E")
    lon = math.ceil(bounds.west / step) * step
    while lon <= bounds.east:
        x, _ = view.screen_of(view.centre.lat, lon)
        painter.setPen(QPen(GRID, 1.0, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(x, 0), QPointF(x, view.height))
        painter.setPen(GRID_TEXT)
        painter.drawText(QPointF(x + 3, 12), f"{abs(lon):.{decimals}f}° "
                         f"{east_letter if lon >= 0 else tr('W', 'W')}")
        lon += step
    lat = math.ceil(bounds.south / step) * step
    while lat <= bounds.north:
        _, y = view.screen_of(lat, view.centre.lon)
        painter.setPen(QPen(GRID, 1.0, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(0, y), QPointF(view.width, y))
        painter.setPen(GRID_TEXT)
        painter.drawText(QPointF(4, y - 3), f"{abs(lat):.{decimals}f}° "
                         f"{'N' if lat >= 0 else tr('Z', 'S')}")
        lat += step


def notice(view: MapView, text: str, labels: Labels | ShiftedLabels) -> Callable[[QPainter], None]:
    """A short line in the top-right corner on a white band (what the map does not show):
    its place reserved now, drawn last."""
    notice_font = font(12, italic=True)
    metrics = QFontMetricsF(notice_font)
    width = metrics.horizontalAdvance(text) + 16
    rect = QRectF(view.width - width - 10, 10, width, metrics.height() + 8)
    labels.claim(rect)

    def draw(painter: QPainter) -> None:
        painter.setPen(QPen(QColor("#9fb3c8"), 1.0))
        painter.setBrush(QColor(255, 255, 255, 225))
        painter.drawRoundedRect(rect, 4, 4)
        painter.setPen(INK)
        painter.setFont(notice_font)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)

    return draw


def attribution(view: MapView, text: str, labels: Labels | ShiftedLabels) -> Callable[[QPainter], None]:
    """The tile file's attribution (OpenStreetMap data requires it), bottom right, plain."""
    small = font(10)
    metrics = QFontMetricsF(small)
    shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, view.width * 0.6)
    width = metrics.horizontalAdvance(shown) + 8
    rect = QRectF(view.width - width, view.height - metrics.height() - 4, width,
                  metrics.height() + 4)
    labels.claim(rect)

    def draw(painter: QPainter) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(255, 255, 255, 190))
        painter.drawRect(rect)
        painter.setPen(GRID_TEXT)
        painter.setFont(small)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, shown)

    return draw
