from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from crisisconsole.domain.reliability import Reliability
from crisisconsole.interchange.cap_model import CapAlert, CapArea, CapCircle, CapInfo
from crisisconsole.interchange.cap_parse import CapRefused, parse_cap, parse_cap_container
from crisisconsole.interchange.cap_to_entry import MAX_TEXT_CHARS, alert_key, alert_to_drafts

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "cap"
SENT = datetime(2026, 11, 29, 9, 0, tzinfo=UTC)


def load(name: str) -> CapAlert:
    return parse_cap((FIXTURES / name).read_bytes())


def make_alert(*infos: CapInfo, sender: str = "a@example.nl") -> CapAlert:
    return CapAlert(
        identifier="ID-1", sender=sender, sent=SENT, sent_text="2026-11-29T10:00:00+01:00",
        status="Actual", msg_type="Alert", scope="Public", infos=infos,
    )


def test_alert_key_is_the_references_triple() -> None:
    assert alert_key(load("valid_12.cap")) == (
        "meldkamer@vru.example.nl,VRU-2026-0001,2026-11-29T09:00:00+00:00"
    )


def test_each_info_block_becomes_a_draft() -> None:
    first, second = alert_to_drafts(load("valid_12.cap"))
    assert first.source == "Veiligheidsregio Utrecht"
    assert first.channel == "CAP meldkamer@vru.example.nl"
    assert first.occurred_at == datetime(2026, 11, 29, 8, 45, tzinfo=UTC)  # onset
    assert first.reliability is Reliability.CONFIRMED and first.certainty == "Observed"
    assert first.location == "Industrieterrein De Hoek"
    assert (first.lat, first.lon) == (52.09, 5.12)  # circle centre
    assert first.text == (
        "Grote brand in loods\n\nBrand in een loods op het industrieterrein.\nVeel rook."
        "\n\nHoud ramen en deuren gesloten."
    )
    assert (first.severity, first.urgency, first.event) == ("Severe", "Immediate", "Grote brand")
    assert first.categories == ("Fire", "Safety")
    assert first.language == "nl-NL"
    assert first.external_key == f"{alert_key(load('valid_12.cap'))}#0"
    assert first.msg_type == "Alert" and first.references == ()
    assert first.expires == datetime(2026, 11, 29, 17, 0, tzinfo=UTC)
    # second block: no senderName -> alert sender; effective time; polygon centroid
    assert second.source == "meldkamer@vru.example.nl"
    assert second.occurred_at == datetime(2026, 11, 29, 8, 50, tzinfo=UTC)
    assert second.reliability is Reliability.HEARSAY and second.certainty == "Likely"
    assert second.location == "Industrial estate De Hoek; Utrecht"
    assert second.lat == pytest.approx(52.1) and second.lon == pytest.approx(5.1)
    assert second.info_index == 1 and second.external_key.endswith("#1")


def test_occurred_at_falls_back_to_sent() -> None:
    (draft,) = alert_to_drafts(make_alert(CapInfo(event="Storm", headline="Storm")))
    assert draft.occurred_at == SENT
    assert draft.lat is None and draft.lon is None and draft.location is None


def test_update_carries_reference_keys_matching_the_original() -> None:
    (draft,) = alert_to_drafts(load("update.cap"))
    assert draft.msg_type == "Update"
    assert draft.references == (alert_key(load("valid_12.cap")),)


def test_cancel_without_infos_gives_no_drafts() -> None:
    assert alert_to_drafts(load("cancel.cap")) == []


def test_exercise_flag_and_legacy_certainty() -> None:
    (draft,) = alert_to_drafts(load("valid_11.cap"))
    assert draft.is_exercise and draft.status == "Exercise"
    assert draft.reliability is Reliability.HEARSAY and draft.certainty == "Very Likely"
    assert draft.text == "Windstoten tot 100 km/u."


def test_text_falls_back_to_event_and_is_capped() -> None:
    (bare,) = alert_to_drafts(make_alert(CapInfo(event="Overstroming")))
    assert bare.text == "Overstroming"
    (nothing,) = alert_to_drafts(make_alert(CapInfo()))
    assert nothing.text == "CAP-bericht (Alert)"
    (long,) = alert_to_drafts(make_alert(CapInfo(description="x" * 30_000)))
    assert len(long.text) == MAX_TEXT_CHARS


def test_polygon_before_circle_and_unclosed_polygon_centroid() -> None:
    info = CapInfo(
        areas=(
            CapArea("cirkel", circles=(CapCircle(10.0, 10.0, 1.0),)),
            CapArea("veelhoek", polygons=(((0.0, 0.0), (0.0, 3.0), (3.0, 0.0)),)),
        )
    )
    (draft,) = alert_to_drafts(make_alert(info))
    assert (draft.lat, draft.lon) == (1.0, 1.0)
    assert draft.location == "cirkel; veelhoek"


def _corpus_drafts(cap_corpus: Path) -> list:
    drafts = []
    for path in sorted(cap_corpus.rglob("*.cap")) + sorted(cap_corpus.rglob("*.edxlde")):
        try:
            alerts = parse_cap_container(path.read_bytes())
        except CapRefused:
            continue
        for alert in alerts:
            drafts.extend(alert_to_drafts(alert))
    return drafts


def test_corpus_drafts(cap_corpus: Path) -> None:
    drafts = _corpus_drafts(cap_corpus)
    assert len(drafts) >= 20
    for draft in drafts:
        assert draft.text and draft.source and draft.occurred_at.tzinfo is UTC
        assert len(draft.text) <= MAX_TEXT_CHARS
        if draft.lat is not None:
            assert -90 <= draft.lat <= 90 and -180 <= draft.lon <= 180
    assert any(d.lat is not None for d in drafts)
    assert any(d.msg_type == "Update" and d.references for d in drafts)


def test_corpus_keys_are_stable_for_reimport(cap_corpus: Path) -> None:
    first = [d.external_key for d in _corpus_drafts(cap_corpus)]
    second = [d.external_key for d in _corpus_drafts(cap_corpus)]
    assert first == second
    # within one alert every info block has its own key
    canada = parse_cap((cap_corpus / "testdata" / "canada.cap").read_bytes())
    keys = [d.external_key for d in alert_to_drafts(canada)]
    assert len(keys) == len(set(keys)) == 2


def test_headline_that_begins_the_description_is_said_once() -> None:
    """Issue 15: our export's headline is the text's first line; the import doubled it."""
    said_once = make_alert(CapInfo(headline="Brand in loods",
                                   description="Brand in loods aan de Kade. Rook richting dorp."))
    assert alert_to_drafts(said_once)[0].text == "Brand in loods aan de Kade. Rook richting dorp."
    cut = make_alert(CapInfo(headline="Brand in loods aan de…",
                             description="Brand in loods aan de Kade."))
    assert alert_to_drafts(cut)[0].text == "Brand in loods aan de Kade."
    other = make_alert(CapInfo(headline="Grote brand", description="Loods aan de Kade."))
    assert alert_to_drafts(other)[0].text == "Grote brand\n\nLoods aan de Kade."


def test_our_parameters_give_source_grade_discipline_and_entry() -> None:
    info = CapInfo(sender_name="Gemeente Waalbergen", description="Rellen",
                   parameters=(("bron", "politie"), ("beoordeling", "B2"),
                               ("discipline", "politie"), ("crisisconsole-melding", "e-1"),
                               ("other", "x")))
    draft = alert_to_drafts(make_alert(info))[0]
    assert (draft.source, draft.grade, draft.discipline, draft.partner_entry) == (
        "politie", "B2", "politie", "e-1")
    plain = alert_to_drafts(make_alert(CapInfo(sender_name="VRU", description="x")))[0]
    assert (plain.source, plain.grade, plain.partner_entry) == ("VRU", None, None)


def test_parameters_are_parsed_from_the_file() -> None:
    data = (FIXTURES / "valid_12.cap").read_bytes().replace(
        b"</description>", b"</description><parameter><valueName>bron</valueName>"
        b"<value>brandweer</value></parameter>", 1)
    alert = parse_cap(data)
    assert alert.infos[0].parameter("bron") == "brandweer"
    assert alert_to_drafts(alert)[0].source == "brandweer"
