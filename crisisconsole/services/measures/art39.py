"""Whether Wet veiligheidsregio's art. 39 applies to a crisis (DOMAIN.md §2).

Under art. 39 the chair of the veiligheidsregio holds the art. 175/176 powers exclusively, so a
mayor issuing a noodbevel or noodverordening gets a warning. Whether the crisis is "of more than
local significance" is a judgement the law leaves to people: the aide records it per crisis
(audited). Until someone does, GRIP 4, 5 or Rijk is taken as the hint that it applies.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from crisisconsole.services.foundation.changes import one_act
from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.services.foundation.crises import get_crisis
from crisisconsole.services.measures.facts import get_state, put_state, require_writer
from crisisconsole.services.measures.reminders import set_terms
from crisisconsole.store import audit_chain
from crisisconsole.store.engine import Store

# GRIP levels at which a crisis is usually of more than local significance (the default hint).
ART39_GRIP = frozenset({"4", "5", "rijk"})


def _key(crisis_id: str) -> str:
    return f"art39:{crisis_id}"


@dataclass(frozen=True)
class Art39Status:
    crisis_id: str
    recorded: bool | None  # what the aide recorded; None: nothing recorded yet
    grip: str | None

    @property
    def grip_hint(self) -> bool:
        return self.grip in ART39_GRIP

    @property
    def applies(self) -> bool:
        """The recorded answer wins; without one, the GRIP level is the hint."""
        return self.recorded if self.recorded is not None else self.grip_hint

    def as_json(self) -> dict[str, Any]:
        return {"crisis_id": self.crisis_id, "applies": self.applies, "recorded": self.recorded,
                "grip": self.grip, "grip_hint": self.grip_hint}


def art39_status(store: Store, crisis_id: str) -> Art39Status:
    crisis = get_crisis(store, crisis_id)
    with store.read() as conn:
        value = get_state(conn, _key(crisis_id))
    return Art39Status(crisis_id, None if value is None else value == "1", crisis.grip)


def set_art39(ctx: ServiceContext, crisis_id: str, applies: bool) -> Art39Status:
    """Record that art. 39 does (or does not) apply to the crisis; audited as a write."""
    require_writer(ctx)
    get_crisis(ctx.store, crisis_id)  # unknown crisis: NotFoundError, nothing written
    with ctx.store.write(ctx.actor.id) as tx:
        tx.concerns(crisis_id)
        put_state(tx.conn, _key(crisis_id), "1" if applies else "0", tx.now)
        # Not the crisis row's object type: a write record there would stand for its content.
        tx.audit(f"measure.art39.{'applies' if applies else 'not_applies'}",
                 "measure_tracker_state", _key(crisis_id), kind=audit_chain.WRITE)
    return art39_status(ctx.store, crisis_id)


@one_act
def set_terms_and_art39(ctx: ServiceContext, crisis_id: str, *, notify_hours: float | None = None,
                        agenda_lead_hours: float | None = None,
                        art39: bool | None = None) -> Art39Status:
    """The terms dialog in one act: the terms that changed (setting facts, aide only) and
    whether art. 39 applies to this crisis (None: left as it is)."""
    if notify_hours is not None or agenda_lead_hours is not None:
        set_terms(ctx, notify_hours=notify_hours, agenda_lead_hours=agenda_lead_hours)
    if art39 is not None:
        return set_art39(ctx, crisis_id, art39)
    return art39_status(ctx.store, crisis_id)
