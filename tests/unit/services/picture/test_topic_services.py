"""Topics on a real SQLCipher store (issue 13): the book held in memory follows every write
incrementally, manual facts are audited rows that survive a restart, and bad acts are
refused with nothing recorded."""

from __future__ import annotations

import pytest

from crisisconsole.errors import AccessDeniedError, ValidationError
from crisisconsole.services.foundation import audit
from crisisconsole.services.foundation.crises import open_crisis
from crisisconsole.services.log import entries as log
from crisisconsole.services.picture.topic_books import books_of, topic_book
from crisisconsole.services.picture.topics import (
    get_topic,
    list_topics,
    record_topic_fact,
)
from crisisconsole.store.opening import open_database


def _crowd(ctx, crisis, n=3):
    out = []
    for i in range(n):
        ctx.store.clock.advance(minutes=5)
        out.append(log.add_entry(ctx, crisis.id, f"Groep van ca. {30 + 10 * i} personen",
                                 "politie", discipline="politie",
                                 location="Parkeergarage Markt"))
    return out


def _fire(ctx, crisis):
    return log.add_entry(ctx, crisis.id, "Brand in een container", "brandweer",
                         discipline="brandweer", location="Industrieweg")


def _facts(store):
    with store.read() as conn:
        return conn.exec_driver_sql("SELECT count(*) FROM topic_fact").scalar()


def test_new_entries_join_their_topic_without_a_rebuild(ctx, crisis):
    crowd = _crowd(ctx, crisis)
    first = list_topics(ctx.store, crisis.id)
    assert [v.entry_ids for v in first] == [tuple(e.id for e in crowd)]
    fire = _fire(ctx, crisis)
    ctx.store.clock.advance(minutes=5)
    more = log.add_entry(ctx, crisis.id, "Groep van ca. 80 personen", "burger",
                         discipline="politie", location="Parkeergarage Markt")
    views = {v.id: v for v in list_topics(ctx.store, crisis.id)}
    assert len(views) == 2
    crowd_topic = next(v for v in views.values() if crowd[0].id in v.entry_ids)
    assert more.id in crowd_topic.entry_ids and crowd_topic.reports == 4
    assert crowd_topic.trend.direction == "rising"
    assert any(fire.id in v.entry_ids for v in views.values())
    assert books_of(ctx.store).builds(crisis.id) == 1  # incremental, never from scratch


def test_corrections_assessments_and_withdrawals_reach_the_book(ctx, crisis):
    crowd = _crowd(ctx, crisis, 2)
    list_topics(ctx.store, crisis.id)
    log.correct_entry(ctx, crowd[1].id, "Groep van ca. 45 personen", "telfout")
    log.assess_entry(ctx, crowd[1].id, "confirmed", by="politie")
    view = list_topics(ctx.store, crisis.id)[0]
    assert view.statement == "Groep van ca. 45 personen" and view.reliability == "confirmed"
    log.withdraw_entry(ctx, crowd[0].id, "dubbel")
    view = list_topics(ctx.store, crisis.id)[0]
    assert view.reports == 1 and view.withdrawn_ids == (crowd[0].id,)


def test_manual_facts_survive_a_restart(ctx, crisis, store, secret_store, clock):
    crowd = _crowd(ctx, crisis)
    fire = _fire(ctx, crisis)
    crowd_id = topic_book(store, crisis.id).topic_of(crowd[0].id)
    fire_id = topic_book(store, crisis.id).topic_of(fire.id)
    record_topic_fact(ctx, crisis.id, "rename", [crowd_id], text="Groepen bij de garage")
    record_topic_fact(ctx, crisis.id, "pin", [fire_id])
    part = record_topic_fact(ctx, crisis.id, "split", [crowd_id], entry_ids=[crowd[2].id],
                             text="Late groep")
    record_topic_fact(ctx, crisis.id, "statement", [crowd_id], text="Twee groepen, rustig",
                      entry_ids=[crowd[0].id])
    record_topic_fact(ctx, crisis.id, "close", [fire_id])
    before = [v.as_json() for v in list_topics(store, crisis.id, include_closed=True)]
    assert part.title == "Late groep" and part.entry_ids == (crowd[2].id,)
    again = open_database(store.path, secret_store, clock=clock)
    try:
        after = [v.as_json() for v in list_topics(again, crisis.id, include_closed=True)]
    finally:
        again.close()
    assert after == before
    titles = {v["title"] for v in after}
    assert {"Groepen bij de garage", "Late groep"} <= titles
    assert next(v for v in after if v["id"] == fire_id)["closed"]
    assert audit.verify(store).ok


def test_merge_across_crises_is_refused_and_nothing_recorded(ctx, crisis):
    crowd = _crowd(ctx, crisis, 1)
    other = open_crisis(ctx, "Andere crisis", "Waalbergen")
    elsewhere = log.add_entry(ctx, other.id, "Groep bij de garage", "politie",
                              discipline="politie", location="Parkeergarage Markt")
    mine = topic_book(ctx.store, crisis.id).topic_of(crowd[0].id)
    theirs = topic_book(ctx.store, other.id).topic_of(elsewhere.id)
    with pytest.raises(ValidationError, match="verschillende crises"):
        record_topic_fact(ctx, crisis.id, "merge", [mine, theirs])
    assert _facts(ctx.store) == 0


def test_splitting_a_one_entry_topic_is_refused(ctx, crisis):
    fire = _fire(ctx, crisis)
    topic_id = topic_book(ctx.store, crisis.id).topic_of(fire.id)
    with pytest.raises(ValidationError, match="één melding"):
        record_topic_fact(ctx, crisis.id, "split", [topic_id], entry_ids=[fire.id])
    assert _facts(ctx.store) == 0


def test_moving_an_entry_into_a_closed_topic_reopens_it_visibly(ctx, crisis):
    crowd = _crowd(ctx, crisis, 2)
    fire = _fire(ctx, crisis)
    book = topic_book(ctx.store, crisis.id)
    fire_id, crowd_id = book.topic_of(fire.id), book.topic_of(crowd[0].id)
    record_topic_fact(ctx, crisis.id, "close", [fire_id])
    assert [v.id for v in list_topics(ctx.store, crisis.id)] == [crowd_id]
    view = record_topic_fact(ctx, crisis.id, "move", [fire_id], entry_ids=[crowd[1].id])
    assert not view.closed and view.reopened and view.reopened_by == "move"
    assert crowd[1].id in get_topic(ctx.store, crisis.id, fire_id).entry_ids


def test_the_team_curates_viewers_and_the_mayor_are_refused_and_audited(ctx, crisis, as_role):
    fire = _fire(ctx, crisis)
    topic_id = topic_book(ctx.store, crisis.id).topic_of(fire.id)
    team = as_role("team")
    assert record_topic_fact(team, crisis.id, "pin", [topic_id]).pinned
    for role in ("viewer", "mayor"):
        with pytest.raises(AccessDeniedError):
            record_topic_fact(as_role(role), crisis.id, "rename", [topic_id], text="x")
    with ctx.store.read() as conn:
        refused = conn.exec_driver_sql(
            "SELECT count(*) FROM audit WHERE action = 'topic.rename' AND result = 'refused'"
        ).scalar()
    assert refused == 2 and _facts(ctx.store) == 1


def test_the_pictures_cached_topics_follow_each_change(ctx, crisis):
    from crisisconsole.services.picture.snapshots import live_picture

    def police(picture):
        return next(d for d in picture["disciplines"] if d["key"] == "politie")

    crowd = _crowd(ctx, crisis, 2)
    first = police(live_picture(ctx, crisis.id))
    assert [t["reliability"] for t in first["unconfirmed"]] == ["hearsay"]
    log.assess_entry(ctx, crowd[1].id, "confirmed", by="politie")
    second = police(live_picture(ctx, crisis.id))
    assert [t["statement"] for t in second["confirmed"]] == [crowd[1].text]
    ctx.store.clock.advance(minutes=5)
    added = log.add_entry(ctx, crisis.id, "Groep van ca. 90 personen", "burger",
                          discipline="politie", location="Parkeergarage Markt")
    third = police(live_picture(ctx, crisis.id))
    assert third["confirmed"][0]["reports"] == 3 and added.id in third["confirmed"][0][
        "entry_ids"]
    assert books_of(ctx.store).builds(crisis.id) == 1


def test_topics_per_discipline_is_a_setting_fact(ctx, crisis):
    from crisisconsole.services.foundation.settings_facts import TOPICS_PER_DISCIPLINE, set_values
    from crisisconsole.services.picture.snapshots import live_picture

    _crowd(ctx, crisis, 1)
    log.add_entry(ctx, crisis.id, "Vernieling bushokje", "politie", discipline="politie",
                  location="Stationsplein")
    police = next(d for d in live_picture(ctx, crisis.id)["disciplines"]
                  if d["key"] == "politie")
    assert len(police["confirmed"] + police["unconfirmed"]) == 2 and police["more"] == 0
    set_values(ctx, {TOPICS_PER_DISCIPLINE: 1})
    police = next(d for d in live_picture(ctx, crisis.id)["disciplines"]
                  if d["key"] == "politie")
    assert len(police["confirmed"] + police["unconfirmed"]) == 1 and police["more"] == 1
    with pytest.raises(ValidationError):
        set_values(ctx, {TOPICS_PER_DISCIPLINE: 0})
