"""Replay of one measure's history at a given moment: the facts the lifecycle rules read.

The state of an ordinance is never stored: it follows from the event records, the council
calendar and the clock (a not-ratified ordinance lapses 24 hours later without anyone doing
anything). This module replays those facts in time order; it never raises on odd input, because
the overview must keep working even when a record is wrong. Refusing wrong input is the job of
the checks in ordinance_checks.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from crisisconsole.domain.council import Meeting, MeetingOutcome, outcome_is_quorate
from crisisconsole.domain.measures import Party, can_be_suspended, needs_ratification
from crisisconsole.domain.ordinance_records import (
    LIVE_STATES,
    Measure,
    MeasureEvent,
    MeasureEventKind,
    MeasureState,
)

APPEAL_WINDOW = timedelta(hours=24)  # art. 176: appeal to the CdK within 24 hours
CDK_TERM = timedelta(days=2)  # art. 176: the CdK decides within 2 days

_S = MeasureState
_E = MeasureEventKind


@dataclass(frozen=True)
class Timeline:
    """What had happened to one measure by ``at``."""

    at: datetime
    issued: bool
    state: MeasureState
    since: datetime | None
    end_at: datetime | None
    meeting: Meeting | None  # the ratification meeting (rule 3), decided or still to come
    decided_at: datetime | None  # when that meeting decided (quorate outcome)
    appeal_at: datetime | None
    cdk_at: datetime | None
    withdrawn_at: datetime | None
    ended_from: MeasureState | None  # state just before withdrawal or expiry
    ended_at: datetime | None
    notified_issue: frozenset[Party]
    notified_withdrawal: frozenset[Party]
    agenda_meetings: frozenset[str]
    account_given: bool
    # Rule 5: a suspension by the CdK stops the ordinance's effect only. ``state`` goes on as
    # if it were not suspended (it still lapses when the meeting does not ratify it, and the
    # account is still owed); this says since when it has had no effect.
    suspended_at: datetime | None = None

    @property
    def appeal_deadline(self) -> datetime | None:
        return self.decided_at + APPEAL_WINDOW if self.decided_at is not None else None

    def account_owed(self, measure: Measure) -> bool:
        """Rule 7: withdrawn or expired before the raad decided on it (suspended or not)."""
        return (
            self.state in (_S.WITHDRAWN, _S.EXPIRED)
            and needs_ratification(measure.kind, measure.issuer)
            and (self.decided_at is None or (self.ended_at is not None and self.ended_at < self.decided_at))
            and not self.account_given
        )


def outcomes_known(outcomes: Iterable[MeetingOutcome], at: datetime) -> dict[str, MeetingOutcome]:
    """The first outcome per meeting decided by ``at`` (a later duplicate is ignored)."""
    known: dict[str, MeetingOutcome] = {}
    for outcome in sorted(outcomes, key=lambda o: o.decided_at):
        if outcome.decided_at <= at:
            known.setdefault(outcome.meeting_id, outcome)
    return known


def select_meeting(
    measure: Measure,
    meetings: Iterable[Meeting],
    known: dict[str, MeetingOutcome],
    stop: datetime | None,
) -> Meeting | None:
    """Rule 3: the first meeting after issue not recorded as lacking a quorum.

    A meeting at or after ``stop`` (withdrawal, end) is not needed any more; a suspension is
    no stop (rule 5: it still lapses when that meeting does not ratify it).
    """
    if not needs_ratification(measure.kind, measure.issuer):
        return None
    for meeting in sorted(meetings, key=lambda m: (m.start, m.id)):
        if meeting.start <= measure.issued_at:
            continue
        if stop is not None and meeting.start >= stop:
            return None
        outcome = known.get(meeting.id)
        if outcome is not None and not outcome_is_quorate(meeting, outcome):
            continue
        return meeting
    return None


def _first(events: Sequence[MeasureEvent], kind: MeasureEventKind) -> MeasureEvent | None:
    return next((e for e in events if e.kind is kind), None)


def replay(
    measure: Measure,
    events: Iterable[MeasureEvent],
    meetings: Iterable[Meeting],
    outcomes: Iterable[MeetingOutcome],
    at: datetime,
) -> Timeline:
    meetings = list(meetings)
    outcomes = list(outcomes)
    all_events = [e for e in events if e.at <= at]
    issued = any(e.kind is _E.ISSUED for e in all_events) and measure.issued_at <= at
    # Stable sort: events at the same instant keep the order in which they were recorded.
    evs = sorted((e for e in all_events if e.at >= measure.issued_at), key=lambda e: e.at)
    end_at = measure.effective_end
    if not issued:
        return Timeline(at, False, _S.DRAFT, None, end_at, None, None, None, None, None, None,
                        None, frozenset(), frozenset(), frozenset(), False)

    suspendable = can_be_suspended(measure.kind, measure.issuer)
    # A suspension is no stop: the ratification meeting still decides (DOMAIN.md §2 rule 5).
    stops = [e.at for e in evs if e.kind is _E.WITHDRAWN]
    if end_at is not None:
        stops.append(end_at)
    stop = min(stops) if stops else None
    known = outcomes_known(outcomes, at)
    meeting = select_meeting(measure, meetings, known, stop)

    # (time, priority, sequence, what, payload): the council decides before anything else at the
    # same instant; lapse and expiry come after events at the same instant (an appeal lodged at
    # exactly 24 h is in time).
    steps: list[tuple[datetime, int, int, str, object]] = []
    decided_at: datetime | None = None
    outcome = known.get(meeting.id) if meeting is not None else None
    if meeting is not None and outcome is not None:
        decided_at = max(outcome.decided_at, meeting.start)
        ratified = measure.id in outcome.ratified and measure.id not in outcome.rejected
        steps.append((decided_at, -1, 0, "outcome", ratified))
        if not ratified and decided_at + APPEAL_WINDOW < at:  # at exactly 24 h: still in time
            steps.append((decided_at + APPEAL_WINDOW, 1, 0, "lapse", None))
    for seq, event in enumerate(evs):
        if event.kind in (_E.APPEAL_LODGED, _E.CDK_DECISION, _E.SUSPENDED, _E.WITHDRAWN):
            steps.append((event.at, 0, seq, "event", event))
    if end_at is not None and end_at <= at:
        steps.append((end_at, 1, 1, "expire", None))
    steps.sort(key=lambda s: (s[0], s[1], s[2]))

    state, since = _S.IN_FORCE, measure.issued_at
    appeal_at = cdk_at = withdrawn_at = ended_at = suspended_at = None
    ended_from: MeasureState | None = None
    for when, _prio, _seq, what, payload in steps:
        if state in (_S.LAPSED, _S.WITHDRAWN, _S.EXPIRED):
            break
        new = state
        if what == "outcome" and state is _S.IN_FORCE:
            new = _S.RATIFIED if payload else _S.NOT_RATIFIED
        elif what == "lapse" and state is _S.NOT_RATIFIED:
            new = _S.LAPSED
        elif what == "expire" and state in LIVE_STATES:
            new, ended_from, ended_at = _S.EXPIRED, state, when
        elif what == "event" and isinstance(payload, MeasureEvent):
            kind = payload.kind
            if kind is _E.APPEAL_LODGED and state is _S.NOT_RATIFIED and decided_at is not None:
                if when <= decided_at + APPEAL_WINDOW:
                    new, appeal_at = _S.APPEAL_PENDING, when
            elif kind is _E.CDK_DECISION and state is _S.APPEAL_PENDING:
                if payload.upheld is not None:
                    new, cdk_at = (_S.UPHELD if payload.upheld else _S.LAPSED), when
            elif kind is _E.SUSPENDED and suspendable and state in (
                _S.IN_FORCE, _S.NOT_RATIFIED, _S.APPEAL_PENDING
            ) and suspended_at is None:
                suspended_at = when
            elif kind is _E.WITHDRAWN and state in LIVE_STATES:
                new, ended_from, ended_at, withdrawn_at = _S.WITHDRAWN, state, when, when
        if new is not state:
            state, since = new, when

    notified_issue: set[Party] = set()
    notified_withdrawal: set[Party] = set()
    agenda: set[str] = set()
    for event in evs:
        if event.kind is _E.NOTIFIED and event.party is not None:
            late = withdrawn_at is not None and event.at >= withdrawn_at
            (notified_withdrawal if late else notified_issue).add(event.party)
        elif event.kind is _E.AGENDA_PLACED:
            target = event.meeting_id
            if target is None:
                bound = select_meeting(measure, meetings, outcomes_known(outcomes, event.at), stop)
                target = bound.id if bound is not None else None
            if target is not None:
                agenda.add(target)
    return Timeline(
        at=at,
        issued=True,
        state=state,
        since=since,
        end_at=end_at,
        meeting=meeting,
        decided_at=decided_at,
        appeal_at=appeal_at,
        cdk_at=cdk_at,
        withdrawn_at=withdrawn_at,
        ended_from=ended_from,
        ended_at=ended_at,
        notified_issue=frozenset(notified_issue),
        notified_withdrawal=frozenset(notified_withdrawal),
        agenda_meetings=frozenset(agenda),
        account_given=_first(evs, _E.ACCOUNT_GIVEN) is not None,
        suspended_at=suspended_at,
    )
