"""What the tracker shows: each measure evaluated at a moment, its checklist and its history.

State is never stored; it is computed here from the facts at ``now`` (default: the clock), so
``--now`` answers "what will be overdue tomorrow" with the same code the app uses.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from crisisconsole.clock import format_utc
from crisisconsole.domain.measures import Party, needs_notifications
from crisisconsole.domain.ordinance_actions import ActionCheck, available_actions
from crisisconsole.domain.ordinance_lifecycle import MeasureStatus, Obligation, evaluate
from crisisconsole.domain.ordinance_records import MeasureEventKind, ObligationKind
from crisisconsole.services.measures.facts import (
    Calendar,
    MeasureRecord,
    load_calendar,
    load_crisis_events,
    load_event_rows,
    load_events,
    load_measure,
    load_measures,
    load_settings,
)
from crisisconsole.store.engine import Store
from crisisconsole.store.tables import measures as t


def _iso(value: datetime | None) -> str | None:
    return format_utc(value) if value is not None else None


def obligation_json(o: Obligation) -> dict[str, Any]:
    return {"kind": str(o.kind), "due": _iso(o.due), "overdue": o.overdue,
            "party": str(o.party) if o.party else None, "meeting_id": o.meeting_id,
            "text": o.text, "measure_id": o.measure_id}


@dataclass(frozen=True)
class NoticeItem:
    """One line of the notification checklist: a party and when it was told (or not yet)."""

    party: Party
    round: str  # issue | withdrawal
    sent_at: datetime | None
    due: datetime | None
    overdue: bool


@dataclass(frozen=True)
class MeasureView:
    record: MeasureRecord
    status: MeasureStatus
    now: datetime
    events: tuple[dict[str, Any], ...] = ()
    notices: tuple[NoticeItem, ...] = ()
    letters: tuple[dict[str, Any], ...] = ()
    actions: tuple[ActionCheck, ...] = ()  # what may be recorded now (show_measure only)

    def action(self, kind: str) -> ActionCheck | None:
        return next((a for a in self.actions if a.kind == kind), None)

    @property
    def id(self) -> str:
        return self.record.measure.id

    @property
    def measure(self):  # noqa: ANN201 - Measure
        return self.record.measure

    def as_json(self) -> dict[str, Any]:
        m, s = self.record.measure, self.status
        nxt = s.next_due
        return {
            "id": m.id, "crisis_id": self.record.crisis_id, "kind": str(m.kind),
            "issuer": str(m.issuer), "title": m.title, "legal_basis": self.record.legal_basis,
            "area": self.record.area, "state": str(s.state), "state_label": s.state.label,
            "since": _iso(s.since), "issued_at": _iso(m.issued_at),
            "planned_end": _iso(m.planned_end), "effective_end": _iso(s.effective_end),
            "ratification_meeting_id": s.ratification_meeting_id, "now": _iso(self.now),
            "obligations": [obligation_json(o) for o in s.obligations],
            "next_due": obligation_json(nxt) if nxt else None,
            "overdue_count": len(s.overdue),
            "notifications": [
                {"party": str(n.party), "round": n.round, "sent_at": _iso(n.sent_at),
                 "due": _iso(n.due), "overdue": n.overdue} for n in self.notices
            ],
            "events": list(self.events),
            "letters": list(self.letters),
            "actions": {str(a.kind): {"allowed": a.allowed, "reason": a.reason,
                                      "until": _iso(a.until)}
                        for a in self.actions if a.applies},
        }


def _notices(record: MeasureRecord, status: MeasureStatus, event_rows: list[Any],
             now: datetime) -> tuple[NoticeItem, ...]:
    if not needs_notifications(record.measure.kind):
        return ()
    withdrawn = [r.at for r in event_rows if r.kind == MeasureEventKind.WITHDRAWN and r.at <= now]
    withdrawn_at = min(withdrawn) if withdrawn else None
    open_items = {o.party: o for o in status.obligations if o.kind.startswith("notify_")}
    items = []
    rounds = [("issue", None)] + ([("withdrawal", withdrawn_at)] if withdrawn_at else [])
    for name, since in rounds:
        for party in Party:
            sent = [r.at for r in event_rows if r.kind == MeasureEventKind.NOTIFIED
                    and r.party == party and r.at <= now
                    and ((since is None and (withdrawn_at is None or r.at < withdrawn_at))
                         or (since is not None and r.at >= since))]
            pending = open_items.get(party) if (name == "withdrawal") == bool(withdrawn_at) else None
            items.append(NoticeItem(party, name, min(sent) if sent else None,
                                    pending.due if pending else None,
                                    bool(pending and pending.overdue)))
    return tuple(items)


def _event_json(row: Any, names: dict[str, str]) -> dict[str, Any]:
    return {"id": row.id, "kind": row.kind, "at": _iso(row.at), "party": row.party,
            "upheld": None if row.upheld is None else bool(row.upheld),
            "meeting_id": row.meeting_id, "document_ref": row.document_ref, "note": row.note,
            "recorded_at": _iso(row.recorded_at), "actor": row.actor,
            "actor_name": names.get(row.actor)}


def _actor_names(conn) -> dict[str, str]:  # noqa: ANN001
    from crisisconsole.services.foundation.profiles import shown_names

    return shown_names(conn)


def show_measure(store: Store, measure_id: str, now: datetime | None = None) -> MeasureView:
    """One measure at ``now`` with its checklist, history, letters and the actions open now."""
    now = now or store.clock.now()
    with store.read() as conn:
        record = load_measure(conn, measure_id)
        calendar = load_calendar(conn)
        events = load_events(conn, [measure_id])[measure_id]
        rows = load_event_rows(conn, measure_id)
        names = _actor_names(conn)
        letters = [
            {"id": r.id, "party": r.party, "purpose": r.purpose, "file_name": r.file_name,
             "recorded_at": _iso(r.recorded_at), "sha256": r.sha256}
            for r in conn.execute(select(t.measure_letter)
                                  .where(t.measure_letter.c.measure_id == measure_id)
                                  .order_by(t.measure_letter.c.recorded_at))
        ]
        settings = load_settings(conn)
        crisis_events = load_crisis_events(conn, [record.crisis_id])[record.crisis_id]
    status = evaluate(record.measure, events, calendar.meetings, calendar.outcomes, now, settings,
                      crisis_events)
    prompt = any(o.kind is ObligationKind.WITHDRAW_PROMPT for o in status.obligations)
    actions = available_actions(record.measure, events, calendar.meetings, calendar.outcomes,
                                now, withdraw_prompt=prompt)
    return MeasureView(record, status, now, tuple(_event_json(r, names) for r in rows),
                       _notices(record, status, rows, now), tuple(letters),
                       tuple(actions.values()))


def _evaluate_all(store: Store, crisis_id: str | None, now: datetime
                  ) -> tuple[list[MeasureView], Calendar]:
    with store.read() as conn:
        records = load_measures(conn, crisis_id)
        events = load_events(conn, [r.measure.id for r in records])
        calendar = load_calendar(conn)
        settings = load_settings(conn)
        rows = {r.measure.id: load_event_rows(conn, r.measure.id) for r in records}
        crisis_events = load_crisis_events(conn, [r.crisis_id for r in records])
    views = []
    for record in records:
        status = evaluate(record.measure, events[record.measure.id], calendar.meetings,
                          calendar.outcomes, now, settings, crisis_events[record.crisis_id])
        views.append(MeasureView(record, status, now, (),
                                 _notices(record, status, rows[record.measure.id], now)))
    return views, calendar


def list_measures(store: Store, crisis_id: str | None, now: datetime | None = None
                  ) -> list[MeasureView]:
    """Measures of one crisis (or all), newest first, each evaluated at ``now``."""
    views, _calendar = _evaluate_all(store, crisis_id, now or store.clock.now())
    return sorted(views, key=lambda v: (v.measure.issued_at, v.id), reverse=True)


@dataclass(frozen=True)
class OverdueItem:
    measure_id: str
    crisis_id: str
    title: str
    obligation: Obligation

    def as_json(self) -> dict[str, Any]:
        return {"measure_id": self.measure_id, "crisis_id": self.crisis_id, "title": self.title,
                **obligation_json(self.obligation)}


def open_obligations(store: Store, crisis_id: str | None = None, now: datetime | None = None
                     ) -> list[OverdueItem]:
    """Every open obligation (dated or not) of a crisis, or of all crises, soonest first."""
    now = now or store.clock.now()
    views, _calendar = _evaluate_all(store, crisis_id, now)
    items = [OverdueItem(v.id, v.record.crisis_id, v.measure.title, o)
             for v in views for o in v.status.obligations]
    return sorted(items, key=lambda i: (i.obligation.due is None, i.obligation.due or now,
                                        i.measure_id))


def overdue_obligations(store: Store, crisis_id: str | None = None,
                        now: datetime | None = None) -> list[OverdueItem]:
    """The top bar's count and list: obligations past their due time."""
    return [i for i in open_obligations(store, crisis_id, now) if i.obligation.overdue]
