"""Property tests of the topic core (hypothesis): deterministic, every entry in exactly one
topic, incremental equals from scratch, and manual facts win over later entries."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from topic_helpers import T0, eid

from crisisconsole.domain.topic_book import TopicBook
from crisisconsole.domain.topic_input import TopicEntry, TopicFact, TopicLink
from crisisconsole.domain.topic_picture import discipline_sections, picture_sections
from crisisconsole.domain.topic_view import topic_views

DISCIPLINES = ["politie", "brandweer", None]
PLACES = [None, None, "Marktplein", "marktplein 12", "Havenkade", "A12"]
TEXTS = ["Cameratoezicht Marktplein: groep van ca. {n} personen",
         "Groep van ca. {n} supporters richting station", "Brand Havenkade, {n} TS ter plaatse",
         "Stremming A12, file van {n} km", "Bewoner meldt schreeuwende groep",
         "Bericht over ME-inzet, {n} keer gedeeld"]
KINDS = ["rename", "merge", "split", "move", "pin", "unpin", "close", "reopen", "statement"]
SETTINGS = settings(max_examples=int(__import__("os").environ.get("TOPIC_EXAMPLES", "80")), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@st.composite
def entries(draw, min_size=1, max_size=18):
    count = draw(st.integers(min_size, max_size))
    out = []
    for n in range(count):
        crisis = draw(st.sampled_from(["c1", "c1", "c1", "c2"]))
        recorded = T0 + timedelta(minutes=draw(st.integers(0, 3)) + 2 * n)
        occurred = recorded - timedelta(minutes=draw(st.integers(0, 90)))
        out.append(TopicEntry(
            eid(n), crisis, draw(st.sampled_from(DISCIPLINES)), draw(st.sampled_from(
                ["politie", "burger", "NOS"])),
            draw(st.sampled_from(TEXTS)).format(n=draw(st.integers(2, 80))), occurred,
            recorded, draw(st.sampled_from(["hearsay", "confirmed", "refuted"])),
            draw(st.sampled_from(PLACES)), withdrawn=draw(st.booleans()) and n % 5 == 0))
    return out


@st.composite
def links(draw, items):
    if len(items) < 2:
        return []
    pairs = draw(st.lists(st.tuples(st.integers(0, len(items) - 1),
                                    st.integers(0, len(items) - 1)), max_size=4))
    return [TopicLink(items[a].id, items[b].id, draw(st.sampled_from(
        ["corroborates", "contradicts", "follows_up"]))) for a, b in pairs if a != b]


def snapshot(book: TopicBook):
    return sorted((v.id, v.title, v.statement, v.reliability, v.pinned, v.closed, v.entry_ids)
                  for v in topic_views(book))


def exactly_once(book: TopicBook) -> None:
    seen = [i for topic in book.topics() for i in topic.entry_ids]
    assert sorted(seen) == sorted(book.entries)


@SETTINGS
@given(st.data())
def test_grouping_is_deterministic_and_every_entry_in_exactly_one_topic(data):
    items = data.draw(entries())
    rels = data.draw(links(items))
    book = TopicBook(items, rels)
    exactly_once(book)
    rng = random.Random(data.draw(st.integers(0, 10_000)))
    shuffled, shuffled_links = items[:], rels[:]
    rng.shuffle(shuffled)
    rng.shuffle(shuffled_links)
    assert snapshot(TopicBook(shuffled, shuffled_links)) == snapshot(book)
    for topic in book.topics():  # topics never span crises
        assert len({book.entries[i].crisis_id for i in topic.entry_ids}) == 1


def _draw_fact(data, book: TopicBook, number: int, minute: float) -> TopicFact | None:
    topics = book.topics()
    if not topics:
        return None
    kind = data.draw(st.sampled_from(KINDS))
    first = data.draw(st.sampled_from(topics))
    crisis = book.entries[first.entry_ids[0]].crisis_id
    topic_ids: tuple[str, ...] = (first.id,)
    chosen: tuple[str, ...] = ()
    text = None
    if kind == "merge":
        topic_ids += (data.draw(st.sampled_from(topics)).id,)
    elif kind == "split":
        several = [t for t in topics if len(t.entry_ids) > 1]
        if several and data.draw(st.booleans()):  # mostly a split that can apply
            first = data.draw(st.sampled_from(several))
            crisis = book.entries[first.entry_ids[0]].crisis_id
            topic_ids = (first.id,)
        chosen = tuple(data.draw(st.lists(st.sampled_from(first.entry_ids), min_size=1,
                                          max_size=max(1, len(first.entry_ids) - 1),
                                          unique=True)))
        text = data.draw(st.sampled_from([None, "Deel"]))
    elif kind == "move":
        chosen = (data.draw(st.sampled_from(sorted(book.entries))),)
    elif kind in ("rename", "statement"):
        text = data.draw(st.sampled_from(["Naam A", "Naam B", "Zin"]))
        if kind == "statement":
            chosen = tuple(data.draw(st.lists(st.sampled_from(first.entry_ids), max_size=2,
                                              unique=True)))
    return TopicFact(f"019ac000-ffff-7000-9000-{number:012x}", crisis, kind, topic_ids,
                     T0 + timedelta(minutes=minute), "aide", chosen, text)


def _claim(book: TopicBook, f: TopicFact, before: dict[str, frozenset[str]]):
    """What must still hold at the end, as (kind, entry set, extra), from the state right
    after the fact was applied; ``before`` is the partition just before it."""
    members = {t.id: frozenset(t.entry_ids) for t in book.topics()}
    if f.kind == "split":
        old = next(s for s in before.values() if f.entry_ids[0] in s)
        return ("apart", frozenset(f.entry_ids), old - frozenset(f.entry_ids))
    target = book.resolve(f.topic_ids[0])
    assert target is not None
    group = members[target]
    if f.kind in ("merge", "move"):
        return ("together", group, None)
    return (f.kind, group, f.text)


def _touched(book: TopicBook, f: TopicFact) -> set[str]:
    out = set(f.entry_ids)
    for topic_id in f.topic_ids:
        label = book.resolve(topic_id)
        if label is not None:
            out |= set(book.topic(label).entry_ids)
    return out


def _holds(book: TopicBook, claim) -> bool:
    kind, group, extra = claim
    labels = {book.topic_of(i) for i in group}
    if kind == "apart":
        return len(labels) == 1 and not ({book.topic_of(i) for i in extra} & labels)
    if len(labels) != 1:
        return False
    label = labels.pop()
    view = next(v for v in topic_views(book) if v.id == label)
    return {
        "together": True,
        "rename": view.title_manual == bool(extra),
        "statement": (view.statement_source == "manual") == bool(extra),
        "pin": view.pinned,
        "close": view.closed,
        "reopen": not view.closed,
        "unpin": True,  # an automatic merge with a pinned topic is pinned
    }[kind]


@SETTINGS
@given(st.data())
def test_manual_facts_win_and_incremental_equals_from_scratch(data):
    items = sorted(data.draw(entries(min_size=2)), key=lambda e: (e.recorded_at, e.id))
    rels = data.draw(links(items))
    start = data.draw(st.integers(1, len(items)))
    book = TopicBook(items[:start], [k for k in rels if k.from_id in {e.id for e in
                                                                       items[:start]}
                                     and k.to_id in {e.id for e in items[:start]}])
    pending = items[start:]
    minute = (items[-1].recorded_at - T0).total_seconds() / 60 + 1
    claims: list[tuple[int, tuple, set[str]]] = []
    late_sync = False
    touches: list[set[str]] = []
    steps = data.draw(st.integers(1, 12))
    for step in range(steps):
        if pending and data.draw(st.booleans()):
            # New entries arrive after the facts: recorded later than every fact so far.
            new = pending.pop(0)
            if data.draw(st.integers(0, 4)):
                new = replace(new, recorded_at=T0 + timedelta(minutes=minute + 0.5))
            else:
                late_sync = True  # recorded long ago on another laptop: the book replays
            minute += 1
            own = [k for k in rels if new.id in (k.from_id, k.to_id)
                   and ({k.from_id, k.to_id} - {new.id}) <= set(book.entries)]
            book.add_entry(new, own)
            continue
        f = _draw_fact(data, book, step, minute)
        minute += 1
        if f is None:
            continue
        before = book.partition()
        touched = _touched(book, f)
        if book.add_fact(f):
            touches.append(touched)
            claims.append((len(touches) - 1, _claim(book, f, before), touched))
    exactly_once(book)
    # Incremental (the steps above) equals a replay from scratch of the same records.
    scratch = TopicBook(book.entries.values(), book.links, book.facts.values())
    assert scratch.partition() == book.partition()
    assert snapshot(scratch) == snapshot(book)
    if late_sync:
        return  # facts made before such an entry was known are replayed around it
    # Each fact's effect holds unless a later fact touched the same entries.
    for index, claim, _touched_now in claims:
        involved = claim[1] | (claim[2] if claim[0] == "apart" else frozenset())
        if any(involved & later for later in touches[index + 1:]):
            continue
        assert _holds(book, claim), claim


@SETTINGS
@given(st.data())
def test_the_quick_picture_equals_the_one_from_every_view(data):
    items = data.draw(entries())
    book = TopicBook(items, data.draw(links(items)))
    for step in range(data.draw(st.integers(0, 4))):
        f = _draw_fact(data, book, 100 + step, 500 + step)
        if f is not None:
            book.add_fact(f)
    limit = data.draw(st.sampled_from([1, 2, 5, None]))
    assert picture_sections(book, limit) == discipline_sections(topic_views(book), limit)
