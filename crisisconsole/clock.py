"""All "now" comes from here, so tests can move time instead of sleeping."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Protocol
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


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
    """Parse an ISO 8601 time; a time without an offset is read as Europe/Amsterdam local time."""
    try:
        parsed = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError as exc:
        raise ValueError(f"ongeldig tijdstip / invalid time: {text!r}") from exc
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=AMSTERDAM)
    return parsed.astimezone(UTC)


@lru_cache(maxsize=4096)
def format_utc(value: datetime) -> str:
    """The one stored text form: sortable, microseconds, 'Z'. Cached: one write formats the
    same moments many times (row, content hash, audit record)."""
    return as_utc(value).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


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
