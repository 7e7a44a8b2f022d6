"""The file's schema against the one the migrations build, for `audit verify`.

Someone with the key can drop an append-only trigger, change the trigger that keeps log_current
so it writes other text, or add a trigger of their own that rewrites every new line; none of that
changes a fact already written. So the file's sqlite_master (every table, index, trigger and
view with its SQL) is compared with a fresh in-memory database migrated to the same revision:
the migrations are frozen per revision, so an untouched file matches them exactly.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import create_engine
from sqlalchemy.pool import StaticPool

from crisisconsole.i18n import tr
from crisisconsole.store import schema
from crisisconsole.store.differences import Difference

_MASTER_SQL = ("SELECT name, type, tbl_name, sql FROM sqlite_master "
               "WHERE name NOT LIKE 'sqlite_stat%'")


@functools.lru_cache(maxsize=4)
def expected_schema(revision: str) -> dict[str, tuple[str, str, str | None]]:
    """name -> (type, table, SQL) of a new database at ``revision``."""
    raw = sqlcipher.connect(":memory:", isolation_level=None, check_same_thread=False)
    engine = create_engine("sqlite://", module=sqlcipher, creator=lambda: raw,
                           poolclass=StaticPool)
    try:
        with engine.connect() as conn, conn.begin():
            schema.upgrade(conn, revision)
        return _objects(raw)
    finally:
        engine.dispose()
        raw.close()


def _objects(raw: Any) -> dict[str, tuple[str, str, str | None]]:
    return {name: (kind, table, sql) for name, kind, table, sql in raw.execute(_MASTER_SQL)}


def check_schema(raw: Any) -> Iterator[Difference]:
    revision = raw.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    expected = expected_schema(revision)
    stored = _objects(raw)
    for name in sorted(expected.keys() | stored.keys()):
        if name not in stored:
            kind = expected[name][0]
            yield Difference("sqlite_master", name, None, None, None, tr(
                f"{kind} ontbreekt", f"{kind} is missing"))
        elif name not in expected:
            kind = stored[name][0]
            yield Difference("sqlite_master", name, None, None, None, tr(
                f"{kind} hoort niet bij het schema van de app ({revision})",
                f"{kind} is not part of the app's schema ({revision})"))
        elif stored[name] != expected[name]:
            yield Difference("sqlite_master", name, "sql", stored[name][2], expected[name][2])
