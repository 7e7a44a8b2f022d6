from __future__ import annotations

from datetime import UTC, datetime

import pytest

from crisisconsole.domain.cards import (
    MAX_STATEMENT,
    BriefingQuestion,
    CardKind,
    FactChannel,
    FactInvalid,
    parse_channel,
    validate_card,
    validate_fact,
)
from crisisconsole.domain.reliability import Reliability
from crisisconsole.errors import ValidationError

STATEMENT = "Jan de Vries (1987) leidt de harde kern van de supportersgroep"

GOOD = dict(
    statement=STATEMENT,
    source_org="politie",
    channel="wpg16",
    legal_basis="Wet politiegegevens art. 16",
    purpose="handhaving openbare orde bij demonstratie",
    reliability=None,
    grade=None,
)


def refused(**overrides) -> FactInvalid:
    with pytest.raises(FactInvalid) as info:
        validate_fact(**{**GOOD, **overrides})
    message = str(info.value)
    assert "\n" not in message
    assert STATEMENT not in message and "Vries" not in message  # never personal data
    return info.value


def test_channel_values_are_exactly_the_agreed_five():
    assert [c.value for c in FactChannel] == [
        "wpg16", "wjsg39f", "own_observation", "open_source", "other",
    ]
    assert FactChannel.WPG16.legal_basis_hint == "Wet politiegegevens art. 16"
    assert "art. 39f" in FactChannel.WJSG39F.legal_basis_hint
    assert FactChannel.OPEN_SOURCE.legal_basis_hint is None
    assert FactChannel.OWN_OBSERVATION.label_nl == "Eigen waarneming"
    assert all(c.label_nl for c in FactChannel)


@pytest.mark.parametrize(
    ("typed", "channel"),
    [("wpg16", FactChannel.WPG16), ("Wpg 16", FactChannel.WPG16), ("WPG-art.16", FactChannel.WPG16),
     ("wjsg39f", FactChannel.WJSG39F), ("own_observation", FactChannel.OWN_OBSERVATION),
     ("eigen waarneming", FactChannel.OWN_OBSERVATION), ("open bron", FactChannel.OPEN_SOURCE),
     ("anders", FactChannel.OTHER)],
)
def test_parse_channel_accepts_typed_forms(typed, channel):
    assert parse_channel(typed) is channel


def test_parse_channel_empty_and_unknown():
    assert parse_channel("  ") is None
    with pytest.raises(ValueError) as info:
        parse_channel("telefoon van Piet")
    assert "Piet" not in str(info.value)


def test_a_complete_fact_is_normalised():
    fact = validate_fact(**{**GOOD, "statement": f"  {STATEMENT} ", "grade": "c3"})
    assert fact.statement == STATEMENT
    assert fact.channel is FactChannel.WPG16
    assert fact.reliability is Reliability.HEARSAY
    assert fact.grade == "C3"
    refuted = validate_fact(**{**GOOD, "reliability": "ontkracht"})
    assert refuted.reliability is Reliability.REFUTED


def test_the_example_message_names_channel_basis_and_purpose():
    error = refused(channel=None, legal_basis="", purpose="  ")
    assert "ontbreekt: kanaal, grondslag, doel" in str(error)
    assert error.missing == ("channel", "legal_basis", "purpose")
    assert error.invalid == ()


def test_every_missing_field_is_named_in_one_line(monkeypatch):
    from crisisconsole import i18n

    monkeypatch.setattr(i18n, "_language", "nl")
    error = refused(statement="", source_org=None, channel="", legal_basis=None, purpose=None)
    assert str(error) == "Niet opgeslagen, ontbreekt: bewering, bronorganisatie, kanaal, grondslag, doel"
    monkeypatch.setattr(i18n, "_language", "en")
    error = refused(statement="", source_org=None, channel="", legal_basis=None, purpose=None)
    assert str(error) == "Not saved, missing: statement, source organisation, channel, legal basis, purpose"


def test_missing_and_invalid_are_reported_together():
    error = refused(channel="fax", purpose=None, reliability="zeker", grade="Q9")
    assert error.missing == ("purpose",)
    assert error.invalid == ("channel", "reliability", "grade")
    assert "ontbreekt: doel; ongeldig: kanaal, betrouwbaarheid, beoordeling" in str(error)
    assert "Q9" not in str(error) and "fax" not in str(error)


def test_statement_too_long_is_invalid_without_quoting_it():
    long_statement = STATEMENT + "x" * MAX_STATEMENT
    error = refused(statement=long_statement)
    assert error.invalid == ("statement",)


def test_fact_invalid_is_a_value_error_with_the_validation_exit_code():
    error = refused(purpose=None)
    assert isinstance(error, ValueError) and isinstance(error, ValidationError)
    assert error.exit_code == 2


def test_card_kinds_and_questions_have_dutch_labels():
    assert [k.value for k in CardKind] == ["person", "organisation"]
    assert CardKind.ORGANISATION.label_nl == "Organisatie"
    assert [q.label_nl for q in BriefingQuestion] == [
        "Wie is het?", "Waar komt hij/zij vandaan?", "Achtergrond", "Te verwachten acties",
    ]


def test_validate_card():
    now = datetime(2026, 11, 29, tzinfo=UTC)
    card = validate_card("  Jan de Vries ", None, 1987, now)
    assert (card.name, card.kind, card.year_of_birth) == ("Jan de Vries", CardKind.PERSON, 1987)
    assert validate_card("FC Noord", "Organisation").kind is CardKind.ORGANISATION
    cases = [
        (dict(name=" "), ("name",), ()),
        (dict(name="Jan", kind="groep"), (), ("kind",)),
        (dict(name="Jan", year_of_birth=2027, now=now), (), ("year_of_birth",)),
        (dict(name="Jan", year_of_birth=1850), (), ("year_of_birth",)),
        (dict(name="FC Noord", kind="organisation", year_of_birth=1990), (), ("year_of_birth",)),
    ]
    for kwargs, missing, invalid in cases:
        with pytest.raises(FactInvalid) as info:
            validate_card(**kwargs)
        assert (info.value.missing, info.value.invalid) == (missing, invalid)
        assert "Jan" not in str(info.value) and "Noord" not in str(info.value)
