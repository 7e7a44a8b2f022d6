"""Reminder bookkeeping: which reminders to show now, and when this user last saw them.

The plan itself is pure (domain.reminder_plan); this module feeds it the open obligations and
the stored ``last_seen``, so reminders missed while the app was closed or the laptop slept are
shown at start-up, and the same reminder is not shown twice.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from pathlib import Path

from crisisconsole import safe_files
from crisisconsole.clock import format_utc, parse_stored
from crisisconsole.domain.ordinance_records import Obligation
from crisisconsole.domain.reminder_plan import ReminderPlan, plan
from crisisconsole.interchange.ical_reminders import obligations_to_ics, reminder_item
from crisisconsole.services.foundation.changes import one_act
from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.services.foundation.settings_facts import (
    AGENDA_LEAD_HOURS,
    NOTIFY_HOURS,
    set_values,
)
from crisisconsole.services.measures.facts import get_state, load_settings, put_state
from crisisconsole.services.measures.views import open_obligations
from crisisconsole.store.engine import Store


def _seen_key(actor_id: str) -> str:
    return f"reminders_seen:{actor_id}"


def last_seen(store: Store, actor_id: str) -> datetime | None:
    with store.read() as conn:
        value = get_state(conn, _seen_key(actor_id))
    return parse_stored(value) if value else None


def mark_seen(store: Store, actor_id: str, when: datetime) -> None:
    """Not a fact (no audit record): only where this user is in the stream of reminders. A
    read-only medium keeps no such place (reminders then show again at every start)."""
    if store.read_only:
        return
    with store.write(actor_id) as tx:
        put_state(tx.conn, _seen_key(actor_id), format_utc(when), tx.now)


def reminder_plan(store: Store, actor_id: str, crisis_id: str | None = None,
                  now: datetime | None = None,
                  others: Iterable[Obligation] = ()) -> ReminderPlan:
    """The plan at ``now`` against the stored last_seen (None on a first run: all due fires).
    ``others``: deadlines of other aggregates that remind through the same desk (requests)."""
    now = now or store.clock.now()
    items = [i.obligation for i in open_obligations(store, crisis_id, now)]
    return plan([*items, *others], now, last_seen(store, actor_id))


@one_act
def set_terms(ctx: ServiceContext, *, notify_hours: float | None = None,
              agenda_lead_hours: float | None = None) -> dict[str, float]:
    """The configurable terms (the law gives no number): notification delay, agenda lead.

    Both for every crisis in this database; audited setting facts that only an aide may
    change (services.settings_facts)."""
    values = {setting: given for setting, given in ((NOTIFY_HOURS, notify_hours),
                                                    (AGENDA_LEAD_HOURS, agenda_lead_hours))
              if given is not None}
    if values:
        set_values(ctx, values, action="measure.terms")
    return terms(ctx.store)


def terms(store: Store) -> dict[str, float]:
    with store.read() as conn:
        settings = load_settings(conn)
    lead_hours = settings.agenda_lead / timedelta(hours=1)
    return {"notify_hours": float(settings.notify_hours), "agenda_lead_hours": lead_hours,
            "agenda_lead_days": lead_hours / 24}


def export_ics(store: Store, crisis_id: str | None = None, now: datetime | None = None) -> bytes:
    """Open obligations with a due time as VEVENTs with DISPLAY alarms (for Outlook); the
    ratification ones at the griffie's lead time and on the morning of the meeting."""
    now = now or store.clock.now()
    with store.read() as conn:
        lead = load_settings(conn).agenda_lead
    items = []
    for item in open_obligations(store, crisis_id, now):
        exported = reminder_item(item.obligation, item.title, lead)
        if exported is not None:
            items.append(exported)
    return obligations_to_ics(items, now)


def write_ics(store: Store, crisis_id: str | None, out: Path) -> Path:
    """``export_ics`` into a file, through the one safe writer (complete or not at all)."""
    return safe_files.write_bytes(Path(out).expanduser(), export_ics(store, crisis_id))
