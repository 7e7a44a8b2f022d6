"""The tables, as SQLAlchemy Core. The DDL itself lives in the Alembic migrations (frozen per
revision); tests check that these definitions match what the migrations build.

Fact tables are append-only (triggers in the migrations); `APPEND_ONLY` lists them and
`PURGEABLE` those that the lawful purge may overwrite.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Integer, MetaData, String, Table, Text

from crisisconsole.store.types import UTCText

metadata = MetaData()

db_meta = Table(
    "db_meta",
    metadata,
    Column("key", String, primary_key=True),
    Column("value", Text, nullable=False),
)

profile = Table(
    "profile",
    metadata,
    Column("id", String, primary_key=True),
    Column("name", String, nullable=False, unique=True),
    Column("role", String, nullable=False),
    Column("created_at", UTCText, nullable=False),
    Column("actor", String),
)

crisis = Table(
    "crisis",
    metadata,
    Column("id", String, primary_key=True),
    Column("name", String, nullable=False),
    Column("municipality", String, nullable=False),
    Column("exercise", Boolean, nullable=False),
    Column("opened_at", UTCText, nullable=False),
    Column("recorded_at", UTCText, nullable=False),
    Column("actor", String, nullable=False),
)

crisis_event = Table(
    "crisis_event",
    metadata,
    Column("id", String, primary_key=True),
    Column("crisis_id", String, nullable=False),
    Column("kind", String, nullable=False),
    Column("grip", String),
    Column("at", UTCText, nullable=False),
    Column("recorded_at", UTCText, nullable=False),
    Column("actor", String, nullable=False),
    Column("note", Text),
)

audit = Table(
    "audit",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("id", String, nullable=False, unique=True),
    Column("at", UTCText, nullable=False),
    Column("actor", String, nullable=False),
    Column("origin", String, nullable=False),
    Column("kind", String, nullable=False),
    Column("action", String, nullable=False),
    Column("object_type", String, nullable=False),
    Column("object_id", String),
    Column("result", String, nullable=False),
    Column("content_hash", String),
    Column("prev_hash", String, nullable=False),
    Column("hash", String, nullable=False),
)

# Tables whose rows are facts: never updated or deleted in place.
APPEND_ONLY: tuple[str, ...] = ("profile", "crisis", "crisis_event", "audit")
# Fact tables that the lawful purge of personal data may overwrite (filled by the cards issue).
PURGEABLE: tuple[str, ...] = ()
# Tables whose rows are covered by the audit chain's content hashes (object_type = table name).
AUDITED: tuple[str, ...] = ("profile", "crisis", "crisis_event")
