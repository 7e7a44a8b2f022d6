"""Audit records planned outside the write transaction, for a bulk importer that prepares the
next file while the writer commits the one before.

``AuditPlanner`` continues the chain from a known head: it gives every prepared row its audit
record (sequence number, previous hash, own hash) ahead of time. ``WriteTx.apply_planned`` then
only checks, inside the transaction, that the chain's head is still the one planned from, and
runs the inserts. If anything else wrote in between, nothing is written and ``PlanStale`` tells
the importer to do that file the ordinary way.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Connection

from crisisconsole.clock import format_utc
from crisisconsole.ids import new_id
from crisisconsole.store import audit_chain
from crisisconsole.store.bulk import PreparedRows
from crisisconsole.store.connection import translate_error

if TYPE_CHECKING:
    from crisisconsole.store.engine import Store

HEAD_SQL = ("SELECT (SELECT seq FROM sqlite_sequence WHERE name = 'audit'), "
            "(SELECT hash FROM audit ORDER BY seq DESC LIMIT 1)")


class PlanStale(Exception):
    """The chain or the rows moved on since the write was planned; nothing was written."""


def chain_head(cursor: Any) -> tuple[int, str]:
    """(last seq, last hash) of the audit chain, through a DB-API cursor or connection."""
    return _head(cursor.execute(HEAD_SQL).fetchone())


def _head(row: Sequence[Any]) -> tuple[int, str]:
    seq, last = row
    return seq or 0, last or audit_chain.GENESIS


def next_record(head: tuple[int, str], at: datetime, actor: str, origin: str, action: str,
                object_type: str, object_id: str | None, result: str, kind: str,
                content_hash: str | None) -> dict[str, Any]:
    """The audit record that follows ``head``."""
    seq, prev = head
    record = {
        "seq": seq + 1, "id": new_id(), "at": at, "actor": actor, "origin": origin,
        "kind": kind, "action": action, "object_type": object_type, "object_id": object_id,
        "result": result, "content_hash": content_hash, "prev_hash": prev,
    }
    record["hash"] = audit_chain.record_hash(record)
    return record


@dataclass(frozen=True)
class PlannedWrite:
    after: tuple[int, str]  # the head the records continue
    head: tuple[int, str]  # the head once written
    parts: tuple[PreparedRows, ...]
    audit_params: list[tuple[Any, ...]]

    @property
    def rows(self) -> int:
        return sum(len(part) for part in self.parts)


AUDIT_COLUMNS = ("seq", "id", "at", "actor", "origin", "kind", "action", "object_type",
                 "object_id", "result", "content_hash", "prev_hash", "hash")


class AuditPlanner:
    def __init__(self, head: tuple[int, str], actor: str, origin: str) -> None:
        self.head = head
        self.actor = actor
        self.origin = origin

    def plan(self, parts: Sequence[tuple[PreparedRows, str]], at: datetime) -> PlannedWrite:
        """The rows of ``parts`` (each with its audit action), continuing the chain.

        The records are built as bound values straight away (the time formatted once), and
        hashed as ``audit_chain.record_hash`` would hash them."""
        after = self.head
        seq, prev = after
        at_text, kind, result = format_utc(at), audit_chain.WRITE, "ok"
        audit_params = []
        for rows, action in parts:
            name = str(rows.table.name)  # a plain str (SQLAlchemy hands out a subclass)
            template = audit_chain.RecordTemplate(at=at_text, actor=self.actor,
                                                  origin=self.origin, kind=kind, action=action,
                                                  object_type=name, result=result)
            for row_id, content in zip(rows.ids, rows.hashes, strict=True):
                seq += 1
                record_id = new_id()
                record_hash = template.hash(seq, record_id, row_id, content, prev)
                audit_params.append((seq, record_id, at_text, self.actor, self.origin, kind,
                                     action, name, row_id, result, content, prev, record_hash))
                prev = record_hash
        self.head = (seq, prev)
        return PlannedWrite(after, self.head, tuple(rows for rows, _ in parts), audit_params)


def head_of(conn: Connection) -> tuple[int, str]:
    """``chain_head`` through a SQLAlchemy connection (a reader, outside any write)."""
    return _head(conn.exec_driver_sql(HEAD_SQL).one())


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

    def __init__(self, store: Store, table: str, column: str, payload: str) -> None:
        self._path = store.path
        self._sql = lookup_sql(table, column, payload)
        self._conn = store.raw_connection()

    def __call__(self, values: Iterable[str]) -> dict[str, Any]:
        try:
            return existing_values(self._conn, self._sql, values)
        except sqlcipher.Error as error:
            raise translate_error(error, self._path) from None

    def close(self) -> None:
        self._conn.close()
