"""Situational picture: snapshots (immutable, hashed), decisions and the entries they rest on,
actions and their status facts, judgement notes; an index for building the picture fast.

Revision ID: r0006
Revises: r0004
Create Date: 2026-11-29
"""

from alembic import op

from crisisconsole.store.append_only import append_only_ddl

revision = "r0006"
down_revision = "r0004"
branch_labels = None
depends_on = None

FACTS = ("picture_snapshot", "decision", "decision_entry", "action", "action_status",
         "picture_note")

DDL = [
    """CREATE TABLE picture_snapshot (
        id TEXT PRIMARY KEY, crisis_id TEXT NOT NULL REFERENCES crisis(id),
        version INTEGER NOT NULL CHECK (version >= 1), taken_at TEXT NOT NULL,
        taken_by TEXT NOT NULL, purpose TEXT NOT NULL, content TEXT NOT NULL,
        hash TEXT NOT NULL CHECK (length(hash) = 64), UNIQUE (crisis_id, version))""",
    """CREATE TABLE decision (
        id TEXT PRIMARY KEY, crisis_id TEXT NOT NULL REFERENCES crisis(id), text TEXT NOT NULL,
        rationale TEXT NOT NULL, decided_by TEXT NOT NULL, decided_at TEXT NOT NULL,
        snapshot_id TEXT REFERENCES picture_snapshot(id), recorded_at TEXT NOT NULL,
        actor TEXT NOT NULL)""",
    "CREATE INDEX decision_crisis ON decision (crisis_id, decided_at)",
    """CREATE TABLE decision_entry (
        id TEXT PRIMARY KEY, decision_id TEXT NOT NULL REFERENCES decision(id),
        entry_id TEXT NOT NULL REFERENCES log_entry(id), UNIQUE (decision_id, entry_id))""",
    """CREATE TABLE action (
        id TEXT PRIMARY KEY, crisis_id TEXT NOT NULL REFERENCES crisis(id), text TEXT NOT NULL,
        owner TEXT NOT NULL, due TEXT, decision_id TEXT REFERENCES decision(id),
        recorded_at TEXT NOT NULL, actor TEXT NOT NULL)""",
    "CREATE INDEX action_crisis ON action (crisis_id, due)",
    """CREATE TABLE action_status (
        id TEXT PRIMARY KEY, action_id TEXT NOT NULL REFERENCES action(id),
        status TEXT NOT NULL CHECK (status IN ('open', 'done', 'dropped')), at TEXT NOT NULL,
        actor TEXT NOT NULL, note TEXT)""",
    "CREATE INDEX action_status_action ON action_status (action_id, at)",
    """CREATE TABLE picture_note (
        id TEXT PRIMARY KEY, crisis_id TEXT NOT NULL REFERENCES crisis(id),
        kind TEXT NOT NULL CHECK (kind IN
            ('summary', 'bottleneck', 'forecast', 'dilemma', 'contact', 'retract')),
        text TEXT NOT NULL, retracts_id TEXT REFERENCES picture_note(id), at TEXT NOT NULL,
        actor TEXT NOT NULL)""",
    "CREATE INDEX picture_note_crisis ON picture_note (crisis_id, at)",
    # The picture reads the newest entries per discipline and tag, and counts them, from this
    # covering index instead of scanning the whole log.
    """CREATE INDEX log_current_picture
        ON log_current (crisis_id, withdrawn, discipline, reliability, occurred_at)""",
]


def upgrade() -> None:
    for statement in DDL:
        op.execute(statement)
    for table in FACTS:
        for statement in append_only_ddl(table):
            op.execute(statement)


def downgrade() -> None:
    raise NotImplementedError("crisisconsole never downgrades a database")
