"""Person-level briefing cards: what a card and each fact on it must carry (DOMAIN.md §3).

A fact is only lawful with its channel, legal basis and purpose, so a fact missing any of them is
refused as a whole, naming every missing field at once (the aide fixes the form in one go).
Messages here never contain the statement or the name: personal data stays out of logs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from crisisconsole.clock import as_utc
from crisisconsole.domain.reliability import Reliability, parse_grade, parse_reliability
from crisisconsole.errors import ValidationError
from crisisconsole.i18n import tr

MAX_STATEMENT = 4_000
MAX_NAME = 200


class CardKind(StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"

    @property
    def label_nl(self) -> str:
        return "Persoon" if self is CardKind.PERSON else "Organisatie"


class FactChannel(StrEnum):
    WPG16 = "wpg16"
    WJSG39F = "wjsg39f"
    OWN_OBSERVATION = "own_observation"
    OPEN_SOURCE = "open_source"
    OTHER = "other"

    @property
    def label_nl(self) -> str:
        return _CHANNEL_LABELS[self]

    @property
    def label(self) -> str:
        return tr(_CHANNEL_LABELS[self], _CHANNEL_LABELS_EN[self])

    @property
    def legal_basis_hint(self) -> str | None:
        """Pre-fills the legal-basis field; the aide still confirms it (the OM decides what it
        gives, and own observations have no fixed article here)."""
        return _CHANNEL_BASIS.get(self)


_CHANNEL_LABELS = {
    FactChannel.WPG16: "Politie (Wpg art. 16)",
    FactChannel.WJSG39F: "OM (Wjsg art. 39f)",
    FactChannel.OWN_OBSERVATION: "Eigen waarneming",
    FactChannel.OPEN_SOURCE: "Open bron",
    FactChannel.OTHER: "Anders",
}
_CHANNEL_LABELS_EN = {
    FactChannel.WPG16: "Police (Wpg art. 16)",
    FactChannel.WJSG39F: "Public prosecutor (Wjsg art. 39f)",
    FactChannel.OWN_OBSERVATION: "Own observation",
    FactChannel.OPEN_SOURCE: "Open source",
    FactChannel.OTHER: "Other",
}
_CHANNEL_BASIS = {
    FactChannel.WPG16: "Wet politiegegevens art. 16",
    FactChannel.WJSG39F: "Wet justitiële en strafvorderlijke gegevens art. 39f",
}
# Typed forms people use on the command line, compared without spaces, dots, dashes or '_'.
_CHANNEL_ALIASES = {
    "wpg16": FactChannel.WPG16,
    "wpgart16": FactChannel.WPG16,
    "wjsg39f": FactChannel.WJSG39F,
    "wjsgart39f": FactChannel.WJSG39F,
    "ownobservation": FactChannel.OWN_OBSERVATION,
    "eigenwaarneming": FactChannel.OWN_OBSERVATION,
    "opensource": FactChannel.OPEN_SOURCE,
    "openbron": FactChannel.OPEN_SOURCE,
    "other": FactChannel.OTHER,
    "anders": FactChannel.OTHER,
}


class BriefingQuestion(StrEnum):
    """The four questions a card answers for the mayor; each fact may say which it answers."""

    WHO = "who"
    ORIGIN = "origin"
    BACKGROUND = "background"
    EXPECTED_ACTIONS = "expected_actions"

    @property
    def label_nl(self) -> str:
        return _QUESTION_LABELS[self]


_QUESTION_LABELS = {
    BriefingQuestion.WHO: "Wie is het?",
    BriefingQuestion.ORIGIN: "Waar komt hij/zij vandaan?",
    BriefingQuestion.BACKGROUND: "Achtergrond",
    BriefingQuestion.EXPECTED_ACTIONS: "Te verwachten acties",
}

# Field -> (Dutch, English) for messages; the keys are the parameter names of validate_fact.
FIELD_LABELS = {
    "statement": ("bewering", "statement"),
    "source_org": ("bronorganisatie", "source organisation"),
    "channel": ("kanaal", "channel"),
    "legal_basis": ("grondslag", "legal basis"),
    "purpose": ("doel", "purpose"),
    "reliability": ("betrouwbaarheid", "reliability"),
    "grade": ("beoordeling", "grade"),
    "name": ("naam", "name"),
    "kind": ("soort", "kind"),
    "year_of_birth": ("geboortejaar", "year of birth"),
}


class FactInvalid(ValidationError, ValueError):
    """``missing`` and ``invalid`` hold field names (keys of FIELD_LABELS) for the form."""

    def __init__(self, missing: tuple[str, ...], invalid: tuple[str, ...] = ()) -> None:
        self.missing = missing
        self.invalid = invalid
        super().__init__(_message(missing, invalid))


def _message(missing: tuple[str, ...], invalid: tuple[str, ...]) -> str:
    def part(fields: tuple[str, ...], lang: int) -> str:
        return ", ".join(FIELD_LABELS[f][lang] for f in fields)

    dutch, english = [], []
    if missing:
        dutch.append(f"ontbreekt: {part(missing, 0)}")
        english.append(f"missing: {part(missing, 1)}")
    if invalid:
        dutch.append(f"ongeldig: {part(invalid, 0)}")
        english.append(f"invalid: {part(invalid, 1)}")
    return tr(f"Niet opgeslagen, {'; '.join(dutch)}", f"Not saved, {'; '.join(english)}")


@dataclass(frozen=True)
class ValidFact:
    statement: str
    source_org: str
    channel: FactChannel
    legal_basis: str
    purpose: str
    reliability: Reliability
    grade: str | None


@dataclass(frozen=True)
class ValidCard:
    name: str
    kind: CardKind
    year_of_birth: int | None


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value or None


def parse_channel(text: str | None) -> FactChannel | None:
    """None when empty; raises ValueError (without echoing the input) when unknown."""
    cleaned = _clean(text)
    if cleaned is None:
        return None
    key = "".join(ch for ch in cleaned.lower() if ch not in " ._-")
    if key not in _CHANNEL_ALIASES:
        raise ValueError(tr("onbekend kanaal", "unknown channel"))
    return _CHANNEL_ALIASES[key]


def validate_fact(
    statement: str | None,
    source_org: str | None,
    channel: str | None,
    legal_basis: str | None,
    purpose: str | None,
    reliability: str | None = None,
    grade: str | None = None,
) -> ValidFact:
    """All fields are checked before anything is raised, so one message names every problem.

    Reliability defaults to hearsay. A fact may be recorded as refuted: a re-grade of a fact is
    a new fact record (append-only), and the source organisation is always named.
    """
    missing: list[str] = []
    invalid: list[str] = []
    clean_statement = _clean(statement)
    if clean_statement is None:
        missing.append("statement")
    elif len(clean_statement) > MAX_STATEMENT:
        invalid.append("statement")
    clean_org = _clean(source_org)
    if clean_org is None:
        missing.append("source_org")
    fact_channel: FactChannel | None = None
    try:
        fact_channel = parse_channel(channel)
    except ValueError:
        invalid.append("channel")
    else:
        if fact_channel is None:
            missing.append("channel")
    clean_basis = _clean(legal_basis)
    if clean_basis is None:
        missing.append("legal_basis")
    clean_purpose = _clean(purpose)
    if clean_purpose is None:
        missing.append("purpose")
    tag = Reliability.HEARSAY
    try:
        tag = parse_reliability(reliability)
    except ValueError:
        invalid.append("reliability")
    parsed_grade = None
    try:
        parsed_grade = parse_grade(grade)
    except ValueError:
        invalid.append("grade")
    if missing or invalid:
        raise FactInvalid(tuple(missing), tuple(invalid))
    assert clean_statement and clean_org and fact_channel and clean_basis and clean_purpose
    return ValidFact(
        statement=clean_statement,
        source_org=clean_org,
        channel=fact_channel,
        legal_basis=clean_basis,
        purpose=clean_purpose,
        reliability=tag,
        grade=None if parsed_grade is None else str(parsed_grade),
    )


def validate_card(
    name: str | None,
    kind: str | None = None,
    year_of_birth: int | None = None,
    now: datetime | None = None,
) -> ValidCard:
    """Minimal identifiers only (minimisation): a name, the kind, at most a year of birth.

    ``now`` bounds the year of birth; without it only the lower bound is checked.
    """
    missing: list[str] = []
    invalid: list[str] = []
    clean_name = _clean(name)
    if clean_name is None:
        missing.append("name")
    elif len(clean_name) > MAX_NAME:
        invalid.append("name")
    card_kind = CardKind.PERSON
    if _clean(kind) is not None:
        try:
            card_kind = CardKind((kind or "").strip().lower())
        except ValueError:
            invalid.append("kind")
    if year_of_birth is not None:
        latest = as_utc(now).year if now is not None else 9999
        if card_kind is CardKind.ORGANISATION or not 1900 <= year_of_birth <= latest:
            invalid.append("year_of_birth")
    if missing or invalid:
        raise FactInvalid(tuple(missing), tuple(invalid))
    assert clean_name is not None
    return ValidCard(clean_name, card_kind, year_of_birth)
