"""Open obligations out as an iCalendar file (RFC 5545): one VEVENT with DISPLAY alarms per
deadline, because Outlook only keeps DISPLAY alarms (DOMAIN.md §5).

Ratification needs two warnings the griffie's way of working asks for (DOMAIN.md §2): at the
griffie's lead time before the meeting (to get it on the agenda) and on the morning of the
meeting. So "put ratification on the agenda" (due at the lead time) alarms when it is due and
on that morning, and "ratification at the meeting" alarms at the lead time, on the morning and
15 minutes before. Triggers are relative to the event's start (what Outlook reads best).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Protocol

from crisisconsole.clock import AMSTERDAM, as_utc, format_local
from crisisconsole.domain.ordinance_records import Obligation, ObligationKind

ALARM_BEFORE = timedelta(minutes=15)
MORNING = time(8, 0)  # "the morning of the meeting", Amsterdam time
PRODID = "-//crisisconsole//termijnen noodbevoegdheden//NL"


class ReminderLike(Protocol):
    uid: str
    summary: str
    description: str
    due: datetime
    alarms: tuple[timedelta, ...]


@dataclass(frozen=True)
class ReminderItem:
    uid: str
    summary: str
    description: str
    due: datetime
    # Alarm offsets from ``due`` (negative: before); the default is 15 minutes before.
    alarms: tuple[timedelta, ...] = (-ALARM_BEFORE,)


def morning_of(moment: datetime) -> datetime:
    """08:00 Amsterdam time on the (Amsterdam) day of ``moment``, in UTC."""
    day = as_utc(moment).astimezone(AMSTERDAM).date()
    return datetime.combine(day, MORNING, tzinfo=AMSTERDAM).astimezone(as_utc(moment).tzinfo)


def meeting_alarms(kind: ObligationKind, due: datetime,
                   agenda_lead: timedelta | None) -> tuple[timedelta, ...]:
    """The alarm offsets for an obligation due at ``due`` (see the module text)."""
    if agenda_lead is None or kind not in (ObligationKind.AGENDA_RATIFICATION,
                                           ObligationKind.RATIFICATION):
        return (-ALARM_BEFORE,)
    meeting = due + agenda_lead if kind is ObligationKind.AGENDA_RATIFICATION else due
    morning = morning_of(meeting)
    if kind is ObligationKind.AGENDA_RATIFICATION:
        offsets = [timedelta(0)]
    else:
        offsets = [-agenda_lead, -ALARM_BEFORE]
    if morning < meeting:
        offsets.append(morning - due)
    return tuple(sorted(set(offsets)))


def reminder_item(obligation: Obligation, measure_title: str,
                  agenda_lead: timedelta | None = None) -> ReminderItem | None:
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
        alarms=meeting_alarms(obligation.kind, as_utc(obligation.due), agenda_lead),
    )


def obligations_to_ics(items: Iterable[ReminderLike], now: datetime) -> bytes:
    """A VCALENDAR with one VEVENT and its DISPLAY alarms per item (Outlook keeps only DISPLAY).

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
        offsets = [timedelta(0)] if late else list(getattr(item, "alarms", (-ALARM_BEFORE,)))
        for offset in offsets:
            alarm = icalendar.Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", summary)
            alarm.add("trigger", offset)
            event.add_component(alarm)
        calendar.add_component(event)
    return calendar.to_ical()
