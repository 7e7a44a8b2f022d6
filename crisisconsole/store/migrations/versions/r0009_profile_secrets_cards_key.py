"""Profiles with a credential and card content under a cards key: profile secrets, profile
changes (role, display name, function), the cards key's wraps, and masked card labels.

Existing card content stays as it is here; the first sign-in of an aide with a secret
encrypts it in place (services/cards_keys.py), because only then is there a cards key.

Revision ID: r0009
Revises: r0008
Create Date: 2026-12-01
"""

from alembic import op

from crisisconsole.store.append_only import append_only_ddl

revision = "r0009"
down_revision = "r0008"
branch_labels = None
depends_on = None

DDL = [
    """CREATE TABLE profile_secret (
        id TEXT PRIMARY KEY, profile_id TEXT NOT NULL REFERENCES profile(id),
        kind TEXT NOT NULL CHECK (kind IN ('first', 'change', 'reset', 'recovery')),
        kdf TEXT NOT NULL, salt TEXT NOT NULL, verifier TEXT NOT NULL, public_key TEXT NOT NULL,
        sealed_private TEXT NOT NULL, set_at TEXT NOT NULL, actor TEXT NOT NULL)""",
    "CREATE INDEX profile_secret_profile ON profile_secret (profile_id, set_at)",
    """CREATE TABLE profile_change (
        id TEXT PRIMARY KEY, profile_id TEXT NOT NULL REFERENCES profile(id),
        kind TEXT NOT NULL CHECK (kind IN ('role', 'display')),
        role TEXT CHECK (role IS NULL OR role IN ('aide', 'team', 'mayor', 'viewer')),
        display_name TEXT, function TEXT, recorded_at TEXT NOT NULL, actor TEXT NOT NULL)""",
    "CREATE INDEX profile_change_profile ON profile_change (profile_id, recorded_at)",
    """CREATE TABLE cards_key_wrap (
        id TEXT PRIMARY KEY, key_id TEXT NOT NULL, profile_id TEXT REFERENCES profile(id),
        public_key TEXT, method TEXT NOT NULL CHECK (method IN ('sealed', 'recovery')),
        wrapped TEXT NOT NULL, granted_by TEXT NOT NULL, recorded_at TEXT NOT NULL,
        CHECK ((method = 'recovery') = (profile_id IS NULL)))""",
    "CREATE INDEX cards_key_wrap_profile ON cards_key_wrap (profile_id, recorded_at)",
    """CREATE TABLE card_label (
        id TEXT PRIMARY KEY, card_id TEXT NOT NULL UNIQUE REFERENCES card(id), label TEXT,
        recorded_at TEXT NOT NULL, actor TEXT NOT NULL)""",
]


def upgrade() -> None:
    for statement in DDL:
        op.execute(statement)
    for table in ("profile_secret", "profile_change", "cards_key_wrap"):
        for statement in append_only_ddl(table):
            op.execute(statement)
    for statement in append_only_ddl("card_label", purgeable=True):
        op.execute(statement)


def downgrade() -> None:
    raise NotImplementedError("crisisconsole never downgrades a database")
