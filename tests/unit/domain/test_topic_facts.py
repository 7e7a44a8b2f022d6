"""Manual facts on topics win over the automatic grouping, and keep winning."""

from dataclasses import replace

import pytest
from topic_helpers import CROWD, FIRE, ROAD, at, eid, entry, fact, link

from crisisconsole.domain.topic_book import TopicBook
from crisisconsole.domain.topic_facts import TopicFactRefused
from crisisconsole.domain.topic_input import topic_id_for
from crisisconsole.domain.topic_view import topic_view
from crisisconsole.errors import CrisisConsoleError

CROWD_T = topic_id_for(CROWD[0].id)
FIRE_T = topic_id_for(FIRE[0].id)
ROAD_T = topic_id_for(ROAD[0].id)


def book(*facts, extra=()):
    return TopicBook(CROWD + FIRE + ROAD + list(extra), (), facts)


def same_topic(b, *entries):
    return len({b.topic_of(e.id) for e in entries}) == 1


def test_rename_and_back_to_automatic():
    b = book(fact("rename", CROWD_T, 30, text="Parkeergarage Markt: groepen"))
    view = topic_view(b, CROWD_T)
    assert view.title == "Parkeergarage Markt: groepen" and view.title_manual
    b.add_fact(fact("rename", CROWD_T, 31, text=""))
    view = topic_view(b, CROWD_T)
    assert not view.title_manual and view.title.startswith("Parkeergarage Markt")


def test_merge_holds_when_new_entries_arrive():
    b = book(fact("merge", (CROWD_T, FIRE_T), 30))
    assert same_topic(b, *CROWD, *FIRE)
    # A new report that the grouping puts with the fire lands in the merged topic.
    later = entry(40, "Brand Industrieweg geblust", "brandweer", location="Industrieweg")
    b.add_entry(later)
    assert same_topic(b, CROWD[0], FIRE[0], later)
    assert b.topic_of(later.id) == CROWD_T


def test_merge_of_topics_of_different_crises_is_refused():
    other = entry(2, "Brand Industrieweg", "brandweer", location="Industrieweg", crisis="c2")
    b = book(extra=[other])
    refused = fact("merge", (CROWD_T, topic_id_for(other.id)), 30)
    with pytest.raises(TopicFactRefused) as info:
        b.check(refused)
    assert isinstance(info.value, CrisisConsoleError) and "\n" not in info.value.message
    assert "crises" in info.value.message
    # Replayed anyway (crossed facts from two laptops): skipped, nothing merged.
    assert b.add_fact(refused) is False
    assert b.skipped and b.skipped[0][0] == refused.id
    assert b.topic_of(other.id) != b.topic_of(CROWD[0].id)


def test_merge_needs_two_topics():
    with pytest.raises(TopicFactRefused):
        book().check(fact("merge", (CROWD_T, CROWD_T), 30))


def test_split_of_a_one_entry_topic_is_refused():
    lone = entry(20, "Snelrechtzittingen gepland voor 14 verdachten", "om")
    b = book(extra=[lone])
    with pytest.raises(TopicFactRefused) as info:
        b.check(fact("split", topic_id_for(lone.id), 30, entries=[lone]))
    assert "één melding" in info.value.message or "one entry" in info.value.message


@pytest.mark.parametrize("entries", [[], [ROAD[0]], CROWD])
def test_split_must_name_some_but_not_all_entries_of_the_topic(entries):
    with pytest.raises(TopicFactRefused):
        book().check(fact("split", CROWD_T, 30, entries=entries))


def test_split_makes_a_topic_named_by_the_fact_and_new_reports_follow_what_they_resemble():
    looting = [entry(1, "Plunderingen Marktplein bevestigd, ME-inzet gestart",
                     location="Marktplein"),
               entry(2, "Telefoonwinkel Marktplein geplunderd", location="Marktplein")]
    damage = [entry(3, "Schadeopname winkels Marktplein: 9 winkels beschadigd",
                    location="Marktplein"),
              entry(4, "Schadeopname winkels Marktplein: 11 winkels beschadigd",
                    location="Marktplein")]
    b = TopicBook(looting + damage)
    assert same_topic(b, *looting, *damage)
    split = fact("split", topic_id_for(looting[0].id), 30, entries=damage, text="Schade")
    assert b.add_fact(split)
    part = topic_id_for(split.id)
    assert b.topic_of(damage[0].id) == part and b.topic_of(looting[0].id) != part
    assert topic_view(b, part).title == "Schade"
    newer_damage = entry(40, "Schadeopname winkels Marktplein: 12 winkels beschadigd",
                         location="Marktplein")
    newer_other = entry(41, "ME-inzet Marktplein afgeschaald", location="Marktplein")
    b.add_entry(newer_damage)
    b.add_entry(newer_other)
    assert b.topic_of(newer_damage.id) == part
    assert b.topic_of(newer_other.id) == topic_id_for(looting[0].id)
    rebuilt = TopicBook(b.entries.values(), b.links, b.facts.values())
    assert rebuilt.partition() == b.partition()


def test_moved_entry_stays_moved():
    b = book(fact("move", FIRE_T, 30, entries=[CROWD[1]]))
    assert b.topic_of(CROWD[1].id) == FIRE_T
    b.add_entry(entry(40, "Cameratoezicht Parkeergarage Markt: groep van ca. 60 personen",
                      location="Parkeergarage Markt"))
    assert b.topic_of(CROWD[1].id) == FIRE_T
    assert b.topic_of(eid(40)) == CROWD_T


def test_move_into_a_closed_topic_reopens_it_visibly():
    b = book(fact("close", FIRE_T, 20))
    assert topic_view(b, FIRE_T).closed
    b.add_fact(fact("move", FIRE_T, 30, entries=[ROAD[0]]))
    view = topic_view(b, FIRE_T)
    assert not view.closed and view.reopened and view.reopened_by == "move"
    assert view.as_json()["reopened_by"] == "move"


def test_new_reports_do_not_reopen_a_closed_topic_but_are_counted():
    b = book(fact("close", FIRE_T, 20))
    b.add_entry(entry(40, "Brand Industrieweg weer opgelaaid", "brandweer",
                      location="Industrieweg"))
    view = topic_view(b, FIRE_T)
    assert view.closed and not view.reopened and view.reports_since_closed == 1
    b.add_fact(fact("reopen", FIRE_T, 50))
    view = topic_view(b, FIRE_T)
    assert not view.closed and view.reopened_by == "reopen"


def test_pin_and_unpin():
    b = book(fact("pin", ROAD_T, 20))
    assert topic_view(b, ROAD_T).pinned
    b.add_fact(fact("unpin", ROAD_T, 21))
    assert not topic_view(b, ROAD_T).pinned


def test_a_fact_follows_its_topic_when_an_older_entry_arrives_later():
    # Another laptop's report, recorded before the topic's first one, arrives after the
    # rename: the topic's id becomes that of the older report; the rename still holds.
    b = book(fact("rename", CROWD_T, 30, text="Groepen parkeergarage"))
    early = entry(0, "Cameratoezicht Parkeergarage Markt: groep van ca. 20 personen",
                  location="Parkeergarage Markt", recorded_at=at(0.5))
    b.add_entry(early)
    assert b.regrouped == 1
    new_id = b.topic_of(CROWD[0].id)
    assert new_id == topic_id_for(early.id) != CROWD_T
    assert topic_view(b, new_id).title == "Groepen parkeergarage"
    assert b.resolve(CROWD_T) == new_id


def test_a_fact_on_a_topic_the_grouping_merged_away_still_applies():
    a = entry(1, "Rookontwikkeling bij de haven", location="Haven")
    c = entry(2, "Stankoverlast in de wijk Oost", location="Oost")
    b = TopicBook([a, c], (), [fact("pin", topic_id_for(c.id), 10)])
    bridge = entry(20, "Rook uit de haven trekt richting Oost")
    b.add_entry(bridge, [link(bridge, a), link(bridge, c)])
    assert same_topic(b, a, c, bridge)
    assert topic_view(b, b.topic_of(a.id)).pinned
    assert b.resolve(topic_id_for(c.id)) == topic_id_for(a.id)


def test_the_grouping_does_not_merge_a_closed_topic():
    a = entry(1, "Rookontwikkeling bij de haven", location="Haven")
    c = entry(2, "Stankoverlast in de wijk Oost", location="Oost")
    b = TopicBook([a, c], (), [fact("close", topic_id_for(a.id), 10)])
    bridge = entry(20, "Rook uit de haven trekt richting Oost")
    b.add_entry(bridge, [link(bridge, a), link(bridge, c)])
    assert b.topic_of(a.id) != b.topic_of(c.id) == b.topic_of(bridge.id)
    assert topic_view(b, topic_id_for(a.id)).closed


def test_unknown_topic_is_refused_and_skipped():
    b = book()
    stray = fact("pin", "t-does-not-exist", 30)
    with pytest.raises(TopicFactRefused):
        b.check(stray)
    assert b.add_fact(stray) is False


def test_statement_basis_must_be_in_the_topic():
    with pytest.raises(TopicFactRefused):
        book().check(fact("statement", CROWD_T, 30, text="Rustig", entries=[ROAD[0]]))


def test_move_of_an_unknown_entry_is_refused():
    with pytest.raises(TopicFactRefused):
        book().check(fact("move", CROWD_T, 30, entries=["nope"]))


def test_incremental_facts_equal_a_replay_from_scratch():
    facts = [fact("merge", (CROWD_T, ROAD_T), 20), fact("split", CROWD_T, 21,
                                                        entries=[ROAD[1]]),
             fact("close", FIRE_T, 22), fact("move", FIRE_T, 23, entries=[CROWD[2]])]
    b = book()
    for f in facts:
        b.add_fact(f)
    assert b.regrouped == 0
    assert b.partition() == book(*facts).partition()
    # The same facts given in another order replay in their own order.
    assert book(*reversed(facts)).partition() == b.partition()


def test_a_late_fact_replays():
    b = book(fact("pin", CROWD_T, 50))
    assert b.add_fact(fact("close", CROWD_T, 40))
    assert b.regrouped == 1
    view = topic_view(b, CROWD_T)
    assert view.closed and view.pinned


def test_correction_that_changes_place_regroups():
    b = book()
    moved = replace(FIRE[0], location="Parkeergarage Markt", discipline="politie")
    b.update_entry(moved)
    assert b.regrouped == 1 and b.topic_of(FIRE[0].id) == CROWD_T
    b.update_entry(replace(moved, reliability="confirmed"))
    assert b.regrouped == 1  # a re-grade does not move anything


def test_moving_an_entry_to_its_own_topic_is_refused():
    with pytest.raises(TopicFactRefused):
        book().check(fact("move", CROWD_T, 30, entries=[CROWD[0]]))


def test_refusals_speak_the_users_language(monkeypatch):
    monkeypatch.setenv("CRISISCONSOLE_LANG", "en")
    other = entry(2, "Brand Industrieweg", "brandweer", location="Industrieweg", crisis="c2")
    with pytest.raises(TopicFactRefused) as info:
        book(extra=[other]).check(fact("merge", (CROWD_T, topic_id_for(other.id)), 30))
    assert info.value.message == "topics of different crises cannot be combined"
    monkeypatch.setenv("CRISISCONSOLE_LANG", "nl")
    with pytest.raises(TopicFactRefused) as info:
        book().check(fact("split", ROAD_T, 30, entries=ROAD))
    assert info.value.message == "splitsen laat minstens één melding achter"


def test_merging_an_open_topic_into_a_closed_one_reopens_it_visibly():
    b = book(fact("close", FIRE_T, 20), fact("merge", (FIRE_T, ROAD_T), 30))
    view = topic_view(b, FIRE_T)
    assert not view.closed and view.reopened_by == "merge"
    assert same_topic(b, *FIRE, *ROAD)


def test_merged_topic_keeps_the_targets_title_and_takes_the_others_pin():
    b = book(fact("rename", CROWD_T, 10, text="Groepen"), fact("rename", ROAD_T, 11,
                                                              text="A12"),
             fact("pin", ROAD_T, 12), fact("merge", (CROWD_T, ROAD_T), 13))
    view = topic_view(b, CROWD_T)
    assert view.title == "Groepen" and view.pinned
    assert b.resolve(ROAD_T) == CROWD_T
