"""What travels between a laptop and the server: a push of the own chain and facts (idempotent:
``ON CONFLICT DO NOTHING`` on their keys, so a push cut off halfway is simply pushed again),
and a pull of what the others wrote, by the server's sequence with a look-back window.

The push copies its rows into temporary tables with COPY (psycopg 3) and inserts them from
there in one statement per table, in one server transaction."""

from __future__ import annotations

from collections.abc import Sequence

import psycopg

from crisisconsole.store.team_facts import Batch, Foreign, ForeignFact

# Sequence numbers are handed out at INSERT and become visible at COMMIT, out of order: a pull
# reads again this far behind its cursor, so a transaction that committed late is not missed.
LOOKBACK = 2000
CHANNEL = "team_facts"


def wait_for_hint(conn: psycopg.Connection, timeout: float) -> bool:
    """Wait up to ``timeout`` seconds for another device's push (LISTEN/NOTIFY). Only a hint:
    a round pulls by the sequence whatever woke it, and after every reconnect."""
    conn.execute(f"LISTEN {CHANNEL}")
    conn.commit()
    return any(True for _ in conn.notifies(timeout=timeout, stop_after=1))


def push(conn: psycopg.Connection, batch: Batch) -> int:
    """One server transaction; returns how many facts were new on the server."""
    with conn.transaction(), conn.cursor() as cur:
        cur.execute("CREATE TEMP TABLE push_audit (seq BIGINT, hash TEXT, record_json TEXT) "
                    "ON COMMIT DROP")
        cur.execute("CREATE TEMP TABLE push_fact (table_name TEXT, id TEXT, device_seq BIGINT,"
                    " aggregate TEXT, hlc TEXT, row_json TEXT) ON COMMIT DROP")
        with cur.copy("COPY push_audit (seq, hash, record_json) FROM STDIN") as copy:
            for record in batch.records:
                copy.write_row(record)
        with cur.copy("COPY push_fact FROM STDIN") as copy:
            for fact in batch.facts:
                copy.write_row(fact)
        cur.execute("INSERT INTO team_audit (seq, hash, record_json) SELECT seq, hash, "
                    "record_json FROM push_audit ORDER BY seq ON CONFLICT DO NOTHING")
        cur.execute("INSERT INTO team_fact (table_name, id, device_seq, aggregate, hlc, "
                    "row_json) SELECT * FROM push_fact ON CONFLICT DO NOTHING")
        new = cur.rowcount
        cur.execute(f"NOTIFY {CHANNEL}")  # delivered at commit; only a hint to pull now
        return new


def pull(conn: psycopg.Connection, me: str, cursor: int,
         limit: int) -> tuple[list[tuple[int, Foreign]], int]:
    """Other devices' chain records after ``cursor - LOOKBACK`` (with their server sequence
    numbers), and the server's newest sequence number seen."""
    rows = conn.execute(
        "SELECT server_seq, device, seq, hash, record_json FROM team_audit WHERE server_seq > %s"
        " AND device <> %s ORDER BY server_seq LIMIT %s",
        (max(0, cursor - LOOKBACK), me, limit)).fetchall()
    conn.commit()
    return [(r[0], Foreign(r[1], r[2], r[3], r[4])) for r in rows], \
        (rows[-1][0] if rows else cursor)


def facts_of(conn: psycopg.Connection, records: Sequence[Foreign]) -> list[ForeignFact]:
    """The facts the write records of ``records`` made, as far as row-level security lets this
    device see them (card rows only for card-seeing roles)."""
    if not records:
        return []
    rows = conn.execute(
        "SELECT f.table_name, f.id, f.device, f.device_seq, f.hlc, f.row_json FROM team_fact f "
        "JOIN unnest(%s::text[], %s::bigint[]) AS k(device, seq) "
        "ON f.device = k.device AND f.device_seq = k.seq",
        ([r.device for r in records], [r.seq for r in records])).fetchall()
    conn.commit()
    return [ForeignFact(*row) for row in rows]

