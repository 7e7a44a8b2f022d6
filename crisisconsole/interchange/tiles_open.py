"""Opening a tile file by what it holds (MBTiles is SQLite, PMTiles has its own header)."""

from __future__ import annotations

from pathlib import Path

from crisisconsole.i18n import tr
from crisisconsole.interchange.tiles import PMTILES_MAGIC, SQLITE_MAGIC, TileSource, TilesRefused
from crisisconsole.interchange.tiles_mbtiles import MbTiles
from crisisconsole.interchange.tiles_pmtiles import PmTiles


def open_tiles(path: Path | str) -> TileSource:
    """Open an MBTiles or PMTiles file for reading; TilesRefused when it is neither, corrupt,
    empty, or holds vector tiles."""
    path = Path(path)
    try:
        with open(path, "rb") as handle:
            head = handle.read(16)
    except FileNotFoundError:
        raise TilesRefused(tr(f"tegelbestand niet gevonden: {path}",
                              f"tile file not found: {path}")) from None
    except IsADirectoryError:
        raise TilesRefused(tr(f"geen bestand: {path}", f"not a file: {path}")) from None
    except OSError as error:
        raise TilesRefused(tr(f"tegelbestand niet te lezen: {path} ({error.strerror})",
                              f"tile file cannot be read: {path} ({error.strerror})")) from None
    if head.startswith(SQLITE_MAGIC):
        return MbTiles(path)
    if head.startswith(PMTILES_MAGIC):
        return PmTiles(path)
    raise TilesRefused(tr(f"geen MBTiles- of PMTiles-bestand: {path.name}",
                          f"not an MBTiles or PMTiles file: {path.name}"))
