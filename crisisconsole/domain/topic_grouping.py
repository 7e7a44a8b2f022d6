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

Links and chains join all the topics they reach, even when that merges two earlier topics (the
merged topic keeps the earlier anchor). The place only counts when there is no such relation:
an entry linked to another goes with it, its place's topic is not pulled along, and it does
not claim its place for the topic it joined (else one link from a report at the Marktplein
would glue every report there, of any discipline, to the topic at the other end). Only when none applies the text is compared (``topic_text``) with
a bounded number of topics in the same crisis and discipline that share a word with it,
touched recently and within ``TEXT_WINDOW`` of it: a place-less report joins the most similar
one, a report with a new place joins only a place-less topic. Otherwise the entry starts a new
topic whose anchor (and so whose id) is that entry.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from crisisconsole.domain.topic_input import TopicEntry, TopicLink, topic_id_for
from crisisconsole.domain.topic_text import SIMILAR, TextSig, location_key, signature, similarity

TEXT_WINDOW = timedelta(hours=12)
CANDIDATES_PER_WORD = 8  # recent topics looked at per shared word
MAX_CANDIDATES = 24
SAMPLES = 3  # texts kept per topic for comparison: the first and the latest ones
FAR_KM = 1.0  # reports with coordinates further apart than this are not one subject


def order_key(entry: TopicEntry) -> tuple[datetime, str]:
    return (entry.recorded_at, entry.id)


@dataclass(frozen=True)
class Placement:
    """Where one fold step put an entry: its topic, the topics it merged into that one (by a
    shared link, chain or place), and the signal that decided."""

    entry_id: str
    topic_id: str
    absorbed: tuple[str, ...]
    via: str  # link | cap | location | text | new


@dataclass(eq=False)
class _Auto:
    anchor: str
    anchor_key: tuple[datetime, str]
    crisis_id: str
    members: list[str]
    first_at: datetime
    last_at: datetime
    touched: int = 0
    samples: list[TextSig] = field(default_factory=list)
    places: bool = False
    point: tuple[float, float] | None = None
    merged_into: _Auto | None = None

    @property
    def id(self) -> str:
        return topic_id_for(self.anchor)


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    mean_lat = math.radians((a[0] + b[0]) / 2)
    dx = math.radians(b[1] - a[1]) * math.cos(mean_lat)
    dy = math.radians(b[0] - a[0])
    return 6371.0 * math.hypot(dx, dy)


class AutoGrouping:
    """The fold's state. Build with ``AutoGrouping.build``; ``add`` folds in one newer entry."""

    def __init__(self) -> None:
        self._topic_of: dict[str, _Auto] = {}
        self._keys: dict[tuple, _Auto] = {}
        self._words: dict[tuple[str, str | None, str], list[_Auto]] = {}
        self.adjacent: dict[str, list[str]] = {}
        self._step = 0
        self.last_key: tuple[datetime, str] | None = None
        self.placements: list[Placement] = []

    # ------------------------------------------------------------------ building
    @classmethod
    def build(cls, entries: Iterable[TopicEntry], links: Iterable[TopicLink] = ()
              ) -> AutoGrouping:
        grouping = cls()
        grouping.add_links(links)
        for entry in sorted(entries, key=order_key):
            grouping.add(entry)
        return grouping

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
        """Fold in an entry newer than every entry folded so far (``is_newest``)."""
        key = order_key(entry)
        if self.last_key is not None and key <= self.last_key:
            raise ValueError("entry is not newer than the grouping: fold again from scratch")
        if entry.id in self._topic_of:
            raise ValueError(f"entry {entry.id} is already grouped")
        self.last_key = key
        self._step += 1
        hits, via = self._strong_hits(entry)
        absorbed: list[str] = []
        if hits:
            topic = min(hits, key=lambda t: t.anchor_key)
            for other in sorted(hits, key=lambda t: t.anchor_key):
                if other is not topic:
                    absorbed.append(other.id)
                    self._merge(other, topic)
        else:
            topic = self._text_match(entry)
            via = "text" if topic is not None else "new"
            if topic is None:
                topic = _Auto(entry.id, key, entry.crisis_id, [], entry.occurred_at,
                              entry.occurred_at)
        self._join(entry, topic, claim_place=via not in ("link", "cap"))
        placement = Placement(entry.id, topic.id, tuple(absorbed), via)
        self.placements.append(placement)
        return placement

    # ------------------------------------------------------------------ reading
    def topic_of(self, entry_id: str) -> str:
        return self._find(self._topic_of[entry_id]).id

    def topics(self) -> dict[str, list[str]]:
        """Topic id -> its entry ids in recorded order."""
        out: dict[str, list[str]] = {}
        for entry_id, topic in self._topic_of.items():
            out.setdefault(self._find(topic).id, []).append(entry_id)
        return out

    # ------------------------------------------------------------------ the fold
    @staticmethod
    def _find(topic: _Auto) -> _Auto:
        root = topic
        while root.merged_into is not None:
            root = root.merged_into
        while topic.merged_into is not None and topic.merged_into is not root:
            topic.merged_into, topic = root, topic.merged_into
        return root

    def _strong_hits(self, entry: TopicEntry) -> tuple[set[_Auto], str]:
        hits: set[_Auto] = set()
        via = ""
        for other in self.adjacent.get(entry.id, ()):
            topic = self._topic_of.get(other)
            if topic is not None and topic.crisis_id == entry.crisis_id:
                hits.add(self._find(topic))
                via = via or "link"
        for cap in self._cap_keys(entry):
            topic = self._keys.get(cap)
            if topic is not None:
                hits.add(self._find(topic))
                via = via or "cap"
        if hits:
            return hits, via  # an explicit relation wins over the place
        place = self._place_key(entry)
        if place is not None and place in self._keys:
            hits.add(self._find(self._keys[place]))
            via = "location"
        return hits, via

    @staticmethod
    def _cap_keys(entry: TopicEntry) -> list[tuple]:
        keys = [entry.cap_alert, *entry.cap_references]
        return [("cap", entry.crisis_id, k) for k in dict.fromkeys(keys) if k]

    @staticmethod
    def _place_key(entry: TopicEntry) -> tuple | None:
        place = location_key(entry.location)
        return None if place is None else ("loc", entry.crisis_id, entry.discipline, place)

    def _merge(self, other: _Auto, into: _Auto) -> None:
        into.members.extend(other.members)
        into.first_at = min(into.first_at, other.first_at)
        into.last_at = max(into.last_at, other.last_at)
        into.places = into.places or other.places
        into.point = into.point or other.point
        into.samples = (into.samples + other.samples)[-SAMPLES:]
        into.touched = max(into.touched, other.touched)
        other.merged_into = into

    def _join(self, entry: TopicEntry, topic: _Auto, claim_place: bool = True) -> None:
        topic.members.append(entry.id)
        topic.last_at = max(topic.last_at, entry.occurred_at)
        topic.first_at = min(topic.first_at, entry.occurred_at)
        topic.touched = self._step
        self._topic_of[entry.id] = topic
        for cap in self._cap_keys(entry):
            self._keys.setdefault(cap, topic)
        place = self._place_key(entry)
        if place is not None and claim_place:
            # An entry that came in through a link does not make its place this topic's:
            # the next report from that place in that discipline starts its own.
            self._keys.setdefault(place, topic)
        if place is not None:
            topic.places = True
        if entry.lat is not None and entry.lon is not None and topic.point is None:
            topic.point = (entry.lat, entry.lon)
        sig = signature(entry.text)
        if len(topic.samples) < SAMPLES:
            topic.samples.append(sig)
        else:
            topic.samples[-1] = sig  # keep the first ones, refresh the latest
        block = (entry.crisis_id, entry.discipline)
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
        candidates: dict[int, _Auto] = {}
        for word in sorted(sig.words):
            for topic in reversed(self._words.get((*block, word), ())[-CANDIDATES_PER_WORD:]):
                root = self._find(topic)
                candidates.setdefault(id(root), root)
        best: tuple[float, int, str] | None = None
        chosen = None
        ranked = sorted(candidates.values(), key=lambda t: (-t.touched, t.anchor))
        for topic in ranked[:MAX_CANDIDATES]:
            if has_place and topic.places:
                continue  # a new place never joins another place's topic by text alone
            if entry.occurred_at < topic.first_at - TEXT_WINDOW or \
                    entry.occurred_at > topic.last_at + TEXT_WINDOW:
                continue
            if point and topic.point and _km(point, topic.point) > FAR_KM:
                continue
            score = max(similarity(sig, sample) for sample in topic.samples)
            if score < SIMILAR:
                continue
            rank = (score, topic.touched, topic.anchor)
            if best is None or rank > best:
                best, chosen = rank, topic
        return chosen


def group(entries: Sequence[TopicEntry], links: Iterable[TopicLink] = ()) -> dict[str, list[str]]:
    """Topic id -> entry ids (recorded order), from scratch."""
    return AutoGrouping.build(entries, links).topics()
