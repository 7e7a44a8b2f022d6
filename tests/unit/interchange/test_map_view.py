"""The view arithmetic the painter, hit tests and `map render` share (web mercator)."""

import math

import mercantile
import pytest

from crisisconsole.domain.geo import LatLon
from crisisconsole.interchange.map_view import MapView, world_latlon, world_xy

MARKT = LatLon(51.84, 5.55)


@pytest.mark.parametrize("lat, lon", [(51.84, 5.55), (0.0, 0.0), (-33.9, 151.2), (80.0, -170.0)])
def test_world_xy_matches_mercantile(lat, lon):
    x, y = world_xy(lat, lon)
    mx, my = mercantile.xy(lon, lat)
    half = math.pi * 6_378_137.0
    assert abs(x - (mx + half) / (2 * half)) < 1e-12
    assert abs(y - (half - my) / (2 * half)) < 1e-12
    back = world_latlon(x, y)
    assert abs(back.lat - lat) < 1e-9 and abs(back.lon - lon) < 1e-9


def test_centre_lands_in_the_middle_and_back():
    view = MapView(MARKT, 15.3, 1280, 720)
    assert view.to_screen(MARKT) == pytest.approx((640, 360))
    point = view.to_latlon(100, 50)
    assert view.to_screen(point) == pytest.approx((100, 50), abs=1e-6)


def test_north_is_up_and_east_is_right():
    view = MapView(MARKT, 14, 800, 600)
    x, y = view.to_screen(LatLon(51.85, 5.56))
    assert x > 400 and y < 300


def test_metres_per_pixel_at_zoom_15():
    # 2π·6378137 / 2^23 · cos(51.84°) ≈ 2.95 m per pixel.
    assert MapView(MARKT, 15, 10, 10).metres_per_pixel() == pytest.approx(2.951, abs=0.005)


def test_visible_tiles_cover_the_screen_and_match_mercantile():
    view = MapView(MARKT, 15.5, 1280, 720)
    tiles = view.tiles(15)
    size = tiles[0].size
    assert size == pytest.approx(256 * 2 ** 0.5)
    assert min(t.left for t in tiles) <= 0 and max(t.left + t.size for t in tiles) >= 1280
    assert min(t.top for t in tiles) <= 0 and max(t.top + t.size for t in tiles) >= 720
    own = mercantile.tile(MARKT.lon, MARKT.lat, 15)
    match = next(t for t in tiles if (t.x, t.y) == (own.x, own.y))
    assert match.left <= 640 <= match.left + size and match.top <= 360 <= match.top + size


def test_fit_shows_every_point():
    points = [LatLon(51.83, 5.53), LatLon(51.85, 5.57), LatLon(51.84, 5.55)]
    view = MapView.fit(points, 1280, 720)
    for point in points:
        x, y = view.to_screen(point)
        assert 39 <= x <= 1241 and 39 <= y <= 681
    assert MapView.fit([MARKT], 100, 100).zoom == 17.0


@pytest.mark.parametrize("zoom, width", [(-1, 10), (23, 10), (math.nan, 10), (10, 0)])
def test_nonsense_views_are_refused(zoom, width):
    with pytest.raises(ValueError):
        MapView(MARKT, zoom, width, 10)
