"""Topics as markers on the map: the picture's own topics (the crisis's ``TopicBook``, with the
aide's facts: names, merges, splits, closed topics), each open one at the middle of its
positioned entries that the map shows (the time window)."""

from __future__ import annotations

from collections.abc import Sequence
from statistics import fmean
from typing import TYPE_CHECKING

from crisisconsole.domain.geo import LatLon
from crisisconsole.domain.places import Gazetteer
from crisisconsole.interchange.map_layers import TopicMarker
from crisisconsole.services.picture.topic_books import cached_topics
from crisisconsole.store.engine import Store

if TYPE_CHECKING:
    from crisisconsole.services.map.layers import EntryOnMap


def topic_markers(store: Store, crisis_id: str, entries: Sequence[EntryOnMap],
                  places: Gazetteer) -> list[TopicMarker]:
    """One marker per open topic with at least two shown entries that have a position, most
    reported first (the painter labels the first ones)."""
    from crisisconsole.services.map.layers import entry_position

    if not entries:
        return []
    positions = {}
    for entry in entries:
        found = entry_position(entry, places)
        if found is not None:
            positions[entry.id] = found.point
    book, _summary_of, view_of = cached_topics(store, crisis_id)
    views = [view_of(topic.id) for topic in book.topics()
             if sum(1 for i in topic.entry_ids if i in positions) >= 2]
    markers = []
    for view in sorted(views, key=lambda v: (-v.reports, v.id)):
        spots = [positions[i] for i in view.entry_ids if i in positions]
        if not view.closed:
            markers.append(TopicMarker(view.id, LatLon(fmean(p.lat for p in spots),
                                                       fmean(p.lon for p in spots)), view.title))
    return markers
