"""The map's area layer (CAP and measure areas, place outlines) drawn once per zoom level into
an image a margin larger than the screen, and only copied while the map pans.

Filling a large antialiased polygon with a hatch costs milliseconds per area and frame, and
while the map pans the areas do not change: only where they land does. So the layer is drawn
for a window around the view and reused until the view leaves that window, the zoom or the
size changes, or other areas are shown. The copy lands on whole pixels (within half a pixel of
the exact spot, like the tiles).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QImage, QPainter

from crisisconsole.interchange.map_layers import MapLayers
from crisisconsole.interchange.map_view import MapView

MARGIN = 384  # pixels around the view drawn ahead, so a pan of a few hundred pixels reuses it
MAX_SIDE = 6_000

PaintShapes = Callable[[QPainter, MapView, MapLayers], None]


class AreaLayerCache:
    def __init__(self) -> None:
        self._image: QImage | None = None
        self._key: tuple | None = None
        self._shown: tuple[object, object] | None = None  # the areas and places drawn
        self._origin = (0.0, 0.0)
        self.drawn = 0  # how often the layer was drawn anew (tests)

    def draw(self, painter: QPainter, view: MapView, layers: MapLayers, ratio: float,
             paint: PaintShapes) -> None:
        key = (view.zoom, view.width, view.height, ratio, layers.show_areas, layers.show_places)
        ox, oy = view.origin
        fresh = (self._image is not None and key == self._key and self._shown is not None
                 and self._shown[0] is layers.areas and self._shown[1] is layers.places
                 and abs(ox - (self._origin[0] + MARGIN)) <= MARGIN
                 and abs(oy - (self._origin[1] + MARGIN)) <= MARGIN)
        if not fresh:
            width = min(MAX_SIDE, view.width + 2 * MARGIN)
            height = min(MAX_SIDE, view.height + 2 * MARGIN)
            window = MapView(view.centre, view.zoom, width, height)
            image = QImage(round(width * ratio), round(height * ratio),
                           QImage.Format.Format_ARGB32_Premultiplied)
            image.setDevicePixelRatio(ratio)
            image.fill(Qt.GlobalColor.transparent)
            layer = QPainter(image)
            try:
                layer.setRenderHint(QPainter.RenderHint.Antialiasing, True)
                paint(layer, window, layers)
            finally:
                layer.end()
            self._image, self._key, self._origin = image, key, window.origin
            self._shown = (layers.areas, layers.places)
            self.drawn += 1
        assert self._image is not None
        painter.drawImage(QPointF(round(self._origin[0] - ox), round(self._origin[1] - oy)),
                          self._image)

    def clear(self) -> None:
        self._image = self._key = self._shown = None
