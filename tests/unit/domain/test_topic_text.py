"""Normalised places and text similarity for the topic grouping."""

import pytest

from crisisconsole.domain.topic_text import (
    SIMILAR,
    content_words,
    location_key,
    signature,
    similarity,
)


@pytest.mark.parametrize(("a", "b"), [
    ("Parkeergarage Markt", "parkeergarage markt"),
    ("Parkeergarage Markt", "  PARKEERGARAGE  markt. "),
    ("Stationsplein", "Stationsplein,"),
    ("Marktplein 12", "Marktplein"),
    ("Marktplein 12a", "marktplein"),
    ("Geïnformeerd-straat", "geinformeerd straat"),
    ("Sint-Jansstraat", "sint jansstraat"),
])
def test_same_place(a, b):
    assert location_key(a) == location_key(b) is not None


@pytest.mark.parametrize(("a", "b"), [
    ("A12", "A1"),
    ("A12", "A"),
    ("Marktplein", "Parkeergarage Markt"),
    ("Stationsplein", "Stationsweg"),
])
def test_different_places(a, b):
    assert location_key(a) != location_key(b)


def test_no_place():
    assert location_key(None) is None
    assert location_key("  ,. ") is None


def test_counts_are_masked_and_function_words_dropped():
    a = signature("Cameratoezicht Parkeergarage Markt: groep van ca. 49 personen")
    b = signature("Cameratoezicht Parkeergarage Markt: groep van ca. 34 personen")
    assert a == b
    assert "van" not in a.words and "49" not in a.content
    assert {"parkeergarage", "markt"} <= a.names and "cameratoezicht" not in a.names


def test_road_numbers_are_names_but_times_are_not_words():
    sig = signature("Stremming A12 sinds 21:45, 2x aanrijding")
    assert "a12" in sig.names
    assert not any(ch.isdigit() for w in sig.words - {"a12"} for ch in w)


@pytest.mark.parametrize(("a", "b"), [
    ("Stremming A12 richting Arnhem na ongeval", "Stremming A12 opgeheven, verkeer rijdt weer"),
    ("Brand Industrieweg, 2 TS ter plaatse", "Grote brand Industrieweg, uitslaand"),
    ("Groep van ca. 49 personen bij de kiosk", "groep van ca. 34 personen bij de kiosk"),
])
def test_similar_subjects(a, b):
    assert similarity(signature(a), signature(b)) >= SIMILAR


@pytest.mark.parametrize(("a", "b"), [
    # Same words, different named places: not one subject.
    ("Cameratoezicht Brugstraat: groep van ca. 20 personen",
     "Cameratoezicht Havenkade: groep van ca. 20 personen"),
    # One common word is not enough.
    ("Brand", "Brand in scooter"),
    ("Containerbrand Stationsweg", "Woningbrand Havenkade"),
    ("Ambulance ingezet", "ME ingezet bij de kiosk"),
])
def test_not_similar(a, b):
    assert similarity(signature(a), signature(b)) < SIMILAR


def test_content_words_keep_order():
    assert content_words("Groep jongeren met bivakmutsen richting Havenkade") == [
        "groep", "jongeren", "bivakmutsen", "richting", "havenkade"]
