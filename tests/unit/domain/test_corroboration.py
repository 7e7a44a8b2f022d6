from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from crisisconsole.domain.corroboration import (
    Candidate,
    distance_km,
    normalise_text,
    suggest,
    text_score,
)

T0 = datetime(2026, 11, 29, 10, 0, tzinfo=UTC)


def cand(id_: str, text: str, source: str, minutes: int = 0, **kwargs: object) -> Candidate:
    return Candidate(id_, text, source, T0 + timedelta(minutes=minutes), **kwargs)  # type: ignore[arg-type]


NEW = cand("new", "Brand in de kerk aan de Dorpsstraat!", "Politie", 0)


def test_normalise_text() -> None:
    assert normalise_text("  Brand!!  in het  CAFÉ — ‘De Brug’\n") == "brand in het cafe de brug"
    assert normalise_text("Ruïne_straat 5a") == "ruine straat 5a"
    assert normalise_text("...") == ""


def test_text_score_rewards_rephrasing_not_single_words() -> None:
    rephrased = text_score(
        normalise_text("Brand in de kerk aan de Dorpsstraat"),
        normalise_text("Kerk Dorpsstraat staat in brand"),
    )
    single_word = text_score("brand", normalise_text("Brand in de kerk aan de Dorpsstraat"))
    assert rephrased >= 70 > single_word
    assert text_score("", "brand") == 0.0


def test_other_source_similar_text_corroborates() -> None:
    (suggestion,) = suggest(NEW, [cand("a", "Kerk Dorpsstraat staat in brand", "Brandweer", -20)])
    assert suggestion.other_id == "a" and suggestion.kind == "corroborates"
    assert 70 <= suggestion.score < 95
    assert "Andere bron" in suggestion.reason_nl and "20 min" in suggestion.reason_nl
    assert "locatie onbekend" in suggestion.reason_nl
    # the reason never quotes texts or sources
    assert "Brandweer" not in suggestion.reason_nl and "kerk" not in suggestion.reason_nl.lower()


def test_same_source_near_identical_is_duplicate() -> None:
    (suggestion,) = suggest(NEW, [cand("d", "brand in de kerk aan de dorpsstraat", "politie ", 3)])
    assert suggestion.kind == "duplicate" and suggestion.score >= 95
    assert "Zelfde bron" in suggestion.reason_nl


def test_same_source_similar_but_not_identical_is_nothing() -> None:
    assert suggest(NEW, [cand("s", "Kerk Dorpsstraat staat in brand", "Politie", -5)]) == []


def test_other_source_identical_text_warns_about_independence() -> None:
    (suggestion,) = suggest(NEW, [cand("c", "Brand in de kerk aan de Dorpsstraat", "Omroep", 1)])
    assert suggestion.kind == "corroborates"
    assert "onafhankelijk" in suggestion.reason_nl


def test_time_window() -> None:
    other = cand("late", "Kerk Dorpsstraat staat in brand", "Brandweer", 121)
    assert suggest(NEW, [other]) == []
    assert len(suggest(NEW, [other], window=timedelta(hours=3))) == 1


def test_dissimilar_text_is_ignored_and_threshold_is_a_parameter() -> None:
    other = cand("x", "Auto te water bij de brug", "Brandweer", 5)
    assert suggest(NEW, [other]) == []
    assert suggest(NEW, [other], threshold=10)[0].other_id == "x"


def test_coordinates_far_apart_block_and_close_allow() -> None:
    new = cand("n", "Rook boven industrieterrein De Hoek", "Burger", 0, lat=52.09, lon=5.12)
    near = cand("near", "Veel rook gezien bij industrieterrein De Hoek", "Politie", 10,
                lat=52.095, lon=5.125)
    far = cand("far", "Veel rook gezien bij industrieterrein De Hoek", "GGD", 10,
               lat=52.37, lon=4.89)
    (suggestion,) = suggest(new, [near, far])
    assert suggestion.other_id == "near"
    assert "km uit elkaar" in suggestion.reason_nl and "0,7 km" in suggestion.reason_nl


def test_location_text_must_be_similar_when_both_given() -> None:
    new = cand("n", "Wateroverlast in kelder", "Burger", 0, location="Dorpsstraat 5, Zeist")
    same = cand("s", "Kelder ondergelopen wateroverlast", "Politie", 10, location="Dorpsstraat Zeist")
    other = cand("o", "Kelder ondergelopen wateroverlast", "GGD", 10, location="Marktplein Houten")
    (suggestion,) = suggest(new, [same, other])
    assert suggestion.other_id == "s" and "vergelijkbare locatie" in suggestion.reason_nl


def test_ordering_and_self_is_skipped() -> None:
    recent = [
        NEW,
        cand("b", "Kerk Dorpsstraat staat in brand", "Brandweer", -30),
        cand("a", "Brand in de kerk aan de Dorpsstraat", "Omroep", -60),
    ]
    assert [s.other_id for s in suggest(NEW, recent)] == ["a", "b"]
    assert suggest(cand("e", "!!!", "A"), recent) == []


def test_distance_km() -> None:
    assert distance_km(52.0, 5.0, 52.0, 5.0) == 0.0
    assert distance_km(52.3676, 4.9041, 52.0907, 5.1214) == pytest.approx(34.4, abs=0.5)
