"""A new request in one line, as the aide types it on the Uitvragen page:

    GGD: Hoeveel gewonden zijn er? voor 15:00
    Vergunningen: welke horeca heeft ontheffing binnen 30 min

The addressee before the first colon, the question after it, the deadline at the end ("voor
HH:MM" today, or tomorrow when that time has passed; "binnen N min|uur"; English "by HH:MM",
"within N min|h" too). Pure parsing; the service checks the rest."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from crisisconsole.errors import ValidationError
from crisisconsole.i18n import tr

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
_AT = re.compile(r"\s+(?:voor|om|by|before)\s+(\d{1,2})[:.](\d{2})\s*$", re.IGNORECASE)
_WITHIN = re.compile(r"\s+(?:binnen|within)\s+(\d{1,4})\s*(min|minuten|m|uur|u|h|hours?)\s*$",
                     re.IGNORECASE)


@dataclass(frozen=True)
class QuickRequest:
    to: str
    question: str
    due_at: datetime


def parse_quick_request(line: str, now: datetime) -> QuickRequest:
    text = " ".join((line or "").split())
    due: datetime | None = None
    match = _AT.search(text)
    if match:
        hour, minute = int(match.group(1)), int(match.group(2))
        if hour > 23 or minute > 59:
            raise ValidationError(tr(f"geen geldige tijd: {match.group(1)}:{match.group(2)}",
                                     f"not a valid time: {match.group(1)}:{match.group(2)}"))
        local = now.astimezone(AMSTERDAM)
        due_local = local.replace(hour=hour, minute=minute, second=0, microsecond=0)
        if due_local <= local:
            due_local = (due_local.replace(tzinfo=None) + timedelta(days=1)).replace(
                tzinfo=AMSTERDAM)
        due = due_local.astimezone(now.tzinfo)
    else:
        match = _WITHIN.search(text)
        if match:
            amount = int(match.group(1))
            hours = match.group(2).lower() in ("uur", "u", "h", "hour", "hours")
            due = now + (timedelta(hours=amount) if hours else timedelta(minutes=amount))
    if match is None or due is None:
        raise ValidationError(tr(
            "geef een termijn aan het eind: 'voor 15:00' of 'binnen 30 min'",
            "give a deadline at the end: 'by 15:00' or 'within 30 min'"))
    head = text[:match.start()]
    to, colon, question = head.partition(":")
    if not colon or not to.strip() or not question.strip():
        raise ValidationError(tr("schrijf 'aan wie: de vraag voor 15:00'",
                                 "write 'to whom: the question by 15:00'"))
    return QuickRequest(to.strip(), question.strip(), due)
