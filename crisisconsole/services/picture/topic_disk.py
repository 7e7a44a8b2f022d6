"""The topics of a crisis read from the rows kept on disk (store/derived_topics.py), for a
picture made while the crisis's book is not held in memory (a fresh process, the first
picture after a start): every topic's summary from ``topic_summary`` (a few thousand rows),
and full entry rows only for the topics the picture shows, read when their view is asked for.

Only rows that are current are read (``topic_state``: ``fresh_gen = gen``, in the same read
transaction as the rows themselves); ``open`` gives None otherwise, and the caller builds the
book from the facts instead. What a view shows here equals ``topic_view`` over the whole book:
the view needs the topic's own entries and, for its open contradictions, the entries at the
other end of its contradiction links, which are read with them.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection

from crisisconsole.domain.topic_book import Topic
from crisisconsole.domain.topic_input import TopicEntry, TopicLink
from crisisconsole.domain.topic_picture import TopicSummary
from crisisconsole.domain.topic_view import TopicView, view_with_links
from crisisconsole.store import derived_topics
from crisisconsole.store.topic_read import read_entries

_SUMMARIES = ("SELECT topic_id, discipline, reports, all_refuted, pinned, closed, "
              "last_change_at, meta_json FROM topic_summary WHERE crisis_id = ?")
_MEMBERS = "SELECT entry_id FROM topic_assignment WHERE topic_id = ?"
_CONTRADICTIONS = "SELECT from_id, to_id, kind FROM log_link WHERE kind = 'contradicts'"


class DiskTopics:
    def __init__(self, conn: Connection, crisis_id: str, rows: list[tuple]) -> None:
        self._conn = conn
        self._raw = conn.connection.dbapi_connection
        self.crisis_id = crisis_id
        self.summaries: list[TopicSummary] = [
            derived_topics.summary_of_row(r[0], r[1:]) for r in rows]
        self._meta = {r[0]: r[7] for r in rows}
        self.entries: dict[str, TopicEntry] = {}
        self._links: list[TopicLink] | None = None
        self._by_entry: dict[str, list[str]] = {}

    @classmethod
    def open(cls, conn: Connection, crisis_id: str) -> DiskTopics | None:
        raw = conn.connection.dbapi_connection
        gen, fresh = derived_topics.state(raw, crisis_id)
        if gen != fresh:
            return None
        return cls(conn, crisis_id, raw.execute(_SUMMARIES, (crisis_id,)).fetchall())

    def load(self, entry_ids: Iterable[str]) -> None:
        """Read the entries of ``entry_ids`` not read yet (of this crisis only)."""
        wanted = sorted({i for i in entry_ids if i not in self.entries})
        if wanted:
            for entry in read_entries(self._conn, self.crisis_id, wanted):
                self.entries[entry.id] = entry

    def _contradictions(self) -> list[TopicLink]:
        if self._links is None:
            self._links = [TopicLink(a, b, kind) for a, b, kind
                           in self._raw.execute(_CONTRADICTIONS)]
            for link in self._links:
                self._by_entry.setdefault(link.from_id, []).append(link.to_id)
                self._by_entry.setdefault(link.to_id, []).append(link.from_id)
        return self._links

    def view_of(self, topic_id: str) -> TopicView:
        members = tuple(r[0] for r in self._raw.execute(_MEMBERS, (topic_id,)))
        links = self._contradictions()
        self.load((*members, *(o for m in members for o in self._by_entry.get(m, ()))))
        meta = derived_topics.meta_from_json(self.crisis_id, self._meta[topic_id])
        return view_with_links(Topic(topic_id, members, meta), self.entries, links)


__all__ = ["DiskTopics"]
