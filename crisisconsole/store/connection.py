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
from crisisconsole.i18n import tr
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
            raise StoreError(tr(f'WAL niet beschikbaar: {mode}', f'cannot use WAL journal: {mode}'))
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


def wal_path(path: Path) -> Path:
    return Path(str(path) + "-wal")


def connect_read_only(path: Path, key: DatabaseKey) -> sqlcipher.Connection:
    """A connection that never writes the file or creates one beside it (verify, a refused
    newer schema, a read-only medium).

    ``mode=ro`` alone is not enough: on a WAL-mode file without a -wal it creates an empty -wal
    and -shm (and cannot open at all where the folder is read-only). Without a -wal the file is
    the whole database, so it is opened ``immutable`` (no locks, no side files); with a -wal
    the acknowledged writes in it count, so it is opened ``mode=ro`` through it. No -wal also
    means no open WAL connection anywhere (SQLite keeps the -wal while one is open), so an
    immutable read does not race a writer's checkpoint."""
    path = Path(path)
    has_wal = wal_path(path).exists()
    # as_uri() percent-encodes ('?', '#', spaces) and gives file:///C:/... on Windows.
    uri = f"{path.absolute().as_uri()}?{'mode=ro' if has_wal else 'immutable=1'}"
    try:
        conn = sqlcipher.connect(uri, uri=True, isolation_level=None, check_same_thread=False,
                                 timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlcipher.Error as exc:
        raise _read_only_error(exc, path, has_wal) from None
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(key.pragma())
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA query_only = ON")
    except sqlcipher.Error as exc:
        conn.close()
        raise _read_only_error(exc, path, has_wal) from None
    return conn


def _read_only_error(exc: sqlcipher.Error, path: Path, has_wal: bool) -> StoreError:
    if has_wal and "unable to open" in str(exc).lower():
        return NotWritableError(tr(
            f"{path.name}-wal staat ernaast maar kan op dit alleen-lezen medium niet gelezen "
            "worden (de -shm ontbreekt): kopieer de database met de -wal naar een beschrijfbare map",
            f"{path.name}-wal lies beside it but cannot be read on this read-only medium (no "
            "-shm): copy the database with its -wal to a writable folder"))
    return translate_error(exc, path)


def translate_error(exc: BaseException, path: Path | str = "") -> StoreError:
    """Turn a driver or OS error into one line a user understands."""
    text = str(exc).lower()
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return NotWritableError(tr(f'schijf vol: {path}', f'disk full: {path}'))
    if "file is not a database" in text or "not an error" == text:
        return WrongKeyError(
            tr("verkeerde sleutel of wachtzin, of geen crisisconsole-database", "wrong key or passphrase, or not a crisisconsole database")
        )
    if "locked" in text or "busy" in text:
        return DatabaseLockedError(
            tr("database is vergrendeld door een ander programma", "database is locked")
        )
    if "disk is full" in text or "disk full" in text:
        return NotWritableError(tr(f'schijf vol: {path}', f'disk full: {path}'))
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return NotWritableError(
            tr(f'locatie niet schrijfbaar: {path}', f'location not writable: {path}')
        )
    if "disk i/o" in text:
        return NotWritableError(tr(f'schrijffout op schijf (vol?): {path}', f'disk I/O error (full?): {path}'))
    return StoreError(tr(f'databasefout: {exc}', f'database error: {exc}'))
