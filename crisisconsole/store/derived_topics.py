"""The topics on disk (r0060): derived from the facts, written, read and checked here.

``topic_assignment`` says which topic each entry is in, ``topic_summary`` holds per topic what
ordering and selecting it for the picture needs (``topic_picture.TopicSummary``) and its
manual properties (``TopicMeta``, as JSON), so a picture reads a few thousand topic rows and
only the entries of the topics it shows, instead of regrouping every entry.

When are they current? Triggers raise ``topic_state.gen`` for the crisis on every write that
can change its topics (log_current inserted or updated, a link, a topic fact); whoever writes
the rows sets ``fresh_gen`` to ``gen`` in the same transaction. So rows with
``fresh_gen = gen`` are what the facts give, and rows behind are never used: a reader
recomputes them first (``rebuild``). The app keeps them current write by write
(services/picture/topic_books.py) while it holds the crisis's topics in memory.

`audit verify` recomputes each crisis whose rows claim to be current from the facts and
reports every row that differs (``check_topic_tables``); rows behind are not compared, since
nothing reads them before they are recomputed.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import fields
from datetime import datetime
from typing import Any

from crisisconsole.clock import format_utc, parse_stored
from crisisconsole.domain.topic_book import Topic, TopicBook
from crisisconsole.domain.topic_facts import TopicMeta
from crisisconsole.domain.topic_input import TopicEntry
from crisisconsole.domain.topic_picture import TopicSummary, summarise
from crisisconsole.i18n import tr
from crisisconsole.store.differences import Difference
from crisisconsole.store.topic_read import read_all

Row = tuple[Any, ...]  # a topic_summary row without its topic id and crisis
_TIMES = frozenset({"name_at", "statement_at", "closed_at", "reopened_at", "last_fact_at"})
_TUPLES = frozenset({"statement_entries"})
_META_FIELDS = tuple(f.name for f in fields(TopicMeta) if f.name != "crisis_id")
CHUNK = 500


def build_book(raw: Any, crisis_id: str) -> TopicBook:
    """The crisis's book from its facts, over a DB-API connection."""
    # The cyclic collector off while the book is made: ~10 objects per entry and no cycles;
    # at 100,000 entries its repeated full passes cost a large share of the build.
    paused = gc.isenabled()
    gc.disable()
    try:
        return TopicBook(*read_all(raw, crisis_id))
    finally:
        if paused:
            gc.enable()


def meta_json(meta: TopicMeta) -> str:
    out: dict[str, Any] = {}
    for name in _META_FIELDS:
        value = getattr(meta, name)
        if isinstance(value, datetime):
            value = format_utc(value)
        elif isinstance(value, tuple):
            value = list(value)
        out[name] = value
    return json.dumps(out, sort_keys=True, ensure_ascii=False)


def meta_from_json(crisis_id: str, text: str) -> TopicMeta:
    data = json.loads(text)
    values: dict[str, Any] = {}
    for name in _META_FIELDS:
        value = data.get(name)
        if name in _TIMES and value is not None:
            value = parse_stored(value)
        elif name in _TUPLES:
            value = tuple(value or ())
        elif name == "fact_ids":
            value = list(value or ())
        values[name] = value
    return TopicMeta(crisis_id, **values)


def summary_row(topic: Topic, entries: Mapping[str, TopicEntry]) -> Row:
    s = summarise(topic, entries)
    return (s.discipline, s.reports, int(s.all_refuted), int(s.pinned), int(s.closed),
            format_utc(s.last_change_at), meta_json(topic.meta))


def summary_of_row(topic_id: str, row: Row) -> TopicSummary:
    discipline, reports, all_refuted, pinned, closed, last_change_at = row[:6]
    return TopicSummary(topic_id, discipline, reports, bool(all_refuted), bool(pinned),
                        bool(closed), parse_stored(last_change_at))


def rows_of(book: TopicBook, topic_ids: Iterable[str] | None = None) -> dict[str, Row | None]:
    """topic id -> its summary row as the book has it (None: no such live topic now)."""
    # The replay's own member lists, not ``state.topics()``: that copies every topic's list,
    # which on the add path (one topic) cost 25 ms at 100,000 entries.
    live = book.state.members
    wanted = sorted(t for t, m in live.items() if m) if topic_ids is None else topic_ids
    out: dict[str, Row | None] = {}
    for topic_id in wanted:
        members = live.get(topic_id)
        out[topic_id] = None if not members else summary_row(
            Topic(topic_id, tuple(members), book.state.snapshot_meta(topic_id)), book.entries)
    return out


def stored(raw: Any, crisis_id: str) -> tuple[dict[str, str], dict[str, Row]]:
    """(entry -> topic, topic -> summary row) as the file holds them for the crisis."""
    assigned = dict(raw.execute(
        "SELECT entry_id, topic_id FROM topic_assignment WHERE crisis_id = ?", (crisis_id,)))
    summaries = {r[0]: tuple(r[1:]) for r in raw.execute(
        "SELECT topic_id, discipline, reports, all_refuted, pinned, closed, last_change_at, "
        "meta_json FROM topic_summary WHERE crisis_id = ?", (crisis_id,))}
    return assigned, summaries


def assigned_in(raw: Any, crisis_id: str, topic_ids: Iterable[str], entry_ids: Iterable[str]
                ) -> dict[str, str]:
    """entry -> topic as the file holds it, for the entries of ``topic_ids`` and those of
    ``entry_ids`` (read by key: the add path; "+" keeps SQLite off the crisis index, which
    walked the whole crisis: 80 ms per add at 100,000 entries)."""
    found: dict[str, str] = {}
    for column, keys in (("topic_id", sorted(topic_ids)), ("entry_id", sorted(entry_ids))):
        for part in (keys[i:i + CHUNK] for i in range(0, len(keys), CHUNK)):
            found.update(raw.execute(
                "SELECT entry_id, topic_id FROM topic_assignment "
                f"WHERE {column} IN ({','.join('?' * len(part))}) AND +crisis_id = ?",
                (*part, crisis_id)))
    return found


def rows_in(raw: Any, crisis_id: str, topic_ids: Iterable[str]) -> dict[str, Row]:
    """topic -> its summary row as the file holds it, for ``topic_ids``."""
    keys = sorted(topic_ids)
    found: dict[str, Row] = {}
    for part in (keys[i:i + CHUNK] for i in range(0, len(keys), CHUNK)):
        found.update((r[0], tuple(r[1:])) for r in raw.execute(
            "SELECT topic_id, discipline, reports, all_refuted, pinned, closed, last_change_at, "
            f"meta_json FROM topic_summary WHERE topic_id IN ({','.join('?' * len(part))}) "
            "AND +crisis_id = ?", (*part, crisis_id)))
    return found


def state(raw: Any, crisis_id: str) -> tuple[int, int]:
    """(gen, fresh_gen) of the crisis; (0, 0) for a crisis no write has touched."""
    row = raw.execute("SELECT gen, fresh_gen FROM topic_state WHERE crisis_id = ?",
                      (crisis_id,)).fetchone()
    return (0, 0) if row is None else (row[0], row[1])


def write_changes(raw: Any, crisis_id: str, assigned: Mapping[str, str | None],
                  summaries: Mapping[str, Row | None]) -> int:
    """Write the changed rows (None: delete) and mark the crisis current; its generation."""
    gone = [(e,) for e, t in assigned.items() if t is None]
    raw.executemany("DELETE FROM topic_assignment WHERE entry_id = ?", gone)
    raw.executemany(
        "INSERT INTO topic_assignment (entry_id, crisis_id, topic_id) VALUES (?, ?, ?) "
        "ON CONFLICT (entry_id) DO UPDATE SET topic_id = excluded.topic_id",
        [(e, crisis_id, t) for e, t in assigned.items() if t is not None])
    raw.executemany("DELETE FROM topic_summary WHERE topic_id = ?",
                    [(t,) for t, r in summaries.items() if r is None])
    raw.executemany(
        "INSERT OR REPLACE INTO topic_summary (topic_id, crisis_id, discipline, reports, "
        "all_refuted, pinned, closed, last_change_at, meta_json) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(t, crisis_id, *r) for t, r in summaries.items() if r is not None])
    return mark_fresh(raw, crisis_id)


def mark_fresh(raw: Any, crisis_id: str) -> int:
    raw.execute("INSERT INTO topic_state (crisis_id, gen, fresh_gen) VALUES (?, 0, 0) "
                "ON CONFLICT (crisis_id) DO UPDATE SET fresh_gen = gen", (crisis_id,))
    return state(raw, crisis_id)[1]


def write_all(raw: Any, crisis_id: str, book: TopicBook) -> int:
    """Replace the crisis's rows by the book's; its generation."""
    raw.execute("DELETE FROM topic_assignment WHERE crisis_id = ?", (crisis_id,))
    raw.execute("DELETE FROM topic_summary WHERE crisis_id = ?", (crisis_id,))
    return write_changes(raw, crisis_id, dict(book.state.label_of), rows_of(book))


def crises(raw: Any) -> list[str]:
    return [r[0] for r in raw.execute(
        "SELECT id FROM crisis UNION SELECT crisis_id FROM topic_state ORDER BY 1")]


def rebuild(raw: Any, crisis_id: str) -> TopicBook:
    """Recompute the crisis's rows from its facts (the caller's transaction)."""
    book = build_book(raw, crisis_id)
    write_all(raw, crisis_id, book)
    return book


def rebuild_all(raw: Any) -> None:
    for crisis_id in crises(raw):
        rebuild(raw, crisis_id)


def check_topic_tables(raw: Any) -> Iterator[Difference]:
    """Every crisis whose rows claim to be current, recomputed from its facts."""
    for crisis_id in crises(raw):
        gen, fresh = state(raw, crisis_id)
        if fresh != gen:
            continue  # behind: recomputed before anything reads them
        book = build_book(raw, crisis_id)
        assigned, summaries = stored(raw, crisis_id)
        expected = book.state.label_of
        for entry_id in sorted(expected.keys() | assigned.keys()):
            if assigned.get(entry_id) != expected.get(entry_id):
                yield Difference("topic_assignment", entry_id, "topic_id",
                                 assigned.get(entry_id), expected.get(entry_id))
        rows = rows_of(book)
        for topic_id in sorted(rows.keys() | summaries.keys()):
            have, want = summaries.get(topic_id), rows.get(topic_id)
            if have is None or want is None:
                yield Difference("topic_summary", topic_id, None, have, want, tr(
                    "een onderwerp dat de feiten niet zo geven",
                    "a topic the facts do not give like this"))
            elif have != want:
                yield Difference("topic_summary", topic_id, "row", have, want)


__all__ = ["assigned_in", "build_book", "check_topic_tables", "meta_from_json", "rebuild", "rebuild_all",
           "rows_in", "rows_of", "state", "stored", "summary_of_row", "write_all", "write_changes"]
