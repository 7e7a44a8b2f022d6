"""Positions and shapes on the earth (issue 18), in WGS84 degrees, and the plausibility checks a
typed or imported position must pass before it is believed.

Pure on purpose: the gazetteer, the CAP and measure areas and the map all share these types, and
the checks ("this point lies off Somalia: are latitude and longitude swapped?") are rules a
person must see the same way in the CLI, an import report and the map page. Conversions between
coordinate systems (RD New) need PROJ and live in ``crisisconsole.interchange.coordinates``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from crisisconsole.errors import ValidationError
from crisisconsole.i18n import tr

EARTH_RADIUS_M = 6_371_008.8  # mean radius (IUGG); distances here are for warnings and scale
# The Netherlands onshore plus the 12-mile zone and Wadden islands (EPSG:28992 area of use).
NL_SOUTH, NL_WEST, NL_NORTH, NL_EAST = 50.75, 3.2, 53.7, 7.22
# A point further than this from the municipality is probably a typo (a Dutch municipality is
# at most ~30 km across; a crisis may spill into the neighbours).
FAR_FROM_MUNICIPALITY_M = 50_000.0


class PositionInvalid(ValidationError, ValueError):
    """A position that cannot be a place on earth (NaN, out of range); nothing was recorded."""


@dataclass(frozen=True)
class LatLon:
    """A WGS84 position in degrees; construction refuses NaN, infinity and out-of-range values,
    so no other code has to ask again."""

    lat: float
    lon: float

    def __post_init__(self) -> None:
        for value, label in ((self.lat, "lat"), (self.lon, "lon")):
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise PositionInvalid(tr(f"{label} is geen getal", f"{label} is not a number"))
            if not math.isfinite(value):
                raise PositionInvalid(tr(f"{label} is geen eindig getal (NaN of oneindig)",
                                         f"{label} is not a finite number (NaN or infinity)"))
        if not -90.0 <= self.lat <= 90.0:
            raise PositionInvalid(tr(f"breedtegraad {self.lat} ligt buiten -90 … 90",
                                     f"latitude {self.lat} is outside -90 … 90"))
        if not -180.0 <= self.lon <= 180.0:
            raise PositionInvalid(tr(f"lengtegraad {self.lon} ligt buiten -180 … 180",
                                     f"longitude {self.lon} is outside -180 … 180"))


@dataclass(frozen=True)
class Bounds:
    """A lat/lon box (never crossing the antimeridian: a Dutch municipality does not)."""

    south: float
    west: float
    north: float
    east: float

    @classmethod
    def around(cls, points: Iterable[LatLon]) -> Bounds | None:
        lats, lons = [], []
        for point in points:
            lats.append(point.lat)
            lons.append(point.lon)
        if not lats:
            return None
        return cls(min(lats), min(lons), max(lats), max(lons))

    def contains(self, point: LatLon) -> bool:
        return self.south <= point.lat <= self.north and self.west <= point.lon <= self.east

    def union(self, other: Bounds) -> Bounds:
        return Bounds(min(self.south, other.south), min(self.west, other.west),
                      max(self.north, other.north), max(self.east, other.east))

    @property
    def centre(self) -> LatLon:
        return LatLon((self.south + self.north) / 2, (self.west + self.east) / 2)


NL_BOUNDS = Bounds(NL_SOUTH, NL_WEST, NL_NORTH, NL_EAST)

Ring = tuple[LatLon, ...]


@dataclass(frozen=True)
class Polygon:
    """An outer ring and optional holes; rings are closed (first point == last point)."""

    exterior: Ring
    holes: tuple[Ring, ...] = ()


@dataclass(frozen=True)
class MultiPolygon:
    """One or more polygons: a place such as "Binnenstad", a measure's area, a CAP polygon."""

    polygons: tuple[Polygon, ...]

    @property
    def bounds(self) -> Bounds:
        found = Bounds.around(p for polygon in self.polygons for p in polygon.exterior)
        assert found is not None  # a MultiPolygon is never built empty (interchange checks)
        return found


@dataclass(frozen=True)
class Circle:
    """A CAP circle: centre and radius in metres."""

    centre: LatLon
    radius_m: float


def distance_m(a: LatLon, b: LatLon) -> float:
    """Great-circle distance (haversine): good to a few metres per kilometre, enough for the
    warnings and scale bars it serves."""
    phi1, phi2 = math.radians(a.lat), math.radians(b.lat)
    dphi, dlmb = phi2 - phi1, math.radians(b.lon - a.lon)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))


def ring_contains(ring: Sequence[LatLon], point: LatLon) -> bool:
    """Even-odd rule on lon/lat (a town is small enough for the plane)."""
    inside = False
    count = len(ring)
    for i in range(count):
        a, b = ring[i], ring[i - 1]
        if (a.lat > point.lat) != (b.lat > point.lat):
            cross = (b.lon - a.lon) * (point.lat - a.lat) / (b.lat - a.lat) + a.lon
            if point.lon < cross:
                inside = not inside
    return inside


def polygon_contains(polygon: Polygon, point: LatLon) -> bool:
    return ring_contains(polygon.exterior, point) and not any(
        ring_contains(hole, point) for hole in polygon.holes)


def label_point(shape: MultiPolygon) -> LatLon:
    """A point inside the shape's largest polygon, where a name or an entry's dot can go: the
    ring's centroid when it lies inside (the usual case), else the middle of the widest inside
    stretch along the centroid's latitude (a U-shaped quay)."""
    polygon = max(shape.polygons, key=lambda p: abs(_signed_area(p.exterior)))
    centre = _centroid(polygon.exterior)
    if polygon_contains(polygon, centre):
        return centre
    lat = centre.lat
    crossings: list[float] = []
    for ring in (polygon.exterior, *polygon.holes):
        for i in range(len(ring)):
            a, b = ring[i], ring[i - 1]
            if (a.lat > lat) != (b.lat > lat):
                crossings.append((b.lon - a.lon) * (lat - a.lat) / (b.lat - a.lat) + a.lon)
    crossings.sort()
    spans = [(crossings[i], crossings[i + 1]) for i in range(0, len(crossings) - 1, 2)]
    if not spans:
        return polygon.exterior[0]
    west, east = max(spans, key=lambda span: span[1] - span[0])
    return LatLon(lat, (west + east) / 2)


def _signed_area(ring: Sequence[LatLon]) -> float:
    return sum(ring[i - 1].lon * ring[i].lat - ring[i].lon * ring[i - 1].lat
               for i in range(len(ring))) / 2


def _centroid(ring: Sequence[LatLon]) -> LatLon:
    area = _signed_area(ring)
    if abs(area) < 1e-18:
        return LatLon(sum(p.lat for p in ring) / len(ring), sum(p.lon for p in ring) / len(ring))
    cx = cy = 0.0
    for i in range(len(ring)):
        a, b = ring[i - 1], ring[i]
        cross = a.lon * b.lat - b.lon * a.lat
        cx += (a.lon + b.lon) * cross
        cy += (a.lat + b.lat) * cross
    return LatLon(cy / (6 * area), cx / (6 * area))


@dataclass(frozen=True)
class Municipality:
    """Where the crisis is: a centre, and optionally the municipality's bounds. The plausibility
    checks compare a position with this."""

    name: str
    centre: LatLon
    bounds: Bounds | None = None


@dataclass(frozen=True)
class PositionWarning:
    """A position that is possible but probably wrong; shown, not refused (the aide knows)."""

    code: str  # "swapped" | "far_away" | "outside_netherlands"
    message: str


def position_warnings(point: LatLon, municipality: Municipality | None = None,
                      *, far_m: float = FAR_FROM_MUNICIPALITY_M) -> list[PositionWarning]:
    """What looks wrong about ``point``: latitude and longitude swapped (the swapped pair lies
    near the municipality, or in the Netherlands when no municipality is given); else far from
    the municipality, and outside the Netherlands. Empty when the point is plausible. A point
    just over the border near a border municipality is not warned about."""
    near = _near_test(municipality, far_m)
    if near(point):
        return []
    swapped = _swapped(point)
    if swapped is not None and near(swapped):
        return [PositionWarning("swapped", tr(
            f"{_show(point)} ligt ver weg; breedte- en lengtegraad lijken verwisseld "
            f"(bedoeld: {_show(swapped)}?)",
            f"{_show(point)} lies far away; latitude and longitude look swapped "
            f"(meant: {_show(swapped)}?)"))]
    warnings: list[PositionWarning] = []
    if municipality is not None:
        km = distance_m(point, municipality.centre) / 1000
        warnings.append(PositionWarning("far_away", tr(
            f"{_show(point)} ligt {km:,.0f} km van {municipality.name}".replace(",", "."),
            f"{_show(point)} lies {km:,.0f} km from {municipality.name}")))
    if not NL_BOUNDS.contains(point):
        warnings.append(PositionWarning("outside_netherlands", tr(
            f"{_show(point)} ligt buiten Nederland", f"{_show(point)} lies outside the Netherlands")))
    return warnings


def _swapped(point: LatLon) -> LatLon | None:
    try:
        return LatLon(point.lon, point.lat)
    except PositionInvalid:
        return None  # a longitude beyond ±90 cannot be a latitude


def _near_test(municipality: Municipality | None, far_m: float) -> Callable[[LatLon], bool]:
    if municipality is None:
        return NL_BOUNDS.contains

    def near(point: LatLon) -> bool:
        if municipality.bounds is not None and municipality.bounds.contains(point):
            return True
        return distance_m(point, municipality.centre) <= far_m

    return near


def _show(point: LatLon) -> str:
    return f"({point.lat:.5f}, {point.lon:.5f})"
