"""MBTiles 1.3 (a SQLite file: tables or views ``metadata`` and ``tiles``): reading an
untrusted file, and writing one (the demo's generated map).

The file comes from outside, so it is opened read-only with ``trusted_schema`` off (no function
in a hostile view or trigger runs with side effects) and every query has a step budget: a
``tiles`` view built to run forever is interrupted and the file refused. Rows are TMS (row 0 at
the south): ``tile`` takes XYZ and flips the row.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable, Mapping
from pathlib import Path
from urllib.parse import quote

from crisisconsole.i18n import tr
from crisisconsole.interchange.tiles import (
    MAX_TILE_BYTES,
    TileMetadata,
    TilesRefused,
    check_zooms,
    corrupt,
    normal_format,
    parse_bounds,
    sniff_format,
)
from crisisconsole.safe_files import write_with

# SQLite calls the progress handler every _STEP virtual-machine instructions; a query that needs
# more than _STEP * _MAX_CALLS of them (a few hundred milliseconds) is interrupted.
_STEP = 10_000
_MAX_CALLS = 2_000
_MAX_METADATA_ROWS = 1_000
_MAX_METADATA_VALUE = 10_000


class MbTiles:
    """A read-only MBTiles file; ``tile`` is safe to call from the GUI thread or a worker."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._calls = 0
        try:
            self._db = sqlite3.connect(f"file:{quote(str(self.path.resolve()))}?mode=ro",
                                       uri=True, check_same_thread=False)
        except sqlite3.Error as error:
            raise corrupt(self.path, str(error)) from None
        try:
            self._db.set_progress_handler(self._progress, _STEP)
            for pragma in ("trusted_schema = OFF", "query_only = ON", "cell_size_check = ON",
                           "mmap_size = 0"):
                self._db.execute(f"PRAGMA {pragma}")
            self.metadata = self._read_metadata()
        except TilesRefused:
            self._db.close()
            raise
        except sqlite3.Error as error:
            self._db.close()
            raise corrupt(self.path, _short(error)) from None

    def _progress(self) -> int:
        self._calls += 1
        return 1 if self._calls > _MAX_CALLS else 0  # non-zero interrupts the query

    def _query(self, sql: str, params: tuple = ()) -> list[tuple]:
        with self._lock:
            self._calls = 0
            return self._db.execute(sql, params).fetchall()

    def _read_metadata(self) -> TileMetadata:
        names = {row[0]: row[1] for row in self._query(
            "SELECT name, type FROM sqlite_master WHERE name IN ('metadata', 'tiles')")}
        if names.get("tiles") not in ("table", "view"):
            raise TilesRefused(tr(f"{self.path.name} is een SQLite-bestand maar geen MBTiles "
                                  "(tabel 'tiles' ontbreekt)",
                                  f"{self.path.name} is a SQLite file but not MBTiles "
                                  "(table 'tiles' missing)"))
        columns = {row[1] for row in self._query("PRAGMA table_info(tiles)")}
        if not {"zoom_level", "tile_column", "tile_row", "tile_data"} <= columns:
            raise corrupt(self.path, tr("kolommen van 'tiles' ontbreken",
                                        "columns of 'tiles' missing"))
        meta: dict[str, str] = {}
        if names.get("metadata") in ("table", "view"):
            for name, value in self._query("SELECT name, value FROM metadata LIMIT ?",
                                           (_MAX_METADATA_ROWS,)):
                if isinstance(name, str) and value is not None:
                    meta[name.strip().lower()] = str(value)[:_MAX_METADATA_VALUE]
        sample = self._query("SELECT tile_data FROM tiles LIMIT 1")
        if not sample or not isinstance(sample[0][0], bytes):
            raise TilesRefused(tr(f"{self.path.name} bevat geen tegels",
                                  f"{self.path.name} holds no tiles"))
        sniffed = sniff_format(sample[0][0])
        declared = meta.get("format")
        if declared is None and sniffed is None:
            raise TilesRefused(tr(f"{self.path.name}: tegels zijn geen png, jpg of webp "
                                  "(vectortegels worden niet getekend)",
                                  f"{self.path.name}: tiles are not png, jpg or webp "
                                  "(vector tiles are not drawn)"))
        fmt = normal_format(declared if declared is not None else sniffed or "")
        zooms = self._zooms(meta)
        return TileMetadata("mbtiles", fmt, *zooms, bounds=parse_bounds(meta.get("bounds")),
                            name=meta.get("name", ""), attribution=meta.get("attribution", ""))

    def _zooms(self, meta: Mapping[str, str]) -> tuple[int, int]:
        try:
            return check_zooms(int(meta["minzoom"]), int(meta["maxzoom"]))
        except (KeyError, ValueError):
            pass  # optional in MBTiles 1.3: ask the tiles (the unique index makes this quick)
        low, high = self._query("SELECT MIN(zoom_level), MAX(zoom_level) FROM tiles")[0]
        if not isinstance(low, int) or not isinstance(high, int):
            raise corrupt(self.path, tr("zoomniveaus onleesbaar", "zoom levels unreadable"))
        return check_zooms(low, high)

    def tile(self, z: int, x: int, y: int) -> bytes | None:
        if not (0 <= z <= 30 and 0 <= x < 1 << z and 0 <= y < 1 << z):
            return None
        try:
            rows = self._query(
                "SELECT CASE WHEN length(tile_data) <= ? THEN tile_data END FROM tiles "
                "WHERE zoom_level = ? AND tile_column = ? AND tile_row = ? LIMIT 1",
                (MAX_TILE_BYTES, z, x, (1 << z) - 1 - y))
        except sqlite3.Error:
            return None  # a broken page or an interrupted view: this tile is missing
        if not rows or not isinstance(rows[0][0], bytes):
            return None
        return rows[0][0]

    def close(self) -> None:
        with self._lock:
            self._db.close()


def _short(error: sqlite3.Error) -> str:
    return str(error).splitlines()[0][:80] if str(error) else type(error).__name__


def write_mbtiles(target: Path | str, tiles: Iterable[tuple[int, int, int, bytes]],
                  metadata: Mapping[str, str]) -> Path:
    """Write an MBTiles file from XYZ tiles (``(z, x, y, data)``), through the safe file writer
    (a temporary file beside the target, renamed when complete)."""

    def produce(temp: Path) -> None:
        db = sqlite3.connect(temp)
        try:
            db.execute("PRAGMA journal_mode = OFF")  # a fresh file, published only when complete
            db.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
            db.execute("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, "
                       "tile_row INTEGER, tile_data BLOB)")
            db.execute("CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, "
                       "tile_row)")
            db.executemany("INSERT INTO metadata VALUES (?, ?)", sorted(metadata.items()))
            db.executemany("INSERT INTO tiles VALUES (?, ?, ?, ?)",
                           ((z, x, (1 << z) - 1 - y, data) for z, x, y, data in tiles))
            db.commit()
        finally:
            db.close()

    return write_with(target, produce)
