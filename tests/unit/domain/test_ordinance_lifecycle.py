"""DOMAIN.md §2 rule by rule: (measure, events, calendar, outcomes, now) -> state + obligations."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ordinance_helpers import T0, D, E, H, S, ev, issued, measure, meeting, notified, outcome

from crisisconsole.domain.council import Meeting, MeetingOutcome
from crisisconsole.domain.ordinance_lifecycle import (
    Issuer,
    LifecycleSettings,
    Measure,
    MeasureEvent,
    MeasureKind,
    MeasureState,
    ObligationKind,
    Party,
    art39_warning,
    evaluate,
)

K = ObligationKind
NOTIFY3 = {K.NOTIFY_RAAD, K.NOTIFY_CDK, K.NOTIFY_OVJ}
M1 = T0 + 5 * D  # first council meeting, five days after issue
M2 = T0 + 12 * D
VR = Issuer.VOORZITTER_VR


@dataclass
class Case:
    name: str
    state: MeasureState
    kinds: set[ObligationKind]
    now: datetime
    events: list[MeasureEvent] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    outcomes: list[MeetingOutcome] = field(default_factory=list)
    measure: Measure = field(default_factory=measure)


SENT = issued() + notified(T0 + H)
RATIFIED_AT_M1 = [outcome("c1", 15, M1 + H, ratified=("m1",))]
REJECTED_AT_M1 = [outcome("c1", 20, M1 + H, rejected=("m1",))]

CASES = [
    Case("draft: not issued yet", MeasureState.DRAFT, set(), T0 + H, events=[]),
    Case("issued, nothing done, no meeting", MeasureState.IN_FORCE,
         NOTIFY3 | {K.PLAN_COUNCIL_MEETING}, T0 + H, events=issued()),
    Case("two of three notified", MeasureState.IN_FORCE, {K.NOTIFY_OVJ, K.PLAN_COUNCIL_MEETING},
         T0 + H, events=issued() + notified(T0 + H, (Party.RAAD, Party.CDK))),
    Case("meeting planned: agenda and ratification", MeasureState.IN_FORCE,
         {K.AGENDA_RATIFICATION, K.RATIFICATION}, T0 + 3 * H, SENT, [meeting("c1", M1)]),
    Case("agenda placed: only ratification left", MeasureState.IN_FORCE, {K.RATIFICATION},
         T0 + 3 * H, SENT + [ev(E.AGENDA_PLACED, T0 + 2 * H, meeting_id="c1")],
         [meeting("c1", M1)]),
    Case("quorum 15 of 29 ratifies", MeasureState.RATIFIED, set(), M1 + 2 * H, SENT,
         [meeting("c1", M1, 29)], RATIFIED_AT_M1),
    Case("15 of 30 is no quorum: the next meeting counts", MeasureState.IN_FORCE,
         {K.AGENDA_RATIFICATION, K.RATIFICATION}, M1 + 2 * H, SENT,
         [meeting("c1", M1, 30), meeting("c2", M2, 30)], [outcome("c1", 15, M1 + H)]),
    Case("no quorum and no other meeting: plan one", MeasureState.IN_FORCE,
         {K.PLAN_COUNCIL_MEETING}, M1 + 2 * H, SENT, [meeting("c1", M1, 30)],
         [outcome("c1", 15, M1 + H)]),
    Case("no quorum, then the next meeting ratifies", MeasureState.RATIFIED, set(), M2 + 2 * H,
         SENT, [meeting("c1", M1, 30), meeting("c2", M2, 30)],
         [outcome("c1", 15, M1 + H), outcome("c2", 16, M2 + H, ratified=("m1",))]),
    Case("quorate meeting did not deal with it", MeasureState.NOT_RATIFIED, {K.APPEAL},
         M1 + 2 * H, SENT, [meeting("c1", M1)], [outcome("c1", 20, M1 + H)]),
    Case("council rejected", MeasureState.NOT_RATIFIED, {K.APPEAL}, M1 + 2 * H, SENT,
         [meeting("c1", M1)], REJECTED_AT_M1),
    Case("no appeal within 24 h: lapsed", MeasureState.LAPSED, set(), M1 + H + 24 * H + S,
         SENT, [meeting("c1", M1)], REJECTED_AT_M1),
    Case("not dealt with, 24 h later: lapsed", MeasureState.LAPSED, set(), M1 + 26 * H, SENT,
         [meeting("c1", M1)], [outcome("c1", 20, M1 + H)]),
    Case("lapsed with a notice never sent: still owed", MeasureState.LAPSED, {K.NOTIFY_OVJ},
         M1 + 3 * D, issued() + notified(T0 + H, (Party.RAAD, Party.CDK)), [meeting("c1", M1)],
         REJECTED_AT_M1),
    Case("appeal inside 24 h: pending, CdK has 2 days", MeasureState.APPEAL_PENDING,
         {K.CDK_DECISION}, M1 + 30 * H, SENT + [ev(E.APPEAL_LODGED, M1 + 20 * H)],
         [meeting("c1", M1)], REJECTED_AT_M1),
    Case("appeal at exactly 24 h is in time", MeasureState.APPEAL_PENDING, {K.CDK_DECISION},
         M1 + 30 * H, SENT + [ev(E.APPEAL_LODGED, M1 + 25 * H)], [meeting("c1", M1)],
         REJECTED_AT_M1),
    Case("appeal after 24 h does not count", MeasureState.LAPSED, set(), M1 + 30 * H,
         SENT + [ev(E.APPEAL_LODGED, M1 + 25 * H + S)], [meeting("c1", M1)], REJECTED_AT_M1),
    Case("CdK upholds", MeasureState.UPHELD, set(), M1 + 3 * D,
         SENT + [ev(E.APPEAL_LODGED, M1 + 2 * H), ev(E.CDK_DECISION, M1 + D, upheld=True)],
         [meeting("c1", M1)], REJECTED_AT_M1),
    Case("CdK rejects the appeal: lapsed", MeasureState.LAPSED, set(), M1 + 3 * D,
         SENT + [ev(E.APPEAL_LODGED, M1 + 2 * H), ev(E.CDK_DECISION, M1 + D, upheld=False)],
         [meeting("c1", M1)], REJECTED_AT_M1),
    # Issue 15 (DOMAIN.md §2 rule 5): a suspension stops the effect only; the meeting must
    # still ratify it (and its outcome be recorded), and a running appeal still needs the
    # CdK's decision.
    Case("CdK suspends before the meeting", MeasureState.SUSPENDED,
         {K.RATIFICATION, K.RECORD_OUTCOME}, M1 + 2 * H,
         SENT + [ev(E.SUSPENDED, T0 + D)], [meeting("c1", M1)]),
    Case("CdK suspends during the appeal", MeasureState.SUSPENDED, {K.CDK_DECISION},
         M1 + 2 * D, SENT + [ev(E.APPEAL_LODGED, M1 + 2 * H), ev(E.SUSPENDED, M1 + D)],
         [meeting("c1", M1)], REJECTED_AT_M1),
    Case("suspended and not ratified: it still lapses", MeasureState.LAPSED, set(),
         M1 + 2 * D, SENT + [ev(E.SUSPENDED, T0 + D)], [meeting("c1", M1)], REJECTED_AT_M1),
    Case("suspended, then withdrawn before the meeting: the account is owed",
         MeasureState.WITHDRAWN, NOTIFY3 | {K.ACCOUNT_TO_RAAD}, T0 + 3 * D,
         SENT + [ev(E.SUSPENDED, T0 + D), ev(E.WITHDRAWN, T0 + 2 * D)], [meeting("c1", M1)]),
    Case("withdrawn before the meeting: new notices and an account", MeasureState.WITHDRAWN,
         NOTIFY3 | {K.ACCOUNT_TO_RAAD}, T0 + 2 * D, SENT + [ev(E.WITHDRAWN, T0 + D)],
         [meeting("c1", M1)]),
    Case("withdrawn, notices sent and account given: nothing open", MeasureState.WITHDRAWN,
         set(), T0 + 2 * D,
         SENT + [ev(E.WITHDRAWN, T0 + D)] + notified(T0 + D + H)
         + [ev(E.ACCOUNT_GIVEN, T0 + D + 2 * H)], [meeting("c1", M1)]),
    Case("withdrawn after ratification: notices, no account", MeasureState.WITHDRAWN, NOTIFY3,
         M1 + 2 * D, SENT + [ev(E.WITHDRAWN, M1 + D)], [meeting("c1", M1)], RATIFIED_AT_M1),
    Case("withdrawn while suspended", MeasureState.WITHDRAWN, NOTIFY3 | {K.ACCOUNT_TO_RAAD},
         T0 + 3 * D, SENT + [ev(E.SUSPENDED, T0 + D), ev(E.WITHDRAWN, T0 + 2 * D)],
         [meeting("c1", M1)]),
    Case("Wvr art. 39 issuer: notices but no ratification", MeasureState.IN_FORCE, NOTIFY3,
         T0 + H, issued(), [meeting("c1", M1)], measure=measure(issuer=VR)),
    Case("Wvr art. 39 issuer: council outcome changes nothing", MeasureState.IN_FORCE, set(),
         M1 + 3 * D, SENT, [meeting("c1", M1)], [outcome("c1", 20, M1 + H)],
         measure=measure(issuer=VR)),
    Case("Wvr art. 39 issuer withdraws: notices, no account", MeasureState.WITHDRAWN, NOTIFY3,
         T0 + 2 * D, SENT + [ev(E.WITHDRAWN, T0 + D)], [meeting("c1", M1)],
         measure=measure(issuer=VR)),
    Case("noodbevel: no obligations", MeasureState.IN_FORCE, set(), T0 + 3 * D, issued(),
         [meeting("c1", M1)], measure=measure(MeasureKind.NOODBEVEL)),
    Case("noodbevel with an end: only the end", MeasureState.IN_FORCE, {K.END}, T0 + H,
         issued(), measure=measure(MeasureKind.NOODBEVEL, planned_end=T0 + 6 * H)),
    Case("noodbevel after its end: expired", MeasureState.EXPIRED, set(), T0 + 7 * H, issued(),
         measure=measure(MeasureKind.NOODBEVEL, planned_end=T0 + 6 * H)),
    Case("risicogebied-174b: ends within 12 h", MeasureState.IN_FORCE, {K.END}, T0 + 11 * H,
         issued(), measure=measure(MeasureKind.RISICOGEBIED_174B)),
    Case("risicogebied-174b after 12 h: expired", MeasureState.EXPIRED, set(), T0 + 12 * H,
         issued(), measure=measure(MeasureKind.RISICOGEBIED_174B, planned_end=T0 + 20 * H)),
    Case("ophouding-176a after 12 h: expired", MeasureState.EXPIRED, set(), T0 + 13 * H,
         issued(), measure=measure(MeasureKind.OPHOUDING_176A)),
    Case("risicogebied-151b: no legal maximum", MeasureState.IN_FORCE, set(), T0 + 30 * D,
         issued(), measure=measure(MeasureKind.RISICOGEBIED_151B)),
    Case("gebiedsverbod-172a with end", MeasureState.IN_FORCE, {K.END}, T0 + D, issued(),
         measure=measure(MeasureKind.GEBIEDSVERBOD_172A, planned_end=T0 + 30 * D)),
    Case("noodverordening ends before any meeting: no meeting needed", MeasureState.IN_FORCE,
         {K.END}, T0 + H, SENT, [meeting("c1", M1)], measure=measure(planned_end=T0 + 2 * D)),
    Case("noodverordening expired before the meeting: account", MeasureState.EXPIRED,
         {K.ACCOUNT_TO_RAAD}, T0 + 3 * D, SENT, [meeting("c1", M1)],
         measure=measure(planned_end=T0 + 2 * D)),
    Case("meeting has started, no outcome recorded", MeasureState.IN_FORCE,
         {K.RATIFICATION, K.RECORD_OUTCOME}, M1 + H, SENT, [meeting("c1", M1)]),
    Case("outcome decided later than now is not yet known", MeasureState.IN_FORCE,
         {K.RATIFICATION, K.RECORD_OUTCOME}, M1 + 30 * 60 * S, SENT, [meeting("c1", M1)],
         RATIFIED_AT_M1),
    Case("a meeting before the issue does not count", MeasureState.IN_FORCE,
         {K.PLAN_COUNCIL_MEETING}, T0 + H, SENT, [meeting("c0", T0 - D)]),
    Case("notices after withdrawal open again: one sent", MeasureState.WITHDRAWN,
         {K.NOTIFY_CDK, K.NOTIFY_OVJ}, M1 + 2 * D,
         SENT + [ev(E.WITHDRAWN, M1 + D)] + notified(M1 + D + H, (Party.RAAD,)),
         [meeting("c1", M1)], RATIFIED_AT_M1),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_state_and_obligations(case: Case) -> None:
    status = evaluate(case.measure, case.events, case.meetings, case.outcomes, case.now)
    assert status.state is case.state
    assert {o.kind for o in status.obligations} == case.kinds
    assert all(o.measure_id == case.measure.id and o.text_nl for o in status.obligations)


def _status(**kwargs: object):
    base: dict[str, object] = {"measure": measure(), "events": SENT, "meetings": [], "outcomes": []}
    base.update(kwargs)
    return evaluate(base["measure"], base["events"], base["meetings"], base["outcomes"],  # type: ignore[arg-type]
                    base["now"])  # type: ignore[arg-type]


def _one(status, kind: ObligationKind):
    (item,) = [o for o in status.obligations if o.kind is kind]
    return item


@pytest.mark.parametrize(
    ("now", "overdue"), [(T0 + 2 * H, False), (T0 + 2 * H + S, True)], ids=["at due", "after"]
)
def test_notification_due_after_configured_hours(now: datetime, overdue: bool) -> None:
    status = evaluate(measure(), issued(), [], [], now)
    item = _one(status, K.NOTIFY_CDK)
    assert item.due == T0 + 2 * H and item.overdue is overdue and item.party is Party.CDK


def test_notification_hours_are_configurable() -> None:
    status = evaluate(measure(), issued(), [], [], T0, LifecycleSettings(notify_hours=0.5))
    assert _one(status, K.NOTIFY_RAAD).due == T0 + timedelta(minutes=30)


def test_withdrawal_notices_due_from_withdrawal() -> None:
    status = _status(events=SENT + [ev(E.WITHDRAWN, T0 + D)], now=T0 + D + 3 * H)
    item = _one(status, K.NOTIFY_OVJ)
    assert item.due == T0 + D + 2 * H and item.overdue and "Intrekking" in item.text_nl
    assert status.since == T0 + D


def test_agenda_lead_time_and_overdue() -> None:
    meetings = [meeting("c1", M1)]
    before = _status(meetings=meetings, now=M1 - 3 * D)
    after = _status(meetings=meetings, now=M1 - 3 * D + S)
    assert _one(before, K.AGENDA_RATIFICATION).due == M1 - 3 * D
    assert not _one(before, K.AGENDA_RATIFICATION).overdue
    assert _one(after, K.AGENDA_RATIFICATION).overdue
    assert _one(after, K.RATIFICATION).meeting_id == "c1"
    custom = evaluate(measure(), SENT, meetings, [], T0, LifecycleSettings(agenda_lead=D))
    assert _one(custom, K.AGENDA_RATIFICATION).due == M1 - D


def test_agenda_due_never_before_issue() -> None:
    status = _status(meetings=[meeting("c1", T0 + D)], now=T0 + H)
    item = _one(status, K.AGENDA_RATIFICATION)
    assert item.due == T0 and item.overdue


def test_unbound_agenda_event_binds_to_that_moments_meeting() -> None:
    meetings = [meeting("c1", M1, 30), meeting("c2", M2, 30)]
    events = SENT + [ev(E.AGENDA_PLACED, T0 + 2 * H)]  # placed for c1, which then lacks quorum
    status = _status(events=events, meetings=meetings, outcomes=[outcome("c1", 15, M1 + H)],
                     now=M1 + 2 * H)
    assert _one(status, K.AGENDA_RATIFICATION).meeting_id == "c2"


def test_record_outcome_and_ratification_overdue_once_meeting_started() -> None:
    status = _status(meetings=[meeting("c1", M1)], now=M1 + H)
    assert _one(status, K.RECORD_OUTCOME).overdue and _one(status, K.RATIFICATION).overdue
    assert status.ratification_meeting_id == "c1"


def test_appeal_due_24h_after_decision_time_not_meeting_start() -> None:
    decided = M1 + 3 * H
    status = _status(meetings=[meeting("c1", M1)], outcomes=[outcome("c1", 20, decided)],
                     now=decided + H)
    item = _one(status, K.APPEAL)
    assert item.due == decided + 24 * H and not item.overdue


def test_lapse_time_is_end_of_appeal_window() -> None:
    status = _status(meetings=[meeting("c1", M1)], outcomes=REJECTED_AT_M1, now=M1 + 3 * D)
    assert status.state is MeasureState.LAPSED and status.since == M1 + H + 24 * H


def test_cdk_decision_overdue_after_two_days() -> None:
    appeal = M1 + 2 * H
    kwargs = {"events": SENT + [ev(E.APPEAL_LODGED, appeal)], "meetings": [meeting("c1", M1)],
              "outcomes": REJECTED_AT_M1}
    assert not _one(_status(now=appeal + 2 * D, **kwargs), K.CDK_DECISION).overdue
    late = _status(now=appeal + 2 * D + S, **kwargs)
    assert late.state is MeasureState.APPEAL_PENDING  # stays in force until the CdK decides
    assert _one(late, K.CDK_DECISION).due == appeal + 2 * D and _one(late, K.CDK_DECISION).overdue


@pytest.mark.parametrize("kind", [MeasureKind.RISICOGEBIED_174B, MeasureKind.OPHOUDING_176A])
def test_twelve_hour_kinds_capped(kind: MeasureKind) -> None:
    long = measure(kind, planned_end=T0 + 20 * H)
    short = measure(kind, planned_end=T0 + 5 * H)
    assert _one(evaluate(long, issued(), [], [], T0 + H), K.END).due == T0 + 12 * H
    assert _one(evaluate(short, issued(), [], [], T0 + H), K.END).due == T0 + 5 * H
    assert evaluate(long, issued(), [], [], T0 + 12 * H).state is MeasureState.EXPIRED
    assert kind.max_duration == timedelta(hours=12)


def test_state_depends_on_now_only_through_facts_known_then() -> None:
    args = (measure(), SENT, [meeting("c1", M1)], REJECTED_AT_M1)
    states = [evaluate(*args, now).state for now in (T0 - H, T0 + H, M1 + 2 * H, M1 + 2 * D)]
    assert states == [MeasureState.DRAFT, MeasureState.IN_FORCE, MeasureState.NOT_RATIFIED,
                      MeasureState.LAPSED]


def test_obligations_sorted_by_due_with_undated_last() -> None:
    status = evaluate(measure(), issued(), [], [], T0 + H)
    dues = [o.due for o in status.obligations]
    assert dues[-1] is None and all(d is not None for d in dues[:-1])
    assert status.next_due is not None and status.next_due.kind is K.NOTIFY_RAAD
    assert status.overdue == ()


def test_account_points_at_next_meeting() -> None:
    status = _status(events=SENT + [ev(E.WITHDRAWN, T0 + D)], meetings=[meeting("c1", M1)],
                     now=T0 + 2 * D)
    item = _one(status, K.ACCOUNT_TO_RAAD)
    assert item.due is None and item.meeting_id == "c1" and item.party is Party.RAAD


@pytest.mark.parametrize(
    ("issuer", "applies", "kind", "warns"),
    [
        (Issuer.BURGEMEESTER, True, None, True),
        (Issuer.BURGEMEESTER, True, MeasureKind.NOODVERORDENING, True),
        (Issuer.BURGEMEESTER, True, MeasureKind.RISICOGEBIED_174B, False),
        (Issuer.BURGEMEESTER, False, None, False),
        (VR, True, None, False),
    ],
)
def test_art39_warning(issuer: Issuer, applies: bool, kind: MeasureKind | None, warns: bool) -> None:
    warning = art39_warning(issuer, applies, kind)
    assert (warning is not None) is warns
    if warning:
        assert "Wvr art. 39" in warning and "\n" not in warning


# --- property: any order of any facts ---------------------------------------------------------

_times = st.integers(min_value=-2 * 24, max_value=20 * 24).map(lambda h: T0 + h * H)
_events = st.builds(
    MeasureEvent,
    kind=st.sampled_from(list(E)),
    at=_times,
    actor=st.just("aide"),
    party=st.none() | st.sampled_from(list(Party)),
    upheld=st.none() | st.booleans(),
    meeting_id=st.none() | st.sampled_from(["c1", "c2", "c3"]),
)
_meetings = st.lists(
    st.builds(Meeting, id=st.sampled_from(["c1", "c2", "c3"]), start=_times,
              seats=st.integers(1, 45)),
    max_size=3, unique_by=lambda m: m.id,
)
_outcomes = st.lists(
    st.builds(MeetingOutcome, meeting_id=st.sampled_from(["c1", "c2", "c3"]),
              attended=st.integers(0, 45),
              ratified=st.frozensets(st.sampled_from(["m1", "x"])),
              rejected=st.frozensets(st.sampled_from(["m1", "x"])), decided_at=_times),
    max_size=3,
)
_measures = st.builds(
    Measure, id=st.just("m1"), kind=st.sampled_from(list(MeasureKind)),
    issuer=st.sampled_from(list(Issuer)), title=st.just("t"), issued_at=st.just(T0),
    planned_end=st.none() | _times,
)


@settings(max_examples=300, deadline=None)
@given(_measures, st.lists(_events, max_size=12), _meetings, _outcomes, _times, st.randoms())
def test_evaluate_total_and_order_independent(m, events, meetings, outcomes, now, rnd) -> None:
    status = evaluate(m, [ev(E.ISSUED, T0), *events], meetings, outcomes, now)
    assert status.state in set(MeasureState)
    for item in status.obligations:
        assert item.due is None or item.due >= m.issued_at
        assert item.overdue == (item.due is not None and now > item.due)
    assert len({o.key for o in status.obligations}) == len(status.obligations)
    # Recorded order only matters for events at the very same instant.
    distinct = list({e.at: e for e in events}.values())
    shuffled = distinct[:]
    rnd.shuffle(shuffled)
    first = evaluate(m, [ev(E.ISSUED, T0), *distinct], meetings, outcomes, now)
    second = evaluate(m, [*shuffled, ev(E.ISSUED, T0)], meetings, outcomes, now)
    assert first == second
