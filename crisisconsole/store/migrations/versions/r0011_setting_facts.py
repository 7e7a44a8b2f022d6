"""Settings that change what is kept or shown, as facts: one append-only row per change (key,
value, when, who); the current value is the newest row of its key.

Revision ID: r0011
Revises: r0009
Create Date: 2026-12-01
"""

from alembic import op

from crisisconsole.store.append_only import append_only_ddl

revision = "r0011"
down_revision = "r0009"
branch_labels = None
depends_on = None

DDL = [
    """CREATE TABLE setting_fact (
        id TEXT PRIMARY KEY, key TEXT NOT NULL, value TEXT NOT NULL,
        recorded_at TEXT NOT NULL, actor TEXT NOT NULL)""",
    "CREATE INDEX setting_fact_key ON setting_fact (key, recorded_at)",
]


def upgrade() -> None:
    for statement in DDL:
        op.execute(statement)
    for statement in append_only_ddl("setting_fact"):
        op.execute(statement)


def downgrade() -> None:
    raise NotImplementedError("crisisconsole never downgrades a database")
