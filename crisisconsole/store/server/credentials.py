"""Where a laptop keeps its device credential for the team server: the OS keyring, or, where
there is none, wrapped (AES-GCM) under a key derived from the database key and kept in the
encrypted database itself, like the cards key is kept wrapped where no keyring holds it.

The DSN (never with a password) is kept in db_meta beside it."""

from __future__ import annotations

import os
from dataclasses import dataclass

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import text

from crisisconsole.store.engine import Store, WriteTx
from crisisconsole.store.secrets import SecretStore

DSN_KEY = "team_dsn"
WRAPPED_KEY = "team_credential_wrapped"
_INFO = b"crisisconsole team device credential v1"


@dataclass(frozen=True)
class Credential:
    dsn: str
    password: str
    where: str  # "keyring" or "database"


def _secret_name(store: Store) -> str:
    return f"team-device:{store.key.db_id}"


def _wrapping_key(store: Store) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=store.key.salt,
                info=_INFO).derive(store.key.key)


def _put_meta(tx: WriteTx, key: str, value: str | None) -> None:
    tx.conn.execute(text("DELETE FROM db_meta WHERE key = :k"), {"k": key})
    if value is not None:
        tx.conn.execute(text("INSERT INTO db_meta (key, value) VALUES (:k, :v)"),
                        {"k": key, "v": value})


def save(tx: WriteTx, store: Store, secret_store: SecretStore | None, dsn: str,
         password: str) -> str:
    """Keep the credential (inside the caller's write transaction); says where it went."""
    _put_meta(tx, DSN_KEY, dsn)
    if secret_store is not None and secret_store.usable():
        secret_store.set(_secret_name(store), password.encode("utf-8"))
        _put_meta(tx, WRAPPED_KEY, None)
        return "keyring"
    nonce = os.urandom(12)
    sealed = AESGCM(_wrapping_key(store)).encrypt(nonce, password.encode("utf-8"),
                                                  dsn.encode("utf-8"))
    _put_meta(tx, WRAPPED_KEY, (nonce + sealed).hex())
    return "database"


def load(store: Store, secret_store: SecretStore | None) -> Credential | None:
    with store.read() as conn:
        meta = {row.key: row.value for row in conn.execute(
            text("SELECT key, value FROM db_meta WHERE key IN (:a, :b)"),
            {"a": DSN_KEY, "b": WRAPPED_KEY})}
    dsn = meta.get(DSN_KEY)
    if dsn is None:
        return None
    wrapped = meta.get(WRAPPED_KEY)
    if wrapped:
        blob = bytes.fromhex(wrapped)
        password = AESGCM(_wrapping_key(store)).decrypt(blob[:12], blob[12:],
                                                        dsn.encode("utf-8"))
        return Credential(dsn, password.decode("utf-8"), "database")
    stored = secret_store.get(_secret_name(store)) if secret_store is not None else None
    if stored is None:
        return None
    return Credential(dsn, stored.decode("utf-8"), "keyring")
