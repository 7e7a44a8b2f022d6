"""Creating and opening a database file: key, schema check, upgrade with a backup first."""

from __future__ import annotations

import os
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import text

from crisisconsole import __version__
from crisisconsole.clock import Clock, SystemClock, format_time, format_utc
from crisisconsole.errors import NotADatabaseError, NotWritableError, StoreError
from crisisconsole.i18n import tr
from crisisconsole.store import schema, tables
from crisisconsole.store.connection import connect_read_only, translate_error
from crisisconsole.store.engine import Store
from crisisconsole.store.keys import DatabaseKey, new_key, resolve_key
from crisisconsole.store.secrets import SecretStore


def create_database(
    path: Path,
    secret_store: SecretStore | None,
    *,
    passphrase: str | None = None,
    clock: Clock | None = None,
    purpose: str | None = None,
) -> Store:
    """A new encrypted database. Without a passphrase the random key goes to the keyring.
    ``purpose`` marks a demo or benchmark database in db_meta (such a database allows a clock
    override on commands that act)."""
    path = Path(path)
    if path.exists() and path.stat().st_size > 0:
        raise StoreError(tr(f'database bestaat al: {path}', f'database already exists: {path}'))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        raise NotWritableError(tr(f'locatie niet schrijfbaar: {path.parent}', f'location not writable: {path.parent}')) from None
    if not os.access(path.parent, os.W_OK):
        raise NotWritableError(tr(f'locatie niet schrijfbaar: {path.parent}', f'location not writable: {path.parent}'))
    if passphrase is None:
        if secret_store is None or not secret_store.usable():
            raise StoreError(
                tr("geen bruikbare sleutelbos: geef een wachtzin (CRISISCONSOLE_PASSPHRASE)", "no usable keyring: give a passphrase")
            )
    key = new_key(passphrase)
    if passphrase is None and secret_store is not None:
        # The key is stored before anything is written: a keyring that refuses must never
        # leave a database behind that nobody can open.
        try:
            secret_store.set(key.db_id, key.key)
        except Exception as error:  # noqa: BLE001 - any keyring failure: fall back to passphrase
            raise StoreError(
                tr("de sleutelbos weigert de sleutel op te slaan "
                   f"({type(error).__name__}); geef een wachtzin (CRISISCONSOLE_PASSPHRASE)",
                   f"the keyring refused the key ({type(error).__name__}): "
                   "use a passphrase (CRISISCONSOLE_PASSPHRASE)")
            ) from None
    store = Store(path, key, clock or SystemClock())
    try:
        with store.engine.connect() as conn:
            conn = conn.execution_options(cc_write=True)
            with conn.begin():
                schema.upgrade(conn)
                conn.execute(
                    tables.db_meta.insert(),
                    [
                        {"key": "db_id", "value": key.db_id},
                        {"key": "created_at", "value": format_utc(store.clock.now())},
                        {"key": "created_by_version", "value": __version__},
                        {"key": "key_mode", "value": "passphrase" if passphrase else "keyring"},
                        *([{"key": "purpose", "value": purpose}] if purpose else []),
                    ],
                )
    except BaseException:
        store.close()
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        raise
    return store


def open_database(
    path: Path,
    secret_store: SecretStore | None,
    *,
    key_file: Path | None = None,
    passphrase: str | None = None,
    clock: Clock | None = None,
    key: DatabaseKey | None = None,
    read_only: bool | None = None,
) -> Store:
    """Open an existing database; an older schema is backed up, then upgraded.

    The schema version is read first through a connection that writes nothing, so a file from
    a newer version is refused exactly as it was found (no journal-mode change, no -wal).
    ``read_only``: True opens without ever writing (verification); None decides from the
    medium: a file or folder that cannot be written opens read-only, for reading only."""
    path = Path(path)
    key = key or resolve_key(path, secret_store, key_file=key_file, passphrase=passphrase)
    needs_upgrade = schema.check_revision(_probe_revision(path, key))
    if read_only is None:
        read_only = not medium_writable(path)
    if read_only and needs_upgrade:
        raise NotWritableError(tr(
            f"{path.name} heeft een oudere schemaversie en moet eerst bijgewerkt worden, maar "
            "kan niet beschreven worden: kopieer hem naar een beschrijfbare map",
            f"{path.name} has an older schema and must be upgraded first, but cannot be "
            "written: copy it to a writable folder"))
    store = Store(path, key, clock or SystemClock(), read_only=read_only)
    if not needs_upgrade:
        return store
    try:
        stamp = format_time(store.clock.now(), "%Y%m%dT%H%M%S")
        store.backup(path.with_name(f"{path.name}.voor-upgrade-{stamp}.bak"))
        with store.engine.connect() as conn:
            conn = conn.execution_options(cc_write=True)
            with conn.begin():
                schema.upgrade(conn)
    except BaseException:
        store.close()
        raise
    return store


def _probe_revision(path: Path, key: DatabaseKey) -> str | None:
    conn = connect_read_only(path, key)
    try:
        tables = {row[0] for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not tables:
            return None
        if "alembic_version" not in tables or "db_meta" not in tables:
            raise NotADatabaseError(tr("geen crisisconsole-database", "not a crisisconsole database"))
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlcipher.Error as error:
        raise translate_error(error, path) from None
    finally:
        conn.close()
    return row[0] if row else None


def medium_writable(path: Path) -> bool:
    """Whether the file and its folder can be written (a read-only mount, a write-protected
    stick or a file without write permission cannot; for root too, through the mount)."""
    path = Path(path)
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def db_meta(store: Store) -> dict[str, str]:
    with store.read() as conn:
        return {row.key: row.value for row in conn.execute(text("SELECT key, value FROM db_meta"))}
