"""PMTiles v3 (one file: header, directories, tile data), read with the ``pmtiles`` package's
header and directory codecs over plain positioned reads of the local file.

The package's own Reader maps the whole file and trusts it; this one does not: every range is
checked against the file size, a directory may unpack to at most ``MAX_DIRECTORY`` bytes (a
gzip bomb is refused), leaf directories nest at most four deep (as the spec says), and parsed
directories are cached, so drawing a frame does not unpack the root directory once per tile.
Reads use ``os.pread`` rather than a memory map: a file truncated while open then gives a
missing tile instead of a crash (SIGBUS).
"""

from __future__ import annotations

import gzip
import json
import os
import threading
import zlib
from collections import OrderedDict
from pathlib import Path
from typing import Any

from pmtiles.tile import (
    Compression,
    Entry,
    TileType,
    deserialize_directory,
    deserialize_header,
    find_tile,
    zxy_to_tileid,
)

from crisisconsole.domain.geo import Bounds
from crisisconsole.i18n import tr
from crisisconsole.interchange.tiles import (
    MAX_TILE_BYTES,
    TileMetadata,
    TilesRefused,
    check_zooms,
    corrupt,
    normal_format,
)

HEADER_BYTES = 127
MAX_DIRECTORY = 8_000_000  # unpacked; a leaf of 4096 entries is ~20 kB
MAX_METADATA = 1_000_000
_MAX_DEPTH = 4
_CACHED_DIRECTORIES = 64
_FORMATS = {TileType.PNG: "png", TileType.JPEG: "jpg", TileType.WEBP: "webp",
            TileType.MVT: "pbf", TileType.MLT: "mlt", TileType.AVIF: "avif"}


class _BadFile(Exception):
    """Internal: a range or a directory that does not fit the file."""


class PmTiles:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._directories: OrderedDict[tuple[int, int], list[Entry]] = OrderedDict()
        try:
            self._fd = os.open(self.path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        except OSError as error:
            raise TilesRefused(tr(f"tegelbestand niet te lezen: {error.strerror}",
                                  f"tile file cannot be read: {error.strerror}")) from None
        try:
            self.metadata = self._open()
        except TilesRefused:
            os.close(self._fd)
            raise
        except Exception as error:  # noqa: BLE001 - any decoding failure of a hostile file
            os.close(self._fd)
            raise corrupt(self.path, type(error).__name__) from None

    def _read(self, offset: int, length: int) -> bytes:
        if offset < 0 or length < 0 or offset + length > self._size:
            raise _BadFile(f"range {offset}+{length} outside the file")
        data = os.pread(self._fd, length, offset)
        if len(data) != length:
            raise _BadFile("short read")
        return data

    def _open(self) -> TileMetadata:
        self._size = os.fstat(self._fd).st_size
        if self._size < HEADER_BYTES:
            raise corrupt(self.path, tr("te kort", "too short"))
        try:
            header = deserialize_header(self._read(0, HEADER_BYTES))
        except Exception:  # noqa: BLE001 - wrong version, unknown enum values
            raise TilesRefused(tr(f"{self.path.name}: alleen PMTiles versie 3 met bekende "
                                  "instellingen wordt gelezen",
                                  f"{self.path.name}: only PMTiles version 3 with known "
                                  "settings is read")) from None
        self._header = header
        if header["internal_compression"] not in (Compression.GZIP, Compression.NONE):
            raise TilesRefused(tr("PMTiles met brotli- of zstd-compressie wordt niet gelezen "
                                  "(gebruik gzip)",
                                  "PMTiles with brotli or zstd compression is not read "
                                  "(use gzip)"))
        if header["tile_compression"] not in (Compression.NONE, Compression.UNKNOWN,
                                              Compression.GZIP):
            raise TilesRefused(tr("tegelcompressie niet ondersteund",
                                  "tile compression not supported"))
        fmt = normal_format(_FORMATS.get(header["tile_type"], "onbekend"))
        zooms = check_zooms(header["min_zoom"], header["max_zoom"])
        self._directory(header["root_offset"], header["root_length"])  # readable at all?
        meta = self._metadata()
        if self.tile_count() == 0:
            raise TilesRefused(tr(f"{self.path.name} bevat geen tegels",
                                  f"{self.path.name} holds no tiles"))
        bounds = None
        west, south = header["min_lon_e7"] / 1e7, header["min_lat_e7"] / 1e7
        east, north = header["max_lon_e7"] / 1e7, header["max_lat_e7"] / 1e7
        if -180 <= west < east <= 180 and -90 <= south < north <= 90:
            bounds = Bounds(south, west, north, east)
        return TileMetadata("pmtiles", fmt, *zooms, bounds=bounds,
                            name=str(meta.get("name", ""))[:200],
                            attribution=str(meta.get("attribution", ""))[:2000])

    def tile_count(self) -> int:
        return int(self._header["addressed_tiles_count"] or len(self._root()))

    def _root(self) -> list[Entry]:
        return self._directory(self._header["root_offset"], self._header["root_length"])

    def _unpack(self, data: bytes, limit: int, compression: Compression) -> bytes:
        if compression != Compression.GZIP:
            return data
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        out = inflater.decompress(data, limit + 1)
        if len(out) > limit:
            raise _BadFile("unpacks too large")
        return out

    def _directory(self, offset: int, length: int) -> list[Entry]:
        key = (offset, length)
        cached = self._directories.get(key)
        if cached is not None:
            self._directories.move_to_end(key)
            return cached
        if length > MAX_DIRECTORY:
            raise _BadFile("directory too large")
        packed = self._read(offset, length)
        compression = self._header["internal_compression"]
        plain = self._unpack(packed, MAX_DIRECTORY, compression)  # bounded check first
        entries = deserialize_directory(packed if compression == Compression.GZIP
                                        else gzip.compress(plain, mtime=0))
        self._directories[key] = entries
        if len(self._directories) > _CACHED_DIRECTORIES:
            self._directories.popitem(last=False)
        return entries

    def _metadata(self) -> dict[str, Any]:
        length = self._header["metadata_length"]
        if not length:
            return {}
        if length > MAX_METADATA:
            raise _BadFile("metadata too large")
        raw = self._unpack(self._read(self._header["metadata_offset"], length), MAX_METADATA,
                           self._header["internal_compression"])
        value = json.loads(raw.decode("utf-8"))
        return value if isinstance(value, dict) else {}

    def tile(self, z: int, x: int, y: int) -> bytes | None:
        try:
            tile_id = zxy_to_tileid(z, x, y)
        except (ValueError, OverflowError):
            return None
        header = self._header
        try:
            with self._lock:
                offset, length = header["root_offset"], header["root_length"]
                for _ in range(_MAX_DEPTH):
                    entry = find_tile(self._directory(offset, length), tile_id)
                    if entry is None:
                        return None
                    if entry.run_length > 0:
                        if entry.length > MAX_TILE_BYTES:
                            return None
                        data = self._read(header["tile_data_offset"] + entry.offset,
                                          entry.length)
                        return self._unpack(data, MAX_TILE_BYTES, header["tile_compression"])
                    offset = header["leaf_directory_offset"] + entry.offset
                    length = entry.length
        except Exception:  # noqa: BLE001 - a broken directory or tile is a missing tile
            return None
        return None

    def close(self) -> None:
        with self._lock:
            if self._fd >= 0:
                os.close(self._fd)
                self._fd = -1
