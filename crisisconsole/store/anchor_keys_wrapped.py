"""The anchor signing key where there is no OS keyring: wrapped with the cards key.

Without a keyring (a headless crisis-room laptop, a fresh Linux install) anchors would not work
at all. So the pair (seed and public key) is sealed with AES-256-GCM under the cards key, the
random key that only aide and mayor profiles can open with their secret (store.card_cipher),
and kept in ``db_meta`` under :data:`META_KEY`. The associated data binds it to the database id.

What that gives. Whoever holds only the database file and its key (a viewer, a team laptop, a
stolen backup) cannot open the pair, and cannot plant one of their own either: a value not
sealed with the cards key does not open, and a missing one means "no anchor key here", which
fails the check of every anchor made before. So an anchor still cannot be forged from the
database file alone. Signing and checking then need an aide's or mayor's secret (the cards
key), and a backup carries its own sealed pair, so its anchor can be checked on another laptop.

Making the pair writes one row and one audit record (``anchor_key.create``), so it is made on a
writable database, before the first anchor (and before the copy, for a backup).
"""

from __future__ import annotations

import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import select

from crisisconsole.errors import AnchorError, StoreError
from crisisconsole.i18n import tr
from crisisconsole.store import tables
from crisisconsole.store.anchor_keys import AnchorKeyPair, new_pair, pair_from_bytes, pair_to_bytes
from crisisconsole.store.card_cipher import CardsKey
from crisisconsole.store.engine import Store
from crisisconsole.store.profile_crypto import b64, unb64

META_KEY = "anchor_signing_wrapped"
PREFIX = "ak1:"
NONCE_BYTES = 12


def _ad(db_id: str) -> bytes:
    return f"anchor-signing\x1f{db_id}".encode()


def seal(pair: AnchorKeyPair, cards_key: CardsKey, db_id: str) -> str:
    nonce = os.urandom(NONCE_BYTES)
    body = AESGCM(cards_key.key).encrypt(nonce, pair_to_bytes(pair), _ad(db_id))
    return PREFIX + b64(nonce + body)


def unseal(stored: str, cards_key: CardsKey, db_id: str) -> AnchorKeyPair:
    """The pair, or a refusal when the stored value is not ours (planted, damaged, or sealed
    for another database)."""
    try:
        if not stored.startswith(PREFIX):
            raise ValueError("no prefix")
        data = unb64(stored[len(PREFIX):])
        plain = AESGCM(cards_key.key).decrypt(data[:NONCE_BYTES], data[NONCE_BYTES:],
                                              _ad(db_id))
    except (InvalidTag, ValueError):
        raise AnchorError(tr(
            "de ankersleutel in de database opent niet met de kaartsleutel: hij is beschadigd "
            "of vervangen, dus ankers zijn hier niet te controleren",
            "the anchor key in the database does not open with the cards key: it was damaged "
            "or replaced, so anchors cannot be checked here")) from None
    return pair_from_bytes(plain)


class CardsKeyAnchorKeys:
    """AnchorKeys sealed with the cards key, in the database itself."""

    def __init__(self, store: Store, cards_key: CardsKey, actor: str) -> None:
        self._store = store
        self._cards_key = cards_key
        self._actor = actor

    def usable(self) -> bool:
        return True

    def get(self, db_id: str) -> AnchorKeyPair | None:
        with self._store.read() as conn:
            stored = conn.execute(select(tables.db_meta.c.value)
                                  .where(tables.db_meta.c.key == META_KEY)).scalar()
        return unseal(stored, self._cards_key, db_id) if stored else None

    def create(self, db_id: str) -> AnchorKeyPair:
        if self.get(db_id) is not None:
            raise AnchorError(tr("er is al een ankersleutel voor deze database",
                                 "this database has an anchor key already"))
        pair = new_pair()
        try:
            with self._store.write(self._actor) as tx:
                tx.conn.execute(tables.db_meta.insert().values(
                    key=META_KEY, value=seal(pair, self._cards_key, db_id)))
                tx.audit("anchor_key.create", "db_meta", META_KEY)
        except StoreError as error:
            raise AnchorError(tr(
                f"de eerste ankersleutel wordt in de database bewaard, en die is nu niet te "
                f"schrijven ({error.message})",
                f"the first anchor key is kept in the database, which cannot be written now "
                f"({error.message})")) from None
        return pair
