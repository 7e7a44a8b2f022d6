"""A CAP alert's areas (polygons and circles) kept with its log entry, so the map can draw them
later: written at import into the entry's extra data, read back defensively (the extra data of
an entry made elsewhere may hold anything), capped so one alert cannot flood the map."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from crisisconsole.interchange.cap_model import CapArea, CapCircle

MAX_AREAS = 20
MAX_RING = 5_000  # vertices per polygon kept; CAP polygons are small in practice


def cap_areas_json(areas: Sequence[CapArea]) -> list[dict[str, Any]]:
    """The areas that have a shape, as plain JSON ([lat, lon] pairs, radius in km)."""
    found = []
    for area in areas[:MAX_AREAS]:
        polygons = [[[round(lat, 7), round(lon, 7)] for lat, lon in ring[:MAX_RING]]
                    for ring in area.polygons if len(ring) >= 3]
        circles = [[round(c.lat, 7), round(c.lon, 7), c.radius_km] for c in area.circles]
        if polygons or circles:
            found.append({"desc": area.area_desc[:200], "polygons": polygons,
                          "circles": circles})
    return found


def _finite(*values: Any) -> bool:
    return all(isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v)
               for v in values)


def cap_areas_from_json(value: Any) -> list[CapArea]:
    """``cap_areas_json`` read back; anything malformed is left out, never an error."""
    if not isinstance(value, list):
        return []
    found = []
    for item in value[:MAX_AREAS]:
        if not isinstance(item, dict):
            continue
        polygons = []
        for ring in item.get("polygons") or []:
            if not isinstance(ring, list):
                continue
            points = tuple((float(p[0]), float(p[1])) for p in ring[:MAX_RING]
                           if isinstance(p, list) and len(p) == 2 and _finite(*p)
                           and abs(p[0]) <= 90 and abs(p[1]) <= 180)
            if len(points) >= 3:
                polygons.append(points)
        circles = tuple(CapCircle(float(c[0]), float(c[1]), float(c[2]))
                        for c in item.get("circles") or []
                        if isinstance(c, list) and len(c) == 3 and _finite(*c)
                        and abs(c[0]) <= 90 and abs(c[1]) <= 180 and 0 < c[2] <= 1000)
        desc = item.get("desc") if isinstance(item.get("desc"), str) else ""
        if polygons or circles:
            found.append(CapArea(desc, tuple(polygons), circles))
    return found
