"""Small tile files for tests: solid-colour PNG tiles in MBTiles or PMTiles."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from pmtiles.tile import Compression, TileType, zxy_to_tileid
from pmtiles.writer import Writer
from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QColor, QImage

from crisisconsole.interchange.tiles_mbtiles import write_mbtiles


def png_tile(colour: str, size: int = 256, fmt: str = "PNG") -> bytes:
    image = QImage(size, size, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, fmt)
    return bytes(buffer.data())


def mbtiles(path: Path, tiles: dict[tuple[int, int, int], bytes], **metadata: str) -> Path:
    meta = {"name": "test", "format": "png", "minzoom": "0", "maxzoom": "2", **metadata}
    return write_mbtiles(path, [(z, x, y, data) for (z, x, y), data in tiles.items()], meta)


def raw_sqlite(path: Path, *statements: str) -> Path:
    db = sqlite3.connect(path)
    for statement in statements:
        db.execute(statement)
    db.commit()
    db.close()
    return path


def pmtiles(path: Path, tiles: dict[tuple[int, int, int], bytes],
            tile_type: TileType = TileType.PNG, metadata: dict | None = None) -> Path:
    with open(path, "wb") as handle:
        writer = Writer(handle)
        for tile_id, data in sorted((zxy_to_tileid(*key), data) for key, data in tiles.items()):
            writer.write_tile(tile_id, data)
        writer.finalize({"tile_type": tile_type, "tile_compression": Compression.NONE,
                         "min_lon_e7": int(5.4e7), "min_lat_e7": int(51.8e7),
                         "max_lon_e7": int(5.7e7), "max_lat_e7": int(51.9e7),
                         "center_zoom": 1, "center_lon_e7": int(5.55e7),
                         "center_lat_e7": int(51.84e7)},
                        metadata or {"name": "test", "attribution": "© test"})
    return path
