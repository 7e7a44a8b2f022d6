"""The demo's log as topics, with no curation at all (issue 13, done-when): every entry in
exactly one topic, a sensible number of topics, the picture within 5 per discipline."""

from __future__ import annotations

import random

import pytest
from topic_demo_helpers import read_topic_input

from crisisconsole.domain.topic_book import TopicBook
from crisisconsole.domain.topic_picture import (
    discipline_sections,
    picture_sections,
    section_key,
)
from crisisconsole.domain.topic_view import topic_views


@pytest.fixture(scope="module")
def demo_topics(tmp_path_factory):
    from crisisconsole.demo.build import build_demo_database
    from crisisconsole.store.opening import open_database

    folder = tmp_path_factory.mktemp("demo-topics")
    info = build_demo_database(folder / "demo.db", passphrase="demo demo demo")
    store = open_database(info.path, None, key=info.key)
    try:
        entries, links = read_topic_input(store, info.crisis_id)
    finally:
        store.close()
    book = TopicBook(entries, links)
    return entries, links, book, topic_views(book)


def test_every_demo_entry_in_exactly_one_topic(demo_topics):
    entries, _links, _book, views = demo_topics
    assert len(entries) >= 161
    listed = [i for v in views for i in v.entry_ids]
    assert sorted(listed) == sorted(e.id for e in entries)


def test_the_demo_forms_a_sensible_number_of_topics(demo_topics):
    entries, _links, _book, views = demo_topics
    # About one topic per place and discipline: far fewer topics than lines.
    assert len(views) <= len(entries) // 2
    sections = discipline_sections(views)
    shown = sum(len(s["confirmed"]) + len(s["unconfirmed"]) for s in sections)
    assert shown <= 40
    assert all(len(s["confirmed"]) + len(s["unconfirmed"]) <= 5 for s in sections)
    assert sum(s["topics"] for s in sections) + sum(s["closed"] + s["refuted"]
                                                    for s in sections) == len(views)
    assert picture_sections(_book) == sections


def by_text(entries, start):
    return [e for e in entries if e.text.startswith(start)]


def test_the_crowd_at_the_parking_garage_is_one_police_topic(demo_topics):
    entries, _links, book, views = demo_topics
    crowd = [e for e in entries if e.discipline == "politie"
             and e.location == "Parkeergarage Markt"]
    assert len(crowd) >= 2
    assert len({book.topic_of(e.id) for e in crowd}) == 1
    view = next(v for v in views if v.id == book.topic_of(crowd[0].id))
    assert view.title.startswith("Parkeergarage Markt") and view.discipline == "politie"


def test_linked_demo_reports_share_their_topic(demo_topics):
    _entries, links, book, _views = demo_topics
    assert links
    for k in links:
        assert book.topic_of(k.from_id) == book.topic_of(k.to_id)


def test_the_refuted_death_report_is_not_the_statement(demo_topics):
    entries, _links, book, views = demo_topics
    nos = by_text(entries, "NOS meldt een dode")[0]
    view = next(v for v in views if v.id == book.topic_of(nos.id))
    assert view.statement != nos.text and view.reliability == "confirmed"


def test_corrections_show_in_the_statement(demo_topics):
    entries, _links, book, views = demo_topics
    wounded = by_text(entries, "7 gewonden, waarvan 3")[0]
    view = next(v for v in views if v.id == book.topic_of(wounded.id))
    assert view.statement == wounded.text


def test_the_demo_grouping_is_deterministic(demo_topics):
    entries, links, _book, views = demo_topics
    shuffled = entries[:]
    random.Random(13).shuffle(shuffled)
    again = topic_views(TopicBook(shuffled, list(reversed(links))))
    assert [(v.id, v.title, v.entry_ids) for v in again] == \
        [(v.id, v.title, v.entry_ids) for v in views]
    assert {section_key(v) for v in views} <= {s["key"] for s in discipline_sections(views)}
