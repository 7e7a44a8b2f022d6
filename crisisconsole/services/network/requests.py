"""Information requests (uitvragen) tracked to their answer. A request is asked of a partner
from the directory or of a named person, with a deadline; what becomes of it is a fact each
(answered, partly answered, declined, withdrawn). An answer is a log entry written through
the log service, with the partner as its source, in the same transaction as the fact that
links it to the request, so the answer takes its place in the picture with its reliability
and nothing is half-saved. The aide and the crisis team ask and record; refusals are
audited."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select

from crisisconsole.domain import request_rules as rules
from crisisconsole.domain.partner_rules import source_for
from crisisconsole.domain.roles import ProfileRole
from crisisconsole.domain.time_rule import checked_time
from crisisconsole.domain.topic_view import topic_view
from crisisconsole.errors import NotFoundError, ValidationError
from crisisconsole.i18n import tr
from crisisconsole.ids import new_id
from crisisconsole.services.foundation.access import require_role
from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.services.foundation.crises import get_crisis
from crisisconsole.services.log.entries import insert_link, prepare_entry, write_entry
from crisisconsole.services.log.values import late_threshold
from crisisconsole.services.network.partners import Partner, resolve_partner
from crisisconsole.services.network.request_queries import get_request
from crisisconsole.services.picture.topic_books import topic_book
from crisisconsole.store.engine import Store
from crisisconsole.store.tables.network import (
    info_request,
    info_request_current,
    info_request_event,
)
from crisisconsole.store.tables.picture import decision

ASKERS = frozenset({ProfileRole.AIDE, ProfileRole.TEAM})
_TOPIC_REF = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$")


def check_topic_ref(store: Store, crisis_id: str, ref: str | None) -> str | None:
    """The topic a request serves: a topic of this crisis (its live id; one merged away
    resolves to the topic it went into), or a refusal."""
    if ref is None or not ref.strip():
        return None
    if not _TOPIC_REF.match(ref.strip()):
        raise ValidationError(tr(f"geen geldig onderwerp-id: {ref!r}",
                                 f"not a valid topic id: {ref!r}"))
    live = topic_book(store, crisis_id).resolve(ref.strip())
    if live is None:
        raise NotFoundError(tr(f"onbekend onderwerp in deze crisis: {ref}",
                               f"unknown topic in this crisis: {ref}"))
    return live


def _topic_anchor(store: Store, crisis_id: str, topic: str | None) -> str | None:
    """The newest entry of the request's topic: the answer follows it up (a log link), so
    the grouping puts the answer in that topic."""
    if topic is None:
        return None
    book = topic_book(store, crisis_id)
    live = book.resolve(topic)
    if live is None:
        return None
    ids = topic_view(book, live).entry_ids
    return max(ids, key=lambda i: (book.entries[i].occurred_at, i)) if ids else None


@dataclass(frozen=True)
class AskedRequest:
    question: str
    partner: Partner | None
    to_name: str
    channel: str
    priority: str
    asked_at: datetime
    due_at: datetime
    topic: str | None
    decision_id: str | None


def _addressee(conn: Connection, to: str | None, person: str | None,
               municipality: str) -> tuple[Partner | None, str]:
    person = " ".join((person or "").split()) or None
    if person is not None and len(person) > 200:
        raise ValidationError(tr("de naam is te lang", "the name is too long"))
    if to is None or not to.strip():
        if person is None:
            raise ValidationError(tr("aan wie? geef een partner (--to) of een persoon (--person)",
                                     "to whom? give a partner (--to) or a person (--person)"))
        return None, person
    found = resolve_partner(conn, to, municipality)
    return found, f"{found.name} – {person}" if person else found.name


def add_request(ctx: ServiceContext, crisis_id: str, question: str | None, due_at: datetime | None,
                *, to: str | None = None, person: str | None = None,
                asked_at: datetime | None = None, channel: str | None = None,
                priority: str | None = None, topic: str | None = None,
                decision_id: str | None = None) -> dict[str, Any]:
    """Record a request; refused whole (nothing saved) when a rule is broken."""
    require_role(ctx, ASKERS, "request.add", "info_request")
    crisis = get_crisis(ctx.store, crisis_id)
    now = ctx.now()
    asked = checked_time(asked_at, "asked_at") or now
    if asked > now:
        raise ValidationError(tr("het moment van uitvragen ligt in de toekomst",
                                 "the moment of asking lies in the future"))
    due = rules.check_deadline(asked, checked_time(due_at, "due_at"))
    clean = AskedRequest(
        rules.check_question(question), None, "",
        rules.check_choice(channel, rules.CHANNELS, "phone", tr("kanaal", "channel")),
        rules.check_choice(priority, rules.PRIORITIES, "normal", tr("prioriteit", "priority")),
        asked, due, check_topic_ref(ctx.store, crisis_id, topic), decision_id)
    request_id = new_id()
    with ctx.store.write(ctx.actor.id) as tx:
        found, to_name = _addressee(tx.conn, to, person, crisis.municipality)
        if decision_id is not None:
            owner = tx.conn.execute(select(decision.c.crisis_id)
                                    .where(decision.c.id == decision_id)).scalar()
            if owner != crisis_id:
                raise NotFoundError(tr(f"onbekend besluit in deze crisis: {decision_id}",
                                       f"unknown decision in this crisis: {decision_id}"))
        tx.insert(info_request, {
            "id": request_id, "crisis_id": crisis_id, "question": clean.question,
            "partner_id": found.id if found else None, "to_name": to_name,
            "channel": clean.channel, "priority": clean.priority, "asked_at": clean.asked_at,
            "due_at": clean.due_at, "topic_ref": clean.topic, "decision_id": decision_id,
            "recorded_at": tx.now, "actor": ctx.actor.id}, "request.add")
    return get_request(ctx.store, request_id, now).as_json()


def _current_state(conn: Connection, request_id: str) -> str:
    state = conn.execute(select(info_request_current.c.state).where(
        info_request_current.c.request_id == request_id)).scalar()
    if state is None:
        raise NotFoundError(tr(f"onbekende uitvraag: {request_id}",
                               f"unknown request: {request_id}"))
    return state


def answer_request(ctx: ServiceContext, request_id: str, answer: str | None, *,
                   reliability: str | None = None, grade: str | None = None,
                   confirmed_by: str | None = None, partial: bool = False,
                   occurred_at: datetime | None = None) -> dict[str, Any]:
    """The answer as a log entry (source: the partner), linked to the request by an event in
    the same transaction. A withdrawn or declined request takes no answer. ``occurred_at`` is
    when the answer came (default now): the entry's time and the event's, so an answer taken
    down later still counts as in time."""
    require_role(ctx, ASKERS, "request.answer", "info_request", request_id)
    now = ctx.now()
    request = get_request(ctx.store, request_id, now)
    new_state = rules.PARTLY_ANSWERED if partial else rules.ANSWERED
    rules.check_next(request.state, new_state)
    answered_at = checked_time(occurred_at, "occurred_at")
    if answered_at is not None and answered_at < request.asked_at:
        raise ValidationError(tr("het antwoord kwam vóór de vraag: kies een later tijdstip",
                                 "the answer came before the question: choose a later time"))
    from crisisconsole.services.network.partners import get_partner

    found = get_partner(ctx.store, request.partner_id) if request.partner_id else None

    prepared = prepare_entry(
        ctx, answer, source_for(found.discipline if found else None),
        person=request.to,
        discipline=found.discipline if found and found.discipline != "overig" else None,
        occurred_at=occurred_at, reliability=reliability, grade=grade,
        confirmed_by=confirmed_by or (found.name if found and reliability == "confirmed"
                                      else None),
        origin_kind="request",
        extra={"request_id": request_id, "question": request.question,
               **({"topic": request.topic} if request.topic else {})})
    anchor = _topic_anchor(ctx.store, request.crisis_id, request.topic)
    with ctx.store.write(ctx.actor.id) as tx:  # the entry and its links stand or fall together
        rules.check_next(_current_state(tx.conn, request_id), new_state)  # in the transaction
        entry = write_entry(tx, ctx, request.crisis_id, prepared)
        if anchor is not None:
            insert_link(tx, ctx, entry.id, anchor, "follows_up", ())
        tx.insert(info_request_event, {
            "id": new_id(), "request_id": request_id, "state": new_state,
            "entry_id": entry.id, "reason": None, "at": answered_at or tx.now,
            "actor": ctx.actor.id},
            "request.answer")
    data = get_request(ctx.store, request_id, ctx.now()).as_json()
    data["entry"] = entry.as_json(late_threshold(ctx.store))
    return data


def close_request(ctx: ServiceContext, request_id: str, state: str,
                  reason: str | None, at: datetime | None = None) -> dict[str, Any]:
    """Declined (the partner will not answer) or withdrawn (the aide no longer needs it);
    ``at`` is when that happened (default now; not before the question, not in the future)."""
    if state not in (rules.DECLINED, rules.WITHDRAWN):
        raise ValidationError(tr(f"onbekende afsluiting: {state}", f"unknown closing: {state}"))
    require_role(ctx, ASKERS, f"request.{state}", "info_request", request_id)
    why = rules.check_reason(reason)
    when = checked_time(at, "at")
    if when is not None:
        asked = get_request(ctx.store, request_id).asked_at
        if not asked <= when <= ctx.now():
            raise ValidationError(tr("dat tijdstip ligt vóór de vraag of in de toekomst",
                                     "that moment lies before the question or in the future"))
    with ctx.store.write(ctx.actor.id) as tx:
        rules.check_next(_current_state(tx.conn, request_id), state)
        tx.concerns(tx.conn.execute(select(info_request.c.crisis_id).where(
            info_request.c.id == request_id)).scalar())  # the event's row names no crisis
        tx.insert(info_request_event, {
            "id": new_id(), "request_id": request_id, "state": state, "entry_id": None,
            "reason": why, "at": when or tx.now, "actor": ctx.actor.id}, f"request.{state}")
    return get_request(ctx.store, request_id, ctx.now()).as_json()


def add_quick_request(ctx: ServiceContext, crisis_id: str, line: str) -> dict[str, Any]:
    """A request typed in one line ('GGD: vraag voor 15:00'): to a partner when the name before
    the colon is one (id or exact name), else to that named person; ``in_directory`` says
    which, so the page can say so."""
    from crisisconsole.domain.request_quick import parse_quick_request
    from crisisconsole.services.network.partners import current_partners

    quick = parse_quick_request(line, ctx.now())
    municipality = get_crisis(ctx.store, crisis_id).municipality
    with ctx.store.read() as conn:
        known = any(quick.to in (p.id, p.name) for p in current_partners(conn, municipality))
    made = add_request(ctx, crisis_id, quick.question, quick.due_at,
                       to=quick.to if known else None, person=None if known else quick.to)
    made["in_directory"] = known
    return made
