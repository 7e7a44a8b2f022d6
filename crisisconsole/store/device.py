"""This installation's device id, part of every audit record's origin."""

from __future__ import annotations

from contextlib import suppress

from crisisconsole import __version__, safe_files
from crisisconsole.errors import StoreError
from crisisconsole.ids import new_id
from crisisconsole.paths import config_dir

_cached: str | None = None


def device_id() -> str:
    global _cached
    if _cached is None:
        path = config_dir() / "device_id"
        try:
            _cached = path.read_text(encoding="utf-8").strip() or None
        except OSError:
            _cached = None
        if _cached is None:
            _cached = new_id()
            try:
                safe_files.write_text(path, _cached, overwrite=False)
            except safe_files.FileExistsRefusal:  # another process was first: use its id
                with suppress(OSError):
                    _cached = path.read_text(encoding="utf-8").strip() or _cached
            except StoreError:
                pass  # read-only config: the id still holds for this process
    return _cached


def origin() -> str:
    return f"{device_id()}/crisisconsole {__version__}"


def reset_cache() -> None:
    global _cached
    _cached = None
