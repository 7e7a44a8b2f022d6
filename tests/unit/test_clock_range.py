"""The one time rule: 1900-01-01 <= t < 2200-01-01, and four-digit years when written."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crisisconsole.clock import TimeOutOfRange, check_range, format_utc, parse_iso


@pytest.mark.parametrize("text", [
    "0850-03-01T10:00:00+00:00", "0999-12-31T23:59:59Z", "1899-12-31T23:59:59Z",
    "2200-01-01T00:00:00Z", "9999-12-31T23:59:59-05:00", "0001-01-01T00:00:00+01:00",
])
def test_outside_the_range_is_refused(text: str) -> None:
    with pytest.raises(TimeOutOfRange):
        parse_iso(text)


def test_edges_inside() -> None:
    assert parse_iso("1900-01-01T00:00:00Z") == datetime(1900, 1, 1, tzinfo=UTC)
    assert parse_iso("2199-12-31T23:59:59Z").year == 2199


def test_naive_is_refused() -> None:
    with pytest.raises(ValueError):
        check_range(datetime(2026, 1, 1))


@given(st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30),
                    timezones=st.just(UTC)))
def test_format_is_sortable_with_four_digit_years(value: datetime) -> None:
    text = format_utc(value)
    assert len(text) == 27 and text[4] == "-"
    assert datetime.fromisoformat(text) == value
