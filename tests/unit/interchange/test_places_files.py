"""Gazetteer files in and out (issue 18): CSV/XLSX with Dutch or English headers, WGS84 or RD,
and GeoJSON; hostile files refused whole with one line and nothing imported."""

import io
import json

import pytest

from crisisconsole.domain.geo import LatLon, Municipality
from crisisconsole.interchange.places_csv import parse_number, write_places_csv
from crisisconsole.interchange.places_files import read_places
from crisisconsole.interchange.places_geojson import read_places_geojson, write_places_geojson
from crisisconsole.interchange.places_io import PlacesRefused

WAALBERGEN = Municipality("Waalbergen", LatLon(51.84, 5.55))


def _close(a: LatLon, b: LatLon, eps: float = 1e-6) -> bool:
    return abs(a.lat - b.lat) < eps and abs(a.lon - b.lon) < eps


# --- CSV -------------------------------------------------------------------------------------

def test_dutch_csv_with_decimal_commas_rd_and_aliases_in_cp1252():
    data = ("Naam;Breedtegraad;Lengtegraad;RD-x;RD-y;Aliassen\r\n"
            "Marktplein;51,84;5,55;;;Markt|Het Plein\r\n"
            "Stationsplein;;;166000;423000;Station; NS\r\n"
            "Café De Waalkant;51,841;5,53;;;\r\n").encode("cp1252")
    read = read_places(data, "plaatsen.csv", WAALBERGEN)
    assert [p.name for p in read.places] == ["Marktplein", "Stationsplein", "Café De Waalkant"]
    assert read.places[0].aliases == ("Markt", "Het Plein")
    assert read.places[0].position == LatLon(51.84, 5.55)
    assert 51.79 < read.places[1].position.lat < 51.80  # RD converted
    assert read.warnings == () and read.kind == "csv"


def test_english_headers_comma_separated():
    data = b"name,lat,lon,aliases\nMarket,51.84,5.55,Square;Plaza\n"
    read = read_places(data, "p.csv")
    assert read.places[0].aliases == ("Square", "Plaza")


def test_xlsx_is_read_too():
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Naam", "x", "y"])
    sheet.append(["Stationsplein", 166000, 423000])
    out = io.BytesIO()
    book.save(out)
    read = read_places(out.getvalue(), "plaatsen.xlsx")
    assert read.kind == "xlsx" and read.places[0].name == "Stationsplein"


def test_swapped_pair_is_read_with_a_warning():
    data = b"naam;lat;lon\nMarktplein;51.84;5.55\nVerwisseld;5.55;51.84\n"
    read = read_places(data, "p.csv", WAALBERGEN)
    assert len(read.places) == 2
    assert len(read.warnings) == 1 and "regel 3" in read.warnings[0]
    assert "verwisseld" in read.warnings[0]


@pytest.mark.parametrize("data, message", [
    (b"naam;lat;lon\nA;51.84;5.55\nB;abc;5.55\n", "regel 3: breedtegraad is geen getal"),
    (b"naam;lat;lon\nA;51.84;\n", "regel 2: geef zowel"),
    (b"naam;x;y\nA;463000;155000\n", "verwisseld"),
    (b"naam;x;y\nA;400000;100000\n", "buiten Nederland"),
    (b"naam;lat;lon\nA;nan;5.55\n", "regel 2"),
    (b"naam;lat;lon\nA;95;5.55\n", "-90"),
    (b"naam;lat;lon\n;51.84;5.55\n", "naam ontbreekt"),
    (b"naam;lat;lon\nMarkt;51.84;5.55\nmarkt ;51.85;5.55\n", "regel 3: plaatsnaam 'markt' komt al voor"),
    (b"naam;lat;lon;alias\nMarkt;51.84;5.55;\nPlein;51.85;5.55;Markt\n", "komt al voor"),
    (b"naam;lat;lon;x;y\nA;51.84;5.55;155000;463000\n", "m uit elkaar"),
    (b"plaats;breedte\nA;51\n", "geen kolommen voor de positie"),
    (b"lat;lon\n51;5\n", "geen kolom met de naam"),
    (b"naam;lat;lon\n", "geen gegevensrijen"),
    (b"\x00\x01\x02binary\x00", "binair"),
    ("naam;lat;lon\nA;51.84;5.55\n".encode("utf-16-le"), "binair"),
])
def test_bad_tables_are_refused_whole(data, message, monkeypatch):
    monkeypatch.setenv("CRISISCONSOLE_LANG", "nl")
    with pytest.raises(PlacesRefused, match=message) as caught:
        read_places(data, "p.csv")
    assert "\n" not in caught.value.message


def test_huge_table_is_refused_before_reading():
    data = b"naam;lat;lon\n" + b"A;51.84;5.55\n" * 1_700_000  # > 20 MB
    with pytest.raises(PlacesRefused, match="te groot"):
        read_places(data, "p.csv")


@pytest.mark.parametrize("text, value", [("51,84", 51.84), ("155.000,5", 155000.5),
                                         ("155,000.5", 155000.5), (" 5.55 ", 5.55), ("", None),
                                         (7, 7.0)])
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["1,2,3", "5.5.5x", "abc", "1e"])
def test_parse_number_refuses(text):
    with pytest.raises(ValueError):
        parse_number(text)


def test_csv_round_trip_keeps_names_aliases_and_positions():
    data = b"naam;lat;lon;aliassen\nMarktplein;51.84;5.55;Markt|Het Plein\nB;51.845;5.56;\n"
    first = read_places(data, "p.csv").places
    written = write_places_csv(first)
    assert written.startswith("\ufeff".encode())
    assert b"rd_x" in written.splitlines()[0]
    again = read_places(written, "p.csv").places
    assert [(p.name, p.aliases) for p in again] == [(p.name, p.aliases) for p in first]
    assert all(_close(a.position, b.position) for a, b in zip(again, first, strict=True))


# --- GeoJSON ---------------------------------------------------------------------------------

def _collection(*features, crs=None):
    document = {"type": "FeatureCollection", "features": list(features)}
    if crs:
        document["crs"] = {"type": "name", "properties": {"name": crs}}
    return json.dumps(document).encode()


def _feature(name, geometry, **props):
    return {"type": "Feature", "properties": {"name": name, **props}, "geometry": geometry}


SQUARE = [[5.55, 51.84], [5.56, 51.84], [5.56, 51.85], [5.55, 51.85], [5.55, 51.84]]


def test_geojson_points_polygons_and_multipolygons():
    data = _collection(
        _feature("Stationsplein", {"type": "Point", "coordinates": [5.5517, 51.8337]},
                 aliases=["Station"]),
        _feature("Binnenstad", {"type": "Polygon", "coordinates": [SQUARE]}, aliassen="Centrum|Stad"),
        {"type": "Feature", "properties": {"NAAM": "Uiterwaarden"},
         "geometry": {"type": "MultiPolygon", "coordinates": [
             [SQUARE], [[[5.57, 51.84], [5.58, 51.84], [5.58, 51.85], [5.57, 51.84]]]]}},
    )
    read = read_places_geojson(data, municipality=WAALBERGEN)
    names = [p.name for p in read.places]
    assert names == ["Stationsplein", "Binnenstad", "Uiterwaarden"]
    assert read.places[0].aliases == ("Station",)
    assert read.places[1].aliases == ("Centrum", "Stad") and read.places[1].is_area
    assert len(read.places[2].geometry.polygons) == 2
    assert read.warnings == ()


def test_geojson_round_trip():
    data = _collection(_feature("Binnenstad", {"type": "Polygon", "coordinates": [SQUARE]}),
                       _feature("Markt", {"type": "Point", "coordinates": [5.55, 51.84]}))
    first = read_places_geojson(data).places
    again = read_places_geojson(write_places_geojson(first)).places
    assert again == first


def test_geojson_in_rd_is_converted():
    data = _collection(_feature("Amersfoort", {"type": "Point", "coordinates": [155000, 463000]}),
                       crs="urn:ogc:def:crs:EPSG::28992")
    point = read_places_geojson(data).places[0].position
    assert abs(point.lat - 52.15517) < 1e-4 and abs(point.lon - 5.38720) < 1e-4


def test_rd_numbers_without_a_crs_get_a_hint():
    data = _collection(_feature("A", {"type": "Point", "coordinates": [155000, 463000]}))
    with pytest.raises(PlacesRefused, match="RD"):
        read_places_geojson(data)


def test_a_million_vertices_is_refused():
    """Refused by its count of vertices (before any geometry is built)."""
    ring = [[5.5 + i * 1e-7, 51.8] for i in range(1_000_000)] + [[5.5, 51.8]]
    data = _collection(_feature("Groot", {"type": "Polygon", "coordinates": [ring]}))
    with pytest.raises(PlacesRefused, match="hoekpunten"):
        read_places_geojson(data)


def test_vertex_cap_counted_exactly_after_parsing():
    ring = [[5.5 + i * 1e-5, 51.8 + (i % 2) * 1e-5] for i in range(300)] + [[5.5, 51.8]]
    data = _collection(_feature("A", {"type": "Polygon", "coordinates": [ring]}))
    with pytest.raises(PlacesRefused, match="hoekpunten"):
        read_places_geojson(data, max_vertices=200)


BOWTIE = [[5.55, 51.84], [5.56, 51.85], [5.56, 51.84], [5.55, 51.85], [5.55, 51.84]]
OPEN = SQUARE[:-1]


@pytest.mark.parametrize("data, message", [
    (_collection(_feature("A", {"type": "Polygon", "coordinates": [BOWTIE]})), "snijdt zichzelf"),
    (_collection(_feature("A", {"type": "Polygon", "coordinates": [OPEN]})), "open ring"),
    (_collection(_feature("A", {"type": "Polygon", "coordinates": [SQUARE[:3]]})), "minstens 4"),
    (_collection(_feature("A", {"type": "Polygon", "coordinates": [
        SQUARE, [[6.0, 52.0], [6.01, 52.0], [6.01, 52.01], [6.0, 52.0]]]})), "gat ligt buiten"),
    (_collection(_feature("A", {"type": "MultiPolygon", "coordinates": [[SQUARE], [SQUARE]]})),
     "ongeldige vorm"),
    (_collection(_feature("A", {"type": "LineString", "coordinates": SQUARE})), "LineString"),
    (_collection(_feature("A", None)), "geen geometrie"),
    (_collection({"type": "Feature", "properties": {}, "geometry": {
        "type": "Point", "coordinates": [5.5, 51.8]}}), "geen naam"),
    (_collection(_feature("A", {"type": "Point", "coordinates": [5.5]})), "positie"),
    (_collection(_feature("A", {"type": "Point", "coordinates": [5.5, True]})), "geen getal"),
    (b'{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"A"},'
     b'"geometry":{"type":"Point","coordinates":[NaN,51.8]}}]}', "NaN"),
    (b'{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"A"},'
     b'"geometry":{"type":"Point","coordinates":[1e999,51.8]}}]}', "eindige"),
    (b'{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"A"},'
     b'"geometry":{"type":"Point","coordinates":[-Infinity,51.8]}}]}', "Infinity"),
    (_collection(_feature("A", {"type": "Point", "coordinates": [5.5, 51.8]}),
                 _feature("a", {"type": "Point", "coordinates": [5.6, 51.8]})), "komt al voor"),
    (_collection(_feature("A", {"type": "Point", "coordinates": [5.5, 51.8]}),
                 crs="EPSG:3857"), "onbekend coördinatenstelsel"),
    ('{"type":"FeatureCollection","features":[]}'.encode("utf-16"), "UTF-8"),
    ("{\"type\":\"Feature\",\"properties\":{\"name\":\"Caf\xe9\"}}".encode("latin-1"), "UTF-8"),
    (b"{not json", "geen geldige JSON"),
    (b"[" * 200_000, "hoekpunten"),
    (b"[[[[[[[[[[" * 2_000 + b"]]]]]]]]]]" * 2_000, "geldige JSON"),
    (b'{"type":"Polygon","coordinates":[]}', "FeatureCollection"),
    (b'{"type":"FeatureCollection","features":[]}', "geen plaatsen"),
    (b"", "leeg"),
])
def test_hostile_geojson_is_refused_whole(data, message, monkeypatch):
    monkeypatch.setenv("CRISISCONSOLE_LANG", "nl")
    with pytest.raises(PlacesRefused, match=message) as caught:
        read_places(data, "plaatsen.geojson")
    assert "\n" not in caught.value.message


def test_huge_geojson_is_refused_before_parsing():
    with pytest.raises(PlacesRefused, match="te groot"):
        read_places_geojson(b" " * 20_000_001)


def test_unknown_extension_is_refused():
    with pytest.raises(PlacesRefused, match="bestandsformaat"):
        read_places(b"x", "plaatsen.kml")
