"""Team mode (issue 17): the laptop's side of sync.

- team_sync: one row, the sync position (how far the own chain was stamped and pushed, the
  pull cursor on the server's sequence, the clock, online state); bookkeeping, not a fact.
- team_origin: for every synced fact, the device that wrote it and its hybrid logical clock.
- team_chain: the audit records of the other devices, as their chains (verified per device).
- team_conflict: another device's fact that clashes with one here (two offline corrections of
  one entry both made its version n): kept whole, shown as a conflict until settled.

Revision ID: r0050
Revises: r0040
Create Date: 2026-12-02
"""

from alembic import op

from crisisconsole.store.append_only import append_only_ddl

revision = "r0050"
down_revision = "r0040"
branch_labels = None
depends_on = None

DDL = [
    """CREATE TABLE team_sync (
        id INTEGER PRIMARY KEY CHECK (id = 1), device TEXT, stamped_seq INTEGER NOT NULL,
        pushed_seq INTEGER NOT NULL, pull_cursor INTEGER NOT NULL, hlc TEXT NOT NULL,
        last_sync_at TEXT, offline_since TEXT, last_error TEXT)""",
    "INSERT INTO team_sync (id, stamped_seq, pushed_seq, pull_cursor, hlc) "
    "VALUES (1, 0, 0, 0, '')",
    """CREATE TABLE team_origin (
        table_name TEXT NOT NULL, id TEXT NOT NULL, device TEXT NOT NULL,
        device_seq INTEGER NOT NULL, hlc TEXT NOT NULL, PRIMARY KEY (table_name, id))""",
    "CREATE INDEX team_origin_device ON team_origin (device, device_seq)",
    """CREATE TABLE team_chain (
        device TEXT NOT NULL, seq INTEGER NOT NULL, hash TEXT NOT NULL,
        record_json TEXT NOT NULL, PRIMARY KEY (device, seq))""",
    """CREATE TABLE team_conflict (
        table_name TEXT NOT NULL, id TEXT NOT NULL, device TEXT NOT NULL,
        device_seq INTEGER NOT NULL, hlc TEXT NOT NULL, row_json TEXT NOT NULL,
        error TEXT NOT NULL, PRIMARY KEY (table_name, id))""",
]


def upgrade() -> None:
    for statement in DDL:
        op.execute(statement)
    for table in ("team_origin", "team_chain", "team_conflict"):
        for statement in append_only_ddl(table):
            op.execute(statement)


def downgrade() -> None:
    for table in ("team_conflict", "team_chain", "team_origin", "team_sync"):
        op.execute(f"DROP TABLE {table}")
