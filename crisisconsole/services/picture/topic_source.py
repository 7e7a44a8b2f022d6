"""Reading the store as topic input (issue 13): the log's current state as ``TopicEntry``,
its links, and the aide's topic facts. Moved here from the test-side adapter
(tests/unit/demo/topic_demo_helpers.py), which now calls this.

Reading goes straight over ``log_current`` joined to ``log_entry`` (for the CAP chain kept in
``external_key``/``extra_json``) and three grouped reads of the versions and assessments,
never one query per entry: a crisis of 100,000 entries reads in one pass. ``read_entries``
with ``ids`` reads only those (the book's incremental path).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, func, select

from crisisconsole.domain.topic_input import TopicEntry, TopicFact, TopicLink, cap_chain
from crisisconsole.store.tables.log import (
    log_assessment,
    log_current,
    log_entry,
    log_link,
    log_version,
)
from crisisconsole.store.tables.picture import topic_fact

CHUNK = 500  # ids per IN (...), well under SQLite's parameter limit


def _chunks(ids: Sequence[str]) -> list[list[str]]:
    return [list(ids[i:i + CHUNK]) for i in range(0, len(ids), CHUNK)]


def _by_entry(conn: Connection, query: Any, column: Any, ids: Sequence[str] | None
              ) -> dict[str, datetime]:
    if ids is None:
        return dict(conn.execute(query).all())
    found: dict[str, datetime] = {}
    for part in _chunks(ids):
        found.update(conn.execute(query.where(column.in_(part))).all())
    return found


def read_entries(conn: Connection, crisis_id: str, ids: Sequence[str] | None = None
                 ) -> list[TopicEntry]:
    """The crisis's entries (all, or those of ``ids``) in their current state."""
    c, e = log_current.c, log_entry.c
    base = (select(c.entry_id, c.crisis_id, c.discipline, c.source, c.text, c.occurred_at,
                   c.recorded_at, c.reliability, c.location, c.lat, c.lon, c.grade,
                   c.last_confirmed_at, c.contradicted, c.withdrawn, c.version,
                   e.external_key, e.extra_json, e.reliability.label("first_reliability"))
            .join(log_entry, log_entry.c.id == c.entry_id)
            .where(c.crisis_id == crisis_id))
    if ids is None:
        rows = conn.execute(base).all()
    else:
        rows = [r for part in _chunks(ids) for r in conn.execute(
            base.where(c.entry_id.in_(part)))]
    a, v = log_assessment.c, log_version.c
    wanted = None if ids is None else [r.entry_id for r in rows]
    if ids is None:  # only this crisis's facts
        mine = select(log_current.c.entry_id).where(log_current.c.crisis_id == crisis_id)
        first_q = select(a.entry_id, func.min(a.at)).where(
            a.reliability == "confirmed", a.entry_id.in_(mine)).group_by(a.entry_id)
        assessed_q = select(a.entry_id, func.max(a.at)).where(
            a.entry_id.in_(mine)).group_by(a.entry_id)
        corrected_q = select(v.entry_id, func.max(v.recorded_at)).where(
            v.entry_id.in_(mine)).group_by(v.entry_id)
    else:
        first_q = select(a.entry_id, func.min(a.at)).where(
            a.reliability == "confirmed").group_by(a.entry_id)
        assessed_q = select(a.entry_id, func.max(a.at)).group_by(a.entry_id)
        corrected_q = select(v.entry_id, func.max(v.recorded_at)).group_by(v.entry_id)
    first_confirmed = _by_entry(conn, first_q, a.entry_id, wanted)
    assessed = _by_entry(conn, assessed_q, a.entry_id, wanted)
    corrected = _by_entry(conn, corrected_q, v.entry_id, wanted)
    out = []
    for r in rows:
        alert, refs = cap_chain(r.external_key, json.loads(r.extra_json) if r.extra_json
                                else None)
        confirmed_at = (r.recorded_at if r.first_reliability == "confirmed"
                        else first_confirmed.get(r.entry_id))
        out.append(TopicEntry(
            r.entry_id, r.crisis_id, r.discipline, r.source, r.text, r.occurred_at,
            r.recorded_at, r.reliability, r.location, r.lat, r.lon, r.grade,
            r.last_confirmed_at, bool(r.contradicted), bool(r.withdrawn), r.version,
            corrected.get(r.entry_id), assessed.get(r.entry_id), confirmed_at, alert, refs))
    return out


def read_links(conn: Connection, entry_ids: set[str], link_ids: Sequence[str] | None = None
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


__all__ = ["crisis_of_topic", "entry_ids_of", "fact_from_row", "read_entries",
           "read_facts", "read_links"]
