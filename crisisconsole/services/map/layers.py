"""What the map of a crisis shows, gathered from the store as plain layers (interchange.map_layers):
entries as points, topics as markers, CAP areas, the areas of measures in force, and the
municipality's places.

An entry's position is derived, never written into the entry: its own coordinates when it has
them, else the place its location text names (domain.places: diacritics-insensitive, the most
specific name wins). So a place added later positions the older entries too, and a corrected
place moves them. Withdrawn entries are not drawn; the time window ("the last N hours") counts
from when a thing happened.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select

from crisisconsole.clock import format_local
from crisisconsole.domain.geo import LatLon, PositionInvalid
from crisisconsole.domain.ordinance_records import FINAL_STATES, MeasureState
from crisisconsole.domain.places import EntryPosition, Gazetteer
from crisisconsole.domain.reliability import parse_reliability
from crisisconsole.interchange.area_geojson import read_geometry_text
from crisisconsole.interchange.cap_areas import cap_areas_from_json
from crisisconsole.interchange.geometry_checks import GeometryRefused
from crisisconsole.interchange.map_layers import MapArea, MapLayers, MapPoint, areas_from_cap
from crisisconsole.services.map.topic_markers import topic_markers
from crisisconsole.services.measures.views import list_measures
from crisisconsole.services.places.gazetteer import gazetteer_for_crisis
from crisisconsole.store.engine import Store
from crisisconsole.store.tables.log import log_current, log_entry
from crisisconsole.store.tables.places import measure_area

HOVER_TEXT = 160
NOT_SHOWN = FINAL_STATES | {MeasureState.DRAFT, MeasureState.SUSPENDED}


@dataclass(frozen=True)
class EntryOnMap:
    """One entry of the log as the map sees it (a row of ``log_current``)."""

    id: str
    occurred_at: datetime
    source: str
    text: str
    reliability: str
    location: str | None
    lat: float | None
    lon: float | None
    discipline: str | None
    recorded_at: datetime


def _own(lat: float | None, lon: float | None) -> LatLon | None:
    if lat is None or lon is None:
        return None
    try:
        return LatLon(lat, lon)
    except PositionInvalid:
        return None


def load_entries(store: Store, crisis_id: str, since: datetime | None = None
                 ) -> list[EntryOnMap]:
    c = log_current.c
    query = select(c.entry_id, c.occurred_at, c.source, c.text, c.reliability, c.location,
                   c.lat, c.lon, c.discipline, c.recorded_at).where(
        c.crisis_id == crisis_id, c.withdrawn.is_(False))
    if since is not None:
        query = query.where(c.occurred_at >= since)
    with store.read() as conn:
        rows = conn.execute(query.order_by(c.occurred_at)).all()
    return [EntryOnMap(*row) for row in rows]


def entry_position(entry: EntryOnMap, places: Gazetteer) -> EntryPosition | None:
    return places.position_for(entry.location, _own(entry.lat, entry.lon))


def entry_points(entries: Sequence[EntryOnMap], places: Gazetteer) -> list[MapPoint]:
    points = []
    for entry in entries:
        found = entry_position(entry, places)
        if found is None:
            continue
        label = parse_reliability(entry.reliability).label_nl
        text = " ".join(entry.text.split())
        if len(text) > HOVER_TEXT:
            text = text[:HOVER_TEXT - 1] + "…"
        where = f" · {entry.location}" if entry.location else ""
        points.append(MapPoint(entry.id, found.point, entry.reliability,
                               f"{format_local(entry.occurred_at, with_date=False)} · {label} · "
                               f"{entry.source}{where}\n{text}"))
    return points


def cap_map_areas(store: Store, crisis_id: str) -> list[MapArea]:
    """The areas of the CAP alerts in the log (not withdrawn: a Cancel takes them away)."""
    query = select(log_entry.c.id, log_entry.c.extra_json, log_current.c.text).join(
        log_current, log_current.c.entry_id == log_entry.c.id).where(
        log_entry.c.crisis_id == crisis_id, log_entry.c.origin_kind == "cap",
        log_current.c.withdrawn.is_(False))
    with store.read() as conn:
        rows = conn.execute(query).all()
    found: list[MapArea] = []
    for entry_id, extra_json, text in rows:
        try:
            extra = json.loads(extra_json) if extra_json else {}
        except ValueError:
            continue
        if not isinstance(extra, dict):
            continue
        for index, area in enumerate(cap_areas_from_json(extra.get("areas"))):
            label = area.area_desc or text.split("\n")[0][:80]
            found.extend(areas_from_cap(area, f"{entry_id}#a{index}", label))
    return found


def measure_map_areas(store: Store, crisis_id: str, now: datetime | None = None
                      ) -> list[MapArea]:
    """The areas of the crisis's measures that are in force now (newest area of each)."""
    shown = {v.id: v for v in list_measures(store, crisis_id, now)
             if v.status.state not in NOT_SHOWN}
    if not shown:
        return []
    with store.read() as conn:
        rows = conn.execute(select(measure_area.c.measure_id, measure_area.c.geometry_json)
                            .where(measure_area.c.measure_id.in_(list(shown)))
                            .order_by(measure_area.c.recorded_at, measure_area.c.id)).all()
    newest = {measure_id: text for measure_id, text in rows}
    found = []
    for measure_id, text in newest.items():
        try:
            shape = read_geometry_text(text, measure_id)
        except GeometryRefused:
            continue
        if isinstance(shape, LatLon):
            continue
        found.append(MapArea(measure_id, "measure", shown[measure_id].measure.title, shape))
    return found


def crisis_layers(store: Store, crisis_id: str, *, hours: float | None = None,
                  now: datetime | None = None) -> MapLayers:
    """Everything the map of a crisis draws; ``hours``: only entries (and the topics made of
    them) that happened in the last so many hours."""
    now = now or store.clock.now()
    since = now - timedelta(hours=hours) if hours is not None else None
    places = gazetteer_for_crisis(store, crisis_id)
    entries = load_entries(store, crisis_id, since)
    areas = cap_map_areas(store, crisis_id) + measure_map_areas(store, crisis_id, now)
    points = entry_points(entries, places)
    return MapLayers(points=points, topics=topic_markers(store, crisis_id, points),
                     areas=areas, places=places.places)
