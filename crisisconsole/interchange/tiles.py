"""Local map tiles (issue 18): a raster tile file the municipality supplies, MBTiles (SQLite)
or PMTiles, read from disk only. There is no network code here or below, ever: a crisis room
may have no network, and a map that tries one hangs or leaks where the crisis is.

``open_tiles`` (tiles_open.py) tells the two formats apart by their first bytes (not by the file name), checks
the file, and refuses anything else with one line: not a tile file, corrupt, empty, vector
tiles (the map draws raster tiles; vector tiles need a style and fonts that a crisis laptop
does not have, so they are refused with a clear message rather than drawn wrongly). Tile
addresses are XYZ (the web convention, row 0 at the north); MBTiles stores TMS rows (row 0 at
the south), which its reader flips.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from crisisconsole.domain.geo import Bounds
from crisisconsole.errors import ValidationError
from crisisconsole.i18n import tr

MAX_TILE_BYTES = 4_000_000  # a 512 px raster tile is ~100 kB; bigger is hostile or broken
MAX_ZOOM = 24
RASTER_FORMATS = ("png", "jpg", "webp")
SQLITE_MAGIC = b"SQLite format 3\x00"
PMTILES_MAGIC = b"PMTiles"


class TilesRefused(ValidationError, ValueError):
    """A tile file the map will not use; the map draws its plain background instead."""


@dataclass(frozen=True)
class TileMetadata:
    kind: str  # "mbtiles" | "pmtiles"
    format: str  # "png" | "jpg" | "webp"
    min_zoom: int
    max_zoom: int
    bounds: Bounds | None = None
    name: str = ""
    attribution: str = ""  # plain text, shown on the map (OpenStreetMap data requires it)


class TileSource(Protocol):
    """What the painter needs from a tile file."""

    metadata: TileMetadata
    path: Path

    def tile(self, z: int, x: int, y: int) -> bytes | None:
        """The encoded image of XYZ tile (z, x, y), or None when the file has none (or that
        tile is unreadable: one broken tile must not break the map)."""
        ...

    def close(self) -> None: ...


def sniff_format(data: bytes) -> str | None:
    """The raster format of tile bytes by their magic number."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    return None


def normal_format(value: str) -> str:
    """A declared tile format, checked: raster formats pass; vector tiles and others are
    refused with a message that says what to supply instead."""
    text = (value or "").strip().lower()
    text = {"jpeg": "jpg", "image/png": "png", "image/jpeg": "jpg", "image/webp": "webp"}.get(
        text, text)
    if text in RASTER_FORMATS:
        return text
    if text in ("pbf", "mvt", "mlt", "application/x-protobuf", "vector"):
        raise TilesRefused(tr(
            "vectortegels (pbf) worden niet getekend: lever een rasterbestand (png, jpg of webp)",
            "vector tiles (pbf) are not drawn: supply a raster file (png, jpg or webp)"))
    raise TilesRefused(tr(f"tegelformaat {text[:20]!r} niet ondersteund (png, jpg, webp)",
                          f"tile format {text[:20]!r} not supported (png, jpg, webp)"))


def check_zooms(min_zoom: int, max_zoom: int) -> tuple[int, int]:
    if not (0 <= min_zoom <= max_zoom <= MAX_ZOOM):
        raise TilesRefused(tr(f"ongeldige zoomniveaus {min_zoom}…{max_zoom}",
                              f"invalid zoom levels {min_zoom}…{max_zoom}"))
    return min_zoom, max_zoom


def parse_bounds(text: str | None) -> Bounds | None:
    """MBTiles "left,bottom,right,top" as Bounds; None when absent or not sensible (bounds are
    a hint for the first view, never a reason to refuse a file)."""
    try:
        west, south, east, north = (float(part) for part in (text or "").split(","))
    except ValueError:
        return None
    if -180 <= west < east <= 180 and -90 <= south < north <= 90:
        return Bounds(south, west, north, east)
    return None


def corrupt(path: Path, detail: str = "") -> TilesRefused:
    extra = f" ({detail})" if detail else ""
    return TilesRefused(tr(f"tegelbestand is beschadigd: {path.name}{extra}",
                           f"tile file is corrupt: {path.name}{extra}"))
