"""Refusals: an event or outcome that makes no sense is stopped with one line naming the rule."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import pytest
from ordinance_helpers import T0, D, E, H, S, ev, issued, measure, meeting, notified, outcome

from crisisconsole.domain.council import Meeting, MeetingOutcome
from crisisconsole.domain.ordinance_lifecycle import (
    Issuer,
    Measure,
    MeasureEvent,
    MeasureKind,
    Party,
    RuleViolation,
    check_event,
    check_measure,
    check_outcome,
    measures_due_at,
)
from crisisconsole.errors import ValidationError

M1 = T0 + 5 * D
SENT = issued() + notified(T0 + H)
C1 = [meeting("c1", M1)]
REJECTED = [outcome("c1", 20, M1 + H, rejected=("m1",))]
RATIFIED = [outcome("c1", 20, M1 + H, ratified=("m1",))]
NOW = T0 + 30 * D


@dataclass
class EventCase:
    name: str
    new: MeasureEvent
    message: str | None  # None: accepted
    events: list[MeasureEvent] = field(default_factory=lambda: list(SENT))
    meetings: list[Meeting] = field(default_factory=lambda: list(C1))
    outcomes: list[MeetingOutcome] = field(default_factory=list)
    measure: Measure = field(default_factory=measure)
    now: datetime = NOW


EVENT_CASES = [
    EventCase("notify the same party twice", ev(E.NOTIFIED, T0 + 2 * H, party=Party.RAAD),
              "al op de hoogte"),
    EventCase("notify without a party", ev(E.NOTIFIED, T0 + 2 * H), "kies de partij"),
    EventCase("notify a party not yet told", ev(E.NOTIFIED, T0 + 2 * H, party=Party.OVJ), None,
              events=issued() + notified(T0 + H, (Party.RAAD,))),
    EventCase("backdated notice still counts as a duplicate",
              ev(E.NOTIFIED, T0 + 30 * 60 * S, party=Party.CDK), "al op de hoogte"),
    EventCase("withdrawal notice after the issue notice", ev(E.NOTIFIED, T0 + 2 * D, party=Party.RAAD),
              None, events=SENT + [ev(E.WITHDRAWN, T0 + D)]),
    EventCase("withdrawal notice twice", ev(E.NOTIFIED, T0 + 3 * D, party=Party.RAAD),
              "van de intrekking",
              events=SENT + [ev(E.WITHDRAWN, T0 + D), ev(E.NOTIFIED, T0 + 2 * D, party=Party.RAAD)]),
    EventCase("appeal a noodbevel", ev(E.APPEAL_LODGED, T0 + H), "alleen een noodverordening",
              events=issued(), measure=measure(MeasureKind.NOODBEVEL)),
    EventCase("appeal before the council decided", ev(E.APPEAL_LODGED, T0 + D), "niet besloten"),
    EventCase("appeal a ratified ordinance", ev(E.APPEAL_LODGED, M1 + 2 * H), "geen beroep",
              outcomes=RATIFIED),
    EventCase("appeal inside 24 h", ev(E.APPEAL_LODGED, M1 + 20 * H), None, outcomes=REJECTED),
    EventCase("appeal at exactly 24 h", ev(E.APPEAL_LODGED, M1 + 25 * H), None, outcomes=REJECTED),
    EventCase("appeal after 24 h", ev(E.APPEAL_LODGED, M1 + 25 * H + S),
              "beroepstermijn van 24 uur is verstreken", outcomes=REJECTED),
    EventCase("appeal typed in late but lodged in time", ev(E.APPEAL_LODGED, M1 + 2 * H), None,
              outcomes=REJECTED, now=M1 + 10 * D),
    EventCase("appeal twice", ev(E.APPEAL_LODGED, M1 + 3 * H), "al een beroep",
              events=SENT + [ev(E.APPEAL_LODGED, M1 + 2 * H)], outcomes=REJECTED),
    EventCase("appeal after the CdK rejected", ev(E.APPEAL_LODGED, M1 + 4 * H), "al afgewezen",
              events=SENT + [ev(E.APPEAL_LODGED, M1 + 2 * H),
                             ev(E.CDK_DECISION, M1 + 3 * H, upheld=False)],
              outcomes=REJECTED),
    EventCase("appeal under Wvr art. 39", ev(E.APPEAL_LODGED, M1 + 2 * H), "Wvr art. 39",
              outcomes=REJECTED, measure=measure(issuer=Issuer.VOORZITTER_VR)),
    EventCase("CdK decides without an appeal", ev(E.CDK_DECISION, M1 + 2 * H, upheld=True),
              "geen beroep", outcomes=REJECTED),
    EventCase("CdK decision without a verdict", ev(E.CDK_DECISION, M1 + 3 * H), "kies",
              events=SENT + [ev(E.APPEAL_LODGED, M1 + 2 * H)], outcomes=REJECTED),
    EventCase("CdK decides a pending appeal", ev(E.CDK_DECISION, M1 + 3 * D, upheld=True), None,
              events=SENT + [ev(E.APPEAL_LODGED, M1 + 2 * H)], outcomes=REJECTED),
    EventCase("suspend while not ratified", ev(E.SUSPENDED, T0 + D), None),
    EventCase("suspend after ratification", ev(E.SUSPENDED, M1 + D),
              "zolang de noodverordening niet is bekrachtigd", outcomes=RATIFIED),
    EventCase("suspend under Wvr art. 39", ev(E.SUSPENDED, T0 + D), "Wvr art. 39",
              measure=measure(issuer=Issuer.VOORZITTER_VR)),
    EventCase("suspend a noodbevel", ev(E.SUSPENDED, T0 + D), "alleen een noodverordening",
              events=issued(), measure=measure(MeasureKind.NOODBEVEL)),
    EventCase("suspend twice", ev(E.SUSPENDED, T0 + 2 * D), "al geschorst",
              events=SENT + [ev(E.SUSPENDED, T0 + D)]),
    EventCase("withdraw a suspended ordinance", ev(E.WITHDRAWN, T0 + 2 * D), None,
              events=SENT + [ev(E.SUSPENDED, T0 + D)]),
    EventCase("withdraw twice", ev(E.WITHDRAWN, T0 + 2 * D), "al ingetrokken",
              events=SENT + [ev(E.WITHDRAWN, T0 + D)]),
    EventCase("appeal after withdrawal", ev(E.APPEAL_LODGED, M1 + 2 * H), "al ingetrokken",
              events=SENT + [ev(E.WITHDRAWN, T0 + D)], outcomes=REJECTED),
    EventCase("withdraw a lapsed ordinance", ev(E.WITHDRAWN, M1 + 3 * D), "al vervallen",
              outcomes=REJECTED),
    EventCase("withdraw an expired 12-hour measure", ev(E.WITHDRAWN, T0 + 13 * H), "al verlopen",
              events=issued(), measure=measure(MeasureKind.OPHOUDING_176A)),
    EventCase("withdraw a noodbevel", ev(E.WITHDRAWN, T0 + H), None, events=issued(),
              measure=measure(MeasureKind.NOODBEVEL)),
    EventCase("optional note to the raad on a noodbevel",
              ev(E.NOTIFIED, T0 + H, party=Party.RAAD), None, events=issued(),
              measure=measure(MeasureKind.NOODBEVEL)),
    EventCase("issue twice", ev(E.ISSUED, T0), "al uitgevaardigd"),
    EventCase("issue at another time than the measure says", ev(E.ISSUED, T0 + H), "wijkt af",
              events=[]),
    EventCase("issue", ev(E.ISSUED, T0), None, events=[]),
    EventCase("event before the issue", ev(E.NOTIFIED, T0 - H, party=Party.RAAD),
              "nog niet uitgevaardigd"),
    EventCase("event on a draft", ev(E.WITHDRAWN, T0 + H), "nog niet uitgevaardigd", events=[]),
    EventCase("event in the future", ev(E.WITHDRAWN, NOW + H), "toekomst"),
    EventCase("state change before a later recorded one", ev(E.SUSPENDED, T0 + D),
              "latere gebeurtenis", events=SENT + [ev(E.WITHDRAWN, T0 + 2 * D)]),
    EventCase("account when nothing is owed", ev(E.ACCOUNT_GIVEN, T0 + D), "geen verantwoording"),
    EventCase("account after withdrawal before the meeting", ev(E.ACCOUNT_GIVEN, T0 + 2 * D), None,
              events=SENT + [ev(E.WITHDRAWN, T0 + D)]),
    EventCase("account twice", ev(E.ACCOUNT_GIVEN, T0 + 3 * D), "al vastgelegd",
              events=SENT + [ev(E.WITHDRAWN, T0 + D), ev(E.ACCOUNT_GIVEN, T0 + 2 * D)]),
    EventCase("agenda for the due meeting", ev(E.AGENDA_PLACED, T0 + D, meeting_id="c1"), None),
    EventCase("agenda without naming the meeting", ev(E.AGENDA_PLACED, T0 + D), None),
    EventCase("agenda for another meeting", ev(E.AGENDA_PLACED, T0 + D, meeting_id="c2"),
              "niet de eerstvolgende", meetings=C1 + [meeting("c2", M1 + 7 * D)]),
    EventCase("agenda with no meeting planned", ev(E.AGENDA_PLACED, T0 + D), "geen raadsvergadering",
              meetings=[]),
    EventCase("agenda twice", ev(E.AGENDA_PLACED, T0 + 2 * D), "al op de agenda",
              events=SENT + [ev(E.AGENDA_PLACED, T0 + D, meeting_id="c1")]),
    EventCase("agenda for a noodbevel", ev(E.AGENDA_PLACED, T0 + D), "alleen een noodverordening",
              events=issued(), measure=measure(MeasureKind.NOODBEVEL)),
    EventCase("agenda under Wvr art. 39", ev(E.AGENDA_PLACED, T0 + D), "Wvr art. 39",
              measure=measure(issuer=Issuer.VOORZITTER_VR)),
    EventCase("publication of the withdrawal", ev(E.PUBLISHED, T0 + 2 * D, document_ref="gmb-1"),
              None, events=SENT + [ev(E.WITHDRAWN, T0 + D)]),
    EventCase("late issue notice on a lapsed ordinance", ev(E.NOTIFIED, M1 + 3 * D, party=Party.OVJ),
              None, events=issued() + notified(T0 + H, (Party.RAAD, Party.CDK)), outcomes=REJECTED),
    EventCase("event without an actor", MeasureEvent(E.WITHDRAWN, T0 + D, " "), "actor"),
    EventCase("keep in force with a reason", ev(E.KEPT_IN_FORCE, T0 + D, note="onrust blijft"),
              None),
    EventCase("keep in force without a reason", ev(E.KEPT_IN_FORCE, T0 + D, note=" "),
              "waarom de maatregel van kracht blijft"),
    EventCase("keep in force after withdrawal", ev(E.KEPT_IN_FORCE, T0 + 2 * D, note="x"),
              "van kracht houden kan niet", events=SENT + [ev(E.WITHDRAWN, T0 + D)]),
    EventCase("keep in force once lapsed", ev(E.KEPT_IN_FORCE, M1 + 3 * D, note="x"),
              "van kracht houden kan niet", outcomes=REJECTED),
]


@pytest.mark.parametrize("case", EVENT_CASES, ids=[c.name for c in EVENT_CASES])
def test_check_event(case: EventCase) -> None:
    def run() -> None:
        check_event(case.measure, case.events, case.meetings, case.outcomes, case.new, case.now)

    if case.message is None:
        run()
        return
    with pytest.raises(RuleViolation) as info:
        run()
    text = str(info.value)
    assert case.message in text
    assert "\n" not in text and " / " not in text  # one line, one language


def test_rule_violation_is_a_value_error_and_a_validation_error() -> None:
    assert issubclass(RuleViolation, ValueError) and issubclass(RuleViolation, ValidationError)
    assert RuleViolation("x").exit_code == 2


OTHER = measure(MeasureKind.NOODBEVEL, measure_id="b1")
VR_NV = measure(issuer=Issuer.VOORZITTER_VR, measure_id="v1")
LATE = Measure("late", MeasureKind.NOODVERORDENING, Issuer.BURGEMEESTER, "na", M1 + H)
WITHDRAWN = measure(measure_id="w1")
ALL = [
    (measure(), SENT),
    (OTHER, issued()),
    (VR_NV, issued()),
    (LATE, [ev(E.ISSUED, M1 + H)]),
    (WITHDRAWN, issued() + [ev(E.WITHDRAWN, T0 + D)]),
]


@pytest.mark.parametrize(
    ("name", "new", "meetings", "outcomes", "message"),
    [
        ("15 of 29 ratifies", outcome("c1", 15, M1 + H, ratified=("m1",)), C1, [], None),
        ("not dealt with (names nothing)", outcome("c1", 20, M1 + H), C1, [], None),
        ("no quorum, nothing named", outcome("c1", 15, M1 + H), [meeting("c1", M1, 30)], [], None),
        ("15 of 30 cannot ratify", outcome("c1", 15, M1 + H, ratified=("m1",)),
         [meeting("c1", M1, 30)], [], "zonder quorum (minstens 16 van 30"),
        ("attendance above the seats", outcome("c1", 30, M1 + H), C1, [], "groter dan het aantal"),
        ("negative attendance", outcome("c1", -1, M1 + H), C1, [], "negatief"),
        ("unknown meeting", outcome("zz", 20, M1 + H), C1, [], "onbekende raadsvergadering"),
        ("outcome twice", outcome("c1", 20, M1 + 2 * H), C1, [outcome("c1", 20, M1 + H)],
         "al vastgelegd"),
        ("decided before the meeting began", outcome("c1", 20, M1 - H), C1, [], "vóór het begin"),
        ("decided in the future", outcome("c1", 20, NOW + D), C1, [], "toekomst"),
        ("ratified and rejected", outcome("c1", 20, M1 + H, ratified=("m1",), rejected=("m1",)),
         C1, [], "zowel"),
        ("ratify a noodbevel", outcome("c1", 20, M1 + H, ratified=("b1",)), C1, [],
         "alleen een noodverordening"),
        ("ratify under Wvr art. 39", outcome("c1", 20, M1 + H, ratified=("v1",)), C1, [],
         "Wvr art. 39"),
        ("ratify an unknown measure", outcome("c1", 20, M1 + H, ratified=("nope",)), C1, [],
         "onbekende maatregel"),
        ("ratify one issued after the meeting began", outcome("c1", 20, M1 + 2 * H, ratified=("late",)),
         C1, [], "niet de eerstvolgende"),
        ("ratify a withdrawn one", outcome("c1", 20, M1 + H, ratified=("w1",)), C1, [],
         "al ingetrokken"),
        ("ratify while an earlier meeting has no outcome",
         outcome("c2", 20, M1 + 8 * D, ratified=("m1",)), C1 + [meeting("c2", M1 + 7 * D)], [],
         "leg eerst de uitkomst vast"),
        ("ratify at the second meeting after a no-quorum first",
         outcome("c2", 20, M1 + 8 * D, ratified=("m1",)),
         [meeting("c1", M1, 30), meeting("c2", M1 + 7 * D, 30)], [outcome("c1", 15, M1 + H)], None),
        ("ratify at a later meeting after a quorate first",
         outcome("c2", 20, M1 + 8 * D, ratified=("m1",)), C1 + [meeting("c2", M1 + 7 * D)],
         [outcome("c1", 20, M1 + H)], "al vervallen"),
    ],
)
def test_check_outcome(name, new, meetings, outcomes, message) -> None:
    if message is None:
        check_outcome(new, meetings, outcomes, ALL, NOW)
        return
    with pytest.raises(RuleViolation) as info:
        check_outcome(new, meetings, outcomes, ALL, NOW)
    assert message in str(info.value) and "\n" not in str(info.value)


def test_measures_due_at_lists_what_the_meeting_must_ratify() -> None:
    meetings = C1 + [meeting("c2", M1 + 7 * D)]
    at = M1 + 2 * H
    assert measures_due_at("c1", ALL, meetings, [], at) == ["m1"]
    assert measures_due_at("c2", ALL, meetings, [], at) == ["late"]
    assert measures_due_at("c1", ALL, meetings, [outcome("c1", 20, M1 + H)], at) == ["m1"]


@pytest.mark.parametrize(
    ("candidate", "message"),
    [
        (measure(MeasureKind.RISICOGEBIED_174B, planned_end=T0 + 13 * H), "ten hoogste 12 uur"),
        (measure(MeasureKind.OPHOUDING_176A, planned_end=T0 + 12 * H), None),
        (measure(planned_end=T0 - H), "niet na de uitvaardiging"),
        (measure(MeasureKind.GEBIEDSVERBOD_172A, issuer=Issuer.VOORZITTER_VR), "Wvr art. 39"),
        (measure(MeasureKind.NOODBEVEL, issuer=Issuer.VOORZITTER_VR), None),
        (Measure("x", MeasureKind.NOODBEVEL, Issuer.BURGEMEESTER, "  ", T0), "titel"),
    ],
)
def test_check_measure(candidate: Measure, message: str | None) -> None:
    if message is None:
        check_measure(candidate)
        return
    with pytest.raises(RuleViolation, match=message):
        check_measure(candidate)
