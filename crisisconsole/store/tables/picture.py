"""The situational picture's records: decisions (and the entries they rest on), actions and
their status changes, judgement notes, and picture snapshots. All append-only facts: a
decision is never edited, an action's status is a new record, and a snapshot, once taken,
cannot change (the database refuses it; its SHA-256 hash proves it)."""

from __future__ import annotations

from sqlalchemy import Column, Integer, String, Table, Text

from crisisconsole.store.tables.foundation import metadata
from crisisconsole.store.types import UTCText

FACT = {"fact": True, "audited": True}

picture_snapshot = Table(
    "picture_snapshot", metadata,
    Column("id", String, primary_key=True),
    Column("crisis_id", String, nullable=False),
    Column("version", Integer, nullable=False),
    Column("taken_at", UTCText, nullable=False),
    Column("taken_by", String, nullable=False),
    Column("purpose", String, nullable=False),
    Column("content", Text, nullable=False),
    Column("hash", String, nullable=False),
    info=FACT,
)

decision = Table(
    "decision", metadata,
    Column("id", String, primary_key=True),
    Column("crisis_id", String, nullable=False),
    Column("text", Text, nullable=False),
    Column("rationale", Text, nullable=False),
    Column("decided_by", String, nullable=False),
    Column("decided_at", UTCText, nullable=False),
    Column("snapshot_id", String),
    Column("recorded_at", UTCText, nullable=False),
    Column("actor", String, nullable=False),
    info=FACT,
)

decision_entry = Table(
    "decision_entry", metadata,
    Column("id", String, primary_key=True),
    Column("decision_id", String, nullable=False),
    Column("entry_id", String, nullable=False),
    info=FACT,
)

action = Table(
    "action", metadata,
    Column("id", String, primary_key=True),
    Column("crisis_id", String, nullable=False),
    Column("text", Text, nullable=False),
    Column("owner", String, nullable=False),
    Column("due", UTCText),
    Column("decision_id", String),
    Column("recorded_at", UTCText, nullable=False),
    Column("actor", String, nullable=False),
    info=FACT,
)

action_status = Table(
    "action_status", metadata,
    Column("id", String, primary_key=True),
    Column("action_id", String, nullable=False),
    Column("status", String, nullable=False),
    Column("at", UTCText, nullable=False),
    Column("actor", String, nullable=False),
    Column("note", Text),
    info=FACT,
)

picture_note = Table(
    "picture_note", metadata,
    Column("id", String, primary_key=True),
    Column("crisis_id", String, nullable=False),
    Column("kind", String, nullable=False),
    Column("text", Text, nullable=False),
    Column("retracts_id", String),
    Column("at", UTCText, nullable=False),
    Column("actor", String, nullable=False),
    info=FACT,
)
