"""A profile's secret, turned into what the database may keep: never the secret itself.

One master is derived with scrypt from the secret and the profile's own random salt; HMAC
splits it into a *verifier* (stored: proves a secret right without revealing it) and a
*key-encryption key* (never stored). The KEK protects the profile's X25519 private key; the
cards key is sealed to the matching public key. So an aide who holds the cards key can grant it
to another aide or mayor without knowing that profile's secret (the grant team mode syncs
later), and a profile that changes its secret keeps its key pair and therefore its grants.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

SALT_BYTES = 16
NONCE_BYTES = 12
# scrypt parameters by name; the name is stored with each secret, so stronger parameters can
# come later without locking anyone out. "scrypt-v1" costs about 60 ms here.
KDFS: dict[str, dict[str, int]] = {
    "scrypt-v1": {"n": 2**15, "r": 8, "p": 1, "maxmem": 2**26},
    # Only for the test suite (tests/conftest.py selects it): a thousand tests sign in.
    "scrypt-test": {"n": 2**10, "r": 8, "p": 1, "maxmem": 2**26},
}
DEFAULT_KDF = "scrypt-v1"
_VERIFIER_LABEL = b"crisisconsole profile verifier v1"
_KEK_LABEL = b"crisisconsole profile key-encryption key v1"
_SEAL_INFO = b"crisisconsole cards key seal v1"
_RAW = serialization.Encoding.Raw


class CryptoRefused(Exception):
    """A value does not open with this key (wrong key, or altered behind the app's back)."""


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError):
        raise CryptoRefused("not base64") from None


@dataclass(frozen=True)
class SecretKeys:
    """What a right secret opens: the verifier (to compare) and the KEK (to unwrap)."""

    verifier: bytes
    kek: bytes


def derive(secret: str, salt: bytes, kdf: str) -> SecretKeys:
    try:
        params = KDFS[kdf]
    except KeyError:
        raise CryptoRefused(f"unknown kdf {kdf!r}") from None
    master = hashlib.scrypt(secret.encode("utf-8"), salt=salt, dklen=32, **params)
    return SecretKeys(hmac.new(master, _VERIFIER_LABEL, hashlib.sha256).digest(),
                      hmac.new(master, _KEK_LABEL, hashlib.sha256).digest())


def matches(keys: SecretKeys, verifier_b64: str) -> bool:
    return hmac.compare_digest(keys.verifier, unb64(verifier_b64))


def _private_ad(profile_id: str) -> bytes:
    return f"profile-private\x1f{profile_id}".encode()


@dataclass(frozen=True)
class SecretRecord:
    """The stored side of a profile secret (table profile_secret)."""

    kdf: str
    salt: str
    verifier: str
    public_key: str
    sealed_private: str


def new_record(secret: str, profile_id: str, private: bytes | None = None,
               kdf: str | None = None) -> tuple[SecretRecord, bytes]:
    """A new salt and verifier for ``secret``; the key pair is new unless ``private`` (the raw
    private key the profile already has) is given. Returns the record and the private key."""
    kdf = kdf or DEFAULT_KDF
    salt = os.urandom(SALT_BYTES)
    keys = derive(secret, salt, kdf)
    key = (X25519PrivateKey.from_private_bytes(private) if private is not None
           else X25519PrivateKey.generate())
    raw = key.private_bytes(_RAW, serialization.PrivateFormat.Raw, serialization.NoEncryption())
    nonce = os.urandom(NONCE_BYTES)
    sealed = nonce + AESGCM(keys.kek).encrypt(nonce, raw, _private_ad(profile_id))
    public = key.public_key().public_bytes(_RAW, serialization.PublicFormat.Raw)
    return SecretRecord(kdf, b64(salt), b64(keys.verifier), b64(public), b64(sealed)), raw


def open_private(keys: SecretKeys, record: SecretRecord, profile_id: str) -> bytes:
    data = unb64(record.sealed_private)
    try:
        return AESGCM(keys.kek).decrypt(data[:NONCE_BYTES], data[NONCE_BYTES:],
                                        _private_ad(profile_id))
    except InvalidTag:
        raise CryptoRefused("private key does not open") from None


def _seal_key(shared: bytes, ephemeral: bytes, recipient: bytes) -> bytes:
    return HKDF(hashes.SHA256(), 32, salt=None,
                info=_SEAL_INFO + ephemeral + recipient).derive(shared)


def seal(secret_value: bytes, public_key_b64: str, ad: bytes) -> str:
    """``secret_value`` readable only with the private key of ``public_key_b64`` (ECIES:
    X25519 with a fresh ephemeral key, HKDF-SHA256, AES-256-GCM bound to ``ad``)."""
    recipient = unb64(public_key_b64)
    ephemeral = X25519PrivateKey.generate()
    eph_public = ephemeral.public_key().public_bytes(_RAW, serialization.PublicFormat.Raw)
    key = _seal_key(ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient)),
                    eph_public, recipient)
    nonce = os.urandom(NONCE_BYTES)
    return b64(eph_public + nonce + AESGCM(key).encrypt(nonce, secret_value, ad))


def unseal(sealed_b64: str, private: bytes, ad: bytes) -> bytes:
    data = unb64(sealed_b64)
    eph_public, nonce, body = data[:32], data[32:32 + NONCE_BYTES], data[32 + NONCE_BYTES:]
    key_obj = X25519PrivateKey.from_private_bytes(private)
    recipient = key_obj.public_key().public_bytes(_RAW, serialization.PublicFormat.Raw)
    try:
        key = _seal_key(key_obj.exchange(X25519PublicKey.from_public_bytes(eph_public)),
                        eph_public, recipient)
        return AESGCM(key).decrypt(nonce, body, ad)
    except (InvalidTag, ValueError):
        raise CryptoRefused("sealed value does not open") from None
