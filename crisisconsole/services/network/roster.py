"""The crisis team's roster: per crisis, who holds which function now. A shift change is a
fact (``roster_assignment``); who is on duty at a moment is derived from them. The aide and
the team record shift changes; everyone may read the roster (the handover and the picture's
header name who is on duty)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select

from crisisconsole.clock import format_utc
from crisisconsole.domain.roles import ProfileRole
from crisisconsole.domain.roster_rules import (
    Assignment,
    check_function,
    check_person,
    function_label,
    on_duty,
    parse_functions,
)
from crisisconsole.domain.time_rule import checked_time
from crisisconsole.errors import ValidationError
from crisisconsole.i18n import tr
from crisisconsole.ids import new_id
from crisisconsole.services.foundation.access import require_role
from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.services.foundation.crises import get_crisis
from crisisconsole.services.foundation.settings_facts import ROSTER_FUNCTIONS, current
from crisisconsole.store.engine import Store
from crisisconsole.store.tables.network import roster_assignment

ROSTER_ROLES = frozenset({ProfileRole.AIDE, ProfileRole.TEAM})


def functions(store: Store) -> tuple[str, ...]:
    """The configured functions (setting ``roster.functions``)."""
    return parse_functions(current(store, ROSTER_FUNCTIONS))


def assign(ctx: ServiceContext, crisis_id: str, function: str | None, person: str | None,
           at: datetime | None = None) -> dict[str, Any]:
    """From ``at`` (default now) on, ``person`` holds ``function``; an empty person leaves it
    vacant."""
    require_role(ctx, ROSTER_ROLES, "roster.assign", "roster_assignment")
    get_crisis(ctx.store, crisis_id)
    seat = check_function(function, functions(ctx.store))
    who = check_person(person)
    when = checked_time(at, "at") or ctx.now()
    if when > ctx.now():
        raise ValidationError(tr("een wissel in de toekomst: leg hem vast als hij ingaat",
                                 "a shift change in the future: record it when it starts"))
    row_id = new_id()
    with ctx.store.write(ctx.actor.id) as tx:
        tx.insert(roster_assignment, {"id": row_id, "crisis_id": crisis_id, "function": seat,
                                      "person": who, "at": when, "recorded_at": tx.now,
                                      "actor": ctx.actor.id}, "roster.assign")
    return {"id": row_id, "crisis_id": crisis_id, "function": seat, "person": who,
            "at": format_utc(when)}


def assignments(store: Store, crisis_id: str) -> list[Assignment]:
    with store.read() as conn:
        rows = conn.execute(select(roster_assignment.c.function, roster_assignment.c.person,
                                   roster_assignment.c.at)
                            .where(roster_assignment.c.crisis_id == crisis_id)
                            .order_by(roster_assignment.c.at,
                                      roster_assignment.c.recorded_at)).all()
    return [Assignment(r[0], r[1], r[2]) for r in rows]


def show(store: Store, crisis_id: str, at: datetime | None = None) -> dict[str, Any]:
    """Who holds each function at ``at`` (default now), and since when."""
    get_crisis(store, crisis_id)
    when = checked_time(at, "at") or store.clock.now()
    seats = on_duty(assignments(store, crisis_id), when, functions(store))
    return {"crisis_id": crisis_id, "at": format_utc(when), "functions": [
        {"function": f, "person": a.person if a else None,
         "since": format_utc(a.at) if a else None} for f, a in seats]}


def on_duty_line(store: Store, crisis_id: str, at: datetime | None = None) -> str:
    """'burgemeester: A. Jansen · directe ondersteuner: …' for the picture's header and the
    handover (only the functions somebody holds)."""
    data = show(store, crisis_id, at)
    return " · ".join(f"{function_label(s['function'])}: {s['person']}"
                      for s in data["functions"] if s["person"])
