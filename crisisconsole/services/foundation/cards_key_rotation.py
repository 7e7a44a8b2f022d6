"""A new cards key when a profile loses the right to hold one (its role no longer sees cards):
the old key was sealed to that profile, so whoever has its secret and the file could still
open it. Rotation re-encrypts every card value under a fresh key, in one transaction through
the purge gate (each rewritten row with its audit write record), seals the new key to every
aide and mayor that held the old one at its current key pair, and makes a new recovery code
(shown once). Old wraps stay as facts; they open only the old key, which no longer opens
anything.
"""

from __future__ import annotations

from sqlalchemy import select, text

from crisisconsole.domain.card_access import may_see_cards
from crisisconsole.services.cards.values import PURGED_MARK
from crisisconsole.services.foundation import cards_key as cards_keys
from crisisconsole.services.foundation.profile_secrets import current_secret
from crisisconsole.store.card_cipher import CardsKey
from crisisconsole.store.engine import WriteTx
from crisisconsole.store.tables.cards import card, card_change, card_fact, encrypted_columns
from crisisconsole.store.tables.profiles import cards_key_wrap

ACTION = "card.rekey"


def _holders(tx: WriteTx, old: CardsKey, roles: dict[str, str]) -> dict[str, str]:
    """profile id -> current public key, for the aides and mayors the old key was sealed to at
    that same key pair (a profile row slipped in around the app has no such wrap)."""
    holders: dict[str, str] = {}
    for row in tx.conn.execute(select(cards_key_wrap).where(
            cards_key_wrap.c.key_id == old.key_id, cards_key_wrap.c.method == "sealed")):
        if not may_see_cards(roles.get(row.profile_id)):
            continue
        stored = current_secret(tx.conn, row.profile_id)
        if stored is not None and stored.record.public_key == row.public_key:
            holders[row.profile_id] = row.public_key
    return holders


def rotate(tx: WriteTx, old: CardsKey, roles: dict[str, str]) -> cards_keys.NewCardsKey:
    """Re-key inside ``tx`` (the caller checked that an aide acts); ``roles`` are the roles
    as they are after this act."""
    holders = _holders(tx, old, roles)
    made = cards_keys.new_key(tx)
    for profile_id, public_key in holders.items():
        cards_keys.insert_sealed(tx, made.key, profile_id, public_key, "cards_key.rekey")
    tx.conn.execute(text("UPDATE purge_gate SET open = 1 WHERE id = 1"))
    for table in (card, card_fact, card_change):
        columns = encrypted_columns(table)
        for row in tx.conn.execute(select(table).order_by(table.c.id)).mappings().all():
            values = {}
            for column in columns:
                value = row[column]
                if value is None or value == PURGED_MARK:
                    continue
                plain = old.decrypt(table.name, column, row["id"], value)
                values[column] = made.key.encrypt(table.name, column, row["id"], plain)
            if values:
                tx.update_audited(table, row["id"], values, ACTION)
    tx.conn.execute(text("UPDATE purge_gate SET open = 0 WHERE id = 1"))
    return made

