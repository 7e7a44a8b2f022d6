"""The keys and values an import computes for every alert, made the fast way, are the ones the
plain way gives (time keys as strftime would write them, parameters as ``CapInfo.parameter``)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from crisisconsole.interchange.cap_model import CapInfo, cap_time_key
from crisisconsole.interchange.cap_to_entry import _parameters


@pytest.mark.parametrize("value", [
    datetime(1900, 1, 1, tzinfo=UTC),
    datetime(2026, 11, 29, 10, 0, 5, 123456, tzinfo=timezone(timedelta(hours=1))),
    datetime(2026, 3, 29, 1, 59, 59, tzinfo=timezone(timedelta(hours=-5, minutes=-30))),
    datetime(2199, 12, 31, 23, 59, 59, tzinfo=UTC),
])
def test_time_key_is_the_utc_strftime_form(value: datetime) -> None:
    utc = value.astimezone(UTC)
    assert cap_time_key(value) == utc.strftime("%Y-%m-%dT%H:%M:%S+00:00").rjust(25, "0")
    assert cap_time_key(value) == cap_time_key(utc)


def test_parameters_at_once_match_one_by_one() -> None:
    info = CapInfo(parameters=(("bron", "  "), ("bron", " meldkamer "), ("GRIP", "1"),
                               ("bron", "tweede"), ("leeg", ""), ("Bron", "hoofdletter")))
    found = _parameters(info)
    for name in ("bron", "GRIP", "leeg", "Bron", "ontbreekt"):
        assert found.get(name) == info.parameter(name)
