"""Rules a new log entry must meet before anything is written (issue 3, DOMAIN.md §1).

The checks live here, apart from the store, so the quick-entry bar, the CLI and importers refuse
the same input with the same one-line message, and nothing is half-saved.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from crisisconsole.clock import as_utc, check_range
from crisisconsole.domain.reliability import Reliability, parse_grade, parse_reliability
from crisisconsole.errors import ValidationError
from crisisconsole.i18n import tr

MAX_TEXT = 20_000
FUTURE_TOLERANCE = timedelta(minutes=5)
# Configurable in the settings; this is only the value a fresh installation starts with.
LATE_ENTRY_THRESHOLD = timedelta(minutes=30)
MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024


class EntryInvalid(ValidationError, ValueError):
    """A log entry, correction, assessment or link that breaks a rule; nothing was recorded.

    ``field`` names the form field to put the cursor in (``text``, ``source``, ...), so the UI
    can keep the typed text and point at what is wrong.
    """

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class SourceOrg:
    id: str
    label_nl: str
    has_department: bool = False


@dataclass(frozen=True)
class Discipline:
    id: str
    label_nl: str


# The default, editable list: the lead seeds a table from it; users may add their own.
SOURCE_ORGS: tuple[SourceOrg, ...] = (
    SourceOrg("politie", "Politie"),
    SourceOrg("brandweer", "Brandweer"),
    SourceOrg("ghor", "GHOR/ambulancezorg"),
    SourceOrg("gemeente", "Gemeente", has_department=True),
    SourceOrg("om", "Openbaar Ministerie (OM)"),
    SourceOrg("riec", "RIEC"),
    SourceOrg("veiligheidsregio", "Veiligheidsregio"),
    SourceOrg("media", "Media"),
    SourceOrg("social_media", "Sociale media"),
    SourceOrg("burger", "Burger"),
    SourceOrg("other", "Anders"),
)

# In the order of the picture sections of DOMAIN.md §4.
DISCIPLINES: tuple[Discipline, ...] = (
    Discipline("politie", "Politie"),
    Discipline("brandweer", "Brandweer"),
    Discipline("ghor", "Geneeskundige zorg (GHOR)"),
    Discipline("bevolkingszorg", "Bevolkingszorg"),
    Discipline("communicatie", "Communicatie"),
    Discipline("gemeente", "Gemeente"),
    Discipline("om", "Openbaar Ministerie"),
)

_SOURCE_ID = re.compile(r"^[a-z0-9][a-z0-9_]{0,39}$")


@dataclass(frozen=True)
class ValidEntry:
    text: str
    source: str
    occurred_at: datetime
    reliability: Reliability
    grade: str | None
    confirmed_by: str | None
    corroborating_entry_id: str | None
    discipline: str | None


def _nl_int(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".replace(".", ",")


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value or None


def check_text(text: str | None) -> str:
    """The text rules shared by new entries and corrections; returns the text without outer blanks."""
    cleaned = _clean(text)
    if cleaned is None:
        raise EntryInvalid(tr("De melding is leeg", "The entry is empty"), "text")
    if len(cleaned) > MAX_TEXT:
        raise EntryInvalid(
            tr(f'De melding is te lang: {_nl_int(len(cleaned))} tekens, maximaal {_nl_int(MAX_TEXT)}', f'The entry is too long: {len(cleaned):,} characters, at most {MAX_TEXT:,}'),
            "text",
        )
    return cleaned


def check_occurred_at(occurred_at: datetime | None, now: datetime) -> datetime:
    """Default now; a few minutes ahead is clock skew between laptops, more is a typing error."""
    if occurred_at is None:
        return as_utc(now)
    if occurred_at.tzinfo is None:
        raise EntryInvalid(
            tr("Tijdstip gebeurd heeft geen tijdzone", "Time of occurrence has no time zone"),
            "occurred_at",
        )
    occurred = as_utc(occurred_at)
    try:
        check_range(occurred)
    except ValueError as error:  # the label only now: most times are fine, and tr() costs
        label = tr("Tijdstip gebeurd", "Time of occurrence")
        raise EntryInvalid(f"{label}: {error}", "occurred_at") from None
    if occurred > as_utc(now) + FUTURE_TOLERANCE:
        raise EntryInvalid(
            tr("Tijdstip gebeurd ligt meer dan 5 minuten in de toekomst", "Time of occurrence is more than 5 minutes in the future"),
            "occurred_at",
        )
    return occurred


def check_grade(grade_text: str | None) -> str | None:
    """'b2' -> 'B2'; empty -> None. The message does not echo the input (it may be anything)."""
    try:
        grade = parse_grade(grade_text)
    except ValueError:
        raise EntryInvalid(
            tr("Onbekende beoordeling: gebruik bron A–F en informatie 1–6, bijvoorbeeld B2", "Unknown grade: use source A–F and information 1–6, e.g. B2"),
            "grade",
        ) from None
    return None if grade is None else str(grade)


def check_reliability(reliability_text: str | Reliability | None) -> Reliability:
    try:
        return parse_reliability(reliability_text)
    except ValueError:
        raise EntryInvalid(
            tr("Onbekende betrouwbaarheid: kies hearsay, confirmed of refuted", "Unknown reliability: choose hearsay, confirmed or refuted"),
            "reliability",
        ) from None


def check_attachments(
    attachment_sizes: Iterable[int], max_bytes: int = MAX_ATTACHMENT_BYTES
) -> None:
    """Attachments live inside the encrypted database, so their size is capped."""
    for number, size in enumerate(attachment_sizes, start=1):
        if size > max_bytes:
            raise EntryInvalid(
                tr(f'Bijlage {number} is te groot: {_mb(size)} MB, maximaal {_mb(max_bytes)} MB', f'Attachment {number} is too large: at most {max_bytes // (1024 * 1024)} MB'),
                "attachments",
            )


def validate_entry(
    text: str | None,
    source: str | None,
    occurred_at: datetime | None,
    now: datetime,
    grade_text: str | None = None,
    reliability_text: str | None = None,
    attachment_sizes: Iterable[int] = (),
    *,
    confirmed_by: str | None = None,
    corroborating_entry_id: str | None = None,
    discipline: str | None = None,
    known_sources: Collection[str] | None = None,
    max_attachment_bytes: int = MAX_ATTACHMENT_BYTES,
) -> ValidEntry:
    """Check a new entry; the first broken rule is raised as one line.

    ``known_sources`` is the current (editable) list of source ids; when None any non-empty
    source id is accepted. A new entry may be hearsay or confirmed, never refuted: refuting is
    an act on an existing entry that names the refuting source.
    """
    clean_text = check_text(text)
    clean_source = _clean(source)
    if clean_source is None:
        raise EntryInvalid(tr("Bron ontbreekt", "Source is missing"), "source")
    if known_sources is not None and clean_source not in known_sources:
        raise EntryInvalid(
            tr("Onbekende bron: kies een bron uit de lijst", "Unknown source: pick one from the list"),
            "source",
        )
    occurred = check_occurred_at(occurred_at, now)
    reliability = check_reliability(reliability_text)
    grade = check_grade(grade_text)
    source_named = _clean(confirmed_by)
    corroborating = _clean(corroborating_entry_id)
    if reliability is Reliability.REFUTED:
        raise EntryInvalid(
            tr("Een nieuwe melding kan niet ontkracht zijn: leg haar vast en ontkracht haar daarna", "A new entry cannot be refuted: record it, then refute it"),
            "reliability",
        )
    if reliability is Reliability.CONFIRMED and source_named is None and corroborating is None:
        raise EntryInvalid(
            tr("Bevestigd vraagt een bevestigende bron of een ondersteunende melding", "Confirmed needs a named confirming source or a corroborating entry"),
            "confirmed_by",
        )
    if reliability is Reliability.HEARSAY:
        source_named = corroborating = None
    clean_discipline = _clean(discipline)
    if clean_discipline is not None and clean_discipline not in {d.id for d in DISCIPLINES}:
        raise EntryInvalid(tr("Onbekende discipline", "Unknown discipline"), "discipline")
    check_attachments(attachment_sizes, max_attachment_bytes)
    return ValidEntry(
        text=clean_text,
        source=clean_source,
        occurred_at=occurred,
        reliability=reliability,
        grade=grade,
        confirmed_by=source_named,
        corroborating_entry_id=corroborating,
        discipline=clean_discipline,
    )


def is_late(
    occurred_at: datetime, recorded_at: datetime, threshold: timedelta = LATE_ENTRY_THRESHOLD
) -> bool:
    """Late when it was written down more than ``threshold`` after it happened."""
    return as_utc(recorded_at) - as_utc(occurred_at) > threshold


def late_threshold_from_minutes(minutes: int) -> timedelta:
    """The setting is typed in minutes; zero or less would flag every entry as late."""
    if isinstance(minutes, bool) or not isinstance(minutes, int) or minutes <= 0:
        raise EntryInvalid(
            tr("Drempel voor late melding moet een positief aantal minuten zijn", "Late-entry threshold must be a positive number of minutes"),
            "late_threshold",
        )
    return timedelta(minutes=minutes)


def source_label(source_id: str, orgs: Iterable[SourceOrg] = SOURCE_ORGS) -> str:
    """The Dutch label; an id no longer on the list still shows (old entries keep their source)."""
    for org in orgs:
        if org.id == source_id:
            return org.label_nl
    return source_id


def source_labels(source_ids: Iterable[str], orgs: Iterable[SourceOrg] = SOURCE_ORGS) -> str:
    """'Burger, Media, Sociale media': the labels of a topic's sources, for a reader."""
    orgs = tuple(orgs)
    return ", ".join(source_label(s, orgs) for s in source_ids)


def format_source(
    source_id: str,
    department: str | None = None,
    person: str | None = None,
    orgs: Iterable[SourceOrg] = SOURCE_ORGS,
) -> str:
    """'Gemeente – Openbare orde (J. Jansen)': the organisation, its department and the free
    person/channel field, as one line for tables and exports."""
    text = source_label(source_id, orgs)
    clean_department = _clean(department)
    clean_person = _clean(person)
    if clean_department:
        text = f"{text} – {clean_department}"
    if clean_person:
        text = f"{text} ({clean_person})"
    return text


def check_source_org(
    source_id: str, label_nl: str, existing: Iterable[SourceOrg] = SOURCE_ORGS
) -> SourceOrg:
    """A user-added organisation: a short lowercase id (stored on entries) and a label."""
    clean_id = (source_id or "").strip()
    clean_label = _clean(label_nl)
    if not _SOURCE_ID.match(clean_id):
        raise EntryInvalid(
            tr("Bron-id: kleine letters, cijfers en _ (max 40)", "Source id: lowercase letters, digits and _ (max 40)"),
            "source_id",
        )
    if clean_label is None:
        raise EntryInvalid(tr("Naam van de bron ontbreekt", "Source name is missing"), "label")
    for org in existing:
        if org.id == clean_id:
            raise EntryInvalid(tr("Deze bron bestaat al", "This source already exists"), "source_id")
        if org.label_nl.casefold() == clean_label.casefold():
            raise EntryInvalid(
                tr("Er is al een bron met deze naam", "A source with this name exists"), "label"
            )
    return SourceOrg(clean_id, clean_label)


def check_coordinates(lat: float | None, lon: float | None) -> tuple[float, float] | None:
    """Both or neither; WGS84 ranges. Location text stays the main field."""
    if lat is None and lon is None:
        return None
    if lat is None or lon is None:
        raise EntryInvalid(
            tr("Geef zowel breedte- als lengtegraad", "Give both latitude and longitude"), "location"
        )
    if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
        raise EntryInvalid(
            tr("Coördinaten buiten bereik", "Coordinates out of range"), "location"
        )
    return (float(lat), float(lon))
