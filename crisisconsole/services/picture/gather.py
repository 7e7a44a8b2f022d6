"""Gathering the picture's input from the store and the other features' services.

The log is read from `log_current` through the covering index `log_current_picture`: the
newest entries per discipline and tag plus their counts, never a scan of the whole log, so a
crisis with 100,000 entries builds in milliseconds. Entries linked to the chosen ones (as
corroborating or contradicting) are added so merged items and contradictions are complete.

Measures come from the measures' views, persons from the cards service's masked list only:
this module never reads a name.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, func, or_, select

from crisisconsole.domain.card_access import may_see_cards
from crisisconsole.domain.picture_input import (
    DISCIPLINES,
    OTHER,
    ActionInput,
    DecisionInput,
    MeasureSummary,
    NoteInput,
    PersonSummary,
    PictureEntry,
    PictureHeader,
    PictureInput,
    PictureLink,
)
from crisisconsole.i18n import tr
from crisisconsole.services.cards.person_cards import list_cards
from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.services.foundation.crises import get_crisis
from crisisconsole.services.measures.views import list_measures
from crisisconsole.services.network.partners import picture_contacts
from crisisconsole.services.picture.actions import list_actions
from crisisconsole.services.picture.decisions import list_decisions
from crisisconsole.services.picture.notes import actor_names, list_notes
from crisisconsole.store.tables.log import log_current, log_link

LIMIT_PER_LIST = 25
NEXT_UPDATE = timedelta(hours=1)  # the usual rhythm of a crisis team's picture
_COLUMNS = (log_current.c.entry_id, log_current.c.occurred_at, log_current.c.recorded_at,
            log_current.c.source, log_current.c.discipline, log_current.c.text,
            log_current.c.reliability, log_current.c.location, log_current.c.grade,
            log_current.c.last_confirmed_at, log_current.c.withdrawn)
# Measures that no longer have effect are left out unless something is still owed for them.
ENDED_STATES = {"lapsed", "withdrawn", "expired"}


def _entry(row: Any) -> PictureEntry:
    return PictureEntry(row.entry_id, row.occurred_at, row.recorded_at, row.source,
                        row.discipline, row.text, row.reliability, row.location, row.grade,
                        row.last_confirmed_at, bool(row.withdrawn))


def _known_disciplines() -> list[str | None]:
    return [key for key, _ in DISCIPLINES if key != OTHER]


def read_log(conn: Connection, crisis_id: str, limit: int = LIMIT_PER_LIST
             ) -> tuple[list[PictureEntry], list[PictureLink], dict[tuple[str, str], int]]:
    """The newest `limit` confirmed and hearsay entries per discipline, the links around
    them (and the entries at their other end), and the entry counts per discipline and tag."""
    c = log_current.c
    totals: dict[tuple[str, str], int] = {}
    known = set(_known_disciplines())
    for discipline, reliability, count in conn.execute(
            select(c.discipline, c.reliability, func.count())
            .where(c.crisis_id == crisis_id, c.withdrawn.is_(False))
            .group_by(c.discipline, c.reliability)):
        key = (discipline if discipline in known else OTHER, reliability)
        totals[key] = totals.get(key, 0) + count
    chosen: dict[str, PictureEntry] = {}
    others = [d for d in {d for d, _ in totals} if d == OTHER]
    for discipline in [*_known_disciplines(), *others] if limit > 0 else ():
        for reliability in ("confirmed", "hearsay"):
            if not totals.get((discipline, reliability)):
                continue
            # The log only accepts known disciplines, so "overig" is the entries without one
            # (an equality the index can serve, unlike NOT IN).
            where = [c.discipline == discipline] if discipline != OTHER else [
                c.discipline.is_(None)]
            # A merged item may hide several reports: take a few more than shown.
            for row in conn.execute(select(*_COLUMNS).where(
                    c.crisis_id == crisis_id, c.withdrawn.is_(False), *where,
                    c.reliability == reliability).order_by(c.occurred_at.desc())
                    .limit(limit * 2)):
                chosen[row.entry_id] = _entry(row)
    # Contradicting pairs from the (small) link table, not a scan of the log.
    pairs = conn.execute(select(log_link.c.from_id, log_link.c.to_id)
                         .where(log_link.c.kind == "contradicts")).all()
    wanted = list({i for pair in pairs for i in pair} - set(chosen))
    for start in range(0, len(wanted), 500):
        # By id only: with the crisis in the WHERE, SQLite would walk the crisis index.
        for row in conn.execute(select(*_COLUMNS, c.crisis_id).where(
                c.entry_id.in_(wanted[start:start + 500]))):
            if row.crisis_id == crisis_id:
                chosen[row.entry_id] = _entry(row)
    links, frontier, seen_links = [], set(chosen), set()
    for _round in range(3):  # corroboration groups reach this far out; enough for a picture
        if not frontier:
            break
        ids = list(frontier)
        found = []
        for start in range(0, len(ids), 500):
            part = ids[start:start + 500]
            found += conn.execute(select(log_link).where(or_(
                log_link.c.from_id.in_(part), log_link.c.to_id.in_(part)))).all()
        new_ids = set()
        for link in found:
            if link.id in seen_links:
                continue
            seen_links.add(link.id)
            links.append(PictureLink(link.from_id, link.to_id, link.kind))
            new_ids |= {link.from_id, link.to_id} - set(chosen)
        for start in range(0, len(new_ids), 500):
            part = list(new_ids)[start:start + 500]
            for row in conn.execute(select(*_COLUMNS).where(c.entry_id.in_(part))):
                chosen[row.entry_id] = _entry(row)
        frontier = new_ids
    entries = sorted(chosen.values(), key=lambda e: (e.occurred_at, e.id))
    links.sort(key=lambda k: (k.from_id, k.to_id, k.kind))
    return entries, links, totals


def _measures(ctx: ServiceContext, crisis_id: str, now: datetime) -> list[MeasureSummary]:
    result = []
    for item in list_measures(ctx.store, crisis_id, now):
        data = item.as_json()
        nxt = data.get("next_due") or {}
        if data["state"] in ENDED_STATES and not data.get("obligations"):
            continue
        kind = item.measure.kind
        result.append(MeasureSummary(
            data["id"], str(kind), getattr(kind, "label", str(kind)), data.get("title") or "",
            data["state"], data.get("state_label") or data["state"],
            nxt.get("kind"), nxt.get("text"), _due(item), bool(nxt.get("overdue")),
            int(data.get("overdue_count") or 0)))
    return result


def _due(item: Any) -> datetime | None:
    nxt = item.status.next_due
    return nxt.due if nxt is not None else None


def _persons(ctx: ServiceContext, crisis_id: str) -> tuple[list[PersonSummary], bool]:
    """Masked labels from the cards service; roles that may not see cards get none."""
    if not may_see_cards(ctx.actor.role):
        return [], False
    return [PersonSummary(c.id, c.masked, c.kind) for c in list_cards(ctx, crisis_id)
            if not c.purged], True


def gather(ctx: ServiceContext, crisis_id: str, *, now: datetime | None = None,
           limit: int = LIMIT_PER_LIST) -> PictureInput:
    crisis = get_crisis(ctx.store, crisis_id)
    now = now or ctx.now()
    with ctx.store.read() as conn:
        entries, links, totals = read_log(conn, crisis_id, limit)
        names = actor_names(conn)
    decisions = [DecisionInput(d.id, d.text, d.rationale, names.get(d.decided_by, d.decided_by),
                               d.decided_at,
                               d.entry_ids, d.snapshot_id, d.snapshot_version)
                 for d in list_decisions(ctx.store, crisis_id)]
    actions = [ActionInput(a.id, a.text, a.owner, a.status, a.due, a.decision_id, a.status_at)
               for a in list_actions(ctx.store, crisis_id, now)]
    notes = [NoteInput(n.id, n.kind, n.text, n.at, names.get(n.actor, n.actor))
             for n in list_notes(ctx.store, crisis_id)]
    notes += [NoteInput(partner_id, "contact", line, at, tr("partnerlijst", "directory"))
              for partner_id, line, at in picture_contacts(ctx.store, crisis.municipality)]
    persons, visible = _persons(ctx, crisis_id)
    header = PictureHeader(crisis.id, crisis.name, crisis.municipality, crisis.exercise,
                           crisis.grip, names.get(ctx.actor.name, ctx.actor.name), now,
                           next_update=now + NEXT_UPDATE)
    return PictureInput(header, tuple(entries), tuple(links),
                        tuple(_measures(ctx, crisis_id, now)), tuple(persons), tuple(decisions),
                        tuple(actions), tuple(notes), totals, visible, limit)
