"""Counts in Dutch report texts and the trend of a topic's counts."""

from datetime import timedelta

import pytest
from topic_helpers import T0

from crisisconsole.domain.numbers_trend import counts, trend


def pairs(text):
    return [(c.value, c.unit) for c in counts(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Cameratoezicht Parkeergarage Markt: groep van ca. 49 personen", [(49, "persoon")]),
    ("±50 supporters bij de kiosk", [(50, "supporters")]),
    ("+/- 50 supporters", [(50, "supporters")]),
    ("~ 30 jongeren", [(30, "jongeren")]),
    ("circa 30 man", [(30, "man")]),
    ("Circa 40 personen", [(40, "persoon")]),
    ("3 gewonden", [(3, "gewonde")]),
    ("1 gewonde", [(1, "gewonde")]),
    ("23 aanhoudingen tot nu toe", [(23, "aanhouding")]),
    ("1.500 bezoekers", [(1500, "bezoekers")]),
    ("30 à 40 personen", [(35, "persoon")]),
    ("Ambulance ingezet Brugstraat, 3 patiënt(en)", [(3, "patient")]),
    ("twee aanhoudingen", [(2, "aanhouding")]),
    ("7 gewonden, waarvan 2 naar Radboudumc (1 agent)", [(7, "gewonde"), (1, "agent")]),
    ("1,5 km file", [(1.5, "km")]),
])
def test_counts(text, expected):
    assert pairs(text) == expected


@pytest.mark.parametrize("text", [
    "Om 21:45 gezien",
    "NS bevestigt: geen treinen tot 22.00 uur",
    "Oproep om 21.00 uur 'af te rekenen'",
    "Stremming A12 bij Ede",
    "N325 dicht",
    "Marktplein 12 geplunderd",
    "Winkel aan de Lange Kerkstraat 5",
    "Melding 3-12-2026 binnengekomen",
    "Gezien op 3 december",
    "Wedstrijd afgelopen, 2-3 voor Rivierstad",
    "Postcode 6511 AB",
    "Lijn 4 rijdt niet",
    "De 2e melding",
    "hmp 45,3 links",
    "over 10 minuten",
])
def test_not_counts(text):
    assert pairs(text) == []


def reports(*texts):
    return [(T0 + timedelta(minutes=i), f"e{i}", t) for i, t in enumerate(texts)]


def test_rising_crowd_like_the_demo():
    result = trend(reports("groep van ca. 49 personen", "groep van ca. 34 personen",
                           "groep van ca. 52 personen"))
    assert result.direction == "rising" and result.unit == "persoon"
    assert result.values == (49, 34, 52)
    assert result.as_json() == {"direction": "rising", "unit": "persoon",
                                "values": [49, 34, 52]}


def test_falling_steady_none():
    assert trend(reports("60 personen", "30 personen")).direction == "falling"
    assert trend(reports("50 personen", "52 personen")).direction == "steady"
    assert trend(reports("50 personen")).direction == "none"
    assert trend(reports("Brand geblust", "Rook trekt weg")).direction == "none"
    assert trend([]).direction == "none"


def test_trend_follows_time_not_input_order():
    items = reports("10 personen", "20 personen", "40 personen")
    assert trend(list(reversed(items))).direction == "rising"


def test_trend_takes_the_unit_most_reports_count():
    result = trend(reports("3 gewonden, 40 personen", "5 gewonden", "4 gewonden, 10 personen"))
    assert result.unit == "gewonde" and result.values == (3, 5, 4)
    assert result.direction == "falling"
