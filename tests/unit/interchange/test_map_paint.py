"""The widget-free map painter: tiles drawn where they belong (with parent fallback), a useful
map without tiles, marks in their reliability colours, areas, hit tests, and the speed of a big
crisis (10,000 points, 200 topics) at 1280x720."""

import random
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from crisisconsole.domain.geo import Circle, LatLon, MultiPolygon, Polygon
from crisisconsole.domain.places import make_place
from crisisconsole.domain.reliability import RELIABILITY_COLOURS
from crisisconsole.interchange.cap_model import CapArea, CapCircle
from crisisconsole.interchange.map_layers import (
    MapArea,
    MapLayers,
    MapPoint,
    TopicMarker,
    areas_from_cap,
)
from crisisconsole.interchange.map_paint import BACKGROUND, MapPainter, render_map
from crisisconsole.interchange.map_tile_images import decode_tile
from crisisconsole.interchange.map_view import MapView
from crisisconsole.interchange.tiles_open import open_tiles

sys.path.insert(0, str(Path(__file__).resolve().parent))
from tile_helpers import mbtiles, png_tile  # noqa: E402

pytestmark = pytest.mark.usefixtures("qapp")
MARKT = LatLon(51.84, 5.55)


def rgb(image: QImage, x: float, y: float) -> tuple[int, int, int]:
    colour = image.pixelColor(round(x), round(y))
    return colour.red(), colour.green(), colour.blue()


def hexrgb(text: str) -> tuple[int, int, int]:
    colour = QColor(text)
    return colour.red(), colour.green(), colour.blue()


def close(a, b, tolerance=6):
    return all(abs(p - q) <= tolerance for p, q in zip(a, b, strict=True))


@pytest.fixture
def quadrants(tmp_path):
    """Zoom 1: four solid tiles; zoom 2 has only its top-left tile (the rest from zoom 1)."""
    tiles = {(1, 0, 0): png_tile("#ff0000"), (1, 1, 0): png_tile("#00ff00"),
             (1, 0, 1): png_tile("#0000ff"), (1, 1, 1): png_tile("#ffff00"),
             (2, 0, 0): png_tile("#ff00ff"), (2, 3, 3): b"\x89PNG\r\n\x1a\nbroken"}
    source = open_tiles(mbtiles(tmp_path / "q.mbtiles", tiles, minzoom="1", maxzoom="2",
                                attribution="© kaartmakers"))
    yield source
    source.close()


def test_tiles_land_where_they_belong(quadrants):
    image = render_map(MapView(LatLon(0, 0), 1, 512, 512), MapLayers(), quadrants)
    assert close(rgb(image, 128, 200), (255, 0, 0))  # north-west
    assert close(rgb(image, 384, 200), (0, 255, 0))
    assert close(rgb(image, 128, 300), (0, 0, 255))  # south-west
    assert close(rgb(image, 384, 300), (255, 255, 0))


def test_missing_or_broken_tiles_come_from_the_parent(quadrants):
    painter = MapPainter(quadrants)
    image = painter.render(MapView(LatLon(0, 0), 2, 1024, 1024))
    assert close(rgb(image, 100, 100), (255, 0, 255))  # zoom 2's own tile
    assert close(rgb(image, 400, 100), (255, 0, 0))  # (2,1,0) missing: zoom 1's north-west
    assert close(rgb(image, 900, 900), (255, 255, 0))  # (2,3,3) broken: zoom 1's south-east
    assert painter.last_report.tiles_drawn == 16 and painter.last_report.tiles_missing == 0


def test_beyond_the_deepest_level_tiles_are_upscaled(quadrants):
    # Zoom 4.5 around (0, 0): zoom 2's tiles (the deepest) drawn 2.8 times their size, and
    # where zoom 2 has none, zoom 1's.
    image = render_map(MapView(LatLon(0, 0), 4.5, 400, 400), MapLayers(), quadrants)
    assert close(rgb(image, 150, 150), (255, 0, 0))
    assert close(rgb(image, 250, 250), (255, 255, 0))
    corner = render_map(MapView(LatLon(70, -135), 4.5, 200, 200), MapLayers(), quadrants)
    assert close(rgb(corner, 100, 100), (255, 0, 255))


def test_without_tiles_a_plain_map_that_says_so(monkeypatch):
    monkeypatch.setenv("CRISISCONSOLE_LANG", "nl")
    painter = MapPainter()
    layers = MapLayers(places=[make_place("Marktplein", MARKT)])
    image = painter.render(MapView(MARKT, 15, 1280, 720), layers)
    report = painter.last_report
    assert report.tiles_drawn == 0 and report.labels == 1
    assert rgb(image, 900, 500) == hexrgb(BACKGROUND.name())
    dark = [rgb(image, x, y) for x in range(1000, 1270) for y in range(12, 36)]
    assert any(sum(c) < 200 for c in dark), "the notice is written in the top-right corner"
    bar = [rgb(image, x, 704) for x in range(14, 60)]
    assert all(sum(c) < 200 for c in bar), "the scale bar is drawn bottom-left"
    label = [rgb(image, x, y) for x in range(646, 720) for y in range(352, 368)]
    assert any(sum(c) < 200 for c in label), "the place name is written right of the place"


def test_outside_the_tile_file_says_so(quadrants, monkeypatch):
    monkeypatch.setenv("CRISISCONSOLE_LANG", "en")
    painter = MapPainter(quadrants)
    near = MapView(MARKT, 6, 600, 200)  # four levels past the deepest: still drawn, upscaled
    painter.render(near)
    assert painter.tile_zoom(near) == 2 and painter.last_report.tiles_drawn > 0
    far = MapView(MARKT, 15, 600, 200)  # a 256-pixel tile stretched 8192 times: not drawn
    image = painter.render(far)
    assert painter.tile_zoom(far) is None and painter.last_report.tiles_drawn == 0
    notice = [rgb(image, x, y) for x in range(300, 590) for y in range(12, 36)]
    assert any(sum(c) < 200 for c in notice)


def test_points_in_their_reliability_colours_and_hits():
    view = MapView(MARKT, 16, 800, 600)
    spots = {"confirmed": (200, 300), "hearsay": (400, 300), "refuted": (600, 300)}
    points = [MapPoint(tag, view.to_latlon(*xy), tag) for tag, xy in spots.items()]
    painter = MapPainter()
    image = painter.render(view, MapLayers(points=points))
    for tag, (x, y) in spots.items():
        assert close(rgb(image, x, y), hexrgb(RELIABILITY_COLOURS[tag]), 2), tag
    hit = painter.last_report.hit(401, 299)
    assert hit.kind == "points" and list(hit.members) == [1]
    assert painter.last_report.hit(300, 300) is None


def test_a_cluster_shows_its_count_and_mix():
    view = MapView(MARKT, 16, 800, 600)
    points = [MapPoint(str(i), view.to_latlon(400 + i % 3, 300 + i // 3), tag)
              for i, tag in enumerate(["confirmed"] * 6 + ["hearsay"] * 3)]
    painter = MapPainter()
    image = painter.render(view, MapLayers(points=points))
    hit = painter.last_report.hit(401, 301)
    assert len(hit.members) == 9
    ring_top = rgb(image, hit.x + 3, hit.y - hit.radius + 2.5)  # clockwise from 12: confirmed
    assert close(ring_top, hexrgb(RELIABILITY_COLOURS["confirmed"]), 30)
    ring_left = rgb(image, hit.x - hit.radius + 2.5, hit.y - 3)  # the last third: hearsay
    assert close(ring_left, hexrgb(RELIABILITY_COLOURS["hearsay"]), 30)


def test_areas_are_tinted_inside_only():
    view = MapView(MARKT, 15, 800, 600)
    corners = [view.to_latlon(x, y) for x, y in ((100, 100), (300, 100), (300, 300), (100, 300),
                                                 (100, 100))]
    measure = MapArea("m", "measure", "Noodverordening", MultiPolygon((Polygon(tuple(corners)),)))
    cap = MapArea("c", "cap", "Rook", Circle(view.to_latlon(600, 400), 150.0))
    image = render_map(view, MapLayers(areas=[measure, cap]))
    background = hexrgb(BACKGROUND.name())
    inside_measure, inside_cap = rgb(image, 203, 250), rgb(image, 600, 400)
    assert inside_measure != background and inside_measure[2] > inside_measure[1]
    assert inside_cap[0] > inside_cap[2] and inside_cap != background
    assert rgb(image, 450, 250) == background


def test_cap_areas_become_map_areas():
    area = CapArea("Binnenstad", polygons=(((51.84, 5.55), (51.85, 5.55), (51.85, 5.56),
                                            (51.84, 5.55)),),
                   circles=(CapCircle(51.84, 5.55, 0.8),))
    found = areas_from_cap(area, "alert-1")
    assert [a.kind for a in found] == ["cap", "cap"]
    assert isinstance(found[1].shape, Circle) and found[1].shape.radius_m == 800.0
    assert found[0].label == "Binnenstad"


def test_topics_are_diamonds_with_titles():
    view = MapView(MARKT, 15, 800, 600)
    topics = [TopicMarker("t1", view.to_latlon(400, 300), "Plunderingen Marktplein")]
    painter = MapPainter()
    image = painter.render(view, MapLayers(topics=topics))
    assert close(rgb(image, 400, 300), (0x10, 0x2a, 0x43), 2)
    assert painter.last_report.hit(400, 302).kind == "topic"
    assert painter.last_report.labels == 1


def test_layers_can_be_switched_off():
    view = MapView(MARKT, 16, 400, 300)
    spot = view.to_latlon(190, 140)  # off the graticule line through the centre
    layers = MapLayers(points=[MapPoint("a", spot, "confirmed")], show_points=False)
    image = render_map(view, layers)
    assert rgb(image, 190, 140) == hexrgb(BACKGROUND.name())
    layers.show_points = True
    assert rgb(render_map(view, layers), 190, 140) != hexrgb(BACKGROUND.name())


def test_decode_refuses_a_decompression_bomb():
    huge = QImage(1, 1, QImage.Format.Format_RGB32)
    huge.fill(QColor("#ffffff"))
    assert decode_tile(png_tile("#ffffff", 2048), "png") is None  # declared 2048 px: refused
    assert decode_tile(png_tile("#ffffff", 256), "png") is not None
    assert decode_tile(b"not an image", "png") is None


def _big_layers():
    rng = random.Random(18)
    points = [MapPoint(str(i), LatLon(51.84 + rng.gauss(0, 0.006), 5.55 + rng.gauss(0, 0.009)),
                       rng.choice(("hearsay", "hearsay", "confirmed", "refuted")))
              for i in range(10_000)]
    topics = [TopicMarker(f"t{i}", LatLon(51.84 + rng.gauss(0, 0.01), 5.55 + rng.gauss(0, 0.014)),
                          f"Onderwerp {i}") for i in range(200)]
    return MapLayers(points=points, topics=topics)


def test_ten_thousand_points_and_two_hundred_topics_paint_the_same_twice():
    """The big map paints, and a second paint of the same view gives the same marks (its speed
    is `crisisconsole bench map`'s, against the bare tiles; no timing here)."""
    view = MapView(MARKT, 14.5, 1280, 720)
    layers = _big_layers()
    painter = MapPainter()
    painter.render(view, layers)
    first = painter.last_report.marks
    painter.render(view, layers)
    assert first > 0 and painter.last_report.marks == first


@pytest.mark.parametrize("fmt, declared", [("JPEG", "jpg"), ("WEBP", "webp")])
def test_jpeg_and_webp_tiles_are_drawn(tmp_path, fmt, declared):
    data = png_tile("#3366cc", 256, fmt)
    source = open_tiles(mbtiles(tmp_path / f"t.{declared}.mbtiles", {(0, 0, 0): data},
                                format=declared, maxzoom="0"))
    assert source.metadata.format == declared
    image = render_map(MapView(LatLon(0, 0), 0, 256, 256), MapLayers(), source)
    assert close(rgb(image, 60, 60), (0x33, 0x66, 0xcc), 12)
    source.close()
