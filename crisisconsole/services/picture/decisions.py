"""Decisions (BOB: besluit): what was decided, why, by whom and when, and the log entries and
the picture snapshot it rests on. Append-only: a decision is never edited. Each call is one
transaction with its audit records."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select

from crisisconsole.clock import format_local
from crisisconsole.domain.log_history import short_id
from crisisconsole.domain.log_rules import source_label
from crisisconsole.domain.time_rule import checked_time
from crisisconsole.errors import NotFoundError, ValidationError
from crisisconsole.i18n import tr
from crisisconsole.ids import new_id
from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.services.foundation.crises import get_crisis
from crisisconsole.services.foundation.profiles import shown_names
from crisisconsole.services.picture.texts import checked_text, iso
from crisisconsole.store.engine import Store
from crisisconsole.store.tables.log import log_current
from crisisconsole.store.tables.picture import decision, decision_entry, picture_snapshot


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
    # The entries it rests on as a reader knows them: when it happened and who reported it.
    entry_labels: tuple[str, ...] = ()

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "crisis_id": self.crisis_id, "text": self.text,
                "rationale": self.rationale, "decided_by": self.decided_by,
                "decided_at": iso(self.decided_at), "entry_ids": list(self.entry_ids),
                "entry_refs": [short_id(i) for i in self.entry_ids],
                "snapshot_id": self.snapshot_id, "snapshot_version": self.snapshot_version,
                "recorded_at": iso(self.recorded_at)}



def add_decision(ctx: ServiceContext, crisis_id: str, text: str | None, rationale: str | None,
                 *, entry_ids: Sequence[str] = (), decided_by: str | None = None,
                 decided_at: datetime | None = None, snapshot_id: str | None = None,
                 on_latest_snapshot: bool = False) -> Decision:
    """A decision with its rationale and the log entries (and snapshot) it rests on;
    ``on_latest_snapshot``: on the newest snapshot of the crisis, if it has one."""
    get_crisis(ctx.store, crisis_id)
    clean_text = checked_text(text, "besluit", "decision")
    clean_rationale = checked_text(rationale, "onderbouwing", "rationale")
    who = checked_text(decided_by or ctx.actor.name, "besloten door", "decided by", 200)
    decided_at = checked_time(decided_at, "decided_at")
    ids = tuple(dict.fromkeys(i.strip() for i in entry_ids if i and i.strip()))
    with ctx.store.read() as conn:
        found = dict(conn.execute(select(log_current.c.entry_id, log_current.c.crisis_id)
                                  .where(log_current.c.entry_id.in_(ids))).all())
        if snapshot_id is None and on_latest_snapshot:
            snapshot_id = conn.execute(
                select(picture_snapshot.c.id).where(picture_snapshot.c.crisis_id == crisis_id)
                .order_by(picture_snapshot.c.version.desc()).limit(1)).scalar()
        if snapshot_id is not None:
            snap = conn.execute(select(picture_snapshot.c.crisis_id)
                                .where(picture_snapshot.c.id == snapshot_id)).scalar()
            if snap is None:
                raise NotFoundError(tr(f'onbekende momentopname: {snapshot_id}', f'unknown snapshot: {snapshot_id}'))
            if snap != crisis_id:
                raise ValidationError(tr("momentopname hoort bij een andere crisis", "snapshot belongs to another crisis"))
    for entry_id in ids:
        if entry_id not in found:
            raise NotFoundError(tr(f'onbekende melding: {entry_id}', f'unknown log entry: {entry_id}'))
        if found[entry_id] != crisis_id:
            raise ValidationError(tr("melding hoort bij een andere crisis", "entry belongs to another crisis"))
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
    linked = {i for found in links.values() for i in found}
    labels = {e.entry_id: f"{format_local(e.occurred_at, with_date=False)} {source_label(e.source)}"
              for e in conn.execute(select(log_current.c.entry_id, log_current.c.occurred_at,
                                           log_current.c.source)
                                    .where(log_current.c.entry_id.in_(linked)))}
    names = shown_names(conn)
    return [Decision(r.id, r.crisis_id, r.text, r.rationale,
                     names.get(r.decided_by, r.decided_by), r.decided_at,
                     tuple(links[r.id]), r.snapshot_id, versions.get(r.snapshot_id),
                     r.recorded_at, tuple(labels.get(i, short_id(i)) for i in links[r.id]))
            for r in rows]


def get_decision(store: Store, decision_id: str) -> Decision:
    with store.read() as conn:
        found = _decisions(conn, decision.c.id == decision_id)
    if not found:
        raise NotFoundError(tr(f'onbekend besluit: {decision_id}', f'unknown decision: {decision_id}'))
    return found[0]


def list_decisions(store: Store, crisis_id: str) -> list[Decision]:
    with store.read() as conn:
        return _decisions(conn, decision.c.crisis_id == crisis_id)
