"""One ``TopicBook`` per crisis, kept in memory and brought up to date from what was written,
so the picture never regroups the log from scratch.

How the book learns about a change: every write goes through ``Store.write`` and leaves an
audit record naming its table and row (log_entry, log_version, log_assessment, log_link,
log_withdrawal, topic_fact). The book remembers the last audit ``seq`` it has seen; each read
first takes the records after it (a range on the primary key), reads just those rows and
feeds them to the book: a new entry is one incremental step (``TopicBook.add_entry``), a
correction or re-grade updates the entry, a link or a late fact makes the book replay. This
is the same path for the app's own writes, for another process's writes to the same file and
(later) for synced facts: all of them are audit records. When the app's change feed arrives
(services grouped per aggregate, ``Changes``), it only has to call ``refresh`` earlier.

A record the tail cannot explain (a purge, an unknown table) simply rebuilds the book.

The book also keeps the topics on disk (store/derived_topics.py) in the same transaction as
each write that changes them: the store calls ``TopicBooks.maintain`` with the write's
connection just before it commits; the book catches up on that connection (it sees the write)
and writes the rows that changed (topic_rows.py). Rows on disk never come from a book that is
not held: a crisis written while its book is not held has rows behind (their generation says
so), and they are recomputed before use.
"""

from __future__ import annotations

import gc
import threading
import weakref
from collections.abc import Container
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, bindparam, func, select

from crisisconsole.domain.topic_book import TopicBook
from crisisconsole.services.picture.topic_source import (
    entry_ids_of,
    read_entries,
    read_facts,
    read_links,
)
from crisisconsole.store import derived_topics, tables
from crisisconsole.store.commits import Committed
from crisisconsole.store.engine import Store
from crisisconsole.store.tables.log import log_assessment, log_version, log_withdrawal

_WATCHED = ("log_entry", "log_version", "log_assessment", "log_link", "log_withdrawal",
            "topic_fact")
_WATCHED_SET = frozenset(_WATCHED)
_ENTRY_FACTS = {"log_version": log_version, "log_assessment": log_assessment,
                "log_withdrawal": log_withdrawal}
WRITER = "topic-rows"  # the actor of a write of derived rows only (it leaves no audit record)
TAIL_LIMIT = 5_000  # more records than this since the last read: rebuild instead


@dataclass
class _Held:
    book: TopicBook
    seq: int
    builds: int = 1
    # Topic summaries and views, kept until a change touches their topic (TopicCache).
    cache: dict[str, Any] = field(default_factory=dict)
    # The topics on disk (topic_rows.py): the file's rows at generation ``synced_gen`` are the
    # book's but for the entries in ``pending`` and the topics in ``book.state.changed``
    # (pending None: any row may differ).
    synced_gen: int | None = None
    pending: set[str] | None = None


class TopicBooks:
    """The books of one store (one per crisis)."""

    def __init__(self) -> None:
        self._held: dict[str, _Held] = {}
        self._lock = threading.RLock()

    def book(self, store: Store, crisis_id: str) -> TopicBook:
        with self._lock, store.read() as conn:
            return self._up_to_date(conn, crisis_id).book

    def held(self, crisis_id: str) -> bool:
        return crisis_id in self._held

    def _up_to_date(self, conn: Connection, crisis_id: str, tail: list[Any] | None = None
                    ) -> _Held:
        """The crisis's book caught up on ``conn`` (``tail``: the audit records after the
        book's, when the caller read them already)."""
        held = self._held.get(crisis_id)
        # The tail first: after a write it also gives the new head (one query fewer on
        # the add path); only an empty tail asks for the head (a file swapped for an
        # older copy has a lower one).
        if held is None:
            tail = []
        elif tail is None:
            tail = _tail(conn, held.seq)
        head = tail[-1].seq if tail else _head(conn)
        if held is None or head < held.seq:
            self._held[crisis_id] = held = _Held(_build(conn, crisis_id), head)
            _synced_at_build(conn, held, crisis_id)
        elif head > held.seq:
            replays = held.book.regrouped
            caught = (None if len(tail) > TAIL_LIMIT else
                      _catch_up(conn, held.book, crisis_id, tail))
            if caught is None:
                head = _head(conn)
                held.book = _build(conn, crisis_id)
                held.builds += 1
                held.cache.clear()
                _synced_at_build(conn, held, crisis_id)
            else:
                touched, every = caught
                if held.book.regrouped != replays:
                    held.pending = None  # replayed: any row may have changed
                elif held.pending is not None:
                    held.pending |= touched  # and the topics in ``state.changed``
                if held.book.regrouped != replays or every:
                    held.cache.clear()
                else:
                    adjacent = held.book.adjacent()
                    for entry_id in touched:
                        # Its topic, and the topics linked to it (a contradiction's other
                        # side shows whether it is still open).
                        for one in (entry_id, *adjacent.get(entry_id, ())):
                            held.cache.pop(held.book.state.label_of.get(one), None)
            held.seq = head
        return held

    def maintain(self, conn: Connection, told: Committed) -> None:
        """The store's hook inside each write, before its commit: bring the topics on disk
        of every held crisis up to date with the write (topic_rows.keep_rows)."""
        from crisisconsole.services.picture.topic_rows import keep_rows

        if not _WATCHED_SET & told.written.keys():
            return
        with self._lock:
            for crisis_id in list(self._held):
                keep_rows(self, conn, crisis_id, told)

    def write_rows(self, store: Store, crisis_id: str) -> bool:
        """Write the crisis's topics to disk from its book (built if not held) when the rows
        there are behind: after a start on a file written without the book held (another
        process, a team pull, a bulk fill). True when it wrote them."""
        with store.read() as conn:
            gen, fresh = derived_topics.state(conn.connection.dbapi_connection, crisis_id)
        if gen == fresh or store.read_only:
            return False
        from crisisconsole.services.picture.topic_rows import all_changes

        # The store's write lock before the books' (the order ``maintain`` takes them in).
        with store.write(WRITER) as tx, self._lock:
            raw = tx.conn.connection.dbapi_connection
            held = self._up_to_date(tx.conn, crisis_id)
            # Only the rows that differ: after a start the rows are mostly right already.
            held.synced_gen = derived_topics.write_changes(
                raw, crisis_id, *all_changes(raw, crisis_id, held.book))
            held.pending = set()
            held.book.state.changed.clear()
        return True

    def failed(self, told: Committed) -> None:
        """A write rolled back after ``maintain``: the books may hold what it wrote."""
        if _WATCHED_SET & told.written.keys():
            self.forget()

    def cache(self, crisis_id: str) -> dict[str, Any]:
        """Topic id -> (summary, view) cached for the crisis's book (call ``book`` first)."""
        return self._held[crisis_id].cache

    def forget(self, crisis_id: str | None = None) -> None:
        with self._lock:
            if crisis_id is None:
                self._held.clear()
            else:
                self._held.pop(crisis_id, None)

    def builds(self, crisis_id: str) -> int:
        """How often the book was built from scratch (tests: the path stays incremental)."""
        held = self._held.get(crisis_id)
        return 0 if held is None else held.builds


def _head(conn: Connection) -> int:
    return conn.execute(_HEAD).scalar() or 0


def _build(conn: Connection, crisis_id: str) -> TopicBook:
    # The cyclic collector off while the book is made: it creates ~10 objects per entry and
    # no cycles, and at 100,000 entries the collector's repeated full passes over them cost
    # a large share of the build (they show up as time in unrelated calls when profiled).
    paused = gc.isenabled()
    gc.disable()
    try:
        entries = read_entries(conn, crisis_id)
        ids = {e.id for e in entries}
        return TopicBook(entries, read_links(conn, ids), read_facts(conn, crisis_id))
    finally:
        if paused:
            gc.enable()


class _Any(Container[str]):
    def __contains__(self, key: object) -> bool:
        return True


_ANY = _Any()


class _Either(Container[str]):
    """In one of two mappings (the book's entries, the ones just read)."""

    def __init__(self, first: Container[str], second: Container[str]) -> None:
        self.first, self.second = first, second

    def __contains__(self, key: object) -> bool:
        return key in self.first or key in self.second


_A = tables.audit.c
_TAIL = (select(_A.seq, _A.object_type, _A.object_id, _A.action, _A.result)
         .where(_A.seq > bindparam("after")).order_by(_A.seq).limit(TAIL_LIMIT + 1))
_HEAD = select(func.coalesce(func.max(_A.seq), 0))


def _tail(conn: Connection, after: int) -> list[Any]:
    """The audit records after ``after`` (at most TAIL_LIMIT + 1: more means rebuild)."""
    return conn.execute(_TAIL, {"after": after}).all()


def _synced_at_build(conn: Connection, held: _Held, crisis_id: str) -> None:
    """A book just built from the file equals the topic rows there if they are current in
    the same read: then the next write needs to write only what it changes."""
    gen, fresh = derived_topics.state(conn.connection.dbapi_connection, crisis_id)
    held.synced_gen, held.pending = (fresh, set()) if gen == fresh else (None, None)
    held.book.state.changed.clear()


def _catch_up(conn: Connection, book: TopicBook, crisis_id: str, rows: list[Any]
              ) -> tuple[set[str], bool] | None:
    """Feed the audit records ``rows`` to the book: (the entries read again, whether any
    topic's view may have changed besides theirs: a fact, a link), or None: rebuild
    instead."""
    wanted: dict[str, list[str]] = {name: [] for name in _WATCHED}
    for row in rows:
        if row.result != "ok" or row.object_id is None:
            continue
        if row.object_type in wanted:
            wanted[row.object_type].append(row.object_id)
        elif "purge" in row.action:
            return None  # content was overwritten: read it all again
    touched = set(wanted["log_entry"])
    for name, table in _ENTRY_FACTS.items():
        if wanted[name]:
            touched |= entry_ids_of(conn, table, wanted[name])
    # A link changes its ends' state too (a contradiction marks both): read them again.
    linked = read_links(conn, _ANY, wanted["log_link"]) if wanted["log_link"] else []
    touched |= {end for k in linked for end in (k.from_id, k.to_id)}
    fresh = {e.id: e for e in read_entries(conn, crisis_id, sorted(touched))} if touched else {}
    # Never a copy of the book's 100,000 ids per add (that alone cost ~10 ms): look in both.
    known = _Either(book.entries, fresh)
    links = [k for k in linked if k.from_id in known and k.to_id in known]
    new = sorted((e for i, e in fresh.items() if i not in book.entries),
                 key=lambda e: (e.recorded_at, e.id))
    for entry in fresh.values():
        if entry.id in book.entries:
            book.update_entry(entry)
    pending = list(links)
    for entry in new:
        own = [k for k in pending if entry.id in (k.from_id, k.to_id)
               and all(end in book.entries or end == entry.id
                       for end in (k.from_id, k.to_id))]
        pending = [k for k in pending if k not in own]
        book.add_entry(entry, own)
    for link in pending:
        book.add_link(link)
    for fact in sorted(read_facts(conn, crisis_id, wanted["topic_fact"]),
                       key=lambda f: (f.at, f.id)) if wanted["topic_fact"] else ():
        if fact.id not in book.facts:
            book.add_fact(fact)
    return touched | set(fresh), bool(wanted["topic_fact"] or links)


_BOOKS: weakref.WeakKeyDictionary[Any, TopicBooks] = weakref.WeakKeyDictionary()
_BOOKS_LOCK = threading.Lock()


def books_of(store: Store) -> TopicBooks:
    """The books held for this open store (dropped with the store)."""
    with _BOOKS_LOCK:
        found = _BOOKS.get(store)
        if found is None:
            _BOOKS[store] = found = TopicBooks()
            store.commits.maintain.append(found.maintain)
            store.commits.failed.append(found.failed)
        return found


def topic_book(store: Store, crisis_id: str) -> TopicBook:
    """The crisis's topic book, up to date with everything written to the store."""
    return books_of(store).book(store, crisis_id)


def cached_topics(store: Store, crisis_id: str) -> tuple[TopicBook, Any, Any]:
    """(the book, summary_of, view_of): ``summarise`` and ``topic_view`` served from the
    cache of the book's topics, which each change clears for the topics it touched."""
    from crisisconsole.domain.topic_picture import summarise
    from crisisconsole.domain.topic_view import topic_view

    books = books_of(store)
    book = books.book(store, crisis_id)
    cache = books.cache(crisis_id)

    def summary_of(topic: Any) -> Any:
        slot = cache.setdefault(topic.id, {})
        if "s" not in slot:
            slot["s"] = summarise(topic, book.entries)
        return slot["s"]

    def view_of(topic_id: str) -> Any:
        slot = cache.setdefault(topic_id, {})
        if "v" not in slot:
            slot["v"] = topic_view(book, topic_id)
        return slot["v"]

    return book, summary_of, view_of
