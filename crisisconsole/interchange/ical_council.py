"""Council meetings in from an iCalendar file (RFC 5545); reminders out are in ical_reminders.

Import is untrusted input from a griffie's export or an e-mail: it is size-limited, parsed by the
icalendar library, and taken all or nothing. A file we cannot read with certainty is refused
with a one-line Dutch reason, because a wrongly read meeting date decides when an ordinance
lapses.

Recurring meetings (RRULE): a "simple" rule is expanded (DAILY/WEEKLY/MONTHLY/YEARLY with only
INTERVAL, COUNT, UNTIL, WKST and either BYDAY or BYMONTHDAY 1-28, as griffies use for "every
second Thursday"), for at most two years and 200 meetings per series, with EXDATE, RDATE
(dates, not periods) and moved or cancelled instances (RECURRENCE-ID) applied. Any other rule
keeps only its DTSTART: expanding exotic rules costs unbounded time, and a missing meeting is
the safe error (the tracker then says no meeting is planned), a phantom one is not.
Cancelled events (STATUS:CANCELLED) are not meetings: ``parse_council_ics`` skips them, and
``read_council_calendar`` keeps them, marked, so a sync can cancel a meeting it had. Each series
member's UID is the series UID with "/<original start>" appended, and remembers its series, so a
sync can tell a moved or shortened series from new meetings.
"""

from __future__ import annotations

import hashlib
import re
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any

from dateutil import rrule as du

from crisisconsole.clock import AMSTERDAM, check_range, format_time
from crisisconsole.errors import ValidationError
from crisisconsole.i18n import tr

MAX_BYTES = 2 * 1024 * 1024
MAX_MEETINGS = 2000
MAX_DEPTH = 6
MAX_OCCURRENCES = 200
# Counted in the text before parsing: a small file may hold thousands of series, and parsing
# and expanding them costs time and memory long before the meeting count could refuse them.
MAX_EVENTS = MAX_MEETINGS
MAX_SERIES = 200
HORIZON = timedelta(days=731)
_YEARS = (1970, 2200)  # before 1970 is implausible for a council meeting


class IcsRefused(ValidationError, ValueError):
    """The file is not imported at all; the message says why, in one line."""


@dataclass(frozen=True)
class MeetingDraft:
    uid: str  # stable across re-imports: the event UID, "/<start>" appended for a series member
    start: datetime  # aware UTC
    title: str
    all_day: bool = False  # a DATE value: start is 00:00 Europe/Amsterdam that day
    cancelled: bool = False  # STATUS:CANCELLED (only from read_council_calendar)
    series: str | None = None  # the UID of the series this is a member of


@dataclass(frozen=True)
class CouncilCalendar:
    """A whole file: its calendar's name (X-WR-RELCALID or X-WR-CALNAME, "" when it names
    none) and every event in it, cancelled ones included."""

    name: str
    drafts: tuple[MeetingDraft, ...]

    @property
    def meetings(self) -> list[MeetingDraft]:
        return [d for d in self.drafts if not d.cancelled]


def parse_council_ics(data: bytes, *, max_bytes: int = MAX_BYTES) -> list[MeetingDraft]:
    """All meetings in ``data``, sorted by start, or IcsRefused; never a partial list."""
    meetings = read_council_calendar(data, max_bytes=max_bytes).meetings
    if not meetings:
        raise IcsRefused(tr("geen vergaderingen (VEVENT) in het bestand", "no meetings in the file"))
    return meetings


def read_council_calendar(data: bytes, *, max_bytes: int = MAX_BYTES) -> CouncilCalendar:
    """The file's calendar, cancelled events marked, or IcsRefused; never a partial one."""
    text = _precheck(data, max_bytes)
    # icalendar warns about guessed time zones and parses some values lazily, on first access:
    # both must behave the same in tests (warnings are errors there) and in the field.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            calendars = _parse(text)
            return CouncilCalendar(_calendar_name(calendars), tuple(_meetings(calendars)))
        except IcsRefused:
            raise
        # Third-party code reading hostile input: any other failure of it is a refusal too.
        except Exception as exc:
            raise IcsRefused(
                tr(f'bestand is niet betrouwbaar te lezen ({type(exc).__name__})', "unreadable")
            ) from exc


def _calendar_name(calendars: list[Any]) -> str:
    for prop in ("X-WR-RELCALID", "X-WR-CALNAME"):
        for calendar in calendars:
            value = " ".join(str(calendar.get(prop) or "").split())
            if value:
                return value[:200]
    return ""


def _meetings(calendars: list[Any]) -> list[MeetingDraft]:
    masters: dict[str, Any] = {}
    overrides: dict[str, list[Any]] = {}
    for calendar in calendars:
        for event in calendar.subcomponents:
            if event.name != "VEVENT":
                continue
            _refuse_broken(event)
            uid = str(event.get("UID") or "").strip() or _derived_uid(event)
            if event.get("RECURRENCE-ID") is not None:
                overrides.setdefault(uid, []).append(event)
            elif uid in masters:
                raise IcsRefused(tr("dezelfde UID komt twee keer voor", "duplicate UID"))
            else:
                masters[uid] = event
    drafts: list[MeetingDraft] = []
    for uid, event in masters.items():
        drafts.extend(_expand(uid, event, overrides.pop(uid, [])))
        if len(drafts) > MAX_MEETINGS:  # stop expanding as soon as the file is too big
            break
    for uid, moved in overrides.items():  # instances whose series is not in the file
        for event in moved:
            member = f"{uid}/{_stamp(_start_of(event, 'RECURRENCE-ID')[0])}"
            drafts.extend(_single(member, event, series=uid))
    if not drafts:
        raise IcsRefused(tr("geen vergaderingen (VEVENT) in het bestand", "no meetings in the file"))
    if len(drafts) > MAX_MEETINGS:
        raise IcsRefused(tr(f'meer dan {MAX_MEETINGS} vergaderingen', f"more than {MAX_MEETINGS} meetings"))
    drafts.sort(key=lambda d: (d.start, d.uid))
    return drafts


def _precheck(data: bytes, max_bytes: int) -> str:
    if not isinstance(data, bytes | bytearray):
        raise IcsRefused(tr("geen bestandsinhoud (bytes)", "not bytes"))
    if not data.strip():
        raise IcsRefused(tr("leeg bestand", "empty file"))
    if len(data) > max_bytes:
        raise IcsRefused(tr(f'bestand is groter dan {max_bytes // (1024 * 1024)} MB', f"file larger than {max_bytes // (1024 * 1024)} MB"))
    if b"\x00" in data:
        raise IcsRefused(tr("bestand bevat binaire gegevens", "binary content"))
    try:
        text = bytes(data).decode("utf-8-sig")
    except UnicodeDecodeError:
        raise IcsRefused(tr("bestand is geen UTF-8-tekst (RFC 5545)", "not UTF-8")) from None
    if not text.lstrip().upper().startswith("BEGIN:VCALENDAR"):
        raise IcsRefused(tr("geen iCalendar-bestand (BEGIN:VCALENDAR ontbreekt)", "not iCalendar"))
    depth = events = series = 0
    for line in text.splitlines():
        head = line[:6].upper()
        if head == "BEGIN:":
            depth += 1
            if depth > MAX_DEPTH:
                raise IcsRefused(tr("te diep geneste onderdelen", "components nested too deeply"))
            if line[6:].strip().upper() == "VEVENT":
                events += 1
        elif line[:4].upper() == "END:":
            depth -= 1
        elif head == "RRULE:" or head == "RRULE;":
            series += 1
    _refuse_counts(events, series)
    return text


def _refuse_counts(events: int, series: int) -> None:
    if events > MAX_EVENTS:
        raise IcsRefused(tr(f"meer dan {MAX_EVENTS} agenda-items in het bestand; niet ingelezen",
                            f"more than {MAX_EVENTS} calendar items in the file; not read"))
    if series > MAX_SERIES:
        raise IcsRefused(tr(f"meer dan {MAX_SERIES} terugkerende reeksen in het bestand; niet "
                            "ingelezen", f"more than {MAX_SERIES} recurring series in the file; "
                            "not read"))


def _parse(text: str) -> list[Any]:
    import icalendar  # deferred: keeps the start of the app fast

    try:
        components = icalendar.Calendar.from_ical(text, multiple=True)
    # The parser is third-party code reading hostile input: any failure of it is a refusal.
    except Exception as exc:
        raise IcsRefused(
            tr(f'bestand is geen geldig iCalendar ({type(exc).__name__})', "invalid iCalendar")
        ) from exc
    if not components or any(c.name != "VCALENDAR" for c in components):
        raise IcsRefused(tr("bestand is onvolledig of bevat iets anders dan VCALENDAR", "incomplete or unexpected component"))
    return list(components)


_NEEDED = ("DTSTART", "RRULE", "EXDATE", "RDATE", "RECURRENCE-ID", "STATUS", "UID", "SUMMARY")


def _refuse_broken(event: Any) -> None:
    for name, _message in getattr(event, "errors", []) or []:
        if str(name).upper() in _NEEDED:
            raise IcsRefused(tr(f'onleesbare {str(name).upper()} in een vergadering', "unreadable value"))


def _derived_uid(event: Any) -> str:
    raw = event.get("DTSTART")
    key = f"{raw.to_ical() if raw is not None else ''}|{event.get('SUMMARY') or ''}"
    return "zonder-uid-" + hashlib.sha256(key.encode("utf-8", "replace")).hexdigest()[:16]


def _cancelled(event: Any) -> bool:
    return str(event.get("STATUS") or "").strip().upper() == "CANCELLED"


def _title(event: Any) -> str:
    return " ".join(str(event.get("SUMMARY") or "").split())[:200]


def _start_of(event: Any, prop: str = "DTSTART") -> tuple[datetime, bool]:
    """(aware UTC start, all_day) of a DTSTART/RECURRENCE-ID; floating times are Amsterdam."""
    raw = event.get(prop)
    if raw is None:
        raise IcsRefused(tr("vergadering zonder begintijd (DTSTART)", "meeting without DTSTART"))
    if isinstance(raw, list):
        raise IcsRefused(tr(f'meer dan één {prop}', f'several {prop}'))
    value = getattr(raw, "dt", None)
    if isinstance(value, datetime) and value.tzinfo is None and raw.params.get("TZID"):
        # icalendar leaves an unknown TZID naive; guessing the zone could shift a meeting by hours.
        raise IcsRefused(tr("onbekende tijdzone (TZID) bij een vergadering", "unknown time zone"))
    local, all_day = _as_local(value)
    return _utc(local), all_day


def _as_local(value: object) -> tuple[datetime, bool]:
    """An aware datetime in its own zone (wall-clock recurrence), and whether it was a DATE."""
    if isinstance(value, datetime):
        return (value if value.tzinfo is not None else value.replace(tzinfo=AMSTERDAM)), False
    if isinstance(value, date):
        return datetime.combine(value, time(0, 0), tzinfo=AMSTERDAM), True
    raise IcsRefused(tr("begintijd is geen datum of tijdstip", "start is not a date or time"))


def _utc(value: datetime) -> datetime:
    # A VTIMEZONE-made tzinfo can fail on odd input; that is a refusal, not a crash.
    try:
        result = value.astimezone(UTC)
    except (ValueError, OverflowError, TypeError, AttributeError) as exc:
        raise IcsRefused(tr("tijdzone van een vergadering is onleesbaar", "unreadable time zone")) from exc
    if result.year < _YEARS[0]:
        raise IcsRefused(tr("vergadering met een onmogelijke datum", "implausible date"))
    try:
        return check_range(result)
    except ValueError as exc:
        raise IcsRefused(tr(f"vergadering met een onmogelijke datum: {exc}",
                            f"meeting with an implausible date: {exc}")) from None


def _stamp(value: datetime) -> str:
    return format_time(value, "%Y%m%dT%H%M%SZ")


def _single(uid: str, event: Any, series: str | None = None,
            cancelled: bool = False) -> list[MeetingDraft]:
    start, all_day = _start_of(event)
    return [MeetingDraft(uid, start, _title(event), all_day,
                         cancelled=cancelled or _cancelled(event), series=series)]


def _expand(uid: str, event: Any, moved: list[Any]) -> list[MeetingDraft]:
    rule = event.get("RRULE")
    if rule is None:
        return _single(uid, event)
    cancelled = _cancelled(event)  # the whole series: every member is cancelled
    _start_of(event)  # refuses a missing, unknown-zone or implausible DTSTART first
    local, all_day = _as_local(getattr(event.get("DTSTART"), "dt", None))
    recurrence = _simple_rule(rule, local)
    if recurrence is None:  # not simple: DTSTART only (see the module docstring)
        return _single(uid, event, series=uid)
    limit = local + HORIZON
    starts: set[datetime] = set()
    for index, occurrence in enumerate(recurrence):
        if index >= MAX_OCCURRENCES or occurrence > limit:
            break
        starts.add(_utc(occurrence))
    starts |= _date_list(event.get("RDATE"))
    starts -= _date_list(event.get("EXDATE"))
    by_original = {_start_of(m, "RECURRENCE-ID")[0]: m for m in moved}
    drafts: list[MeetingDraft] = []
    for original in sorted(starts | set(by_original)):
        member = f"{uid}/{_stamp(original)}"
        if original in by_original:
            drafts.extend(_single(member, by_original[original], uid, cancelled))
        else:
            drafts.append(MeetingDraft(member, original, _title(event), all_day,
                                       cancelled=cancelled, series=uid))
    return drafts


def _date_list(prop: object) -> set[datetime]:
    values: set[datetime] = set()
    for item in prop if isinstance(prop, list) else [prop] if prop is not None else []:
        for entry in getattr(item, "dts", []):
            value = getattr(entry, "dt", None)
            if isinstance(value, date):  # PERIOD values (tuples) are ignored
                values.add(_utc(_as_local(value)[0]))
    return values


_FREQ = {"DAILY": du.DAILY, "WEEKLY": du.WEEKLY, "MONTHLY": du.MONTHLY, "YEARLY": du.YEARLY}
_DAYS = {"MO": du.MO, "TU": du.TU, "WE": du.WE, "TH": du.TH, "FR": du.FR, "SA": du.SA, "SU": du.SU}
_BYDAY = re.compile(r"^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$")
_ALLOWED = {"FREQ", "INTERVAL", "COUNT", "UNTIL", "WKST", "BYDAY", "BYMONTHDAY"}
_MAX_ORDINAL = {"MONTHLY": 5, "YEARLY": 52}


def _simple_rule(rule: Any, start: datetime) -> Iterable[datetime] | None:
    """A dateutil rule for the simple cases that always produce meetings, else None."""
    if isinstance(rule, list) or not hasattr(rule, "get"):
        return None
    parts = {str(k).upper(): v for k, v in rule.items()}
    freq = str(_one(parts.get("FREQ")) or "").upper()
    if freq not in _FREQ or not set(parts) <= _ALLOWED:
        return None
    if "BYDAY" in parts and "BYMONTHDAY" in parts:
        return None
    interval = _int(_one(parts.get("INTERVAL")), default=1)
    count = _int(_one(parts.get("COUNT")), default=None)
    if interval is None or not 1 <= interval <= 100 or (count is not None and count < 1):
        return None
    if count is not None and "UNTIL" in parts:
        return None  # RFC 5545 forbids both; dateutil warns about it
    weekdays = []
    for text in parts.get("BYDAY", []):
        match = _BYDAY.match(str(text).upper())
        if match is None:
            return None
        ordinal = int(match.group(1)) if match.group(1) else 0
        if ordinal and not 1 <= abs(ordinal) <= _MAX_ORDINAL.get(freq, 0):
            return None
        weekdays.append(_DAYS[match.group(2)](ordinal) if ordinal else _DAYS[match.group(2)])
    if weekdays and freq == "DAILY" and interval != 1:
        return None  # e.g. every 7th day on Mondays: may never happen
    monthdays = [_int(v, default=None) for v in parts.get("BYMONTHDAY", [])]
    if any(d is None or not 1 <= abs(d) <= 28 for d in monthdays) or (monthdays and freq == "WEEKLY"):
        return None
    until = _until(_one(parts.get("UNTIL")), start.tzinfo)
    try:
        return du.rrule(
            _FREQ[freq], dtstart=start, interval=interval, count=count, until=until,
            byweekday=weekdays or None, bymonthday=monthdays or None,
        )
    except (ValueError, TypeError, OverflowError):
        return None


def _one(value: object) -> object:
    return value[0] if isinstance(value, list) and value else value


def _int(value: object, default: int | None) -> int | None:
    if value is None:
        return default
    try:
        return int(str(value))
    except ValueError:
        return None


def _until(value: object, zone: tzinfo | None) -> datetime | None:
    if isinstance(value, datetime):
        aware = value if value.tzinfo is not None else value.replace(tzinfo=AMSTERDAM)
        return aware.astimezone(zone)
    if isinstance(value, date):
        return datetime.combine(value, time(23, 59, 59), tzinfo=AMSTERDAM).astimezone(zone)
    return None
