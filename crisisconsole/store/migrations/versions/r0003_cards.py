"""Person-level briefing cards: cards, facts, changes (purgeable), access log, tombstones.

Revision ID: r0003
Revises: r0002
Create Date: 2026-11-29
"""

from alembic import op

from crisisconsole.store.append_only import append_only_ddl

revision = "r0003"
down_revision = "r0002"
branch_labels = None
depends_on = None

DDL = [
    """CREATE TABLE card (
        id TEXT PRIMARY KEY, crisis_id TEXT NOT NULL REFERENCES crisis(id),
        kind TEXT NOT NULL CHECK (kind IN ('person', 'organisation')),
        name TEXT NOT NULL, aliases TEXT, year_of_birth INTEGER, organisation TEXT,
        role_in_crisis TEXT, created_at TEXT NOT NULL, actor TEXT NOT NULL)""",
    "CREATE INDEX card_crisis ON card (crisis_id, created_at)",
    """CREATE TABLE card_fact (
        id TEXT PRIMARY KEY, card_id TEXT NOT NULL REFERENCES card(id),
        statement TEXT NOT NULL,
        question TEXT NOT NULL CHECK (question IN
            ('who', 'origin', 'background', 'expected_actions', 'other')),
        source_org TEXT NOT NULL, source_officer TEXT,
        channel TEXT NOT NULL CHECK (channel IN
            ('wpg16', 'wjsg39f', 'own_observation', 'open_source', 'other')),
        legal_basis TEXT NOT NULL, purpose TEXT NOT NULL,
        reliability TEXT NOT NULL CHECK (reliability IN ('hearsay', 'confirmed', 'refuted')),
        grade TEXT, received_at TEXT NOT NULL, no_onward_sharing BOOLEAN NOT NULL,
        corrects_id TEXT REFERENCES card_fact(id), reason TEXT, recorded_at TEXT NOT NULL,
        actor TEXT NOT NULL)""",
    "CREATE INDEX card_fact_card ON card_fact (card_id, recorded_at)",
    """CREATE TABLE card_change (
        id TEXT PRIMARY KEY, card_id TEXT NOT NULL REFERENCES card(id),
        kind TEXT NOT NULL CHECK (kind IN ('dates', 'note', 'link')),
        review_date TEXT, deletion_date TEXT, note TEXT, entry_id TEXT,
        recorded_at TEXT NOT NULL, actor TEXT NOT NULL)""",
    "CREATE INDEX card_change_card ON card_change (card_id, recorded_at)",
    """CREATE TABLE card_access (
        id TEXT PRIMARY KEY, card_id TEXT, action TEXT NOT NULL, result TEXT NOT NULL,
        purpose TEXT, at TEXT NOT NULL, actor TEXT NOT NULL, origin TEXT NOT NULL)""",
    "CREATE INDEX card_access_card ON card_access (card_id, at)",
    """CREATE TABLE card_tombstone (
        id TEXT PRIMARY KEY, card_id TEXT NOT NULL UNIQUE REFERENCES card(id),
        purged_at TEXT NOT NULL, actor TEXT NOT NULL, reason TEXT NOT NULL,
        removed_hash TEXT NOT NULL, rows_purged INTEGER NOT NULL)""",
]


def upgrade() -> None:
    for statement in DDL:
        op.execute(statement)
    for table in ("card", "card_fact", "card_change"):
        for statement in append_only_ddl(table, purgeable=True):
            op.execute(statement)
    for table in ("card_access", "card_tombstone"):
        for statement in append_only_ddl(table):
            op.execute(statement)


def downgrade() -> None:
    raise NotImplementedError("crisisconsole never downgrades a database")
