"""Reading information requests: one, a page of a list (by state and deadline, keyset-paged
in SQL over the derived ``info_request_current``, so the first page of 10,000 requests is one
indexed query), and the overdue count the top bar adds to its "Te laat"."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, and_, func, or_, select, text

from crisisconsole.clock import format_utc
from crisisconsole.domain import request_rules as rules
from crisisconsole.domain.ordinance_records import Obligation, ObligationKind
from crisisconsole.errors import NotFoundError
from crisisconsole.i18n import tr
from crisisconsole.store.engine import Store
from crisisconsole.store.tables.network import (
    info_request,
    info_request_current,
    info_request_event,
)

PAGE = 200
_OUTSTANDING = tuple(sorted(rules.OUTSTANDING))
# As literals, the very text of the r0040 partial indexes' WHERE, so SQLite uses them.
OUTSTANDING_SQL = text("info_request_current.state IN ('open', 'partly_answered')")


def _t(value: datetime | None) -> str | None:
    return format_utc(value) if value is not None else None


@dataclass(frozen=True)
class RequestView:
    id: str
    crisis_id: str
    state: str
    to: str
    partner_id: str | None
    question: str
    channel: str
    priority: str
    asked_at: datetime
    due_at: datetime
    overdue: bool
    topic: str | None
    decision_id: str | None
    first_answer_at: datetime | None
    closed_at: datetime | None
    answer_entry_ids: tuple[str, ...]
    reasons: tuple[str, ...]

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "crisis_id": self.crisis_id, "state": self.state,
                "to": self.to, "partner_id": self.partner_id, "question": self.question,
                "channel": self.channel, "priority": self.priority,
                "asked_at": _t(self.asked_at), "due_at": _t(self.due_at),
                "overdue": self.overdue, "topic": self.topic, "decision_id": self.decision_id,
                "first_answer_at": _t(self.first_answer_at), "closed_at": _t(self.closed_at),
                "answer_entry_ids": list(self.answer_entry_ids), "reasons": list(self.reasons)}


_COLUMNS = (info_request.c.id, info_request.c.crisis_id, info_request_current.c.state,
            info_request.c.to_name, info_request.c.partner_id, info_request.c.question,
            info_request.c.channel, info_request.c.priority, info_request.c.asked_at,
            info_request.c.due_at, info_request.c.topic_ref, info_request.c.decision_id,
            info_request_current.c.first_answer_at, info_request_current.c.closed_at,
            info_request_current.c.answers)


def _base():  # noqa: ANN202 - a Select
    return select(*_COLUMNS).select_from(info_request_current.join(
        info_request, info_request.c.id == info_request_current.c.request_id))


def _events(conn: Connection, ids: Sequence[str]) -> dict[str, tuple[list[str], list[str]]]:
    found: dict[str, tuple[list[str], list[str]]] = {i: ([], []) for i in ids}
    if not ids:
        return found
    rows = conn.execute(select(info_request_event.c.request_id, info_request_event.c.entry_id,
                               info_request_event.c.reason)
                        .where(info_request_event.c.request_id.in_(list(ids)))
                        .order_by(info_request_event.c.at, info_request_event.c.id)).all()
    for request_id, entry_id, reason in rows:
        if entry_id:
            found[request_id][0].append(entry_id)
        if reason:
            found[request_id][1].append(reason)
    return found


def _views(conn: Connection, rows: Sequence[Any], now: datetime) -> list[RequestView]:
    events = _events(conn, [r.id for r in rows if r.state != rules.OPEN])
    views = []
    for r in rows:
        answers, reasons = events.get(r.id, ([], []))
        views.append(RequestView(
            r.id, r.crisis_id, r.state, r.to_name, r.partner_id, r.question, r.channel,
            r.priority, r.asked_at, r.due_at, rules.is_overdue(r.state, r.due_at, now),
            r.topic_ref, r.decision_id, r.first_answer_at, r.closed_at, tuple(answers),
            tuple(reasons)))
    return views


def get_request(store: Store, request_id: str, now: datetime | None = None) -> RequestView:
    with store.read() as conn:
        row = conn.execute(_base().where(info_request.c.id == request_id)).first()
        if row is None:
            raise NotFoundError(tr(f"onbekende uitvraag: {request_id}",
                                   f"unknown request: {request_id}"))
        return _views(conn, [row], now or store.clock.now())[0]


def list_requests(store: Store, crisis_id: str, *, open_only: bool = False,
                  overdue_only: bool = False, closed_only: bool = False,
                  now: datetime | None = None,
                  limit: int | None = PAGE,
                  after: tuple[datetime, str] | None = None) -> list[RequestView]:
    """Requests by state (outstanding first) and deadline, oldest deadline first. ``after`` is
    the (due_at, id) of the last row of the previous page (keyset paging); paging by
    key applies within one kind of list (the open or the overdue one: one state group)."""
    now = now or store.clock.now()
    query = _base().where(info_request_current.c.crisis_id == crisis_id)
    key = info_request_current.c.request_id
    if open_only or overdue_only:
        query = query.where(OUTSTANDING_SQL)
    if overdue_only:
        query = query.where(info_request_current.c.due_at < now)
    if closed_only:
        query = query.where(info_request_current.c.state.not_in(_OUTSTANDING))
    if after is not None:
        query = query.where(or_(info_request_current.c.due_at > after[0], and_(
            info_request_current.c.due_at == after[0], key > after[1])))
    if open_only or overdue_only or closed_only:
        query = query.order_by(info_request_current.c.due_at, key)
    else:
        outstanding_first = info_request_current.c.state.not_in(_OUTSTANDING)
        query = query.order_by(outstanding_first, info_request_current.c.due_at, key)
    if limit is not None:
        query = query.limit(limit)
    with store.read() as conn:
        return _views(conn, conn.execute(query).all(), now)


def overdue_count(store: Store, crisis_id: str | None = None,
                  now: datetime | None = None) -> int:
    """How many requests are past their deadline unanswered: added to the top bar's count."""
    now = now or store.clock.now()
    query = select(func.count()).select_from(info_request_current).where(
        OUTSTANDING_SQL, info_request_current.c.due_at < now)
    if crisis_id is not None:
        query = query.where(info_request_current.c.crisis_id == crisis_id)
    with store.read() as conn:
        return int(conn.execute(query).scalar() or 0)


def next_deadlines(store: Store, now: datetime | None = None,
                   limit: int = 50) -> list[tuple[datetime, str, str]]:
    """(due_at, request id, question) of outstanding requests whose deadline is still ahead:
    the moments the reminder controller wakes for (a request turns overdue then)."""
    now = now or store.clock.now()
    query = (select(info_request_current.c.due_at, info_request.c.id, info_request.c.question)
             .select_from(info_request_current.join(
                 info_request, info_request.c.id == info_request_current.c.request_id))
             .where(OUTSTANDING_SQL, info_request_current.c.due_at >= now)
             .order_by(info_request_current.c.due_at).limit(limit))
    with store.read() as conn:
        return [(r[0], r[1], r[2]) for r in conn.execute(query).all()]


def request_obligations(store: Store, crisis_id: str | None = None,
                        now: datetime | None = None) -> list[Obligation]:
    """Each outstanding request as an obligation with its deadline, for the reminder plan (the
    same desk as the measures: it fires once when the deadline passes)."""
    now = now or store.clock.now()
    query = (select(info_request.c.id, info_request.c.to_name, info_request.c.question,
                    info_request_current.c.due_at)
             .select_from(info_request_current.join(
                 info_request, info_request.c.id == info_request_current.c.request_id))
             .where(OUTSTANDING_SQL))
    if crisis_id is not None:
        query = query.where(info_request_current.c.crisis_id == crisis_id)
    with store.read() as conn:
        rows = conn.execute(query).all()
    return [Obligation(ObligationKind.ANSWER_REQUEST, due, due < now, None, None,
                       f"Uitvraag aan {to} onbeantwoord: {question}", None, request_id,
                       text_en=f"Request to {to} unanswered: {question}")
            for request_id, to, question, due in rows]


def list_overdue(store: Store, now: datetime | None = None, limit: int = 100) -> list[RequestView]:
    """Overdue requests of every crisis, oldest deadline first (the top bar's list)."""
    now = now or store.clock.now()
    query = (_base().where(OUTSTANDING_SQL, info_request_current.c.due_at < now)
             .order_by(info_request_current.c.due_at, info_request_current.c.request_id)
             .limit(limit))
    with store.read() as conn:
        return _views(conn, conn.execute(query).all(), now)
