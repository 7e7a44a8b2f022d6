"""The demo's tile file: Waalbergen drawn with QPainter at zoom levels 12–16 and written as
MBTiles, generated on the machine (never downloaded), so the demo shows a real tile layer
offline.

Every tile is drawn from the same features (``waalbergen_map``) in world coordinates, with line
widths in metres (never thinner than a pixel), so neighbouring tiles join seamlessly and the
map looks the same at every level. Tiles carry no text: the map draws the gazetteer's names on
top, once, at any zoom.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import mercantile
from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen, QTransform

from crisisconsole.demo import waalbergen_map as town
from crisisconsole.domain.geo import Bounds
from crisisconsole.interchange.map_view import EARTH_CIRCUMFERENCE_M, TILE_SIZE, world_xy
from crisisconsole.interchange.tiles_mbtiles import write_mbtiles

MIN_ZOOM, MAX_ZOOM = 12, 16
# Where tiles are made: the whole drawing up to zoom 15, the town itself at 16 (a view at 16
# outside it draws the upscaled 15 tiles).
EXTENT_M = (-4300, -1900, 4300, 1300)
CORE_M = (-1900, -1400, 1500, 900)
ATTRIBUTION = "Demokaart Waalbergen (gegenereerd, fictief)"

# The style, close to the usual topographic map, so the aide reads it without a legend.
COLOURS = {
    "land": "#f2efe9", "builtup": "#e3dbd0", "water": "#a9cde0", "grass": "#cde6b8",
    "quay": "#d4d0cc", "square": "#f6e7c8", "stand": "#c9c4c0", "pitch": "#9fd08a",
    "canal": "#a9cde0", "main": "#f7c97e", "street": "#ffffff", "minor": "#ffffff",
    "rail": "#7a7a7a", "building": "#c9b8a8", "garage": "#b9b3cf",
}
CASING = {"main": "#c98f3a", "street": "#a89c8f", "minor": "#c2b7aa"}
OUTLINE = {"building": "#a8927c", "garage": "#8a82a8", "stand": "#9a948e"}
MIN_LINE_PIXELS = {"main": 2.5, "street": 1.8, "minor": 0.8, "canal": 1.5, "rail": 1.2}


@dataclass(frozen=True)
class _Drawn:
    kind: str
    path: QPainterPath  # in world units (0..1)
    width_m: float
    closed: bool


def _world_path(feature: town.Feature, closed: bool) -> QPainterPath:
    points = town.ring(feature.points)
    path = QPainterPath()
    first = world_xy(points[0].lat, points[0].lon)
    path.moveTo(*first)
    for point in points[1:]:
        path.lineTo(*world_xy(point.lat, point.lon))
    if closed:
        path.closeSubpath()
    return path


def _drawn() -> list[_Drawn]:
    found = [_Drawn(f.kind, _world_path(f, True), 0.0, True)
             for f in (*town.AREAS, *town.BUILDINGS)]
    found += [_Drawn(f.kind, _world_path(f, False), f.width_m, False)
              for f in (*town.MINOR, *town.LINES)]
    order = ["land", "builtup", "grass", "water", "quay", "square", "stand", "pitch", "canal",
             "minor", "street", "main", "rail", "building", "garage"]
    return sorted(found, key=lambda d: order.index(d.kind))


def _metres_to_world(metres: float) -> float:
    return metres / (EARTH_CIRCUMFERENCE_M * math.cos(math.radians(town.WAALBERGEN_CENTRE.lat)))


def _line_width(item: _Drawn, world_pixels: float, casing_pixels: float = 0.0) -> float:
    """A line's width in world units: its metres, never under its minimum in pixels, plus a
    casing on both sides."""
    minimum = MIN_LINE_PIXELS.get(item.kind, 1.0) / world_pixels
    return max(_metres_to_world(item.width_m), minimum) + 2 * casing_pixels / world_pixels


def draw_tile(items: list[_Drawn], z: int, x: int, y: int) -> QImage:
    """One 256-pixel tile (XYZ address) as an image."""
    image = QImage(TILE_SIZE, TILE_SIZE, QImage.Format.Format_RGB32)
    image.fill(QColor(COLOURS["land"]))
    world_pixels = TILE_SIZE * 2.0 ** z
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setTransform(QTransform(world_pixels, 0, 0, world_pixels, -x * TILE_SIZE,
                                        -y * TILE_SIZE))
        casing = 1.0 if z >= 14 else 0.5  # pixels each side
        for item in items:
            colour = QColor(COLOURS[item.kind])
            if item.closed:
                painter.setPen(Qt.PenStyle.NoPen)
                if item.kind in OUTLINE:
                    painter.setPen(QPen(QColor(OUTLINE[item.kind]), 1.0 / world_pixels))
                painter.setBrush(colour)
                painter.drawPath(item.path)
                continue
            painter.setBrush(Qt.BrushStyle.NoBrush)
            if item.kind in CASING:
                painter.setPen(QPen(QColor(CASING[item.kind]),
                                    _line_width(item, world_pixels, casing),
                                    Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                                    Qt.PenJoinStyle.RoundJoin))
                painter.drawPath(item.path)
            pen = QPen(colour, _line_width(item, world_pixels), Qt.PenStyle.SolidLine,
                       Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
            if item.kind == "rail":
                pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            painter.setPen(pen)
            painter.drawPath(item.path)
            if item.kind == "rail" and z >= 14:  # the white dashes of a railway
                dashes = QPen(QColor("#ffffff"), _line_width(item, world_pixels) * 0.5)
                dashes.setDashPattern([4.0, 4.0])
                dashes.setCapStyle(Qt.PenCapStyle.FlatCap)
                painter.setPen(dashes)
                painter.drawPath(item.path)
    finally:
        painter.end()
    return image


def png(image: QImage) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())


def _bounds(box: tuple[float, float, float, float]) -> Bounds:
    south_west = town.to_latlon(box[0], box[1])
    north_east = town.to_latlon(box[2], box[3])
    return Bounds(south_west.lat, south_west.lon, north_east.lat, north_east.lon)


def tile_addresses(min_zoom: int = MIN_ZOOM, max_zoom: int = MAX_ZOOM) -> list[mercantile.Tile]:
    extent, core = _bounds(EXTENT_M), _bounds(CORE_M)
    found = []
    for z in range(min_zoom, max_zoom + 1):
        box = core if z == MAX_ZOOM else extent
        found += list(mercantile.tiles(box.west, box.south, box.east, box.north, [z]))
    return found


def demo_tiles(min_zoom: int = MIN_ZOOM, max_zoom: int = MAX_ZOOM
               ) -> Iterator[tuple[int, int, int, bytes]]:
    from crisisconsole.interchange.pdf_render import ensure_gui_app

    ensure_gui_app()
    items = _drawn()
    for tile in tile_addresses(min_zoom, max_zoom):
        yield tile.z, tile.x, tile.y, png(draw_tile(items, tile.z, tile.x, tile.y))


def build_demo_tiles(target: Path | str, *, min_zoom: int = MIN_ZOOM,
                     max_zoom: int = MAX_ZOOM) -> Path:
    """Write the demo's MBTiles file (about 130 tiles, well under a megabyte, ~1 s)."""
    extent = _bounds(EXTENT_M)
    centre = town.WAALBERGEN_CENTRE
    metadata = {
        "name": "Waalbergen (demo)", "format": "png", "type": "baselayer", "version": "1",
        "description": "Gegenereerde kaart van de fictieve Gemeente Waalbergen",
        "attribution": ATTRIBUTION, "minzoom": str(min_zoom), "maxzoom": str(max_zoom),
        "bounds": f"{extent.west:.6f},{extent.south:.6f},{extent.east:.6f},{extent.north:.6f}",
        "center": f"{centre.lon:.6f},{centre.lat:.6f},15",
    }
    return write_mbtiles(target, demo_tiles(min_zoom, max_zoom), metadata)

