"""domain.council_sync: what a newer file of the griffie's calendar changes."""

from datetime import UTC, datetime, timedelta

from crisisconsole.domain.council_sync import (
    IncomingMeeting,
    StoredMeeting,
    plan_sync,
    series_of,
)

T0 = datetime(2036, 12, 4, 18, 30, tzinfo=UTC)


def _member(series: str, start: datetime) -> str:
    return f"{series}/{start.strftime('%Y%m%dT%H%M%SZ')}"


def _series(n: int, shift: timedelta = timedelta(0), outcome: int | None = None):
    starts = [T0 + timedelta(weeks=i) + shift for i in range(n)]
    stored = [StoredMeeting(f"m{i}", _member("s", s), s, i == outcome)
              for i, s in enumerate(starts)]
    incoming = [IncomingMeeting(_member("s", s), s, "Raad", series="s") for s in starts]
    return stored, incoming


def test_series_of_member_uids():
    assert series_of("abc/def@x/20361204T183000Z") == "abc/def@x"
    assert series_of("plain@x") == "plain@x"


def test_unchanged_file_changes_nothing():
    stored, incoming = _series(4)
    plan = plan_sync(stored, incoming)
    assert plan.unchanged == 4 and not (plan.added or plan.moved or plan.removed)


def test_shifted_series_is_moved_in_order_and_shortened_one_removed():
    stored, _ = _series(10)
    _, shifted = _series(10, timedelta(hours=1))
    plan = plan_sync(stored, shifted)
    assert [(o.id, n.start - o.start) for o, n in plan.moved] == [
        (f"m{i}", timedelta(hours=1)) for i in range(10)]
    _, short = _series(5)
    plan = plan_sync(stored, short)
    assert plan.unchanged == 5 and [m.id for m in plan.removed] == [f"m{i}" for i in range(5, 10)]


def test_cancelled_and_outcome_conflicts():
    stored, incoming = _series(3, outcome=1)
    cancelled = [IncomingMeeting(m.uid, m.start, m.title, True, "s") for m in incoming]
    plan = plan_sync(stored, cancelled)
    assert [m.id for m in plan.cancelled] == ["m0", "m2"]
    assert [(c.meeting_id, c.change) for c in plan.conflicts] == [("m1", "cancelled")]
    plan = plan_sync(stored, [])
    assert [m.id for m in plan.removed] == ["m0", "m2"]
    assert [(c.meeting_id, c.change) for c in plan.conflicts] == [("m1", "removed")]


def test_new_events_are_added():
    plan = plan_sync([], [IncomingMeeting("a", T0, "Raad"),
                          IncomingMeeting("b", T0, "Raad", cancelled=True)])
    assert [m.uid for m in plan.added] == ["a"]
