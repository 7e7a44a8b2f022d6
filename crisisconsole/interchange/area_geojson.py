"""Shapes as GeoJSON geometries (RFC 7946, [lon, lat]): how a place's point or area and a
measure's area are stored, and how a measure's area is read from a file someone drew elsewhere.

What is stored is read back through the same checks as an imported file (finite positions,
closed and simple rings, the vertex cap), so a row written by another laptop or an older
version cannot put a hostile shape on the map. A CAP circle has no GeoJSON form: a measure that
takes its area from one stores the circle as a 64-sided polygon, which is how it is printed too.
"""

from __future__ import annotations

import json
import math
from typing import Any

from crisisconsole.domain.geo import Circle, LatLon, MultiPolygon, Polygon
from crisisconsole.i18n import tr
from crisisconsole.interchange.geometry_checks import GeometryRefused, VertexBudget
from crisisconsole.interchange.places_geojson import (
    declares_rd,
    geometry_of,
    load_geojson,
    position_json,
)
from crisisconsole.interchange.places_io import PlacesRefused

CIRCLE_STEPS = 64
MAX_AREA_BYTES = 5_000_000


def geometry_object(shape: LatLon | MultiPolygon) -> dict[str, Any]:
    """A point or an area as a GeoJSON geometry object."""
    if isinstance(shape, LatLon):
        return {"type": "Point", "coordinates": position_json(shape)}
    polygons = [[[position_json(p) for p in ring] for ring in (polygon.exterior, *polygon.holes)]
                for polygon in shape.polygons]
    if len(polygons) == 1:
        return {"type": "Polygon", "coordinates": polygons[0]}
    return {"type": "MultiPolygon", "coordinates": polygons}


def geometry_text(shape: LatLon | MultiPolygon) -> str:
    return json.dumps(geometry_object(shape), separators=(",", ":"))


def read_geometry_text(text: str, where: str = "geometry") -> LatLon | MultiPolygon:
    """A stored geometry back as a shape (GeometryRefused when its structure is broken). GEOS
    judged it on the way in (every door that stores one: places, measure areas), so it is not
    asked again: reading the places for the log's location field must not load GEOS and numpy
    (0.5 s of start-up)."""
    try:
        value = json.loads(text)
    except ValueError:
        raise GeometryRefused(tr(f"{where}: geen GeoJSON", f"{where}: not GeoJSON")) from None
    return geometry_of(value, where, VertexBudget(), rd=False, judged=True)


def circle_polygon(circle: Circle, steps: int = CIRCLE_STEPS) -> MultiPolygon:
    """A circle as a polygon of ``steps`` sides (on the sphere; metres are small here)."""
    lat0, lon0 = math.radians(circle.centre.lat), math.radians(circle.centre.lon)
    angular = circle.radius_m / 6_371_008.8
    ring = []
    for i in range(steps):
        bearing = 2 * math.pi * i / steps
        lat = math.asin(math.sin(lat0) * math.cos(angular)
                        + math.cos(lat0) * math.sin(angular) * math.cos(bearing))
        lon = lon0 + math.atan2(math.sin(bearing) * math.sin(angular) * math.cos(lat0),
                                math.cos(angular) - math.sin(lat0) * math.sin(lat))
        ring.append(LatLon(math.degrees(lat), math.degrees(lon)))
    ring.append(ring[0])
    return MultiPolygon((Polygon(tuple(ring)),))


def read_area_file(data: bytes) -> MultiPolygon:
    """A measure's area from a GeoJSON file: a Polygon or MultiPolygon geometry, or a Feature
    or FeatureCollection holding exactly one such feature. Refused whole (PlacesRefused or
    GeometryRefused, both ValidationErrors) when it is anything else or breaks a check."""
    document = load_geojson(data, max_bytes=MAX_AREA_BYTES)
    geometry = document
    if isinstance(document, dict) and document.get("type") == "FeatureCollection":
        features = document.get("features")
        if not isinstance(features, list) or len(features) != 1:
            raise PlacesRefused(tr("een gebied is één vlak: het bestand moet precies één object "
                                   "hebben", "an area is one shape: the file must hold exactly "
                                   "one feature"))
        document = features[0]
    if isinstance(document, dict) and document.get("type") == "Feature":
        geometry = document.get("geometry")
    rd = isinstance(document, dict) and declares_rd(document)
    shape = geometry_of(geometry, tr("gebied", "area"), VertexBudget(), rd=rd)
    if not isinstance(shape, MultiPolygon):
        raise PlacesRefused(tr("een gebied is een vlak (Polygon of MultiPolygon), geen punt",
                               "an area is a polygon (Polygon or MultiPolygon), not a point"))
    return shape

