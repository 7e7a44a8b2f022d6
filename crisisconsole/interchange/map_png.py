"""The map as PNG bytes (``map render``, the small maps in letters and the picture), with the
view chosen to show what matters: the areas and the entries, else the places."""

from __future__ import annotations

import math
from collections.abc import Iterable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QImage, QPainter

from crisisconsole.domain.geo import Circle, LatLon, MultiPolygon
from crisisconsole.interchange.map_layers import MapArea, MapLayers
from crisisconsole.interchange.map_paint import MapPainter
from crisisconsole.interchange.map_view import MapView
from crisisconsole.interchange.tiles import TileSource

METRES_PER_DEGREE = 111_320.0  # of latitude; enough to box a circle for the view


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def area_points(areas: Iterable[MapArea]) -> list[LatLon]:
    """Points that span the areas (a circle by its box)."""
    found: list[LatLon] = []
    for area in areas:
        shape = area.shape
        if isinstance(shape, MultiPolygon):
            b = shape.bounds
            found += [LatLon(b.south, b.west), LatLon(b.north, b.east)]
        elif isinstance(shape, Circle):
            c = shape.centre
            dlat = shape.radius_m / METRES_PER_DEGREE
            dlon = dlat / max(0.1, abs(math.cos(math.radians(c.lat))))
            found += [LatLon(max(-89.0, c.lat - dlat), max(-180.0, c.lon - dlon)),
                      LatLon(min(89.0, c.lat + dlat), min(180.0, c.lon + dlon))]
    return found


def fit_view(layers: MapLayers, width: int, height: int, *,
             fallback: LatLon | None = None, max_zoom: float = 16.5) -> MapView:
    """The view that shows the areas and the entries (else the places, else ``fallback`` or
    the middle of the Netherlands)."""
    points = area_points(layers.areas) + [p.position for p in layers.points]
    if not points:
        points = [p.position for p in layers.places]
    if not points:
        return MapView(fallback or LatLon(52.1, 5.3), 8.0 if fallback is None else 14.0,
                       width, height)
    return MapView.fit(points, width, height, max_zoom=max_zoom)


def render_png(view: MapView, layers: MapLayers, tiles: TileSource | None, *,
               ratio: float = 1.0) -> bytes:
    """The map as PNG; ``ratio`` 2 draws it at twice the pixels (print: crisp lines and text
    at the same layout)."""
    if ratio == 1.0:
        return png_bytes(MapPainter(tiles).render(view, layers))
    from crisisconsole.interchange.pdf_render import ensure_gui_app

    ensure_gui_app()
    image = QImage(round(view.width * ratio), round(view.height * ratio),
                   QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(ratio)
    painter = QPainter(image)
    try:
        MapPainter(tiles).paint(painter, view, layers)
    finally:
        painter.end()
    return png_bytes(image)
