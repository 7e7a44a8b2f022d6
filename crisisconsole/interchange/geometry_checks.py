"""Checks on shapes from untrusted files (GeoJSON places, later measure areas and CAP
polygons): every position finite and on earth, rings closed and long enough, no ring that cuts
itself, holes inside their shell, parts of a multipolygon apart, and a cap on the number of
vertices so a hostile file cannot make the map crawl.

Validity is judged by GEOS through shapely (``is_valid_reason``): the OGC rules for polygons
(self-intersection, ring self-intersection, holes outside the shell, overlapping parts) are
subtle, and a well-kept library that every GIS uses gets them right where a hand-written check
would not.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from crisisconsole.domain.geo import LatLon, MultiPolygon, Polygon, PositionInvalid
from crisisconsole.errors import ValidationError
from crisisconsole.i18n import tr

MAX_VERTICES = 100_000  # per file: a detailed municipal boundary has ~20,000

RawPosition = tuple[float, float]


class GeometryRefused(ValidationError, ValueError):
    """A shape the console will not take; nothing was imported."""


class VertexBudget:
    """Counts positions while a file is walked and refuses past the cap (before any shape is
    built, so the refusal is quick)."""

    def __init__(self, limit: int = MAX_VERTICES) -> None:
        self.limit = limit
        self.used = 0

    def take(self, count: int) -> None:
        self.used += count
        if self.used > self.limit:
            raise GeometryRefused(tr(
                f"te veel hoekpunten (meer dan {self.limit:,}); vereenvoudig de vormen".replace(
                    ",", "."),
                f"too many vertices (more than {self.limit:,}); simplify the shapes"))


def number(value: object, where: str) -> float:
    """A finite JSON number; booleans, strings, NaN and infinity are refused."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise GeometryRefused(tr(f"{where}: coördinaat is geen getal",
                                 f"{where}: coordinate is not a number"))
    try:
        result = float(value)
    except OverflowError:  # an integer with hundreds of digits
        result = math.inf
    if not math.isfinite(result):
        raise GeometryRefused(tr(f"{where}: coördinaat is geen eindig getal (NaN of oneindig)",
                                 f"{where}: coordinate is not finite (NaN or infinity)"))
    return result


def raw_position(value: object, where: str) -> RawPosition:
    """A GeoJSON position ``[x, y]`` or ``[x, y, z]`` (z ignored) as two finite numbers."""
    if not isinstance(value, list | tuple) or not 2 <= len(value) <= 3:
        raise GeometryRefused(tr(f"{where}: een positie is [lengtegraad, breedtegraad]",
                                 f"{where}: a position is [longitude, latitude]"))
    return number(value[0], where), number(value[1], where)


def raw_ring(value: object, where: str, budget: VertexBudget) -> list[RawPosition]:
    """A closed linear ring of at least four positions (RFC 7946 §3.1.6)."""
    if not isinstance(value, list):
        raise GeometryRefused(tr(f"{where}: een ring is een lijst posities",
                                 f"{where}: a ring is a list of positions"))
    budget.take(len(value))
    ring = [raw_position(item, where) for item in value]
    if len(ring) < 4:
        raise GeometryRefused(tr(f"{where}: een ring heeft minstens 4 posities",
                                 f"{where}: a ring needs at least 4 positions"))
    if ring[0] != ring[-1]:
        raise GeometryRefused(tr(f"{where}: open ring (eerste en laatste positie verschillen)",
                                 f"{where}: open ring (first and last position differ)"))
    return ring


def raw_polygon(value: object, where: str, budget: VertexBudget) -> list[list[RawPosition]]:
    if not isinstance(value, list) or not value:
        raise GeometryRefused(tr(f"{where}: een vlak is een lijst ringen",
                                 f"{where}: a polygon is a list of rings"))
    return [raw_ring(ring, where, budget) for ring in value]


def to_latlon(lon: float, lat: float, where: str) -> LatLon:
    try:
        return LatLon(lat, lon)
    except PositionInvalid as error:
        raise GeometryRefused(f"{where}: {error.message}") from None


def checked_shape(polygons: Sequence[Sequence[Sequence[LatLon]]], where: str) -> MultiPolygon:
    """Polygons (each: outer ring, then holes) as a MultiPolygon, after GEOS has judged them
    valid."""
    if not polygons:
        raise GeometryRefused(tr(f"{where}: leeg gebied", f"{where}: empty area"))
    # GEOS (shapely, numpy: 0.5 s to import) only when an area is judged, not for every
    # module that reads places: the log page's location field imports this module
    import shapely
    from shapely.geometry import MultiPolygon as ShapelyMultiPolygon
    from shapely.geometry import Polygon as ShapelyPolygon

    shapes = [ShapelyPolygon([(p.lon, p.lat) for p in rings[0]],
                             [[(p.lon, p.lat) for p in hole] for hole in rings[1:]])
              for rings in polygons]
    whole = shapes[0] if len(shapes) == 1 else ShapelyMultiPolygon(shapes)
    reason = shapely.is_valid_reason(whole)
    if reason != "Valid Geometry":
        raise GeometryRefused(f"{where}: {_explain(reason)}")
    if whole.area == 0:
        raise GeometryRefused(tr(f"{where}: gebied zonder oppervlakte",
                                 f"{where}: area without surface"))
    return shape_of(polygons)


def shape_of(polygons: Sequence[Sequence[Sequence[LatLon]]]) -> MultiPolygon:
    """Polygons as a MultiPolygon, as they are: for shapes GEOS judged when they came in."""
    return MultiPolygon(tuple(Polygon(tuple(rings[0]), tuple(tuple(h) for h in rings[1:]))
                              for rings in polygons))


_REASONS = (
    ("Ring Self-intersection", "de rand raakt zichzelf", "a ring touches itself"),
    ("Self-intersection", "de rand snijdt zichzelf", "the outline crosses itself"),
    ("Hole lies outside shell", "een gat ligt buiten de buitenrand",
     "a hole lies outside the outer ring"),
    ("Nested holes", "gaten liggen in elkaar", "holes lie inside each other"),
    ("Interior is disconnected", "een gat deelt het vlak in stukken",
     "a hole splits the polygon"),
    ("Nested shells", "delen van het gebied liggen in elkaar", "parts lie inside each other"),
    ("Too few points", "te weinig verschillende punten", "too few distinct points"),
)


def _explain(reason: str) -> str:
    where = re.search(r"\[([-0-9.e ]+)\]", reason)
    at = ""
    if where:
        parts = where.group(1).split()
        if len(parts) >= 2:
            at = f" ({float(parts[1]):.6f}, {float(parts[0]):.6f})"
    for english, nl, en in _REASONS:
        if reason.startswith(english):
            return tr(f"ongeldige vorm: {nl}{at}", f"invalid shape: {en}{at}")
    return tr(f"ongeldige vorm: {reason}", f"invalid shape: {reason}")
