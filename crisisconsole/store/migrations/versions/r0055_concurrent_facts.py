"""What a re-grade or a council outcome was made in view of (issue 17, team mode): one row per
re-grade (outcome) of the same entry (meeting) that was current when it was written, or one row
with NULL when there was none. Two that saw the same state were made at once on two laptops (a
conflict: both stay); a later one that saw both settles them. The clock decides nothing.

No foreign key on ``seen_id``: the fact it names may still be on its way from a third laptop.

Revision ID: r0055
Revises: r0050
Create Date: 2026-12-03
"""

from alembic import op

from crisisconsole.store.append_only import append_only_ddl

revision = "r0055"
down_revision = "r0050"
branch_labels = None
depends_on = None

FACTS = ("log_assessment_seen", "meeting_outcome_seen")

DDL = [
    """CREATE TABLE log_assessment_seen (
        id TEXT PRIMARY KEY, assessment_id TEXT NOT NULL REFERENCES log_assessment(id),
        seen_id TEXT)""",
    "CREATE INDEX log_assessment_seen_assessment ON log_assessment_seen (assessment_id)",
    "CREATE INDEX log_assessment_seen_seen ON log_assessment_seen (seen_id)",
    """CREATE TABLE meeting_outcome_seen (
        id TEXT PRIMARY KEY, outcome_id TEXT NOT NULL REFERENCES meeting_outcome(id),
        seen_id TEXT)""",
    "CREATE INDEX meeting_outcome_seen_outcome ON meeting_outcome_seen (outcome_id)",
    "CREATE INDEX meeting_outcome_seen_seen ON meeting_outcome_seen (seen_id)",
]


def upgrade() -> None:
    for statement in DDL:
        op.execute(statement)
    for table in FACTS:
        for statement in append_only_ddl(table):
            op.execute(statement)


def downgrade() -> None:
    raise NotImplementedError("crisisconsole never downgrades a database")
