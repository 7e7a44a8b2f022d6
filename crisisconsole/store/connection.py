"""Opening one SQLCipher connection with the PRAGMAs every connection must have."""

from __future__ import annotations

import errno
import sys
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher

from crisisconsole.errors import (
    DatabaseLockedError,
    NotWritableError,
    StoreError,
    WrongKeyError,
)
from crisisconsole.store.keys import DatabaseKey

BUSY_TIMEOUT_MS = 5000


def connect(path: Path, key: DatabaseKey, *, check: bool = True) -> sqlcipher.Connection:
    """A connection with key, WAL, synchronous=FULL, foreign keys, secure delete and a busy
    timeout."""
    try:
        conn = sqlcipher.connect(
            str(path), isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000
        )
    except sqlcipher.Error as exc:
        raise translate_error(exc, path) from None
    try:
        # SQLCipher writes decryption failures to stderr; the app says it in one line instead.
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(key.pragma())
        if check:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            raise StoreError(f"WAL niet beschikbaar / cannot use WAL journal: {mode}")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        # Overwritten or deleted content is zeroed, not left readable in free pages.
        conn.execute("PRAGMA secure_delete = ON")
        if sys.platform == "darwin":
            conn.execute("PRAGMA fullfsync = ON")
            conn.execute("PRAGMA checkpoint_fullfsync = ON")
    except sqlcipher.Error as exc:
        conn.close()
        raise translate_error(exc, path) from None
    return conn


def translate_error(exc: BaseException, path: Path | str = "") -> StoreError:
    """Turn a driver or OS error into one line a user understands."""
    text = str(exc).lower()
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return NotWritableError(f"schijf vol / disk full: {path}")
    if "file is not a database" in text or "not an error" == text:
        return WrongKeyError(
            "verkeerde sleutel of wachtzin, of geen crisisconsole-database / "
            "wrong key or passphrase, or not a crisisconsole database"
        )
    if "locked" in text or "busy" in text:
        return DatabaseLockedError(
            "database is vergrendeld door een ander programma / database is locked"
        )
    if "disk is full" in text or "disk full" in text:
        return NotWritableError(f"schijf vol / disk full: {path}")
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return NotWritableError(
            f"locatie niet schrijfbaar / location not writable: {path}"
        )
    if "disk i/o" in text:
        return NotWritableError(f"schrijffout op schijf (vol?) / disk I/O error (full?): {path}")
    return StoreError(f"databasefout / database error: {exc}")
