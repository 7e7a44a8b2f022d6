"""The lawful purge (storage limitation): the one deletion the database allows.

Inside one write transaction it opens the purge gate, overwrites the card's content with a
marker, closes the gate, and leaves a tombstone (who, when, why, SHA-256 of what was removed).
Each overwritten row gets a fresh write record in the audit chain, so `audit verify` still holds.
Runs at start-up and on a schedule as the app's own act (actor ``APP_ACTOR``, any profile
signed in, the store's real clock), and by hand (`card purge`, aide only). The content it
removes is ciphertext under the cards key, so the tombstone's hash gives nothing to guess
against.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Table, select, text

from crisisconsole.domain.card_retention import (
    default_purge_reason,
    due_for_purge,
    tombstone_hash,
)
from crisisconsole.errors import ValidationError
from crisisconsole.i18n import tr
from crisisconsole.ids import new_id
from crisisconsole.services.cards import reading as card_read
from crisisconsole.services.cards.values import PURGED_MARK, PurgeResult, guarded
from crisisconsole.services.foundation.access import require_aide
from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.services.foundation.settings_facts import CARD_RETENTION_DAYS, set_values
from crisisconsole.store.engine import DriverError, Store, WriteTx
from crisisconsole.store.tables.cards import (
    card,
    card_change,
    card_fact,
    card_label,
    card_tombstone,
)

APP_ACTOR = "crisisconsole"  # the audit actor of the app's own acts (the automatic purge)

# What the purge overwrites per table; ids, kinds, channels and times stay for accountability.
OVERWRITE: dict[str, dict[str, Any]] = {
    "card": {"name": PURGED_MARK, "aliases": None, "year_of_birth": None,
             "organisation": None, "role_in_crisis": None},
    "card_fact": {"statement": PURGED_MARK, "source_officer": None, "purpose": PURGED_MARK,
                  "reason": None},
    "card_change": {"note": None},
    "card_label": {"label": None},
}


def _rows(tx: WriteTx, table: Table, column: str, card_id: str) -> list[dict[str, Any]]:
    return [dict(r) for r in tx.conn.execute(
        select(table).where(table.c[column] == card_id).order_by(table.c.id)).mappings()]


def _purge_one(tx: WriteTx, card_id: str, reason: str) -> dict[str, Any]:
    parts = [(card, _rows(tx, card, "id", card_id)),
             (card_fact, _rows(tx, card_fact, "card_id", card_id)),
             (card_change, _rows(tx, card_change, "card_id", card_id)),
             (card_label, _rows(tx, card_label, "card_id", card_id))]
    removed = {table.name: rows for table, rows in parts}
    crisis_id = removed["card"][0]["crisis_id"]
    # Freed space is overwritten too (secure_delete is on for every connection).
    tx.conn.execute(text("UPDATE purge_gate SET open = 1 WHERE id = 1"))
    count = 0
    for table, rows in parts:
        for row in rows:
            tx.update_audited(table, row["id"], OVERWRITE[table.name], "card.purge")
            count += 1
    tx.conn.execute(text("UPDATE purge_gate SET open = 0 WHERE id = 1"))
    stone = {"id": new_id(), "card_id": card_id, "purged_at": tx.now, "actor": tx.actor,
             "reason": reason, "removed_hash": tombstone_hash(removed), "rows_purged": count}
    tx.insert(card_tombstone, stone, "card.purge")
    return {"card_id": card_id, "crisis_id": crisis_id, "tombstone_id": stone["id"],
            "removed_hash": stone["removed_hash"], "rows_purged": count, "reason": reason}


def _due(tx: WriteTx, now: datetime) -> list[str]:
    conn = tx.conn
    gone = set(conn.execute(select(card_tombstone.c.card_id)).scalars())
    keep = card_read.retention(conn)
    closed: dict[str, datetime | None] = {}
    due = []
    for row in conn.execute(select(card).order_by(card.c.created_at, card.c.id)).all():
        if row.id in gone:
            continue
        if row.crisis_id not in closed:
            closed[row.crisis_id] = card_read.crisis_closed_at(conn, row.crisis_id)
        _, deletion = card_read.dates(conn, row, closed[row.crisis_id], keep)
        if due_for_purge(deletion, now):
            due.append(row.id)
    return due


@guarded
def purge_due(ctx: ServiceContext, now: datetime | None = None) -> PurgeResult:
    """Purge by hand every card whose deletion date has passed (aide only); ``now`` only
    where the CLI allows a clock override (demo and benchmark databases)."""
    require_aide(ctx, "card.purge", "card")
    return _purge_due(ctx.store, ctx.actor.id, now or ctx.now(), ctx)


@guarded
def purge_due_automatic(store: Store, ctx: ServiceContext | None = None) -> PurgeResult:
    """The app's own purge at start-up and on a schedule, whoever is signed in, on the
    store's clock: it only removes, and shows nothing."""
    return _purge_due(store, APP_ACTOR, store.clock.now(), ctx)


def _purge_due(store: Store, actor: str, moment: datetime,
               ctx: ServiceContext | None) -> PurgeResult:
    purged: list[dict[str, Any]] = []
    with store.write(actor) as tx:
        for card_id in _due(tx, moment):
            purged.append(_purge_one(tx, card_id, default_purge_reason()))
    if purged:
        checkpoint(store)
    return PurgeResult(tuple(purged), moment)


@guarded
def purge_card(ctx: ServiceContext, card_id: str, reason: str | None) -> PurgeResult:
    """Purge one card by hand before its date (the purpose ended); needs a reason."""
    require_aide(ctx, "card.purge", "card", card_id)
    why = (reason or "").strip()
    if not why:
        raise ValidationError(tr("Reden ontbreekt", "reason missing"))
    with ctx.store.write(ctx.actor.id) as tx:
        card_read.card_row(tx.conn, card_id)
        if card_read.tombstone(tx.conn, card_id) is not None:
            raise ValidationError(tr("kaart is al verwijderd", "card already purged"))
        purged = [_purge_one(tx, card_id, why[:500])]
    checkpoint(ctx.store)
    return PurgeResult(tuple(purged), ctx.now())


def checkpoint(store: Store) -> None:
    """Fold the WAL into the file and truncate it, so the pre-purge page images are gone
    (best effort: a busy reader elsewhere only delays this to a later checkpoint)."""
    raw = store.raw_connection()
    try:
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    except DriverError:
        return  # busy: SQLite's automatic checkpoints do the same later
    finally:
        raw.close()


@guarded
def set_retention_days(ctx: ServiceContext, days: int) -> int:
    """The configurable period after the crisis closes (default 28 days), per database: an
    audited setting fact that decides when personal data goes, so aide only. The one gate is
    set_values' (services.access: a refusal is audited as card.retention), passed before the
    value is checked."""
    set_values(ctx, {CARD_RETENTION_DAYS: days}, action="card.retention")
    return days
