"""The incident log. Entries, corrections (versions), assessments, links and withdrawals are
facts; `log_current` is derived from them by triggers (one row per entry, the current state),
so the big list can be sorted, filtered and searched (FTS5) in SQL."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Float, Integer, LargeBinary, String, Table, Text

from crisisconsole.store.tables.foundation import metadata
from crisisconsole.store.types import UTCText

FACT = {"fact": True, "audited": True}

log_entry = Table(
    "log_entry", metadata,
    Column("id", String, primary_key=True),
    Column("crisis_id", String, nullable=False),
    Column("occurred_at", UTCText, nullable=False),
    Column("recorded_at", UTCText, nullable=False),
    Column("author", String, nullable=False),
    Column("source", String, nullable=False),
    Column("person", String),
    Column("discipline", String),
    Column("location", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("text", Text, nullable=False),
    Column("reliability", String, nullable=False),
    Column("grade", String),
    Column("confirmed_by", String),
    Column("corroborating_entry_id", String),
    Column("origin_kind", String, nullable=False),
    Column("external_key", String),
    Column("extra_json", Text),
    info=FACT,
)

log_version = Table(
    "log_version", metadata,
    Column("id", String, primary_key=True),
    Column("entry_id", String, nullable=False),
    Column("version", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("location", Text),
    Column("recorded_at", UTCText, nullable=False),
    Column("author", String, nullable=False),
    Column("reason", Text, nullable=False),
    info=FACT,
)

log_assessment = Table(
    "log_assessment", metadata,
    Column("id", String, primary_key=True),
    Column("entry_id", String, nullable=False),
    Column("reliability", String, nullable=False),
    Column("grade", String),
    Column("at", UTCText, nullable=False),
    Column("actor", String, nullable=False),
    Column("reason", Text),
    Column("confirming_source", String),
    Column("corroborating_entry_id", String),
    info=FACT,
)

log_link = Table(
    "log_link", metadata,
    Column("id", String, primary_key=True),
    Column("from_id", String, nullable=False),
    Column("to_id", String, nullable=False),
    Column("kind", String, nullable=False),
    Column("at", UTCText, nullable=False),
    Column("actor", String, nullable=False),
    info=FACT,
)

log_withdrawal = Table(
    "log_withdrawal", metadata,
    Column("id", String, primary_key=True),
    Column("entry_id", String, nullable=False),
    Column("at", UTCText, nullable=False),
    Column("actor", String, nullable=False),
    Column("reason", Text, nullable=False),
    info=FACT,
)

log_attachment = Table(
    "log_attachment", metadata,
    Column("id", String, primary_key=True),
    Column("entry_id", String, nullable=False),
    Column("filename", String, nullable=False),
    Column("mime", String),
    Column("size", Integer, nullable=False),
    Column("data", LargeBinary, nullable=False),
    Column("recorded_at", UTCText, nullable=False),
    Column("actor", String, nullable=False),
    info=FACT,
)

source_org = Table(
    "source_org", metadata,
    Column("id", String, primary_key=True),
    Column("label", String, nullable=False),
    Column("created_at", UTCText, nullable=False),
    Column("actor", String, nullable=False),
    info=FACT,
)

# Derived: maintained by triggers, never written by the app directly.
log_current = Table(
    "log_current", metadata,
    Column("rowid", Integer, primary_key=True),
    Column("entry_id", String, nullable=False, unique=True),
    Column("crisis_id", String, nullable=False),
    Column("occurred_at", UTCText, nullable=False),
    Column("recorded_at", UTCText, nullable=False),
    Column("source", String, nullable=False),
    Column("person", String),
    Column("discipline", String),
    Column("location", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("text", Text, nullable=False),
    Column("version", Integer, nullable=False),
    Column("reliability", String, nullable=False),
    Column("grade", String),
    Column("assessed_at", UTCText, nullable=False),
    Column("last_confirmed_at", UTCText),
    Column("contradicted", Boolean, nullable=False),
    Column("corroborations", Integer, nullable=False),
    Column("withdrawn", Boolean, nullable=False),
    Column("author", String, nullable=False),
    Column("origin_kind", String, nullable=False),
)

# Derived: the number of entries per crisis (the unfiltered log view needs it at once).
log_count = Table(
    "log_count", metadata,
    Column("crisis_id", String, primary_key=True),
    Column("n", Integer, nullable=False),
)
