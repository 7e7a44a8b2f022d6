"""Stored times are read leniently (old files), written with four-digit years everywhere."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from crisisconsole.clock import (
    StoredTime,
    format_local,
    format_time,
    format_utc,
    parse_iso,
    parse_stored,
)


@pytest.mark.parametrize("text,year", [
    ("850-03-01T10:00:00.000000Z", 850), ("1-01-01T00:00:00.000000Z", 1),
    ("999-12-31T23:59:59.500000Z", 999), ("850-03-01T10:00:00+00:00", 850),
])
def test_short_years_of_old_files_are_read_and_keep_their_text(text: str, year: int) -> None:
    value = parse_stored(text)
    assert type(value) is StoredTime and value.year == year and value.stored == text
    assert value.tzinfo is not None and format_utc(value).startswith(f"{year:04d}-")


def test_stored_times_outside_the_rule_are_read_not_refused() -> None:
    value = parse_stored("0850-03-01T10:00:00.000000Z")
    assert value == datetime(850, 3, 1, 10, tzinfo=UTC) and value.stored is not None
    with pytest.raises(ValueError):
        parse_iso("0850-03-01T10:00:00.000000Z")


def test_ordinary_stored_times_are_plain_datetimes() -> None:
    value = parse_stored("2026-11-29T12:00:00.000000Z")
    assert type(value) is datetime and value == datetime(2026, 11, 29, 12, tzinfo=UTC)


def test_values_derived_from_a_stored_time_forget_its_text() -> None:
    value = parse_stored("850-03-01T10:00:00.000000Z")
    assert getattr(value + timedelta(days=1), "stored", None) is None


def test_garbage_is_still_refused() -> None:
    with pytest.raises(ValueError):
        parse_stored("gisteren")


def test_four_digit_years_when_shown() -> None:
    old = datetime(850, 3, 1, 10, 0, tzinfo=UTC)
    assert format_time(old, "%Y%m%dT%H%M%SZ") == "08500301T100000Z"
    assert "-0850 " in format_local(old)
    assert format_local(datetime(9999, 12, 31, 23, 59, tzinfo=UTC)).startswith("31-12-9999")
