"""Judgement notes (BOB: oordeel): summary, bottlenecks, forecast, dilemmas and contact lines
of the picture. A note is withdrawn by a retraction record, never deleted."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select

from crisisconsole.domain.picture_input import NOTE_KINDS
from crisisconsole.errors import NotFoundError, ValidationError
from crisisconsole.i18n import tr
from crisisconsole.ids import new_id
from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.services.foundation.crises import get_crisis
from crisisconsole.services.picture.texts import checked_text, iso
from crisisconsole.store.engine import Store
from crisisconsole.store.tables.picture import picture_note


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
                "text": self.text, "at": iso(self.at), "actor": self.actor}



def actor_names(conn: Connection) -> dict[str, str]:
    from crisisconsole.services.foundation.profiles import shown_names

    return shown_names(conn)



def add_note(ctx: ServiceContext, crisis_id: str, kind: str | None, text: str | None) -> Note:
    """A judgement note: summary, bottleneck (knelpunt), forecast (verwachting), dilemma, or
    a contact line for the picture's last section."""
    get_crisis(ctx.store, crisis_id)
    clean_kind = (kind or "").strip().lower()
    if clean_kind not in NOTE_KINDS:
        raise ValidationError(tr("onbekende soort notitie: kies ", "unknown note kind: choose ")
                              + ", ".join(NOTE_KINDS))
    clean_text = checked_text(text, "notitie", "note")
    note_id = new_id()
    with ctx.store.write(ctx.actor.id) as tx:
        tx.insert(picture_note, {"id": note_id, "crisis_id": crisis_id, "kind": clean_kind,
                                 "text": clean_text, "retracts_id": None, "at": tx.now,
                                 "actor": ctx.actor.id}, "picture.note")
        at = tx.now
    return Note(note_id, crisis_id, clean_kind, clean_text, at, ctx.actor.id)


def retract_note(ctx: ServiceContext, note_id: str, reason: str | None) -> None:
    with ctx.store.read() as conn:
        row = conn.execute(select(picture_note).where(picture_note.c.id == note_id)).first()
    if row is None or row.kind == "retract":
        raise NotFoundError(tr(f'onbekende notitie: {note_id}', f'unknown note: {note_id}'))
    clean = checked_text(reason, "reden", "reason")
    with ctx.store.write(ctx.actor.id) as tx:
        tx.insert(picture_note, {"id": new_id(), "crisis_id": row.crisis_id, "kind": "retract",
                                 "text": clean, "retracts_id": note_id, "at": tx.now,
                                 "actor": ctx.actor.id}, "picture.note.retract")


def list_notes(store: Store, crisis_id: str) -> list[Note]:
    with store.read() as conn:
        rows = conn.execute(select(picture_note).where(picture_note.c.crisis_id == crisis_id)
                            .order_by(picture_note.c.at, picture_note.c.id)).all()
    gone = {r.retracts_id for r in rows if r.kind == "retract"}
    return [Note(r.id, r.crisis_id, r.kind, r.text, r.at, r.actor) for r in rows
            if r.kind != "retract" and r.id not in gone]
