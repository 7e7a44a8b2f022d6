"""Reminder catch-up from the obligations, with a fake clock: nothing missed, nothing twice."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from ordinance_helpers import T0, issued, measure, meeting

from crisisconsole.clock import FakeClock
from crisisconsole.domain.ordinance_lifecycle import Obligation, ObligationKind, evaluate
from crisisconsole.domain.reminder_plan import ReminderReason, morning_of, plan

H = timedelta(hours=1)
K = ObligationKind


def ob(kind: ObligationKind, due: datetime | None, name: str = "m1") -> Obligation:
    return Obligation(kind, due, False, None, None, f"{kind} {name}", name)


def test_first_run_fires_everything_already_due() -> None:
    items = [ob(K.NOTIFY_RAAD, T0), ob(K.NOTIFY_CDK, T0 + 5 * H), ob(K.END, T0 + 2 * H)]
    result = plan(items, T0 + 3 * H, None)
    assert [r.obligation.kind for r in result.fire_now] == [K.NOTIFY_RAAD, K.END]
    assert all(r.late for r in result.fire_now)
    assert result.next_wake == T0 + 5 * H
    assert [r.obligation.kind for r in result.upcoming] == [K.NOTIFY_CDK]
    assert {o.kind for o in result.overdue} == {K.NOTIFY_RAAD, K.END}


def test_missed_while_closed_fires_at_start_up() -> None:
    items = [ob(K.NOTIFY_RAAD, T0 + H)]
    result = plan(items, T0 + 10 * H, last_seen=T0)  # app closed from T0 to T0+10h
    assert [r.obligation.kind for r in result.fire_now] == [K.NOTIFY_RAAD]
    assert result.fire_now[0].text_nl.startswith("Te laat: ")


def test_already_announced_is_not_fired_again_but_stays_overdue() -> None:
    items = [ob(K.NOTIFY_RAAD, T0 + H)]
    result = plan(items, T0 + 10 * H, last_seen=T0 + 2 * H)
    assert result.fire_now == ()
    assert [o.kind for o in result.overdue] == [K.NOTIFY_RAAD]


def test_due_exactly_now_fires_and_is_not_late() -> None:
    result = plan([ob(K.APPEAL, T0)], T0, last_seen=T0 - H)
    assert len(result.fire_now) == 1 and not result.fire_now[0].late
    assert result.overdue == () and result.next_wake is None


def test_undated_items_never_fire() -> None:
    result = plan([ob(K.PLAN_COUNCIL_MEETING, None)], T0, None)
    assert result.fire_now == () and result.next_wake is None
    assert [o.kind for o in result.undated] == [K.PLAN_COUNCIL_MEETING]


def test_same_obligation_twice_counts_once() -> None:
    item = ob(K.NOTIFY_OVJ, T0)
    assert len(plan([item, item], T0 + H, None).fire_now) == 1


def test_morning_of_the_meeting_in_winter_and_summer() -> None:
    winter = datetime(2026, 12, 3, 18, 30, tzinfo=UTC)  # 19:30 CET
    summer = datetime(2026, 6, 4, 17, 30, tzinfo=UTC)  # 19:30 CEST
    assert morning_of(winter) == datetime(2026, 12, 3, 7, 0, tzinfo=UTC)
    assert morning_of(summer) == datetime(2026, 6, 4, 6, 0, tzinfo=UTC)


def test_ratification_reminds_on_the_morning_then_at_the_start() -> None:
    start = datetime(2026, 12, 3, 18, 30, tzinfo=UTC)
    item = ob(K.RATIFICATION, start)
    before = plan([item], start - 20 * H, None)
    assert [(r.at, r.reason) for r in before.upcoming] == [
        (datetime(2026, 12, 3, 7, 0, tzinfo=UTC), ReminderReason.MORNING),
        (start, ReminderReason.DUE),
    ]
    morning = plan([item], datetime(2026, 12, 3, 9, 0, tzinfo=UTC), last_seen=start - 20 * H)
    assert [r.reason for r in morning.fire_now] == [ReminderReason.MORNING]
    assert morning.fire_now[0].text_nl.startswith("Vandaag raadsvergadering.")
    assert morning.next_wake == start
    # Asleep through both: one reminder, the latest, not two.
    asleep = plan([item], start + H, last_seen=start - 20 * H)
    assert [r.reason for r in asleep.fire_now] == [ReminderReason.DUE]


def test_no_morning_reminder_for_an_early_meeting_or_other_kinds() -> None:
    early = datetime(2026, 12, 3, 6, 30, tzinfo=UTC)  # 07:30 local, before 08:00
    assert len(plan([ob(K.RATIFICATION, early)], early - 20 * H, None).upcoming) == 1
    assert len(plan([ob(K.END, early + 10 * H)], early - 20 * H, None).upcoming) == 1


def test_wake_loop_with_sleep_fires_each_reminder_exactly_once() -> None:
    items = [ob(K.NOTIFY_RAAD, T0 + H), ob(K.NOTIFY_CDK, T0 + 2 * H),
             ob(K.END, T0 + 30 * H), ob(K.CDK_DECISION, T0 + 31 * H),
             ob(K.RATIFICATION, datetime(2026, 11, 4, 18, 30, tzinfo=UTC))]
    clock = FakeClock(T0)
    fired: list[tuple[str, datetime]] = []
    last_seen = None
    wakes = 0
    while True:
        result = plan(items, clock.now(), last_seen)
        fired += [(r.obligation.key, r.at) for r in result.fire_now]
        last_seen = clock.now()
        if result.next_wake is None:
            break
        wakes += 1
        if wakes == 2:
            clock.set(T0 + 40 * H)  # the laptop slept past several deadlines
        else:
            clock.set(result.next_wake)
    assert {key for key, _ in fired} == {o.key for o in items}  # none dropped
    assert len(fired) == len(set(fired))  # no moment twice
    # The ratification has two moments (08:00 and the start); both came while awake.
    assert len([key for key, _ in fired if "/ratification/" in key]) == 2


def test_plan_from_evaluated_obligations() -> None:
    status = evaluate(measure(), issued(), [meeting("c1", T0 + 5 * 24 * H)], [], T0 + 3 * H)
    result = plan(status.obligations, T0 + 3 * H, None)
    assert {r.obligation.kind for r in result.fire_now} == {K.NOTIFY_RAAD, K.NOTIFY_CDK, K.NOTIFY_OVJ}
    assert result.next_wake == T0 + 2 * 24 * H  # agenda: meeting minus three days
