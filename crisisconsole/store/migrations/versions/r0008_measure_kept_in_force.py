"""Measure events: ``kept_in_force``, the mayor's decision to keep a measure in force after the
crisis was scaled down or closed (it settles the withdrawal prompt until the next scale-down).

SQLite cannot widen a CHECK constraint in place, so measure_event is rebuilt: the same columns
and rows (their audit content hashes stay valid), the new list of kinds, its index and the
append-only triggers.

Revision ID: r0008
Revises: r0007
Create Date: 2026-11-29
"""

from alembic import op

from crisisconsole.store.append_only import append_only_ddl, drop_append_only_ddl

revision = "r0008"
down_revision = "r0007"
branch_labels = None
depends_on = None

EVENT_KINDS = ("'issued', 'published', 'notified', 'agenda_placed', 'appeal_lodged', "
               "'cdk_decision', 'suspended', 'withdrawn', 'account_given', 'kept_in_force'")
COLUMNS = ("id, measure_id, kind, at, party, upheld, meeting_id, document_ref, note, "
           "recorded_at, actor")


def upgrade() -> None:
    op.execute(f"""CREATE TABLE measure_event_new (
        id TEXT PRIMARY KEY, measure_id TEXT NOT NULL REFERENCES measure(id),
        kind TEXT NOT NULL CHECK (kind IN ({EVENT_KINDS})),
        at TEXT NOT NULL, party TEXT CHECK (party IS NULL OR party IN ('raad', 'cdk', 'ovj')),
        upheld BOOLEAN, meeting_id TEXT, document_ref TEXT, note TEXT,
        recorded_at TEXT NOT NULL, actor TEXT NOT NULL)""")
    op.execute(f"INSERT INTO measure_event_new ({COLUMNS}) "
               f"SELECT {COLUMNS} FROM measure_event ORDER BY rowid")
    for statement in drop_append_only_ddl("measure_event"):
        op.execute(statement)
    op.execute("DROP TABLE measure_event")
    op.execute("ALTER TABLE measure_event_new RENAME TO measure_event")
    op.execute("CREATE INDEX measure_event_measure ON measure_event (measure_id, at)")
    for statement in append_only_ddl("measure_event"):
        op.execute(statement)


def downgrade() -> None:
    raise NotImplementedError("crisisconsole never downgrades a database")
