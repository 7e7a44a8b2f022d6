"""What was exported as CAP, and when: one append-only row per alert written (issue 15).

A partner who imports our alerts must be able to follow an entry's changes: the next export of
a changed entry is an Update whose ``references`` name every earlier export of it
("sender,identifier,sent"), and exporting an unchanged entry again gives the very same alert
(same identifier and sent), which the partner recognises as one it has. Both need what was
exported before, kept as facts, never updated."""

from __future__ import annotations

from sqlalchemy import Column, Integer, String, Table, Text

from crisisconsole.store.tables import metadata
from crisisconsole.store.types import UTCText

cap_export = Table(
    "cap_export",
    metadata,
    Column("id", String, primary_key=True),
    Column("crisis_id", String, nullable=False),
    Column("entry_id", String, nullable=False),
    Column("entry_version", Integer, nullable=False),
    Column("identifier", String, nullable=False),
    Column("sender", String, nullable=False),
    Column("sent", UTCText, nullable=False),
    Column("msg_type", String, nullable=False),
    Column("fingerprint", String, nullable=False),
    Column("content", Text, nullable=False),
    Column("exported_at", UTCText, nullable=False),
    Column("actor", String, nullable=False),
    info={"fact": True, "audited": True},
)
