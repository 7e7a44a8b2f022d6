"""The places of a municipality as audited facts (issue 18): add one (typed, or clicked on the
map), import a file of them, give an alias, correct, remove; list and export.

A municipality's places outlive a crisis: the Stationsplein is where it was last month. So the
facts are kept per municipality (the crisis's ``municipality``, compared by ``name_key``) and
every crisis of that municipality sees them. A file is taken whole or not at all: a bad row, a
hostile shape or a name already in the gazetteer refuses the file, and nothing is recorded.
Positions that are possible but suspicious (latitude and longitude swapped, far from the other
places) are recorded and returned as warnings for the aide to look at.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, literal_column, select

from crisisconsole.domain.geo import Bounds, LatLon, Municipality, position_warnings
from crisisconsole.domain.place_facts import PlaceBook, PlaceFact, replay
from crisisconsole.domain.places import Gazetteer, Place, PlaceGeometry, make_place, name_key
from crisisconsole.domain.roles import ProfileRole
from crisisconsole.errors import NotFoundError, ValidationError
from crisisconsole.i18n import tr
from crisisconsole.ids import new_id
from crisisconsole.interchange.area_geojson import geometry_text, read_geometry_text
from crisisconsole.interchange.geometry_checks import GeometryRefused
from crisisconsole.interchange.places_csv import write_places_csv
from crisisconsole.interchange.places_files import read_places
from crisisconsole.interchange.places_geojson import write_places_geojson
from crisisconsole.services.foundation.access import require_role
from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.store import tables
from crisisconsole.store.engine import Store
from crisisconsole.store.tables.places import place_fact

EDITORS = frozenset({ProfileRole.AIDE, ProfileRole.TEAM, ProfileRole.MAYOR})


@dataclass(frozen=True)
class PlaceRecord:
    """A current place with its id and the warnings its position raises."""

    place_id: str
    place: Place
    warnings: tuple[str, ...] = ()

    def as_json(self) -> dict[str, Any]:
        point = self.place.position
        return {"id": self.place_id, "name": self.place.name, "aliases": list(self.place.aliases),
                "lat": round(point.lat, 7), "lon": round(point.lon, 7),
                "kind": "area" if self.place.is_area else "point",
                "warnings": list(self.warnings)}


@dataclass(frozen=True)
class PlacesImported:
    municipality: str
    added: tuple[PlaceRecord, ...]
    warnings: tuple[str, ...]
    kind: str

    def as_json(self) -> dict[str, Any]:
        return {"municipality": self.municipality, "imported": len(self.added),
                "kind": self.kind, "warnings": list(self.warnings),
                "places": [r.as_json() for r in self.added]}


# --- reading -------------------------------------------------------------------------------


def municipality_of(store: Store, crisis_id: str | None = None) -> str:
    """The municipality of a crisis; without one, that of the newest crisis."""
    with store.read() as conn:
        query = select(tables.crisis.c.municipality)
        if crisis_id is not None:
            found = conn.execute(query.where(tables.crisis.c.id == crisis_id)).scalar()
            if found is None:
                raise NotFoundError(tr(f"crisis {crisis_id} bestaat niet",
                                       f"crisis {crisis_id} does not exist"))
            return found
        found = conn.execute(query.order_by(literal_column("rowid").desc()).limit(1)).scalar()
    if found is None:
        raise ValidationError(tr("geen crisis en geen gemeente: geef --municipality op",
                                 "no crisis and no municipality: give --municipality"))
    return found


def _facts(conn: Connection, municipality: str) -> list[PlaceFact]:
    key = name_key(municipality)
    rows = conn.execute(select(place_fact).order_by(literal_column("rowid"))).all()
    found = []
    for row in rows:
        if name_key(row.municipality) != key:
            continue
        geometry = None
        if row.geometry_json:
            try:
                geometry = read_geometry_text(row.geometry_json, row.place_id)
            except GeometryRefused:
                continue  # a stored shape that fails the checks is not drawn (verify reports)
        aliases = tuple(json.loads(row.aliases_json)) if row.aliases_json else None
        found.append(PlaceFact(row.id, row.place_id, row.kind, row.recorded_at, row.actor,
                               row.name, aliases, geometry, row.reason))
    return found


def place_book(store: Store, municipality: str) -> PlaceBook:
    with store.read() as conn:
        return replay(_facts(conn, municipality))


def gazetteer(store: Store, municipality: str) -> Gazetteer:
    return place_book(store, municipality).gazetteer


def gazetteer_for_crisis(store: Store, crisis_id: str) -> Gazetteer:
    return gazetteer(store, municipality_of(store, crisis_id))


def list_places(store: Store, municipality: str) -> list[PlaceRecord]:
    book = place_book(store, municipality)
    context = _context(municipality, book.gazetteer)
    return sorted((PlaceRecord(c.place_id, c.place, _warnings(c.place, context))
                   for c in book.current.values()), key=lambda r: name_key(r.place.name))


def export_places(store: Store, municipality: str, fmt: str) -> bytes:
    places = [r.place for r in list_places(store, municipality)]
    if fmt == "csv":
        return write_places_csv(places)
    if fmt == "geojson":
        return write_places_geojson(places)
    raise ValidationError(tr(f"onbekend formaat {fmt!r}: csv of geojson",
                             f"unknown format {fmt!r}: csv or geojson"))


def _context(municipality: str, known: Gazetteer) -> Municipality | None:
    """Where the municipality is, for the warnings: the middle of the places already known
    (a gazetteer of one place or none: the Netherlands as a whole)."""
    points = [p.position for p in known]
    if len(points) < 2:
        return None
    lats = sorted(p.lat for p in points)
    lons = sorted(p.lon for p in points)
    centre = LatLon(lats[len(lats) // 2], lons[len(lons) // 2])  # the median: one typo moves
    return Municipality(municipality, centre, Bounds.around(points) if len(points) > 3 else None)


def _warnings(place: Place, context: Municipality | None) -> tuple[str, ...]:
    return tuple(w.message for w in position_warnings(place.position, context))


# --- writing -------------------------------------------------------------------------------


def _row(ctx: ServiceContext, municipality: str, place_id: str, kind: str, *,
         now: Any, name: str | None = None, aliases: Sequence[str] | None = None,
         geometry: PlaceGeometry | None = None, reason: str | None = None,
         origin: str | None = None) -> dict[str, Any]:
    return {"id": new_id(), "municipality": municipality, "place_id": place_id, "kind": kind,
            "name": name, "aliases_json": None if aliases is None else json.dumps(
                list(aliases), ensure_ascii=False),
            "geometry_json": None if geometry is None else geometry_text(geometry),
            "reason": reason, "origin": origin, "recorded_at": now, "actor": ctx.actor.id}


def add_place(ctx: ServiceContext, municipality: str, name: str, geometry: PlaceGeometry,
              aliases: Iterable[str] = (), *, origin: str = "typed") -> PlaceRecord:
    """Record a new place; refused when its name or an alias is taken (in any spelling
    ``name_key`` equates). Suspicious positions are kept and warned about."""
    require_role(ctx, EDITORS, "place.add", "place_fact")
    place = make_place(name, geometry, aliases)
    book = place_book(ctx.store, municipality)
    known = book.gazetteer
    known.adding([place])  # PlaceInvalid: "place name already exists: ..."
    place_id = new_id()
    with ctx.store.write(ctx.actor.id) as tx:
        tx.insert(place_fact, _row(ctx, municipality, place_id, "add", now=tx.now,
                                   name=place.name, aliases=place.aliases,
                                   geometry=place.geometry, origin=origin), "place.add")
    return PlaceRecord(place_id, place, _warnings(place, _context(municipality, known)))


def import_places(ctx: ServiceContext, municipality: str, data: bytes,
                  filename: str) -> PlacesImported:
    """Every place of a CSV, XLSX or GeoJSON file, or none (PlacesRefused, or PlaceInvalid for
    a name the gazetteer already has)."""
    require_role(ctx, EDITORS, "place.import", "place_fact")
    known = gazetteer(ctx.store, municipality)
    read = read_places(data, filename, _context(municipality, known))
    known.adding(read.places)  # refused whole when one name is taken
    records = tuple(PlaceRecord(new_id(), place) for place in read.places)
    origin = f"import:{filename[-120:]}"
    with ctx.store.write(ctx.actor.id) as tx:
        tx.insert_many(place_fact, [
            _row(ctx, municipality, r.place_id, "add", now=tx.now, name=r.place.name,
                 aliases=r.place.aliases, geometry=r.place.geometry, origin=origin)
            for r in records], "place.import")
    return PlacesImported(municipality, records, read.warnings, read.kind)


def add_places(ctx: ServiceContext, municipality: str, places: Sequence[Place], *,
               origin: str) -> tuple[PlaceRecord, ...]:
    """Several checked places at once (the demo, a gazetteer made in code): all or none."""
    require_role(ctx, EDITORS, "place.add", "place_fact")
    gazetteer(ctx.store, municipality).adding(places)
    records = tuple(PlaceRecord(new_id(), place) for place in places)
    with ctx.store.write(ctx.actor.id) as tx:
        tx.insert_many(place_fact, [
            _row(ctx, municipality, r.place_id, "add", now=tx.now, name=r.place.name,
                 aliases=r.place.aliases, geometry=r.place.geometry, origin=origin)
            for r in records], "place.add")
    return records


def _existing(ctx: ServiceContext, municipality: str, name: str) -> tuple[PlaceBook, str]:
    book = place_book(ctx.store, municipality)
    found = book.find(name)
    if found is None:
        raise NotFoundError(tr(f"plaats {name!r} bestaat niet in {municipality}",
                               f"place {name!r} does not exist in {municipality}"))
    return book, found.place_id


def _change(ctx: ServiceContext, municipality: str, which: str, kind: str,
            reason: str | None, **values: Any) -> PlaceRecord | None:
    require_role(ctx, EDITORS, f"place.{kind}", "place_fact")
    book, place_id = _existing(ctx, municipality, which)
    fact = _row(ctx, municipality, place_id, kind, now=ctx.now(), reason=reason, **values)
    trial = PlaceBook(dict(book.current))
    trial._apply(PlaceFact(fact["id"], place_id, kind, fact["recorded_at"], ctx.actor.id,
                           values.get("name"), None if values.get("aliases") is None
                           else tuple(values["aliases"]), values.get("geometry")))
    with ctx.store.write(ctx.actor.id) as tx:
        fact["recorded_at"] = tx.now
        tx.insert(place_fact, fact, f"place.{kind}")
    after = trial.current.get(place_id)
    if after is None:
        return None
    return PlaceRecord(place_id, after.place,
                       _warnings(after.place, _context(municipality, trial.gazetteer)))


def add_alias(ctx: ServiceContext, municipality: str, name: str,
              aliases: Sequence[str]) -> PlaceRecord | None:
    return _change(ctx, municipality, name, "alias", None, aliases=list(aliases))


def correct_place(ctx: ServiceContext, municipality: str, name: str, *, reason: str,
                  new_name: str | None = None, geometry: PlaceGeometry | None = None,
                  aliases: Sequence[str] | None = None) -> PlaceRecord | None:
    if not reason or not reason.strip():
        raise ValidationError(tr("een correctie heeft een reden", "a correction needs a reason"))
    return _change(ctx, municipality, name, "correct", reason.strip(), name=new_name,
                   geometry=geometry, aliases=None if aliases is None else list(aliases))


def remove_place(ctx: ServiceContext, municipality: str, name: str, *, reason: str) -> None:
    if not reason or not reason.strip():
        raise ValidationError(tr("verwijderen heeft een reden", "a removal needs a reason"))
    _change(ctx, municipality, name, "remove", reason.strip())
