"""What part of the earth a map image shows: a centre, a (fractional) zoom level and a size in
pixels, in the web-mercator tiling every tile file uses (EPSG:3857, 256-pixel tiles).

Pure arithmetic, no Qt: the painter, the map page's hit tests and ``map render`` all ask the
same view where a point lands. Screen pixels are measured from the top-left corner.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

import mercantile
import numpy as np

from crisisconsole.domain.geo import Bounds, LatLon

TILE_SIZE = 256
MAX_LAT = 85.05112877980659  # web mercator's edge
MIN_ZOOM, MAX_VIEW_ZOOM = 0.0, 22.0
EARTH_CIRCUMFERENCE_M = 2 * math.pi * 6_378_137.0


def world_xy(lat: float, lon: float) -> tuple[float, float]:
    """A position as fractions of the mercator world (0..1 from the west and from the north).
    The same mapping as ``mercantile.xy`` scaled to the unit square; written out because it
    runs once per point and the map has ten thousand of them."""
    lat = max(-MAX_LAT, min(MAX_LAT, lat))
    sin = math.sin(math.radians(lat))
    return (lon + 180.0) / 360.0, 0.5 - math.log((1 + sin) / (1 - sin)) / (4 * math.pi)


def world_xy_array(lats: np.ndarray, lons: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``world_xy`` for many points at once."""
    sin = np.sin(np.radians(np.clip(lats, -MAX_LAT, MAX_LAT)))
    return (lons + 180.0) / 360.0, 0.5 - np.log((1 + sin) / (1 - sin)) / (4 * math.pi)


def world_latlon(wx: float, wy: float) -> LatLon:
    lon = wx * 360.0 - 180.0
    lat = math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * wy))))
    return LatLon(max(-MAX_LAT, min(MAX_LAT, lat)), max(-180.0, min(180.0, lon)))


@dataclass(frozen=True)
class VisibleTile:
    z: int
    x: int
    y: int
    left: float  # where the tile's top-left corner lands on the screen, and its drawn size
    top: float
    size: float


@dataclass(frozen=True)
class MapView:
    centre: LatLon
    zoom: float
    width: int
    height: int

    def __post_init__(self) -> None:
        if not (MIN_ZOOM <= self.zoom <= MAX_VIEW_ZOOM) or not math.isfinite(self.zoom):
            raise ValueError(f"zoom {self.zoom} outside {MIN_ZOOM}..{MAX_VIEW_ZOOM}")
        if not (1 <= self.width <= 16_384 and 1 <= self.height <= 16_384):
            raise ValueError(f"map size {self.width}x{self.height} not sensible")

    @property
    def world_pixels(self) -> float:
        """The width of the whole world at this zoom, in pixels."""
        return TILE_SIZE * 2.0 ** self.zoom

    @property
    def origin(self) -> tuple[float, float]:
        """The world-pixel position of the screen's top-left corner."""
        cx, cy = world_xy(self.centre.lat, self.centre.lon)
        scale = self.world_pixels
        return cx * scale - self.width / 2, cy * scale - self.height / 2

    def to_screen(self, point: LatLon) -> tuple[float, float]:
        return self.screen_of(point.lat, point.lon)

    def screen_of(self, lat: float, lon: float) -> tuple[float, float]:
        wx, wy = world_xy(lat, lon)
        ox, oy = self.origin
        scale = self.world_pixels
        return wx * scale - ox, wy * scale - oy

    def to_latlon(self, x: float, y: float) -> LatLon:
        ox, oy = self.origin
        scale = self.world_pixels
        return world_latlon((x + ox) / scale, (y + oy) / scale)

    @property
    def bounds(self) -> Bounds:
        north_west = self.to_latlon(0, 0)
        south_east = self.to_latlon(self.width, self.height)
        return Bounds(south_east.lat, north_west.lon, north_west.lat, south_east.lon)

    def metres_per_pixel(self, lat: float | None = None) -> float:
        """Ground metres per screen pixel at a latitude (the view's centre by default):
        mercator stretches by 1/cos(latitude)."""
        lat = self.centre.lat if lat is None else lat
        return EARTH_CIRCUMFERENCE_M * math.cos(math.radians(lat)) / self.world_pixels

    def tiles(self, tile_zoom: int) -> list[VisibleTile]:
        """The tiles of ``tile_zoom`` that cover the screen, each with its screen rectangle
        (a tile of zoom 15 drawn at view zoom 15.5 is 362 pixels wide)."""
        bounds = self.bounds
        size = TILE_SIZE * 2.0 ** (self.zoom - tile_zoom)
        ox, oy = self.origin
        factor = 2.0 ** (self.zoom - tile_zoom) * TILE_SIZE
        found = []
        west, east = max(-180.0, bounds.west), min(180.0, bounds.east)
        south = max(-MAX_LAT, bounds.south)
        north = min(MAX_LAT, bounds.north)
        for tile in mercantile.tiles(west, south, east, north, [tile_zoom], truncate=True):
            found.append(VisibleTile(tile.z, tile.x, tile.y, tile.x * factor - ox,
                                     tile.y * factor - oy, size))
        return found

    @classmethod
    def fit(cls, points: Iterable[LatLon], width: int, height: int, *, margin: int = 40,
            max_zoom: float = 17.0, min_zoom: float = 3.0) -> MapView:
        """The view that shows all ``points`` with a margin, at the deepest zoom up to
        ``max_zoom`` (one point alone: ``max_zoom`` around it)."""
        box = Bounds.around(points)
        if box is None:
            raise ValueError("no points to fit")
        west, north = world_xy(box.north, box.west)
        east, south = world_xy(box.south, box.east)
        span_x, span_y = max(east - west, 1e-12), max(south - north, 1e-12)
        usable_w, usable_h = max(1, width - 2 * margin), max(1, height - 2 * margin)
        zoom = math.log2(min(usable_w / (span_x * TILE_SIZE), usable_h / (span_y * TILE_SIZE)))
        zoom = max(min_zoom, min(max_zoom, zoom))
        centre = world_latlon((west + east) / 2, (north + south) / 2)
        return cls(centre, zoom, width, height)
