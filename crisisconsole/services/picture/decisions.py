"""Decisions, actions and judgement notes (BOB: oordeel, besluit, actie). Append-only: a
decision is never edited, an action's status is a new fact, a note is withdrawn by a
retraction record. Each call is one transaction with its audit records."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select

from crisisconsole.clock import format_utc
from crisisconsole.domain.log_history import short_id
from crisisconsole.domain.picture_input import ACTION_STATUSES, NOTE_KINDS
from crisisconsole.domain.time_rule import checked_time
from crisisconsole.errors import NotFoundError, ValidationError
from crisisconsole.ids import new_id
from crisisconsole.services.foundation.changes import ChangeNote
from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.services.foundation.crises import get_crisis
from crisisconsole.store import tables
from crisisconsole.store.engine import Store
from crisisconsole.store.tables.log import log_current
from crisisconsole.store.tables.picture import (
    action,
    action_status,
    decision,
    decision_entry,
    picture_note,
    picture_snapshot,
)

MAX_TEXT = 4000


def _t(value: datetime | None) -> str | None:
    return format_utc(value) if value is not None else None


def _text(value: str | None, what_nl: str, what_en: str, limit: int = MAX_TEXT) -> str:
    cleaned = (value or "").strip()
    if not cleaned:
        raise ValidationError(f"{what_nl} is leeg / {what_en} is empty")
    if len(cleaned) > limit:
        raise ValidationError(f"{what_nl} is te lang (max. {limit}) / {what_en} too long")
    return cleaned


@dataclass(frozen=True)
class Decision:
    id: str
    crisis_id: str
    text: str
    rationale: str
    decided_by: str
    decided_at: datetime
    entry_ids: tuple[str, ...]
    snapshot_id: str | None
    snapshot_version: int | None
    recorded_at: datetime

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "crisis_id": self.crisis_id, "text": self.text,
                "rationale": self.rationale, "decided_by": self.decided_by,
                "decided_at": _t(self.decided_at), "entry_ids": list(self.entry_ids),
                "entry_refs": [short_id(i) for i in self.entry_ids],
                "snapshot_id": self.snapshot_id, "snapshot_version": self.snapshot_version,
                "recorded_at": _t(self.recorded_at)}


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
                "owner": self.owner, "due": _t(self.due), "decision_id": self.decision_id,
                "status": self.status, "status_at": _t(self.status_at), "overdue": self.overdue,
                "recorded_at": _t(self.recorded_at)}


@dataclass(frozen=True)
class Note:
    id: str
    crisis_id: str
    kind: str
    text: str
    at: datetime
    actor: str

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "crisis_id": self.crisis_id, "kind": self.kind,
                "text": self.text, "at": _t(self.at), "actor": self.actor}


def actor_names(conn: Connection) -> dict[str, str]:
    return dict(conn.execute(select(tables.profile.c.id, tables.profile.c.name)).all())


# ------------------------------------------------------------------------------ decisions


def add_decision(ctx: ServiceContext, crisis_id: str, text: str | None, rationale: str | None,
                 *, entry_ids: Sequence[str] = (), decided_by: str | None = None,
                 decided_at: datetime | None = None, snapshot_id: str | None = None) -> Decision:
    """A decision with its rationale and the log entries (and snapshot) it rests on."""
    get_crisis(ctx.store, crisis_id)
    clean_text = _text(text, "besluit", "decision")
    clean_rationale = _text(rationale, "onderbouwing", "rationale")
    who = _text(decided_by or ctx.actor.name, "besloten door", "decided by", 200)
    decided_at = checked_time(decided_at, "decided_at")
    ids = tuple(dict.fromkeys(i.strip() for i in entry_ids if i and i.strip()))
    with ctx.store.read() as conn:
        found = dict(conn.execute(select(log_current.c.entry_id, log_current.c.crisis_id)
                                  .where(log_current.c.entry_id.in_(ids))).all())
        if snapshot_id is not None:
            snap = conn.execute(select(picture_snapshot.c.crisis_id)
                                .where(picture_snapshot.c.id == snapshot_id)).scalar()
            if snap is None:
                raise NotFoundError(f"onbekende momentopname / unknown snapshot: {snapshot_id}")
            if snap != crisis_id:
                raise ValidationError("momentopname hoort bij een andere crisis / "
                                      "snapshot belongs to another crisis")
    for entry_id in ids:
        if entry_id not in found:
            raise NotFoundError(f"onbekende melding / unknown log entry: {entry_id}")
        if found[entry_id] != crisis_id:
            raise ValidationError("melding hoort bij een andere crisis / "
                                  "entry belongs to another crisis")
    decision_id = new_id()
    with ctx.store.write(ctx.actor.id) as tx:
        tx.insert(decision, {
            "id": decision_id, "crisis_id": crisis_id, "text": clean_text,
            "rationale": clean_rationale, "decided_by": who,
            "decided_at": decided_at or tx.now, "snapshot_id": snapshot_id,
            "recorded_at": tx.now, "actor": ctx.actor.id,
        }, "decision.add")
        for entry_id in ids:
            tx.insert(decision_entry, {"id": new_id(), "decision_id": decision_id,
                                       "entry_id": entry_id}, "decision.entry")
    ctx.announce(ChangeNote("decision", (decision_id,), crisis_id, "add"))
    return get_decision(ctx.store, decision_id)


def _decisions(conn: Connection, where: Any) -> list[Decision]:
    rows = conn.execute(select(decision).where(where)
                        .order_by(decision.c.decided_at, decision.c.id)).all()
    ids = [r.id for r in rows]
    links: dict[str, list[str]] = {i: [] for i in ids}
    for link in conn.execute(select(decision_entry).where(decision_entry.c.decision_id.in_(ids))
                             .order_by(decision_entry.c.entry_id)):
        links[link.decision_id].append(link.entry_id)
    snaps = {r.snapshot_id for r in rows if r.snapshot_id}
    versions = dict(conn.execute(select(picture_snapshot.c.id, picture_snapshot.c.version)
                                 .where(picture_snapshot.c.id.in_(snaps))).all())
    return [Decision(r.id, r.crisis_id, r.text, r.rationale, r.decided_by, r.decided_at,
                     tuple(links[r.id]), r.snapshot_id, versions.get(r.snapshot_id),
                     r.recorded_at) for r in rows]


def get_decision(store: Store, decision_id: str) -> Decision:
    with store.read() as conn:
        found = _decisions(conn, decision.c.id == decision_id)
    if not found:
        raise NotFoundError(f"onbekend besluit / unknown decision: {decision_id}")
    return found[0]


def list_decisions(store: Store, crisis_id: str) -> list[Decision]:
    with store.read() as conn:
        return _decisions(conn, decision.c.crisis_id == crisis_id)


# ------------------------------------------------------------------------------ actions


def add_action(ctx: ServiceContext, crisis_id: str, text: str | None, owner: str | None, *,
               due: datetime | None = None, decision_id: str | None = None) -> Action:
    """An action with an owner (actiehouder) and an optional due time; it starts open."""
    get_crisis(ctx.store, crisis_id)
    clean_text = _text(text, "actie", "action")
    clean_owner = _text(owner, "actiehouder", "owner", 200)
    due = checked_time(due, "due")
    if decision_id is not None and get_decision(ctx.store, decision_id).crisis_id != crisis_id:
        raise ValidationError("besluit hoort bij een andere crisis / "
                              "decision belongs to another crisis")
    action_id = new_id()
    with ctx.store.write(ctx.actor.id) as tx:
        tx.insert(action, {
            "id": action_id, "crisis_id": crisis_id, "text": clean_text, "owner": clean_owner,
            "due": due, "decision_id": decision_id, "recorded_at": tx.now, "actor": ctx.actor.id,
        }, "action.add")
        tx.insert(action_status, {"id": new_id(), "action_id": action_id, "status": "open",
                                  "at": tx.now, "actor": ctx.actor.id, "note": None},
                  "action.status")
    ctx.announce(ChangeNote("action", (action_id,), crisis_id, "add"))
    return get_action(ctx.store, action_id)


def set_action_status(ctx: ServiceContext, action_id: str, status: str | None,
                      note: str | None = None) -> Action:
    clean = (status or "").strip().lower()
    if clean not in ACTION_STATUSES:
        raise ValidationError("onbekende status: kies open, done of dropped / "
                              "unknown status: choose open, done or dropped")
    current = get_action(ctx.store, action_id)
    if current.status == clean:
        return current
    with ctx.store.write(ctx.actor.id) as tx:
        tx.insert(action_status, {"id": new_id(), "action_id": action_id, "status": clean,
                                  "at": tx.now, "actor": ctx.actor.id,
                                  "note": (note or "").strip() or None}, "action.status")
    ctx.announce(ChangeNote("action", (action_id,), current.crisis_id, "status"))
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
        raise NotFoundError(f"onbekende actie / unknown action: {action_id}")
    return found[0]


def list_actions(store: Store, crisis_id: str, now: datetime | None = None) -> list[Action]:
    """Overdue first, then open by due time, then done and dropped."""
    with store.read() as conn:
        items = _actions(conn, action.c.crisis_id == crisis_id, now or store.clock.now())
    order = {"open": 0, "done": 1, "dropped": 2}
    far = datetime.max.replace(tzinfo=items[0].recorded_at.tzinfo) if items else None
    return sorted(items, key=lambda a: (not a.overdue, order[a.status], a.due or far, a.id))


# ------------------------------------------------------------------------------ notes


def add_note(ctx: ServiceContext, crisis_id: str, kind: str | None, text: str | None) -> Note:
    """A judgement note: summary, bottleneck (knelpunt), forecast (verwachting), dilemma, or
    a contact line for the picture's last section."""
    get_crisis(ctx.store, crisis_id)
    clean_kind = (kind or "").strip().lower()
    if clean_kind not in NOTE_KINDS:
        raise ValidationError("onbekende soort notitie: kies " + ", ".join(NOTE_KINDS)
                              + " / unknown note kind")
    clean_text = _text(text, "notitie", "note")
    note_id = new_id()
    with ctx.store.write(ctx.actor.id) as tx:
        tx.insert(picture_note, {"id": note_id, "crisis_id": crisis_id, "kind": clean_kind,
                                 "text": clean_text, "retracts_id": None, "at": tx.now,
                                 "actor": ctx.actor.id}, "picture.note")
        at = tx.now
    ctx.announce(ChangeNote("picture_note", (note_id,), crisis_id, "add"))
    return Note(note_id, crisis_id, clean_kind, clean_text, at, ctx.actor.id)


def retract_note(ctx: ServiceContext, note_id: str, reason: str | None) -> None:
    with ctx.store.read() as conn:
        row = conn.execute(select(picture_note).where(picture_note.c.id == note_id)).first()
    if row is None or row.kind == "retract":
        raise NotFoundError(f"onbekende notitie / unknown note: {note_id}")
    clean = _text(reason, "reden", "reason")
    with ctx.store.write(ctx.actor.id) as tx:
        tx.insert(picture_note, {"id": new_id(), "crisis_id": row.crisis_id, "kind": "retract",
                                 "text": clean, "retracts_id": note_id, "at": tx.now,
                                 "actor": ctx.actor.id}, "picture.note.retract")
    ctx.announce(ChangeNote("picture_note", (note_id,), row.crisis_id, "retract"))


def list_notes(store: Store, crisis_id: str) -> list[Note]:
    with store.read() as conn:
        rows = conn.execute(select(picture_note).where(picture_note.c.crisis_id == crisis_id)
                            .order_by(picture_note.c.at, picture_note.c.id)).all()
    gone = {r.retracts_id for r in rows if r.kind == "retract"}
    return [Note(r.id, r.crisis_id, r.kind, r.text, r.at, r.actor) for r in rows
            if r.kind != "retract" and r.id not in gone]
