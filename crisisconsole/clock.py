"""All "now" comes from here, so tests can move time instead of sleeping."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
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
    """``value`` if it lies between 1900-01-01 and 2200-01-01 (UTC), else TimeOutOfRange."""
    from crisisconsole.i18n import tr

    if value.tzinfo is None:
        raise ValueError(tr("tijdstip zonder tijdzone", "time without a time zone"))
    if not (EARLIEST <= value < LATEST):
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
        raise ValueError("tijdstip zonder tijdzone / time without a time zone")
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


def format_local(value: datetime, with_date: bool = True) -> str:
    local = to_local(value)
    return local.strftime("%d-%m-%Y %H:%M" if with_date else "%H:%M")


def format_age(delta: timedelta) -> str:
    """Short Dutch age text: '3 min', '2 u 5 min', '1 d 4 u'."""
    seconds = int(delta.total_seconds())
    if seconds < 0:
        return "toekomst"
    if seconds < 60:
        return "< 1 min"
    minutes = seconds // 60
    if minutes < 60:
        return f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        return f"{hours} u {minutes} min" if minutes else f"{hours} u"
    days, hours = divmod(hours, 24)
    return f"{days} d {hours} u" if hours else f"{days} d"
