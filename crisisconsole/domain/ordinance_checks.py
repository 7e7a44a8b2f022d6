"""Refusals: an event or council outcome that makes no sense is stopped before it is recorded.

Records are facts and are never edited, so a wrong one would stay in the history for good; the
checks therefore run before the insert, and each names the rule it enforces in one line.
The state is judged at the event's own time: an appeal lodged in time but typed in later is
valid, one lodged after the 24 hours is not, whatever the clock says now.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta

from crisisconsole.clock import as_utc, format_local
from crisisconsole.domain.council import (
    Meeting,
    MeetingOutcome,
    check_attendance,
    is_quorate,
    quorum_needed,
)
from crisisconsole.domain.measures import (
    Issuer,
    MeasureKind,
    allowed_issuers,
    needs_ratification,
)
from crisisconsole.domain.ordinance_records import (
    FINAL_STATES,
    LIVE_STATES,
    Measure,
    MeasureEvent,
    MeasureEventKind,
    MeasureState,
)
from crisisconsole.domain.ordinance_timeline import Timeline, outcomes_known, replay
from crisisconsole.domain.violations import RuleViolation
from crisisconsole.i18n import tr

# Laptops' clocks differ a little; a fact "in the future" beyond this is a typing error.
FUTURE_TOLERANCE = timedelta(minutes=5)

def art39() -> str:
    return (
    tr("een noodverordening van de voorzitter veiligheidsregio kent geen bekrachtiging, beroep of schorsing (Wvr art. 39)", "no ratification, appeal or suspension under Wvr art. 39")
)
_E = MeasureEventKind
_S = MeasureState
_STATE_CHANGING = frozenset({_E.APPEAL_LODGED, _E.CDK_DECISION, _E.SUSPENDED, _E.WITHDRAWN})


def art39_warning(
    issuer: Issuer, art39_applies: bool, kind: MeasureKind | None = None
) -> str | None:
    """Under Wvr art. 39 only the chair of the veiligheidsregio may use art. 175/176."""
    if not art39_applies or Issuer(issuer) is not Issuer.BURGEMEESTER:
        return None
    if kind is not None and MeasureKind(kind) not in (
        MeasureKind.NOODVERORDENING,
        MeasureKind.NOODBEVEL,
    ):
        return None
    return (
        tr("Let op: Wvr art. 39 is van toepassing; alleen de voorzitter veiligheidsregio is bevoegd tot noodbevel en noodverordening", "Wvr art. 39 applies: only the chair of the veiligheidsregio may issue this")
    )


def check_measure(measure: Measure) -> None:
    """A new measure: issuer allowed for the kind, a sensible end, the 12-hour limits."""
    if not measure.title.strip():
        raise RuleViolation(tr("titel ontbreekt", "title missing"))
    if measure.issuer not in allowed_issuers(measure.kind):
        raise RuleViolation(
            tr(f'{measure.kind.label_nl} ({measure.kind.legal_basis}) is geen bevoegdheid van de voorzitter veiligheidsregio (Wvr art. 39 gaat over art. 175 en 176)', "not a power of the chair of the veiligheidsregio")
        )
    if measure.planned_end is not None and measure.planned_end <= measure.issued_at:
        raise RuleViolation(tr("geplande einde ligt niet na de uitvaardiging", "planned end before issue"))
    limit = measure.kind.max_duration
    if limit is not None and measure.planned_end is not None:
        if measure.planned_end - measure.issued_at > limit:
            hours = int(limit.total_seconds() // 3600)
            raise RuleViolation(
                tr(f'{measure.kind.label_nl} duurt ten hoogste {hours} uur ({measure.kind.legal_basis})', f'lasts at most {hours} hours')
            )


def _final_message(measure: Measure, state: MeasureState) -> str:
    return (
        tr(f'de {measure.kind.label_nl.lower()} is al {state.label_nl}; dit kan niet meer', f'the measure is already {state}')
    )


def check_event(
    measure: Measure,
    events: Iterable[MeasureEvent],
    meetings: Iterable[Meeting],
    outcomes: Iterable[MeetingOutcome],
    new_event: MeasureEvent,
    now: datetime,
) -> None:
    """Raise RuleViolation when ``new_event`` makes no sense; return None when it may be recorded."""
    now = as_utc(now)
    events, meetings, outcomes = list(events), list(meetings), list(outcomes)
    event, kind = new_event, new_event.kind
    if event.at > now + FUTURE_TOLERANCE:
        raise RuleViolation(tr("tijdstip ligt in de toekomst; leg alleen vast wat gebeurd is", "in the future"))
    if not event.actor.strip():
        raise RuleViolation(tr("wie het deed (actor) ontbreekt", "actor missing"))
    if kind is _E.ISSUED:
        if any(e.kind is _E.ISSUED for e in events):
            raise RuleViolation(tr("de maatregel is al uitgevaardigd", "already issued"))
        if event.at != measure.issued_at:
            raise RuleViolation(
                tr("tijdstip van uitvaardiging wijkt af van de maatregel", "issue time differs")
            )
        return
    tl = replay(measure, events, meetings, outcomes, event.at)
    if not tl.issued:
        raise RuleViolation(tr("de maatregel is op dat moment nog niet uitgevaardigd", "not issued yet"))
    if kind in _STATE_CHANGING:
        later = [e for e in events if e.kind in _STATE_CHANGING and e.at > event.at]
        if later:
            raise RuleViolation(
                tr("er is al een latere gebeurtenis vastgelegd die hiervan afhangt; leg eerst een correctie vast", "a later state change is already recorded")
            )
    horizon = max([now, event.at, *(e.at for e in events)])
    full = replay(measure, events, meetings, outcomes, horizon)
    checker = _CHECKS.get(kind)
    if checker is not None:
        checker(measure, tl, full, event)


def _check_notified(measure: Measure, tl: Timeline, full: Timeline, event: MeasureEvent) -> None:
    if event.party is None:
        raise RuleViolation(tr("kies de partij: raad, cdk of ovj", "party missing"))
    withdrawal_round = full.withdrawn_at is not None and event.at >= full.withdrawn_at
    done = full.notified_withdrawal if withdrawal_round else full.notified_issue
    if event.party in done:
        what = "de intrekking" if withdrawal_round else f"de {measure.kind.label_nl.lower()}"
        raise RuleViolation(
            tr(f'{event.party.short_nl} is al op de hoogte gebracht van {what}; twee keer meedelen kan niet (art. 176 lid 3)', "party already notified")
        )


def _check_agenda(measure: Measure, tl: Timeline, full: Timeline, event: MeasureEvent) -> None:
    _require_ratification_track(measure)
    if tl.state is not _S.IN_FORCE:
        raise RuleViolation(
            tr(f'bekrachtiging agenderen kan niet: de {measure.kind.label_nl.lower()} is {tl.state.label_nl}', f"ratification cannot be put on the agenda: the measure is {tl.state.label}")
        )
    if tl.meeting is None:
        raise RuleViolation(
            tr("er is geen raadsvergadering gepland waarin bekrachtigd kan worden", "no meeting planned")
        )
    if event.meeting_id is not None and event.meeting_id != tl.meeting.id:
        raise RuleViolation(
            tr("dat is niet de eerstvolgende raadsvergadering met quorum na uitvaardiging (art. 176 lid 4)", "not the meeting that must ratify")
        )
    if event.at >= tl.meeting.start:
        raise RuleViolation(tr("de raadsvergadering is al begonnen", "the meeting has started"))
    if tl.meeting.id in full.agenda_meetings:
        raise RuleViolation(tr("bekrachtiging staat al op de agenda van die vergadering", "already on it"))


def _require_ratification_track(measure: Measure) -> None:
    if measure.kind is not MeasureKind.NOODVERORDENING:
        raise RuleViolation(
            tr(f'alleen een noodverordening wordt bekrachtigd en kent beroep bij de CdK; een {measure.kind.label_nl.lower()} niet (art. 176)', "only a noodverordening")
        )
    if not needs_ratification(measure.kind, measure.issuer):
        raise RuleViolation(art39())


def _check_appeal(measure: Measure, tl: Timeline, full: Timeline, event: MeasureEvent) -> None:
    _require_ratification_track(measure)
    state = tl.state
    if state is _S.NOT_RATIFIED:
        return
    if state is _S.RATIFIED:
        raise RuleViolation(
            tr("de raad heeft de noodverordening bekrachtigd; daartegen is geen beroep", "a ratified ordinance cannot be appealed")
        )
    if state is _S.UPHELD:
        raise RuleViolation(tr("de CdK heeft de noodverordening al gehandhaafd", "already upheld"))
    if state is _S.IN_FORCE:
        raise RuleViolation(
            tr("de raad heeft (nog) niet besloten om niet te bekrachtigen; beroep kan pas daarna (art. 176)", "no decision not to ratify yet")
        )
    if state is _S.APPEAL_PENDING:
        raise RuleViolation(tr("er loopt al een beroep bij de CdK", "an appeal is already pending"))
    if state is _S.LAPSED and tl.cdk_at is None:
        raise RuleViolation(
            tr("beroepstermijn van 24 uur is verstreken; de noodverordening is vervallen (art. 176)", "the 24-hour appeal window has closed")
        )
    if state is _S.LAPSED:
        raise RuleViolation(tr("de CdK heeft het beroep al afgewezen", "the appeal was rejected"))
    raise RuleViolation(_final_message(measure, state))


def _check_cdk(measure: Measure, tl: Timeline, full: Timeline, event: MeasureEvent) -> None:
    _require_ratification_track(measure)
    if event.upheld is None:
        raise RuleViolation(tr("kies: beroep gegrond (gehandhaafd) of afgewezen", "upheld or rejected"))
    if tl.state is not _S.APPEAL_PENDING:
        raise RuleViolation(
            tr("er loopt geen beroep bij de CdK, dus er is niets te beslissen", "no appeal pending")
        )


def _check_suspend(measure: Measure, tl: Timeline, full: Timeline, event: MeasureEvent) -> None:
    if measure.kind is not MeasureKind.NOODVERORDENING:
        raise RuleViolation(
            tr(f'alleen een noodverordening kan door de CdK worden geschorst; een {measure.kind.label_nl.lower()} niet (art. 176)', "only a noodverordening")
        )
    if not needs_ratification(measure.kind, measure.issuer):
        raise RuleViolation(art39())
    if tl.state in (_S.RATIFIED, _S.UPHELD):
        raise RuleViolation(
            tr("schorsing door de CdK kan alleen zolang de noodverordening niet is bekrachtigd (art. 176)", "only while not ratified")
        )
    if tl.suspended_at is not None:
        raise RuleViolation(tr("de noodverordening is al geschorst", "already suspended"))
    if tl.state in FINAL_STATES:
        raise RuleViolation(_final_message(measure, tl.state))


def _check_withdraw(measure: Measure, tl: Timeline, full: Timeline, event: MeasureEvent) -> None:
    if tl.state in FINAL_STATES:
        raise RuleViolation(_final_message(measure, tl.state))


def _check_account(measure: Measure, tl: Timeline, full: Timeline, event: MeasureEvent) -> None:
    if full.account_given:
        raise RuleViolation(tr("de verantwoording aan de raad is al vastgelegd", "already recorded"))
    if not tl.account_owed(measure):
        raise RuleViolation(
            tr("er staat geen verantwoording aan de raad open (alleen na intrekken of verlopen vóór de raadsvergadering)", "no account to the raad is owed")
        )


def _check_kept(measure: Measure, tl: Timeline, full: Timeline, event: MeasureEvent) -> None:
    """Keeping a measure in force is a decision with a reason; only while it still has effect.
    (Whether a withdrawal prompt is open depends on the crisis: the service checks that.)"""
    if tl.state not in LIVE_STATES:
        raise RuleViolation(
            tr(f'van kracht houden kan niet: de {measure.kind.label_nl.lower()} is {tl.state.label_nl}', f"cannot keep it in force: the measure is {tl.state.label}")
        )
    if not (event.note or "").strip():
        raise RuleViolation(
            tr("leg vast waarom de maatregel van kracht blijft", "say why it stays in force"))


_CHECKS = {
    _E.KEPT_IN_FORCE: _check_kept,
    _E.NOTIFIED: _check_notified,
    _E.AGENDA_PLACED: _check_agenda,
    _E.APPEAL_LODGED: _check_appeal,
    _E.CDK_DECISION: _check_cdk,
    _E.SUSPENDED: _check_suspend,
    _E.WITHDRAWN: _check_withdraw,
    _E.ACCOUNT_GIVEN: _check_account,
}


def measures_due_at(
    meeting_id: str,
    measures: Iterable[tuple[Measure, Sequence[MeasureEvent]]],
    meetings: Iterable[Meeting],
    outcomes: Iterable[MeetingOutcome],
    at: datetime,
) -> list[str]:
    """Ids of the ordinances this meeting must ratify: the outcome form lists them, and any one
    not named in the outcome counts as "not dealt with"."""
    meetings = list(meetings)
    outcomes = [o for o in outcomes if o.meeting_id != meeting_id]
    due = []
    for measure, events in measures:
        tl = replay(measure, events, meetings, outcomes, as_utc(at))
        if tl.state is _S.IN_FORCE and tl.meeting is not None and tl.meeting.id == meeting_id:
            due.append(measure.id)
    return due


def check_outcome(
    outcome: MeetingOutcome,
    meetings: Iterable[Meeting],
    outcomes: Iterable[MeetingOutcome],
    measures: Iterable[tuple[Measure, Sequence[MeasureEvent]]],
    now: datetime,
) -> None:
    """Raise RuleViolation unless ``outcome`` may be recorded for its meeting."""
    now = as_utc(now)
    meetings, outcomes = list(meetings), list(outcomes)
    meeting = next((m for m in meetings if m.id == outcome.meeting_id), None)
    if meeting is None:
        raise RuleViolation(tr("onbekende raadsvergadering", "unknown council meeting"))
    check_attendance(meeting, outcome.attended)
    if any(o.meeting_id == meeting.id for o in outcomes):
        raise RuleViolation(
            tr("de uitkomst van deze vergadering is al vastgelegd", "outcome already recorded")
        )
    if outcome.decided_at < meeting.start:
        raise RuleViolation(tr("het besluit ligt vóór het begin van de vergadering", "before the start"))
    if outcome.decided_at > now + FUTURE_TOLERANCE:
        raise RuleViolation(tr("tijdstip ligt in de toekomst; leg alleen vast wat gebeurd is", "in the future"))
    both = outcome.ratified & outcome.rejected
    if both:
        raise RuleViolation(
            tr(f'maatregel {sorted(both)[0]} staat zowel bij bekrachtigd als bij verworpen', "both ratified and rejected")
        )
    named = outcome.ratified | outcome.rejected
    if named and not is_quorate(outcome.attended, meeting.seats):
        raise RuleViolation(
            tr(f'zonder quorum (minstens {quorum_needed(meeting.seats)} van {meeting.seats} leden) kan de raad niet bekrachtigen of verwerpen (art. 176 lid 4)', "no quorum")
        )
    by_id = {m.id: (m, list(evs)) for m, evs in measures}
    for measure_id in sorted(named):
        if measure_id not in by_id:
            raise RuleViolation(tr(f'onbekende maatregel {measure_id}', f"unknown measure {measure_id}"))
        measure, events = by_id[measure_id]
        _require_ratification_track(measure)
        tl = replay(measure, events, meetings, outcomes, outcome.decided_at)
        if tl.state is not _S.IN_FORCE:
            raise RuleViolation(
                tr(f'de {measure.kind.label_nl.lower()} was toen al {tl.state.label_nl}; er valt niets te bekrachtigen', "nothing to ratify")
            )
        if tl.meeting is not None and tl.meeting.start < meeting.start:
            if outcomes_known(outcomes, outcome.decided_at).get(tl.meeting.id) is None:
                raise RuleViolation(
                    tr(f'leg eerst de uitkomst vast van de raadsvergadering van {format_local(tl.meeting.start)}', "record the earlier meeting first")
                )
        if tl.meeting is None or tl.meeting.id != meeting.id:
            raise RuleViolation(
                tr("deze vergadering is niet de eerstvolgende vergadering met quorum na uitvaardiging (art. 176 lid 4)", "not the meeting that must ratify")
            )
