"""A time of day as the aide types it in the quick-entry bar ("14:05", "9.30"): today, local
time, unless that lies ahead by more than a few minutes; then it was yesterday (a report of
23:50 typed at 00:10). The rule is the log's, not the widget's, so every door reads a typed
time alike."""

from __future__ import annotations

from datetime import datetime, timedelta

from crisisconsole.clock import AMSTERDAM, to_local
from crisisconsole.domain.log_rules import EntryInvalid
from crisisconsole.i18n import tr

AHEAD_GRACE = timedelta(minutes=5)  # a clock a little fast still means today


def typed_clock_time(typed: str | None, now: datetime) -> datetime | None:
    """The moment ``typed`` (hh:mm, or hh.mm) means at ``now``; None when nothing was typed."""
    text = (typed or "").strip()
    if not text:
        return None
    try:
        hours, minutes = (int(part) for part in text.replace(".", ":").split(":"))
        local = to_local(now).replace(hour=hours, minute=minutes, second=0, microsecond=0,
                                      tzinfo=AMSTERDAM)
    except ValueError:
        raise EntryInvalid(tr("Tijdstip: gebruik uu:mm", "Time: use hh:mm"), "occurred_at") from None
    if local > to_local(now) + AHEAD_GRACE:
        local -= timedelta(days=1)
    return local
