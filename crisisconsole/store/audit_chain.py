"""The audit chain: every write appends a record whose hash covers the previous record's hash
and the hash of the content written. Verification walks the chain and compares each audited
object with the content hash of the last record that wrote it, so a record edited or deleted
behind the app's back (even by someone with the key) is found.

The chain's head and the record that follows it are made here, for every writer: the store's
write transaction (store.engine) and the importer that plans its records ahead
(store.planned_write).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from json.encoder import encode_basestring
from typing import Any

from sqlalchemy import Connection, Table, text

from crisisconsole.i18n import tr
from crisisconsole.ids import new_id
from crisisconsole.store.types import bound_text

GENESIS = "0" * 64
WRITE = "write"
ACCESS = "access"
RECORD_FIELDS = (
    "seq", "id", "at", "actor", "origin", "kind", "action", "object_type", "object_id",
    "result", "content_hash", "prev_hash",
)


_AS_IS = (str, int, float, type(None))


def _plain(value: Any) -> Any:
    if type(value) in _AS_IS:  # the common case first (bool is not in it: exact type test)
        return value
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, datetime):  # a stored time hashes as its stored text (old files)
        return bound_text(value)
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value).hex()
    return value


# The cycle check is left out (content is stored rows and plain values; it costs a tenth of the
# encoding); the text is the same.
_ENCODER = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                            check_circular=False)
_PLAIN_TYPES = frozenset(_AS_IS)


def canonical_json(content: Mapping[str, Any]) -> str:
    return _ENCODER.encode({k: _plain(v) for k, v in content.items()})


def plain_hash(content: Mapping[str, Any]) -> str:
    """``sha256_text(canonical_json(content))``, without the per-value conversion when every
    value is already plain (text, numbers, NULL): bulk imports hash rows of bound values."""
    if _PLAIN_TYPES.issuperset(map(type, content.values())):
        return sha256_text(_ENCODER.encode(content))
    return sha256_text(canonical_json(content))


class RecordTemplate:
    """``record_hash`` for a run of records that share everything but seq, id, object id,
    content hash and previous hash (a bulk import's rows), from a prepared text: the same
    canonical JSON, without building and sorting a dict per record."""

    def __init__(self, *, at: str, actor: str, origin: str, kind: str, action: str,
                 object_type: str, result: str) -> None:
        # The keys in sorted order, as canonical_json writes them.
        self._head = f'{{"action":{_json(action)},"actor":{_json(actor)},"at":{_json(at)},'
        self._kind = f'"kind":{_json(kind)},'
        self._middle = f'"object_type":{_json(object_type)},"origin":{_json(origin)},'
        self._result = f'"result":{_json(result)},'

    def hash(self, seq: int, record_id: str, object_id: str | None, content: str | None,
             prev_hash: str) -> str:
        return sha256_text(
            f'{self._head}"content_hash":{_json(content)},"id":{_json(record_id)},'
            f'{self._kind}"object_id":{_json(object_id)},{self._middle}'
            f'"prev_hash":{_json(prev_hash)},{self._result}"seq":{int(seq)!r}}}')


def _json(value: str | None) -> str:
    return "null" if value is None else encode_basestring(value)


def sha256_text(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def content_hash(table: Table, row: Mapping[str, Any]) -> str:
    """Hash of a row over all of the table's columns (absent ones count as NULL)."""
    return plain_hash({name: row.get(name) for name in column_names(table)})


_COLUMN_NAMES: dict[Table, tuple[str, ...]] = {}


def column_names(table: Table) -> tuple[str, ...]:
    """The table's column names (iterating SQLAlchemy's column collection is slow)."""
    names = _COLUMN_NAMES.get(table)
    if names is None:
        names = _COLUMN_NAMES[table] = tuple(c.name for c in table.columns)
    return names


def record_hash(record: Mapping[str, Any]) -> str:
    return plain_hash({f: record.get(f) for f in RECORD_FIELDS})


# -- the head a write continues, and the record that follows it ----------------------------

WRITE_HEAD_SQL = ("SELECT (SELECT seq FROM sqlite_sequence WHERE name = 'audit'), "
                  "(SELECT hash FROM audit ORDER BY seq DESC LIMIT 1)")


def write_head(cursor: Any) -> tuple[int, str]:
    """(last seq handed out, last hash): the head the next write continues, through a DB-API
    cursor or connection."""
    return _head(cursor.execute(WRITE_HEAD_SQL).fetchone())


def _head(row: Sequence[Any]) -> tuple[int, str]:
    seq, last = row
    return seq or 0, last or GENESIS


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
    record["hash"] = record_hash(record)
    return record


def write_head_of(conn: Connection) -> tuple[int, str]:
    """``write_head`` through a SQLAlchemy connection (a reader, outside any write)."""
    return _head(conn.exec_driver_sql(WRITE_HEAD_SQL).one())


# -- the head a document names, and the chain walked ----------------------------------------

HEAD_SQL = "SELECT seq, hash, at FROM audit ORDER BY seq DESC LIMIT 1"


def head_of(raw: Any) -> tuple[int, str, str | None]:
    """(seq, hash, time) of the newest audit record, through a DB-API connection."""
    row = raw.execute(HEAD_SQL).fetchone()
    return (0, GENESIS, None) if row is None else (int(row[0]), row[1], row[2])


def chain_head(conn: Connection) -> dict[str, Any]:
    """The head a document is made from, read in the caller's read transaction, as documents
    carry it (PDF footers, snapshots, exports): {"seq", "hash"}."""
    seq, digest, _ = head_of(conn.connection.dbapi_connection)
    return {"seq": seq, "hash": digest}


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    records: int
    bad_seq: int | None = None
    reason: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "records": self.records, "bad_seq": self.bad_seq, "reason": self.reason}


def _stream(raw: Any, sql: str, batch: int = 5000) -> Iterable[tuple]:
    cursor = raw.cursor()
    try:
        cursor.execute(sql)
        while rows := cursor.fetchmany(batch):
            yield from rows
    finally:
        cursor.close()


def verify_chain(conn: Connection, audit: Table, audited: Iterable[Table],
                 foreign: Mapping[str, set[str]] | None = None) -> VerifyResult:
    """Walk the chain, then every audited row against the content hash of the last record that
    wrote it. Rows are read through the driver as stored (timestamps as their stored text, the
    form they were hashed in): a million records verify without a datetime per value.

    ``foreign``: table -> ids of rows other devices wrote (team mode); their own chains cover
    them (store.team_chains), so they are not looked for in this one."""
    foreign = foreign or {}
    raw = conn.connection.dbapi_connection
    tables = {t.name: t for t in audited}
    expected: dict[str, dict[str, tuple[int, str]]] = {name: {} for name in tables}
    previous_hash = GENESIS
    previous_seq = 0
    count = 0
    fields = column_names(audit)
    for values in _stream(raw, f"SELECT {', '.join(fields)} FROM {audit.name} ORDER BY seq"):
        rec = dict(zip(fields, values, strict=True))
        count += 1
        seq = rec["seq"]
        if seq != previous_seq + 1:
            return VerifyResult(False, count, previous_seq + 1, tr(f'record {previous_seq + 1} ontbreekt', f"record {previous_seq + 1} missing"))
        if rec["prev_hash"] != previous_hash:
            return VerifyResult(False, count, seq, tr("keten verbroken", "chain broken (prev_hash)"))
        if record_hash(rec) != rec["hash"]:
            return VerifyResult(False, count, seq, tr("record gewijzigd", "record altered (hash)"))
        if rec["kind"] == WRITE and rec["object_type"] in tables and rec["result"] == "ok":
            expected[rec["object_type"]][rec["object_id"]] = (seq, rec["content_hash"])
        previous_hash, previous_seq = rec["hash"], seq
    last_assigned = conn.execute(
        text("SELECT seq FROM sqlite_sequence WHERE name = 'audit'")
    ).scalar()
    if (last_assigned or 0) != previous_seq:
        return VerifyResult(False, count, previous_seq + 1, tr(f'record {previous_seq + 1} ontbreekt', f"record {previous_seq + 1} missing (tail)"))
    for name, table in tables.items():
        wanted_rows = expected[name]
        seen = 0
        names = column_names(table)
        others = foreign.get(name, frozenset())
        for values in _stream(raw, f"SELECT {', '.join(names)} FROM {name}"):
            row = dict(zip(names, values, strict=True))
            found = wanted_rows.get(row["id"])
            if found is None and row["id"] in others:
                continue
            if found is None:
                return VerifyResult(False, count, None, tr(f"{name} {row['id']} zonder auditrecord", f"{name} {row['id']} not in the audit chain"))
            if content_hash(table, row) != found[1]:
                return VerifyResult(False, count, found[0], tr(f"{name} {row['id']} gewijzigd", f"{name} {row['id']} content altered"))
            seen += 1
        if seen != len(wanted_rows):  # ids are unique: fewer rows than written means deleted
            present = {v[0] for v in _stream(raw, f"SELECT id FROM {name}")}
            seq, obj_id = min((seq, obj_id) for obj_id, (seq, _) in wanted_rows.items()
                              if obj_id not in present)
            return VerifyResult(False, count, seq, tr(f'{name} {obj_id} verwijderd', f"{name} {obj_id} deleted"))
    return VerifyResult(True, count)
