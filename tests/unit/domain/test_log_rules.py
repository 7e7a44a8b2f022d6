from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from crisisconsole.domain.log_rules import (
    DISCIPLINES,
    FUTURE_TOLERANCE,
    LATE_ENTRY_THRESHOLD,
    MAX_ATTACHMENT_BYTES,
    MAX_TEXT,
    SOURCE_ORGS,
    EntryInvalid,
    SourceOrg,
    check_coordinates,
    check_source_org,
    format_source,
    is_late,
    late_threshold_from_minutes,
    source_label,
    validate_entry,
)
from crisisconsole.domain.reliability import Reliability
from crisisconsole.errors import ValidationError

NOW = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)


def valid(**overrides):
    args = dict(
        text="Groep van 40 personen bij het station",
        source="politie",
        occurred_at=NOW - timedelta(minutes=10),
        now=NOW,
        grade_text=None,
        reliability_text=None,
    )
    args.update(overrides)
    return validate_entry(**args)


def refused(**overrides) -> EntryInvalid:
    with pytest.raises(EntryInvalid) as info:
        valid(**overrides)
    message = str(info.value)
    assert "\n" not in message and message.strip() == message
    return info.value


def test_a_plain_entry_defaults_to_hearsay_without_grade():
    entry = valid()
    assert entry.reliability is Reliability.HEARSAY
    assert entry.grade is None
    assert entry.text == "Groep van 40 personen bij het station"
    assert entry.occurred_at == NOW - timedelta(minutes=10)


def test_occurred_at_defaults_to_now_and_is_normalised_to_utc():
    assert valid(occurred_at=None).occurred_at == NOW
    local = datetime(2026, 11, 29, 12, 50, tzinfo=ZoneInfo("Europe/Amsterdam"))
    entry = valid(occurred_at=local)
    assert entry.occurred_at == datetime(2026, 11, 29, 11, 50, tzinfo=UTC)
    assert entry.occurred_at.tzinfo is UTC


def test_text_is_stripped_and_grade_normalised():
    entry = valid(text="  melding  \n", grade_text=" b2 ")
    assert entry.text == "melding"
    assert entry.grade == "B2"


@pytest.mark.parametrize("text", ["", "   ", "\n\t", None])
def test_empty_text_is_refused(text):
    error = refused(text=text)
    assert error.field == "text"
    assert str(error).startswith("De melding is leeg")


def test_text_at_the_limit_passes_and_one_over_is_refused():
    assert len(valid(text="x" * MAX_TEXT).text) == MAX_TEXT
    error = refused(text="x" * (MAX_TEXT + 1))
    assert error.field == "text"
    assert "20.000" in str(error) and "20.001" in str(error)


def test_future_tolerance_is_five_minutes_inclusive():
    assert FUTURE_TOLERANCE == timedelta(minutes=5)
    assert valid(occurred_at=NOW + timedelta(minutes=5)).occurred_at == NOW + timedelta(minutes=5)
    error = refused(occurred_at=NOW + timedelta(minutes=5, seconds=1))
    assert error.field == "occurred_at"
    assert "toekomst" in str(error)


def test_naive_time_is_refused():
    assert refused(occurred_at=datetime(2026, 11, 29, 11, 0)).field == "occurred_at"


@pytest.mark.parametrize("grade", ["G2", "B7", "BB", "2B", "B 2 x", "A0"])
def test_unknown_grade_is_refused_without_echoing_it(grade):
    error = refused(grade_text=grade)
    assert error.field == "grade"
    assert grade not in str(error)


def test_unknown_reliability_is_refused():
    assert refused(reliability_text="misschien").field == "reliability"


@pytest.mark.parametrize("source", [None, "", "  "])
def test_missing_source_is_refused(source):
    error = refused(source=source)
    assert error.field == "source"
    assert str(error).startswith("Bron ontbreekt")


def test_source_is_checked_against_the_list_only_when_given():
    assert valid(source="buurtapp").source == "buurtapp"
    known = {org.id for org in SOURCE_ORGS}
    assert valid(source="brandweer", known_sources=known).source == "brandweer"
    assert refused(source="buurtapp", known_sources=known).field == "source"


def test_confirmed_needs_a_named_source_or_corroborating_entry():
    error = refused(reliability_text="confirmed")
    assert error.field == "confirmed_by"
    assert refused(reliability_text="confirmed", confirmed_by="  ").field == "confirmed_by"
    entry = valid(reliability_text="bevestigd", confirmed_by="OvD politie")
    assert entry.reliability is Reliability.CONFIRMED
    assert entry.confirmed_by == "OvD politie"
    other = valid(reliability_text="confirmed", corroborating_entry_id="e-2")
    assert other.corroborating_entry_id == "e-2"


def test_hearsay_drops_a_confirming_source_that_would_mislead():
    entry = valid(confirmed_by="OvD politie")
    assert entry.reliability is Reliability.HEARSAY
    assert entry.confirmed_by is None


def test_a_new_entry_cannot_be_refuted():
    assert refused(reliability_text="refuted", confirmed_by="politie").field == "reliability"


def test_attachment_over_the_limit_is_refused_and_names_which():
    assert MAX_ATTACHMENT_BYTES == 10 * 1024 * 1024
    assert valid(attachment_sizes=[1, MAX_ATTACHMENT_BYTES]).text
    error = refused(attachment_sizes=[10, MAX_ATTACHMENT_BYTES + 1])
    assert error.field == "attachments"
    assert "Bijlage 2" in str(error)
    assert refused(attachment_sizes=[500], max_attachment_bytes=100).field == "attachments"


def test_discipline_must_be_known():
    assert valid(discipline="bevolkingszorg").discipline == "bevolkingszorg"
    assert valid(discipline=None).discipline is None
    assert refused(discipline="marine").field == "discipline"


def test_entry_invalid_is_both_a_value_error_and_a_user_facing_validation_error():
    error = refused(text="")
    assert isinstance(error, ValueError)
    assert isinstance(error, ValidationError)
    assert error.exit_code == 2
    assert error.message == str(error)


def test_is_late_uses_a_strict_threshold():
    happened = NOW - timedelta(hours=1)
    assert LATE_ENTRY_THRESHOLD == timedelta(minutes=30)
    assert not is_late(happened, happened + timedelta(minutes=30))
    assert is_late(happened, happened + timedelta(minutes=30, seconds=1))
    assert not is_late(happened, happened + timedelta(minutes=50), timedelta(hours=1))
    assert not is_late(NOW + timedelta(minutes=2), NOW)  # typed before it "happened": skew


def test_late_threshold_setting():
    assert late_threshold_from_minutes(45) == timedelta(minutes=45)
    for bad in (0, -5, True):
        with pytest.raises(EntryInvalid):
            late_threshold_from_minutes(bad)


def test_default_lists_hold_the_agreed_ids():
    assert [o.id for o in SOURCE_ORGS] == [
        "politie", "brandweer", "ghor", "gemeente", "om", "riec", "veiligheidsregio", "media",
        "social_media", "burger", "other",
    ]
    assert [o.id for o in SOURCE_ORGS if o.has_department] == ["gemeente"]
    assert [d.id for d in DISCIPLINES] == [
        "politie", "brandweer", "ghor", "bevolkingszorg", "communicatie", "gemeente", "om",
    ]
    assert source_label("ghor") == "GHOR/ambulancezorg"
    assert source_label("oud_id") == "oud_id"


def test_format_source_joins_department_and_person():
    assert format_source("gemeente", "Openbare orde", "J. Jansen") == (
        "Gemeente – Openbare orde (J. Jansen)"
    )
    assert format_source("politie", " ", None) == "Politie"


def test_user_added_source_orgs_are_checked():
    assert check_source_org("buurtapp", "Buurtapp") == SourceOrg("buurtapp", "Buurtapp")
    for source_id, label in [("Buurt App", "x"), ("", "x"), ("ok", " "), ("politie", "P"),
                             ("pol2", "politie")]:
        with pytest.raises(EntryInvalid):
            check_source_org(source_id, label)


def test_coordinates_both_or_neither_and_in_range():
    assert check_coordinates(None, None) is None
    assert check_coordinates(52.09, 5.12) == (52.09, 5.12)
    for lat, lon in [(52.0, None), (91.0, 5.0), (52.0, 181.0), (float("nan"), 5.0)]:
        with pytest.raises(EntryInvalid):
            check_coordinates(lat, lon)
