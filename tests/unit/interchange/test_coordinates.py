"""RD New <-> WGS84 offline within a metre (issue 18, "Done when"), and RD input refused outside
the Netherlands with a message that says what the numbers look like."""

import pyproj
import pytest
from pyproj import Geod

from crisisconsole.domain.geo import LatLon
from crisisconsole.interchange.coordinates import (
    OPERATION_NAME,
    CoordinateRefused,
    check_rd,
    latlon,
    rd_many_to_wgs84,
    rd_to_wgs84,
    transformation_info,
    wgs84_to_rd,
)

GEOD = Geod(ellps="WGS84")

# The RDNAPTRANS(TM)2008 test sheet (Kadaster): RD x, y and the official ETRS89 lat, lon.
TEST_SHEET = [
    ("Texel", 117380.12, 575040.34, 53.160753042, 4.824761912),
    ("Noord-Groningen", 247380.56, 604580.78, 53.419482050, 6.776726674),
    ("Amersfoort", 155000.00, 463000.00, 52.155172897, 5.387203657),
    ("Zeeuws-Vlaanderen", 16460.91, 377380.23, 51.368607152, 3.397588595),
    ("Zuid-Limburg", 182260.45, 311480.67, 50.792584916, 5.773795548),
    ("Maasvlakte", 64640.89, 440700.01, 51.947393898, 4.072887101),
]


def _metres(a: LatLon, lat: float, lon: float) -> float:
    return GEOD.inv(a.lon, a.lat, lon, lat)[2]


def test_amersfoort_base_point_within_a_metre_of_the_published_value():
    point = rd_to_wgs84(155000, 463000)
    assert _metres(point, 52.15517440, 5.38720621) < 1.0


@pytest.mark.parametrize("name, x, y, lat, lon", TEST_SHEET)
def test_rdnaptrans_test_sheet_points_within_a_metre(name, x, y, lat, lon):
    assert _metres(rd_to_wgs84(x, y), lat, lon) < 1.0


@pytest.mark.parametrize("name, x, y, lat, lon", TEST_SHEET)
def test_back_to_rd_within_a_metre(name, x, y, lat, lon):
    bx, by = wgs84_to_rd(LatLon(lat, lon))
    assert ((bx - x) ** 2 + (by - y) ** 2) ** 0.5 < 1.0


def test_many_at_once_equals_one_by_one():
    points = [(x, y) for _, x, y, _, _ in TEST_SHEET]
    assert rd_many_to_wgs84(points) == [rd_to_wgs84(x, y) for x, y in points]


def test_offline_and_pinned_operation():
    from crisisconsole.interchange import coordinates

    pyproj.network.set_network_enabled(active=True)  # as PROJ_NETWORK=ON would
    coordinates._to_wgs84.cache_clear()
    coordinates._to_rd.cache_clear()
    info = transformation_info()
    assert OPERATION_NAME in info.description
    assert "ballpark" not in info.description.lower()
    assert info.accuracy_m == 1.0
    assert info.network_enabled is False
    assert pyproj.network.is_network_enabled() is False


@pytest.mark.parametrize("x, y, hint", [
    (463000, 155000, "verwisseld"),
    (5.387, 52.155, "graden"),
    (155.0, 463.0, "kilometers"),
    (400000.23, 100000.45, ""),  # the test sheet's point "outside" (Germany)
    (-50000, 463000, ""),
])
def test_rd_outside_the_netherlands_is_refused(x, y, hint, monkeypatch):
    monkeypatch.setenv("CRISISCONSOLE_LANG", "nl")
    with pytest.raises(CoordinateRefused, match="buiten Nederland") as caught:
        rd_to_wgs84(x, y)
    assert hint in caught.value.message
    assert "\n" not in caught.value.message


def test_rd_refusal_in_english(monkeypatch):
    monkeypatch.setenv("CRISISCONSOLE_LANG", "en")
    with pytest.raises(CoordinateRefused, match="outside the Netherlands.*swapped"):
        check_rd(463000, 155000)


@pytest.mark.parametrize("x, y", [(float("nan"), 463000), (155000, float("inf")), ("1", 2)])
def test_rd_not_a_number(x, y):
    with pytest.raises(CoordinateRefused):
        check_rd(x, y)


def test_wgs84_far_away_has_no_rd():
    with pytest.raises(CoordinateRefused):
        wgs84_to_rd(LatLon(5.55, 51.84))  # off Somalia


def test_latlon_helper_refuses_with_one_line():
    assert latlon("51.84", 5.55) == LatLon(51.84, 5.55)
    with pytest.raises(CoordinateRefused):
        latlon(float("nan"), 5.0)
    with pytest.raises(CoordinateRefused):
        latlon(95, 5.0)
