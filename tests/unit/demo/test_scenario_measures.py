"""The demo's art. 174b designation "ends tonight" at any hour the demo is built (issue 5 §8),
and stays legal: issued in the past, after the crisis opened, at most 12 hours."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from crisisconsole.clock import AMSTERDAM
from crisisconsole.demo.scenario_measures import risk_area_times

H = timedelta(hours=1)

# (local build moment, expected local end: an "HH:MM" this evening, or "night")
CASES = [
    ("2026-11-02 06:30", "18:20"),  # early: issued 10 minutes ago, 12 hours on
    ("2026-11-02 10:30", "22:00"),
    ("2026-11-02 14:00", "22:00"),
    ("2026-11-02 18:00", "22:10"),
    ("2026-11-02 18:45", "22:55"),  # issued as early as the crisis allows (opened 8 h before)
    ("2026-11-02 20:30", "night"),
    ("2026-11-02 23:40", "night"),
    ("2026-11-03 02:15", "night"),
    ("2026-03-29 13:00", "22:00"),  # the day summer time starts (23-hour day)
    ("2026-10-25 13:00", "22:00"),  # the day it ends (25-hour day)
]


@pytest.mark.parametrize(("built", "expected"), CASES)
def test_risk_area_ends_tonight_and_is_legal(built: str, expected: str) -> None:
    now = datetime.strptime(built, "%Y-%m-%d %H:%M").replace(tzinfo=AMSTERDAM)
    opened = now - 8 * H  # the demo crisis opens scenario_hours (8) before building
    issue, end = risk_area_times(now, opened)
    assert opened < issue <= now - timedelta(minutes=5)
    assert now < end <= issue + 12 * H
    local_end = end.astimezone(AMSTERDAM)
    if expected == "night":
        assert end - now <= 3 * H
        assert local_end.hour >= 21 or local_end.hour <= 6
    else:
        assert local_end.date() == now.date() and local_end.strftime("%H:%M") == expected
        assert end == issue + 12 * H  # issue + 12 h and the planned end are the same evening
