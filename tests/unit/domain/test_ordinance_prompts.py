"""The withdrawal prompt (DOMAIN.md §2: "withdrawal prompt when the crisis is scaled down or
closed") and the actions the detail offers (check_event asked in advance), table-driven."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import pytest
from ordinance_helpers import T0, D, E, H, S, ev, issued, measure, meeting, notified, outcome

from crisisconsole.domain.crisis import CrisisEvent
from crisisconsole.domain.ordinance_actions import available_actions
from crisisconsole.domain.ordinance_lifecycle import (
    Issuer,
    MeasureKind,
    MeasureState,
    ObligationKind,
    evaluate,
    scale_down,
)
from crisisconsole.domain.reminder_plan import plan

K = ObligationKind


def grip(level: str, at: datetime) -> CrisisEvent:
    return CrisisEvent("grip", at, at, "mayor", level)


def close(at: datetime) -> CrisisEvent:
    return CrisisEvent("close", at, at, "mayor")


def reopen(at: datetime) -> CrisisEvent:
    return CrisisEvent("reopen", at, at, "mayor")


BEFORE = [grip("1", T0 - 5 * H), grip("3", T0 - 2 * H)]  # GRIP 3 when the measure is issued


@dataclass
class Prompt:
    name: str
    crisis: list[CrisisEvent]
    now: datetime
    due: datetime | None  # None: no prompt
    closed: bool = False


PROMPTS = [
    Prompt("no change since issue", BEFORE, T0 + D, None),
    Prompt("scaled down 3 -> 2", BEFORE + [grip("2", T0 + 4 * H)], T0 + D, T0 + 4 * H),
    Prompt("scale-down not yet known at now", BEFORE + [grip("2", T0 + 4 * H)], T0 + 3 * H, None),
    Prompt("scaled up 3 -> 4: no prompt", BEFORE + [grip("4", T0 + 4 * H)], T0 + D, None),
    Prompt("down, then up again: cancelled",
           BEFORE + [grip("2", T0 + 4 * H), grip("3", T0 + 6 * H)], T0 + D, None),
    Prompt("down twice: the latest counts",
           BEFORE + [grip("2", T0 + 4 * H), grip("1", T0 + 8 * H)], T0 + D, T0 + 8 * H),
    Prompt("same level again is no scale-down", BEFORE + [grip("3", T0 + 4 * H)], T0 + D, None),
    Prompt("scale-down before issue does not count",
           [grip("4", T0 - 3 * H), grip("3", T0 - H)], T0 + D, None),
    Prompt("scale-down at the moment of issue does not count", BEFORE + [grip("2", T0)],
           T0 + D, None),
    Prompt("crisis closed", BEFORE + [close(T0 + 5 * H)], T0 + D, T0 + 5 * H, closed=True),
    Prompt("closed, then reopened: cancelled",
           BEFORE + [close(T0 + 5 * H), reopen(T0 + 7 * H)], T0 + D, None),
    Prompt("rijk -> 5 is a scale-down", [grip("rijk", T0 - H), grip("5", T0 + H)], T0 + D,
           T0 + H),
]


@pytest.mark.parametrize("case", PROMPTS, ids=lambda c: c.name)
def test_scale_down(case: Prompt) -> None:
    found = scale_down(T0, case.crisis, case.now)
    assert (found.at if found else None) == case.due
    if found is not None:
        assert found.closed is case.closed
        assert ("gesloten" in found.text_nl) is case.closed


@dataclass
class Owed:
    name: str
    now: datetime
    state: MeasureState
    prompt: bool
    overdue: bool = True
    events: list = field(default_factory=issued)
    kind: MeasureKind = MeasureKind.NOODVERORDENING
    planned_end: datetime | None = None


DOWN = BEFORE + [grip("2", T0 + 4 * H)]
OWED = [
    Owed("in force after scale-down: prompt, overdue at once", T0 + 4 * H + S,
         MeasureState.IN_FORCE, True),
    Owed("at the moment itself: due, not yet overdue", T0 + 4 * H, MeasureState.IN_FORCE, True,
         overdue=False),
    Owed("withdrawn after the scale-down: settled", T0 + D, MeasureState.WITHDRAWN, False,
         events=issued() + [ev(E.WITHDRAWN, T0 + 5 * H)]),
    # Issue 15: a suspension stops the effect only; the ordinance is still there and must
    # still be withdrawn when the emergency is over (DOMAIN.md §2 rules 5 and 6).
    Owed("suspended: still to be withdrawn, prompt", T0 + D, MeasureState.SUSPENDED, True,
         events=issued() + [ev(E.SUSPENDED, T0 + 2 * H)]),
    Owed("noodbevel still running: prompt", T0 + D, MeasureState.IN_FORCE, True,
         kind=MeasureKind.NOODBEVEL),
    Owed("12-hour kind already expired: nothing", T0 + D, MeasureState.EXPIRED, False,
         kind=MeasureKind.RISICOGEBIED_174B),
    Owed("12-hour kind still running: prompt", T0 + 5 * H, MeasureState.IN_FORCE, True,
         kind=MeasureKind.RISICOGEBIED_174B),
    Owed("kept in force after the scale-down: settled", T0 + D, MeasureState.IN_FORCE, False,
         events=issued() + [ev(E.KEPT_IN_FORCE, T0 + 5 * H, note="onrust duurt voort")]),
    Owed("kept in force at the scale-down itself: settled", T0 + D, MeasureState.IN_FORCE,
         False, events=issued() + [ev(E.KEPT_IN_FORCE, T0 + 4 * H, note="blijft")]),
    Owed("a decision before the scale-down answers nothing", T0 + D, MeasureState.IN_FORCE,
         True, events=issued() + [ev(E.KEPT_IN_FORCE, T0 + 3 * H, note="vooraf")]),
    Owed("a decision recorded later is not known yet", T0 + 4 * H + S, MeasureState.IN_FORCE,
         True, events=issued() + [ev(E.KEPT_IN_FORCE, T0 + 6 * H, note="later")]),
]


@pytest.mark.parametrize("case", OWED, ids=lambda c: c.name)
def test_withdraw_prompt_obligation(case: Owed) -> None:
    m = measure(kind=case.kind, planned_end=case.planned_end)
    status = evaluate(m, case.events, [], [], case.now, crisis_events=DOWN)
    assert status.state is case.state
    prompts = [o for o in status.obligations if o.kind is K.WITHDRAW_PROMPT]
    assert bool(prompts) is case.prompt
    if prompts:
        assert prompts[0].due == T0 + 4 * H and prompts[0].overdue is case.overdue
        assert "GRIP 3 naar GRIP 2" in prompts[0].text_nl


def test_kept_in_force_holds_until_the_next_scale_down() -> None:
    events = issued() + [ev(E.KEPT_IN_FORCE, T0 + 5 * H, note="onrust duurt voort")]
    again = DOWN + [grip("1", T0 + 8 * H)]
    status = evaluate(measure(), events, [], [], T0 + D, crisis_events=again)
    prompts = [o for o in status.obligations if o.kind is K.WITHDRAW_PROMPT]
    assert [p.due for p in prompts] == [T0 + 8 * H]
    closed = evaluate(measure(), events, [], [], T0 + D, crisis_events=DOWN + [close(T0 + 9 * H)])
    assert [o.due for o in closed.obligations if o.kind is K.WITHDRAW_PROMPT] == [T0 + 9 * H]


def test_keeping_in_force_is_offered_only_while_the_prompt_is_open() -> None:
    m = measure(kind=MeasureKind.NOODBEVEL)
    closed = available_actions(m, issued(), [], [], T0 + D)[E.KEPT_IN_FORCE]
    assert not closed.applies and not closed.allowed and "geen vraag" in (closed.reason or "")
    open_ = available_actions(m, issued(), [], [], T0 + D, withdraw_prompt=True)
    assert open_[E.KEPT_IN_FORCE].applies and open_[E.KEPT_IN_FORCE].allowed
    gone = available_actions(m, issued() + [ev(E.WITHDRAWN, T0 + 5 * H)], [], [], T0 + D,
                             withdraw_prompt=True)[E.KEPT_IN_FORCE]
    assert not gone.allowed and "van kracht houden kan niet" in (gone.reason or "")


def test_without_crisis_events_no_prompt_and_issue_kinds_unchanged() -> None:
    status = evaluate(measure(), issued(), [], [], T0 + D)
    assert K.WITHDRAW_PROMPT not in {o.kind for o in status.obligations}
    assert [str(k) for k in ObligationKind] == [
        "notify_raad", "notify_cdk", "notify_ovj", "plan_council_meeting",
        "agenda_ratification", "ratification", "record_outcome", "appeal", "cdk_decision",
        "end", "account_to_raad", "withdraw_prompt", "answer_request"]


def test_prompt_is_a_reminder_that_fires_once_after_a_missed_wake() -> None:
    now = T0 + D
    status = evaluate(measure(kind=MeasureKind.NOODBEVEL), issued(), [], [], now,
                      crisis_events=BEFORE + [close(T0 + 6 * H)])
    first = plan(status.obligations, now, last_seen=T0 + 5 * H)  # app closed at the closure
    assert [r.obligation.kind for r in first.fire_now] == [K.WITHDRAW_PROMPT]
    assert first.fire_now[0].late and first.overdue[0].kind is K.WITHDRAW_PROMPT
    again = plan(status.obligations, now + H, last_seen=now)
    assert again.fire_now == () and again.overdue[0].kind is K.WITHDRAW_PROMPT


M1 = T0 + 5 * D
SENT = issued() + notified(T0 + H)
CAL = [meeting("c1", M1)]
NOT_RAT = [outcome("c1", 20, M1 + H)]


@dataclass
class Offer:
    name: str
    now: datetime
    allowed: set[str]
    events: list = field(default_factory=lambda: list(SENT))
    outcomes: list = field(default_factory=list)
    issuer: Issuer = Issuer.BURGEMEESTER
    kind: MeasureKind = MeasureKind.NOODVERORDENING
    hidden: set[str] = field(default_factory=set)


OFFERS = [
    Offer("in force, meeting ahead", T0 + D, {"published", "agenda_placed", "suspended",
                                              "withdrawn"}),
    Offer("agenda placed already", T0 + D, {"published", "suspended", "withdrawn"},
          events=SENT + [ev(E.AGENDA_PLACED, T0 + 2 * H, meeting_id="c1")]),
    Offer("not ratified: appeal", M1 + 2 * H, {"published", "appeal_lodged", "suspended",
                                               "withdrawn"}, outcomes=NOT_RAT),
    Offer("appeal pending: CdK decision", M1 + 3 * H,
          {"published", "cdk_decision", "suspended", "withdrawn"},
          events=SENT + [ev(E.APPEAL_LODGED, M1 + 2 * H)], outcomes=NOT_RAT),
    Offer("lapsed: nothing changes the state", M1 + 26 * H, {"published"}, outcomes=NOT_RAT),
    Offer("withdrawn before the meeting: account", T0 + 2 * D, {"published", "account_given"},
          events=SENT + [ev(E.WITHDRAWN, T0 + D)]),
    Offer("chair of the VR (Wvr art. 39): no ratification track", T0 + D,
          {"published", "withdrawn"}, issuer=Issuer.VOORZITTER_VR,
          hidden={"agenda_placed", "account_given", "appeal_lodged", "cdk_decision",
                  "suspended"}),
    Offer("noodbevel: publish and withdraw only", T0 + D, {"published", "withdrawn"},
          kind=MeasureKind.NOODBEVEL, hidden={"agenda_placed", "account_given",
                                             "appeal_lodged", "cdk_decision", "suspended"}),
]


@pytest.mark.parametrize("case", OFFERS, ids=lambda c: c.name)
def test_available_actions(case: Offer) -> None:
    m = measure(kind=case.kind, issuer=case.issuer)
    actions = available_actions(m, case.events, CAL, case.outcomes, case.now)
    assert {str(k) for k, a in actions.items() if a.allowed} == case.allowed
    # No crisis scaled down here: keeping in force (an answer to that) is not offered.
    assert {str(k) for k, a in actions.items() if not a.applies} == case.hidden | {
        "kept_in_force"}
    for check in actions.values():
        assert (check.reason is None) is check.allowed  # every refusal names its rule


def test_appeal_after_the_window_is_offered_for_a_backdated_record_only() -> None:
    actions = available_actions(measure(), SENT, CAL, NOT_RAT, M1 + 26 * H)
    appeal = actions[E.APPEAL_LODGED]
    assert not appeal.allowed and appeal.offered and appeal.until == M1 + 25 * H
    assert "24 uur" in (appeal.reason or "")
    rejected = [outcome("c1", 20, M1 + H, rejected=("m1",))]
    pending = SENT + [ev(E.APPEAL_LODGED, M1 + 2 * H), ev(E.CDK_DECISION, M1 + D, upheld=False)]
    after_cdk = available_actions(measure(), pending, CAL, rejected, M1 + 3 * D)
    assert not after_cdk[E.APPEAL_LODGED].offered  # lapsed by the CdK, not by the window
