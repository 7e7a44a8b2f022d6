"""Exchange formats (issue 15).

CAP exports as facts: one append-only row per alert written (identifier, sender, sent, the
entry's version, a fingerprint of what was said and the alert itself), so a re-export of a
changed entry is an Update that references the earlier exports.

Council calendars that follow the griffie: each imported meeting names its calendar, and a
meeting cancelled or removed by a newer file of that calendar gets a status fact.

A gebiedsverbod (art. 172a) that extends an earlier one says which (measure_extension).

Revision ID: r0013
Revises: r0011
Create Date: 2026-12-01
"""

from alembic import op

from crisisconsole.store.append_only import append_only_ddl

revision = "r0013"
down_revision = "r0011"
branch_labels = None
depends_on = None

DDL = [
    """CREATE TABLE cap_export (
        id TEXT PRIMARY KEY, crisis_id TEXT NOT NULL, entry_id TEXT NOT NULL,
        entry_version INTEGER NOT NULL, identifier TEXT NOT NULL, sender TEXT NOT NULL,
        sent TEXT NOT NULL, msg_type TEXT NOT NULL, fingerprint TEXT NOT NULL,
        content TEXT NOT NULL, exported_at TEXT NOT NULL, actor TEXT NOT NULL)""",
    "CREATE INDEX cap_export_entry ON cap_export (entry_id)",
    # A separate table, not a column: ALTER TABLE on a live file leaves other connections'
    # cached statements failing ("no such table") after a schema reload.
    """CREATE TABLE council_meeting_calendar (
        id TEXT PRIMARY KEY, meeting_id TEXT NOT NULL UNIQUE REFERENCES council_meeting(id),
        calendar TEXT NOT NULL)""",
    """CREATE TABLE council_meeting_status (
        id TEXT PRIMARY KEY, meeting_id TEXT NOT NULL REFERENCES council_meeting(id),
        status TEXT NOT NULL CHECK (status IN ('cancelled', 'removed')),
        reason TEXT NOT NULL, recorded_at TEXT NOT NULL, actor TEXT NOT NULL)""",
    "CREATE INDEX council_meeting_status_meeting ON council_meeting_status (meeting_id)",
    """CREATE TABLE measure_extension (
        id TEXT PRIMARY KEY, measure_id TEXT NOT NULL UNIQUE REFERENCES measure(id),
        extends_id TEXT NOT NULL REFERENCES measure(id),
        recorded_at TEXT NOT NULL, actor TEXT NOT NULL)""",
]


def upgrade() -> None:
    for statement in DDL:
        op.execute(statement)
    for table in ("cap_export", "council_meeting_calendar", "council_meeting_status",
                  "measure_extension"):
        for statement in append_only_ddl(table):
            op.execute(statement)


def downgrade() -> None:
    raise NotImplementedError("crisisconsole never downgrades a database")
