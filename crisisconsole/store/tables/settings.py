"""Settings that change what is kept or shown (the late-entry threshold, the measure terms, the
card retention period) as append-only facts: the current value is derived, the newest row of
its key, and every change says when and by whom (services.settings_facts)."""

from __future__ import annotations

from sqlalchemy import Column, String, Table, Text

from crisisconsole.store.tables.foundation import metadata
from crisisconsole.store.types import UTCText

setting_fact = Table(
    "setting_fact",
    metadata,
    Column("id", String, primary_key=True),
    Column("key", String, nullable=False),
    Column("value", Text, nullable=False),
    Column("recorded_at", UTCText, nullable=False),
    Column("actor", String, nullable=False),
    info={"fact": True, "audited": True},
)
