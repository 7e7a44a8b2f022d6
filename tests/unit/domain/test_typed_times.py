"""A time typed in the quick-entry bar: today, unless it lies ahead; then yesterday."""

from datetime import UTC, datetime

import pytest

from crisisconsole.clock import to_local
from crisisconsole.domain.log_rules import EntryInvalid
from crisisconsole.domain.typed_times import typed_clock_time

NOW = datetime(2026, 3, 14, 23, 10, tzinfo=UTC)  # 00:10 on 15 March in Amsterdam (CET)


def test_nothing_typed_is_now():
    assert typed_clock_time("  ", NOW) is None and typed_clock_time(None, NOW) is None


def test_a_time_earlier_today_is_today():
    local = to_local(typed_clock_time("0.05", NOW))
    assert (local.day, local.hour, local.minute) == (15, 0, 5)


def test_a_time_typed_after_midnight_means_yesterday():
    local = to_local(typed_clock_time("23:50", NOW))
    assert (local.day, local.hour, local.minute) == (14, 23, 50)


def test_a_few_minutes_ahead_is_still_today():
    local = to_local(typed_clock_time("00:14", NOW))
    assert (local.day, local.hour, local.minute) == (15, 0, 14)


@pytest.mark.parametrize("typed", ["25:00", "12", "kwart over", "12:61"])
def test_a_time_that_is_none_is_refused_for_the_time_field(typed):
    with pytest.raises(EntryInvalid) as refused:
        typed_clock_time(typed, NOW)
    assert refused.value.field == "occurred_at"
