"""The council calendar: meetings by hand or from a griffie's .ics, and what the raad decided.

An outcome decides whether ordinances live or lapse, so it is checked against the lifecycle of
every ordinance it names (check_outcome) before anything is written, and the ordinances the
meeting had to ratify but did not name are recorded as "not dealt with".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from crisisconsole.clock import as_utc, format_utc
from crisisconsole.domain.council import Meeting, MeetingOutcome, check_seats, is_quorate
from crisisconsole.domain.council_sync import (
    Conflict,
    IncomingMeeting,
    StoredMeeting,
    plan_sync,
    series_of,
)
from crisisconsole.domain.ordinance_lifecycle import check_outcome, measures_due_at
from crisisconsole.domain.time_rule import checked_time
from crisisconsole.domain.violations import RuleViolation
from crisisconsole.errors import ValidationError
from crisisconsole.i18n import tr
from crisisconsole.ids import new_id
from crisisconsole.interchange.ical_council import MAX_BYTES, IcsRefused, read_council_calendar
from crisisconsole.services.foundation.access import SETTLER_ROLES, require_role
from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.services.measures.facts import (
    load_calendar,
    load_events,
    load_measures,
    meeting_rows,
    require_writer,
)
from crisisconsole.store import concurrent_facts
from crisisconsole.store.engine import Store
from crisisconsole.store.tables import measures as t
from crisisconsole.store.tables.team import team_origin


@dataclass(frozen=True)
class MeetingView:
    id: str
    start: datetime
    seats: int
    title: str
    source: str
    attended: int | None = None
    quorate: bool | None = None
    decided_at: datetime | None = None
    results: tuple[tuple[str, str], ...] = ()  # (measure id, ratified/rejected/not_dealt)
    # Team mode: "concurrent_outcomes" while two outcomes recorded at once wait for someone
    # to record it again; then the outcomes in conflict (attended, results, device, times).
    conflict: str | None = None
    alternatives: tuple[dict[str, Any], ...] = ()

    def as_json(self) -> dict[str, Any]:
        return {"conflict": self.conflict, "outcomes": list(self.alternatives)} | {
            "id": self.id, "start": format_utc(self.start), "seats": self.seats,
            "title": self.title, "source": self.source,
            "outcome": None if self.attended is None else {
                "attended": self.attended, "quorate": self.quorate,
                "decided_at": format_utc(self.decided_at) if self.decided_at else None,
                "results": {m: r for m, r in self.results},
            },
        }


def list_meetings(store: Store) -> list[MeetingView]:
    with store.read() as conn:
        calendar = load_calendar(conn)
        sources = {r.id: r.source for r in meeting_rows(conn)}
        alternatives = _alternatives(conn, calendar)
    views = []
    for m in calendar.meetings:
        outcome = calendar.outcome(m.id)
        if outcome is None:
            views.append(MeetingView(
                m.id, m.start, m.seats, m.title, sources.get(m.id, ""),
                conflict=CONCURRENT_OUTCOMES if m.id in calendar.conflicts else None,
                alternatives=alternatives.get(m.id, ())))
            continue
        results = calendar.items.get(calendar.outcome_ids.get(m.id, ""), {})
        views.append(MeetingView(m.id, m.start, m.seats, m.title, sources.get(m.id, ""),
                                 outcome.attended, is_quorate(outcome.attended, m.seats),
                                 outcome.decided_at, tuple(sorted(results.items()))))
    return views


CONCURRENT_OUTCOMES = "concurrent_outcomes"


def _alternatives(conn: Any, calendar: Any) -> dict[str, tuple[dict[str, Any], ...]]:  # noqa: ANN401
    """Per meeting in conflict, its outcomes recorded at once, with device and times."""
    wanted = [i for ids in calendar.conflicts.values() for i in ids]
    if not wanted:
        return {}
    devices = dict(conn.execute(select(team_origin.c.id, team_origin.c.device)
                                .where(team_origin.c.table_name == "meeting_outcome",
                                       team_origin.c.id.in_(wanted))).all())
    out: dict[str, list[dict[str, Any]]] = {}
    for row in conn.execute(select(t.meeting_outcome).where(t.meeting_outcome.c.id.in_(wanted))
                            .order_by(t.meeting_outcome.c.recorded_at, t.meeting_outcome.c.id)):
        out.setdefault(row.meeting_id, []).append({
            "id": row.id, "attended": row.attended, "decided_at": format_utc(row.decided_at),
            "recorded_at": format_utc(row.recorded_at), "actor": row.actor,
            "device": devices.get(row.id), "results": calendar.items.get(row.id, {})})
    return {k: tuple(v) for k, v in out.items()}


def get_meeting(store: Store, meeting_id: str) -> MeetingView:
    for view in list_meetings(store):
        if view.id == meeting_id:
            return view
    raise RuleViolation(tr(f'onbekende raadsvergadering: {meeting_id}', f'unknown council meeting: {meeting_id}'))


def add_meeting(ctx: ServiceContext, start: datetime, seats: int, title: str = "") -> MeetingView:
    require_writer(ctx)
    check_seats(seats)
    title = " ".join((title or "Raadsvergadering").split())[:200] or "Raadsvergadering"
    meeting_id = new_id()
    start = checked_time(start, "start")
    Meeting(meeting_id, start, seats, title)  # the domain's own checks
    with ctx.store.write(ctx.actor.id) as tx:
        tx.insert(t.council_meeting, {
            "id": meeting_id, "start": as_utc(start), "seats": seats, "title": title,
            "source": "manual", "source_uid": None, "supersedes": None, "recorded_at": tx.now,
            "actor": ctx.actor.id,
        }, "council.meeting_add")
    return get_meeting(ctx.store, meeting_id)


@dataclass(frozen=True)
class ImportResult:
    """What a calendar file changed: meetings added, moved, cancelled and removed (ids of the
    new records for added and moved, of the meetings taken off for the others), and the
    changes not made because the meeting already has an outcome (conflicts)."""

    added: tuple[str, ...]
    moved: tuple[str, ...]
    unchanged: int
    cancelled: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    calendar: str = ""

    def as_json(self) -> dict[str, Any]:
        return {"added": list(self.added), "moved": list(self.moved),
                "cancelled": list(self.cancelled), "removed": list(self.removed),
                "conflicts": [c.as_json() for c in self.conflicts],
                "unchanged": self.unchanged, "calendar": self.calendar}

    def summary(self) -> str:
        """One line with the report words exactly: added, moved, cancelled, removed."""
        line = (f"{len(self.added)} added, {len(self.moved)} moved, "
                f"{len(self.cancelled)} cancelled, {len(self.removed)} removed, "
                f"{self.unchanged} unchanged")
        if self.conflicts:
            line += "; " + tr(
                f"{len(self.conflicts)} conflict(en): vergadering met uitkomst niet gewijzigd",
                f"{len(self.conflicts)} conflict(s): meeting with an outcome not changed")
        return line


def read_ics_file(path: Path) -> bytes:
    try:
        with Path(path).open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise ValidationError(tr(f'bestand niet gevonden: {path}', f'file not found: {path}')) from None
    except IsADirectoryError:
        raise ValidationError(tr(f'dat is een map, geen bestand: {path}', f'not a file: {path}')) from None
    return data


def import_ics_file(ctx: ServiceContext, path: Path, seats: int | None = None,
                    calendar: str | None = None) -> ImportResult:
    """A griffie's .ics file: read (refused past the limit) and synced, in one call."""
    return import_ics(ctx, read_ics_file(path), seats, calendar)


def import_ics(ctx: ServiceContext, data: bytes, seats: int | None = None,
               calendar: str | None = None) -> ImportResult:
    """Sync the council calendar with the griffie's file, in one transaction, or change nothing
    (IcsRefused names the reason). See domain.council_sync for what added, moved, cancelled
    and removed mean; a meeting with an outcome is never changed (a conflict).

    ``calendar`` names the calendar when the file does not (X-WR-RELCALID/X-WR-CALNAME); the
    meetings of other calendars, and those added by hand, are never touched. A file without a
    name is taken as a newer file of the unnamed calendar only when it shares an event (UID)
    with it; otherwise it only adds. ``seats`` is the
    number of sitting members (zittende leden) for new meetings."""
    require_writer(ctx)
    parsed = read_council_calendar(data)
    key = " ".join((calendar or parsed.name or "").split())[:200]
    with ctx.store.read() as conn:
        rows = meeting_rows(conn)
        off = set(conn.execute(select(t.council_meeting_status.c.meeting_id)).scalars())
        calendars = dict(conn.execute(select(t.council_meeting_calendar.c.meeting_id,
                                             t.council_meeting_calendar.c.calendar)).all())
        decided = set(conn.execute(select(t.meeting_outcome.c.meeting_id)).scalars())
    if seats is None:
        if not rows:
            raise IcsRefused(tr(
                "geef het aantal zittende leden van de raad (--sitting-members); er is nog geen "
                "vergadering om het van over te nemen",
                "give the number of sitting council members (--sitting-members); there is no "
                "meeting yet to take it from"))
        seats = rows[-1].seats
    check_seats(seats)
    superseded = {r.supersedes for r in rows if r.supersedes}
    current = {r.id: r for r in rows if r.source == "ics" and r.source_uid
               and r.id not in superseded and r.id not in off
               and calendars.get(r.id, "") == key}
    incoming = [IncomingMeeting(d.uid[:500], d.start, d.title, d.cancelled, d.series)
                for d in parsed.drafts]
    stored = [StoredMeeting(r.id, r.source_uid, r.start, r.id in decided)
              for r in current.values()]
    if not key and not {m.root for m in incoming} & {series_of(m.uid) for m in stored}:
        # A file that names no calendar and shares no event with the unnamed one we have is
        # another calendar: it adds, and changes nothing of what is there.
        stored = []
    plan = plan_sync(stored, incoming)
    added: list[str] = []
    moved: list[str] = []
    with ctx.store.write(ctx.actor.id) as tx:
        def insert(new: IncomingMeeting, old: StoredMeeting | None) -> str:
            meeting_id = new_id()
            tx.insert(t.council_meeting, {
                "id": meeting_id, "start": new.start,
                "seats": current[old.id].seats if old is not None else seats,
                "title": new.title or "Raadsvergadering", "source": "ics",
                "source_uid": new.uid, "supersedes": old.id if old is not None else None,
                "recorded_at": tx.now, "actor": ctx.actor.id,
            }, "council.meeting_import")
            if key:
                tx.insert(t.council_meeting_calendar, {
                    "id": new_id(), "meeting_id": meeting_id, "calendar": key},
                    "council.meeting_calendar")
            return meeting_id

        added = [insert(new, None) for new in plan.added]
        moved = [insert(new, old) for old, new in plan.moved]
        for status, olds in (("cancelled", plan.cancelled), ("removed", plan.removed)):
            for old in olds:
                tx.insert(t.council_meeting_status, {
                    "id": new_id(), "meeting_id": old.id, "status": status,
                    "reason": tr("volgens de agenda van de griffie",
                                 "according to the griffie's calendar")
                    + (f" ({key})" if key else ""),
                    "recorded_at": tx.now, "actor": ctx.actor.id}, f"council.meeting_{status}")
    cancelled = tuple(m.id for m in plan.cancelled)
    removed = tuple(m.id for m in plan.removed)
    return ImportResult(tuple(added), tuple(moved), plan.unchanged, cancelled, removed,
                        tuple(plan.conflicts), key)


def record_outcome(
    ctx: ServiceContext,
    meeting_id: str,
    attended: int,
    *,
    ratified: Sequence[str] = (),
    rejected: Sequence[str] = (),
    at: datetime | None = None,
) -> MeetingView:
    """The raad's decision at a meeting (attendance list, and per ordinance the result)."""
    require_writer(ctx)
    now = ctx.now()
    with ctx.store.read() as conn:
        calendar = load_calendar(conn)
        records = load_measures(conn)
        events = load_events(conn, [r.measure.id for r in records])
    meeting = calendar.meeting(meeting_id)
    if meeting is None:
        raise RuleViolation(tr(f'onbekende raadsvergadering: {meeting_id}', f'unknown council meeting: {meeting_id}'))
    if meeting_id in calendar.conflicts:  # settles concurrent outcomes: as settling an entry
        require_role(ctx, SETTLER_ROLES, "council.settle", "council_meeting", meeting_id, tr(
            f"geweigerd: de rol {ctx.actor.role.value} mag gelijktijdige uitkomsten niet "
            "beslechten (council.settle)",
            f"refused: the role {ctx.actor.role.value} may not settle concurrent outcomes "
            "(council.settle)"))
    decided_at = checked_time(at, "at") or meeting.start
    outcome = MeetingOutcome(meeting_id, attended, frozenset(ratified), frozenset(rejected),
                             decided_at)
    pairs = [(r.measure, events[r.measure.id]) for r in records]
    check_outcome(outcome, calendar.meetings, calendar.outcomes, pairs, now)
    results = {m: "ratified" for m in outcome.ratified} | {m: "rejected" for m in outcome.rejected}
    if is_quorate(attended, meeting.seats):
        for measure_id in measures_due_at(meeting_id, pairs, calendar.meetings, calendar.outcomes,
                                          decided_at):
            results.setdefault(measure_id, "not_dealt")
    crisis_of = {r.measure.id: r.crisis_id for r in records}
    with ctx.store.write(ctx.actor.id) as tx:
        outcome_id = new_id()
        # In view of the meeting's outcomes here: only those of a conflict (one laptop keeps
        # one outcome per meeting), which this one settles.
        seen = concurrent_facts.outcome_heads(tx.conn.connection.dbapi_connection, meeting_id)
        tx.insert(t.meeting_outcome, {
            "id": outcome_id, "meeting_id": meeting_id, "attended": attended,
            "decided_at": decided_at, "recorded_at": tx.now, "actor": ctx.actor.id,
        }, "council.outcome")
        for seen_id in seen or [None]:
            tx.insert(t.meeting_outcome_seen, {"id": new_id(), "outcome_id": outcome_id,
                                               "seen_id": seen_id}, "council.outcome_seen")
        for measure_id, result in sorted(results.items()):
            tx.insert(t.meeting_outcome_item, {
                "id": new_id(), "outcome_id": outcome_id, "measure_id": measure_id,
                "result": result,
            }, "council.outcome_item")
        for measure_id in results:
            tx.concerns(crisis_of.get(measure_id))
    return get_meeting(ctx.store, meeting_id)


def due_for_meeting(store: Store, meeting_id: str, at: datetime | None = None
                    ) -> list[tuple[str, str]]:
    """(id, title) of the ordinances this meeting must ratify: the outcome form lists them."""
    with store.read() as conn:
        calendar = load_calendar(conn)
        records = load_measures(conn)
        events = load_events(conn, [r.measure.id for r in records])
    meeting = calendar.meeting(meeting_id)
    if meeting is None:
        return []
    pairs = [(r.measure, events[r.measure.id]) for r in records]
    titles = {r.measure.id: r.measure.title for r in records}
    due = measures_due_at(meeting_id, pairs, calendar.meetings, calendar.outcomes,
                          as_utc(at) if at else meeting.start)
    return [(m, titles[m]) for m in due]
