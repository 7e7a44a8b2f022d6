"""Topics (onderwerpen, issue 13): reading them and the aide's acts on them.

Each act (rename, merge, split, move, pin/unpin, close/reopen, statement) is one audited row
in ``topic_fact``; the topics shown are the automatic grouping with those facts replayed over
it (domain/topic_facts.py), from the crisis's book held in memory (topic_books.py). An act is
checked against the book before it is written: a merge across crises, a split of a one-entry
topic, an unknown topic or entry is refused with one line and nothing is recorded.

Who may act on topics: the aide and the crisis team (the team curates the picture with the
aide); the mayor and viewers read. A refusal is audited (``require_role``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from crisisconsole.domain.roles import ProfileRole
from crisisconsole.domain.topic_facts import TopicFactRefused
from crisisconsole.domain.topic_input import FACT_KINDS, TopicFact
from crisisconsole.domain.topic_view import TopicView, topic_view, topic_views
from crisisconsole.errors import NotFoundError
from crisisconsole.i18n import tr
from crisisconsole.ids import new_id
from crisisconsole.services.foundation.access import require_role
from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.services.foundation.crises import get_crisis
from crisisconsole.services.picture.topic_books import topic_book
from crisisconsole.services.picture.topic_source import crisis_of_topic
from crisisconsole.store.engine import Store
from crisisconsole.store.tables.picture import topic_fact

CURATORS = frozenset({ProfileRole.AIDE, ProfileRole.TEAM})


def list_topics(store: Store, crisis_id: str, *, include_closed: bool = False
                ) -> list[TopicView]:
    """The crisis's topics, pinned first then by last change; closed ones only when asked."""
    from crisisconsole.domain.topic_picture import picture_order

    get_crisis(store, crisis_id)
    views = topic_views(topic_book(store, crisis_id))
    if not include_closed:
        views = [v for v in views if not v.closed]
    return sorted(picture_order(views), key=lambda v: v.closed)


def get_topic(store: Store, crisis_id: str, topic_id: str) -> TopicView:
    book = topic_book(store, crisis_id)
    if book.resolve(topic_id) is None:
        raise NotFoundError(tr(f"onbekend onderwerp: {topic_id}", f"unknown topic: {topic_id}"))
    return topic_view(book, topic_id)


def topic_entries(store: Store, crisis_id: str, topic_id: str) -> list:
    """The topic's entries (the evidence), newest first, as the book holds them."""
    book = topic_book(store, crisis_id)
    view = get_topic(store, crisis_id, topic_id)
    return sorted((book.entries[i] for i in view.entry_ids),
                  key=lambda e: (e.occurred_at, e.id), reverse=True)


def _refuse_other_crisis(store: Store, crisis_id: str, topic_ids: Sequence[str]) -> None:
    with store.read() as conn:
        for topic_id in topic_ids:
            owner = crisis_of_topic(conn, topic_id)
            if owner is not None and owner != crisis_id:
                raise TopicFactRefused(tr(
                    "onderwerpen van verschillende crises kunnen niet samen",
                    "topics of different crises cannot be combined"))


def record_topic_fact(ctx: ServiceContext, crisis_id: str, kind: str,
                      topic_ids: Sequence[str], *, entry_ids: Sequence[str] = (),
                      text: str | None = None) -> TopicView:
    """Record one act on the topics; returns the topic it acted on (the new part of a split)."""
    require_role(ctx, CURATORS, f"topic.{kind}", "topic_fact", ",".join(topic_ids) or None)
    if kind not in FACT_KINDS:
        raise TopicFactRefused(tr(f"onbekende handeling: {kind}", f"unknown action: {kind}"))
    get_crisis(ctx.store, crisis_id)
    _refuse_other_crisis(ctx.store, crisis_id, topic_ids)
    fact_id = new_id()
    book = topic_book(ctx.store, crisis_id)
    book.check(TopicFact(fact_id, crisis_id, kind, tuple(topic_ids), ctx.now(), ctx.actor.id,
                         tuple(entry_ids), text))
    with ctx.store.write(ctx.actor.id) as tx:
        tx.insert(topic_fact, {
            "id": fact_id, "crisis_id": crisis_id, "kind": kind,
            "topic_ids": json.dumps(list(topic_ids)), "entry_ids": json.dumps(list(entry_ids)),
            "text": text, "at": tx.now, "actor": ctx.actor.id,
        }, f"topic.{kind}")
    book = topic_book(ctx.store, crisis_id)
    target = book.resolve(f"t-{fact_id}") if kind == "split" else None
    return topic_view(book, target or book.resolve(topic_ids[0]) or topic_ids[0])
