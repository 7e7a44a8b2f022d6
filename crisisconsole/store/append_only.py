"""Append-only enforced by the database itself: triggers that abort UPDATE and DELETE.

Purgeable tables accept an UPDATE only while the purge gate is open, which only the purge
service does, inside its own transaction (so no other connection ever sees it open).
"""

from __future__ import annotations

PURGE_GATE_DDL = (
    "CREATE TABLE purge_gate (id INTEGER PRIMARY KEY CHECK (id = 1), open INTEGER NOT NULL)",
    "INSERT INTO purge_gate (id, open) VALUES (1, 0)",
)


def append_only_ddl(table: str, purgeable: bool = False) -> list[str]:
    message = f"append-only: {table} mag niet gewijzigd of verwijderd worden"
    update_when = " WHEN (SELECT open FROM purge_gate WHERE id = 1) = 0" if purgeable else ""
    return [
        f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table}{update_when} "
        f"BEGIN SELECT RAISE(ABORT, '{message}'); END",
        f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} "
        f"BEGIN SELECT RAISE(ABORT, '{message}'); END",
    ]


def drop_append_only_ddl(table: str) -> list[str]:
    return [f"DROP TRIGGER IF EXISTS {table}_no_update", f"DROP TRIGGER IF EXISTS {table}_no_delete"]
