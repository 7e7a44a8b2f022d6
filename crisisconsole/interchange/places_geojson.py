"""Gazetteer places as GeoJSON (RFC 7946), in and out: Point, Polygon and MultiPolygon features
with a ``name`` (or ``naam``) property and optional ``aliases``.

The file is untrusted. It is refused whole, with one line saying why, when it is too big, not
UTF-8, not JSON, holds NaN or infinity, has too many vertices (checked on the raw bytes before
parsing, so a million-vertex file costs milliseconds), open or self-intersecting rings, or a
feature without a name. Dutch sources (PDOK) still write the 2008 ``crs`` member with
EPSG:28992: such a file is read as RD New and converted; any other declared system is refused.
"""

from __future__ import annotations

import codecs
import json
import re
from typing import Any

from crisisconsole.domain.geo import LatLon, MultiPolygon, Municipality
from crisisconsole.domain.places import Place, PlaceInvalid, make_place
from crisisconsole.i18n import tr
from crisisconsole.interchange.coordinates import CoordinateRefused, check_rd, rd_many_to_wgs84
from crisisconsole.interchange.geometry_checks import (
    MAX_VERTICES,
    GeometryRefused,
    RawPosition,
    VertexBudget,
    checked_shape,
    raw_polygon,
    raw_position,
    shape_of,
)
from crisisconsole.interchange.places_io import MAX_PLACES, PlacesRead, PlacesRefused, finish

MAX_GEOJSON_BYTES = 20_000_000
NAME_KEYS = ("name", "naam")
ALIAS_KEYS = ("aliases", "aliassen", "alias")
_RD_CRS = re.compile(r"EPSG:{1,2}(?:[0-9.]*:)?28992$", re.IGNORECASE)
_WGS84_CRS = re.compile(r"(CRS84|EPSG:{1,2}(?:[0-9.]*:)?(4326|4258))$", re.IGNORECASE)
_ALIAS_SPLIT = re.compile(r"[;|]")


def _refuse_constant(name: str) -> float:
    raise PlacesRefused(tr(f"GeoJSON bevat {name}: alleen eindige getallen",
                           f"GeoJSON contains {name}: only finite numbers"))


def _finite_float(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        _refuse_constant(text)
    return value


def load_geojson(data: bytes, *, max_bytes: int = MAX_GEOJSON_BYTES,
                 max_vertices: int = MAX_VERTICES) -> Any:
    """Parse untrusted GeoJSON bytes with the size, encoding, number and vertex checks."""
    if len(data) > max_bytes:
        raise PlacesRefused(tr(f"bestand te groot (meer dan {max_bytes // 1_000_000} MB)",
                               f"file too large (more than {max_bytes // 1_000_000} MB)"))
    # Every position opens a bracket: an upper bound on the vertices, counted before parsing.
    if data.count(b"[") > max_vertices * 3 // 2 + 10_000:
        raise PlacesRefused(tr(f"te veel hoekpunten (meer dan {max_vertices})",
                               f"too many vertices (more than {max_vertices})"))
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise PlacesRefused(tr("GeoJSON moet UTF-8 zijn (RFC 7946)",
                               "GeoJSON must be UTF-8 (RFC 7946)")) from None
    if not text.strip():
        raise PlacesRefused(tr("leeg bestand", "empty file"))
    try:
        return json.loads(text, parse_constant=_refuse_constant, parse_float=_finite_float)
    except PlacesRefused:
        raise
    except (ValueError, RecursionError):
        raise PlacesRefused(tr("geen geldige JSON", "not valid JSON")) from None


def read_places_geojson(data: bytes, *, municipality: Municipality | None = None,
                        max_bytes: int = MAX_GEOJSON_BYTES,
                        max_vertices: int = MAX_VERTICES) -> PlacesRead:
    document = load_geojson(data, max_bytes=max_bytes, max_vertices=max_vertices)
    features = _features(document)
    rd = _declares_rd(document)
    budget = VertexBudget(max_vertices)
    found: list[tuple[str, Place]] = []
    for index, feature in enumerate(features, start=1):
        where = tr(f"object {index}", f"feature {index}")
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            raise PlacesRefused(tr(f"{where}: geen Feature", f"{where}: not a Feature"))
        properties = feature.get("properties")
        if not isinstance(properties, dict):
            properties = {}
        name = _name(properties, where)
        try:
            geometry = _geometry(feature.get("geometry"), f"{where} ({name})", budget, rd)
            found.append((where, make_place(name, geometry, _aliases(properties, where))))
        except (GeometryRefused, PlaceInvalid, CoordinateRefused) as error:
            message = error.message
            raise PlacesRefused(message if message.startswith(where) else
                                f"{where}: {message}") from None
    return finish(found, "geojson", municipality)


def _features(document: Any) -> list[Any]:
    if not isinstance(document, dict):
        raise PlacesRefused(tr("geen GeoJSON-object", "not a GeoJSON object"))
    kind = document.get("type")
    if kind == "FeatureCollection":
        features = document.get("features")
        if not isinstance(features, list):
            raise PlacesRefused(tr("FeatureCollection zonder lijst 'features'",
                                   "FeatureCollection without a 'features' list"))
        if len(features) > MAX_PLACES:
            raise PlacesRefused(tr(f"meer dan {MAX_PLACES} plaatsen",
                                   f"more than {MAX_PLACES} places"))
        return features
    if kind == "Feature":
        return [document]
    raise PlacesRefused(tr(
        f"GeoJSON van type {str(kind)[:40]!r}: verwacht FeatureCollection of Feature met een naam",
        f"GeoJSON of type {str(kind)[:40]!r}: expected a FeatureCollection or Feature with a name"))


def declares_rd(document: dict[str, Any]) -> bool:
    """True when the document's (2008) ``crs`` member names RD New; refused when it names a
    system other than WGS84."""
    return _declares_rd(document)


def geometry_of(geometry: Any, where: str, budget: VertexBudget,
                rd: bool = False, judged: bool = False) -> LatLon | MultiPolygon:
    """A GeoJSON geometry object (Point, Polygon, MultiPolygon) as a checked shape.
    ``judged``: a shape GEOS judged valid when it came in (read back from the database): its
    structure is still checked, GEOS is not asked again."""
    return _geometry(geometry, where, budget, rd, judged)


def position_json(point: LatLon) -> list[float]:
    return _position(point)


def _declares_rd(document: dict[str, Any]) -> bool:
    crs = document.get("crs")
    if crs is None:
        return False
    name = crs.get("properties", {}).get("name") if isinstance(crs, dict) else None
    if isinstance(name, str) and _RD_CRS.search(name.strip()):
        return True
    if isinstance(name, str) and _WGS84_CRS.search(name.strip()):
        return False
    raise PlacesRefused(tr(
        f"onbekend coördinatenstelsel {str(name)[:60]!r}: gebruik WGS84 of RD (EPSG:28992)",
        f"unknown coordinate system {str(name)[:60]!r}: use WGS84 or RD (EPSG:28992)"))


def _property(properties: dict[str, Any], keys: tuple[str, ...]) -> Any:
    lowered = {str(key).strip().casefold(): value for key, value in properties.items()}
    for key in keys:
        if lowered.get(key) not in (None, ""):
            return lowered[key]
    return None


def _name(properties: dict[str, Any], where: str) -> str:
    name = _property(properties, NAME_KEYS)
    if not isinstance(name, str) or not name.strip():
        raise PlacesRefused(tr(f"{where}: geen naam (eigenschap 'name' of 'naam')",
                               f"{where}: no name (property 'name' or 'naam')"))
    return name


def _aliases(properties: dict[str, Any], where: str) -> list[str]:
    value = _property(properties, ALIAS_KEYS)
    if value is None:
        return []
    if isinstance(value, str):
        return [part for part in _ALIAS_SPLIT.split(value) if part.strip()]
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return [item for item in value if item.strip()]
    raise PlacesRefused(tr(f"{where}: aliassen zijn tekst of een lijst teksten",
                           f"{where}: aliases are text or a list of texts"))


def _geometry(geometry: Any, where: str, budget: VertexBudget,
              rd: bool, judged: bool = False) -> LatLon | MultiPolygon:
    if not isinstance(geometry, dict):
        raise GeometryRefused(tr(f"{where}: geen geometrie", f"{where}: no geometry"))
    kind, coordinates = geometry.get("type"), geometry.get("coordinates")
    if kind == "Point":
        budget.take(1)
        return _convert([[[raw_position(coordinates, where)]]], where, rd)[0][0][0]
    if kind == "Polygon":
        raw = [raw_polygon(coordinates, where, budget)]
    elif kind == "MultiPolygon":
        if not isinstance(coordinates, list) or not coordinates:
            raise GeometryRefused(tr(f"{where}: MultiPolygon zonder vlakken",
                                     f"{where}: MultiPolygon without polygons"))
        raw = [raw_polygon(polygon, where, budget) for polygon in coordinates]
    else:
        raise GeometryRefused(tr(
            f"{where}: geometrie {str(kind)[:30]!r} niet ondersteund (Point, Polygon, MultiPolygon)",
            f"{where}: geometry {str(kind)[:30]!r} not supported (Point, Polygon, MultiPolygon)"))
    polygons = _convert(raw, where, rd)
    return shape_of(polygons) if judged else checked_shape(polygons, where)


def _convert(raw: list[list[list[RawPosition]]], where: str,
             rd: bool) -> list[list[list[LatLon]]]:
    """Raw positions to WGS84: [lon, lat] as they are, or RD [x, y] converted in one go."""
    flat = [position for polygon in raw for ring in polygon for position in ring]
    if rd:
        converted = iter(rd_many_to_wgs84(flat))
    else:
        converted = iter(_lonlat(lon, lat, where) for lon, lat in flat)
    return [[[next(converted) for _ in ring] for ring in polygon] for polygon in raw]


def _lonlat(lon: float, lat: float, where: str) -> LatLon:
    if abs(lon) > 180 or abs(lat) > 90:
        try:
            check_rd(lon, lat)
        except CoordinateRefused:
            hint = ""
        else:
            hint = tr(" (dit lijken RD-meters: geef \"crs\" EPSG:28992 op)",
                      " (these look like RD metres: declare \"crs\" EPSG:28992)")
        raise GeometryRefused(tr(f"{where}: positie [{lon:g}, {lat:g}] ligt niet op aarde{hint}",
                                 f"{where}: position [{lon:g}, {lat:g}] is not on earth{hint}"))
    return LatLon(lat, lon)


def _position(point: LatLon) -> list[float]:
    return [round(point.lon, 7), round(point.lat, 7)]  # 7 decimals: about a centimetre


def place_feature(place: Place) -> dict[str, Any]:
    geometry: dict[str, Any]
    if isinstance(place.geometry, LatLon):
        geometry = {"type": "Point", "coordinates": _position(place.geometry)}
    else:
        polygons = [[[_position(p) for p in ring] for ring in (polygon.exterior, *polygon.holes)]
                    for polygon in place.geometry.polygons]
        geometry = ({"type": "Polygon", "coordinates": polygons[0]} if len(polygons) == 1
                    else {"type": "MultiPolygon", "coordinates": polygons})
    return {"type": "Feature", "properties": {"name": place.name, "aliases": list(place.aliases)},
            "geometry": geometry}


def write_places_geojson(places: list[Place] | tuple[Place, ...]) -> bytes:
    """A FeatureCollection, one feature per line (diffable, and readable back here)."""
    lines = [json.dumps(place_feature(place), ensure_ascii=False, separators=(",", ":"))
             for place in places]
    body = ",\n".join(lines)
    return ('{"type":"FeatureCollection","features":[\n' + body + "\n]}\n").encode("utf-8")
