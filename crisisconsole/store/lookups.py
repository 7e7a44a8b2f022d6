"""Which of many values a column already holds, for an importer's duplicate check: inside the
write transaction (``WriteTx.existing``) or, while the writer works, on a connection of its own
(``ValueLookup``, made by ``Store.value_lookup``)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher

from crisisconsole.store.connection import translate_error

_CHUNK = 500


def lookup_sql(table: str, column: str, payload: str) -> str:
    return f"SELECT {column}, {payload} FROM {table} WHERE {column} IN "


def existing_values(cursor: Any, sql: str, values: Iterable[str]) -> dict[str, Any]:
    """value -> payload for the values already in the column (``lookup_sql``), in chunks."""
    wanted = list(dict.fromkeys(values))
    found: dict[str, Any] = {}
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start:start + _CHUNK]
        found.update(cursor.execute(sql + "(" + ", ".join("?" for _ in chunk) + ")",
                                    chunk).fetchall())
    return found


class ValueLookup:
    """Which of many values one column already holds, and what ``payload`` says for each (an
    importer's duplicate check, made for every file while the writer works). One raw connection
    in autocommit mode: each lookup sees the latest commit, without a pool checkout and a
    transaction object per file."""

    def __init__(self, connect: Callable[[], Any], path: Path, table: str, column: str,
                 payload: str) -> None:
        self._path = path
        self._sql = lookup_sql(table, column, payload)
        self._conn = connect()

    def __call__(self, values: Iterable[str]) -> dict[str, Any]:
        try:
            return existing_values(self._conn, self._sql, values)
        except sqlcipher.Error as error:
            raise translate_error(error, self._path) from None

    def close(self) -> None:
        self._conn.close()
