"""Crises (dossiers): open, close, change GRIP level. Every change is an event record."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from crisisconsole.clock import format_utc
from crisisconsole.domain.crisis import (
    CrisisEvent,
    CrisisState,
    derive_state,
    grip_label,
    parse_grip,
)
from crisisconsole.errors import NotFoundError, ValidationError
from crisisconsole.i18n import tr
from crisisconsole.ids import new_id
from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.store import tables
from crisisconsole.store.engine import Store


@dataclass(frozen=True)
class Crisis:
    id: str
    name: str
    municipality: str
    exercise: bool
    opened_at: datetime
    state: CrisisState

    @property
    def grip(self) -> str | None:
        return self.state.grip

    @property
    def closed(self) -> bool:
        return self.state.closed

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "municipality": self.municipality,
            "opened_at": format_utc(self.opened_at),
            "grip": self.grip,
            "exercise": self.exercise,
            "closed": self.closed,
            "closed_at": format_utc(self.state.closed_at) if self.state.closed_at else None,
            "grip_history": [
                {"level": e.grip, "at": format_utc(e.at), "decided_by": e.actor, "note": e.note}
                for e in self.state.grip_history
            ],
        }


def _events(conn, crisis_id: str) -> list[CrisisEvent]:  # noqa: ANN001
    rows = conn.execute(
        select(tables.crisis_event).where(tables.crisis_event.c.crisis_id == crisis_id)
    )
    return [CrisisEvent(r.kind, r.at, r.recorded_at, r.actor, r.grip, r.note) for r in rows]


def list_crises(store: Store) -> list[Crisis]:
    with store.read() as conn:
        rows = conn.execute(select(tables.crisis).order_by(tables.crisis.c.opened_at.desc())).all()
        return [
            Crisis(r.id, r.name, r.municipality, bool(r.exercise), r.opened_at,
                   derive_state(_events(conn, r.id)))
            for r in rows
        ]


def get_crisis(store: Store, crisis_id: str) -> Crisis:
    with store.read() as conn:
        row = conn.execute(select(tables.crisis).where(tables.crisis.c.id == crisis_id)).first()
        if row is None:
            raise NotFoundError(tr(f'onbekende crisis: {crisis_id}', f'unknown crisis: {crisis_id}'))
        return Crisis(row.id, row.name, row.municipality, bool(row.exercise), row.opened_at,
                      derive_state(_events(conn, row.id)))


def open_crisis(
    ctx: ServiceContext,
    name: str,
    municipality: str,
    *,
    exercise: bool = False,
    grip: str = "0",
    opened_at: datetime | None = None,
) -> Crisis:
    name, municipality = (name or "").strip(), (municipality or "").strip()
    if not name:
        raise ValidationError(tr("crisisnaam is leeg", "crisis name is empty"))
    if not municipality:
        raise ValidationError(tr("gemeente is leeg", "municipality is empty"))
    if len(name) > 200 or len(municipality) > 200:
        raise ValidationError(tr("naam of gemeente te lang (max. 200)", "name too long"))
    try:
        level = parse_grip(grip)
    except ValueError as error:
        raise ValidationError(str(error)) from None
    crisis_id = new_id()
    with ctx.store.write(ctx.actor.id) as tx:
        at = opened_at or tx.now
        tx.insert(tables.crisis, {
            "id": crisis_id, "name": name, "municipality": municipality, "exercise": exercise,
            "opened_at": at, "recorded_at": tx.now, "actor": ctx.actor.id,
        }, "crisis.open")
        tx.insert(tables.crisis_event, {
            "id": new_id(), "crisis_id": crisis_id, "kind": "grip", "grip": level, "at": at,
            "recorded_at": tx.now, "actor": ctx.actor.id, "note": "bij opening",
        }, "crisis.grip")
    return get_crisis(ctx.store, crisis_id)


def _add_event(ctx: ServiceContext, crisis_id: str, kind: str, *, grip: str | None = None,
               at: datetime | None = None, note: str | None = None) -> Crisis:
    crisis = get_crisis(ctx.store, crisis_id)
    if kind == "close" and crisis.closed:
        raise ValidationError(tr("crisis is al gesloten", "crisis is already closed"))
    if kind == "reopen" and not crisis.closed:
        raise ValidationError(tr("crisis is niet gesloten", "crisis is not closed"))
    if kind == "grip" and crisis.closed:
        raise ValidationError(tr("crisis is gesloten: heropen eerst", "crisis is closed: reopen first"))
    with ctx.store.write(ctx.actor.id) as tx:
        tx.insert(tables.crisis_event, {
            "id": new_id(), "crisis_id": crisis_id, "kind": kind, "grip": grip,
            "at": at or tx.now, "recorded_at": tx.now, "actor": ctx.actor.id, "note": note,
        }, f"crisis.{kind}")
    return get_crisis(ctx.store, crisis_id)


def set_grip(ctx: ServiceContext, crisis_id: str, level: str, *, note: str | None = None,
             at: datetime | None = None) -> Crisis:
    try:
        parsed = parse_grip(level)
    except ValueError as error:
        raise ValidationError(str(error)) from None
    crisis = get_crisis(ctx.store, crisis_id)
    if not crisis.closed and _level_at(crisis, at) == parsed:
        # A no-op "2 → 2" would sit in the history as if someone had decided something.
        raise ValidationError(tr(
            f"de crisis staat al op {grip_label(parsed)}: kies een ander niveau",
            f"the crisis is already at {grip_label(parsed)}: choose another level"))
    return _add_event(ctx, crisis_id, "grip", grip=parsed, at=at, note=note)


def _level_at(crisis: Crisis, at: datetime | None) -> str | None:
    """The level in force at ``at`` (now when None): a backdated change is compared with the
    level of its own moment."""
    level = None
    for event in crisis.state.grip_history:
        if at is None or event.at <= at:
            level = event.grip
    return level


def close_crisis(ctx: ServiceContext, crisis_id: str, *, at: datetime | None = None) -> Crisis:
    return _add_event(ctx, crisis_id, "close", at=at)


def reopen_crisis(ctx: ServiceContext, crisis_id: str) -> Crisis:
    return _add_event(ctx, crisis_id, "reopen")
