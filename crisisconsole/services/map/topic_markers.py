"""Topics as markers on the map: a small adapter over the pure topic core (domain.topic_*).

The picture's own topic service (a ``TopicBook`` per crisis, with the aide's topic facts) is
being built elsewhere; until it lands here, the map groups the entries it shows with the same
core (automatic grouping plus the log's links, no manual facts) and puts each open topic at
the middle of its positioned entries. When the topic service arrives, only this module changes:
it then takes the topics from that service.
"""

from __future__ import annotations

from collections.abc import Sequence
from statistics import fmean
from typing import TYPE_CHECKING

from sqlalchemy import select

from crisisconsole.domain.geo import LatLon
from crisisconsole.domain.places import Gazetteer
from crisisconsole.domain.topic_book import TopicBook
from crisisconsole.domain.topic_input import TopicEntry, TopicLink
from crisisconsole.domain.topic_view import topic_views
from crisisconsole.interchange.map_layers import TopicMarker
from crisisconsole.store.engine import Store
from crisisconsole.store.tables.log import log_link

if TYPE_CHECKING:
    from crisisconsole.services.map.layers import EntryOnMap

MAX_TOPIC_ENTRIES = 20_000  # past this, grouping costs more than a map refresh may take


def topic_markers(store: Store, crisis_id: str, entries: Sequence[EntryOnMap],
                  places: Gazetteer) -> list[TopicMarker]:
    """One marker per open topic with at least two entries that have a position, most
    reported first (the painter labels the first ones)."""
    from crisisconsole.services.map.layers import entry_position

    if not entries or len(entries) > MAX_TOPIC_ENTRIES:
        return []
    ids = {e.id for e in entries}
    with store.read() as conn:
        links = [TopicLink(a, b, kind) for a, b, kind in conn.execute(
            select(log_link.c.from_id, log_link.c.to_id, log_link.c.kind))
                 if a in ids and b in ids]
    book = TopicBook.build([TopicEntry(e.id, crisis_id, e.discipline, e.source, e.text,
                                       e.occurred_at, e.recorded_at, e.reliability, e.location,
                                       e.lat, e.lon) for e in entries], links)
    positions = {}
    for entry in entries:
        found = entry_position(entry, places)
        if found is not None:
            positions[entry.id] = found.point
    markers = []
    for view in sorted(topic_views(book), key=lambda v: (-v.reports, v.id)):
        spots = [positions[i] for i in view.entry_ids if i in positions]
        if view.closed or len(spots) < 2:
            continue
        markers.append(TopicMarker(view.id, LatLon(fmean(p.lat for p in spots),
                                                   fmean(p.lon for p in spots)), view.title))
    return markers
