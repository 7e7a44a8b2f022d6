"""The automatic topic grouping: signals, determinism, ids, and the incremental step."""

import random
from dataclasses import replace

import pytest
from topic_helpers import CROWD, FIRE, ROAD, at, entry, link

from crisisconsole.domain.topic_grouping import AutoGrouping, group
from crisisconsole.domain.topic_input import cap_chain, topic_id_for


def partition(entries, links=()):
    return sorted(sorted(ids) for ids in group(entries, links).values())


def ids(entries):
    return sorted(e.id for e in entries)


def test_the_demo_crowd_series_is_one_topic_and_so_are_fire_and_road():
    groups = partition(CROWD + FIRE + ROAD)
    assert ids(CROWD) in groups
    assert ids(FIRE) in groups
    assert ids(ROAD) in groups
    assert len(groups) == 3


def test_topic_id_is_the_earliest_entry():
    topics = group(CROWD + FIRE)
    assert topic_id_for(CROWD[0].id) in topics
    assert topic_id_for(FIRE[0].id) in topics


def test_same_place_different_discipline_stays_apart():
    police = entry(1, "Afzetting Marktplein", location="Marktplein")
    fire = entry(2, "Containerbrand Marktplein", "brandweer", location="Marktplein")
    assert len(partition([police, fire])) == 2


def test_same_words_at_different_places_stay_apart():
    a = entry(1, "Cameratoezicht Brugstraat: groep van ca. 20 personen", location="Brugstraat")
    b = entry(2, "Cameratoezicht Havenkade: groep van ca. 20 personen", location="Havenkade")
    c = entry(3, "Cameratoezicht Havenkade: groep van ca. 40 personen")  # no location given
    assert partition([a, b, c]) == sorted([[a.id], sorted([b.id, c.id])])


def test_text_without_place_joins_the_similar_topic_of_its_discipline_only():
    a = entry(1, "Groep van ca. 150 supporters loopt richting station")
    b = entry(2, "Groep van ca. 150 supporters loopt richting station", "ghor")
    c = entry(3, "groep van ca. 200 supporters loopt richting station")
    assert partition([a, b, c]) == sorted([sorted([a.id, c.id]), [b.id]])


def test_text_similarity_only_within_the_time_window():
    a = entry(1, "Groep van ca. 150 supporters loopt richting station")
    late = entry(2, "Groep van ca. 150 supporters loopt richting station", minutes=60 * 20)
    assert len(partition([a, late])) == 2


def test_far_apart_coordinates_are_different_subjects():
    a = entry(1, "Gaslucht gemeld in woning", lat=51.84, lon=5.86)
    b = entry(2, "Gaslucht gemeld in woning", lat=51.98, lon=5.91)  # ~16 km
    c = entry(3, "Gaslucht gemeld in woning", lat=51.8405, lon=5.8605)
    assert partition([a, b, c]) == sorted([sorted([a.id, c.id]), [b.id]])


@pytest.mark.parametrize("kind", ["corroborates", "contradicts", "follows_up"])
def test_every_link_kind_joins(kind):
    a = entry(1, "NOS meldt een dode bij de rellen", None, location="Marktplein", source="NOS")
    b = entry(2, "Geen dodelijke slachtoffers bekend", "ghor", location="Binnenstad")
    assert partition([a, b], [link(b, a, kind)]) == [ids([a, b])]


def test_a_link_does_not_glue_the_places_of_both_ends():
    # b is linked to a; other reports at b's place stay in their own topic.
    a = entry(1, "NOS meldt een dode bij de rellen", None, location="Marktplein", source="NOS")
    b = entry(2, "Geen dodelijke slachtoffers bekend", "ghor", location="Binnenstad")
    c = entry(3, "Ambulance ingezet Binnenstad, 4 patiënten", "ghor", location="Binnenstad")
    d = entry(4, "Ambulance ingezet Binnenstad, 6 patiënten", "ghor", location="Binnenstad")
    assert partition([a, b, c, d], [link(b, a, "contradicts")]) == sorted(
        [ids([a, b]), ids([c, d])])


def test_a_linked_report_at_the_topics_own_place_brings_its_discipline_along():
    # The demo's trains: a broadcaster's report, NS confirms (linked), later NS again.
    media = entry(1, "Omroep meldt: treinverkeer stilgelegd", None, location="Station")
    ns = entry(2, "NS bevestigt: geen treinen tot 22.00 uur", "bevolkingszorg",
               location="Station")
    resumed = entry(3, "Treinverkeer hervat", "bevolkingszorg", location="Station")
    assert partition([media, ns, resumed], [link(media, ns)]) == [ids([media, ns, resumed])]


def test_a_link_merges_two_earlier_topics_under_the_earlier_anchor():
    a = entry(1, "Rookontwikkeling bij de haven", location="Haven")
    b = entry(2, "Stankoverlast in de wijk Oost", location="Oost")
    c = entry(3, "Rook trekt richting Oost")
    topics = group([a, b, c], [link(c, a), link(c, b)])
    assert list(topics) == [topic_id_for(a.id)]


def test_links_between_crises_are_ignored():
    a = entry(1, "Brand", location="Haven")
    b = entry(2, "Brand", location="Haven", crisis="c2")
    assert len(partition([a, b], [link(b, a)])) == 2


def test_cap_update_and_its_alert_share_a_topic():
    key = "meldkamer@vrgz.example.nl,VRGZ-1,2026-11-29T18:00:00+00:00"
    alert, refs = cap_chain(key + "#0", {"alert_key": key})
    assert (alert, refs) == (key, ())
    update_key = "meldkamer@vrgz.example.nl,VRGZ-2,2026-11-29T18:30:00+00:00"
    u_alert, u_refs = cap_chain(update_key + "#0", {"alert_key": update_key,
                                                    "references": [key]})
    first = entry(1, "Rookontwikkeling binnenstad", None, location="Binnenstad Waalbergen",
                  cap_alert=alert, cap_references=refs)
    other = entry(2, "Verkeer omgeleid", None, location="Ring")
    update = entry(3, "Rook trekt weg, ramen mogen open", None, location="Waalbergen-Noord",
                   cap_alert=u_alert, cap_references=u_refs)
    cancel = entry(4, "Bericht ingetrokken", None, cap_alert="x,VRGZ-3,t",
                   cap_references=(update_key,))
    assert ids([first, update, cancel]) in partition([first, other, update, cancel])


def test_cap_chain_of_an_entry_typed_by_hand_is_empty():
    assert cap_chain(None, None) == (None, ())
    assert cap_chain("table:row-3", {"sheet": "x"}) == (None, ())


def test_every_entry_in_exactly_one_topic_and_input_order_does_not_matter():
    entries = CROWD + FIRE + ROAD + [entry(20, "Bewoner meldt schreeuwende groep", None)]
    reference = group(entries)
    rng = random.Random(4)
    for _ in range(10):
        shuffled = entries[:]
        rng.shuffle(shuffled)
        assert group(shuffled) == {k: v for k, v in reference.items()}
    flat = [i for members in reference.values() for i in members]
    assert sorted(flat) == ids(entries)


def test_incremental_add_is_the_same_fold():
    entries = CROWD + FIRE + ROAD
    ordered = sorted(entries, key=lambda e: (e.recorded_at, e.id))
    grouping = AutoGrouping.build(ordered[:-1])
    placement = grouping.add(ordered[-1])
    assert grouping.topics() == AutoGrouping.build(entries).topics()
    assert placement.topic_id == grouping.topic_of(ordered[-1].id)


def test_incremental_add_refuses_an_older_entry():
    grouping = AutoGrouping.build(CROWD)
    with pytest.raises(ValueError):
        grouping.add(replace(CROWD[0], id="019ac000-0000-7000-8000-000000000001",
                             recorded_at=at(-5)))
    with pytest.raises(ValueError):
        grouping.add(replace(CROWD[0], recorded_at=at(100)))  # already grouped


def test_placement_says_why():
    grouping = AutoGrouping()
    assert grouping.add(CROWD[0]).via == "new"
    assert grouping.add(CROWD[1]).via == "location"
    assert grouping.add(ROAD[0]).via == "new"
    assert grouping.add(ROAD[1]).via == "text"
