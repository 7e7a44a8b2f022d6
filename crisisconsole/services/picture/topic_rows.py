"""Keeping the topics on disk (store/derived_topics.py) current from the book held in memory,
inside the write that changed them (``TopicBooks.maintain`` calls ``keep_rows`` with the
write's connection, just before the commit).

Per held crisis: when its generation shows no change since the rows were written, nothing
happens. Otherwise the book catches up on the write's connection, and only what changed is
written: after a step that placed entries one by one, the rows of the entries read and of the
topics whose members changed (``TopicReplay.changed``); after a replay, a fact or a link, the
whole book is compared with the rows (about 0.1 s at 100,000 entries, for an act that is
rare). The comparison is with the rows as the file held them at the generation the book last
wrote, kept beside the book (``_Held.mirror``); if someone else wrote them since (another
process), they are read again first.

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
        if _unexplained(conn, books._held[crisis_id].seq, told):
            books.forget(crisis_id)
            return
        held = books._up_to_date(conn, crisis_id)
        if held.mirror is None or held.mirror_gen != fresh:
            held.mirror = derived_topics.stored(raw, crisis_id)
            held.mirror_gen, held.pending = fresh, None
        assigned, rows = _changes(held)
        held.mirror_gen = derived_topics.write_changes(raw, crisis_id, assigned, rows)
        _apply(held.mirror, assigned, rows)
        held.pending = set()
        held.book.state.changed.clear()
    except Exception:  # the write itself must stand; the rows stay behind (see above)
        log.exception("topic rows of crisis %s left to be recomputed", crisis_id)
        books.forget(crisis_id)


def _unexplained(conn: Connection, after: int, told: Committed) -> bool:
    """Rows of the topic tables this write wrote with no audit record of their own."""
    from crisisconsole.services.picture.topic_books import _WATCHED_SET, _tail

    written = {(table, i) for table, ids in told.written.items() if table in _WATCHED_SET
               for i in ids}
    if not written:
        return False
    recorded = {(r.object_type, r.object_id) for r in _tail(conn, after)}
    return not written <= recorded


def _changes(held: Any) -> tuple[dict[str, str | None], dict[str, Any]]:
    book, (old_assigned, old_rows) = held.book, held.mirror
    label_of = book.state.label_of
    if held.pending is None:
        assigned: dict[str, str | None] = {e: t for e, t in label_of.items()
                                           if old_assigned.get(e) != t}
        assigned.update({e: None for e in old_assigned if e not in label_of})
        new_rows: dict[str, Any] = derived_topics.rows_of(book)
        rows = {t: r for t, r in new_rows.items() if old_rows.get(t) != r}
        rows.update({t: None for t in old_rows if t not in new_rows})
        return assigned, rows
    topics = set(book.state.changed)
    for entry_id in held.pending:
        topics.add(label_of.get(entry_id))
        topics.add(old_assigned.get(entry_id))
    topics.discard(None)
    members = book.state.members
    assigned = {e: t for t in topics for e in members.get(t, ())
                if old_assigned.get(e) != t}
    rows = {t: r for t, r in derived_topics.rows_of(book, sorted(topics)).items()
            if old_rows.get(t) != r}
    return assigned, rows


def _apply(mirror: Any, assigned: dict[str, str | None], rows: dict[str, Any]) -> None:
    old_assigned, old_rows = mirror
    for table, changes in ((old_assigned, assigned), (old_rows, rows)):
        for key, value in changes.items():
            if value is None:
                table.pop(key, None)
            else:
                table[key] = value
