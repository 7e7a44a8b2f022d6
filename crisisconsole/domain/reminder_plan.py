"""Which reminders to show now and when to wake next, decided from the obligations alone.

The scheduler only wakes the app; what a wake means is computed here. A laptop that slept
through a deadline or an app that was closed must still show what fell due meanwhile, and
APScheduler's misfire handling would silently drop or coalesce those. So the plan is derived
from the obligations and the last moment the user saw reminders, never from scheduler state.

Usage: at start-up call ``plan(obligations, now, last_seen)`` with the persisted ``last_seen``
(None on a first run: then everything already due fires), show ``fire_now``, persist ``now`` as
the new ``last_seen`` and schedule one wake-up at ``next_wake``. ``overdue`` is the full list
for the banner and the overdue count, whatever was announced before.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, time
from enum import StrEnum

from crisisconsole.clock import AMSTERDAM, as_utc
from crisisconsole.domain.ordinance_records import Obligation, ObligationKind
from crisisconsole.i18n import tr

MORNING = time(8, 0)  # "on the morning of the meeting" (DOMAIN.md §2), Europe/Amsterdam


class ReminderReason(StrEnum):
    DUE = "due"
    MORNING = "morning"  # the day of the council meeting, 08:00 local


@dataclass(frozen=True)
class Reminder:
    obligation: Obligation
    at: datetime
    reason: ReminderReason
    late: bool  # the obligation's due time had passed at the moment of planning

    @property
    def text_nl(self) -> str:
        prefix = "Te laat: " if self.late else ""
        if self.reason is ReminderReason.MORNING:
            prefix += "Vandaag raadsvergadering. "
        return prefix + self.obligation.text_nl

    @property
    def text(self) -> str:
        """In the UI language."""
        prefix = tr("Te laat: ", "Overdue: ") if self.late else ""
        if self.reason is ReminderReason.MORNING:
            prefix += tr("Vandaag raadsvergadering. ", "Council meeting today. ")
        return prefix + self.obligation.text


@dataclass(frozen=True)
class ReminderPlan:
    fire_now: tuple[Reminder, ...]  # fell due since last_seen (or ever, on a first run)
    next_wake: datetime | None
    upcoming: tuple[Reminder, ...]  # every future reminder moment, soonest first
    overdue: tuple[Obligation, ...]  # all obligations past due, announced before or not
    undated: tuple[Obligation, ...]  # open items without a due time (never fire by clock)


def morning_of(moment: datetime) -> datetime:
    """08:00 Europe/Amsterdam on the local day of ``moment``, as UTC (DST-correct)."""
    local_day = as_utc(moment).astimezone(AMSTERDAM).date()
    return datetime.combine(local_day, MORNING, tzinfo=AMSTERDAM).astimezone(UTC)


def reminder_moments(obligation: Obligation) -> list[tuple[datetime, ReminderReason]]:
    """The due time, plus 08:00 on the meeting day for a ratification due later that day."""
    if obligation.due is None:
        return []
    due = as_utc(obligation.due)
    moments = [(due, ReminderReason.DUE)]
    if obligation.kind is ObligationKind.RATIFICATION:
        morning = morning_of(due)
        if morning < due:
            moments.append((morning, ReminderReason.MORNING))
    return sorted(moments, key=lambda m: m[0])


def plan(
    obligations: Iterable[Obligation], now: datetime, last_seen: datetime | None
) -> ReminderPlan:
    now = as_utc(now)
    seen = as_utc(last_seen) if last_seen is not None else None
    fire: list[Reminder] = []
    upcoming: list[Reminder] = []
    overdue: list[Obligation] = []
    undated: list[Obligation] = []
    keys: set[str] = set()
    for obligation in obligations:
        if obligation.key in keys:
            continue  # the same item listed twice (e.g. two evaluations merged)
        keys.add(obligation.key)
        if obligation.due is None:
            undated.append(obligation)
            continue
        late = now > as_utc(obligation.due)
        if late:
            overdue.append(obligation)
        latest_past: Reminder | None = None
        for at, reason in reminder_moments(obligation):
            reminder = Reminder(obligation, at, reason, late)
            if at > now:
                upcoming.append(reminder)
            elif seen is None or at > seen:
                latest_past = reminder  # moments are sorted: keep the latest one only
        if latest_past is not None:
            fire.append(latest_past)
    fire.sort(key=lambda r: (r.at, r.obligation.key))
    upcoming.sort(key=lambda r: (r.at, r.obligation.key))
    overdue.sort(key=lambda o: (o.due or now, o.key))
    return ReminderPlan(
        fire_now=tuple(fire),
        next_wake=upcoming[0].at if upcoming else None,
        upcoming=tuple(upcoming),
        overdue=tuple(overdue),
        undated=tuple(undated),
    )
