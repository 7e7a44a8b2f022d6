from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from crisisconsole.domain.reliability import Reliability
from crisisconsole.interchange.cap_export import cap_time, entry_to_cap
from crisisconsole.interchange.cap_parse import parse_cap
from crisisconsole.interchange.cap_to_entry import alert_to_drafts

SENT = datetime(2026, 11, 29, 11, 30, 15, 123456, tzinfo=UTC)
ENTRY = {
    "text": "Rookpluim boven De Hoek.\nBewoners melden stankoverlast.",
    "occurred_at": datetime(2026, 11, 29, 11, 0, tzinfo=UTC),
    "source": "Brandweer Utrecht",
    "reliability": Reliability.CONFIRMED,
    "grade": "B2",
    "location": "Industrieterrein De Hoek",
    "lat": 52.09,
    "lon": 5.12,
    "discipline": "Brandweer",
}


def export(entry: dict, **kwargs: object) -> bytes:
    options = {"sender": "gemeente@utrecht.example.nl", "sent": SENT, "identifier": "CC-0001"}
    options.update(kwargs)
    return entry_to_cap(entry, **options)  # type: ignore[arg-type]


def test_cap_time_format() -> None:
    assert cap_time(SENT) == "2026-11-29T12:30:15+01:00"
    assert cap_time(datetime(2026, 7, 1, 0, 0, tzinfo=UTC)) == "2026-07-01T02:00:00+02:00"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", cap_time(SENT))


def test_round_trip_through_our_own_parser() -> None:
    alert = parse_cap(export(ENTRY))
    assert alert.version == "1.2"
    assert (alert.identifier, alert.sender) == ("CC-0001", "gemeente@utrecht.example.nl")
    assert alert.sent == SENT.replace(microsecond=0)
    assert (alert.status, alert.msg_type, alert.scope) == ("Actual", "Alert", "Restricted")
    (info,) = alert.infos
    assert info.language == "nl-NL"
    assert info.categories == ("Fire",)
    assert (info.urgency, info.severity, info.certainty) == ("Unknown", "Unknown", "Observed")
    assert info.onset == ENTRY["occurred_at"]
    assert info.headline == "Rookpluim boven De Hoek."
    assert info.description == ENTRY["text"]
    (area,) = info.areas
    assert area.area_desc == "Industrieterrein De Hoek"
    assert (area.circles[0].lat, area.circles[0].lon, area.circles[0].radius_km) == (
        52.09, 5.12, 0.0
    )
    (draft,) = alert_to_drafts(alert)
    assert draft.reliability is Reliability.CONFIRMED


def test_no_fractions_and_no_z_in_times() -> None:
    text = export(ENTRY).decode("utf-8")
    assert "<sent>2026-11-29T12:30:15+01:00</sent>" in text
    assert "Z<" not in text and ".123" not in text
    assert text.startswith("<?xml version='1.0' encoding='UTF-8'?>")
    assert 'xmlns="urn:oasis:names:tc:emergency:cap:1.2"' in text


@pytest.mark.parametrize(
    ("reliability", "original", "expected"),
    [
        (Reliability.CONFIRMED, None, "Observed"),
        (Reliability.HEARSAY, None, "Possible"),
        (Reliability.REFUTED, None, "Unlikely"),
        ("hearsay", "Likely", "Likely"),  # unchanged since a CAP import: keep the partner's word
        ("hearsay", "Very Likely", "Likely"),
        (Reliability.CONFIRMED, "Likely", "Observed"),  # confirmed since: the tag wins
        (Reliability.REFUTED, "Observed", "Unlikely"),
        ("nonsense", None, "Possible"),
    ],
)
def test_certainty(reliability: object, original: str | None, expected: str) -> None:
    entry = {**ENTRY, "reliability": reliability, "certainty": original}
    assert parse_cap(export(entry)).infos[0].certainty == expected


def test_exercise_public_and_minimal_entry() -> None:
    alert = parse_cap(export({"text": "Oefenmelding", "exercise": True}, scope="Public"))
    assert alert.status == "Exercise" and alert.scope == "Public"
    (info,) = alert.infos
    assert info.areas == () and info.onset is None and info.categories == ("Other",)
    assert info.event == "Melding"


def test_given_urgency_severity_category_are_kept() -> None:
    entry = {**ENTRY, "urgency": "Immediate", "severity": "Severe", "category": "Health"}
    info = parse_cap(export(entry)).infos[0]
    assert (info.urgency, info.severity, info.categories) == ("Immediate", "Severe", ("Health",))


def test_control_characters_and_markup_survive_safely() -> None:
    entry = {**ENTRY, "text": "Tekst met <tag> & \x07bel\x00 en 'quotes'", "headline": "x" * 300}
    info = parse_cap(export(entry)).infos[0]
    assert info.description == "Tekst met <tag> & bel en 'quotes'"
    assert len(info.headline) == 160 and info.headline.endswith("…")


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"identifier": "met spatie"}, "identifier"),
        ({"sender": "a,b"}, "sender"),
        ({"scope": "Iedereen"}, "scope"),
    ],
)
def test_bad_parameters_refused(kwargs: dict, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        export(ENTRY, **kwargs)


def test_empty_text_and_naive_sent_refused() -> None:
    with pytest.raises(ValueError, match="tekst"):
        export({**ENTRY, "text": "  "})
    with pytest.raises(ValueError, match="tijdzone"):
        export(ENTRY, sent=datetime(2026, 11, 29, 12, 0))


def test_validates_against_oasis_schema(cap12_schema) -> None:
    variants = [
        ENTRY,
        {"text": "Alleen tekst"},
        {**ENTRY, "exercise": True, "reliability": "refuted", "lat": None},
        {**ENTRY, "location": "", "text": "Zonder locatietekst <>&\x01"},
    ]
    for entry in variants:
        for scope in ("Restricted", "Public"):
            cap12_schema.validate(export(entry, scope=scope).decode("utf-8"))


def test_schema_check_can_fail(cap12_schema) -> None:
    bad = export(ENTRY).replace(b"<msgType>Alert</msgType>", b"<msgType>Alarm</msgType>")
    assert not cap12_schema.is_valid(bad.decode("utf-8"))
