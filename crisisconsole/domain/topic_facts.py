"""Manual facts on topics win over the automatic grouping (issue 13, item 1).

The topics shown are a replay of one timeline: the entries in recorded order (each placed
where the automatic fold put it, ``topic_grouping.Placement``) and the aide's facts in the
order they were made (``at``, then id), an entry before a fact made at the same moment.
Replaying the same facts gives the same topics, on every laptop; adding the newest entry or
fact is one more replay step, so incremental and from scratch agree.

How a fact finds its topic, when the automatic grouping renumbers:

- A topic's id names its anchor: ``t-<entry id>`` for a topic the grouping made (its earliest
  entry), ``t-<fact id>`` for a part split off by hand. Ids never depend on counters.
- A fact refers to topic ids as the aide saw them. It is resolved at its place in the
  timeline: the live topic with that id; else the topic it was merged into (by hand or by
  the grouping); else the topic now holding the anchor entry. A fact that finds no topic, or
  breaks a rule at its place (a merge across crises, a split of a one-entry topic), is
  skipped and listed in ``skipped``: facts from two laptops can cross, and replay must not
  fail on them. ``check_fact`` refuses such a fact before it is recorded.

What each fact does, and how later entries respect it:

- merge: the other topics' entries join the target, and so do later entries the grouping
  puts in any of them. Title, statement and pin of the target win, the others fill gaps;
  merging an open topic into a closed one reopens it, visibly (``reopened_by``="merge").
- split: the named entries leave and form a new topic (``t-<fact id>``, titled by the fact's
  text). A later entry of the same automatic topic goes to the part it resembles most: one
  it is linked to or shares a CAP chain with, else the one with the most similar recent text,
  else the one with its place; a tie keeps it with the remaining part.
- move: the named entries go to the target and stay there; moving into a closed topic
  reopens it, visibly (``reopened_by``="move").
- rename, statement, pin/unpin, close/reopen: set that property of the topic. New entries
  never reopen a closed topic (the aide's act stands); the view counts what came in since.
- When the grouping itself merges two topics (a new report links them), a closed one is left
  apart: it stays closed and the new entry joins the open side.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from itertools import islice

from crisisconsole.domain.topic_grouping import AutoGrouping, Placement
from crisisconsole.domain.topic_input import (
    FACT_KINDS,
    TopicEntry,
    TopicFact,
    anchor_of,
    topic_id_for,
)
from crisisconsole.domain.topic_text import SIMILAR, location_key, signature, similarity
from crisisconsole.errors import ValidationError
from crisisconsole.i18n import tr

MAX_TEXT = 500
AFFINITY_SAMPLE = 12  # recent entries of a part compared with a newcomer


class TopicFactRefused(ValidationError):
    """A manual topic fact that breaks a rule; nothing was recorded."""


@dataclass
class TopicMeta:
    """The manual properties of one topic (all None/False: fully automatic)."""

    crisis_id: str
    name: str | None = None
    name_at: datetime | None = None
    statement: str | None = None
    statement_at: datetime | None = None
    statement_actor: str | None = None
    statement_entries: tuple[str, ...] = ()
    pinned: bool = False
    closed: bool = False
    closed_at: datetime | None = None
    reopened_by: str | None = None  # move | merge | reopen
    reopened_at: datetime | None = None
    split_from: str | None = None
    fact_ids: list[str] = field(default_factory=list)
    last_fact_at: datetime | None = None


def fact_key(fact: TopicFact) -> tuple[datetime, int, str]:
    return (fact.at, 1, fact.id)


class TopicReplay:
    """The replay's state: which topic each entry is in, and each topic's manual properties."""

    def __init__(self, entries: Mapping[str, TopicEntry],
                 adjacent: Mapping[str, Iterable[str]]) -> None:
        self.entries = entries
        self.adjacent = adjacent
        self.label_of: dict[str, str] = {}
        self.members: dict[str, dict[str, None]] = {}
        self.meta: dict[str, TopicMeta] = {}
        self.alias: dict[str, str] = {}
        self.auto_label: dict[str, str] = {}  # automatic topic id -> the topic it feeds
        self.changed: set[str] = set()  # topics whose members or facts changed (caller clears)
        self.auto_redirect: dict[str, str] = {}  # merged automatic topic -> its successor
        self.auto_of: dict[str, str] = {}  # entry -> automatic topic when placed
        self.parts: dict[str, list[str]] = {}  # automatic topic -> parts split off by hand
        self.skipped: list[tuple[str, str]] = []
        self.last_key: tuple | None = None

    # ------------------------------------------------------------------ lookups
    def live(self, label: str) -> str:
        seen = label
        while seen in self.alias:
            seen = self.alias[seen]
        if seen != label:
            self.alias[label] = seen
        return seen

    def _auto(self, auto_id: str) -> str:
        while auto_id in self.auto_redirect:
            auto_id = self.auto_redirect[auto_id]
        return auto_id

    def resolve(self, topic_id: str) -> str | None:
        """The live topic a fact's topic id means now (see the module docstring), or None."""
        label = self.live(topic_id)
        if self.members.get(label):
            return label
        if topic_id in self.auto_label or topic_id in self.auto_redirect:
            label = self.live(self.auto_label[self._auto(topic_id)])
            if self.members.get(label):
                return label
        anchor = anchor_of(topic_id)
        if topic_id not in self.meta and anchor in self.label_of:
            # An id this replay never had: the topic was renumbered (an older report came
            # in later and became its anchor); it is where its anchor entry is now.
            return self.label_of[anchor]
        return None

    def crisis_of(self, label: str) -> str:
        return self.meta[label].crisis_id

    # ------------------------------------------------------------------ entries
    def load(self, auto: AutoGrouping) -> None:
        """Take over a grouping folded before any fact: the state that placing its entries one
        by one would give (each topic its own, merged ones pointing to their successor), in
        one pass instead of one step per entry."""
        if self.label_of:
            raise ValueError("load only starts a replay")
        for topic in auto.created:
            topic_id = topic.id
            self.auto_label[topic_id] = topic_id
            self.meta[topic_id] = TopicMeta(topic.crisis_id)
            if topic.merged_into is not None:
                self.auto_redirect[topic_id] = self.alias[topic_id] = topic.merged_into.id
                continue
            members = topic.members
            self.members[topic_id] = dict.fromkeys(members)
            self.label_of.update(dict.fromkeys(members, topic_id))
        self.auto_of.update(self.label_of)  # before any fact, each entry's own topic

    def place(self, entry: TopicEntry, placement: Placement) -> str:
        """Replay one entry placed by the automatic fold; returns its topic."""
        auto = placement.topic_id
        if auto not in self.auto_label:
            self.auto_label[auto] = auto
            self.meta.setdefault(auto, TopicMeta(entry.crisis_id))
        for gone in placement.absorbed:
            self._auto_merge(gone, auto)
        main = self.live(self.auto_label[auto])
        choices = [main]
        for part in self.parts.get(auto, ()):
            label = self.live(part)
            if label not in choices and self.members.get(label):
                choices.append(label)
        label = choices[0] if len(choices) == 1 else self._affinity(entry, choices)
        self._put(entry.id, label)
        self.auto_of[entry.id] = auto
        return label

    def _auto_merge(self, gone: str, into: str) -> None:
        """The grouping merged automatic topic ``gone`` into ``into`` (a new entry joins both).
        Their topics merge too, unless one is closed: a closed topic is left as it is."""
        self.auto_redirect[gone] = into
        self.parts.setdefault(into, []).extend(self.parts.pop(gone, []))
        source, target = self.live(self.auto_label[gone]), self.live(self.auto_label[into])
        if source == target or self.meta[source].closed:
            return
        if self.meta[target].closed:
            self.auto_label[into] = source  # the open side takes the new entries
            return
        self._merge_labels(source, target)

    def _affinity(self, entry: TopicEntry, choices: list[str]) -> str:
        linked = {self.label_of.get(other) for other in self.adjacent.get(entry.id, ())}
        caps = {k for k in (entry.cap_alert, *entry.cap_references) if k}
        place = location_key(entry.location)
        sig = signature(entry.text)
        best, chosen = None, choices[0]
        for rank, label in enumerate(choices):
            recent = islice(reversed(self.members[label]), AFFINITY_SAMPLE)
            others = [self.entries[i] for i in recent]
            text = max((similarity(sig, signature(o.text)) for o in others), default=0.0)
            score = (label in linked,
                     any(caps & {o.cap_alert, *o.cap_references} for o in others),
                     text if text >= SIMILAR else 0.0,
                     place is not None and any(location_key(o.location) == place
                                               for o in others),
                     -rank)
            if best is None or score > best:
                best, chosen = score, label
        return chosen

    def _put(self, entry_id: str, label: str) -> None:
        old = self.label_of.get(entry_id)
        if old is not None:
            self.members[old].pop(entry_id, None)
            self.changed.add(old)
        self.changed.add(label)
        self.label_of[entry_id] = label
        self.members.setdefault(label, {})[entry_id] = None

    def _merge_labels(self, source: str, target: str) -> None:
        self.changed.update((source, target))
        into = self.members.setdefault(target, {})
        for entry_id in self.members.pop(source, {}):
            self.label_of[entry_id] = target
            into[entry_id] = None
        self.alias[source] = target
        mine, theirs = self.meta[target], self.meta[source]
        if mine.name is None:
            mine.name, mine.name_at = theirs.name, theirs.name_at
        if mine.statement is None:
            mine.statement, mine.statement_at = theirs.statement, theirs.statement_at
            mine.statement_actor = theirs.statement_actor
            mine.statement_entries = theirs.statement_entries
        mine.pinned = mine.pinned or theirs.pinned
        mine.fact_ids.extend(theirs.fact_ids)
        times = [t for t in (mine.last_fact_at, theirs.last_fact_at) if t is not None]
        mine.last_fact_at = max(times) if times else None

    # ------------------------------------------------------------------ facts
    def refusal(self, fact: TopicFact) -> str | None:
        """Why this fact cannot apply at this point of the timeline (None: it can)."""
        if fact.kind not in FACT_KINDS:
            return tr(f"onbekende handeling: {fact.kind}", f"unknown action: {fact.kind}")
        if not fact.topic_ids:
            return tr("geen onderwerp genoemd", "no topic given")
        labels = [self.resolve(t) for t in fact.topic_ids]
        if None in labels:
            missing = fact.topic_ids[labels.index(None)]
            return tr(f"onbekend onderwerp: {missing}", f"unknown topic: {missing}")
        crises = {self.crisis_of(lb) for lb in labels if lb}
        if crises != {fact.crisis_id}:
            return tr("onderwerpen van verschillende crises kunnen niet samen",
                      "topics of different crises cannot be combined")
        if fact.text is not None and len(fact.text) > MAX_TEXT:
            return tr(f"tekst langer dan {MAX_TEXT} tekens", f"text longer than {MAX_TEXT} "
                      "characters")
        target = labels[0]
        assert target is not None
        if fact.kind == "merge" and len(set(labels)) < 2:
            return tr("samenvoegen vraagt twee verschillende onderwerpen",
                      "merging needs two different topics")
        if fact.kind == "split":
            return self._split_refusal(fact, target)
        if fact.kind == "move":
            if not fact.entry_ids:
                return tr("geen melding genoemd om te verplaatsen", "no entry given to move")
            for entry_id in fact.entry_ids:
                entry = self.entries.get(entry_id)
                if entry is None or entry_id not in self.label_of:
                    return tr(f"onbekende melding: {entry_id}", f"unknown entry: {entry_id}")
                if entry.crisis_id != fact.crisis_id:
                    return tr("een melding van een andere crisis kan hier niet heen",
                              "an entry of another crisis cannot move here")
            if all(self.label_of[i] == target for i in fact.entry_ids):
                return tr("deze meldingen staan al bij dit onderwerp",
                          "these entries are already in this topic")
        if fact.kind == "statement":
            unknown = [i for i in fact.entry_ids if i not in self.members[target]]
            if unknown:
                return tr(f"melding {unknown[0]} hoort niet bij dit onderwerp",
                          f"entry {unknown[0]} is not in this topic")
        return None

    def _split_refusal(self, fact: TopicFact, label: str) -> str | None:
        members = self.members[label]
        if len(members) < 2:
            return tr("een onderwerp met één melding kan niet gesplitst worden",
                      "a topic with one entry cannot be split")
        leaving = set(fact.entry_ids)
        if not leaving:
            return tr("splitsen vraagt de meldingen die eruit gaan",
                      "splitting needs the entries that leave")
        outside = sorted(leaving - members.keys())
        if outside:
            return tr(f"melding {outside[0]} hoort niet bij dit onderwerp",
                      f"entry {outside[0]} is not in this topic")
        if len(leaving) >= len(members):
            return tr("splitsen laat minstens één melding achter",
                      "a split must leave at least one entry behind")
        return None

    def apply(self, fact: TopicFact) -> bool:
        """Replay one fact; False (and a line in ``skipped``) when it cannot apply here."""
        why = self.refusal(fact)
        if why is not None:
            self.skipped.append((fact.id, why))
            return False
        labels = [self.resolve(t) for t in fact.topic_ids]
        target = labels[0]
        assert target is not None
        kind = fact.kind
        if kind == "merge":
            reopen = self.meta[target].closed and any(
                not self.meta[lb].closed for lb in labels[1:] if lb)
            for other in dict.fromkeys(lb for lb in labels[1:] if lb and lb != target):
                self._merge_labels(other, target)
            if reopen:
                self._reopen(target, "merge", fact.at)
        elif kind == "split":
            new = topic_id_for(fact.id)
            self.meta[new] = TopicMeta(fact.crisis_id, split_from=target)
            if fact.text and fact.text.strip():
                self.meta[new].name, self.meta[new].name_at = fact.text.strip(), fact.at
            for entry_id in fact.entry_ids:
                self._put(entry_id, new)
                auto = self._auto(self.auto_of[entry_id])
                if new not in self.parts.setdefault(auto, []):
                    self.parts[auto].append(new)
            self._touch(new, fact)
        elif kind == "move":
            for entry_id in fact.entry_ids:
                self._put(entry_id, target)
            if self.meta[target].closed:
                self._reopen(target, "move", fact.at)
        else:
            self._set(self.meta[target], fact)
        self._touch(target, fact)
        return True

    def _set(self, meta: TopicMeta, fact: TopicFact) -> None:
        text = (fact.text or "").strip() or None
        if fact.kind == "rename":
            meta.name, meta.name_at = text, fact.at
        elif fact.kind == "statement":
            meta.statement, meta.statement_at, meta.statement_actor = text, fact.at, fact.actor
            meta.statement_entries = tuple(fact.entry_ids) if text else ()
        elif fact.kind in ("pin", "unpin"):
            meta.pinned = fact.kind == "pin"
        elif fact.kind == "close":
            meta.closed, meta.closed_at = True, fact.at
            meta.reopened_by = meta.reopened_at = None
        elif fact.kind == "reopen" and meta.closed:
            meta.closed = False
            meta.reopened_by, meta.reopened_at = "reopen", fact.at

    def _reopen(self, label: str, why: str, at: datetime) -> None:
        meta = self.meta[label]
        meta.closed = False
        meta.reopened_by, meta.reopened_at = why, at

    def _touch(self, label: str, fact: TopicFact) -> None:
        self.changed.add(label)
        meta = self.meta[label]
        meta.fact_ids.append(fact.id)
        meta.last_fact_at = fact.at if meta.last_fact_at is None else max(meta.last_fact_at,
                                                                           fact.at)

    # ------------------------------------------------------------------ reading
    def topics(self) -> dict[str, list[str]]:
        """Live topic id -> its entry ids (in the order they joined)."""
        return {label: list(members) for label, members in self.members.items() if members}

    def snapshot_meta(self, label: str) -> TopicMeta:
        meta = self.meta[label]
        return replace(meta, fact_ids=list(meta.fact_ids))
