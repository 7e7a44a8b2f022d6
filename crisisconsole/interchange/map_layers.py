"""What the map draws on top of the tiles, as plain data: entries as points (coloured by
reliability), topics as markers, CAP and measure areas, and the gazetteer's place names. Each
group is a layer the page can switch off.

The services fill these from the store; the painter only reads them. Points are projected to
mercator once, when the layers are built, so panning and zooming repaint without trigonometry
per point.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from crisisconsole.domain.geo import Circle, LatLon, MultiPolygon, Polygon
from crisisconsole.domain.places import Place
from crisisconsole.domain.reliability import Reliability
from crisisconsole.interchange.cap_model import CapArea
from crisisconsole.interchange.map_view import world_xy_array

RELIABILITY_ORDER = (Reliability.CONFIRMED, Reliability.HEARSAY, Reliability.REFUTED)
_CODES = {tag.value: index for index, tag in enumerate(RELIABILITY_ORDER)}


@dataclass(frozen=True)
class MapPoint:
    """A log entry on the map: its id (a click selects it), position, reliability tag and the
    text hover shows."""

    id: str
    position: LatLon
    reliability: str = Reliability.HEARSAY.value
    text: str = ""


@dataclass(frozen=True)
class TopicMarker:
    """A topic of the picture: one marker with its title."""

    id: str
    position: LatLon
    title: str


@dataclass(frozen=True)
class MapArea:
    """A CAP area ("cap") or the area of a measure in force ("measure")."""

    id: str
    kind: str  # "cap" | "measure"
    label: str
    shape: MultiPolygon | Circle


@dataclass
class MapLayers:
    points: Sequence[MapPoint] = ()
    topics: Sequence[TopicMarker] = ()
    areas: Sequence[MapArea] = ()
    places: Sequence[Place] = ()
    show_points: bool = True
    show_topics: bool = True
    show_areas: bool = True
    show_places: bool = True
    # Mercator positions (0..1) and reliability codes of ``points``, computed on first use.
    _projected: tuple[np.ndarray, np.ndarray, np.ndarray] | None = field(
        default=None, init=False, repr=False, compare=False)
    _projected_for: object = field(default=None, init=False, repr=False, compare=False)
    _topics_projected: tuple[np.ndarray, np.ndarray] | None = field(
        default=None, init=False, repr=False, compare=False)
    _topics_for: object = field(default=None, init=False, repr=False, compare=False)

    def projected(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Mercator x and y (0..1) and reliability code (index in ``RELIABILITY_ORDER``) of every
        point, as arrays; recomputed when ``points`` is replaced."""
        if self._projected is None or self._projected_for is not self.points:
            count = len(self.points)
            lats = np.fromiter((p.position.lat for p in self.points), float, count)
            lons = np.fromiter((p.position.lon for p in self.points), float, count)
            codes = np.fromiter((_CODES.get(p.reliability, 1) for p in self.points), np.int64,
                                count)
            xs, ys = world_xy_array(lats, lons)
            self._projected = (xs, ys, codes)
            self._projected_for = self.points
        return self._projected

    def projected_topics(self) -> tuple[np.ndarray, np.ndarray]:
        """Mercator x and y of every topic marker, like ``projected``."""
        if self._topics_projected is None or self._topics_for is not self.topics:
            count = len(self.topics)
            lats = np.fromiter((t.position.lat for t in self.topics), float, count)
            lons = np.fromiter((t.position.lon for t in self.topics), float, count)
            self._topics_projected = world_xy_array(lats, lons)
            self._topics_for = self.topics
        return self._topics_projected


def areas_from_cap(area: CapArea, area_id: str, label: str | None = None) -> list[MapArea]:
    """A CAP ``area`` (polygons of (lat, lon) pairs, circles in km) as map areas. CAP polygons
    are drawn as given: an alert is shown as it was sent, even when its ring is clumsy."""
    found: list[MapArea] = []
    text = label if label is not None else area.area_desc
    for index, ring in enumerate(area.polygons):
        if len(ring) < 3:
            continue
        points = tuple(LatLon(lat, lon) for lat, lon in ring)
        found.append(MapArea(f"{area_id}#p{index}", "cap", text,
                             MultiPolygon((Polygon(points),))))
    for index, circle in enumerate(area.circles):
        found.append(MapArea(f"{area_id}#c{index}", "cap", text,
                             Circle(LatLon(circle.lat, circle.lon), circle.radius_km * 1000.0)))
    return found
