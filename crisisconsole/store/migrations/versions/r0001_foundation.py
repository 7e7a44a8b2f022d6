"""Foundation: meta, profiles, crises and their events, the audit chain, the purge gate.

Revision ID: r0001
Revises:
Create Date: 2026-11-29
"""

from alembic import op

from crisisconsole.store.append_only import PURGE_GATE_DDL, append_only_ddl

revision = "r0001"
down_revision = None
branch_labels = None
depends_on = None

DDL = [
    "CREATE TABLE db_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE TABLE profile (
        id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL CHECK (role IN ('aide', 'team', 'mayor', 'viewer')),
        created_at TEXT NOT NULL, actor TEXT)""",
    """CREATE TABLE crisis (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, municipality TEXT NOT NULL,
        exercise BOOLEAN NOT NULL, opened_at TEXT NOT NULL, recorded_at TEXT NOT NULL,
        actor TEXT NOT NULL)""",
    """CREATE TABLE crisis_event (
        id TEXT PRIMARY KEY, crisis_id TEXT NOT NULL REFERENCES crisis(id),
        kind TEXT NOT NULL CHECK (kind IN ('grip', 'close', 'reopen')),
        grip TEXT, at TEXT NOT NULL, recorded_at TEXT NOT NULL, actor TEXT NOT NULL, note TEXT)""",
    "CREATE INDEX crisis_event_crisis ON crisis_event (crisis_id, at)",
    """CREATE TABLE audit (
        seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, at TEXT NOT NULL,
        actor TEXT NOT NULL, origin TEXT NOT NULL, kind TEXT NOT NULL, action TEXT NOT NULL,
        object_type TEXT NOT NULL, object_id TEXT, result TEXT NOT NULL, content_hash TEXT,
        prev_hash TEXT NOT NULL, hash TEXT NOT NULL)""",
    "CREATE INDEX audit_object ON audit (object_type, object_id)",
    *PURGE_GATE_DDL,
]


def upgrade() -> None:
    for statement in DDL:
        op.execute(statement)
    for table in ("profile", "crisis", "crisis_event", "audit"):
        for statement in append_only_ddl(table):
            op.execute(statement)


def downgrade() -> None:
    raise NotImplementedError("crisisconsole never downgrades a database")
