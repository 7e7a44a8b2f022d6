"""Card content that an older version stored in plaintext, encrypted in place under the new
cards key: in the transaction that makes the key, through the purge gate, each rewritten row
with a fresh write record in the audit chain (so ``audit verify`` still holds). The masked
label is taken from the plaintext first. ``secure_delete`` (on for every connection) zeroes
the old cells, and a truncating checkpoint afterwards folds the WAL's old page images away.
"""

from __future__ import annotations

from sqlalchemy import select, text

from crisisconsole.domain.card_access import mask_name
from crisisconsole.ids import new_id
from crisisconsole.services.cards.values import PURGED_MARK
from crisisconsole.store.card_cipher import CardsKey, is_ciphertext
from crisisconsole.store.engine import Store, WriteTx
from crisisconsole.store.tables.cards import (
    card,
    card_change,
    card_fact,
    card_label,
    card_tombstone,
    encrypted_columns,
)

ACTION = "card.encrypt"


def encrypt_plaintext(tx: WriteTx, key: CardsKey) -> int:
    """Encrypt every plaintext card value; returns the number of rows rewritten."""
    conn = tx.conn
    purged = set(conn.execute(select(card_tombstone.c.card_id)).scalars())
    labelled = set(conn.execute(select(card_label.c.card_id)).scalars())
    for row in conn.execute(select(card).order_by(card.c.created_at, card.c.id)).all():
        if row.id in purged or row.id in labelled or is_ciphertext(row.name):
            continue
        tx.insert(card_label, {"id": new_id(), "card_id": row.id,
                               "label": mask_name(row.name, row.role_in_crisis, row.kind),
                               "recorded_at": tx.now, "actor": tx.actor}, "card.label")
    rewritten = 0
    conn.execute(text("UPDATE purge_gate SET open = 1 WHERE id = 1"))
    for table in (card, card_fact, card_change):
        columns = encrypted_columns(table)
        for row in conn.execute(select(table).order_by(table.c.id)).mappings().all():
            values = {c: key.encrypt(table.name, c, row["id"], row[c]) for c in columns
                      if row[c] is not None and not is_ciphertext(row[c])
                      and row[c] != PURGED_MARK}
            if values:
                tx.update_audited(table, row["id"], values, ACTION)
                rewritten += 1
    conn.execute(text("UPDATE purge_gate SET open = 0 WHERE id = 1"))
    return rewritten


def after_encryption(store: Store) -> None:
    from crisisconsole.services.cards.purge import checkpoint

    checkpoint(store)
