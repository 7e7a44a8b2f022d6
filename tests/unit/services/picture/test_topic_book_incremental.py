"""The topic book held in memory, kept up to date write by write from the audit tail, equals
the book computed from nothing out of the same facts on a real SQLCipher store: after every
step of a series of adds, corrections, assessments, links, withdrawals and aide acts, in two
crises. This also checks the two ways of reading entries (all of a crisis at once, or only
the few just written) against each other: the incremental book reads the new ones one by
one, the recomputed one reads the crisis in one pass."""

from __future__ import annotations

from dataclasses import fields as _fields

from crisisconsole.domain.topic_book import TopicBook
from crisisconsole.domain.topic_picture import summarise
from crisisconsole.domain.topic_view import topic_view, topic_views
from crisisconsole.services.foundation.crises import open_crisis
from crisisconsole.services.log import entries as log
from crisisconsole.services.picture.topic_books import books_of, topic_book
from crisisconsole.services.picture.topic_disk import DiskTopics
from crisisconsole.services.picture.topic_source import read_entries, read_facts, read_links
from crisisconsole.services.picture.topics import record_topic_fact
from crisisconsole.store import derived_topics


def _recomputed(store, crisis_id):
    with store.read() as conn:
        entries = read_entries(conn, crisis_id)
        links = read_links(conn, {e.id for e in entries})
        return TopicBook(entries, links, read_facts(conn, crisis_id))


def _differences(held, fresh):
    assert held.keys() == fresh.keys()
    return [(entry_id, name, getattr(held[entry_id], name), getattr(fresh[entry_id], name))
            for entry_id in sorted(held) for name in (f.name for f in _fields(held[entry_id]))
            if getattr(held[entry_id], name) != getattr(fresh[entry_id], name)]


def _same(store, crisis_id):
    held = topic_book(store, crisis_id)
    fresh = _recomputed(store, crisis_id)
    # Every field, the times of corrections and assessments included.
    assert _differences(held.entries, fresh.entries) == []
    assert held.partition() == fresh.partition()
    assert held.skipped == fresh.skipped
    assert topic_views(held) == topic_views(fresh)
    _same_on_disk(store, crisis_id, fresh)
    return held


def _same_on_disk(store, crisis_id, fresh):
    """The topics kept on disk, written write by write from the held book, equal the
    recomputed book: every row, and the summaries and views read back from them."""
    with store.read() as conn:
        raw = conn.connection.dbapi_connection
        gen, current = derived_topics.state(raw, crisis_id)
        assert gen == current  # written with each write, never left behind
        assigned, rows = derived_topics.stored(raw, crisis_id)
        assert assigned == fresh.state.label_of
        assert rows == derived_topics.rows_of(fresh)
        disk = DiskTopics.open(conn, crisis_id)
        assert sorted(disk.summaries, key=lambda s: s.id) == [
            summarise(t, fresh.entries) for t in fresh.topics()]
        assert [disk.view_of(t.id) for t in fresh.topics()] == [
            topic_view(fresh, t.id) for t in fresh.topics()]


def _add(ctx, crisis_id, text, source="politie", discipline="politie", location=None):
    ctx.store.clock.advance(minutes=3)
    return log.add_entry(ctx, crisis_id, text, source, discipline=discipline,
                         location=location)


def test_the_held_book_equals_a_recompute_after_every_step(ctx, crisis):
    other = open_crisis(ctx, "Stroomstoring", "Waalbergen")
    c = crisis.id
    steps = []
    topic_book(ctx.store, c)  # held from the start: each write keeps the rows on disk
    topic_book(ctx.store, other.id)

    def step(action):
        steps.append(action())
        _same(ctx.store, c)
        _same(ctx.store, other.id)

    step(lambda: _add(ctx, c, "Groep van ca. 30 personen", location="Parkeergarage Markt"))
    garage = steps[-1]
    step(lambda: _add(ctx, other.id, "Stroomstoring wijk Noord", "gemeente", "gemeente",
                      "Noord"))
    step(lambda: _add(ctx, c, "Groep van ca. 45 personen", "burger",
                      location="Parkeergarage Markt"))
    step(lambda: _add(ctx, c, "Brand in een container", "brandweer", "brandweer",
                      "Industrieweg"))
    fire = steps[-1]
    step(lambda: _add(ctx, c, "Supporters gooien met flessen bij het station"))
    station = steps[-1]
    step(lambda: log.correct_entry(ctx, garage.id, "Groep van ca. 35 personen", "telfout"))
    step(lambda: log.assess_entry(ctx, garage.id, "confirmed", by="politie"))
    step(lambda: log.link_entries(ctx, station.id, garage.id, "follows_up"))
    book = topic_book(ctx.store, c)
    garage_topic, fire_topic = book.topic_of(garage.id), book.topic_of(fire.id)
    step(lambda: record_topic_fact(ctx, c, "rename", [garage_topic], text="Groepen bij de garage"))
    step(lambda: record_topic_fact(ctx, c, "pin", [fire_topic]))
    step(lambda: _add(ctx, c, "Groep van ca. 60 personen", location="Parkeergarage Markt"))
    step(lambda: record_topic_fact(ctx, c, "split", [garage_topic], entry_ids=[station.id],
                                   text="Station"))
    step(lambda: record_topic_fact(ctx, c, "statement", [garage_topic],
                                   text="Groepen rustig, politie ter plaatse"))
    step(lambda: _add(ctx, c, "Nog een container in brand", "burger", "brandweer",
                      "Industrieweg"))
    step(lambda: record_topic_fact(ctx, c, "close", [fire_topic]))
    step(lambda: _add(ctx, c, "Container geblust", "brandweer", "brandweer", "Industrieweg"))
    step(lambda: record_topic_fact(ctx, c, "move", [fire_topic],
                                   entry_ids=[steps[2].id]))
    step(lambda: log.link_entries(ctx, fire.id, garage.id, "contradicts"))
    step(lambda: log.withdraw_entry(ctx, steps[2].id, "dubbel"))
    step(lambda: _add(ctx, c, "Groep van ca. 80 personen", location="Parkeergarage Markt"))

    held = topic_book(ctx.store, c)
    assert len(held.entries) == 8 and len(held.facts) == 6
    assert books_of(ctx.store).builds(c) == 1  # followed the tail, never rebuilt
