"""The one way the app writes a file (exports, letters, card PDFs, attachments, keys, anchors,
backups, .ics): a temporary file created beside the target with O_CREAT|O_EXCL|O_NOFOLLOW and
an unpredictable name, fsynced, then renamed over the target. A failure (full disk, a planted
symlink, a writer that raises) removes the temporary file and leaves the target as it was, so
there is never a half-written or 0-byte file and never a write through someone else's link.
"""

from __future__ import annotations

import errno
import os
import secrets
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import BinaryIO

from crisisconsole.errors import StoreError
from crisisconsole.i18n import tr

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_BINARY = getattr(os, "O_BINARY", 0)


class FileExistsRefusal(StoreError):
    """The target exists and the caller asked not to replace it."""


def _message(error: OSError, path: Path) -> str:
    if error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return tr(f"schijf vol: {path} is niet geschreven", f"disk full: {path} was not written")
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return tr(f"geen schrijfrechten: {path}", f"no permission to write: {path}")
    if error.errno == errno.ELOOP:
        return tr(f"geweigerd: {path} is een symbolische koppeling",
                  f"refused: {path} is a symbolic link")
    return tr(f"bestand niet geschreven: {path} ({error.strerror})",
              f"file not written: {path} ({error.strerror})")


def temp_path_beside(target: Path) -> Path:
    """A fresh, exclusively created, empty file next to ``target`` (for writers that want a
    path, such as SQLite's backup or QPdfWriter); the caller renames or removes it."""
    target = Path(target)
    for _ in range(16):
        candidate = target.with_name(f".{target.name}.{secrets.token_hex(8)}.tmp")
        try:
            fd = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _BINARY,
                         0o600)
        except FileExistsError:
            continue
        os.close(fd)
        return candidate
    raise StoreError(tr("geen tijdelijk bestand te maken naast " + str(target),
                        "cannot create a temporary file beside " + str(target)))


def refuse_existing(target: Path | str) -> None:
    """Refuse (before any work or record) a target that exists: exports never replace a file."""
    if os.path.lexists(target):
        raise FileExistsRefusal(tr(f"bestand bestaat al: {target}", f"file exists: {target}"))


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def _publish(temp: Path, target: Path, overwrite: bool) -> None:
    if overwrite:
        os.replace(temp, target)
        return
    try:
        os.link(temp, target)  # atomic "rename unless it exists"
    except FileExistsError:
        raise FileExistsRefusal(tr(f"bestand bestaat al: {target}",
                                   f"file exists: {target}")) from None
    except OSError:
        # File systems without hard links (FAT, exFAT on USB sticks): check, then rename.
        if os.path.lexists(target):
            raise FileExistsRefusal(tr(f"bestand bestaat al: {target}",
                                       f"file exists: {target}")) from None
        os.replace(temp, target)
        return
    os.unlink(temp)


def write_with(target: Path | str, produce: Callable[[Path], None], *, overwrite: bool = True,
               mode: int = 0o644) -> Path:
    """Let ``produce(temp_path)`` fill a fresh temporary file, then publish it as ``target``."""
    target = Path(target)
    if not overwrite:
        refuse_existing(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(_message(error, target.parent)) from None
    try:
        temp = temp_path_beside(target)
    except OSError as error:
        raise StoreError(_message(error, target)) from None
    try:
        produce(temp)
        with open(temp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.chmod(temp, mode)
        _publish(temp, target, overwrite)
    except OSError as error:
        with suppress(OSError):
            os.unlink(temp)
        raise StoreError(_message(error, target)) from None
    except BaseException:
        with suppress(OSError):
            os.unlink(temp)
        raise
    _fsync_dir(target.parent)
    return target


def write_bytes(target: Path | str, data: bytes, *, overwrite: bool = True,
                mode: int = 0o644) -> Path:
    def produce(temp: Path) -> None:
        fd = os.open(temp, os.O_WRONLY | os.O_TRUNC | _NOFOLLOW | _BINARY)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)

    return write_with(target, produce, overwrite=overwrite, mode=mode)


def write_text(target: Path | str, text: str, *, encoding: str = "utf-8", overwrite: bool = True,
               mode: int = 0o644) -> Path:
    return write_bytes(target, text.encode(encoding), overwrite=overwrite, mode=mode)


def write_stream(target: Path | str, produce: Callable[[BinaryIO], None], *,
                 overwrite: bool = True, mode: int = 0o644) -> Path:
    """``produce(handle)`` writes into an open binary handle (CSV, JSON, XLSX writers)."""
    def fill(temp: Path) -> None:
        fd = os.open(temp, os.O_WRONLY | os.O_TRUNC | _NOFOLLOW | _BINARY)
        with os.fdopen(fd, "wb") as handle:
            produce(handle)

    return write_with(target, fill, overwrite=overwrite, mode=mode)
