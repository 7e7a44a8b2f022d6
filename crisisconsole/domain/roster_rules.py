"""The crisis team's roster: who holds which function now. Shift changes are facts; the holder
of a function at a moment is the newest assignment at or before it. The functions come from
DOMAIN.md (GBT/ROT); the set is configurable (the setting ``roster_functions``), and a
function outside it is refused so a typo does not open a new seat."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from crisisconsole.errors import ValidationError
from crisisconsole.i18n import language, tr

DEFAULT_FUNCTIONS: tuple[str, ...] = (
    "burgemeester", "directe ondersteuner", "informatiecoördinator", "communicatieadviseur",
    "gemeentesecretaris", "OvD-Bz", "AC Bevolkingszorg", "OvJ", "politiechef",
    "commandant brandweer", "DPG/GHOR", "notulist",
)
MAX_PERSON = 200
# The default functions in English (English mode shows these; the stored fact keeps the Dutch
# name, and a function the municipality configured itself shows as it was typed).
FUNCTIONS_EN = {
    "burgemeester": "mayor", "directe ondersteuner": "mayor's aide",
    "informatiecoördinator": "information coordinator",
    "communicatieadviseur": "communication adviser",
    "gemeentesecretaris": "municipal secretary",
    "OvD-Bz": "OvD-Bz (duty officer population care)",
    "AC Bevolkingszorg": "AC Bevolkingszorg (population care coordinator)",
    "OvJ": "public prosecutor (OvJ)", "politiechef": "police chief",
    "commandant brandweer": "fire chief", "DPG/GHOR": "DPG/GHOR (public health director)",
    "notulist": "minute taker",
}


def function_label(function: str) -> str:
    """A function as the user reads it: in English mode the default set in English."""
    return FUNCTIONS_EN.get(function, function) if language() == "en" else function


class RosterRefused(ValidationError):
    """A shift change the roster cannot take."""


@dataclass(frozen=True)
class Assignment:
    function: str
    person: str
    at: datetime


def parse_functions(text: str | None) -> tuple[str, ...]:
    """The configured set: one function per line or separated by ';' (empty: the default)."""
    items = [" ".join(part.split()) for part in (text or "").replace(";", "\n").splitlines()]
    return tuple(dict.fromkeys(i for i in items if i)) or DEFAULT_FUNCTIONS


def check_function(function: str | None, functions: Sequence[str]) -> str:
    cleaned = " ".join((function or "").split())
    for known in functions:
        if known.casefold() == cleaned.casefold():
            return known
    raise RosterRefused(tr(
        f"onbekende functie {function!r}: kies uit {', '.join(functions)}",
        f"unknown function {function!r}: choose from {', '.join(functions)}"))


def check_person(person: str | None) -> str:
    cleaned = " ".join((person or "").split())
    if len(cleaned) > MAX_PERSON:
        raise RosterRefused(tr("de naam is te lang", "the name is too long"))
    return cleaned


def on_duty(assignments: Iterable[Assignment], at: datetime,
            functions: Sequence[str]) -> list[tuple[str, Assignment | None]]:
    """Per function (configured order first, then any older function still held) who holds it
    at ``at``; None when nobody was assigned yet, or the seat was left vacant."""
    holder: dict[str, Assignment] = {}
    for item in sorted(assignments, key=lambda a: a.at):
        if item.at <= at:
            holder[item.function] = item
    order = list(functions) + sorted(set(holder) - set(functions))
    return [(f, holder.get(f) if holder.get(f) and holder[f].person else None) for f in order]
