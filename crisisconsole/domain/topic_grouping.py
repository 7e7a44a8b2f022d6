"""The automatic topic grouping (issue 13, item 1): every entry in exactly one topic.

The grouping is a fold over the entries in their recorded order (``recorded_at``, then id),
so it is deterministic (the same entries in any order give the same topics) and adding the
newest entry is one more step of the same fold: incremental and from-scratch agree by
construction. An entry that arrives out of order (synced late from another laptop) or a new
link between old entries makes the caller fold again from scratch (``TopicBook`` does).

Each step looks for the entry's topic, strongest signal first:

1. explicit links to earlier entries, of every kind: corroborating, follow-up and also
   contradicting (a contradiction is about the same subject, and the topic must show it);
2. a shared CAP chain key (an Update or Cancel and the alert it refers to);
3. the same normalised location within the same discipline (``topic_text.location_key``).

Links and chains join all the topics they reach, even when that merges two earlier topics
(the merged topic keeps the earlier anchor). The place only counts when there is no such
relation: an entry linked to another goes with it, its place's topic is not pulled along, and
it claims its place for that topic only when the topic already has that place (in another
discipline): else one link from a report at the Binnenstad would glue every later report from
there, of that discipline, to a topic about the Marktplein.

Only when none applies is the text compared (``topic_text``), with a bounded number of topics
in the same crisis and discipline whose sampled texts share a word (a name, when the text
names a place) with it, touched recently and within ``TEXT_WINDOW`` of it: a place-less report
joins the most similar one, a report with a new place joins only a place-less topic. Otherwise
the entry starts a new topic whose anchor (and so whose id) is that entry.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from operator import attrgetter
from typing import NamedTuple

from crisisconsole.domain.topic_input import TopicEntry, TopicLink, topic_id_for
from crisisconsole.domain.topic_text import SIMILAR, TextSig, location_key, signature, similarity

TEXT_WINDOW = timedelta(hours=12)
CANDIDATES_PER_WORD = 8  # recent topics looked at per shared word
MAX_CANDIDATES = 12
SAMPLES = 3  # texts kept per topic for comparison: the first ones and a recent one
REFRESH = 16  # ... refreshed every this many reports, besides the latest text
FAR_KM = 1.0  # reports with coordinates further apart than this are not one subject


order_key = attrgetter("recorded_at", "id")  # the fold's order: (recorded_at, id)
NO_MERGE: tuple[str, ...] = ()


class Placement(NamedTuple):
    """Where one fold step put an entry: its topic, the topics it merged into that one (by a
    shared link or chain), and the signal that decided."""

    entry_id: str
    topic_id: str
    absorbed: tuple[str, ...]
    via: str  # link | cap | location | text | new


@dataclass(eq=False, slots=True)
class _Auto:
    anchor: str
    anchor_key: tuple[datetime, str]
    crisis_id: str
    members: list[str]
    first_at: datetime
    last_at: datetime
    id: str = ""
    touched: int = 0
    samples: list[TextSig] = field(default_factory=list)
    latest: str | None = None
    places: set[str] = field(default_factory=set)  # its normalised places
    point: tuple[float, float] | None = None
    merged_into: _Auto | None = None

    def __post_init__(self) -> None:
        self.id = topic_id_for(self.anchor)


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    mean_lat = math.radians((a[0] + b[0]) / 2)
    dx = math.radians(b[1] - a[1]) * math.cos(mean_lat)
    dy = math.radians(b[0] - a[0])
    return 6371.0 * math.hypot(dx, dy)


def _find(topic: _Auto) -> _Auto:
    root = topic
    while root.merged_into is not None:
        root = root.merged_into
    while topic.merged_into is not None and topic.merged_into is not root:
        topic.merged_into, topic = root, topic.merged_into
    return root


class AutoGrouping:
    """The fold's state. Build with ``AutoGrouping.build``; ``add`` folds in one newer entry."""

    def __init__(self) -> None:
        self._topic_of: dict[str, _Auto] = {}
        self._places: dict[tuple, _Auto] = {}
        self._caps: dict[tuple[str, str], _Auto] = {}
        self._words: dict[tuple[str, str | None, str], list[_Auto]] = {}
        self._exact: dict[tuple[str, str | None, str], _Auto] = {}
        self.adjacent: dict[str, list[str]] = {}
        self._step = 0
        self.last_key: tuple[datetime, str] | None = None
        self.created: list[_Auto] = []  # every topic the fold made, merged ones too

    # ------------------------------------------------------------------ building
    @classmethod
    def build(cls, entries: Iterable[TopicEntry], links: Iterable[TopicLink] = ()
              ) -> AutoGrouping:
        grouping = cls()
        grouping.add_links(links)
        grouping.fold_sorted(sorted(entries, key=order_key))
        return grouping

    def fold_sorted(self, entries: Sequence[TopicEntry]) -> None:
        """Fold in entries that are newer than the grouping and sorted by ``order_key``, with
        distinct ids (the caller's promise: a replay sorts them itself). The same steps as
        ``add`` without its checks."""
        if not entries:
            return
        if not self.is_newest(entries[0]):
            raise ValueError("entries are not newer than the grouping: fold again from scratch")
        fold = self._fold
        for entry in entries:
            fold(entry)
        self.last_key = order_key(entries[-1])

    def add_links(self, links: Iterable[TopicLink]) -> None:
        """Links are looked up when their later end is folded in; a link between entries
        already folded changes nothing here (the caller folds again)."""
        for link in links:
            if link.from_id != link.to_id:
                self.adjacent.setdefault(link.from_id, []).append(link.to_id)
                self.adjacent.setdefault(link.to_id, []).append(link.from_id)

    def is_newest(self, entry: TopicEntry) -> bool:
        return self.last_key is None or order_key(entry) > self.last_key

    def add(self, entry: TopicEntry) -> Placement:
        """Fold in an entry newer than every entry folded so far (``is_newest``).

        Written for speed (it runs once per entry of the crisis): the usual step is one
        dictionary look-up of the place and a few assignments."""
        key = (entry.recorded_at, entry.id)
        if self.last_key is not None and key <= self.last_key:
            raise ValueError("entry is not newer than the grouping: fold again from scratch")
        if entry.id in self._topic_of:
            raise ValueError(f"entry {entry.id} is already grouped")
        topic, absorbed, via = self._fold(entry)
        self.last_key = key
        return Placement(entry.id, topic.id, absorbed, via)

    def _fold(self, entry: TopicEntry) -> tuple[_Auto, tuple[str, ...], str]:
        entry_id = entry.id
        self._step += 1
        absorbed = NO_MERGE
        topic = None
        via = "location"
        related = entry_id in self.adjacent or entry.cap_alert or entry.cap_references
        if related:
            hits = self._relations(entry)
            if hits:
                via = "link" if self._linked(entry) else "cap"
                topic = min(hits, key=attrgetter("anchor_key"))
                absorbed = tuple(other.id for other in sorted(hits, key=attrgetter("anchor_key"))
                                 if other is not topic)
                for other in hits:
                    if other is not topic:
                        self._merge(other, topic)
        location = entry.location
        place_key = None
        claim = False  # this entry makes its place (in its discipline) this topic's
        if location:
            place = location_key(location)
            if place is not None:
                place_key = (entry.crisis_id, entry.discipline, place)
                found = self._places.get(place_key)
                if found is None:
                    # An entry that came in through a link or chain claims its place only when
                    # the topic already has that place (in another discipline); else the next
                    # report from there in its discipline starts its own topic.
                    claim = topic is None or place in topic.places
                elif topic is None:
                    topic = found if found.merged_into is None else _find(found)
        if topic is None:
            topic = self._text_match(entry)
            via = "text"
            if topic is None:
                via = "new"
                topic = _Auto(entry_id, (entry.recorded_at, entry_id), entry.crisis_id, [],
                              entry.occurred_at, entry.occurred_at)
                self.created.append(topic)
        members = topic.members
        members.append(entry_id)
        occurred = entry.occurred_at
        if occurred > topic.last_at:
            topic.last_at = occurred
        elif occurred < topic.first_at:
            topic.first_at = occurred
        topic.touched = self._step
        self._topic_of[entry_id] = topic
        if place_key is not None:
            topic.places.add(place_key[2])
            if claim:
                self._places[place_key] = topic
        if related:
            for cap in self._cap_keys(entry):
                self._caps.setdefault(cap, topic)
        if entry.lat is not None and topic.point is None and entry.lon is not None:
            topic.point = (entry.lat, entry.lon)
        # Texts are read only now and then: the first SAMPLES reports of a topic and every
        # REFRESH-th one after (normalising every text would cost more than the rest of the
        # fold). The latest text is kept raw and read only when compared.
        topic.latest = entry.text
        count = len(members)
        if count <= SAMPLES or not count % REFRESH:
            self._sample(entry, topic)
        return topic, absorbed, via

    # ------------------------------------------------------------------ reading
    def topic_of(self, entry_id: str) -> str:
        return _find(self._topic_of[entry_id]).id

    def topics(self) -> dict[str, list[str]]:
        """Topic id -> its entry ids, in the order they joined (recorded order, a merged
        topic's entries after the ones it merged into)."""
        return {t.id: list(t.members) for t in self.created if t.merged_into is None}

    def merged(self) -> dict[str, str]:
        """Topic id -> the topic it was merged into, for every topic merged so far."""
        return {t.id: t.merged_into.id for t in self.created if t.merged_into is not None}

    # ------------------------------------------------------------------ the fold
    def _linked(self, entry: TopicEntry) -> bool:
        return any(other in self._topic_of for other in self.adjacent.get(entry.id, ()))

    def _relations(self, entry: TopicEntry) -> set[_Auto]:
        """Topics of earlier entries linked to this one or sharing its CAP chain."""
        hits: set[_Auto] = set()
        for other in self.adjacent.get(entry.id, ()):
            topic = self._topic_of.get(other)
            if topic is not None and topic.crisis_id == entry.crisis_id:
                hits.add(_find(topic))
        for cap in self._cap_keys(entry):
            topic = self._caps.get(cap)
            if topic is not None:
                hits.add(_find(topic))
        return hits

    @staticmethod
    def _cap_keys(entry: TopicEntry) -> list[tuple[str, str]]:
        keys = [entry.cap_alert, *entry.cap_references]
        return [(entry.crisis_id, k) for k in dict.fromkeys(keys) if k]

    def _merge(self, other: _Auto, into: _Auto) -> None:
        into.members.extend(other.members)
        into.first_at = min(into.first_at, other.first_at)
        into.last_at = max(into.last_at, other.last_at)
        into.places |= other.places
        into.point = into.point or other.point
        into.samples = (into.samples + other.samples)[:SAMPLES]
        into.latest = into.latest or other.latest
        into.touched = max(into.touched, other.touched)
        other.merged_into = into

    def _sample(self, entry: TopicEntry, topic: _Auto) -> None:
        sig = signature(entry.text)
        if len(topic.samples) < SAMPLES:
            topic.samples.append(sig)
        else:
            topic.samples[-1] = sig
        block = (entry.crisis_id, entry.discipline)
        self._exact[(*block, sig.content)] = topic
        for word in sig.words:
            bucket = self._words.setdefault((*block, word), [])
            if not bucket or bucket[-1] is not topic:
                bucket.append(topic)
                if len(bucket) > 4 * CANDIDATES_PER_WORD:
                    del bucket[:-CANDIDATES_PER_WORD]

    def _text_match(self, entry: TopicEntry) -> _Auto | None:
        sig = signature(entry.text)
        block = (entry.crisis_id, entry.discipline)
        has_place = location_key(entry.location) is not None
        point = (entry.lat, entry.lon) if entry.lat is not None and entry.lon is not None \
            else None
        same = self._exact.get((*block, sig.content))
        if same is not None and self._fits(_find(same), entry, has_place, point):
            return _find(same)  # the same words as a report it already holds
        candidates: dict[int, _Auto] = {}
        # A text that names a place looks only among topics whose texts name it.
        for word in sorted(sig.names or sig.words):
            for topic in reversed(self._words.get((*block, word), ())[-CANDIDATES_PER_WORD:]):
                root = _find(topic)
                candidates.setdefault(id(root), root)
        best: tuple[float, int, str] | None = None
        chosen = None
        ranked = sorted(candidates.values(), key=lambda t: (-t.touched, t.anchor))
        for topic in ranked[:MAX_CANDIDATES]:
            if not self._fits(topic, entry, has_place, point):
                continue
            samples = [*topic.samples, signature(topic.latest)] if topic.latest else \
                topic.samples
            score = max(similarity(sig, sample) for sample in samples)
            if score < SIMILAR:
                continue
            rank = (score, topic.touched, topic.anchor)
            if best is None or rank > best:
                best, chosen = rank, topic
        if chosen is not None:
            self._exact.setdefault((*block, sig.content), chosen)
        return chosen

    @staticmethod
    def _fits(topic: _Auto, entry: TopicEntry, has_place: bool,
              point: tuple[float, float] | None) -> bool:
        """Whether a text match with this topic is allowed at all (place, time, distance)."""
        if has_place and topic.places:
            return False  # a new place never joins another place's topic by text alone
        if entry.occurred_at < topic.first_at - TEXT_WINDOW or \
                entry.occurred_at > topic.last_at + TEXT_WINDOW:
            return False
        return not (point and topic.point and _km(point, topic.point) > FAR_KM)


def group(entries: Sequence[TopicEntry], links: Iterable[TopicLink] = ()) -> dict[str, list[str]]:
    """Topic id -> entry ids (recorded order), from scratch."""
    return AutoGrouping.build(entries, links).topics()
