"""Topics as markers on the map: the picture's own topics (the crisis's ``TopicBook``, with the
aide's facts: names, merges, splits, closed topics), each open one at the middle of its
positioned entries that the map shows (the time window)."""

from __future__ import annotations

from collections.abc import Sequence
from statistics import fmean

from crisisconsole.domain.geo import LatLon
from crisisconsole.interchange.map_layers import MapPoint, TopicMarker
from crisisconsole.services.picture.topic_books import cached_topics
from crisisconsole.store.engine import Store


def topic_markers(store: Store, crisis_id: str, points: Sequence[MapPoint]) -> list[TopicMarker]:
    """One marker per open topic with at least two of the map's points (the shown entries
    with a position), most reported first (the painter labels the first ones)."""
    if not points:
        return []
    positions = {p.id: p.position for p in points}
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
