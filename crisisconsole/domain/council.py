"""The council calendar: meetings and what the raad decided at them (DOMAIN.md §2 rule 3).

Whether a meeting counts for ratification depends only on the attendance list, so the quorum
rule lives beside the values it reads, and every outcome is validated before it is believed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from crisisconsole.clock import as_utc
from crisisconsole.domain.violations import RuleViolation
from crisisconsole.i18n import tr


@dataclass(frozen=True)
class Meeting:
    id: str
    start: datetime
    seats: int
    title: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "start", as_utc(self.start))
        check_seats(self.seats)


@dataclass(frozen=True)
class MeetingOutcome:
    meeting_id: str
    attended: int
    ratified: frozenset[str]
    rejected: frozenset[str]
    decided_at: datetime

    def __post_init__(self) -> None:
        # Callers pass lists from the CLI; a frozenset keeps the value hashable and order-free.
        object.__setattr__(self, "ratified", frozenset(self.ratified))
        object.__setattr__(self, "rejected", frozenset(self.rejected))
        object.__setattr__(self, "decided_at", as_utc(self.decided_at))


def check_seats(seats: int) -> None:
    if isinstance(seats, bool) or not isinstance(seats, int) or seats < 1:
        raise RuleViolation(tr(
            "het aantal zittende leden moet een positief geheel getal zijn",
            "the number of sitting members must be a positive integer"))


def check_attendance(meeting: Meeting, attended: int) -> None:
    """Attendance comes from the attendance list; a number the meeting cannot have is refused."""
    if isinstance(attended, bool) or not isinstance(attended, int):
        raise RuleViolation(tr("opkomst moet een geheel getal zijn", "attendance must be an integer"))
    if attended < 0:
        raise RuleViolation(tr("opkomst kan niet negatief zijn", "attendance cannot be negative"))
    if attended > meeting.seats:
        raise RuleViolation(tr(
            f"opkomst {attended} is groter dan het aantal zittende leden {meeting.seats}",
            f"attendance {attended} above the number of sitting members {meeting.seats}"))


def is_quorate(attended: int, seats: int) -> bool:
    """Gemeentewet art. 176 lid 3: attended by more than half of the sitting members
    ("zittende leden": the members in office on the day, not the seats; a vacancy does not
    count). ``seats`` holds that number for the meeting (the column keeps its old name)."""
    return 2 * attended > seats


def quorum_needed(seats: int) -> int:
    """The smallest attendance that is quorate (15 of 29, 16 of 30)."""
    return seats // 2 + 1


def outcome_is_quorate(meeting: Meeting, outcome: MeetingOutcome) -> bool:
    return is_quorate(outcome.attended, meeting.seats)
