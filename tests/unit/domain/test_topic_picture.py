"""Topics in the picture: per discipline the top ones with a `more` count, and what changed
since a moment."""

from dataclasses import replace

from topic_helpers import at, entry, fact

from crisisconsole.domain.picture_input import DISCIPLINES
from crisisconsole.domain.topic_book import TopicBook
from crisisconsole.domain.topic_input import topic_id_for
from crisisconsole.domain.topic_picture import changed_since, discipline_sections, full_list
from crisisconsole.domain.topic_view import topic_views


def police_topics(count, **kw):
    """`count` police topics at different places, topic i last changed at minute 10*i."""
    return [entry(10 * i, f"Surveillance ronde {i}", location=f"Wijk {chr(65 + i)}", **kw)
            for i in range(1, count + 1)]


def section(sections, key):
    return next(s for s in sections if s["key"] == key)


def shown_ids(sec):
    return [t["id"] for t in sec["confirmed"]] + [t["id"] for t in sec["unconfirmed"]]


def test_every_discipline_has_a_section_in_order():
    sections = discipline_sections([])
    assert [s["key"] for s in sections] == [k for k, _ in DISCIPLINES]
    assert all(s["topics"] == s["more"] == 0 for s in sections)


def test_at_most_five_newest_first_and_a_more_count():
    entries = police_topics(8)
    sec = section(discipline_sections(topic_views(TopicBook(entries))), "politie")
    assert sec["topics"] == 8 and sec["more"] == 3
    assert shown_ids(sec) == [topic_id_for(e.id) for e in reversed(entries)][:5]


def test_the_limit_is_configurable_and_none_shows_all():
    views = topic_views(TopicBook(police_topics(8)))
    assert section(discipline_sections(views, 2), "politie")["more"] == 6
    assert section(discipline_sections(views, None), "politie")["more"] == 0


def test_pinned_first_closed_left_out_but_in_the_full_list():
    entries = police_topics(8)
    oldest, newest = topic_id_for(entries[0].id), topic_id_for(entries[-1].id)
    b = TopicBook(entries, (), [fact("pin", oldest, 200), fact("close", newest, 201)])
    views = topic_views(b)
    sec = section(discipline_sections(views), "politie")
    ids = shown_ids(sec)
    assert ids[0] == oldest and newest not in ids
    assert sec["topics"] == 7 and sec["more"] == 2 and sec["closed"] == 1
    full = next(s for s in full_list(views) if s["key"] == "politie")["topics"]
    assert len(full) == 8 and full[-1]["id"] == newest and full[-1]["closed"]


def test_confirmed_and_unconfirmed_kept_apart():
    entries = police_topics(2) + [entry(50, "Brand Havenkade", "brandweer",
                                        location="Havenkade", reliability="confirmed")]
    entries[0] = replace(entries[0], reliability="confirmed")
    sections = discipline_sections(topic_views(TopicBook(entries)))
    police = section(sections, "politie")
    assert [t["reliability"] for t in police["confirmed"]] == ["confirmed"]
    assert [t["reliability"] for t in police["unconfirmed"]] == ["hearsay"]
    assert len(section(sections, "brandweer")["confirmed"]) == 1


def test_unknown_discipline_and_none_go_to_overig_and_all_refuted_stay_out():
    entries = [entry(1, "Bericht op X", None, location="Markt"),
               entry(2, "Iets", "waterschap", location="Dijk"),
               entry(3, "NOS meldt een dode", None, location="Kerk", reliability="refuted")]
    sec = section(discipline_sections(topic_views(TopicBook(entries))), "overig")
    assert sec["topics"] == 2 and sec["refuted"] == 1


def test_changed_since():
    old = entry(1, "Groep bij de kiosk", location="Kiosk")
    grows = entry(30, "Groep bij de kiosk groeit", location="Kiosk")
    calm = entry(2, "Rustig bij het station", location="Station")
    confirmed_later = entry(3, "Brand Havenkade", "brandweer", location="Havenkade",
                            reliability="confirmed", first_confirmed_at=at(25),
                            last_confirmed_at=at(25), assessed_at=at(25))
    fresh = entry(40, "Stremming A12", location="A12")
    b = TopicBook([old, grows, calm, confirmed_later, fresh])
    since = at(20)
    changes = {c["id"]: c for c in changed_since(topic_views(b), b.entries, since)}
    assert set(changes["t-" + old.id]["reasons"]) == {"new_reports", "new_statement"}
    assert changes["t-" + old.id]["new_reports"] == 1
    assert changes["t-" + fresh.id]["reasons"] == ["new"]
    assert set(changes["t-" + confirmed_later.id]["reasons"]) == {"regraded",
                                                                 "newly_confirmed"}
    assert "t-" + calm.id not in changes


def test_changed_since_manual_acts():
    kiosk = entry(1, "Groep bij de kiosk", location="Kiosk")
    station = entry(2, "Rustig bij het station", location="Station")
    b = TopicBook([kiosk, station], (), [
        fact("statement", "t-" + kiosk.id, 30, text="Onrustig bij de kiosk"),
        fact("close", "t-" + station.id, 31)])
    changes = {c["id"]: c["reasons"] for c in changed_since(topic_views(b), b.entries, at(20))}
    assert changes == {"t-" + kiosk.id: ["new_statement"], "t-" + station.id: ["closed"]}
    assert changed_since(topic_views(b), b.entries, at(40)) == []
