"""The map never touches the network (issue 18): reading tiles (MBTiles and PMTiles),
converting coordinates, reading places and painting, with every way Python opens a socket made
to fail. PROJ's own network access (C code, beyond Python's socket module) is off and checked
in test_coordinates."""

import json
import socket
import sys
from pathlib import Path

import pytest

from crisisconsole.demo.waalbergen_map import ordinance_area, waalbergen_gazetteer
from crisisconsole.demo.waalbergen_tiles import build_demo_tiles
from crisisconsole.interchange import coordinates
from crisisconsole.interchange.map_layers import MapArea, MapLayers, MapPoint
from crisisconsole.interchange.map_paint import MapPainter
from crisisconsole.interchange.map_view import MapView
from crisisconsole.interchange.places_files import read_places
from crisisconsole.interchange.tiles_open import open_tiles

sys.path.insert(0, str(Path(__file__).resolve().parent))
from tile_helpers import pmtiles, png_tile  # noqa: E402


class NetworkUsed(AssertionError):
    pass


class _NoSocket(socket.socket):
    """A socket class that cannot be made (a class, so modules that subclass socket.socket,
    such as ssl, still import)."""

    def __init__(self, *args, **kwargs):
        raise NetworkUsed(f"socket opened: {args[:2]}")


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise NetworkUsed(f"network access: {args[:2]}")

    monkeypatch.setattr(socket, "socket", _NoSocket)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "socketpair", refuse)


def test_the_guard_works(no_network):
    with pytest.raises(NetworkUsed):
        socket.create_connection(("127.0.0.1", 9))
    with pytest.raises(NetworkUsed):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)


def test_tiles_places_coordinates_and_painting_stay_offline(no_network, tmp_path, qapp):
    coordinates._to_wgs84.cache_clear()  # PROJ is set up again under the guard
    coordinates._to_rd.cache_clear()
    mb = open_tiles(build_demo_tiles(tmp_path / "demo.mbtiles"))
    pm = open_tiles(pmtiles(tmp_path / "demo.pmtiles", {(0, 0, 0): png_tile("#336699")}))
    rd_places = json.dumps({"type": "FeatureCollection",
                            "crs": {"type": "name",
                                    "properties": {"name": "urn:ogc:def:crs:EPSG::28992"}},
                            "features": [{"type": "Feature", "properties": {"name": "Punt"},
                                          "geometry": {"type": "Point",
                                                       "coordinates": [166219, 427947]}}]})
    read = read_places(rd_places.encode(), "plaatsen.geojson")
    gazetteer = waalbergen_gazetteer()
    layers = MapLayers(points=[MapPoint("e", read.places[0].position, "hearsay")],
                       areas=[MapArea("nv", "measure", "NV", ordinance_area())],
                       places=gazetteer.places)
    for source in (mb, pm, None):
        view = MapView(gazetteer.get("Marktplein").position, 15.4, 1280, 720)
        painter = MapPainter(source)
        painter.render(view, layers)
        assert painter.last_report.marks == 1
    assert mb.tile(15, 16889, 10846) is not None
    mb.close()
    pm.close()
