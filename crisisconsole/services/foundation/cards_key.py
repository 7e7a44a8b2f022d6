"""The cards key: made once (at the first sign-in of an aide with a secret), sealed to each
aide and mayor profile that may hold it, and opened again at sign-in.

Wraps are facts. A wrap written by an aide for another profile is a grant (``granted_by``);
the recovery wrap opens with the cards recovery code alone. No wrap is ever written
automatically for a profile the signing-in aide did not name: a profile row slipped into the
file around the app must not collect the key.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, select

from crisisconsole.errors import AccessDeniedError, StoreError
from crisisconsole.i18n import tr
from crisisconsole.ids import new_id
from crisisconsole.services.foundation.profile_secrets import StoredSecret
from crisisconsole.store.card_cipher import (
    CardsKey,
    new_cards_key,
    new_recovery_code,
    unwrap_with_recovery,
    wrap_ad,
    wrap_for_recovery,
)
from crisisconsole.store.engine import WriteTx
from crisisconsole.store.profile_crypto import CryptoRefused, seal, unseal
from crisisconsole.store.tables.profiles import cards_key_wrap

NO_KEY = ("Geen kaartsleutel voor dit profiel: een aide kan hem toekennen "
          "(crisisconsole profile grant --name PROFIEL)",
          "No cards key for this profile: an aide can grant it "
          "(crisisconsole profile grant --name PROFILE)")


@dataclass(frozen=True)
class NewCardsKey:
    key: CardsKey
    recovery_code: str


def current_key_id(conn: Connection) -> str | None:
    """The id of the database's current cards key (each key is made with its one recovery
    wrap; a rotation makes a newer one), None while there is none (an older database)."""
    return conn.execute(select(cards_key_wrap.c.key_id)
                        .where(cards_key_wrap.c.method == "recovery")
                        .order_by(cards_key_wrap.c.recorded_at.desc(),
                                  cards_key_wrap.c.id.desc()).limit(1)).scalar()


def insert_sealed(tx: WriteTx, key: CardsKey, profile_id: str, public_key: str,
                  action: str = "cards_key.wrap") -> None:
    tx.insert(cards_key_wrap, {
        "id": new_id(), "key_id": key.key_id, "profile_id": profile_id,
        "public_key": public_key, "method": "sealed",
        "wrapped": seal(key.key, public_key, wrap_ad(key.key_id, profile_id)),
        "granted_by": tx.actor, "recorded_at": tx.now,
    }, action)


def open_for(conn: Connection, stored: StoredSecret, private: bytes) -> CardsKey | None:
    """The cards key sealed to this profile's current public key, if it was ever granted."""
    rows = conn.execute(
        select(cards_key_wrap).where(cards_key_wrap.c.profile_id == stored.profile_id,
                                     cards_key_wrap.c.public_key == stored.record.public_key,
                                     cards_key_wrap.c.method == "sealed")
        .order_by(cards_key_wrap.c.recorded_at.desc())
    ).all()
    key_id = current_key_id(conn)
    for row in rows:
        if row.key_id != key_id:
            continue
        try:
            key = CardsKey(unseal(row.wrapped, private, wrap_ad(row.key_id, row.profile_id)))
        except CryptoRefused:
            continue
        if key.key_id == row.key_id:
            return key
    return None


def new_key(tx: WriteTx) -> NewCardsKey:
    """A fresh cards key and its recovery wrap (which makes it the current key)."""
    key = new_cards_key()
    code = new_recovery_code()
    tx.insert(cards_key_wrap, {
        "id": new_id(), "key_id": key.key_id, "profile_id": None, "public_key": None,
        "method": "recovery", "wrapped": wrap_for_recovery(key, code), "granted_by": tx.actor,
        "recorded_at": tx.now,
    }, "cards_key.recovery_wrap")
    return NewCardsKey(key, code)


def create(tx: WriteTx, profile_id: str, public_key: str) -> NewCardsKey | None:
    """A new cards key, sealed to the signing-in aide and to the recovery code; None if the
    database has one already (another aide was first)."""
    if current_key_id(tx.conn) is not None:
        return None
    made = new_key(tx)
    insert_sealed(tx, made.key, profile_id, public_key, "cards_key.create")
    return made


def open_with_recovery_code(conn: Connection, code: str) -> CardsKey:
    row = conn.execute(select(cards_key_wrap).where(
        cards_key_wrap.c.method == "recovery", cards_key_wrap.c.key_id == current_key_id(conn))
    ).first()
    if row is None:
        raise StoreError(tr("deze database heeft nog geen kaartsleutel",
                            "this database has no cards key yet"))
    try:
        key = unwrap_with_recovery(row.wrapped, code, row.key_id)
    except CryptoRefused:
        raise AccessDeniedError(tr("verkeerde herstelcode voor de kaartsleutel",
                                   "wrong cards recovery code")) from None
    return key


def require_key(key: CardsKey | None) -> CardsKey:
    if key is None:
        raise AccessDeniedError(tr(*NO_KEY))
    return key
