"""A partial index on contradicted log lines, so the "Tegengesproken" filter finds its first
page without scanning a million rows.

Revision ID: r0007
Revises: r0006
Create Date: 2026-11-29
"""

from alembic import op

revision = "r0007"
down_revision = "r0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE INDEX log_current_contradicted ON log_current "
               "(crisis_id, occurred_at, rowid) WHERE contradicted = 1")
    op.execute("CREATE INDEX log_current_contradicted_recorded ON log_current "
               "(crisis_id, recorded_at, rowid) WHERE contradicted = 1")


def downgrade() -> None:
    raise NotImplementedError("crisisconsole never downgrades a database")
