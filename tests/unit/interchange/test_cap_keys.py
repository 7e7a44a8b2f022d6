"""The keys and values an import computes for every alert, made the fast way, are the ones the
plain way gives (time keys as strftime would write them, parameters as ``CapInfo.parameter``,
polygon ranges as a check of every point)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from crisisconsole.interchange.cap_model import CapInfo, cap_time_key
from crisisconsole.interchange.cap_parse import CapRefused, parse_cap_container
from crisisconsole.interchange.cap_to_entry import _parameters

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "cap"


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


_POLYGON = b"52.0,5.0 52.0,5.2 52.2,5.2 52.2,5.0 52.0,5.0"


@pytest.mark.parametrize("point", [b"nan,5.1", b"52.1,nan", b"inf,5.1", b"-inf,5.1", b"52.1,inf",
                                   b"90.0001,5.1", b"-90.5,5.1", b"52.1,180.01", b"52.1,-181",
                                   b"1e308,5.1"])
def test_polygon_point_out_of_range_is_refused(point: bytes) -> None:
    data = (FIXTURES / "valid_12.cap").read_bytes()
    assert _POLYGON in data
    hostile = data.replace(_POLYGON, _POLYGON.replace(b"52.2,5.2", point, 1))
    with pytest.raises(CapRefused, match="buiten bereik"):
        parse_cap_container(hostile)


def test_polygon_on_the_edges_is_read() -> None:
    edges = b"90,180 -90,-180 90,-180 -90,180 90,180"
    data = (FIXTURES / "valid_12.cap").read_bytes().replace(_POLYGON, edges)
    [alert] = parse_cap_container(data)
    [area] = [a for info in alert.infos for a in info.areas if a.polygons]
    assert area.polygons[0][:2] == ((90.0, 180.0), (-90.0, -180.0))
