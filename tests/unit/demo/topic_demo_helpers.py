"""Reading a database's log as topic input, for tests and the topic figures (a test-side
adapter: the services that will do this for the app are still to be written; they map the
same columns)."""

from __future__ import annotations

import json

from sqlalchemy import func, select

from crisisconsole.domain.topic_input import TopicEntry, TopicLink, cap_chain
from crisisconsole.services.log.queries import list_entries
from crisisconsole.store.tables.log import log_assessment, log_entry, log_link, log_version


def read_topic_input(store, crisis_id: str) -> tuple[list[TopicEntry], list[TopicLink]]:
    """The crisis's entries (current state, through the log service) and their links."""
    current = list_entries(store, crisis_id, limit=1_000_000, order="recorded",
                           descending=False)
    ids = [e.id for e in current]
    with store.read() as conn:
        raw = {r.id: r for r in conn.execute(select(
            log_entry.c.id, log_entry.c.external_key, log_entry.c.extra_json,
            log_entry.c.reliability, log_entry.c.recorded_at))}
        first_confirmed = dict(conn.execute(
            select(log_assessment.c.entry_id, func.min(log_assessment.c.at))
            .where(log_assessment.c.reliability == "confirmed")
            .group_by(log_assessment.c.entry_id)).all())
        corrected = dict(conn.execute(select(log_version.c.entry_id,
                                             func.max(log_version.c.recorded_at))
                                      .group_by(log_version.c.entry_id)).all())
        assessed = dict(conn.execute(select(log_assessment.c.entry_id,
                                            func.max(log_assessment.c.at))
                                     .group_by(log_assessment.c.entry_id)).all())
        links = [TopicLink(r.from_id, r.to_id, r.kind) for r in conn.execute(select(log_link))
                 if r.from_id in set(ids) and r.to_id in set(ids)]
    entries = []
    for e in current:
        row = raw[e.id]
        alert, refs = cap_chain(row.external_key,
                                json.loads(row.extra_json) if row.extra_json else None)
        confirmed_at = row.recorded_at if row.reliability == "confirmed" else \
            first_confirmed.get(e.id)
        entries.append(TopicEntry(
            e.id, e.crisis_id, e.discipline, e.source, e.text, e.occurred_at, e.recorded_at,
            e.reliability, e.location, e.lat, e.lon, e.grade, e.last_confirmed_at,
            e.contradicted, e.withdrawn, e.version, corrected.get(e.id), assessed.get(e.id),
            confirmed_at, alert, refs))
    return entries, links
