"""Person-level briefing cards (DOMAIN.md §3): the card, its facts, its changes, the access log
and the tombstones the lawful purge leaves behind.

Card, fact and change rows are append-only facts; their content is purgeable (only the purge
may overwrite it, with the purge gate open inside its own transaction). Access records and
tombstones are never purged: they are the accountability that stays after the content is gone.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Integer, String, Table, Text

from crisisconsole.store.tables import metadata
from crisisconsole.store.types import UTCText

card = Table(
    "card",
    metadata,
    Column("id", String, primary_key=True),
    Column("crisis_id", String, nullable=False),
    Column("kind", String, nullable=False),
    Column("name", Text, nullable=False),
    Column("aliases", Text),
    Column("year_of_birth", Integer),
    Column("organisation", Text),
    Column("role_in_crisis", Text),
    Column("created_at", UTCText, nullable=False),
    Column("actor", String, nullable=False),
    info={"fact": True, "audited": True, "purgeable": True},
)

card_fact = Table(
    "card_fact",
    metadata,
    Column("id", String, primary_key=True),
    Column("card_id", String, nullable=False),
    Column("statement", Text, nullable=False),
    Column("question", String, nullable=False),
    Column("source_org", Text, nullable=False),
    Column("source_officer", Text),
    Column("channel", String, nullable=False),
    Column("legal_basis", Text, nullable=False),
    Column("purpose", Text, nullable=False),
    Column("reliability", String, nullable=False),
    Column("grade", String),
    Column("received_at", UTCText, nullable=False),
    Column("no_onward_sharing", Boolean, nullable=False),
    Column("corrects_id", String),
    Column("reason", Text),
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
    Column("note", Text),
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
