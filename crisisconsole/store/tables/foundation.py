"""The tables, as SQLAlchemy Core. The DDL itself lives in the Alembic migrations (frozen per
revision); tests check that these definitions match what the migrations build.

Each feature defines its tables in a module `crisisconsole.store.tables_<feature>` on the same
`metadata`, with `info` flags: `fact` (append-only, enforced by triggers in the migration),
`audited` (rows covered by the audit chain's content hashes; needs an `id` column) and
`purgeable` (the lawful purge may overwrite content). `all_tables()` loads them all.
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
    info={"fact": True, "audited": True},
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
    info={"fact": True, "audited": True},
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
    info={"fact": True, "audited": True},
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
    info={"fact": True},
)
