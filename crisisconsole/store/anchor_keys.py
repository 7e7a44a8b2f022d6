"""Where the per-database Ed25519 signing key of audit anchors is kept.

The scheme. An anchor is the audit chain's head (seq, hash), signed. Its worth is that whoever
holds only the database file and its key cannot make one: so the signing key never goes into the
database, and neither does the verifying key. Both are kept together in the OS keyring (one
entry per database: the 32-byte private seed followed by the 32-byte public key), and an anchor
is checked against the public key found there, never against the key written in the anchor
itself; an anchor naming another key is refused. The stored public key must also be the one the
stored seed gives, so a damaged or half-replaced keyring entry is refused rather than trusted.

`AnchorKeys` is the small interface (get, create) so another store can hold the pair where there
is no keyring: store.anchor_keys_wrapped seals it with the cards key inside the database.
`KeyringFirst` chooses between the two: a pair found in either is used; a new one goes to the
keyring when there is one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)

from crisisconsole.errors import AnchorError
from crisisconsole.i18n import tr
from crisisconsole.store.secrets import SecretStore

ENTRY_PREFIX = "anchor-signing:"  # keyring name: prefix + db_id, beside the database keys
SEED_BYTES = 32


@dataclass(frozen=True)
class AnchorKeyPair:
    private: Ed25519PrivateKey
    public: bytes  # raw 32 bytes

    @property
    def public_hex(self) -> str:
        return self.public.hex()

    def sign(self, data: bytes) -> bytes:
        return self.private.sign(data)

    def verifier(self) -> Ed25519PublicKey:
        return Ed25519PublicKey.from_public_bytes(self.public)


class AnchorKeys(Protocol):
    def usable(self) -> bool: ...

    def get(self, db_id: str) -> AnchorKeyPair | None: ...

    def create(self, db_id: str) -> AnchorKeyPair: ...


def _public_bytes(private: Ed25519PrivateKey) -> bytes:
    return private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def new_pair() -> AnchorKeyPair:
    private = Ed25519PrivateKey.generate()
    return AnchorKeyPair(private, _public_bytes(private))


def pair_to_bytes(pair: AnchorKeyPair) -> bytes:
    seed = pair.private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    return seed + pair.public


def pair_from_bytes(stored: bytes) -> AnchorKeyPair:
    if len(stored) != 2 * SEED_BYTES:
        raise AnchorError(_damaged())
    private = Ed25519PrivateKey.from_private_bytes(stored[:SEED_BYTES])
    if _public_bytes(private) != stored[SEED_BYTES:]:
        raise AnchorError(_damaged())
    return AnchorKeyPair(private, stored[SEED_BYTES:])


def _damaged() -> str:
    return tr("de ankersleutel in de sleutelbos is beschadigd: ankers zijn niet te controleren",
              "the anchor key in the keyring is damaged: anchors cannot be checked")


def keyring_needed() -> str:
    return tr("een anker ondertekenen of controleren vraagt een bruikbare sleutelbos (de "
              "OS-keyring) of, waar die er niet is, het geheim van een assistent of "
              "burgemeester (CRISISCONSOLE_PROFILE_SECRET)",
              "signing or checking an anchor needs a usable keyring (the OS keyring) or, "
              "where there is none, the secret of an aide or mayor profile "
              "(CRISISCONSOLE_PROFILE_SECRET)")


class SecretStoreAnchorKeys:
    """The pair in a SecretStore (the OS keyring; MemorySecretStore in tests)."""

    def __init__(self, secrets: SecretStore) -> None:
        self._secrets = secrets

    def usable(self) -> bool:
        return self._secrets.usable()

    def get(self, db_id: str) -> AnchorKeyPair | None:
        if not self.usable():
            raise AnchorError(keyring_needed())
        stored = self._secrets.get(ENTRY_PREFIX + db_id)
        return pair_from_bytes(stored) if stored else None

    def create(self, db_id: str) -> AnchorKeyPair:
        """A new pair; refused when one exists (a verifying key is never replaced silently)."""
        if self.get(db_id) is not None:
            raise AnchorError(tr("er is al een ankersleutel voor deze database",
                                 "this database has an anchor key already"))
        pair = new_pair()
        try:
            self._secrets.set(ENTRY_PREFIX + db_id, pair_to_bytes(pair))
        except Exception as error:  # noqa: BLE001 - any keyring failure means: no anchor
            raise AnchorError(tr(
                f"de sleutelbos weigert de ankersleutel ({type(error).__name__})",
                f"the keyring refused the anchor key ({type(error).__name__})")) from None
        return pair


def signing_pair(keys: AnchorKeys, db_id: str) -> AnchorKeyPair:
    """The database's pair, made on first use."""
    if not keys.usable():
        raise AnchorError(keyring_needed())
    return keys.get(db_id) or keys.create(db_id)


class KeyringFirst:
    """The keyring, and beside it a fallback (the pair sealed with the cards key) or None.

    A pair already kept in either is the database's pair (a database anchored on a laptop
    without a keyring keeps its sealed pair when it moves to one with a keyring); a new pair
    goes to the keyring when it is usable, else to the fallback."""

    def __init__(self, keyring: AnchorKeys, fallback: AnchorKeys | None) -> None:
        self._keyring = keyring
        self._fallback = fallback

    def usable(self) -> bool:
        return self._keyring.usable() or self._fallback is not None

    def get(self, db_id: str) -> AnchorKeyPair | None:
        if self._keyring.usable():
            found = self._keyring.get(db_id)
            if found is not None:
                return found
        return self._fallback.get(db_id) if self._fallback is not None else None

    def create(self, db_id: str) -> AnchorKeyPair:
        if self.get(db_id) is not None:
            raise AnchorError(tr("er is al een ankersleutel voor deze database",
                                 "this database has an anchor key already"))
        if self._keyring.usable():
            return self._keyring.create(db_id)
        if self._fallback is None:
            raise AnchorError(keyring_needed())
        return self._fallback.create(db_id)
