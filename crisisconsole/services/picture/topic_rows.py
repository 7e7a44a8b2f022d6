"""Keeping the topics on disk (store/derived_topics.py) current from the book held in memory,
inside the write that changed them (``TopicBooks.maintain`` calls ``keep_rows`` with the
write's connection, just before the commit).

Per held crisis: when its generation shows no change since the rows were written, nothing
happens. Otherwise the book catches up on the write's connection, and only what changed is
written: after steps that placed entries or applied facts one by one, the rows of the entries
read and of the topics whose members or facts changed (``TopicReplay.changed``), compared with
those rows on disk read by key; after a replay (a link, a correction that moves an entry, a
late fact), a rebuild, or when someone else wrote the rows since the book last did (another
process), the whole book is compared with every row (about 1 s at 100,000 entries, for an act
that is rare). A book built from the file while its rows are current starts in step with
them (``topic_books._synced_at_build``), so the first write after a start is a small one.

What the tail cannot explain leaves the rows behind and drops the book: rows another device
wrote (team sync writes them with one record for the pull, not one per row). The next read
then builds the book from the file, as after a start, and the next write writes the rows.
A failure here must not cost the aide the write: it is logged, the book is dropped and the
rows stay behind (their generation says so), to be recomputed before use.
"""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import Connection

from crisisconsole.store import derived_topics
from crisisconsole.store.commits import Committed

log = logging.getLogger(__name__)


def keep_rows(books: Any, conn: Connection, crisis_id: str, told: Committed) -> None:
    raw = conn.connection.dbapi_connection
    try:
        gen, fresh = derived_topics.state(raw, crisis_id)
        if gen == fresh:
            return
        tail = _tail(conn, books._held[crisis_id].seq)
        if _unexplained(tail, told):
            books.forget(crisis_id)
            return
        held = books._up_to_date(conn, crisis_id, tail)
        if held.synced_gen != fresh:
            held.pending = None  # someone else wrote them since: compare them all
        assigned, rows = (all_changes(raw, crisis_id, held.book) if held.pending is None
                          else _few_changes(raw, crisis_id, held.book, held.pending))
        held.synced_gen = derived_topics.write_changes(raw, crisis_id, assigned, rows)
        held.pending = set()
        held.book.state.changed.clear()
    except Exception:  # the write itself must stand; the rows stay behind (see above)
        log.exception("topic rows of crisis %s left to be recomputed", crisis_id)
        books.forget(crisis_id)


def _tail(conn: Connection, after: int) -> list[Any]:
    from crisisconsole.services.picture.topic_books import _tail as tail

    return tail(conn, after)


def _unexplained(tail: list[Any], told: Committed) -> bool:
    """Rows of the topic tables this write wrote with no audit record of their own."""
    from crisisconsole.services.picture.topic_books import _WATCHED_SET

    written = {(table, i) for table, ids in told.written.items() if table in _WATCHED_SET
               for i in ids}
    return bool(written) and not written <= {(r.object_type, r.object_id) for r in tail}


def all_changes(raw: Any, crisis_id: str, book: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """Every row of the crisis compared (after a replay, a rebuild, another writer)."""
    old_assigned, old_rows = derived_topics.stored(raw, crisis_id)
    label_of = book.state.label_of
    assigned: dict[str, str | None] = {e: t for e, t in label_of.items()
                                       if old_assigned.get(e) != t}
    assigned.update({e: None for e in old_assigned if e not in label_of})
    new_rows: dict[str, Any] = derived_topics.rows_of(book)
    rows = {t: r for t, r in new_rows.items() if old_rows.get(t) != r}
    rows.update({t: None for t in old_rows if t not in new_rows})
    return assigned, rows


def _few_changes(raw: Any, crisis_id: str, book: Any, pending: set[str]
                 ) -> tuple[dict[str, Any], dict[str, Any]]:
    """Only the topics of the entries read again and the topics the replay changed, with
    their rows on disk read by key (the add path: one entry, one topic)."""
    label_of, members = book.state.label_of, book.state.members
    # The tail names every crisis's entries; only this book's are its own.
    pending = {e for e in pending if e in label_of}
    topics = set(book.state.changed) | {label_of[e] for e in pending}
    old_assigned = derived_topics.assigned_in(raw, crisis_id, topics, pending)
    topics |= {old_assigned[e] for e in pending if e in old_assigned}
    assigned = {e: t for t in topics for e in members.get(t, ())
                if old_assigned.get(e) != t}
    old_rows = derived_topics.rows_in(raw, crisis_id, topics)
    rows = {t: r for t, r in derived_topics.rows_of(book, sorted(topics)).items()
            if old_rows.get(t) != r}
    return assigned, rows
