"""The topics of a log: automatic grouping plus the aide's facts, kept up to date.

``TopicBook.build`` replays everything from scratch; ``add_entry`` and ``add_fact`` take one
step when the new record is the newest of the timeline (the usual case: an entry just typed,
a fact just made), and replay from scratch otherwise (an entry or fact synced late from
another laptop, a new link or a correction that changes where old entries belong). Either
way the result is what ``build`` gives for the same records: the property tests check it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from crisisconsole.domain.topic_facts import TopicFactRefused, TopicMeta, TopicReplay, fact_key
from crisisconsole.domain.topic_grouping import AutoGrouping, order_key
from crisisconsole.domain.topic_input import TopicEntry, TopicFact, TopicLink

# What a correction may change without moving the entry to another topic.
_GROUPING_FIELDS = ("crisis_id", "discipline", "location", "text", "lat", "lon", "cap_alert",
                    "cap_references", "recorded_at")


@dataclass(frozen=True)
class Topic:
    """One topic: its id, its entries (in the order they joined) and its manual properties."""

    id: str
    entry_ids: tuple[str, ...]
    meta: TopicMeta


class TopicBook:
    def __init__(self, entries: Iterable[TopicEntry] = (), links: Iterable[TopicLink] = (),
                 facts: Iterable[TopicFact] = ()) -> None:
        self.entries: dict[str, TopicEntry] = {e.id: e for e in entries}
        self.links: list[TopicLink] = list(links)
        self.facts: dict[str, TopicFact] = {f.id: f for f in facts}
        self.regrouped = 0  # how often a change needed a replay from scratch (for tests)
        self._replay()

    @classmethod
    def build(cls, entries: Iterable[TopicEntry] = (), links: Iterable[TopicLink] = (),
              facts: Iterable[TopicFact] = ()) -> TopicBook:
        return cls(entries, links, facts)

    # ------------------------------------------------------------------ replay
    def _replay(self) -> None:
        self.auto = AutoGrouping()
        self.auto.add_links(self.links)
        self.state = TopicReplay(self.entries, self.auto.adjacent)
        ordered = sorted(self.entries.values(), key=order_key)
        facts = sorted(self.facts.values(), key=fact_key)
        # The entries before the first fact in one pass, the rest step by step.
        i = 0
        if facts:
            first = fact_key(facts[0])
            while i < len(ordered) and (ordered[i].recorded_at, 0, ordered[i].id) <= first:
                i += 1
        else:
            i = len(ordered)
        self.auto.fold_sorted(ordered[:i])
        self.state.load(self.auto)
        if i:
            self.state.last_key = (ordered[i - 1].recorded_at, 0, ordered[i - 1].id)
        j = 0
        while i < len(ordered) or j < len(facts):
            if j >= len(facts) or (i < len(ordered) and
                                   (ordered[i].recorded_at, 0, ordered[i].id)
                                   <= fact_key(facts[j])):
                self._step_entry(ordered[i])
                i += 1
            else:
                self._step_fact(facts[j])
                j += 1

    def _step_entry(self, entry: TopicEntry) -> str:
        placement = self.auto.add(entry)
        self.state.last_key = (entry.recorded_at, 0, entry.id)
        return self.state.place(entry, placement)

    def _step_fact(self, fact: TopicFact) -> bool:
        self.state.last_key = fact_key(fact)
        return self.state.apply(fact)

    def _is_last(self, key: tuple) -> bool:
        return self.state.last_key is None or key > self.state.last_key

    # ------------------------------------------------------------------ changes
    def add_entry(self, entry: TopicEntry, links: Iterable[TopicLink] = ()) -> str:
        """Add a new entry (and the links it comes with); returns its topic id."""
        links = list(links)
        if entry.id in self.entries:
            raise ValueError(f"entry {entry.id} is already in the book")
        self.entries[entry.id] = entry
        self.links.extend(links)
        newest = self._is_last((entry.recorded_at, 0, entry.id))
        if newest and all(entry.id in (k.from_id, k.to_id) for k in links):
            self.auto.add_links(links)
            return self._step_entry(entry)
        self.regrouped += 1
        self._replay()
        return self.state.label_of[entry.id]

    def add_link(self, link: TopicLink) -> None:
        """A link between two entries already in the book: they may now share a topic."""
        self.links.append(link)
        self.regrouped += 1
        self._replay()

    def update_entry(self, entry: TopicEntry) -> None:
        """The new current state of an entry (corrected, re-graded, withdrawn)."""
        old = self.entries[entry.id]
        self.entries[entry.id] = entry
        if any(getattr(old, f) != getattr(entry, f) for f in _GROUPING_FIELDS):
            self.regrouped += 1
            self._replay()

    def check(self, fact: TopicFact) -> None:
        """Refuse (TopicFactRefused, one line for the user) a fact that cannot apply now."""
        why = self.state.refusal(fact)
        if why is not None:
            raise TopicFactRefused(why)

    def add_fact(self, fact: TopicFact) -> bool:
        """Add a manual fact; False when it could not apply (see ``skipped``)."""
        if fact.id in self.facts:
            raise ValueError(f"fact {fact.id} is already in the book")
        self.facts[fact.id] = fact
        if self._is_last(fact_key(fact)):
            return self._step_fact(fact)
        self.regrouped += 1
        self._replay()
        return fact.id not in {f for f, _ in self.state.skipped}

    # ------------------------------------------------------------------ reading
    @property
    def skipped(self) -> list[tuple[str, str]]:
        return list(self.state.skipped)

    def topic_of(self, entry_id: str) -> str:
        return self.state.label_of[entry_id]

    def resolve(self, topic_id: str) -> str | None:
        return self.state.resolve(topic_id)

    def topic(self, topic_id: str) -> Topic:
        label = self.state.resolve(topic_id)
        if label is None:
            raise KeyError(topic_id)
        return Topic(label, tuple(self.state.members[label]), self.state.snapshot_meta(label))

    def topics(self) -> list[Topic]:
        return [Topic(label, tuple(members), self.state.snapshot_meta(label))
                for label, members in sorted(self.state.topics().items())]

    def partition(self) -> dict[str, frozenset[str]]:
        """Topic id -> its entries as a set (for comparing two books)."""
        return {label: frozenset(m) for label, m in self.state.topics().items()}

    def adjacent(self) -> Mapping[str, list[str]]:
        return self.auto.adjacent
