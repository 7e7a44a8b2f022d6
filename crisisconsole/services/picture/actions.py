"""Actions (BOB: actie): what is to be done, by whom (actiehouder) and by when, perhaps
following a decision. An action's status (open, gereed, vervallen) is a new fact each time;
the current one is the newest."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select

from crisisconsole.domain.picture_input import ACTION_STATUSES
from crisisconsole.domain.time_rule import checked_time
from crisisconsole.errors import NotFoundError, ValidationError
from crisisconsole.i18n import tr
from crisisconsole.ids import new_id
from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.services.foundation.crises import get_crisis
from crisisconsole.services.picture.decisions import get_decision
from crisisconsole.services.picture.texts import checked_text, iso
from crisisconsole.store.engine import Store
from crisisconsole.store.tables.picture import action, action_status


@dataclass(frozen=True)
class Action:
    id: str
    crisis_id: str
    text: str
    owner: str
    due: datetime | None
    decision_id: str | None
    status: str
    status_at: datetime
    recorded_at: datetime
    overdue: bool

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "crisis_id": self.crisis_id, "text": self.text,
                "owner": self.owner, "due": iso(self.due), "decision_id": self.decision_id,
                "status": self.status, "status_at": iso(self.status_at), "overdue": self.overdue,
                "recorded_at": iso(self.recorded_at)}



def add_action(ctx: ServiceContext, crisis_id: str, text: str | None, owner: str | None, *,
               due: datetime | None = None, decision_id: str | None = None) -> Action:
    """An action with an owner (actiehouder) and an optional due time; it starts open."""
    get_crisis(ctx.store, crisis_id)
    clean_text = checked_text(text, "actie", "action")
    clean_owner = checked_text(owner, "actiehouder", "owner", 200)
    due = checked_time(due, "due")
    if decision_id is not None and get_decision(ctx.store, decision_id).crisis_id != crisis_id:
        raise ValidationError(tr("besluit hoort bij een andere crisis", "decision belongs to another crisis"))
    action_id = new_id()
    with ctx.store.write(ctx.actor.id) as tx:
        tx.insert(action, {
            "id": action_id, "crisis_id": crisis_id, "text": clean_text, "owner": clean_owner,
            "due": due, "decision_id": decision_id, "recorded_at": tx.now, "actor": ctx.actor.id,
        }, "action.add")
        tx.insert(action_status, {"id": new_id(), "action_id": action_id, "status": "open",
                                  "at": tx.now, "actor": ctx.actor.id, "note": None},
                  "action.status")
    return get_action(ctx.store, action_id)


def set_action_status(ctx: ServiceContext, action_id: str, status: str | None,
                      note: str | None = None) -> Action:
    clean = (status or "").strip().lower()
    if clean not in ACTION_STATUSES:
        raise ValidationError(tr("onbekende status: kies open, done of dropped", "unknown status: choose open, done or dropped"))
    current = get_action(ctx.store, action_id)
    if current.status == clean:
        return current
    with ctx.store.write(ctx.actor.id) as tx:
        tx.concerns(current.crisis_id)
        tx.insert(action_status, {"id": new_id(), "action_id": action_id, "status": clean,
                                  "at": tx.now, "actor": ctx.actor.id,
                                  "note": (note or "").strip() or None}, "action.status")
    return get_action(ctx.store, action_id)


def _actions(conn: Connection, where: Any, now: datetime) -> list[Action]:
    rows = conn.execute(select(action).where(where).order_by(action.c.recorded_at, action.c.id)
                        ).all()
    latest: dict[str, tuple[datetime, str, str]] = {}
    for s in conn.execute(select(action_status).where(
            action_status.c.action_id.in_([r.id for r in rows]))):
        key = (s.at, s.id, s.status)
        if s.action_id not in latest or key > latest[s.action_id]:
            latest[s.action_id] = key
    result = []
    for r in rows:
        at, _sid, status = latest.get(r.id, (r.recorded_at, "", "open"))
        overdue = status == "open" and r.due is not None and r.due < now
        result.append(Action(r.id, r.crisis_id, r.text, r.owner, r.due, r.decision_id, status,
                             at, r.recorded_at, overdue))
    return result


def get_action(store: Store, action_id: str) -> Action:
    with store.read() as conn:
        found = _actions(conn, action.c.id == action_id, store.clock.now())
    if not found:
        raise NotFoundError(tr(f'onbekende actie: {action_id}', f'unknown action: {action_id}'))
    return found[0]


def list_actions(store: Store, crisis_id: str, now: datetime | None = None) -> list[Action]:
    """Overdue first, then open by due time, then done and dropped."""
    with store.read() as conn:
        items = _actions(conn, action.c.crisis_id == crisis_id, now or store.clock.now())
    order = {"open": 0, "done": 1, "dropped": 2}
    far = datetime.max.replace(tzinfo=items[0].recorded_at.tzinfo) if items else None
    return sorted(items, key=lambda a: (not a.overdue, order[a.status], a.due or far, a.id))
