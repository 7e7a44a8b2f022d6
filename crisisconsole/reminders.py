"""Reminders: APScheduler (3.x, AsyncIOScheduler on the app's qasync loop) only wakes the app.

What a wake means is decided from the obligations and the stored ``last_seen``
(domain.reminder_plan), never from APScheduler's misfire handling: a laptop that slept through
a deadline, or an app that was closed, shows what fell due meanwhile at the next check, and a
reminder already shown is not shown again. ``ReminderDesk`` holds that decision and is tested
with a FakeClock without any loop; ``ReminderScheduler`` is the thin wiring on the loop, and the
one trigger of a check. The app owns one (ui/reminder_controller.py) and runs each check, which
writes when this user last saw reminders, on its worker, never on the GUI thread.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from crisisconsole.domain.reminder_plan import Reminder, ReminderPlan
from crisisconsole.i18n import tr
from crisisconsole.services.measures import reminders as measures_reminders
from crisisconsole.services.network.request_queries import request_obligations
from crisisconsole.store.engine import Store

log = logging.getLogger("crisisconsole.reminders")

JOB_ID = "crisisconsole-reminder-wake"
# A wake that fires late still runs (coalesced into one): the plan decides what to show.
MISFIRE_GRACE_SECONDS = 7 * 24 * 3600


@dataclass(frozen=True)
class Wake:
    """The outcome of one check: what to surface now, what is overdue, when to wake next."""

    fire_now: tuple[Reminder, ...]
    plan: ReminderPlan
    at: datetime

    @property
    def next_wake(self) -> datetime | None:
        return self.plan.next_wake


class ReminderDesk:
    """Decides, at each check, which reminders to surface; persists last_seen after each."""

    def __init__(self, store: Store, actor_id: str, crisis_id: str | None = None) -> None:
        self.store = store
        self.actor_id = actor_id
        self.crisis_id = crisis_id  # None: reminders of every crisis (nothing may be missed)

    def _plan(self, now: datetime) -> ReminderPlan:
        """The measures' obligations and the information requests' deadlines, one plan."""
        requests = request_obligations(self.store, self.crisis_id, now)
        return measures_reminders.reminder_plan(self.store, self.actor_id, self.crisis_id, now,
                                                requests)

    def check(self) -> Wake:
        now = self.store.clock.now()
        plan = self._plan(now)
        measures_reminders.mark_seen(self.store, self.actor_id, now)
        return Wake(plan.fire_now, plan, now)

    def preview(self) -> ReminderPlan:
        """The plan now, without marking anything as seen (for a refresh of the banner)."""
        return self._plan(self.store.clock.now())


Runner = Callable[[Callable[[], Wake], Callable[[Wake], None]], None]


def run_here(check: Callable[[], Wake], done: Callable[[Wake], None]) -> None:
    done(check())


class ReminderScheduler:
    """One date job at the next wake; on wake: check, surface, schedule the next one.

    ``run(check, done)`` runs a check: here and now by default; the app hands its worker, so
    the check's write happens off the GUI thread and ``done`` follows on it."""

    def __init__(self, desk: ReminderDesk, on_wake: Callable[[Wake], None],
                 run: Runner = run_here) -> None:
        self.desk = desk
        self.on_wake = on_wake
        self.run = run
        self.scheduler: Any = None

    @property
    def running(self) -> bool:
        return self.scheduler is not None

    def start(self, loop: asyncio.AbstractEventLoop | None = None) -> Wake | None:
        """Check at once (catch-up at start-up), then start APScheduler on ``loop`` or the
        running loop; without a loop (tests, scripts) only the check happens. The wake is
        returned when the check ran here."""
        if loop is None:
            try:
                loop = asyncio.get_running_loop()
            except RuntimeError:
                loop = None
        if loop is not None and self.scheduler is None:
            from apscheduler.schedulers.asyncio import AsyncIOScheduler

            self.scheduler = AsyncIOScheduler(
                event_loop=loop, timezone=UTC,
                job_defaults={"misfire_grace_time": MISFIRE_GRACE_SECONDS, "coalesce": True,
                              "max_instances": 1},
            )
            self.scheduler.start()
        return self.check_now()

    def check_now(self) -> Wake | None:
        woke: list[Wake] = []
        self.run(self.desk.check, lambda wake: woke.append(self._woke(wake)))
        return woke[0] if woke else None

    def _woke(self, wake: Wake) -> Wake:
        self._schedule(wake.next_wake)
        self.on_wake(wake)
        return wake

    def _fire(self) -> None:
        try:
            self.check_now()
        except Exception:  # a failed check must not kill the scheduler; the next tick retries
            log.exception(tr("herinneringen controleren mislukt", "reminder check failed"))

    def _schedule(self, when: datetime | None) -> None:
        if self.scheduler is None:
            return
        if when is None:
            if self.scheduler.get_job(JOB_ID) is not None:
                self.scheduler.remove_job(JOB_ID)
            return
        self.scheduler.add_job(self._fire, "date", run_date=when, id=JOB_ID,
                               replace_existing=True)

    def next_run(self) -> datetime | None:
        job = self.scheduler.get_job(JOB_ID) if self.scheduler is not None else None
        return job.next_run_time if job is not None else None

    def stop(self) -> None:
        if self.scheduler is not None:
            self.scheduler.shutdown(wait=False)
            self.scheduler = None
