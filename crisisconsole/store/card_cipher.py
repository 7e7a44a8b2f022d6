"""Card content encrypted with the cards key: need to know by cryptography, not only by code.

Every personal field of a card row (the columns marked ``info={"encrypted": True}`` in
tables_cards) is stored as ``cc1:`` + base64(nonce | AES-256-GCM ciphertext). The associated
data binds the value to its table, column and row id, so a value moved to another row or
column does not open. Plaintext is padded to a multiple of 32 bytes first, so the length of a
name tells little. Whoever holds only the database key (a viewer, a team laptop, a stolen
backup) sees these strings; the audit chain's content hashes are taken over them too.

The cards recovery code (shown once to the aide) opens a separate wrap of the cards key, for
the day every aide has lost their secret.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from crisisconsole.store.profile_crypto import CryptoRefused, b64, unb64

PREFIX = "cc1:"
KEY_BYTES = 32
NONCE_BYTES = 12
_PAD = 32
_ID_LABEL = b"crisisconsole cards key id v1"
_RECOVERY_INFO = b"crisisconsole cards recovery v1"
_B32 = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no I, O, 0, 1: read aloud and typed back
RECOVERY_BYTES = 20  # 160 bits, written as 32 characters in groups of four


def is_ciphertext(value: object) -> bool:
    return isinstance(value, str) and value.startswith(PREFIX)


def _ad(table: str, column: str, row_id: str) -> bytes:
    return f"{table}\x1f{column}\x1f{row_id}".encode()


def _pad(data: bytes) -> bytes:
    padded = data + b"\x80"
    return padded + b"\x00" * (-len(padded) % _PAD)


def _unpad(data: bytes) -> bytes:
    end = data.rstrip(b"\x00")
    if not end.endswith(b"\x80"):
        raise CryptoRefused("bad padding")
    return end[:-1]


@dataclass(frozen=True)
class CardsKey:
    """The random 256-bit cards key, unwrapped; held in memory by a session only."""

    key: bytes

    def __repr__(self) -> str:  # never print the key into a log or traceback
        return f"CardsKey(id={self.key_id})"

    @property
    def key_id(self) -> str:
        """A public name for the key (which wrap belongs to which key); reveals nothing."""
        return hmac.new(self.key, _ID_LABEL, hashlib.sha256).hexdigest()[:32]

    def encrypt(self, table: str, column: str, row_id: str, value: object) -> str | None:
        if value is None:
            return None
        nonce = os.urandom(NONCE_BYTES)
        body = AESGCM(self.key).encrypt(nonce, _pad(str(value).encode("utf-8")),
                                        _ad(table, column, row_id))
        return PREFIX + b64(nonce + body)

    def decrypt(self, table: str, column: str, row_id: str, stored: object) -> str | None:
        """The plaintext of a stored value; None stays None. Anything that is not our
        ciphertext is refused (content written around the app)."""
        if stored is None:
            return None
        if not is_ciphertext(stored):
            raise CryptoRefused("not encrypted")
        data = unb64(str(stored)[len(PREFIX):])
        try:
            plain = AESGCM(self.key).decrypt(data[:NONCE_BYTES], data[NONCE_BYTES:],
                                             _ad(table, column, row_id))
        except InvalidTag:
            raise CryptoRefused("does not open") from None
        return _unpad(plain).decode("utf-8")


def new_cards_key() -> CardsKey:
    return CardsKey(secrets.token_bytes(KEY_BYTES))


def wrap_ad(key_id: str, profile_id: str | None) -> bytes:
    return f"cards-key\x1f{key_id}\x1f{profile_id or 'recovery'}".encode()


# -- the cards recovery code -------------------------------------------------------------------

def new_recovery_code() -> str:
    raw = secrets.token_bytes(RECOVERY_BYTES)
    number = int.from_bytes(raw, "big")
    chars = []
    for _ in range(RECOVERY_BYTES * 8 // 5):
        number, digit = divmod(number, 32)
        chars.append(_B32[digit])
    text = "".join(reversed(chars))
    return "-".join(text[i:i + 4] for i in range(0, len(text), 4))


def recovery_bytes(code: str) -> bytes:
    """The code as typed (any case, spaces or dashes) back to its bytes."""
    cleaned = "".join(ch for ch in (code or "").upper() if ch.isalnum())
    if len(cleaned) != RECOVERY_BYTES * 8 // 5 or any(ch not in _B32 for ch in cleaned):
        raise CryptoRefused("not a cards recovery code")
    number = 0
    for ch in cleaned:
        number = number * 32 + _B32.index(ch)
    return number.to_bytes(RECOVERY_BYTES, "big")


def _recovery_key(code: str) -> bytes:
    return HKDF(hashes.SHA256(), 32, salt=None, info=_RECOVERY_INFO).derive(recovery_bytes(code))


def wrap_for_recovery(cards_key: CardsKey, code: str) -> str:
    nonce = os.urandom(NONCE_BYTES)
    body = AESGCM(_recovery_key(code)).encrypt(nonce, cards_key.key,
                                              wrap_ad(cards_key.key_id, None))
    return b64(nonce + body)


def unwrap_with_recovery(wrapped: str, code: str, key_id: str) -> CardsKey:
    data = unb64(wrapped)
    try:
        key = AESGCM(_recovery_key(code)).decrypt(data[:NONCE_BYTES], data[NONCE_BYTES:],
                                                  wrap_ad(key_id, None))
    except InvalidTag:
        raise CryptoRefused("recovery code does not open the cards key") from None
    return CardsKey(key)

