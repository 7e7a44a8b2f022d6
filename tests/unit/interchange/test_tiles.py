"""Local tile files (issue 18): MBTiles and PMTiles are read (XYZ addresses, MBTiles' TMS rows
flipped); anything else, corrupt files, empty files and vector tiles are refused with a clear
message."""

import gzip
import sqlite3
import sys
import time
from pathlib import Path

import pytest
from pmtiles.tile import TileType

from crisisconsole.interchange.tiles import (
    MAX_TILE_BYTES,
    TilesRefused,
    normal_format,
    parse_bounds,
    sniff_format,
)
from crisisconsole.interchange.tiles_open import open_tiles

sys.path.insert(0, str(Path(__file__).resolve().parent))
from tile_helpers import mbtiles, pmtiles, png_tile, raw_sqlite  # noqa: E402

RED, BLUE, GREEN = png_tile("#ff0000"), png_tile("#0000ff"), png_tile("#00ff00")


@pytest.fixture
def mb(tmp_path):
    path = mbtiles(tmp_path / "t.mbtiles", {(0, 0, 0): GREEN, (1, 0, 0): RED, (1, 0, 1): BLUE},
                   bounds="5.4,51.8,5.7,51.9", attribution="<a href='x'>© test</a>")
    source = open_tiles(path)
    yield source
    source.close()


def test_mbtiles_metadata(mb):
    meta = mb.metadata
    assert (meta.kind, meta.format, meta.min_zoom, meta.max_zoom) == ("mbtiles", "png", 0, 2)
    assert meta.bounds.west == 5.4 and meta.bounds.north == 51.9
    assert meta.name == "test"


def test_mbtiles_rows_are_tms_and_read_as_xyz(mb):
    assert mb.tile(1, 0, 0) == RED  # XYZ row 0 is the north
    assert mb.tile(1, 0, 1) == BLUE
    rows = dict(sqlite3.connect(mb.path).execute(
        "SELECT tile_row, tile_data FROM tiles WHERE zoom_level = 1").fetchall())
    assert rows[1] == RED and rows[0] == BLUE  # stored TMS: row 1 of zoom 1 is the north


def test_missing_and_impossible_tiles_are_none(mb):
    assert mb.tile(2, 0, 0) is None
    assert mb.tile(1, 5, 0) is None
    assert mb.tile(-1, 0, 0) is None


def test_mbtiles_made_elsewhere_in_tms_order(tmp_path):
    path = raw_sqlite(tmp_path / "other.mbtiles",
                      "CREATE TABLE metadata (name text, value text)",
                      "CREATE TABLE tiles (zoom_level integer, tile_column integer, "
                      "tile_row integer, tile_data blob)")
    db = sqlite3.connect(path)
    db.execute("INSERT INTO tiles VALUES (3, 4, 0, ?)", (BLUE,))  # the southmost row
    db.commit()
    db.close()
    source = open_tiles(path)
    assert source.metadata.format == "png"  # no metadata: sniffed from the tile
    assert (source.metadata.min_zoom, source.metadata.max_zoom) == (3, 3)
    assert source.tile(3, 4, 7) == BLUE
    source.close()


def test_oversized_tile_is_missing_not_loaded(tmp_path):
    path = mbtiles(tmp_path / "big.mbtiles", {(0, 0, 0): GREEN,
                                              (1, 0, 0): RED + b"\0" * MAX_TILE_BYTES})
    source = open_tiles(path)
    assert source.tile(1, 0, 0) is None and source.tile(0, 0, 0) == GREEN
    source.close()


@pytest.fixture
def pm(tmp_path):
    path = pmtiles(tmp_path / "t.pmtiles", {(0, 0, 0): GREEN, (1, 0, 0): RED, (1, 0, 1): BLUE,
                                            (2, 3, 3): RED})
    source = open_tiles(path)
    yield source
    source.close()


def test_pmtiles_metadata_and_tiles(pm):
    meta = pm.metadata
    assert (meta.kind, meta.format, meta.min_zoom, meta.max_zoom) == ("pmtiles", "png", 0, 2)
    assert abs(meta.bounds.west - 5.4) < 1e-6 and meta.attribution == "© test"
    assert pm.tile(1, 0, 0) == RED and pm.tile(1, 0, 1) == BLUE and pm.tile(2, 3, 3) == RED
    assert pm.tile(2, 0, 0) is None and pm.tile(1, 9, 9) is None


def test_pmtiles_with_leaf_directories(tmp_path):
    # Enough distinct tiles that the writer moves entries into leaf directories.
    import random

    rng = random.Random(18)
    tiles = {(0, 0, 0): GREEN}
    while len(tiles) < 20_000:  # scattered ids and uneven sizes: a root that cannot hold them
        x, y = rng.randrange(4096), rng.randrange(4096)
        tiles[(12, x, y)] = b"%d,%d:" % (x, y) + b"x" * rng.randrange(1, 80)
    source = open_tiles(pmtiles(tmp_path / "leaves.pmtiles", tiles))
    assert source._header["leaf_directory_length"] > 0
    for key in list(tiles)[1:200:7]:
        assert source.tile(*key) == tiles[key]
    missing = next((12, x, 7) for x in range(4096) if (12, x, 7) not in tiles)
    assert source.tile(*missing) is None
    source.close()


# --- refusals --------------------------------------------------------------------------------

def _refused(path, message, monkeypatch):
    monkeypatch.setenv("CRISISCONSOLE_LANG", "nl")
    with pytest.raises(TilesRefused, match=message) as caught:
        open_tiles(path)
    assert "\n" not in caught.value.message
    return caught.value.message


def test_a_file_that_is_neither_is_refused(tmp_path, monkeypatch):
    for data in (b"", b"hello, I am a map", b"\x89PNG\r\n\x1a\n" + b"\0" * 64, b"PK\x03\x04zip"):
        (tmp_path / "x.mbtiles").write_bytes(data)
        _refused(tmp_path / "x.mbtiles", "geen MBTiles- of PMTiles-bestand", monkeypatch)


def test_missing_file_and_folder(tmp_path, monkeypatch):
    _refused(tmp_path / "nope.mbtiles", "niet gevonden", monkeypatch)
    _refused(tmp_path, "geen bestand|niet te lezen", monkeypatch)


def test_sqlite_that_is_not_mbtiles(tmp_path, monkeypatch):
    path = raw_sqlite(tmp_path / "db.mbtiles", "CREATE TABLE log (x)")
    _refused(path, "geen MBTiles", monkeypatch)


def test_mbtiles_without_tiles(tmp_path, monkeypatch):
    path = raw_sqlite(tmp_path / "empty.mbtiles",
                      "CREATE TABLE tiles (zoom_level, tile_column, tile_row, tile_data)")
    _refused(path, "bevat geen tegels", monkeypatch)


def test_mbtiles_with_wrong_columns(tmp_path, monkeypatch):
    path = raw_sqlite(tmp_path / "cols.mbtiles", "CREATE TABLE tiles (z, x, y, data)")
    _refused(path, "beschadigd", monkeypatch)


@pytest.mark.parametrize("fmt", ["pbf", "application/x-protobuf"])
def test_vector_mbtiles_are_refused_clearly(tmp_path, monkeypatch, fmt):
    path = mbtiles(tmp_path / "v.mbtiles", {(0, 0, 0): gzip.compress(b"\x1a\x02mvt")},
                   format=fmt)
    _refused(path, "vectortegels", monkeypatch)


def test_undeclared_non_raster_tiles_are_refused(tmp_path, monkeypatch):
    path = raw_sqlite(tmp_path / "u.mbtiles",
                      "CREATE TABLE tiles (zoom_level, tile_column, tile_row, tile_data)",
                      "INSERT INTO tiles VALUES (0, 0, 0, x'1f8b0800')")
    _refused(path, "geen png, jpg of webp", monkeypatch)


def test_corrupt_mbtiles_is_refused(tmp_path, monkeypatch):
    path = mbtiles(tmp_path / "c.mbtiles", {(0, 0, 0): GREEN, (1, 0, 0): RED})
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xa5" * (4096 - 100)  # the schema page
    path.write_bytes(bytes(data))
    _refused(path, "beschadigd", monkeypatch)


def test_a_tiles_view_that_never_ends_is_interrupted(tmp_path, monkeypatch):
    path = raw_sqlite(tmp_path / "loop.mbtiles",
                      "CREATE VIEW tiles AS WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL "
                      "SELECT n + 1 FROM c) SELECT 0 AS zoom_level, 0 AS tile_column, "
                      "0 AS tile_row, x'00' AS tile_data FROM c WHERE n < 0")
    started = time.perf_counter()
    _refused(path, "beschadigd", monkeypatch)
    assert time.perf_counter() - started < 5


def test_pmtiles_of_another_version(tmp_path, monkeypatch):
    (tmp_path / "v2.pmtiles").write_bytes(b"PMTiles\x02" + b"\0" * 200)
    _refused(tmp_path / "v2.pmtiles", "versie 3", monkeypatch)


def test_truncated_pmtiles(tmp_path, monkeypatch):
    path = pmtiles(tmp_path / "t.pmtiles", {(0, 0, 0): GREEN})
    path.write_bytes(path.read_bytes()[:60])
    _refused(path, "beschadigd", monkeypatch)


def test_pmtiles_with_a_garbage_directory(tmp_path, monkeypatch):
    path = pmtiles(tmp_path / "g.pmtiles", {(0, 0, 0): GREEN, (1, 0, 0): RED})
    data = bytearray(path.read_bytes())
    data[127:140] = b"\x00" * 13  # the root directory's gzip header
    path.write_bytes(bytes(data))
    _refused(path, "beschadigd", monkeypatch)


def test_pmtiles_directory_gzip_bomb_is_refused(tmp_path, monkeypatch):
    path = pmtiles(tmp_path / "b.pmtiles", {(0, 0, 0): GREEN})
    data = bytearray(path.read_bytes())
    bomb = gzip.compress(b"\0" * 50_000_000)
    header = data[:127]
    header[8:16] = (len(data)).to_bytes(8, "little")  # root directory at the end of the file
    header[16:24] = len(bomb).to_bytes(8, "little")
    path.write_bytes(bytes(header) + bytes(data[127:]) + bomb)
    _refused(path, "beschadigd", monkeypatch)


def test_vector_pmtiles_are_refused_clearly(tmp_path, monkeypatch):
    path = pmtiles(tmp_path / "v.pmtiles", {(0, 0, 0): b"\x1a\x02mvt"}, TileType.MVT)
    _refused(path, "vectortegels", monkeypatch)


def test_avif_pmtiles_are_refused(tmp_path, monkeypatch):
    path = pmtiles(tmp_path / "a.pmtiles", {(0, 0, 0): b"avif"}, TileType.AVIF)
    _refused(path, "niet ondersteund", monkeypatch)


def test_refusals_in_english(tmp_path, monkeypatch):
    monkeypatch.setenv("CRISISCONSOLE_LANG", "en")
    (tmp_path / "x.pmtiles").write_bytes(b"nothing")
    with pytest.raises(TilesRefused, match="not an MBTiles or PMTiles file"):
        open_tiles(tmp_path / "x.pmtiles")


# --- small helpers ---------------------------------------------------------------------------

def test_sniff_and_normal_format():
    assert sniff_format(RED) == "png"
    assert sniff_format(png_tile("#123456", 4, "JPEG")) == "jpg"
    assert sniff_format(b"RIFF\0\0\0\0WEBPVP8 ") == "webp"
    assert sniff_format(b"GIF89a") is None
    assert normal_format("JPEG") == "jpg" and normal_format("image/webp") == "webp"
    with pytest.raises(TilesRefused):
        normal_format("tiff")


@pytest.mark.parametrize("text, ok", [("5.4,51.8,5.7,51.9", True), ("", False),
                                      ("a,b,c,d", False), ("5.7,51.8,5.4,51.9", False),
                                      ("-200,0,0,10", False)])
def test_parse_bounds(text, ok):
    assert (parse_bounds(text) is not None) is ok
