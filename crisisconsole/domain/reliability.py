"""Reliability of a statement (DOMAIN.md §1): the primary tag and the optional Admiralty grade.

The two axes of the grade are judged independently: the information grade is never derived
from the source grade.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from crisisconsole.i18n import tr


class Reliability(StrEnum):
    HEARSAY = "hearsay"
    CONFIRMED = "confirmed"
    REFUTED = "refuted"

    @property
    def label_nl(self) -> str:
        return RELIABILITY_LABELS_NL[self]

    @property
    def label(self) -> str:
        return tr(RELIABILITY_LABELS_NL[self], RELIABILITY_LABELS_EN[self])


RELIABILITY_LABELS_NL = {
    Reliability.HEARSAY: "Van horen zeggen",
    Reliability.CONFIRMED: "Bevestigd",
    Reliability.REFUTED: "Ontkracht",
}

RELIABILITY_LABELS_EN = {
    Reliability.HEARSAY: "Hearsay",
    Reliability.CONFIRMED: "Confirmed",
    Reliability.REFUTED: "Refuted",
}

SOURCE_GRADES = {
    "A": "volledig betrouwbaar",
    "B": "meestal betrouwbaar",
    "C": "redelijk betrouwbaar",
    "D": "meestal niet betrouwbaar",
    "E": "onbetrouwbaar",
    "F": "niet te beoordelen",
}
INFORMATION_GRADES = {
    "1": "bevestigd door andere bronnen",
    "2": "waarschijnlijk waar",
    "3": "mogelijk waar",
    "4": "twijfelachtig",
    "5": "onwaarschijnlijk",
    "6": "niet te beoordelen",
}

_GRADE = re.compile(r"^\s*([A-Fa-f])\s*([1-6])\s*$")


@dataclass(frozen=True)
class AdmiraltyGrade:
    source: str
    information: str

    def __str__(self) -> str:
        return f"{self.source}{self.information}"

    @property
    def description_nl(self) -> str:
        return f"bron {SOURCE_GRADES[self.source]}, informatie {INFORMATION_GRADES[self.information]}"


def parse_grade(text: str | None) -> AdmiraltyGrade | None:
    """'B2' -> AdmiraltyGrade('B', '2'); empty -> None; anything else is refused."""
    if text is None or not text.strip():
        return None
    match = _GRADE.match(text)
    if not match:
        raise ValueError(
            f"onbekende beoordeling {text!r}: gebruik bron A–F en informatie 1–6, bijvoorbeeld B2"
        )
    return AdmiraltyGrade(match.group(1).upper(), match.group(2))


def parse_reliability(text: str | None) -> Reliability:
    if text is None or not text.strip():
        return Reliability.HEARSAY
    value = text.strip().lower()
    aliases = {
        "van horen zeggen": Reliability.HEARSAY,
        "hearsay": Reliability.HEARSAY,
        "onbevestigd": Reliability.HEARSAY,
        "bevestigd": Reliability.CONFIRMED,
        "confirmed": Reliability.CONFIRMED,
        "ontkracht": Reliability.REFUTED,
        "refuted": Reliability.REFUTED,
    }
    if value not in aliases:
        raise ValueError(
            f"onbekende betrouwbaarheid {text!r}: kies hearsay, confirmed of refuted"
        )
    return aliases[value]


# CAP certainty -> tag (DOMAIN.md §1); the original value is always kept beside it.
CAP_CERTAINTY = {
    "observed": Reliability.CONFIRMED,
    "likely": Reliability.HEARSAY,
    "possible": Reliability.HEARSAY,
    "unlikely": Reliability.HEARSAY,
    "unknown": Reliability.HEARSAY,
    # CAP 1.0 / 1.1 legacy value
    "very likely": Reliability.HEARSAY,
}


def reliability_from_cap_certainty(certainty: str | None) -> Reliability:
    if not certainty:
        return Reliability.HEARSAY
    return CAP_CERTAINTY.get(certainty.strip().lower(), Reliability.HEARSAY)


# The colour of each tag wherever it is drawn as a mark (the log table's badges, the map's
# points): green for confirmed, amber for hearsay, grey for refuted.
RELIABILITY_COLOURS = {
    Reliability.CONFIRMED: "#1b7f3b",
    Reliability.HEARSAY: "#f0b429",
    Reliability.REFUTED: "#5f6b7a",
}
