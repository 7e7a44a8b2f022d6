"""Rows of one table made ready for a bulk insert outside the write transaction.

An importer builds ``prepare_rows`` for a file while the writer is still busy with the one
before: the values are converted as the column types would bind them and each row's content
hash (the one its audit record will carry) is computed here, so the transaction itself only
appends the audit records and runs the inserts.

The inserts are multi-row ``INSERT ... VALUES (...), (...)`` statements in power-of-two sizes
(at most ``MAX_ROWS`` rows, so a handful of statement texts per table): one call into SQLite
per statement, not per row, which also keeps the driver from taking the GIL back per row
while another thread is parsing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import Any

from sqlalchemy import Boolean, Table

from crisisconsole.store import audit_chain
from crisisconsole.store.types import UTCText, new_row_text

MAX_ROWS = 128
_MAX_VARIABLES = 32_000  # SQLite's default limit is 32,766 bound values per statement
_PLANS: dict[str, tuple[list[str], list[tuple[int, Any]]]] = {}
_SQL: dict[tuple[str, int], str] = {}


_last_utc: tuple[Any, str] = (None, "")


def _utc_text(value: Any) -> Any:
    """``new_row_text`` (the time rule's last guard); the rows of one import share their
    recording time, so the last one is remembered (one (value, text) pair, replaced as a whole,
    so threads cannot mix them)."""
    global _last_utc
    if value is None:
        return None
    last = _last_utc
    if last[0] is value:
        return last[1]
    text = new_row_text(value)
    _last_utc = (value, text)
    return text


def _flag(value: Any) -> Any:
    return None if value is None else int(bool(value))


def column_plan(table: Table) -> tuple[list[str], list[tuple[int, Any]]]:
    """Column names, and (position, converter) for the columns whose values are converted
    before binding (as their column types would bind them), per table."""
    plan = _PLANS.get(table.name)
    if plan is None:
        names = list(audit_chain.column_names(table))
        convert = [(i, _utc_text if isinstance(c.type, UTCText) else _flag)
                   for i, c in enumerate(table.columns)
                   if isinstance(c.type, UTCText | Boolean)]
        plan = _PLANS[table.name] = (names, convert)
    return plan


@dataclass(frozen=True)
class PreparedRows:
    table: Table
    ids: tuple[Any, ...]
    params: tuple[tuple[Any, ...], ...]
    hashes: tuple[str, ...]

    def __len__(self) -> int:
        return len(self.params)


def prepare_rows(table: Table, rows: Sequence[Mapping[str, Any]]) -> PreparedRows:
    """Converted values and content hashes; absent columns are NULL, as with ``tx.insert``.

    The hash is taken over the converted values: the audit chain's canonical form of a value
    (``audit_chain._plain``) is what its converter binds, so it comes out the same.
    """
    names, _ = column_plan(table)
    params = row_params(table, rows)
    return PreparedRows(table, tuple(row.get("id") for row in rows), tuple(params),
                        tuple(audit_chain.plain_hash(dict(zip(names, values, strict=True)))
                              for values in params))


def row_params(table: Table, rows: Iterable[Mapping[str, Any]]) -> list[tuple[Any, ...]]:
    """The bound values of each row, in column order (absent columns are NULL)."""
    names, convert = column_plan(table)
    params = []
    for row in rows:
        values = [row.get(name) for name in names]
        for index, fn in convert:
            values[index] = fn(values[index])
        params.append(tuple(values))
    return params


def joined(parts: Sequence[PreparedRows]) -> PreparedRows | None:
    """One ``PreparedRows`` for several of the same table (None when there are none)."""
    if not parts:
        return None
    return PreparedRows(parts[0].table, tuple(chain.from_iterable(p.ids for p in parts)),
                        tuple(chain.from_iterable(p.params for p in parts)),
                        tuple(chain.from_iterable(p.hashes for p in parts)))


def insert_params(cursor: Any, table: Table, params: Sequence[Sequence[Any]]) -> None:
    """Insert the rows in order with as few statements as the sizes allow."""
    names, _ = column_plan(table)
    largest = max(1, min(MAX_ROWS, _MAX_VARIABLES // len(names)))
    start = 0
    while start < len(params):
        size = largest
        while size > len(params) - start:
            size //= 2
        chunk = params[start:start + size]
        cursor.execute(_insert_sql(table.name, names, size), list(chain.from_iterable(chunk)))
        start += size


def _insert_sql(name: str, names: list[str], rows: int) -> str:
    sql = _SQL.get((name, rows))
    if sql is None:
        one = "(" + ", ".join("?" for _ in names) + ")"
        sql = _SQL[(name, rows)] = (f"INSERT INTO {name} ({', '.join(names)}) VALUES "
                                    + ", ".join([one] * rows))
    return sql
