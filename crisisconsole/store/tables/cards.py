"""Person-level briefing cards (DOMAIN.md §3): the card, its facts, its changes, the access log
and the tombstones the lawful purge leaves behind.

Card, fact and change rows are append-only facts; their content is purgeable (only the purge
may overwrite it, with the purge gate open inside its own transaction). Access records and
tombstones are never purged: they are the accountability that stays after the content is gone.

Columns marked ``encrypted`` hold ciphertext under the cards key (store/card_cipher.py); the
masked label (initials and role) that lists show is kept apart in ``card_label``, written when
the card is made and removed by the purge.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Integer, String, Table, Text

from crisisconsole.store.tables.foundation import metadata
from crisisconsole.store.types import UTCText

card = Table(
    "card",
    metadata,
    Column("id", String, primary_key=True),
    Column("crisis_id", String, nullable=False),
    Column("kind", String, nullable=False),
    Column("name", Text, nullable=False, info={"encrypted": True}),
    Column("aliases", Text, info={"encrypted": True}),
    Column("year_of_birth", Integer, info={"encrypted": True}),
    Column("organisation", Text, info={"encrypted": True}),
    Column("role_in_crisis", Text, info={"encrypted": True}),
    Column("created_at", UTCText, nullable=False),
    Column("actor", String, nullable=False),
    info={"fact": True, "audited": True, "purgeable": True},
)

card_fact = Table(
    "card_fact",
    metadata,
    Column("id", String, primary_key=True),
    Column("card_id", String, nullable=False),
    Column("statement", Text, nullable=False, info={"encrypted": True}),
    Column("question", String, nullable=False),
    Column("source_org", Text, nullable=False),
    Column("source_officer", Text, info={"encrypted": True}),
    Column("channel", String, nullable=False),
    Column("legal_basis", Text, nullable=False),
    Column("purpose", Text, nullable=False, info={"encrypted": True}),
    Column("reliability", String, nullable=False),
    Column("grade", String),
    Column("received_at", UTCText, nullable=False),
    Column("no_onward_sharing", Boolean, nullable=False),
    Column("corrects_id", String),
    Column("reason", Text, info={"encrypted": True}),
    Column("recorded_at", UTCText, nullable=False),
    Column("actor", String, nullable=False),
    info={"fact": True, "audited": True, "purgeable": True},
)

card_change = Table(
    "card_change",
    metadata,
    Column("id", String, primary_key=True),
    Column("card_id", String, nullable=False),
    Column("kind", String, nullable=False),
    Column("review_date", UTCText),
    Column("deletion_date", UTCText),
    Column("note", Text, info={"encrypted": True}),
    Column("entry_id", String),
    Column("recorded_at", UTCText, nullable=False),
    Column("actor", String, nullable=False),
    info={"fact": True, "audited": True, "purgeable": True},
)

card_access = Table(
    "card_access",
    metadata,
    Column("id", String, primary_key=True),
    Column("card_id", String),
    Column("action", String, nullable=False),
    Column("result", String, nullable=False),
    Column("purpose", Text),
    Column("at", UTCText, nullable=False),
    Column("actor", String, nullable=False),
    Column("origin", String, nullable=False),
    info={"fact": True, "audited": True},
)

card_tombstone = Table(
    "card_tombstone",
    metadata,
    Column("id", String, primary_key=True),
    Column("card_id", String, nullable=False, unique=True),
    Column("purged_at", UTCText, nullable=False),
    Column("actor", String, nullable=False),
    Column("reason", Text, nullable=False),
    Column("removed_hash", String, nullable=False),
    Column("rows_purged", Integer, nullable=False),
    info={"fact": True, "audited": True},
)

card_label = Table(
    "card_label",
    metadata,
    Column("id", String, primary_key=True),
    Column("card_id", String, nullable=False, unique=True),
    Column("label", Text),
    Column("recorded_at", UTCText, nullable=False),
    Column("actor", String, nullable=False),
    info={"fact": True, "audited": True, "purgeable": True},
)


def encrypted_columns(table: Table) -> tuple[str, ...]:
    return tuple(c.name for c in table.columns if c.info.get("encrypted"))
