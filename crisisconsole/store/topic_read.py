"""Reading the store as topic input (issue 13): the log's current state as ``TopicEntry``,
its links, and the aide's topic facts. In the store layer (services/picture/topic_source.py
names it for the services) because the derived topic tables are recomputed from it by
`audit verify` and by the migration that made them (store/derived_topics.py).

``read_all`` reads a whole crisis from a DB-API connection alone (verify and the migrations
have no SQLAlchemy session); ``read_entries`` without ``ids`` is the same read.

Reading goes straight over ``log_current`` joined to ``log_entry`` (for the CAP chain kept in
``external_key``/``extra_json``) and three grouped reads of the versions and assessments,
never one query per entry: a crisis of 100,000 entries reads in one pass. ``read_entries``
with ``ids`` reads only those (the book's incremental path).
"""

from __future__ import annotations

import json
from collections.abc import Container, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select

from crisisconsole.clock import parse_stored
from crisisconsole.domain.topic_input import TopicEntry, TopicFact, TopicLink, cap_chain
from crisisconsole.store.tables.log import (
    log_entry,
    log_link,
)
from crisisconsole.store.tables.picture import topic_fact

CHUNK = 500  # ids per IN (...), well under SQLite's parameter limit
_NO_CHAIN: tuple[None, tuple[str, ...]] = (None, ())


def _chunks(ids: Sequence[str]) -> list[list[str]]:
    return [list(ids[i:i + CHUNK]) for i in range(0, len(ids), CHUNK)]


# Built once: the add path runs them after every write, and building and keying a statement
# costs more than running it.
# In table order, not through an index on crisis_id ("+" keeps SQLite off them): an index
# walk fetches the rows in random order, and at 100,000 entries that decrypts every page many
# times over (3 s instead of 0.5 s for the same rows).
# Plain SQL on the DBAPI cursor, its three times parsed here: the ORM's per-value result
# processing cost as much as the scan itself. The benchmark's baseline scan is this query.
ALL_SQL = ("SELECT c.entry_id, c.crisis_id, c.discipline, c.source, c.text, c.occurred_at, "
           "c.recorded_at, c.reliability, c.location, c.lat, c.lon, c.grade, "
           "c.last_confirmed_at, c.contradicted, c.withdrawn, c.version, e.external_key, "
           "e.extra_json, e.reliability FROM log_current c JOIN log_entry e ON e.id = c.entry_id "
           "WHERE +c.crisis_id = ?")
_FEW_SQL = (ALL_SQL.replace("WHERE +c.crisis_id = ?", "").replace(
    " FROM log_current c",
    ", (SELECT min(a.at) FROM log_assessment a WHERE a.entry_id = c.entry_id "
    "AND a.reliability = 'confirmed'), "
    "(SELECT max(a.at) FROM log_assessment a WHERE a.entry_id = c.entry_id), "
    "(SELECT max(v.recorded_at) FROM log_version v WHERE v.entry_id = c.entry_id) "
    "FROM log_current c")
    + "WHERE c.entry_id IN ({marks}) AND +c.crisis_id = ?")
# All of them (other crises' too: their entries are simply not asked for). Asking "entry_id IN
# (this crisis's entries)" walked the crisis index in random order: 4 s at 100,000.
_FIRST_CONFIRMED_SQL = ("SELECT entry_id, min(at) FROM log_assessment "
                        "WHERE reliability = 'confirmed' GROUP BY entry_id")
_ASSESSED_SQL = "SELECT entry_id, max(at) FROM log_assessment GROUP BY entry_id"
_CORRECTED_SQL = "SELECT entry_id, max(recorded_at) FROM log_version GROUP BY entry_id"
_LINKS_SQL = "SELECT from_id, to_id, kind FROM log_link ORDER BY at, id"
_FACTS_SQL = ("SELECT id, crisis_id, kind, topic_ids, at, actor, entry_ids, text FROM topic_fact "
              "WHERE crisis_id = ?")


def read_entries(conn: Connection, crisis_id: str, ids: Sequence[str] | None = None
                 ) -> list[TopicEntry]:
    """The crisis's entries (all, or those of ``ids``) in their current state."""
    if ids is not None:
        return _read_few(conn, crisis_id, ids)
    return read_all_entries(conn.connection.dbapi_connection, crisis_id)


def _grouped(raw: Any, sql: str) -> dict[str, datetime]:
    return {entry_id: parse_stored(at) for entry_id, at in raw.execute(sql)}


def read_all_entries(raw: Any, crisis_id: str) -> list[TopicEntry]:
    """Every entry of the crisis, over a DB-API connection."""
    cursor = raw.cursor()
    try:
        fetched = cursor.execute(ALL_SQL, (crisis_id,)).fetchall()
    finally:
        cursor.close()
    rows = []
    for r in fetched:
        # A report logged as it happened has the same text for both times: parsed once
        # (datetimes are immutable, so the two fields may share the object).
        occurred = parse_stored(r[5])
        recorded = occurred if r[6] == r[5] else parse_stored(r[6])
        rows.append((r[0], r[1], r[2], r[3], r[4], occurred, recorded, r[7], r[8], r[9],
                     r[10], r[11], None if r[12] is None else parse_stored(r[12]), *r[13:]))
    return _entries(rows, _grouped(raw, _FIRST_CONFIRMED_SQL), _grouped(raw, _ASSESSED_SQL),
                    _grouped(raw, _CORRECTED_SQL))


def read_all(raw: Any, crisis_id: str) -> tuple[list[TopicEntry], list[TopicLink],
                                                 list[TopicFact]]:
    """(entries, links between them, topic facts) of the crisis: a book's whole input."""
    entries = read_all_entries(raw, crisis_id)
    ids = {e.id for e in entries}
    links = [TopicLink(a, b, kind) for a, b, kind in raw.execute(_LINKS_SQL)
             if a in ids and b in ids]
    facts = [TopicFact(fact_id, crisis, kind, tuple(json.loads(topics)), parse_stored(at),
                       actor, tuple(json.loads(entry_ids)), text_)
             for fact_id, crisis, kind, topics, at, actor, entry_ids, text_
             in raw.execute(_FACTS_SQL, (crisis_id,))]
    return entries, links, facts


def _read_few(conn: Connection, crisis_id: str, ids: Sequence[str]) -> list[TopicEntry]:
    """The entries of ``ids``, with their times from the versions and assessments, in one
    query per chunk (the add path: one entry after each write, where every extra query costs
    a millisecond of page reads; a picture from the topics on disk: the shown topics')."""
    return read_few_entries(conn.connection.dbapi_connection, crisis_id, ids)


def read_few_entries(raw: Any, crisis_id: str, ids: Sequence[str]) -> list[TopicEntry]:
    """``read_entries`` with ``ids`` over a DB-API connection. Through the entry id's index
    ("+" keeps SQLite off the crisis index, which walked every entry of the crisis: 10 ms per
    call at 5,000 entries)."""
    rows = []
    times: tuple[dict[str, datetime], ...] = ({}, {}, {})
    for part in _chunks(ids):
        sql = _FEW_SQL.format(marks=",".join("?" * len(part)))
        for r in raw.execute(sql, (*part, crisis_id)):
            occurred = parse_stored(r[5])
            recorded = occurred if r[6] == r[5] else parse_stored(r[6])
            rows.append((r[0], r[1], r[2], r[3], r[4], occurred, recorded, r[7], r[8], r[9],
                         r[10], r[11], None if r[12] is None else parse_stored(r[12]),
                         *r[13:19]))
            for found, value in zip(times, r[19:], strict=True):
                if value is not None:
                    found[r[0]] = parse_stored(value)
    return _entries(rows, *times)


def _entries(rows: Any, first_confirmed: dict[str, datetime], assessed: dict[str, datetime],
             corrected: dict[str, datetime]) -> list[TopicEntry]:
    out = []
    # Unpacked, not read by attribute: this loop runs once per entry of the crisis.
    for (entry_id, crisis, discipline, source, text_, occurred_at, recorded_at, reliability,
         location, lat, lon, grade, last_confirmed_at, contradicted, withdrawn, version,
         external_key, extra_json, first_reliability) in rows:
        alert, refs = (cap_chain(external_key, json.loads(extra_json) if extra_json else None)
                       if external_key or extra_json else _NO_CHAIN)
        confirmed_at = (recorded_at if first_reliability == "confirmed"
                        else first_confirmed.get(entry_id))
        out.append(TopicEntry(
            entry_id, crisis, discipline, source, text_, occurred_at, recorded_at, reliability,
            location, lat, lon, grade, last_confirmed_at, bool(contradicted), bool(withdrawn),
            version, corrected.get(entry_id), assessed.get(entry_id),
            confirmed_at, alert, refs))
    return out


def read_links(conn: Connection, entry_ids: Container[str], link_ids: Sequence[str] | None = None
               ) -> list[TopicLink]:
    """The links whose both ends are among ``entry_ids`` (all links, or those of ``link_ids``)."""
    query = select(log_link.c.from_id, log_link.c.to_id, log_link.c.kind)
    rows: list[Any]
    if link_ids is None:
        rows = list(conn.execute(query.order_by(log_link.c.at, log_link.c.id)))
    else:
        rows = [r for part in _chunks(link_ids) for r in conn.execute(
            query.where(log_link.c.id.in_(part)))]
    return [TopicLink(r.from_id, r.to_id, r.kind) for r in rows
            if r.from_id in entry_ids and r.to_id in entry_ids]


def fact_from_row(row: Any) -> TopicFact:
    return TopicFact(row.id, row.crisis_id, row.kind, tuple(json.loads(row.topic_ids)),
                     row.at, row.actor, tuple(json.loads(row.entry_ids)), row.text)


def read_facts(conn: Connection, crisis_id: str, ids: Sequence[str] | None = None
               ) -> list[TopicFact]:
    query = select(topic_fact).where(topic_fact.c.crisis_id == crisis_id)
    if ids is None:
        rows = list(conn.execute(query))
    else:
        rows = [r for part in _chunks(ids) for r in conn.execute(
            query.where(topic_fact.c.id.in_(part)))]
    return [fact_from_row(r) for r in rows]


def entry_ids_of(conn: Connection, table: Any, ids: Sequence[str]) -> set[str]:
    """The entries that version, assessment or withdrawal rows ``ids`` belong to."""
    found: set[str] = set()
    for part in _chunks(ids):
        found.update(conn.execute(select(table.c.entry_id).where(table.c.id.in_(part)))
                     .scalars())
    return found


def crisis_of_topic(conn: Connection, topic_id: str) -> str | None:
    """The crisis a topic id belongs to, by its anchor (an entry, or the split fact)."""
    from crisisconsole.domain.topic_input import anchor_of

    anchor = anchor_of(topic_id)
    found = conn.execute(select(log_entry.c.crisis_id).where(log_entry.c.id == anchor)).scalar()
    if found is None:
        found = conn.execute(select(topic_fact.c.crisis_id)
                             .where(topic_fact.c.id == anchor)).scalar()
    return found


__all__ = ["crisis_of_topic", "entry_ids_of", "fact_from_row", "read_all", "read_all_entries",
           "read_entries", "read_facts", "read_links"]
