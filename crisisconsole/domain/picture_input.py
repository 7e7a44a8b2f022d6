"""What the situational picture is built from (DOMAIN.md §4): plain values, no I/O.

The services gather these from the log, the measures tracker, the person cards and the
decision records; the builder in ``picture.py`` turns them into the picture. Persons come in
masked only: this module has no field for a real name, so the picture cannot carry one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

# The disciplines of the picture, in the order crisis teams report them; "overig" collects
# entries without a discipline.
DISCIPLINES: tuple[tuple[str, str], ...] = (
    ("politie", "Politie"),
    ("brandweer", "Brandweer"),
    ("ghor", "Geneeskundige zorg (GHOR)"),
    ("bevolkingszorg", "Bevolkingszorg"),
    ("communicatie", "Communicatie"),
    ("gemeente", "Gemeente"),
    ("om", "Openbaar Ministerie"),
    ("overig", "Overig"),
)
OTHER = "overig"
DISCIPLINES_EN = {"politie": "Police", "brandweer": "Fire service",
                  "ghor": "Medical care (GHOR)", "bevolkingszorg": "Population care",
                  "communicatie": "Communication", "gemeente": "Municipality",
                  "om": "Public prosecution (OM)", "overig": "Other"}


def discipline_label(key: str, dutch: str) -> str:
    """A picture section's title in the UI language."""
    from crisisconsole.i18n import tr

    return tr(dutch, DISCIPLINES_EN.get(key, dutch))

NOTE_KINDS: tuple[str, ...] = ("summary", "bottleneck", "forecast", "dilemma", "contact")
JUDGEMENT_KINDS: tuple[tuple[str, str], ...] = (
    ("bottleneck", "Knelpunten"),
    ("forecast", "Verwachting"),
    ("dilemma", "Dilemma's"),
)
ACTION_STATUSES: tuple[str, ...] = ("open", "done", "dropped")


@dataclass(frozen=True)
class PictureHeader:
    crisis_id: str
    crisis_name: str
    municipality: str
    exercise: bool
    grip: str | None
    prepared_by: str
    as_of: datetime
    version: int | None = None  # None: the live picture, not (yet) a snapshot
    authorized_by: str | None = None
    next_update: datetime | None = None


@dataclass(frozen=True)
class PictureEntry:
    id: str
    occurred_at: datetime
    recorded_at: datetime
    source: str
    discipline: str | None
    text: str
    reliability: str  # hearsay | confirmed | refuted
    location: str | None = None
    grade: str | None = None
    last_confirmed_at: datetime | None = None
    withdrawn: bool = False


@dataclass(frozen=True)
class PictureLink:
    from_id: str
    to_id: str
    kind: str  # corroborates | contradicts | follows_up


@dataclass(frozen=True)
class MeasureSummary:
    id: str
    kind: str
    kind_label: str
    title: str
    state: str
    state_label: str
    next_due_kind: str | None = None
    next_due_text: str | None = None
    next_due: datetime | None = None
    next_due_overdue: bool = False
    overdue_count: int = 0


@dataclass(frozen=True)
class PersonSummary:
    """A person or organisation of interest, masked ("J.d.V. (organisator)")."""

    id: str
    masked: str
    kind: str


@dataclass(frozen=True)
class DecisionInput:
    id: str
    text: str
    rationale: str
    decided_by: str
    decided_at: datetime
    entry_ids: tuple[str, ...] = ()
    snapshot_id: str | None = None
    snapshot_version: int | None = None


@dataclass(frozen=True)
class ActionInput:
    id: str
    text: str
    owner: str
    status: str
    due: datetime | None = None
    decision_id: str | None = None
    status_at: datetime | None = None


@dataclass(frozen=True)
class NoteInput:
    """A judgement note the aide writes: summary, bottleneck, forecast, dilemma or contact."""

    id: str
    kind: str
    text: str
    at: datetime
    author: str


@dataclass(frozen=True)
class PictureInput:
    header: PictureHeader
    entries: tuple[PictureEntry, ...] = ()
    links: tuple[PictureLink, ...] = ()
    measures: tuple[MeasureSummary, ...] = ()
    persons: tuple[PersonSummary, ...] = ()
    decisions: tuple[DecisionInput, ...] = ()
    actions: tuple[ActionInput, ...] = ()
    notes: tuple[NoteInput, ...] = ()
    # Entry totals per (discipline or "overig", reliability) when ``entries`` holds only the
    # newest ones (the store selects them for speed); None: count ``entries`` themselves.
    totals: Mapping[tuple[str, str], int] | None = None
    persons_visible: bool = True  # False: the reader's role may not see persons at all
    limit_per_list: int = 25
    extra: Mapping[str, str] = field(default_factory=dict)
