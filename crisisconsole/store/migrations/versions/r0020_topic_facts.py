"""Topic facts (issue 13): the aide's acts on the automatic topics (rename, merge, split,
move, pin, close, statement), one append-only row each; the topics shown are the automatic
grouping with these facts replayed over it, in order.

Revision ID: r0020
Revises: r0013
Create Date: 2026-12-02
"""

from alembic import op

from crisisconsole.store.append_only import append_only_ddl

revision = "r0020"
down_revision = "r0013"
branch_labels = None
depends_on = None

DDL = [
    """CREATE TABLE topic_fact (
        id TEXT PRIMARY KEY, crisis_id TEXT NOT NULL, kind TEXT NOT NULL,
        topic_ids TEXT NOT NULL, entry_ids TEXT NOT NULL, text TEXT,
        at TEXT NOT NULL, actor TEXT NOT NULL)""",
    "CREATE INDEX topic_fact_crisis ON topic_fact (crisis_id, at)",
]


def upgrade() -> None:
    for statement in DDL:
        op.execute(statement)
    for statement in append_only_ddl("topic_fact"):
        op.execute(statement)


def downgrade() -> None:
    raise NotImplementedError("crisisconsole never downgrades a database")
