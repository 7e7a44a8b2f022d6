"""Decoded map tiles for the painter: a tile's bytes as an image (refusing broken ones and
decompression bombs), and the most recently used kept."""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QImage, QImageReader

from crisisconsole.interchange.tiles import TileSource

MAX_TILE_PIXELS = 1024


def decode_tile(data: bytes, fmt: str) -> QImage | None:
    """Tile bytes as an image, or None when they are not a sensible tile (broken, or a huge
    declared size: a decompression bomb is refused before any pixel is allocated)."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer, fmt.encode("ascii"))
    reader.setDecideFormatFromContent(True)
    size = reader.size()
    if not size.isValid() or size.width() > MAX_TILE_PIXELS or size.height() > MAX_TILE_PIXELS:
        return None
    image = reader.read()
    if image.isNull():
        return None
    return image.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)


class TileImages:
    """Decoded tiles, most recently used kept (a 1280x720 view needs ~40; panning reuses)."""

    def __init__(self, source: TileSource, capacity: int = 384) -> None:
        self.source = source
        self.capacity = capacity
        self._cache: OrderedDict[tuple[int, int, int], QImage | None] = OrderedDict()

    def has(self, z: int, x: int, y: int) -> bool:
        return (z, x, y) in self._cache

    def get(self, z: int, x: int, y: int) -> QImage | None:
        key = (z, x, y)
        if key in self._cache:
            self._cache.move_to_end(key)
            return self._cache[key]
        data = self.source.tile(z, x, y)
        image = decode_tile(data, self.source.metadata.format) if data else None
        self._cache[key] = image
        if len(self._cache) > self.capacity:
            self._cache.popitem(last=False)
        return image

    def clear(self) -> None:
        self._cache.clear()
