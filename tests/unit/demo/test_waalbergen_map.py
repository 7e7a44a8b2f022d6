"""The demo's map of Waalbergen (issue 18, "Done when"): a generated tile file and a gazetteer
that agree with each other and with the demo's log, and a rendered image whose pixels show the
river, the stadium, the entries and the noodverordening's area where the places are."""

import pytest
from PySide6.QtGui import QColor

from crisisconsole.demo import scenario_log, waalbergen_map, waalbergen_tiles
from crisisconsole.demo.waalbergen_map import (
    MUNICIPALITY,
    WAALBERGEN_CENTRE,
    cap_circle,
    ordinance_area,
    to_latlon,
    waalbergen_gazetteer,
)
from crisisconsole.domain.geo import distance_m, position_warnings
from crisisconsole.domain.reliability import RELIABILITY_COLOURS
from crisisconsole.interchange.geometry_checks import checked_shape
from crisisconsole.interchange.map_layers import MapArea, MapLayers, MapPoint
from crisisconsole.interchange.map_paint import AREA_STYLES, MapPainter
from crisisconsole.interchange.map_view import MapView
from crisisconsole.interchange.tiles_open import open_tiles

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture(scope="module")
def demo_tiles(tmp_path_factory, qapp):
    path = waalbergen_tiles.build_demo_tiles(tmp_path_factory.mktemp("map") / "waalbergen.mbtiles")
    source = open_tiles(path)
    yield source
    source.close()


def test_every_location_of_the_demo_log_is_a_place():
    gazetteer = waalbergen_gazetteer()
    locations = {item[4] for item in scenario_log.STORY if item[4]}
    locations |= set(scenario_log.FILLER_PLACES)
    unknown = sorted(loc for loc in locations if gazetteer.match(loc) is None)
    assert unknown == []
    assert gazetteer.match("Marktplein 12").place.name == "Marktplein"
    assert gazetteer.match("Parkeergarage Markt").place.name == "Parkeergarage Markt"
    assert gazetteer.match("naar het station").place.name == "Station Waalbergen"


def test_places_are_in_town_and_plausible():
    for place in waalbergen_gazetteer():
        assert distance_m(place.position, WAALBERGEN_CENTRE) < 2_000, place.name
        assert position_warnings(place.position, MUNICIPALITY) == [], place.name


def test_areas_are_valid_shapes_and_cover_the_right_places():
    from crisisconsole.domain.geo import polygon_contains

    gazetteer = waalbergen_gazetteer()
    area = ordinance_area()
    checked_shape([[list(p.exterior)] for p in area.polygons], "noodverordening")
    inside = {name for name in ("Marktplein", "Havenstraat", "Stationsplein", "Brugstraat")
              if polygon_contains(area.polygons[0], gazetteer.get(name).position)}
    assert inside == {"Marktplein", "Havenstraat", "Stationsplein", "Brugstraat"}
    assert not polygon_contains(area.polygons[0], gazetteer.get("Stadion De Waalkant").position)
    circle = cap_circle()
    assert distance_m(circle.centre, gazetteer.get("Marktplein").position) < circle.radius_m
    assert distance_m(circle.centre, gazetteer.get("Stadion De Waalkant").position) > circle.radius_m


def test_the_cap_demo_alert_uses_the_maps_circle():
    from crisisconsole.demo.scenario_intake import _circle

    lat, rest = _circle().split(",")
    lon, radius = rest.split()
    centre = cap_circle().centre
    assert abs(float(lat) - centre.lat) < 1e-4 and abs(float(lon) - centre.lon) < 1e-4
    assert float(radius) == waalbergen_map.CAP_RADIUS_KM


def test_demo_tile_file(demo_tiles):
    meta = demo_tiles.metadata
    assert (meta.kind, meta.format, meta.min_zoom, meta.max_zoom) == ("mbtiles", "png", 12, 16)
    assert "fictief" in meta.attribution
    for place in waalbergen_gazetteer():
        assert meta.bounds.contains(place.position), place.name
    size = demo_tiles.path.stat().st_size
    assert 100_000 < size < 3_000_000


def rgb(image, x, y):
    colour = image.pixelColor(round(x), round(y))
    return colour.red(), colour.green(), colour.blue()


def hexrgb(text):
    colour = QColor(text)
    return colour.red(), colour.green(), colour.blue()


def over(base, colour: QColor):
    a = colour.alpha() / 255
    return tuple(round(b * (1 - a) + c * a) for b, c in zip(base, (colour.red(), colour.green(),
                                                                    colour.blue()), strict=True))


def close(a, b, tolerance=4):
    return all(abs(p - q) <= tolerance for p, q in zip(a, b, strict=True))


def test_render_shows_the_places_entries_and_area(demo_tiles, tmp_path):
    gazetteer = waalbergen_gazetteer()
    station = gazetteer.get("Stationsplein").position
    quay = gazetteer.get("Havenkade").position
    points = [MapPoint(f"s{i}", station, tag) for i, tag in
              enumerate(["confirmed", "confirmed", "hearsay", "hearsay", "hearsay"])]
    points.append(MapPoint("quay", quay, "confirmed"))
    area = MapArea("nv", "measure", "Noodverordening binnenstad", ordinance_area())
    layers = MapLayers(points=points, areas=[area], places=gazetteer.places)
    view = MapView(to_latlon(-300, -100), 15, 1280, 720)  # zoom 15: tiles drawn 1:1
    painter = MapPainter(demo_tiles)
    image = painter.render(view, layers)
    image.save(str(tmp_path / "waalbergen.png"))
    assert painter.last_report.tiles_drawn > 0 and painter.last_report.tiles_missing == 0

    def at(east, north):
        return rgb(image, *view.to_screen(to_latlon(east, north)))

    colours = waalbergen_tiles.COLOURS
    assert at(-300, 560) == hexrgb(colours["water"])  # the Waal, north of the dike
    assert at(-1550, 95) == hexrgb(colours["pitch"])  # the stadium's pitch
    assert at(-1550, 190) == hexrgb(colours["stand"])
    assert rgb(image, *view.to_screen(quay)) == hexrgb(RELIABILITY_COLOURS["confirmed"])

    # The five entries at the Stationsplein are one cluster there.
    x, y = view.to_screen(station)
    hit = painter.last_report.hit(x, y)
    assert hit is not None and sorted(hit.members) == [0, 1, 2, 3, 4]

    # The noodverordening's area tints what lies under it: the station building and the square.
    outline, fill, _, _ = AREA_STYLES["measure"]
    hatch = QColor(outline.red(), outline.green(), outline.blue(), 70)
    for spot, kind in (((190, -760), "building"), ((-30, 30), "square")):
        base = hexrgb(colours[kind])
        tinted = over(base, fill)
        assert close(at(*spot), tinted) or close(at(*spot), over(tinted, hatch)), kind
    # ... and nothing outside it: the park west of the corridor keeps its colour.
    assert at(-600, -580) == hexrgb(colours["grass"])

    # The place names are written beside their places.
    mx, my = view.to_screen(gazetteer.get("Stadion De Waalkant").position)
    label = [rgb(image, x, y) for x in range(int(mx) + 8, int(mx) + 120)
             for y in range(int(my) - 5, int(my) + 5)]
    assert any(sum(c) < 200 for c in label)
