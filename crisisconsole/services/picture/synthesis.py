"""The live picture made of topics: the crisis's topic book (held in memory, topic_books.py)
gives the discipline sections and "Sinds de vorige briefing"; the rest of the picture is
gathered as before (gather.py). Nothing is regrouped here.

"Since the last briefing" runs from the newest snapshot of the crisis, or from a time given
(``picture show --since``); with no snapshot yet, from the crisis's opening (everything new).
Only topics whose last change is after that moment are looked at, newest first, and views are
built for at most ``SINCE_SHOWN`` of them: the rest are counted (``more``).
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from crisisconsole.domain.picture import build_picture
from crisisconsole.domain.picture_topics import topic_picture
from crisisconsole.domain.topic_picture import (
    change_reasons,
    picture_order,
    picture_sections,
    sections_of,
    summarise,
)
from crisisconsole.domain.topic_view import topic_view
from crisisconsole.errors import StoreError
from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.services.foundation.crises import get_crisis
from crisisconsole.services.foundation.settings_facts import TOPICS_PER_DISCIPLINE, current
from crisisconsole.services.picture.gather import gather
from crisisconsole.services.picture.topic_books import books_of, cached_topics
from crisisconsole.services.picture.topic_disk import DiskTopics
from crisisconsole.store.engine import Store
from crisisconsole.store.tables.picture import picture_snapshot

SINCE_SHOWN = 20
log = logging.getLogger(__name__)


def last_briefing(store: Store, crisis_id: str) -> tuple[datetime | None, int | None]:
    """When the newest snapshot of the crisis was taken, and its version."""
    from sqlalchemy import select

    with store.read() as conn:
        row = conn.execute(select(picture_snapshot.c.taken_at, picture_snapshot.c.version)
                           .where(picture_snapshot.c.crisis_id == crisis_id)
                           .order_by(picture_snapshot.c.version.desc()).limit(1)).first()
    return (row.taken_at, row.version) if row is not None else (None, None)


def changed_topics(book: Any, since: datetime, limit: int = SINCE_SHOWN, *,
                   summary_of: Any = None, view_of: Any = None
                   ) -> tuple[list[dict[str, Any]], int]:
    """(the first ``limit`` topics changed since, newest change first; how many in all)."""
    summary_of = summary_of or (lambda topic: summarise(topic, book.entries))
    view_of = view_of or (lambda topic_id: topic_view(book, topic_id))
    return changed_of([summary_of(t) for t in book.topics()], book.entries, since, view_of,
                      limit)


def changed_of(summaries: Any, entries: Any, since: datetime, view_of: Any,
               limit: int = SINCE_SHOWN) -> tuple[list[dict[str, Any]], int]:
    """``changed_topics`` from every topic's summary; ``entries`` holds (at least) the
    entries of each topic ``view_of`` gives."""
    candidates = picture_order([s for s in summaries if s.last_change_at > since])
    shown: list[dict[str, Any]] = []
    counted = 0
    for i, summary in enumerate(candidates):
        if len(shown) >= limit:
            counted += len(candidates) - i  # not built: counted as changed
            break
        view = view_of(summary.id)
        reasons = change_reasons(view, entries, since)
        if not reasons:
            continue
        counted += 1
        item = view.as_json()
        item["reasons"] = reasons
        item["new_reports"] = sum(1 for entry_id in view.entry_ids
                                  if entries[entry_id].recorded_at > since
                                  and not entries[entry_id].withdrawn)
        shown.append(item)
    return shown, counted


def live_topic_picture(ctx: ServiceContext, crisis_id: str, *, now: datetime | None = None,
                       since: datetime | None = None, limit: int | None = None
                       ) -> dict[str, Any]:
    """The picture as it is now, made of topics (no version: not a snapshot)."""
    # The entries' own lists are not shown any more: only the counts and contradictions.
    base = build_picture(gather(ctx, crisis_id, now=now, limit=0))
    per = limit if limit is not None else current(ctx.store, TOPICS_PER_DISCIPLINE)
    if since is not None:
        kind, version = "time", None
    else:
        since, version = last_briefing(ctx.store, crisis_id)
        kind = "snapshot"
        if since is None:
            since, kind = get_crisis(ctx.store, crisis_id).opened_at, "start"
    picture = _from_disk(ctx.store, crisis_id, base, per, since, kind, version)
    if picture is None:
        book, summary_of, view_of = cached_topics(ctx.store, crisis_id)
        # Rows behind (written while no book was held): the next start reads them current.
        # Not writing them (a locked or full disk) costs only speed: the picture stands.
        try:
            books_of(ctx.store).write_rows(ctx.store, crisis_id)
        except StoreError as error:
            log.warning("topic rows of crisis %s not written: %s", crisis_id, error)
        changed, count = changed_topics(book, since, summary_of=summary_of, view_of=view_of)
        sections = picture_sections(book, per, summary_of=summary_of, view_of=view_of)
        picture = topic_picture(base, sections, changed, book.entries, since, kind, version,
                                count)
    picture["header"]["topics_per_discipline"] = per
    return picture


def _from_disk(store: Store, crisis_id: str, base: dict[str, Any], per: int | None,
               since: datetime, kind: str, version: int | None) -> dict[str, Any] | None:
    """The topic part of the picture from the topics kept on disk (topic_disk.py), when the
    crisis's book is not held in memory and the rows are current; else None."""
    if books_of(store).held(crisis_id):
        return None
    with store.read() as conn:
        disk = DiskTopics.open(conn, crisis_id)
        if disk is None:
            return None
        changed, count = changed_of(disk.summaries, disk.entries, since, disk.view_of)
        sections = sections_of(disk.summaries, disk.view_of, per)
        disk.load([i for d in base["decisions"] for i in d["entry_ids"]])
        return topic_picture(base, sections, changed, disk.entries, since, kind, version,
                             count)
