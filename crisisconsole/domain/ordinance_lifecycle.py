"""The Gemeentewet lifecycle of a measure as a pure function (DOMAIN.md §2).

(measure, event records, council calendar, outcomes, now) -> state and open obligations.
Nothing is stored but the facts; calling ``evaluate`` at another ``now`` answers "what was the
state then" and "what will be overdue tomorrow", which the reminders and ``--now`` rely on.

The refusals (``check_event``, ``check_outcome``, ``check_measure``) live in ordinance_checks and
are re-exported here, so callers need one import.

Choices where the law is silent (documented so the lead and a lawyer can review them):
- After a withdrawal the three parties are owed a notice of the withdrawal; an issue notice
  still unsent at that moment is covered by that notice and no longer listed separately.
- A suspended ordinance has no effect (state "suspended"), but its ratification, lapse and
  the account to the raad are tracked as before (DOMAIN.md §2 rule 5): the first next quorate
  meeting must still ratify it, it lapses when that meeting does not, and when it is withdrawn
  or expires before that meeting the account is owed. Once it has lapsed, been withdrawn or
  expired, that final state is shown instead of "suspended".
- ``account_to_raad`` (rule 7) is owed when a mayor's noodverordening is withdrawn or expires
  before the raad decided on it ("before the meeting"), also when it was suspended first; not
  after a decision not to ratify, as the raad has then had its say.
- ``record_outcome`` and ``ratification`` are both due at the start of the meeting: once it
  has begun without an outcome recorded, both are overdue.
- ``withdraw_prompt`` (DOMAIN.md §2: "withdrawal prompt when the crisis is scaled down or
  closed"): due at the latest lowering of the GRIP level or closure of the crisis after issue,
  while the measure still has effect; a later scale-up or reopening cancels it (the emergency
  is back). Withdrawal (or the measure's own end) settles it, and so does a recorded decision
  to keep the measure in force (``kept_in_force``, with its reason) taken after that scale-down;
  the next scale-down or closure asks again.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from crisisconsole.clock import as_utc, format_local
from crisisconsole.domain.council import Meeting, MeetingOutcome
from crisisconsole.domain.crisis import GRIP_LEVELS, CrisisEvent, grip_label
from crisisconsole.domain.measures import (
    KIND_LABELS_EN,
    Issuer,
    MeasureKind,
    Party,
    needs_notifications,
    needs_ratification,
)
from crisisconsole.domain.ordinance_checks import (
    art39_warning,
    check_event,
    check_measure,
    check_outcome,
    measures_due_at,
)
from crisisconsole.domain.ordinance_records import (
    FINAL_STATES,
    LIVE_STATES,
    NOTIFY_KIND,
    LifecycleSettings,
    Measure,
    MeasureEvent,
    MeasureEventKind,
    MeasureState,
    MeasureStatus,
    Obligation,
    ObligationKind,
)
from crisisconsole.domain.ordinance_timeline import CDK_TERM, Timeline, replay
from crisisconsole.domain.violations import RuleViolation

__all__ = [
    "FINAL_STATES",
    "LIVE_STATES",
    "Issuer",
    "LifecycleSettings",
    "Measure",
    "MeasureEvent",
    "MeasureEventKind",
    "MeasureKind",
    "MeasureState",
    "MeasureStatus",
    "Obligation",
    "ObligationKind",
    "Party",
    "RuleViolation",
    "ScaleDown",
    "art39_warning",
    "check_event",
    "check_measure",
    "check_outcome",
    "evaluate",
    "measures_due_at",
    "obligations",
    "scale_down",
]

_O = ObligationKind
_ORDER = {kind: index for index, kind in enumerate(ObligationKind)}


def evaluate(
    measure: Measure,
    events: Iterable[MeasureEvent],
    meetings: Iterable[Meeting],
    outcomes: Iterable[MeetingOutcome],
    now: datetime,
    settings: LifecycleSettings | None = None,
    crisis_events: Iterable[CrisisEvent] = (),
) -> MeasureStatus:
    """State and open obligations at ``now``; facts recorded with a later time are not yet known.

    ``crisis_events`` (GRIP changes, closure, reopening of the measure's crisis) raise the
    withdrawal prompt; without them no prompt is computed.
    """
    now = as_utc(now)
    meetings, events = list(meetings), list(events)
    timeline = replay(measure, events, meetings, outcomes, now)
    trigger = scale_down(measure.issued_at, crisis_events, now)
    if trigger is not None and any(
            e.kind is MeasureEventKind.KEPT_IN_FORCE and trigger.at <= as_utc(e.at) <= now
            for e in events):
        trigger = None  # the mayor decided to keep it; a later scale-down asks again
    items = obligations(measure, timeline, meetings, settings or LifecycleSettings(), trigger)
    suspended = timeline.suspended_at is not None and timeline.state in LIVE_STATES
    return MeasureStatus(
        state=MeasureState.SUSPENDED if suspended else timeline.state,
        since=max(timeline.suspended_at, timeline.since or timeline.suspended_at)
        if suspended and timeline.suspended_at is not None else timeline.since,
        obligations=items,
        effective_end=timeline.end_at,
        ratification_meeting_id=timeline.meeting.id if timeline.meeting is not None else None,
    )


@dataclass(frozen=True)
class ScaleDown:
    """The crisis was scaled down (GRIP lowered) or closed at ``at``."""

    at: datetime
    closed: bool
    from_level: str | None = None
    to_level: str | None = None

    @property
    def text_nl(self) -> str:
        if self.closed:
            return "De crisis is gesloten"
        return (f"De crisis is afgeschaald van {grip_label(self.from_level)} naar "
                f"{grip_label(self.to_level)}")

    @property
    def text_en(self) -> str:
        if self.closed:
            return "The crisis was closed"
        return (f"The crisis was scaled down from {grip_label(self.from_level)} to "
                f"{grip_label(self.to_level)}")


def _rank(level: str | None) -> int:
    return GRIP_LEVELS.index(level) if level in GRIP_LEVELS else -1


def scale_down(
    issued_at: datetime, crisis_events: Iterable[CrisisEvent], now: datetime
) -> ScaleDown | None:
    """The latest scale-down or closure after issue (known at ``now``) not undone since.

    A GRIP level raised again, or a reopened crisis, cancels an earlier prompt. A change at the
    very moment of issue does not count: the measure was issued knowing it.
    """
    issued_at, now = as_utc(issued_at), as_utc(now)
    ordered = sorted((e for e in crisis_events if as_utc(e.at) <= now),
                     key=lambda e: (as_utc(e.at), as_utc(e.recorded_at)))
    level: str | None = None
    found: ScaleDown | None = None
    for event in ordered:
        at = as_utc(event.at)
        after = at > issued_at
        if event.kind == "grip":
            if after and level is not None and _rank(event.grip) < _rank(level):
                found = ScaleDown(at, False, level, event.grip)
            elif after and level is not None and _rank(event.grip) > _rank(level):
                found = None
            level = event.grip
        elif event.kind == "close" and after:
            found = ScaleDown(at, True)
        elif event.kind == "reopen" and after:
            found = None
    return found


def obligations(
    measure: Measure, tl: Timeline, meetings: list[Meeting], settings: LifecycleSettings,
    trigger: ScaleDown | None = None,
) -> tuple[Obligation, ...]:
    if not tl.issued:
        return ()
    now = tl.at
    out: list[Obligation] = []

    def add(kind: ObligationKind, due: datetime | None, text: str, english: str, *,
            party: Party | None = None, meeting_id: str | None = None) -> None:
        # Nothing can be owed before the measure existed (agenda lead time on a meeting soon).
        if due is not None and due < measure.issued_at:
            due = measure.issued_at
        overdue = due is not None and now > due
        out.append(Obligation(kind, due, overdue, party, meeting_id, text, measure.id,
                              text_en=english))

    kind_en = KIND_LABELS_EN[measure.kind]

    if needs_notifications(measure.kind):
        if tl.withdrawn_at is None:
            for party in Party:
                if party not in tl.notified_issue:
                    add(NOTIFY_KIND[party], measure.issued_at + settings.notify_delay,
                        f"{measure.kind.label_nl} meedelen aan {party.label_nl} (art. 176 lid 3)",
                        f"Notify {party.label_en} of the {kind_en} (art. 176 lid 3)",
                        party=party)
        else:
            for party in Party:
                if party not in tl.notified_withdrawal:
                    add(NOTIFY_KIND[party], tl.withdrawn_at + settings.notify_delay,
                        f"Intrekking meedelen aan {party.label_nl}",
                        f"Notify {party.label_en} of the withdrawal", party=party)

    meeting = tl.meeting
    if tl.state is MeasureState.IN_FORCE and needs_ratification(measure.kind, measure.issuer):
        if meeting is None:
            if tl.end_at is None:
                add(_O.PLAN_COUNCIL_MEETING, None,
                    "Er is geen raadsvergadering gepland om de noodverordening te bekrachtigen",
                    "No council meeting is planned to ratify the emergency ordinance",
                    party=Party.RAAD)
        else:
            when = format_local(meeting.start)
            if now < meeting.start and meeting.id not in tl.agenda_meetings:
                add(_O.AGENDA_RATIFICATION, meeting.start - settings.agenda_lead,
                    f"Bekrachtiging agenderen bij de griffie voor de raadsvergadering van {when}",
                    f"Put ratification on the agenda of the council meeting of {when}",
                    party=Party.RAAD, meeting_id=meeting.id)
            add(_O.RATIFICATION, meeting.start,
                f"Bekrachtiging door de gemeenteraad in de vergadering van {when}",
                f"Ratification by the council in the meeting of {when}",
                party=Party.RAAD, meeting_id=meeting.id)
            if now >= meeting.start:
                add(_O.RECORD_OUTCOME, meeting.start,
                    f"Uitkomst van de raadsvergadering van {when} vastleggen",
                    f"Record the outcome of the council meeting of {when}",
                    party=Party.RAAD, meeting_id=meeting.id)

    if tl.state is MeasureState.NOT_RATIFIED and tl.appeal_deadline is not None:
        add(_O.APPEAL, tl.appeal_deadline,
            "De raad heeft niet bekrachtigd: beroep bij de CdK binnen 24 uur, anders vervalt de "
            "noodverordening",
            "The council did not ratify: appeal to the CdK within 24 hours, or the emergency "
            "ordinance lapses", party=Party.CDK, meeting_id=meeting.id if meeting else None)
    if tl.state is MeasureState.APPEAL_PENDING and tl.appeal_at is not None:
        add(_O.CDK_DECISION, tl.appeal_at + CDK_TERM,
            "De CdK beslist binnen 2 dagen op het beroep",
            "The CdK decides on the appeal within 2 days", party=Party.CDK)
    if tl.state in LIVE_STATES and trigger is not None:
        add(_O.WITHDRAW_PROMPT, trigger.at,
            f"{trigger.text_nl} terwijl de {measure.kind.label_nl.lower()} nog van kracht is: "
            "intrekken zodra de noodsituatie voorbij is",
            f"{trigger.text_en} while the {kind_en.lower()} is still in force: withdraw it as "
            "soon as the emergency is over")
    if tl.state in LIVE_STATES and tl.end_at is not None:
        add(_O.END, tl.end_at, f"{measure.kind.label_nl} eindigt op {format_local(tl.end_at)}",
            f"{kind_en} ends on {format_local(tl.end_at)}")
    if tl.account_owed(measure):
        after = tl.ended_at or now
        upcoming = [m for m in meetings if m.start > after]
        nxt = min(upcoming, key=lambda m: (m.start, m.id)) if upcoming else None
        add(_O.ACCOUNT_TO_RAAD, None,
            "Verantwoording aan de gemeenteraad over de noodverordening die "
            f"{'is ingetrokken' if tl.state is MeasureState.WITHDRAWN else 'is verlopen'} "
            "vóór bekrachtiging",
            "Account to the council for the emergency ordinance that "
            f"{'was withdrawn' if tl.state is MeasureState.WITHDRAWN else 'expired'} "
            "before ratification", party=Party.RAAD, meeting_id=nxt.id if nxt else None)
    out.sort(key=lambda o: (o.due is None, o.due or now, _ORDER[o.kind]))
    return tuple(out)
