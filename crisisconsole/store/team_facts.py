"""The laptop's side of team sync, in the laptop database: stamping the own facts with their
hybrid logical clock, the outbox (the own chain after what was pushed), and applying what other
devices wrote (their facts with their chain records, never through the own chain).

The outbox is the own audit chain itself: every fact a laptop writes has a write record there,
so "what is still to push" is the records after ``team_sync.pushed_seq``; nothing can be
written without entering it. Facts travel as their stored values (canonical JSON, as the
content hash covers them), so card content stays the ciphertext of the cards key.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import LargeBinary, Table
from sqlcipher3 import dbapi2 as sqlcipher

from crisisconsole.domain.hlc import ZERO, Hlc, receive, tick
from crisisconsole.store import tables
from crisisconsole.store.audit_chain import RECORD_FIELDS, WRITE, canonical_json, column_names
from crisisconsole.store.bulk import insert_params

# Profiles (their secrets, their wraps of the cards key) belong to one laptop: a profile signs
# in on its own machine. Everything else that is audited is the team's.
LOCAL_AGGREGATES = frozenset({"profiles"})
CARD_AGGREGATE = "cards"
_RECORD_COLUMNS = (*RECORD_FIELDS, "hash")


def synced_tables(*, cards: bool = True) -> dict[str, Table]:
    return {t.name: t for t in tables.audited_tables()
            if t.info.get("aggregate") not in LOCAL_AGGREGATES
            and (cards or t.info.get("aggregate") != CARD_AGGREGATE)}


@dataclass(frozen=True)
class SyncState:
    device: str | None
    stamped_seq: int
    pushed_seq: int
    pull_cursor: int
    hlc: Hlc
    last_sync_at: str | None
    offline_since: str | None
    last_error: str | None


def state(raw: Any) -> SyncState:
    row = raw.execute("SELECT device, stamped_seq, pushed_seq, pull_cursor, hlc, last_sync_at, "
                      "offline_since, last_error FROM team_sync WHERE id = 1").fetchone()
    return SyncState(row[0], row[1], row[2], row[3], Hlc.parse(row[4]) if row[4] else ZERO,
                     row[5], row[6], row[7])


def set_state(raw: Any, **values: Any) -> None:
    if "hlc" in values and isinstance(values["hlc"], Hlc):
        values["hlc"] = values["hlc"].text()
    sets = ", ".join(f"{name} = ?" for name in values)
    raw.execute(f"UPDATE team_sync SET {sets} WHERE id = 1", tuple(values.values()))


def pending(raw: Any) -> int:
    """Own audit records not yet on the server."""
    pushed = raw.execute("SELECT pushed_seq FROM team_sync WHERE id = 1").fetchone()[0]
    return raw.execute("SELECT count(*) FROM audit WHERE seq > ?", (pushed,)).fetchone()[0]


def _ms(at: str) -> int:
    from crisisconsole.clock import parse_iso

    return int(parse_iso(at).timestamp() * 1000)


def stamp(raw: Any, device: str) -> int:
    """Give every own fact written since the last stamp its origin and clock (team_origin),
    in chain order; returns how many. Runs inside the caller's write transaction."""
    current = state(raw)
    last = current.hlc
    synced = synced_tables()
    origins = []
    seq = current.stamped_seq
    for seq, at, kind, object_type, object_id, result in raw.execute(
            "SELECT seq, at, kind, object_type, object_id, result FROM audit WHERE seq > ? "
            "ORDER BY seq", (current.stamped_seq,)).fetchall():
        last = tick(last, _ms(at), device)
        if kind == WRITE and result == "ok" and object_type in synced:
            origins.append((object_type, object_id, device, seq, last.text()))
    if origins:
        raw.executemany("INSERT OR IGNORE INTO team_origin (table_name, id, device, device_seq,"
                        " hlc) VALUES (?, ?, ?, ?, ?)", origins)
    set_state(raw, device=device, stamped_seq=seq, hlc=last)
    return len(origins)


@dataclass(frozen=True)
class Batch:
    """A run of the own chain and the facts its write records made."""

    records: list[tuple[int, str, str]]  # (seq, hash, record as canonical JSON)
    facts: list[tuple[str, str, int, str | None, str, str]]  # table, id, seq, aggregate, hlc, row

    @property
    def last_seq(self) -> int:
        return self.records[-1][0]


def outbox(raw: Any, limit: int) -> Batch | None:
    """The next ``limit`` own records after what was pushed, with their stamped facts."""
    current = state(raw)
    rows = raw.execute(f"SELECT {', '.join(_RECORD_COLUMNS)} FROM audit WHERE seq > ? AND "
                       "seq <= ? ORDER BY seq LIMIT ?",
                       (current.pushed_seq, current.stamped_seq, limit)).fetchall()
    if not rows:
        return None
    records = [(r[0], r[-1], canonical_json(dict(zip(_RECORD_COLUMNS, r, strict=True))))
               for r in rows]
    first, last = rows[0][0], rows[-1][0]
    origins = raw.execute("SELECT table_name, id, device_seq, hlc FROM team_origin WHERE "
                          "device = ? AND device_seq BETWEEN ? AND ?",
                          (current.device, first, last)).fetchall()
    synced = synced_tables()
    by_table: dict[str, list[tuple[str, int, str]]] = {}
    for table_name, row_id, seq, hlc in origins:
        by_table.setdefault(table_name, []).append((row_id, seq, hlc))
    facts = []
    for table_name, wanted in by_table.items():
        table = synced[table_name]
        contents = dict(_rows(raw, table, [w[0] for w in wanted]))
        aggregate = table.info.get("aggregate")
        facts += [(table_name, row_id, seq, aggregate, hlc, contents[row_id])
                  for row_id, seq, hlc in wanted if row_id in contents]
    return Batch(records, facts)


def _rows(raw: Any, table: Table, ids: Sequence[str]) -> Iterable[tuple[str, str]]:
    names = column_names(table)
    for start in range(0, len(ids), 500):
        part = ids[start:start + 500]
        marks = ", ".join("?" * len(part))
        for values in raw.execute(f"SELECT {', '.join(names)} FROM {table.name} WHERE id IN "
                                  f"({marks})", tuple(part)):
            row = dict(zip(names, values, strict=True))
            yield row["id"], canonical_json(row)


# -- what the other devices wrote ------------------------------------------------------------

@dataclass(frozen=True)
class Foreign:
    device: str
    seq: int
    hash: str
    record_json: str


@dataclass(frozen=True)
class ForeignFact:
    table_name: str
    id: str
    device: str
    device_seq: int
    hlc: str
    row_json: str


def chain_heads(raw: Any) -> dict[str, int]:
    return dict(raw.execute("SELECT device, max(seq) FROM team_chain GROUP BY device"))


def contiguous(raw: Any, records: Iterable[Foreign]) -> list[Foreign]:
    """Of ``records``, those that continue each device's chain without a gap (the rest wait
    for the records before them: sequences commit out of order)."""
    heads = chain_heads(raw)
    by_device: dict[str, list[Foreign]] = {}
    for record in records:
        by_device.setdefault(record.device, []).append(record)
    ready = []
    for device, mine in by_device.items():
        expected = heads.get(device, 0) + 1
        for record in sorted(mine, key=lambda r: r.seq):
            if record.seq < expected:
                continue  # already here (the look-back window reads it again)
            if record.seq != expected:
                break
            ready.append(record)
            expected += 1
    return ready


def apply(raw: Any, records: Sequence[Foreign], facts: Sequence[ForeignFact],
          *, cards: bool) -> dict[str, list[str]]:
    """Store other devices' chain records and facts (inside the caller's write transaction,
    foreign keys checked at its commit), facts in HLC order; returns table -> ids applied."""
    raw.execute("PRAGMA defer_foreign_keys = ON")
    if records:
        raw.executemany("INSERT INTO team_chain (device, seq, hash, record_json) "
                        "VALUES (?, ?, ?, ?)",
                        [(r.device, r.seq, r.hash, r.record_json) for r in records])
    synced = synced_tables(cards=cards)
    written: dict[str, list[str]] = {}
    last = state(raw).hlc
    wanted = [f for f in sorted(facts, key=lambda f: f.hlc) if f.table_name in synced]
    # Runs of one table in HLC order, each inserted in as few statements as fit; a run that
    # clashes with a fact here is inserted again row by row, to keep the clashing ones apart.
    start = 0
    while start < len(wanted):
        end = start
        while end < len(wanted) and wanted[end].table_name == wanted[start].table_name:
            end += 1
        run = wanted[start:end]
        table = synced[run[0].table_name]
        rows = [_row(table, fact) for fact in run]
        if not _insert(raw, table, rows):
            kept = [(fact, row) for fact, row in zip(run, rows, strict=True)
                    if _insert(raw, table, [row]) or _conflict(raw, fact)]
            run = [fact for fact, _row_ in kept]
        raw.executemany("INSERT INTO team_origin (table_name, id, device, device_seq, hlc) "
                        "VALUES (?, ?, ?, ?, ?)",
                        [(f.table_name, f.id, f.device, f.device_seq, f.hlc) for f in run])
        written.setdefault(table.name, []).extend(f.id for f in run)
        for fact in run:
            last = receive(last, Hlc.parse(fact.hlc))
        start = end
    set_state(raw, hlc=last)
    return written


def _row(table: Table, fact: ForeignFact) -> tuple:
    values = json.loads(fact.row_json)
    binary = {c.name for c in table.columns if isinstance(c.type, LargeBinary)}
    return tuple(bytes.fromhex(values[n]) if n in binary and values.get(n) is not None
                 else values.get(n) for n in column_names(table))


def _insert(raw: Any, table: Table, rows: list[tuple]) -> bool:
    """Insert ``rows`` or nothing (False when one clashes with a fact here)."""
    raw.execute("SAVEPOINT team_fact")
    try:
        insert_params(raw.cursor(), table, rows)
    except sqlcipher.IntegrityError:
        raw.execute("ROLLBACK TO team_fact")
        raw.execute("RELEASE team_fact")
        return False
    raw.execute("RELEASE team_fact")
    return True


def _conflict(raw: Any, fact: ForeignFact) -> bool:
    """Keep a clashing fact whole as a conflict; False: it is not applied."""
    raw.execute("INSERT OR IGNORE INTO team_conflict (table_name, id, device, device_seq, hlc, "
                "row_json, error) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (fact.table_name, fact.id, fact.device, fact.device_seq, fact.hlc,
                 fact.row_json, "clashes with a fact here"))
    return False
