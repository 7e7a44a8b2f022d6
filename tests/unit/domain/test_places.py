"""The gazetteer: names, aliases, duplicate refusal and matching a location text (issue 18)."""

import pytest

from crisisconsole.domain.geo import LatLon, MultiPolygon, Polygon
from crisisconsole.domain.places import (
    Gazetteer,
    PlaceInvalid,
    make_place,
    name_key,
    words,
)

MARKT = LatLon(51.8400, 5.5500)
GARAGE = LatLon(51.8394, 5.5483)
STATION = LatLon(51.8337, 5.5517)


@pytest.fixture
def gazetteer():
    return Gazetteer([
        make_place("Markt", MARKT),
        make_place("Marktplein", LatLon(51.8401, 5.5501), ["Grote Markt"]),
        make_place("Parkeergarage Markt", GARAGE, ["P-Markt"]),
        make_place("Stationsplein", STATION, ["Stationsplein Waalbergen"]),
        make_place("Lange Kerkstraat", LatLon(51.8403, 5.5440)),
        make_place("Brugstraat", LatLon(51.8370, 5.5505)),
        make_place("Café De Waalkant", LatLon(51.8410, 5.5300)),
    ])


def test_words_drop_diacritics_case_and_punctuation():
    assert words("  Café  de Wáálkant, (noord)! ") == ["cafe", "de", "waalkant", "noord"]
    assert name_key("STATIONS-PLEIN") == name_key("stationsplein ") == "stationsplein"


@pytest.mark.parametrize("text", ["Stationsplein", "stationsplein ", "STATIONSPLEIN",
                                  "Stations-plein", "Stationsplein.", "bij het Stationsplein",
                                  "Stationsplein Waalbergen"])
def test_spellings_of_stationsplein_match(gazetteer, text):
    assert gazetteer.match(text).place.name == "Stationsplein"


def test_station_plein_with_a_missing_linking_s_does_not_match(gazetteer):
    # A decided rule: no fuzzy matching ("Brugstraat" is not "Burgstraat"); aliases cover it.
    assert gazetteer.match("Station Plein") is None
    assert gazetteer.match("Burgstraat") is None


def test_diacritics_insensitive(gazetteer):
    assert gazetteer.match("cafe de waalkant").place.name == "Café De Waalkant"
    assert gazetteer.match("CAFÉ DE WAALKANT").place.name == "Café De Waalkant"


def test_joined_and_split_words_meet(gazetteer):
    assert gazetteer.match("Langekerkstraat 4").place.name == "Lange Kerkstraat"


def test_most_specific_match_wins(gazetteer):
    assert gazetteer.match("Parkeergarage Markt, niveau -1").place.name == "Parkeergarage Markt"
    assert gazetteer.match("P-Markt").place.name == "Parkeergarage Markt"
    assert gazetteer.match("op de Markt").place.name == "Markt"


def test_whole_words_only(gazetteer):
    # "Marktplein 12" names the Marktplein; "Markt" inside "Marktplein" is not a match.
    hit = gazetteer.match("Marktplein 12")
    assert hit.place.name == "Marktplein" and not hit.alternatives
    assert gazetteer.match("Marktkraam") is None


def test_equally_long_names_take_the_first_and_report_the_other(gazetteer):
    hit = gazetteer.match("hoek Brugstraat / Marktplein")
    assert hit.place.name == "Brugstraat"
    assert [p.name for p in hit.alternatives] == ["Marktplein"]


def test_no_place_named(gazetteer):
    assert gazetteer.match("") is None
    assert gazetteer.match(None) is None
    assert gazetteer.match("ergens in de stad") is None


def test_an_entry_with_its_own_coordinates_keeps_them(gazetteer):
    own = LatLon(51.85, 5.56)
    position = gazetteer.position_for("Stationsplein", own)
    assert position.point == own and position.source == "own" and position.place is None


def test_an_entry_takes_the_position_of_its_place(gazetteer):
    position = gazetteer.position_for("Parkeergarage Markt")
    assert position.point == GARAGE and position.source == "place"
    assert position.place.name == "Parkeergarage Markt"
    assert gazetteer.position_for("onbekend") is None


@pytest.mark.parametrize("name", ["markt", "MARKT ", "Markt.", "P Markt", "grote-markt"])
def test_duplicate_names_after_normalisation_are_refused(gazetteer, name):
    with pytest.raises(PlaceInvalid, match="bestaat al"):
        gazetteer.adding([make_place(name, MARKT)])
    assert len(gazetteer) == 7  # unchanged


def test_an_alias_may_not_be_another_place_name(gazetteer):
    with pytest.raises(PlaceInvalid, match="Brugstraat"):
        gazetteer.adding([make_place("Brug", MARKT, ["Brugstraat"])])


def test_make_place_tidies_and_refuses():
    place = make_place("  Het   Plein ", MARKT, ["het plein", "Plein", "plein", ""][:3])
    assert place.name == "Het Plein" and place.aliases == ("Plein",)
    for bad in ("", "   ", "--", "x" * 201, "Markt\x00plein"):
        with pytest.raises(PlaceInvalid):
            make_place(bad, MARKT)


def test_a_single_alias_given_as_text_is_one_alias():
    assert make_place("Station Waalbergen", STATION, "Station").aliases == ("Station",)


def test_area_place_position_lies_inside():
    ring = (LatLon(51.0, 5.0), LatLon(51.0, 5.02), LatLon(51.02, 5.02), LatLon(51.02, 5.0),
            LatLon(51.0, 5.0))
    place = make_place("Binnenstad", MultiPolygon((Polygon(ring),)))
    assert place.is_area
    assert abs(place.position.lat - 51.01) < 1e-9 and abs(place.position.lon - 5.01) < 1e-9


def test_lookup_by_any_spelling(gazetteer):
    assert gazetteer.get("grote markt").name == "Marktplein"
    assert gazetteer.get("Nergens") is None
