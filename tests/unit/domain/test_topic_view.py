"""What a topic shows: statement and reliability rules, counts, times, title, JSON."""

import json
from datetime import UTC, datetime

from topic_helpers import CROWD, FIRE, ROAD, at, entry, fact, link

from crisisconsole.domain.topic_book import TopicBook
from crisisconsole.domain.topic_input import topic_id_for
from crisisconsole.domain.topic_view import topic_view, topic_views

REQUIRED = {"id", "title", "discipline", "statement", "reliability", "reports", "first_at",
            "last_at", "pinned", "closed", "entry_ids"}


def one(entries, links=(), facts=()):
    b = TopicBook(entries, links, facts)
    views = topic_views(b)
    assert len(views) == 1, [v.entry_ids for v in views]
    return views[0]


def at_marktplein(n, text, discipline="politie", **kw):
    return entry(n, text, discipline, location="Marktplein", **kw)


def test_statement_is_the_latest_confirmed_entry():
    view = one([
        at_marktplein(1, "Plunderingen bevestigd", reliability="confirmed",
                      last_confirmed_at=at(2)),
        at_marktplein(5, "Winkelier: ze plunderen ook de juwelier"),  # newer, hearsay
    ])
    assert view.statement == "Plunderingen bevestigd"
    assert view.reliability == "confirmed" and view.statement_source == "confirmed"


def test_without_confirmed_entries_the_latest_hearsay_one():
    view = one([at_marktplein(1, "Groep bij de kiosk"), at_marktplein(5, "Groep groeit")])
    assert view.statement == "Groep groeit" and view.reliability == "hearsay"


def test_latest_means_when_it_happened_not_when_recorded():
    view = one([at_marktplein(1, "Nieuw", minutes=30),
                at_marktplein(2, "Laat ingevoerd, eerder gebeurd", minutes=3)])
    assert view.statement == "Nieuw"


def test_withdrawn_entries_count_for_nothing_but_stay_in_the_topic():
    view = one([at_marktplein(1, "Groep bij de kiosk", source="burger"),
                at_marktplein(5, "Ingetrokken bericht", reliability="confirmed",
                              withdrawn=True, source="CAP")])
    assert view.statement == "Groep bij de kiosk" and view.reliability == "hearsay"
    assert view.reports == 1 and view.sources == ("burger",)
    assert len(view.entry_ids) == 2 and len(view.withdrawn_ids) == 1


def test_refuted_is_never_the_statement_unless_all_are():
    view = one([at_marktplein(1, "Groep bij de kiosk"),
                at_marktplein(5, "NOS meldt een dode", reliability="refuted")])
    assert view.statement == "Groep bij de kiosk" and not view.all_refuted
    view = one([at_marktplein(1, "NOS meldt een dode", reliability="refuted"),
                at_marktplein(5, "Twitter meldt twee doden", reliability="refuted")])
    assert view.statement == "Twitter meldt twee doden"
    assert view.reliability == "refuted" and view.all_refuted


def test_only_withdrawn_entries():
    view = one([at_marktplein(1, "Bericht", withdrawn=True)])
    assert view.statement is None and view.reliability == "withdrawn" and view.reports == 0
    assert view.first_at == at(1)


def test_manual_statement_is_confirmed_only_through_a_confirmed_basis_entry():
    confirmed = at_marktplein(1, "Plunderingen bevestigd", reliability="confirmed")
    hearsay = at_marktplein(5, "Groep groeit")
    topic = topic_id_for(confirmed.id)
    view = one([confirmed, hearsay], facts=[fact("statement", topic, 10, text="Onrustig")])
    assert view.statement == "Onrustig" and view.statement_source == "manual"
    assert view.reliability == "hearsay"  # no basis named: not confirmed
    view = one([confirmed, hearsay], facts=[
        fact("statement", topic, 10, text="Onrustig", entries=[hearsay])])
    assert view.reliability == "hearsay"
    view = one([confirmed, hearsay], facts=[
        fact("statement", topic, 10, text="Onrustig", entries=[confirmed])])
    assert view.reliability == "confirmed"
    later = at_marktplein(20, "Groep groeit verder")
    view = one([confirmed, hearsay, later], facts=[
        fact("statement", topic, 10, text="Onrustig", entries=[confirmed])])
    assert view.reports_since_statement == 1
    view = one([confirmed, hearsay], facts=[
        fact("statement", topic, 10, text="Onrustig"), fact("statement", topic, 11, text="")])
    assert view.statement_source == "confirmed"


def test_open_contradictions_are_flagged_and_settled_ones_are_not():
    nos = at_marktplein(1, "NOS meldt een dode bij de rellen", source="NOS")
    ghor = at_marktplein(5, "Geen dodelijke slachtoffers bekend", "ghor",
                         reliability="confirmed")
    contra = [link(ghor, nos, "contradicts")]
    view = one([nos, ghor], contra)
    assert view.open_contradictions == 2 and view.contradicted
    settled = one([entry(1, nos.text, location="Marktplein", source="NOS",
                         reliability="refuted"), ghor], contra)
    assert settled.open_contradictions == 0 and not settled.contradicted


def test_counts_sources_and_times():
    view = one([at_marktplein(1, "Groep bij de kiosk", source="burger"),
                at_marktplein(5, "Groep bij de kiosk", source="politie",
                              reliability="confirmed", last_confirmed_at=at(7)),
                at_marktplein(9, "Groep bij de kiosk", source="burger")])
    assert view.reports == 3 and view.sources == ("burger", "politie")
    assert (view.first_at, view.last_at, view.last_confirmed_at) == (at(1), at(9), at(7))
    assert view.last_change_at == at(10)  # the last one was recorded a minute later


def test_entry_ids_in_time_order():
    view = one([at_marktplein(1, "a b", minutes=9), at_marktplein(2, "a b", minutes=3)])
    assert view.entry_ids == (entry(2, "").id, entry(1, "").id)


def test_titles():
    b = TopicBook(CROWD + FIRE + ROAD)
    titles = {v.id: v.title for v in topic_views(b)}
    assert titles[topic_id_for(CROWD[0].id)] == \
        "Parkeergarage Markt: cameratoezicht groep personen"
    assert titles[topic_id_for(FIRE[0].id)] == "Industrieweg: brand"  # shortest spelling
    assert titles[topic_id_for(ROAD[0].id)] == "Stremming A12"
    lone = one([entry(1, "Snelrechtzittingen gepland voor 14 verdachten", "om")])
    assert lone.title == "Snelrechtzittingen gepland voor 14 verdachten"
    mixed = one([at_marktplein(1, "Plunderingen bevestigd"),
                 at_marktplein(2, "23 aanhoudingen tot nu toe")])
    assert mixed.title == "Marktplein"


def test_discipline_is_the_one_most_reports_carry():
    social = [at_marktplein(1, "Bericht over ME-inzet", None),
              at_marktplein(2, "Video van plunderingen", None)]
    police = entry(3, "Plunderingen bevestigd", "politie", location="Elders")
    view = one([*social, police], [link(police, social[0])])
    assert view.discipline == "politie"
    assert one([at_marktplein(1, "Bericht", None)]).discipline is None


def test_trend_in_the_view():
    view = topic_view(TopicBook(CROWD), topic_id_for(CROWD[0].id))
    assert view.trend.direction == "rising" and view.trend.values == (49, 34, 52)


def test_as_json_keys_and_four_digit_years():
    early = entry(1, "Oud bericht", location="Archief", minutes=0,
                  recorded_at=datetime(950, 1, 1, tzinfo=UTC))
    view = topic_view(TopicBook([early]), topic_id_for(early.id))
    data = view.as_json()
    assert REQUIRED <= data.keys()
    json.dumps(data)  # JSON-ready
    assert data["last_change_at"].startswith("0950-01-01T")
    assert data["first_at"].endswith("Z") and data["entry_ids"] == [early.id]
