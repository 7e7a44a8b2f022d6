"""Open obligations out as an iCalendar file (RFC 5545): one VEVENT with a DISPLAY alarm per
deadline, because Outlook only keeps DISPLAY alarms (DOMAIN.md §5)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from crisisconsole.clock import as_utc, format_local
from crisisconsole.domain.ordinance_records import Obligation

ALARM_BEFORE = timedelta(minutes=15)
PRODID = "-//crisisconsole//termijnen noodbevoegdheden//NL"


class ReminderLike(Protocol):
    uid: str
    summary: str
    description: str
    due: datetime


@dataclass(frozen=True)
class ReminderItem:
    uid: str
    summary: str
    description: str
    due: datetime


def reminder_item(obligation: Obligation, measure_title: str) -> ReminderItem | None:
    """One exportable reminder; None for an item without a due time (nothing to alarm on).

    The UID is derived from the obligation's key, so a second export updates the same
    appointment in Outlook instead of adding a copy.
    """
    if obligation.due is None:
        return None
    digest = hashlib.sha256(obligation.key.encode("utf-8")).hexdigest()[:32]
    return ReminderItem(
        uid=f"{digest}@crisisconsole",
        summary=f"{obligation.text_nl} – {measure_title}"[:250],
        description=f"{obligation.text_nl}\nMaatregel: {measure_title}\n"
        f"Uiterlijk: {format_local(obligation.due)}",
        due=as_utc(obligation.due),
    )


def obligations_to_ics(items: Iterable[ReminderLike], now: datetime) -> bytes:
    """A VCALENDAR with one VEVENT and one DISPLAY alarm per item (Outlook keeps only DISPLAY).

    An item already past due is placed at ``now`` with "TE LAAT" in front, because Outlook
    does not raise an alarm for an appointment in the past.
    """
    import icalendar  # deferred: keeps the start of the app fast

    now = as_utc(now).replace(microsecond=0)
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", "Crisisconsole – termijnen")
    for item in items:
        due = as_utc(item.due).replace(microsecond=0)
        late = due <= now
        start = now if late else due
        summary = ("TE LAAT: " if late else "") + item.summary
        event = icalendar.Event()
        event.add("uid", item.uid)
        event.add("dtstamp", now)
        event.add("dtstart", start)
        event.add("dtend", start + timedelta(minutes=15))
        event.add("summary", summary)
        event.add("description", item.description)
        event.add("transp", "TRANSPARENT")
        alarm = icalendar.Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", summary)
        alarm.add("trigger", timedelta(0) if late else -ALARM_BEFORE)
        event.add_component(alarm)
        calendar.add_component(event)
    return calendar.to_ical()
