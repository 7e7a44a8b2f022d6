"""The gazetteer replayed from its facts: add, alias, correct and remove in order; a fact that
no longer fits is skipped and reported, never an error."""

from datetime import UTC, datetime

from crisisconsole.domain.geo import LatLon
from crisisconsole.domain.place_facts import PlaceFact, replay

T = datetime(2026, 12, 1, 12, tzinfo=UTC)
STATION = LatLon(51.8332, 5.5520)
MARKT = LatLon(51.84, 5.55)


def fact(n, place_id, kind, **kw):
    return PlaceFact(f"f{n}", place_id, kind, T, "aide", **kw)


def test_add_alias_correct_remove():
    book = replay([
        fact(1, "p1", "add", name="Station Waalbergen", geometry=STATION),
        fact(2, "p2", "add", name="Marktplein", geometry=MARKT, aliases=("Markt",)),
        fact(3, "p1", "alias", aliases=("NS-station",)),
        fact(4, "p2", "correct", geometry=LatLon(51.8401, 5.5501), reason="typo"),
    ])
    assert book.find("ns station").place.name == "Station Waalbergen"
    assert book.find("markt").place.position == LatLon(51.8401, 5.5501)
    assert book.find("Marktplein").facts == 2
    assert book.gazetteer.match("Bij de Markt, niveau -1").place.name == "Marktplein"
    book.apply(fact(5, "p2", "remove"))
    assert book.find("Markt") is None and len(book.gazetteer) == 1
    assert book.skipped == []


def test_a_fact_that_no_longer_fits_is_skipped():
    book = replay([
        fact(1, "p1", "add", name="Stationsplein", geometry=STATION),
        fact(2, "p2", "add", name="STATIONSPLEIN", geometry=MARKT),  # same name key
        fact(3, "p9", "alias", aliases=("x",)),  # no such place
    ])
    assert [f for f, _ in book.skipped] == ["f2", "f3"]
    assert "already exists" in book.skipped[0][1] or "bestaat al" in book.skipped[0][1]
    assert book.find("Stationsplein").place.position == STATION
