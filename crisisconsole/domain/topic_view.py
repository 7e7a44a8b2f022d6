"""What one topic shows (issue 13, item 1): title, current statement and its reliability,
counts, sources, times, flags and the trend. The picture, the CLI and the handover read this.

Rules (the renderers rely on them):

- Withdrawn entries stay in the topic (``entry_ids``, ``withdrawn_ids``: every entry is in
  exactly one topic) but count for nothing: not a report, not a source, never the statement.
- The statement is the aide's sentence when there is one; else the text of the latest
  confirmed entry (by when it happened); else of the latest hearsay entry. A refuted entry is
  never the statement unless every live entry is refuted: then the latest refuted one is, with
  ``reliability`` "refuted" and ``all_refuted`` true, so every renderer says so.
- Reliability: "confirmed" only through a confirmed entry: the statement entry, or for the
  aide's sentence one of the entries it names as its basis (the explicit act). Otherwise
  "hearsay". A topic with only withdrawn entries has no statement and reliability "withdrawn".
- ``open_contradictions`` counts the contradiction links touching the topic whose two live
  sides are both unrefuted (as in log_history); ``contradicted`` says the statement's own
  entry (or a basis entry) is one of them.
- The title is the aide's name, else the place most reports give, then the words most of
  its reports share ("Parkeergarage Markt: cameratoezicht groep"); with no shared words the
  place alone, and without a place the start of its first report (one report: of the
  statement).
- The discipline is the one most of its live reports carry (ties: the earliest report's);
  None ("overig") when none carries one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from crisisconsole.clock import format_utc
from crisisconsole.domain.numbers_trend import NO_TREND, Trend, trend
from crisisconsole.domain.topic_book import Topic, TopicBook
from crisisconsole.domain.topic_input import TopicEntry, TopicLink
from crisisconsole.domain.topic_text import content_words, location_key, title_words

TITLE_SAMPLE = 6  # first and last reports read for the title
TREND_SAMPLE = 8  # latest reports read for the trend
TITLE_WORDS = 3
HEAD_CHARS = 60


@dataclass(frozen=True)
class TopicView:
    id: str
    crisis_id: str
    title: str
    title_manual: bool
    discipline: str | None
    statement: str | None
    statement_source: str  # manual | confirmed | hearsay | refuted | none
    statement_entry_id: str | None
    reliability: str  # confirmed | hearsay | refuted | withdrawn
    all_refuted: bool
    contradicted: bool
    open_contradictions: int
    reports: int
    sources: tuple[str, ...]
    location: str | None
    first_at: datetime | None
    last_at: datetime | None
    last_confirmed_at: datetime | None
    last_change_at: datetime
    pinned: bool
    closed: bool
    closed_at: datetime | None
    reopened: bool
    reopened_by: str | None
    reopened_at: datetime | None
    statement_at: datetime | None
    reports_since_closed: int
    reports_since_statement: int
    entry_ids: tuple[str, ...]
    withdrawn_ids: tuple[str, ...]
    trend: Trend = NO_TREND
    split_from: str | None = None
    fact_ids: tuple[str, ...] = field(default=())

    def as_json(self) -> dict[str, Any]:
        def t(value: datetime | None) -> str | None:
            return None if value is None else format_utc(value)

        return {
            "id": self.id, "crisis_id": self.crisis_id, "title": self.title,
            "title_manual": self.title_manual, "discipline": self.discipline,
            "statement": self.statement, "statement_source": self.statement_source,
            "statement_entry_id": self.statement_entry_id, "reliability": self.reliability,
            "all_refuted": self.all_refuted, "contradicted": self.contradicted,
            "open_contradictions": self.open_contradictions, "reports": self.reports,
            "sources": list(self.sources), "location": self.location,
            "first_at": t(self.first_at), "last_at": t(self.last_at),
            "last_confirmed_at": t(self.last_confirmed_at),
            "last_change_at": t(self.last_change_at), "pinned": self.pinned,
            "closed": self.closed, "closed_at": t(self.closed_at), "reopened": self.reopened,
            "reopened_by": self.reopened_by, "reopened_at": t(self.reopened_at),
            "statement_at": t(self.statement_at),
            "reports_since_closed": self.reports_since_closed,
            "reports_since_statement": self.reports_since_statement,
            "entry_ids": list(self.entry_ids), "withdrawn_ids": list(self.withdrawn_ids),
            "trend": self.trend.as_json(), "split_from": self.split_from,
        }


def _latest(entries: Sequence[TopicEntry]) -> TopicEntry:
    return max(entries, key=lambda e: (e.occurred_at, e.recorded_at, e.id))


def _discipline(live: Sequence[TopicEntry]) -> str | None:
    tally = Counter(e.discipline for e in live if e.discipline)
    if not tally:
        return None
    top = max(tally.values())
    for entry in live:  # live is in occurred order: the earliest of the tied ones
        if entry.discipline and tally[entry.discipline] == top:
            return entry.discipline
    return None  # pragma: no cover - tally is not empty


def _place(entries: Sequence[TopicEntry]) -> str | None:
    keys = Counter(k for k in (location_key(e.location) for e in entries) if k)
    if not keys:
        return None
    top = max(keys.values())
    best = min((k for k, n in keys.items() if n == top),
               key=lambda k: next(i for i, e in enumerate(entries)
                                  if location_key(e.location) == k))
    # Its shortest spelling: "Industrieweg" rather than "Industrieweg 12".
    forms = [" ".join((e.location or "").split()) for e in entries
             if location_key(e.location) == best]
    return min(forms, key=len)


def _head(text: str) -> str:
    line = " ".join(text.split())
    if len(line) <= HEAD_CHARS:
        return line
    cut = line[:HEAD_CHARS].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + " …"


def _title(entries: Sequence[TopicEntry], place: str | None, statement: str | None) -> str:
    sample = list(entries[:TITLE_SAMPLE]) + list(entries[TITLE_SAMPLE:][-TITLE_SAMPLE:])
    place_words = set(content_words(place or ""))
    words: list[str] = []
    if len(sample) >= 2:
        frequency: Counter[str] = Counter()
        for entry in sample:
            frequency.update({w for w, _ in title_words(entry.text)} - place_words)
        common = {w for w, n in frequency.items() if n * 2 >= len(sample) and n >= 2}
        originals: dict[str, str] = {}
        for entry in sample:
            for word, shown in title_words(entry.text):
                if word in common and word not in originals:
                    originals[word] = shown
        words = list(originals.values())[:TITLE_WORDS]
    if words:
        phrase = " ".join(words)
        return f"{place}: {phrase}" if place else phrase[:1].upper() + phrase[1:]
    if len(sample) >= 2 and place:
        return place  # several subjects at one place: the place says it best
    head = _head(entries[0].text if len(sample) >= 2 else
                 (statement or (entries[-1].text if entries else "")))
    if place and not place_words <= set(content_words(head)):
        return f"{place}: {head}"
    return head


class _LinkIndex:
    def __init__(self, links: Sequence[TopicLink]) -> None:
        self.by_entry: dict[str, list[TopicLink]] = {}
        for link in links:
            if link.kind == "contradicts":
                self.by_entry.setdefault(link.from_id, []).append(link)
                self.by_entry.setdefault(link.to_id, []).append(link)


def _open_contradictions(ids: Sequence[str], index: _LinkIndex,
                         entries: Mapping[str, TopicEntry]) -> set[str]:
    """The entries of this topic that sit on an open contradiction."""
    flagged: set[str] = set()
    for entry_id in ids:
        for link in index.by_entry.get(entry_id, ()):
            a, b = entries.get(link.from_id), entries.get(link.to_id)
            if a is None or b is None or a.withdrawn or b.withdrawn:
                continue
            if "refuted" in (a.reliability, b.reliability):
                continue
            flagged.add(entry_id)
    return flagged


def _statement(topic: Topic, live: Sequence[TopicEntry], entries: Mapping[str, TopicEntry]
               ) -> tuple[str | None, str, str | None, str, tuple[str, ...]]:
    """(statement, source, entry id, reliability, basis entry ids)."""
    meta = topic.meta
    if meta.statement:
        basis = tuple(i for i in meta.statement_entries if i in entries
                      and not entries[i].withdrawn)
        confirmed = any(entries[i].reliability == "confirmed" for i in basis)
        return meta.statement, "manual", None, "confirmed" if confirmed else "hearsay", basis
    if not live:
        return None, "none", None, "withdrawn", ()
    facts = [e for e in live if e.reliability != "refuted"]
    confirmed_entries = [e for e in facts if e.reliability == "confirmed"]
    if confirmed_entries:
        best = _latest(confirmed_entries)
        return best.text, "confirmed", best.id, "confirmed", (best.id,)
    if facts:
        best = _latest(facts)
        return best.text, "hearsay", best.id, "hearsay", (best.id,)
    best = _latest(live)
    return best.text, "refuted", best.id, "refuted", (best.id,)


def build_view(topic: Topic, entries: Mapping[str, TopicEntry], index: _LinkIndex) -> TopicView:
    members = sorted((entries[i] for i in topic.entry_ids),
                     key=lambda e: (e.occurred_at, e.recorded_at, e.id))
    live = [e for e in members if not e.withdrawn]
    meta = topic.meta
    statement, source, entry_id, reliability, basis = _statement(topic, live, entries)
    flagged = _open_contradictions([e.id for e in live], index, entries)
    counted = live or members
    place = _place(counted)
    confirmations = [e.last_confirmed_at for e in live if e.last_confirmed_at]
    changes = [e.changed_at for e in members]
    if meta.last_fact_at is not None:
        changes.append(meta.last_fact_at)
    numbered = [e for e in live if e.reliability != "refuted"][-TREND_SAMPLE:]
    since_closed = sum(1 for e in members if meta.closed and meta.closed_at is not None
                       and e.recorded_at > meta.closed_at)
    since_statement = sum(1 for e in members if meta.statement and meta.statement_at
                          and e.recorded_at > meta.statement_at)
    return TopicView(
        id=topic.id, crisis_id=meta.crisis_id,
        title=meta.name or _title(counted, place, statement), title_manual=bool(meta.name),
        discipline=_discipline(counted), statement=statement, statement_source=source,
        statement_entry_id=entry_id, reliability=reliability,
        all_refuted=source == "refuted", contradicted=bool(flagged & set(basis)),
        open_contradictions=len(flagged), reports=len(live),
        sources=tuple(sorted({e.source for e in live})), location=place,
        first_at=min(e.occurred_at for e in counted) if counted else None,
        last_at=max(e.occurred_at for e in counted) if counted else None,
        last_confirmed_at=max(confirmations) if confirmations else None,
        last_change_at=max(changes), pinned=meta.pinned, closed=meta.closed,
        closed_at=meta.closed_at if meta.closed else None,
        reopened=meta.reopened_by is not None and not meta.closed,
        reopened_by=meta.reopened_by if not meta.closed else None,
        reopened_at=meta.reopened_at if not meta.closed else None,
        statement_at=meta.statement_at if meta.statement else None,
        reports_since_closed=since_closed, reports_since_statement=since_statement,
        entry_ids=tuple(e.id for e in members),
        withdrawn_ids=tuple(e.id for e in members if e.withdrawn),
        trend=trend((e.occurred_at, e.id, e.text) for e in numbered),
        split_from=meta.split_from, fact_ids=tuple(meta.fact_ids),
    )


def topic_views(book: TopicBook) -> list[TopicView]:
    """Every topic of the book, ordered by id (the picture orders them itself)."""
    index = _LinkIndex(book.links)
    return [build_view(topic, book.entries, index) for topic in book.topics()]


def topic_view(book: TopicBook, topic_id: str) -> TopicView:
    """One topic's view (after an incremental add: only this one changed)."""
    return build_view(book.topic(topic_id), book.entries, _LinkIndex(
        [k for k in book.links if k.kind == "contradicts"]))


def view_with_links(topic: Topic, entries: Mapping[str, TopicEntry],
                    links: Sequence[TopicLink]) -> TopicView:
    """One topic's view from its entries (and those at the other end of its contradictions)
    and the crisis's links: what ``topic_view`` gives without a whole book."""
    return build_view(topic, entries, _LinkIndex(links))
