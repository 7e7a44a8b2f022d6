"""The map on the command line (issue 18): the gazetteer (`place add/import/list/export`),
bad input refused in one line with nothing recorded, and `map render` on the demo, whose PNG
shows the reports clustered at the station and the market, the CAP area and the
noodverordening's area at the pixels where they belong."""

import json

import pytest
from PySide6.QtGui import QColor, QImage

from crisisconsole.demo.waalbergen_map import to_latlon, waalbergen_gazetteer
from crisisconsole.domain.geo import LatLon
from crisisconsole.domain.reliability import RELIABILITY_COLOURS
from crisisconsole.interchange.map_view import MapView


@pytest.fixture
def crisis_cli(ready_cli):
    ready_cli.ok("crisis", "open", "--name", "Onrust", "--municipality", "Waalbergen")
    return ready_cli


def test_place_commands_and_bad_input(crisis_cli, tmp_path):
    """The interface (flags, JSON keys, exit codes); the rules themselves are tested on the
    services (tests/unit/services/places)."""
    cli = crisis_cli
    added = cli.ok("place", "add", "--name", "Station Waalbergen", "--lat", "51.8332",
                   "--lon", "5.5520", "--alias", "NS-station", "--alias", "Station",
                   "--json").json()
    assert added["aliases"] == ["NS-station", "Station"] and added["warnings"] == []
    rd = cli.ok("place", "add", "--name", "Amersfoort", "--rd-x", "155000", "--rd-y",
                "463000", "--json").json()
    assert rd["lat"] == pytest.approx(52.15517, abs=2e-5)
    assert rd["lon"] == pytest.approx(5.38721, abs=2e-5)
    duplicate = cli("place", "add", "--name", "station", "--lat", "51.8", "--lon", "5.5")
    assert duplicate.code == 2 and "bestaat al" in duplicate.err
    assert len(duplicate.err.strip().splitlines()) == 1
    outside = cli("place", "add", "--name", "X", "--rd-x", "900000", "--rd-y", "100000")
    assert outside.code == 2 and "buiten Nederland" in outside.err
    swapped = cli("place", "add", "--name", "Brugstraat", "--lat", "5.5501", "--lon",
                  "51.8373", "--json")
    assert swapped.code == 0 and "verwisseld" in swapped.err  # kept, with a warning
    assert swapped.json()["warnings"]
    bow = tmp_path / "strik.geojson"
    bow.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": "Kerkplein"},
         "geometry": {"type": "Point", "coordinates": [5.548, 51.84]}},
        {"type": "Feature", "properties": {"name": "Strik"}, "geometry": {
            "type": "Polygon", "coordinates": [[[5.54, 51.83], [5.56, 51.85], [5.56, 51.83],
                                                [5.54, 51.85], [5.54, 51.83]]]}}]}))
    refused = cli("place", "import", str(bow))
    assert refused.code == 2 and "snijdt zichzelf" in refused.err
    listed = cli.ok("place", "list", "--json").json()
    assert listed["municipality"] == "Waalbergen"
    assert [p["name"] for p in listed["places"]] == ["Amersfoort", "Brugstraat",
                                                     "Station Waalbergen"]
    cli.ok("place", "export", "--out", str(tmp_path / "p.geojson"))
    document = json.loads((tmp_path / "p.geojson").read_text(encoding="utf-8"))
    assert len(document["features"]) == 3


def _mean(image: QImage, x: float, y: float, r: int = 5) -> tuple[float, float, float]:
    colours = [image.pixelColor(int(x) + dx, int(y) + dy)
               for dx in range(-r, r + 1) for dy in range(-r, r + 1)]
    n = len(colours)
    return (sum(c.red() for c in colours) / n, sum(c.green() for c in colours) / n,
            sum(c.blue() for c in colours) / n)


def _mark_pixels(image: QImage, x: float, y: float, r: int = 28) -> int:
    """Pixels near (x, y) in a reliability colour (an entry's dot or a cluster's ring)."""
    wanted = [QColor(RELIABILITY_COLOURS[t]) for t in RELIABILITY_COLOURS]
    found = 0
    for dx in range(-r, r + 1):
        for dy in range(-r, r + 1):
            c = image.pixelColor(int(x) + dx, int(y) + dy)
            if any(abs(c.red() - w.red()) + abs(c.green() - w.green())
                   + abs(c.blue() - w.blue()) < 45 for w in wanted):
                found += 1
    return found


def test_map_render_on_the_demo_shows_the_clusters_and_areas(cli, tmp_path, qapp):
    from cli_helpers import PASS, as_profile

    from crisisconsole.demo.build import build_demo_database

    cli.db.parent.mkdir(parents=True, exist_ok=True)
    demo = build_demo_database(cli.db, passphrase=PASS)
    crisis_id, env = demo.crisis_id, as_profile(demo.profile_secret)
    assert (cli.db.parent / (cli.db.name + ".kaart.mbtiles")).exists()  # beside the database
    out = tmp_path / "kaart.png"
    data = cli.ok("map", "render", "--crisis", crisis_id, "--out", str(out), "--json",
                  env=env).json()
    assert data["tiles"].endswith(".kaart.mbtiles") and data["areas"] >= 3
    assert data["points"] > 100 and data["places"] == len(waalbergen_gazetteer())
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 720)
    view = MapView(LatLon(*data["centre"]), data["zoom"], 1280, 720)
    places = waalbergen_gazetteer()
    for name in ("Marktplein", "Stationsplein"):  # the reports cluster there
        x, y = view.to_screen(places.get(name).position)
        assert 0 < x < 1280 and 0 < y < 720
        assert _mark_pixels(image, x, y) > 60, name
    r, g, b = _mean(image, *view.to_screen(to_latlon(500, -500)))  # CAP circle only: red
    assert r - g > 20 and b < g, (r, g, b)
    r, g, b = _mean(image, *view.to_screen(to_latlon(-500, -150)))  # noodverordening: purple
    assert b - g > 15, (r, g, b)
    r, g, b = _mean(image, *view.to_screen(to_latlon(-1100, -300)))  # outside every area
    assert r - g < 15 and b < g, (r, g, b)
    # The last hour only: fewer reports.
    recent = cli.ok("map", "render", "--crisis", crisis_id, "--out", str(out),
                    "--hours", "1", "--json", env=env).json()
    assert recent["points"] < data["points"]
    # A file that is not a tile file is refused, and nothing is written.
    fake = tmp_path / "kaart.mbtiles"
    fake.write_bytes(b"this is not a map" * 100)
    result = cli("map", "render", "--crisis", crisis_id, "--out", str(tmp_path / "m.png"),
                 "--tiles", str(fake), env=env)
    assert result.code == 2 and "MBTiles" in result.err
    assert not (tmp_path / "m.png").exists()
