"""Reading the tracker's facts back into domain values: measures, events, the council calendar.

Every service of the tracker evaluates the pure lifecycle over these, so the conversion from
rows lives in one place. Nothing here writes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, select

from crisisconsole.domain.council import Meeting, MeetingOutcome
from crisisconsole.domain.crisis import CrisisEvent
from crisisconsole.domain.ordinance_records import LifecycleSettings, Measure, MeasureEvent
from crisisconsole.errors import AccessDeniedError, NotFoundError
from crisisconsole.i18n import tr
from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.store import concurrent_facts, tables
from crisisconsole.store.tables import measures as t

WRITER_ROLES = frozenset({"aide", "team", "mayor"})


@dataclass(frozen=True)
class MeasureRecord:
    """The measure's row as recorded: the domain value plus what only the letters need."""

    measure: Measure
    crisis_id: str
    legal_basis: str
    area: str | None
    body: str | None
    document_ref: str | None
    recorded_at: datetime
    actor: str


@dataclass(frozen=True)
class Calendar:
    meetings: tuple[Meeting, ...]
    outcomes: tuple[MeetingOutcome, ...]
    items: dict[str, dict[str, str]]  # outcome id -> measure id -> ratified/rejected/not_dealt
    outcome_ids: dict[str, str] = field(default_factory=dict)  # meeting id -> believed outcome
    # meeting id -> the outcome ids recorded at once on two laptops (none of them believed)
    conflicts: dict[str, list[str]] = field(default_factory=dict)

    def meeting(self, meeting_id: str) -> Meeting | None:
        return next((m for m in self.meetings if m.id == meeting_id), None)

    def outcome(self, meeting_id: str) -> MeetingOutcome | None:
        return next((o for o in self.outcomes if o.meeting_id == meeting_id), None)


def require_writer(ctx: ServiceContext) -> None:
    if ctx.actor.role.value not in WRITER_ROLES:
        raise AccessDeniedError(
            tr("uw rol mag geen maatregelen of raadsvergaderingen vastleggen", "role may not record this")
        )


def _record(row: Any) -> MeasureRecord:
    measure = Measure(row.id, row.kind, row.issuer, row.title, row.issued_at, row.planned_end)
    return MeasureRecord(measure, row.crisis_id, row.legal_basis, row.area, row.body,
                         row.document_ref, row.recorded_at, row.actor)


def load_measure(conn: Connection, measure_id: str) -> MeasureRecord:
    row = conn.execute(select(t.measure).where(t.measure.c.id == measure_id)).first()
    if row is None:
        raise NotFoundError(tr(f'onbekende maatregel: {measure_id}', f'unknown measure: {measure_id}'))
    return _record(row)


def load_measures(conn: Connection, crisis_id: str | None = None) -> list[MeasureRecord]:
    query = select(t.measure).order_by(t.measure.c.issued_at, t.measure.c.id)
    if crisis_id is not None:
        query = query.where(t.measure.c.crisis_id == crisis_id)
    return [_record(row) for row in conn.execute(query)]


def _event(row: Any) -> MeasureEvent:
    return MeasureEvent(row.kind, row.at, row.actor, row.party, row.document_ref,
                        None if row.upheld is None else bool(row.upheld), row.note, row.meeting_id)


def load_events(conn: Connection, measure_ids: Iterable[str]) -> dict[str, list[MeasureEvent]]:
    """Events per measure in the order they were recorded (replay keeps it for equal times)."""
    ids = list(measure_ids)
    out: dict[str, list[MeasureEvent]] = {i: [] for i in ids}
    if not ids:
        return out
    rows = conn.execute(
        select(t.measure_event).where(t.measure_event.c.measure_id.in_(ids))
        .order_by(t.measure_event.c.recorded_at, t.measure_event.c.id)
    )
    for row in rows:
        out[row.measure_id].append(_event(row))
    return out


def load_event_rows(conn: Connection, measure_id: str) -> list[Any]:
    return list(conn.execute(
        select(t.measure_event).where(t.measure_event.c.measure_id == measure_id)
        .order_by(t.measure_event.c.at, t.measure_event.c.recorded_at, t.measure_event.c.id)
    ))


def load_calendar(conn: Connection) -> Calendar:
    """Meetings still on the calendar (a moved meeting replaces its earlier row; a cancelled or
    removed one is off it) and outcomes: of a meeting's outcomes, the one no later outcome was
    recorded in view of; none while two were recorded at once (team mode: a conflict, shown
    until someone records the outcome again with both in view)."""
    rows = list(conn.execute(select(t.council_meeting).order_by(t.council_meeting.c.start)))
    superseded = {r.supersedes for r in rows if r.supersedes}
    # Cancelled or removed by the griffie's calendar: no longer a meeting that can ratify.
    off = set(conn.execute(select(t.council_meeting_status.c.meeting_id)).scalars())
    meetings = tuple(Meeting(r.id, r.start, r.seats, r.title) for r in rows
                     if r.id not in superseded and r.id not in off)
    items: dict[str, dict[str, str]] = {}
    for row in conn.execute(select(t.meeting_outcome_item)):
        items.setdefault(row.outcome_id, {})[row.measure_id] = row.result
    raw = conn.connection.dbapi_connection
    conflicts = concurrent_facts.concurrent_outcomes(raw)
    unbelieved = concurrent_facts.superseded_outcomes(raw) | {
        i for ids in conflicts.values() for i in ids}
    outcomes, outcome_ids = [], {}
    for row in conn.execute(select(t.meeting_outcome).order_by(t.meeting_outcome.c.decided_at)):
        if row.id in unbelieved:
            continue
        outcome_ids[row.meeting_id] = row.id
        named = items.get(row.id, {})
        outcomes.append(MeetingOutcome(
            row.meeting_id, row.attended,
            frozenset(m for m, r in named.items() if r == "ratified"),
            frozenset(m for m, r in named.items() if r == "rejected"),
            row.decided_at,
        ))
    return Calendar(meetings, tuple(outcomes), items, outcome_ids, conflicts)


def load_crisis_events(conn: Connection, crisis_ids: Iterable[str]) -> dict[str, list[CrisisEvent]]:
    """GRIP changes, closure and reopening per crisis: they raise the withdrawal prompt."""
    ids = sorted(set(crisis_ids))
    out: dict[str, list[CrisisEvent]] = {i: [] for i in ids}
    if not ids:
        return out
    table = tables.crisis_event
    for r in conn.execute(select(table).where(table.c.crisis_id.in_(ids))):
        out[r.crisis_id].append(CrisisEvent(r.kind, r.at, r.recorded_at, r.actor, r.grip, r.note))
    return out


def meeting_rows(conn: Connection) -> list[Any]:
    return list(conn.execute(select(t.council_meeting).order_by(t.council_meeting.c.start)))


# --- the small non-fact state: reminders seen, art. 39 answers --------------------------------

def get_state(conn: Connection, key: str) -> str | None:
    return conn.execute(select(t.measure_tracker_state.c.value)
                        .where(t.measure_tracker_state.c.key == key)).scalar()


def put_state(conn: Connection, key: str, value: str, now: datetime) -> None:
    table = t.measure_tracker_state
    if conn.execute(select(table.c.key).where(table.c.key == key)).first() is None:
        conn.execute(table.insert(), {"key": key, "value": value, "updated_at": now})
    else:
        conn.execute(table.update().where(table.c.key == key),
                     {"value": value, "updated_at": now})


def load_settings(conn: Connection) -> LifecycleSettings:
    """The configurable terms (DOMAIN.md: the law gives no number): audited setting facts,
    defaults when unset (services.settings_facts)."""
    from crisisconsole.services.foundation.settings_facts import (
        AGENDA_LEAD_HOURS,
        NOTIFY_HOURS,
        value,
    )

    return LifecycleSettings(notify_hours=value(conn, NOTIFY_HOURS),
                             agenda_lead=timedelta(hours=value(conn, AGENDA_LEAD_HOURS)))
