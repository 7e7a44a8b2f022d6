"""Database keys. Every database has one raw 256-bit SQLCipher key.

The database id is SQLCipher's own 16-byte salt, the first bytes of the file, so a key can be
looked up before the file is opened and without any side file. A passphrase is turned into the
raw key with scrypt over that same salt once per process: SQLCipher's own derivation would cost
about 100 ms on every connection.
"""

from __future__ import annotations

import hashlib
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from crisisconsole.errors import NotADatabaseError, NotFoundError, StoreError, WrongKeyError
from crisisconsole.i18n import tr
from crisisconsole.store.secrets import SecretStore

KEY_BYTES = 32
SALT_BYTES = 16
PASSPHRASE_ENV = "CRISISCONSOLE_PASSPHRASE"
# scrypt parameters, version 1 (about 60 ms here). Changing them needs a key-format version.
_SCRYPT = {"n": 2**15, "r": 8, "p": 1, "maxmem": 2**26}
_derived: dict[tuple[bytes, bytes], bytes] = {}


@dataclass(frozen=True)
class DatabaseKey:
    key: bytes
    salt: bytes

    @property
    def db_id(self) -> str:
        return self.salt.hex()

    def pragma(self) -> str:
        """`PRAGMA key` with the raw key and the explicit salt, so a new file gets our salt."""
        return f"PRAGMA key = \"x'{self.key.hex()}{self.salt.hex()}'\""

    def recovery_code(self) -> str:
        return self.key.hex()


def derive_key(passphrase: str, salt: bytes) -> bytes:
    if not passphrase:
        raise WrongKeyError(tr("lege wachtzin", "empty passphrase"))
    cache_key = (hashlib.sha256(passphrase.encode()).digest(), salt)
    if cache_key not in _derived:
        _derived[cache_key] = hashlib.scrypt(
            passphrase.encode("utf-8"), salt=salt, dklen=KEY_BYTES, **_SCRYPT
        )
    return _derived[cache_key]


def read_salt(path: Path) -> bytes:
    """The database id of an existing file; refuses plain SQLite and non-database files."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(SALT_BYTES)
    except FileNotFoundError:
        raise NotFoundError(tr(f'database niet gevonden: {path}', f'database not found: {path}')) from None
    except IsADirectoryError:
        raise NotADatabaseError(tr(f'geen databasebestand: {path}', f'not a database file: {path}')) from None
    except PermissionError:
        raise StoreError(tr(f'geen leesrechten: {path}', f'no permission to read: {path}')) from None
    if head.startswith(b"SQLite format 3"):
        raise NotADatabaseError(
            tr("onversleutelde SQLite-database: geen crisisconsole-database", "unencrypted SQLite file, not a crisisconsole database")
        )
    if len(head) < SALT_BYTES:
        raise NotADatabaseError(tr("geen crisisconsole-database", "not a crisisconsole database"))
    return head


def new_key(passphrase: str | None) -> DatabaseKey:
    salt = os.urandom(SALT_BYTES)
    if passphrase:
        return DatabaseKey(derive_key(passphrase, salt), salt)
    return DatabaseKey(secrets.token_bytes(KEY_BYTES), salt)


def parse_recovery_code(text: str) -> bytes:
    cleaned = "".join(text.split()).lower()
    if cleaned.startswith("x'") and cleaned.endswith("'"):
        cleaned = cleaned[2:-1]
    if len(cleaned) != KEY_BYTES * 2:
        raise WrongKeyError(tr("herstelcode moet 64 hexadecimale tekens zijn", "recovery code must be 64 hex characters"))
    try:
        return bytes.fromhex(cleaned)
    except ValueError:
        raise WrongKeyError(tr("herstelcode is geen hexadecimale tekst", "recovery code is not hex")) from None


def read_key_file(path: Path) -> bytes:
    try:
        return parse_recovery_code(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise NotFoundError(tr(f'sleutelbestand niet gevonden: {path}', f'key file not found: {path}')) from None
    except UnicodeDecodeError:
        raise WrongKeyError(tr("sleutelbestand onleesbaar", "key file is not text")) from None


def resolve_key(
    path: Path,
    secret_store: SecretStore | None,
    *,
    key_file: Path | None = None,
    passphrase: str | None = None,
) -> DatabaseKey:
    """Find the key of an existing database: key file, then keyring, then passphrase."""
    salt = read_salt(path)
    if key_file is not None:
        return DatabaseKey(read_key_file(key_file), salt)
    if secret_store is not None:
        stored = secret_store.get(salt.hex())
        if stored:
            return DatabaseKey(stored, salt)
    if passphrase is None:
        passphrase = os.environ.get(PASSPHRASE_ENV)
    if passphrase:
        return DatabaseKey(derive_key(passphrase, salt), salt)
    raise WrongKeyError(
        tr(f'geen sleutel: de sleutelbos kent deze database niet; geef de wachtzin ({PASSPHRASE_ENV}) of --key-file', "no key for this database: give the passphrase or a key file")
    )
