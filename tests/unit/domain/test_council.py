"""Council calendar values and the quorum rule (Gemeentewet art. 176 lid 4)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from crisisconsole.domain.council import (
    Meeting,
    MeetingOutcome,
    check_attendance,
    is_quorate,
    outcome_is_quorate,
    quorum_needed,
)
from crisisconsole.domain.violations import RuleViolation

START = datetime(2026, 12, 3, 19, 30, tzinfo=timezone(timedelta(hours=1)))


@pytest.mark.parametrize(
    ("attended", "seats", "quorate"),
    [(15, 29, True), (14, 29, False), (15, 30, False), (16, 30, True), (1, 1, True), (0, 1, False),
     (0, 9, False), (5, 9, True), (4, 9, False)],
)
def test_quorum_is_more_than_half(attended: int, seats: int, quorate: bool) -> None:
    assert is_quorate(attended, seats) is quorate
    assert (attended >= quorum_needed(seats)) is quorate


def test_quorum_needed_examples() -> None:
    assert quorum_needed(29) == 15 and quorum_needed(30) == 16 and quorum_needed(45) == 23


def test_meeting_start_normalised_to_utc() -> None:
    meeting = Meeting("c1", START, 29)
    assert meeting.start == datetime(2026, 12, 3, 18, 30, tzinfo=UTC)
    assert meeting.start.utcoffset() == timedelta(0) and meeting.title == ""


@pytest.mark.parametrize("seats", [0, -3, True, 2.5])
def test_meeting_needs_positive_seats(seats: object) -> None:
    with pytest.raises(RuleViolation, match="zittende leden"):
        Meeting("c1", START, seats)  # type: ignore[arg-type]


def test_meeting_refuses_naive_time() -> None:
    with pytest.raises(ValueError, match="tijdzone"):
        Meeting("c1", datetime(2026, 12, 3, 19, 30), 29)


@pytest.mark.parametrize(
    ("attended", "message"),
    [(30, "groter dan het aantal zittende leden 29"), (-1, "negatief"), (True, "geheel getal")],
)
def test_attendance_refused(attended: object, message: str) -> None:
    with pytest.raises(RuleViolation, match=message):
        check_attendance(Meeting("c1", START, 29), attended)  # type: ignore[arg-type]


@pytest.mark.parametrize("attended", [0, 15, 29])
def test_attendance_accepted(attended: int) -> None:
    check_attendance(Meeting("c1", START, 29), attended)


def test_outcome_values() -> None:
    outcome = MeetingOutcome("c1", 15, ["a", "a"], ("b",), START)  # type: ignore[arg-type]
    assert outcome.ratified == frozenset({"a"}) and outcome.rejected == frozenset({"b"})
    assert outcome.decided_at.tzinfo is UTC
    assert outcome_is_quorate(Meeting("c1", START, 29), outcome)
    assert not outcome_is_quorate(Meeting("c1", START, 30), outcome)
    hash(outcome)  # usable in sets: the outcome is a value
