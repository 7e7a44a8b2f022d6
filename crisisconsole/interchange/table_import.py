"""Map the columns of a spreadsheet, CSV or JSON log onto log-entry drafts (issue 7, item 4).

Validation is per row and reports the row number the user sees in the file, so the aide can
fix the sheet or choose to skip the bad rows; nothing here decides which of the two happens.
Naive times are Europe/Amsterdam: that is what a Dutch crisis log in Excel means by "10:15".

Departments often keep the date and the time in two columns: ``Datum+Tijd`` maps both to the
time it happened (``--map Datum+Tijd=occurred_at``). A date without a time is refused with a
message that says so, never stored as midnight.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from crisisconsole.clock import (
    AMSTERDAM,
    TimeOutOfRange,
    as_utc,
    check_range,
    format_time,
    format_utc,
)
from crisisconsole.domain.log_rules import MAX_TEXT
from crisisconsole.domain.reliability import (
    AdmiraltyGrade,
    Reliability,
    parse_grade,
    parse_reliability,
)
from crisisconsole.errors import ValidationError
from crisisconsole.i18n import tr
from crisisconsole.interchange.table_read import (
    MAX_TABLE_BYTES,
    MAX_TABLE_ROWS,
    CellValue,
    TableData,
    TableRefused,
    TableRow,
    read_table,
    read_table_file,
)

__all__ = [
    "FIELDS", "MAX_TABLE_BYTES", "MAX_TABLE_ROWS", "MAX_TEXT_CHARS", "MappedResult", "RowError",
    "TableData", "TableEntryDraft", "TableMappingError", "TableRefused", "TableRow",
    "layout_key", "map_rows", "parse_map_args", "read_table", "read_table_file",
    "suggest_mapping", "validate_mapping",
]

FIELDS = ("occurred_at", "source", "person", "text", "reliability", "grade", "location", "discipline")
MAX_TEXT_CHARS = MAX_TEXT  # the log's own limit
FUTURE_TOLERANCE = timedelta(minutes=5)

# Normalised header word -> field. Dutch first; English for exports from other tools.
_ALIASES: dict[str, tuple[str, ...]] = {
    "occurred_at": ("tijdstip gebeurd", "tijdstip", "tijd", "datum tijd", "datumtijd", "time",
                    "datetime", "date time", "timestamp", "occurred at", "moment", "wanneer",
                    "when", "datum", "date"),
    "source": ("bron", "source", "afzender", "herkomst", "van", "from", "origin"),
    "person": ("persoon", "person", "melder", "naam", "name", "contactpersoon", "reporter",
               "gemeld door", "reported by"),
    "text": ("melding", "tekst", "text", "bericht", "message", "omschrijving", "beschrijving",
             "description", "inhoud", "notitie", "note", "informatie", "info"),
    "reliability": ("betrouwbaarheid", "reliability", "status betrouwbaarheid", "tag"),
    "grade": ("beoordeling", "grade", "waardering", "admiralty", "admiralty code", "code"),
    "location": ("locatie", "location", "plaats", "adres", "address", "place", "plek"),
    "discipline": ("discipline", "dienst", "sector", "afdeling", "organisatie"),
}
_ALIAS_FIELD = {alias: name for name, aliases in _ALIASES.items() for alias in aliases}
_DATE_FORMATS = (
    "%d-%m-%Y %H:%M", "%d-%m-%Y %H:%M:%S", "%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S",
    "%d-%m-%y %H:%M", "%d/%m/%y %H:%M",
)
_NON_WORD = re.compile(r"[^0-9a-z]+")


class TableMappingError(ValidationError, ValueError):
    """The chosen column mapping cannot work (unknown field or column, text not mapped...)."""


@dataclass(frozen=True)
class RowError:
    row_number: int
    message: str


@dataclass(frozen=True)
class TableEntryDraft:
    row_number: int
    occurred_at: datetime
    source: str
    text: str
    reliability: Reliability
    grade: AdmiraltyGrade | None = None
    person: str | None = None
    location: str | None = None
    discipline: str | None = None

    @property
    def content_key(self) -> str:
        """Same time, source and text -> same key, so importing a sheet twice adds nothing."""
        raw = "\x1f".join((format_utc(self.occurred_at), self.source, self.text))
        return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True)
class MappedResult:
    drafts: list[TableEntryDraft] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)


def normalise_header(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(_NON_WORD.sub(" ", plain.lower()).split())


def layout_key(columns: Sequence[str]) -> str:
    """Stable key of a file layout; column order is ignored because mappings go by name."""
    names = sorted({normalise_header(column) for column in columns})
    return hashlib.sha256("\x1f".join(names).encode("utf-8")).hexdigest()[:16]


def suggest_mapping(columns: Sequence[str]) -> dict[str, str]:
    """A first guess for the mapping dialog: whole-header matches first, then single words."""
    mapping: dict[str, str] = {}
    taken: set[str] = set()
    for whole in (True, False):
        for column in columns:
            if column in mapping:
                continue
            normalised = normalise_header(column)
            candidates = [normalised] if whole else normalised.split()
            for candidate in candidates:
                name = _ALIAS_FIELD.get(candidate)
                if name and name not in taken:
                    mapping[column] = name
                    taken.add(name)
                    break
    return _with_date_and_time(columns, mapping)


_DATE_WORDS = frozenset({"datum", "date", "dag", "day"})
_TIME_WORDS = frozenset({"tijd", "time", "uur", "tijdstip", "hour"})


def _with_date_and_time(columns: Sequence[str], mapping: dict[str, str]) -> dict[str, str]:
    """A "Datum" column taken for the time it happened, beside a free "Tijd" column: both."""
    day = next((c for c, f in mapping.items() if f == "occurred_at"
                and normalise_header(c) in _DATE_WORDS), None)
    clock = next((c for c in columns if c not in mapping
                  and normalise_header(c) in _TIME_WORDS), None)
    if day is None or clock is None:
        return mapping
    return {(f"{day}{COMBINE}{clock}" if c == day else c): f for c, f in mapping.items()}


def parse_map_args(arguments: Sequence[str]) -> dict[str, str]:
    """CLI form "COLUMN=FIELD" (the column may itself contain '=')."""
    mapping: dict[str, str] = {}
    for argument in arguments:
        column, separator, name = argument.rpartition("=")
        if not separator or not column.strip():
            raise TableMappingError(
                tr(f'koppeling {argument!r} moet de vorm KOLOM=VELD hebben', f"mapping {argument!r} must have the form COLUMN=FIELD")
            )
        mapping[column.strip()] = name.strip()
    return mapping


COMBINE = "+"  # "Datum+Tijd": two columns that together give the time it happened


def column_parts(columns: Sequence[str], key: str) -> tuple[str, ...] | None:
    """The columns behind a mapping key: itself, or the two of "Datum+Tijd"; None if unknown.
    A column whose own name holds a "+" is taken as it is."""
    if key in columns:
        return (key,)
    date_part, plus, time_part = key.partition(COMBINE)
    if plus and date_part.strip() in columns and time_part.strip() in columns:
        return (date_part.strip(), time_part.strip())
    return None


def validate_mapping(
    columns: Sequence[str], mapping: Mapping[str, str], *, default_source: str | None = None
) -> None:
    used: set[str] = set()
    for column, name in mapping.items():
        parts = column_parts(columns, column)
        if parts is None:
            raise TableMappingError(tr(f'kolom {column!r} staat niet in het bestand', f"column {column!r} is not in the file"))
        if len(parts) == 2 and name != "occurred_at":
            raise TableMappingError(tr(
                f"twee kolommen samen ({column}) alleen voor occurred_at (datum + tijd)",
                f"two columns together ({column}) only for occurred_at (date + time)"))
        if name not in FIELDS:
            raise TableMappingError(
                tr(f"onbekend veld {name!r}: kies uit {', '.join(FIELDS)}", f"unknown field {name!r}: choose from {', '.join(FIELDS)}")
            )
        if name in used:
            raise TableMappingError(tr(f'veld {name!r} is twee keer gekoppeld', f"field {name!r} is mapped twice"))
        used.add(name)
    for required in ("text", "occurred_at"):
        if required not in used:
            raise TableMappingError(tr(f'koppel een kolom aan {required!r}', f'map a column to {required}'))
    if "source" not in used and not (default_source and default_source.strip()):
        raise TableMappingError(tr("koppel een kolom aan 'source' of geef een bron op", "map a source"))


def map_rows(
    table: TableData,
    mapping: Mapping[str, str],
    now: datetime,
    *,
    default_source: str | None = None,
) -> MappedResult:
    """Drafts for the good rows and one error per problem in the bad rows (those get no draft)."""
    validate_mapping(table.columns, mapping, default_source=default_source)
    now = as_utc(now)
    index: dict[str, int] = {}
    time_column: int | None = None
    for column, name in mapping.items():
        parts = column_parts(table.columns, column) or (column,)
        index[name] = table.columns.index(parts[0])
        if len(parts) == 2:
            time_column = table.columns.index(parts[1])
    result = MappedResult()
    for row in table.rows:
        draft, problems = _map_row(row, index, now, table.kind, default_source, time_column)
        if draft is not None:
            result.drafts.append(draft)
        result.errors.extend(RowError(row.number, problem) for problem in problems)
    return result


def _map_row(
    row: TableRow, index: Mapping[str, int], now: datetime, kind: str, default_source: str | None,
    time_column: int | None = None,
) -> tuple[TableEntryDraft | None, list[str]]:
    def cell(name: str) -> CellValue:
        position = index.get(name)
        return None if position is None else row.values[position]

    problems: list[str] = []
    text = _text(cell("text"))
    if not text:
        problems.append(tr("melding is leeg", "text is empty"))
    elif len(text) > MAX_TEXT_CHARS:
        problems.append(tr(f'melding langer dan {MAX_TEXT_CHARS} tekens', f"report longer than {MAX_TEXT_CHARS} characters"))
    source = _text(cell("source")) or (default_source or "").strip()
    if not source:
        problems.append(tr("bron ontbreekt", "source missing"))
    occurred_at: datetime | None = None
    try:
        if time_column is None:
            occurred_at = parse_cell_time(cell("occurred_at"), allow_serial=kind == "xlsx")
        else:
            occurred_at = combine_date_time(cell("occurred_at"), row.values[time_column],
                                            allow_serial=kind == "xlsx")
        if occurred_at > now + FUTURE_TOLERANCE:
            problems.append(tr("tijdstip ligt in de toekomst", "time is in the future"))
    except ValueError as exc:
        problems.append(str(exc))
    reliability = Reliability.HEARSAY
    grade: AdmiraltyGrade | None = None
    try:
        reliability = parse_reliability(_text(cell("reliability")))
    except ValueError as exc:
        problems.append(str(exc))
    try:
        grade = parse_grade(_text(cell("grade")))
    except ValueError as exc:
        problems.append(str(exc))
    if problems or occurred_at is None:
        return None, problems
    return (
        TableEntryDraft(
            row_number=row.number,
            occurred_at=occurred_at,
            source=source,
            text=text,
            reliability=reliability,
            grade=grade,
            person=_text(cell("person")) or None,
            location=_text(cell("location")) or None,
            discipline=_text(cell("discipline")) or None,
        ),
        [],
    )


def _text(value: CellValue) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return format_time(value, "%d-%m-%Y %H:%M")
    return str(value).strip()


def parse_cell_time(value: CellValue, *, allow_serial: bool = False) -> datetime:
    """A cell as an aware UTC time: datetime cells, ISO text, "dd-mm-yyyy hh:mm", Excel serials.

    A date without a time is refused rather than read as midnight: a made-up time in the log
    is worse than a question to the user.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ValueError(tr("tijdstip ontbreekt", "time missing"))
    if isinstance(value, datetime):
        return _aware(value)
    if isinstance(value, date):
        raise ValueError(_date_only())
    if isinstance(value, time):
        raise ValueError(tr("alleen een tijd, geen datum: koppel ook de datumkolom "
                            "(Datum+Tijd=occurred_at)",
                            "a time without a date: map the date column too "
                            "(Datum+Tijd=occurred_at)"))
    if isinstance(value, int | float) and not isinstance(value, bool) and allow_serial:
        return _excel_serial(value)
    text = str(value).strip()
    if ":" not in text:
        raise ValueError(tr(f'onleesbaar tijdstip {text[:40]!r}: datum én tijd nodig', f"unreadable time {text[:40]!r}"))
    readers = [lambda t: datetime.fromisoformat(t.replace("Z", "+00:00"))]
    readers += [lambda t, p=pattern: datetime.strptime(t, p) for pattern in _DATE_FORMATS]
    for read in readers:  # the first form that reads the text wins
        try:
            return _aware(read(text))
        except TimeOutOfRange:
            raise
        except ValueError:
            continue
    raise ValueError(tr(f'onleesbaar tijdstip {text[:40]!r}', f"unreadable time {text[:40]!r}"))


def _date_only() -> str:
    return tr("alleen een datum, geen tijd: koppel ook de tijdkolom (Datum+Tijd=occurred_at); "
              "een tijdstip wordt nooit 00:00 gemaakt",
              "a date without a time: map the time column too (Datum+Tijd=occurred_at); a "
              "time is never made up as 00:00")


_DATE_ONLY_FORMATS = ("%d-%m-%Y", "%d/%m/%Y", "%Y-%m-%d", "%d-%m-%y", "%d/%m/%y")
_TIME_FORMATS = ("%H:%M", "%H:%M:%S", "%H.%M", "%H:%M:%S.%f")


def combine_date_time(day: CellValue, clock: CellValue, *, allow_serial: bool = False
                      ) -> datetime:
    """The time it happened from a date cell and a time cell (the "Datum+Tijd" mapping)."""
    the_date = _date_part(day, allow_serial)
    the_time = _time_part(clock, allow_serial)
    return _aware(datetime.combine(the_date, the_time))


def _date_part(value: CellValue, allow_serial: bool) -> date:
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ValueError(tr("datum ontbreekt", "date missing"))
    if isinstance(value, datetime):
        if value.time() != time(0):
            raise ValueError(tr("de datumkolom bevat al een tijd", "the date column holds a time"))
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool) and allow_serial:
        if not 1 <= value < 2_958_466 or not float(value).is_integer():
            raise ValueError(tr("getal is geen Excel-datum", "number is not an Excel date"))
        return (datetime(1899, 12, 30) + timedelta(days=int(value))).date()
    text = str(value).strip()
    for pattern in _DATE_ONLY_FORMATS:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(tr(f"onleesbare datum {text[:40]!r}", f"unreadable date {text[:40]!r}"))


def _time_part(value: CellValue, allow_serial: bool) -> time:
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ValueError(tr("tijd ontbreekt; een tijdstip wordt nooit 00:00 gemaakt",
                            "time missing; a time is never made up as 00:00"))
    if isinstance(value, datetime):
        return value.time().replace(microsecond=0)
    if isinstance(value, time):
        return value.replace(microsecond=0)
    if isinstance(value, int | float) and not isinstance(value, bool) and allow_serial:
        if not 0 <= value < 1:
            raise ValueError(tr("getal is geen Excel-tijd", "number is not an Excel time"))
        seconds = min(round(float(value) * 86_400), 86_399)  # to the second, not truncated
        return (datetime.min + timedelta(seconds=seconds)).time()
    text = str(value).strip()
    for pattern in _TIME_FORMATS:
        try:
            return datetime.strptime(text, pattern).time().replace(microsecond=0)
        except ValueError:
            continue
    raise ValueError(tr(f"onleesbare tijd {text[:40]!r}", f"unreadable time {text[:40]!r}"))


def _aware(value: datetime) -> datetime:
    if value.tzinfo is None:
        value = value.replace(tzinfo=AMSTERDAM)
    try:
        return check_range(as_utc(value))  # the one time rule: 1900-01-01 … 2200-01-01
    except OverflowError:
        raise ValueError(tr("tijdstip buiten bereik", "time out of range")) from None


def _excel_serial(value: float) -> datetime:
    # 1 = 1900-01-01; Excel's fictitious 1900-02-29 makes 1899-12-30 the working epoch.
    if not 1 <= value < 2_958_466:
        raise ValueError(tr("getal is geen Excel-tijdstip", "number is not an Excel time"))
    if float(value).is_integer():
        raise ValueError(_date_only())
    # Rounded to the second: 14:29 is stored as 0.60347222…, which truncation makes 14:28:59.
    moment = datetime(1899, 12, 30) + timedelta(seconds=round(float(value) * 86_400))
    return _aware(moment)
