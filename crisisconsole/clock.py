"""All "now" comes from here, so tests can move time instead of sleeping."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone
from functools import lru_cache
from typing import Protocol
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
# The one time rule: every moment the core accepts lies in [EARLIEST, LATEST). Anything else is
# a typo or hostile input, and a year before 1000 could not even be written back sortably.
EARLIEST = datetime(1900, 1, 1, tzinfo=UTC)
LATEST = datetime(2200, 1, 1, tzinfo=UTC)


class TimeOutOfRange(ValueError):
    """A moment outside 1900-01-01 .. 2200-01-01 (a ValueError, so every door that already
    turns a bad time into a clear refusal does the same for this one)."""


def check_range(value: datetime, what: str = "") -> datetime:
    """``value`` if it lies between 1900-01-01 and 2200-01-01 (UTC), else TimeOutOfRange.
    (``tr`` is imported only for a refusal: an import checks every time it reads.)"""
    if value.tzinfo is None:
        from crisisconsole.i18n import tr

        raise ValueError(tr("tijdstip zonder tijdzone", "time without a time zone"))
    if not (EARLIEST <= value < LATEST):
        from crisisconsole.i18n import tr

        label = f"{what}: " if what else ""
        raise TimeOutOfRange(tr(
            f"{label}tijdstip {value.year:04d}-{value.month:02d}-{value.day:02d} ligt buiten "
            "1900-01-01 … 2200-01-01",
            f"{label}time {value.year:04d}-{value.month:02d}-{value.day:02d} is outside "
            "1900-01-01 … 2200-01-01"))
    return value


class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, timezone-aware UTC."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class FakeClock:
    """A clock that only moves when told to."""

    def __init__(self, start: datetime | None = None) -> None:
        self._now = start or datetime(2026, 11, 29, 12, 0, tzinfo=UTC)
        if self._now.tzinfo is None:
            raise ValueError("FakeClock needs a timezone-aware start")

    def now(self) -> datetime:
        return self._now

    def set(self, when: datetime) -> None:
        self._now = when

    def advance(self, delta: timedelta | None = None, **kwargs: float) -> datetime:
        self._now = self._now + (delta or timedelta(**kwargs))
        return self._now


def as_utc(value: datetime) -> datetime:
    """Normalise an aware datetime to UTC; naive datetimes are refused (time is explicit)."""
    if value.tzinfo is None:
        from crisisconsole.i18n import tr

        raise ValueError(tr("tijdstip zonder tijdzone", "time without a time zone"))
    return value.astimezone(UTC)


def to_local(value: datetime) -> datetime:
    return as_utc(value).astimezone(AMSTERDAM)


def parse_iso(text: str) -> datetime:
    """Parse an ISO 8601 time; a time without an offset is read as Europe/Amsterdam local time.
    Times outside 1900–2200 are refused (``check_range``)."""
    try:
        parsed = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError as exc:
        from crisisconsole.i18n import tr

        raise ValueError(tr(f"ongeldig tijdstip: {text!r}", f"invalid time: {text!r}")) from exc
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=AMSTERDAM)
    try:
        return check_range(parsed.astimezone(UTC))
    except OverflowError:
        return check_range(parsed.replace(year=1 if parsed.year < 1900 else 9999))


@lru_cache(maxsize=4096)
def format_utc(value: datetime) -> str:
    """The one stored text form: sortable, microseconds, 'Z', always a four-digit year
    (strftime writes year 850 as '850'). Cached: one write formats the same moments many times
    (row, content hash, audit record)."""
    v = as_utc(value)
    return (f"{v.year:04d}-{v.month:02d}-{v.day:02d}T{v.hour:02d}:{v.minute:02d}:"
            f"{v.second:02d}.{v.microsecond:06d}Z")


class StoredTime(datetime):
    """A stored time whose text is not the canonical form: versions before the four-digit rule
    wrote year 850 as '850-03-01T…'. It is read as the moment it names and remembers that text
    (``stored``), so binding it back (keyset paging) and hashing it (the audit chain's content
    hashes were computed over that text) give the stored text, not a rewritten one. Values
    derived from it (arithmetic, ``astimezone``) are ordinary times: ``stored`` is only set on
    the instance ``parse_stored`` returns."""

    stored: str | None = None


# What strftime("%Y-%m-%dT%H:%M:%S.%fZ") wrote for a year below 1000 (glibc: no zero padding).
_LOOSE = re.compile(r"(\d{1,4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?"
                    r"(Z|[+-]\d{2}:?\d{2})?")


def parse_stored(text: str) -> datetime:
    """Read a time the store already holds, however old: no range check (a recorded fact stays
    readable, verifiable and exportable) and short years as older versions wrote them. A time
    outside the rule comes back as a ``StoredTime`` that keeps its text. Only for stored text;
    input from outside goes through ``parse_iso``."""
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return _parse_loose(text)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    if EARLIEST <= parsed < LATEST:
        return parsed
    return _kept(parsed, text)  # outside the rule: may be copied, never re-checked


def _kept(value: datetime, text: str) -> StoredTime:
    kept = StoredTime(value.year, value.month, value.day, value.hour, value.minute, value.second,
                      value.microsecond, tzinfo=value.tzinfo)
    kept.stored = text
    return kept


def _parse_loose(text: str) -> datetime:
    match = _LOOSE.fullmatch(text.strip())
    if match is None:
        from crisisconsole.i18n import tr

        raise ValueError(tr(f"ongeldig opgeslagen tijdstip: {text[:40]!r}",
                            f"invalid stored time: {text[:40]!r}"))
    year, month, day, hour, minute, second, fraction, zone = match.groups()
    if zone in (None, "Z"):
        tz = UTC
    else:
        sign = -1 if zone[0] == "-" else 1
        digits = zone[1:].replace(":", "")
        tz = timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))
    return _kept(datetime(int(year), int(month), int(day), int(hour), int(minute),
                          int(second or 0), int((fraction or "0").ljust(6, "0")), tzinfo=tz), text)


def format_time(value: datetime, pattern: str) -> str:
    """``value.strftime(pattern)`` with ``%Y`` always four digits (strftime writes the year 850
    as '850' on some platforms and '0850' on others)."""
    return value.strftime(pattern.replace("%Y", f"{value.year:04d}"))


def format_local(value: datetime, with_date: bool = True) -> str:
    try:
        local = to_local(value)
    except OverflowError:  # a stored year-9999 moment has no local time; show it in UTC
        return format_time(as_utc(value), "%d-%m-%Y %H:%M UTC" if with_date else "%H:%M UTC")
    return format_time(local, "%d-%m-%Y %H:%M" if with_date else "%H:%M")


def format_age(delta: timedelta) -> str:
    """Short age text in the UI language: '3 min', '2 u 5 min', '1 d 4 u' (English: '2 h 5 min',
    '1 d 4 h')."""
    from crisisconsole.i18n import tr

    seconds = int(delta.total_seconds())
    if seconds < 0:
        return tr("toekomst", "future")
    if seconds < 60:
        return "< 1 min"
    minutes = seconds // 60
    if minutes < 60:
        return f"{minutes} min"
    hour = tr("u", "h")
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        return f"{hours} {hour} {minutes} min" if minutes else f"{hours} {hour}"
    days, hours = divmod(hours, 24)
    return f"{days} d {hours} {hour}" if hours else f"{days} d"
