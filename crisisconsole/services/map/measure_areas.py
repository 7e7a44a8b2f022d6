"""The area of a measure (issue 18): drawn on the map, read from a GeoJSON file, or taken from
a place of the gazetteer or from a CAP area in the log; kept as a GeoJSON fact
(``measure_area``), the newest row being the measure's area. Changing it is a new fact, so the
letter that printed the old area can still be explained.

The measure's text field ``area`` (the words of the ordinance: "de binnenstad") stays what it
is: the shape is what the map and the small maps in letters and the picture draw.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from crisisconsole.domain.geo import Circle, LatLon, MultiPolygon
from crisisconsole.errors import NotFoundError, ValidationError
from crisisconsole.i18n import tr
from crisisconsole.ids import new_id
from crisisconsole.interchange.area_geojson import (
    circle_polygon,
    geometry_object,
    geometry_text,
    read_area_file,
    read_geometry_text,
)
from crisisconsole.interchange.geometry_checks import checked_shape
from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.services.map.layers import cap_map_areas
from crisisconsole.services.measures.facts import load_measure, require_writer
from crisisconsole.services.places.gazetteer import place_book
from crisisconsole.store.engine import Store
from crisisconsole.store.tables.places import measure_area

SOURCES = ("drawn", "place", "cap", "file")


@dataclass(frozen=True)
class MeasureArea:
    measure_id: str
    shape: MultiPolygon
    source: str
    source_ref: str | None
    recorded_at: datetime
    actor: str

    def as_json(self) -> dict[str, Any]:
        return {"measure_id": self.measure_id, "source": self.source,
                "source_ref": self.source_ref, "geometry": geometry_object(self.shape)}


def current_area(store: Store, measure_id: str) -> MeasureArea | None:
    """The newest area recorded for the measure, or None."""
    return area_as_of(store, measure_id, None)


def area_as_of(store: Store, measure_id: str, as_of: datetime | None) -> MeasureArea | None:
    """The measure's area as it was recorded at ``as_of`` (None: now)."""
    query = select(measure_area).where(measure_area.c.measure_id == measure_id)
    if as_of is not None:
        query = query.where(measure_area.c.recorded_at <= as_of)
    with store.read() as conn:
        row = conn.execute(query.order_by(measure_area.c.recorded_at.desc(),
                                          measure_area.c.id.desc()).limit(1)).first()
    if row is None:
        return None
    shape = read_geometry_text(row.geometry_json, measure_id)
    if not isinstance(shape, MultiPolygon):
        return None
    return MeasureArea(measure_id, shape, row.source, row.source_ref, row.recorded_at, row.actor)


def set_area(ctx: ServiceContext, measure_id: str, shape: MultiPolygon, source: str,
             source_ref: str | None = None) -> MeasureArea:
    """Record the measure's area (checked again: a drawn ring that crosses itself is refused)."""
    require_writer(ctx)
    if source not in SOURCES:
        raise ValidationError(tr(f"onbekende herkomst {source!r}", f"unknown source {source!r}"))
    shape = checked_shape([[list(polygon.exterior), *[list(h) for h in polygon.holes]]
                           for polygon in shape.polygons], tr("gebied", "area"))
    with ctx.store.read() as conn:
        record = load_measure(conn, measure_id)  # NotFoundError for an unknown measure
    with ctx.store.write(ctx.actor.id) as tx:
        tx.concerns(record.crisis_id)
        tx.insert(measure_area, {"id": new_id(), "measure_id": measure_id,
                                 "geometry_json": geometry_text(shape), "source": source,
                                 "source_ref": source_ref, "recorded_at": tx.now,
                                 "actor": ctx.actor.id}, "measure.area")
        now = tx.now
    return MeasureArea(measure_id, shape, source, source_ref, now, ctx.actor.id)


def area_from_file(ctx: ServiceContext, measure_id: str, data: bytes,
                   filename: str) -> MeasureArea:
    return set_area(ctx, measure_id, read_area_file(data), "file", filename[-120:])


def area_from_place(ctx: ServiceContext, measure_id: str, name: str) -> MeasureArea:
    """The measure's area is a place of the gazetteer that has an area (not a point)."""
    with ctx.store.read() as conn:
        record = load_measure(conn, measure_id)
    from crisisconsole.services.places.gazetteer import municipality_of

    found = place_book(ctx.store, municipality_of(ctx.store, record.crisis_id)).find(name)
    if found is None:
        raise NotFoundError(tr(f"plaats {name!r} bestaat niet", f"place {name!r} does not exist"))
    if not isinstance(found.place.geometry, MultiPolygon):
        raise ValidationError(tr(f"{found.place.name} is een punt, geen gebied",
                                 f"{found.place.name} is a point, not an area"))
    return set_area(ctx, measure_id, found.place.geometry, "place", found.place.name)


def area_from_cap(ctx: ServiceContext, measure_id: str, area_id: str | None = None
                  ) -> MeasureArea:
    """The measure's area is a CAP area of its crisis's log (``area_id`` as the map names it;
    None: the one CAP area there is). A circle is stored as a polygon."""
    with ctx.store.read() as conn:
        record = load_measure(conn, measure_id)
    areas = cap_map_areas(ctx.store, record.crisis_id)
    if area_id is not None:
        areas = [a for a in areas if a.id == area_id or a.id.startswith(area_id + "#")]
    if len(areas) != 1:
        raise ValidationError(tr(
            f"{len(areas)} CAP-gebieden gevonden: noem er één ({', '.join(a.id for a in areas)})",
            f"{len(areas)} CAP areas found: name one ({', '.join(a.id for a in areas)})"))
    area = areas[0]
    shape = circle_polygon(area.shape) if isinstance(area.shape, Circle) else area.shape
    return set_area(ctx, measure_id, shape, "cap", area.id)


def shape_from_points(points: list[LatLon]) -> MultiPolygon:
    """A ring drawn by clicks (closed here) as a checked area."""
    if len(points) < 3:
        raise ValidationError(tr("teken minstens drie punten", "draw at least three points"))
    ring = [*points, points[0]]
    return checked_shape([[ring]], tr("getekend gebied", "drawn area"))
