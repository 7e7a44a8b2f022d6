"""CAP exports as facts: one append-only row per alert written (identifier, sender, sent, the
entry's version, a fingerprint of what was said and the alert itself), so a re-export of a
changed entry is an Update that references the earlier exports.

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
]


def upgrade() -> None:
    for statement in DDL:
        op.execute(statement)
    for statement in append_only_ddl("cap_export"):
        op.execute(statement)


def downgrade() -> None:
    raise NotImplementedError("crisisconsole never downgrades a database")
