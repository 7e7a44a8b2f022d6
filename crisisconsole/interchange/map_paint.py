"""The map painter (issue 18): one image from a view, an optional tile file and the layers,
drawn with QtGui only (QImage, QPainter, QPainterPath) so the same code paints the map page
(inside a QGraphicsView item), ``map render --out FILE.png`` and the small maps in PDFs.

Without a tile file the map is a plain background with a graticule, a scale bar and the place
names, and it says so in a corner: honest, still useful, never an error. A tile that is missing
or broken is drawn from its parent (upscaled) or left as background.

Order of drawing: background, tiles (or graticule), areas, place dots, entry marks (clustered),
topic markers, then the texts (topic titles, place names, area labels) where they do not
overlap, and last the scale bar, notice and attribution (their corners kept free of labels).
"""

from __future__ import annotations

import html
import math
import re
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPainterPath, QPen

from crisisconsole.domain.geo import Circle, MultiPolygon
from crisisconsole.i18n import tr
from crisisconsole.interchange import map_decor
from crisisconsole.interchange.map_area_cache import AreaLayerCache
from crisisconsole.interchange.map_cluster import PointMark, cluster
from crisisconsole.interchange.map_layers import MapArea, MapLayers
from crisisconsole.interchange.map_marks import (
    POINT_RADIUS,
    TOPIC_COLOUR,
    TOPIC_SIZE,
    Sprites,
    cluster_radius,
)
from crisisconsole.interchange.map_tile_images import TileImages
from crisisconsole.interchange.map_view import MapView, world_xy
from crisisconsole.interchange.tiles import TileSource

BACKGROUND = QColor("#eef0ea")
AREA_STYLES = {  # outline, fill, hatch
    "cap": (QColor("#c62828"), QColor(198, 40, 40, 40), Qt.PenStyle.DashLine, None),
    "measure": (QColor("#5e35b1"), QColor(94, 53, 177, 36), Qt.PenStyle.SolidLine,
                Qt.BrushStyle.BDiagPattern),
}
PLACE_OUTLINE = QColor(82, 96, 109, 150)
MAX_OVERZOOM = 4  # levels past the file's deepest that are still drawn (upscaled)
MARKS_PER_STEP = 80
MAX_TOPIC_LABELS = 12  # titles per frame (before place names); more is clutter: hover shows them
_PARENT_LEVELS = 3
_TAGS = re.compile(r"<[^>]*>")
Furniture = Callable[[QPainter], None]


@dataclass(frozen=True)
class Hit:
    """Something drawn that hover and click can find: an entry mark (``members`` are indexes
    into ``MapLayers.points``) or a topic (``members`` holds its index in ``topics``)."""

    kind: str  # "points" | "topic"
    x: float
    y: float
    radius: float
    members: Sequence[int]


@dataclass
class PaintReport:
    tiles_drawn: int = 0
    tiles_missing: int = 0
    tiles_pending: int = 0  # not decoded yet: the frame's decoding time was used up
    marks: int = 0
    labels: int = 0
    hits: list[Hit] = field(default_factory=list)

    def hit(self, x: float, y: float) -> Hit | None:
        """The topmost mark under (x, y)."""
        for item in reversed(self.hits):
            if (item.x - x) ** 2 + (item.y - y) ** 2 <= (item.radius + 2) ** 2:
                return item
        return None


class MapPainter:
    """Paints views of one tile source (or none). Keep one per map: it caches decoded tiles."""

    def __init__(self, tiles: TileSource | None = None, *, cache_size: int = 384) -> None:
        self.tiles = tiles
        self.images = TileImages(tiles, cache_size) if tiles is not None else None
        self._area_paths: dict[int, tuple[MapArea, list[list[tuple[float, float]]]]] = {}
        self.sprites = Sprites()
        self.area_layer = AreaLayerCache()

    def tile_zoom(self, view: MapView) -> int | None:
        """The tile level to draw for this view: the nearest level at or a little above the
        view's, kept inside the file's levels; None when the view is so far out that the
        file's coarsest tiles would be thousands, or so far in that its finest tile would be a
        smear (more than ``MAX_OVERZOOM`` levels deeper)."""
        if self.tiles is None:
            return None
        meta = self.tiles.metadata
        if view.zoom < meta.min_zoom - 2 or view.zoom > meta.max_zoom + MAX_OVERZOOM:
            return None
        return max(meta.min_zoom, min(meta.max_zoom, int(math.floor(view.zoom + 0.25))))

    def render(self, view: MapView, layers: MapLayers | None = None) -> QImage:
        """The map as a new image (creates an offscreen QGuiApplication when there is none)."""
        from crisisconsole.interchange.pdf_render import ensure_gui_app

        ensure_gui_app()
        image = QImage(view.width, view.height, QImage.Format.Format_ARGB32_Premultiplied)
        painter = QPainter(image)
        try:
            self.last_report = self.paint(painter, view, layers or MapLayers())
        finally:
            painter.end()
        return image

    def paint(self, painter: QPainter, view: MapView, layers: MapLayers) -> PaintReport:
        report = PaintReport()
        self.paint_base(painter, view, report)
        labels = map_decor.Labels(view.width, view.height)
        furniture = self.furniture(view, report.tiles_drawn, labels)  # corners reserved now
        self.paint_layers(painter, view, layers, report, labels)
        for draw in furniture:
            draw(painter)
        report.labels = labels.drawn
        return report

    def paint_base(self, painter: QPainter, view: MapView, report: PaintReport, *,
                   deadline: float | None = None,
                   backdrop: Furniture | None = None) -> None:
        """The background and the tiles (or, where no tile is drawn, the graticule). With a
        ``deadline`` (``time.perf_counter()``), tiles not decoded by then are left out and
        counted as pending (drawn from a decoded parent where there is one); ``backdrop`` is
        painted under the tiles (the map page's last frame, so a pending tile shows that)."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.fillRect(QRectF(0, 0, view.width, view.height), BACKGROUND)
        if backdrop is not None:
            backdrop(painter)
        self._paint_tiles(painter, view, report, deadline)
        if report.tiles_drawn == 0 and report.tiles_pending == 0:
            map_decor.draw_graticule(painter, view)

    def furniture(self, view: MapView, tiles_drawn: int,
                  labels: map_decor.Labels | map_decor.ShiftedLabels) -> list[Furniture]:
        """The scale bar, the notice and the attribution: their corners reserved in ``labels``
        now, their drawings returned to be painted last (over everything)."""
        furniture = [map_decor.scale_bar(view, labels)]
        if self.tiles is None:
            furniture.append(map_decor.notice(view, tr(
                "Geen kaartbestand: raster, schaal en plaatsnamen",
                "No map file: grid, scale and place names"), labels))
        elif tiles_drawn == 0:
            furniture.append(map_decor.notice(view, tr(
                "Buiten het kaartbestand (gebied of zoomniveau)",
                "Outside the map file (area or zoom level)"), labels))
        elif self.tiles.metadata.attribution:
            text = html.unescape(_TAGS.sub("", self.tiles.metadata.attribution)).strip()
            if text:
                furniture.append(map_decor.attribution(view, text, labels))
        return furniture

    def paint_layers(self, painter: QPainter, view: MapView, layers: MapLayers,
                     report: PaintReport, labels: map_decor.Labels, *,
                     cache_areas: bool = True) -> None:
        """Everything on top of the tiles that moves with the map: areas, place dots, entry
        marks (clustered), topic markers and the texts. Onto a transparent image this gives
        the same pixels over the tiles as painting it onto them (source-over)."""
        for _step in self.layer_steps(painter, view, layers, report, labels,
                                      cache_areas=cache_areas):
            pass

    def layer_steps(self, painter: QPainter, view: MapView, layers: MapLayers,
                    report: PaintReport, labels: map_decor.Labels, *,
                    cache_areas: bool = True) -> Iterator[None]:
        """``paint_layers`` in small steps (the areas, the clustering, ``MARKS_PER_STEP``
        marks at a time, the topics, the texts): the map page spreads a big layer over a few
        frames, keeping ``painter`` open between them."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if cache_areas:
            self.area_layer.draw(painter, view, layers, _pixel_ratio(painter), self._paint_shapes)
        else:  # the caller keeps the whole layer as an image already
            self._paint_shapes(painter, view, layers)
        yield
        marks = cluster(view, layers) if layers.show_points else []
        yield
        for start in range(0, len(marks), MARKS_PER_STEP):
            self._paint_marks(painter, marks[start:start + MARKS_PER_STEP], report)
            yield
        report.marks = len(marks)
        for hit in report.hits:  # texts keep clear of the marks
            labels.reserve(QRectF(hit.x - hit.radius, hit.y - hit.radius, 2 * hit.radius,
                                2 * hit.radius))
        if layers.show_topics:
            spots = self._paint_topics(painter, view, layers, marks, report)
            yield
            self._label_topics(painter, layers, spots, labels)
        yield
        if layers.show_places:
            self._label_places(painter, view, layers, marks, labels)
        if layers.show_areas:
            self._label_areas(painter, view, layers, labels)
        report.labels = labels.drawn

    # --- tiles -------------------------------------------------------------------------------

    def _paint_tiles(self, painter: QPainter, view: MapView, report: PaintReport,
                     deadline: float | None = None) -> None:
        zoom = self.tile_zoom(view)
        if zoom is None or self.images is None:
            return
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform,
                              abs(view.zoom - zoom) > 1e-6)
        for tile in view.tiles(zoom):
            # Whole-pixel edges: neighbouring tiles meet without hairline seams.
            left, top = round(tile.left), round(tile.top)
            target = QRectF(left, top, round(tile.left + tile.size) - left,
                            round(tile.top + tile.size) - top)
            decode = deadline is None or time.perf_counter() < deadline
            drawn = self._draw_tile(painter, tile.z, tile.x, tile.y, target, decode)
            if drawn is None:
                report.tiles_pending += 1
            elif drawn:
                report.tiles_drawn += 1
            else:
                report.tiles_missing += 1

    def _draw_tile(self, painter: QPainter, z: int, x: int, y: int, target: QRectF,
                   decode: bool = True) -> bool | None:
        """Draw the tile (or the part of a parent that covers it); False when the file has
        neither, None when they are not decoded and ``decode`` is off."""
        assert self.images is not None
        min_zoom = self.tiles.metadata.min_zoom if self.tiles else 0
        pending = False
        for up in range(_PARENT_LEVELS + 1):
            if z - up < min_zoom:
                break
            key = (z - up, x >> up, y >> up)
            if not decode and not self.images.has(*key):
                pending = True
                continue
            image = self.images.get(*key)
            if image is None:
                continue
            if pending:  # the tile itself is still to come: leave the backdrop showing
                return None
            if up == 0:
                painter.drawImage(target, image)
            else:  # the part of a parent tile that covers this tile, upscaled
                part = image.width() / (1 << up)
                source = QRectF((x % (1 << up)) * part, (y % (1 << up)) * part, part, part)
                painter.drawImage(target, image, source)
            return True
        return None if pending else False

    def _rings(self, area: MapArea) -> list[list[tuple[float, float]]]:
        """World positions of an area's rings, computed once per area object."""
        cached = self._area_paths.get(id(area))
        if cached is not None and cached[0] is area:
            return cached[1]
        assert isinstance(area.shape, MultiPolygon)
        rings = [[world_xy(p.lat, p.lon) for p in ring]
                 for polygon in area.shape.polygons for ring in (polygon.exterior, *polygon.holes)]
        if len(self._area_paths) > 512:
            self._area_paths.clear()
        self._area_paths[id(area)] = (area, rings)
        return rings

    def _area_path(self, view: MapView, area: MapArea) -> QPainterPath:
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.OddEvenFill)
        if isinstance(area.shape, Circle):
            cx, cy = view.to_screen(area.shape.centre)
            radius = area.shape.radius_m / view.metres_per_pixel(area.shape.centre.lat)
            path.addEllipse(QPointF(cx, cy), radius, radius)
            return path
        scale = view.world_pixels
        ox, oy = view.origin
        for ring in self._rings(area):
            path.moveTo(ring[0][0] * scale - ox, ring[0][1] * scale - oy)
            for wx, wy in ring[1:]:
                path.lineTo(wx * scale - ox, wy * scale - oy)
            path.closeSubpath()
        return path

    def _paint_shapes(self, painter: QPainter, view: MapView, layers: MapLayers) -> None:
        """The area layer (cached: map_area_cache) under the marks."""
        if layers.show_areas:
            self._paint_areas(painter, view, layers)
        if layers.show_places:
            self._paint_place_shapes(painter, view, layers)

    def _paint_areas(self, painter: QPainter, view: MapView, layers: MapLayers) -> None:
        screen = QRectF(-50, -50, view.width + 100, view.height + 100)
        for area in layers.areas:
            outline, fill, style, hatch = AREA_STYLES.get(area.kind, AREA_STYLES["measure"])
            path = self._area_path(view, area)
            if not path.boundingRect().intersects(screen):
                continue
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawPath(path)
            if hatch is not None:
                painter.setBrush(QBrush(QColor(outline.red(), outline.green(), outline.blue(), 70),
                                        hatch))
                painter.drawPath(path)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(outline, 2.2, style))
            painter.drawPath(path)

    def _paint_place_shapes(self, painter: QPainter, view: MapView, layers: MapLayers) -> None:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for place in layers.places:
            if isinstance(place.geometry, MultiPolygon):
                shape = MapArea(place.name, "place", place.name, place.geometry)
                painter.setPen(QPen(PLACE_OUTLINE, 1.2, Qt.PenStyle.DotLine))
                painter.drawPath(self._area_path(view, shape))
            else:
                x, y = view.to_screen(place.position)
                if -10 <= x <= view.width + 10 and -10 <= y <= view.height + 10:
                    painter.setPen(QPen(QColor("#ffffff"), 1.2))
                    painter.setBrush(map_decor.INK)
                    painter.drawEllipse(QPointF(x, y), 2.6, 2.6)
                    painter.setBrush(Qt.BrushStyle.NoBrush)

    def _paint_marks(self, painter: QPainter, marks: list[PointMark], report: PaintReport) -> None:
        ratio = _pixel_ratio(painter)
        for mark in marks:
            if mark.count == 1:
                code = next(i for i, n in enumerate(mark.counts) if n)
                self.sprites.point(painter, mark.x, mark.y, code, ratio)
                radius = POINT_RADIUS
            else:
                radius = self.sprites.cluster(painter, mark.x, mark.y, mark.counts, ratio)
            report.hits.append(Hit("points", mark.x, mark.y, radius, mark.members))

    def _paint_topics(self, painter: QPainter, view: MapView, layers: MapLayers,
                      marks: list[PointMark], report: PaintReport) -> list[tuple[int, float, float]]:
        """Draw the topic markers; a marker on an entry mark sits on that mark's upper right
        rim, like a badge, so the mark's count stays readable. Returns where each was drawn."""
        ratio = _pixel_ratio(painter)
        size = TOPIC_SIZE
        wx, wy = layers.projected_topics()
        if not len(wx):
            return []
        ox, oy = view.origin
        xs, ys = wx * view.world_pixels - ox, wy * view.world_pixels - oy
        if marks:  # which mark (the biggest) each topic sits on, all at once
            mark_x = np.array([mark.x for mark in marks])
            mark_y = np.array([mark.y for mark in marks])
            mark_r = np.array([cluster_radius(mark.count) for mark in marks])
            inside = ((xs[:, None] - mark_x) ** 2 + (ys[:, None] - mark_y) ** 2
                      <= mark_r ** 2)
            radius = np.where(inside, mark_r, -1.0)
            best = np.argmax(radius, axis=1)
            on_mark = radius[np.arange(len(xs)), best] > 0
            xs = np.where(on_mark, mark_x[best] + mark_r[best] * 0.72, xs)
            ys = np.where(on_mark, mark_y[best] - mark_r[best] * 0.72, ys)
        spots: list[tuple[int, float, float]] = []
        visible = np.flatnonzero((xs >= -size) & (xs <= view.width + size)
                                 & (ys >= -size) & (ys <= view.height + size))
        for index in visible.tolist():
            x, y = float(xs[index]), float(ys[index])
            self.sprites.topic(painter, x, y, ratio)
            report.hits.append(Hit("topic", x, y, size, (index,)))
            spots.append((index, x, y))
        return spots

    # --- texts -------------------------------------------------------------------------------

    def _label_places(self, painter: QPainter, view: MapView, layers: MapLayers,
                      marks: list[PointMark], labels: map_decor.Labels) -> None:
        place_font = map_decor.font(12, bold=True)
        near = [(mark.x, mark.y, cluster_radius(mark.count)) for mark in marks]
        for place in layers.places:
            x, y = view.to_screen(place.position)
            if not (-100 <= x <= view.width and 0 <= y <= view.height):
                continue
            gap = 6.0
            if not place.is_area:
                for mx, my, radius in near:  # keep the name clear of a mark on the place
                    if abs(mx - x) <= radius + 6 and abs(my - y) <= radius + 6:
                        gap = max(gap, abs(mx - x) + radius + 6)
            labels.draw(painter, place.name, QPointF(x, y), place_font, gap=gap,
                        align="centre" if place.is_area else "right")

    def _label_areas(self, painter: QPainter, view: MapView, layers: MapLayers,
                     labels: map_decor.Labels) -> None:
        area_font = map_decor.font(11, italic=True)
        for area in layers.areas:
            if not area.label:
                continue
            box = self._area_path(view, area).boundingRect()
            outline = AREA_STYLES.get(area.kind, AREA_STYLES["measure"])[0]
            anchor = QPointF(box.center().x(), max(10.0, box.top() + 10))
            labels.draw(painter, area.label, anchor, area_font, colour=outline, align="centre")

    def _label_topics(self, painter: QPainter, layers: MapLayers,
                      spots: list[tuple[int, float, float]], labels: map_decor.Labels) -> None:
        topic_font = map_decor.font(11)
        for tried, (index, x, y) in enumerate(spots):  # the caller's order: most important first
            if tried >= MAX_TOPIC_LABELS:
                break  # the rest show their title on hover
            labels.draw(painter, layers.topics[index].title, QPointF(x, y), topic_font,
                        colour=TOPIC_COLOUR, gap=TOPIC_SIZE + 3)


def _pixel_ratio(painter: QPainter) -> float:
    device = painter.device()
    return float(device.devicePixelRatioF()) if device is not None else 1.0


def render_map(view: MapView, layers: MapLayers | None = None,
               tiles: TileSource | None = None) -> QImage:
    """One image of the map (for ``map render`` and PDFs); see ``MapPainter`` to paint often."""
    return MapPainter(tiles).render(view, layers)

