"""Small builders shared by the ordinance tests (imported by module name: no package needed)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from crisisconsole.domain.council import Meeting, MeetingOutcome
from crisisconsole.domain.ordinance_lifecycle import (
    Issuer,
    Measure,
    MeasureEvent,
    MeasureEventKind,
    MeasureKind,
    Party,
)

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)  # Monday 10:00 in Amsterdam
H = timedelta(hours=1)
D = timedelta(days=1)
S = timedelta(seconds=1)
E = MeasureEventKind


def measure(
    kind: MeasureKind = MeasureKind.NOODVERORDENING,
    issuer: Issuer = Issuer.BURGEMEESTER,
    planned_end: datetime | None = None,
    measure_id: str = "m1",
) -> Measure:
    return Measure(measure_id, kind, issuer, "Noodverordening centrum", T0, planned_end)


def ev(kind: MeasureEventKind, at: datetime, **kwargs: object) -> MeasureEvent:
    return MeasureEvent(kind, at, "aide", **kwargs)  # type: ignore[arg-type]


def issued() -> list[MeasureEvent]:
    return [ev(E.ISSUED, T0)]


def notified(at: datetime, parties: tuple[Party, ...] = tuple(Party)) -> list[MeasureEvent]:
    return [ev(E.NOTIFIED, at, party=p) for p in parties]


def meeting(meeting_id: str, start: datetime, seats: int = 29) -> Meeting:
    return Meeting(meeting_id, start, seats, f"Raad {meeting_id}")


def outcome(
    meeting_id: str,
    attended: int,
    at: datetime,
    ratified: tuple[str, ...] = (),
    rejected: tuple[str, ...] = (),
) -> MeetingOutcome:
    return MeetingOutcome(meeting_id, attended, frozenset(ratified), frozenset(rejected), at)
