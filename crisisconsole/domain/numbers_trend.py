"""Counts in Dutch report texts, and the trend of a topic's counts (issue 13, item 1).

A count is a number followed by what it counts: "ca. 49 personen", "±50 supporters",
"circa 30 man", "3 gewonden", "1.500 bezoekers", "twee aanhoudingen". Not counts: times
("21:45", "22.00 uur"), dates ("3-12-2026", "3 december"), road and line names ("A12",
"N325", "lijn 4"), house numbers and postcodes ("Marktplein 12", "6511 AB"), scores ("2-3"),
ordinals ("2e"), and numbers followed by a function word ("waarvan 2 naar ..."). A range
counts as its middle ("30 à 40 personen" -> 35).

The trend compares a topic's latest count with the one before, for the unit counted most
often in its reports (at least two reports): rising or falling when it changed by more than
``STEADY`` (10 %), else steady; "none" without such a series.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from crisisconsole.domain.topic_text import STOPWORDS, fold

STEADY = 0.10
WORD_NUMBERS = {
    "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8, "negen": 9,
    "tien": 10, "elf": 11, "twaalf": 12, "twintig": 20, "dertig": 30, "veertig": 40,
    "vijftig": 50, "zestig": 60, "zeventig": 70, "tachtig": 80, "negentig": 90,
    "honderd": 100, "duizend": 1000,
}
MONTHS = frozenset(("januari jan februari feb maart mrt april apr mei juni jun juli jul "
                    "augustus aug september sep sept oktober okt november nov december "
                    "dec").split())
TIME_UNITS = frozenset(("uur u min minuut minuten sec seconde seconden dag dagen week weken "
                        "maand maanden jaar jaren kwartier uurtje keer/uur").split())
NOT_COUNTED = frozenset(("lijn", "bus", "nummer", "nr", "huisnummer", "pand", "hectometer",
                         "hmp", "afrit", "kanaal", "spoor", "perron", "ronde", "fase"))
# Words before a count that are not a street name, even when capitalised.
PREFIXES = frozenset(("circa ongeveer ruim bijna rond meer minder pakweg plusminus totaal "
                      "nog al minstens maximaal zeker tenminste naar schatting").split())
# Number (with thousands dots or decimal comma, or a range), then the next word.
_COUNT = re.compile(
    r"(?<![\w:./\-])(?:[±~]\s*|\+/-\s*)?"
    r"(?P<n>\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?)"
    r"(?:\s*(?:-|à|a|tot)\s*(?P<m>\d+))?"
    r"(?![\w:/]|[.,]\d|-\d)"
    r"\s*(?P<unit>[^\W\d_]+(?:\([a-z]+\))?)?", re.UNICODE)
_WORD_COUNT = re.compile(r"\b(?P<w>" + "|".join(WORD_NUMBERS) + r")\s+(?P<unit>[^\W\d_]+)",
                         re.IGNORECASE | re.UNICODE)
_POSTCODE = re.compile(r"^[A-Z]{2}$")
_PLURAL = (("personen", "persoon"), ("patienten", "patient"), ("patient(en)", "patient"),
           ("gewonden", "gewonde"), ("doden", "dode"), ("aanhoudingen", "aanhouding"),
           ("voertuigen", "voertuig"), ("woningen", "woning"), ("winkels", "winkel"))


@dataclass(frozen=True)
class Count:
    value: float
    unit: str  # folded, singular where known ("persoon", "gewonde")


def _unit(raw: str) -> str | None:
    word = fold(raw)
    word = word.replace("(en)", "en").replace("(s)", "s")
    if not word or word in STOPWORDS or word in MONTHS or word in TIME_UNITS:
        return None
    for plural, singular in _PLURAL:
        if word == plural:
            return singular
    return word


def counts(text: str) -> list[Count]:
    """The counts in a text, in their order."""
    found: list[tuple[int, Count]] = []
    for match in _COUNT.finditer(text):
        raw_unit = match.group("unit")
        if not raw_unit or _POSTCODE.match(raw_unit):
            continue
        before = text[:match.start()].split()
        previous = before[-1] if before else ""
        if fold(previous).strip(".,:;") in NOT_COUNTED | MONTHS:
            continue
        if previous.isalpha() and previous[:1].isupper() and fold(previous) not in PREFIXES:
            continue  # "Marktplein 12 ...": a house number after a street name
        unit = _unit(raw_unit)
        if unit is None:
            continue
        value = float(match.group("n").replace(".", "").replace(",", "."))
        if match.group("m"):
            value = (value + float(match.group("m"))) / 2
        found.append((match.start(), Count(value, unit)))
    for match in _WORD_COUNT.finditer(text):
        unit = _unit(match.group("unit"))
        if unit is not None:
            found.append((match.start(), Count(float(WORD_NUMBERS[fold(match.group("w"))]),
                                               unit)))
    return [c for _, c in sorted(found, key=lambda p: p[0])]


@dataclass(frozen=True)
class Trend:
    direction: str  # rising | falling | steady | none
    unit: str | None = None
    values: tuple[float, ...] = ()

    def as_json(self) -> dict:
        return {"direction": self.direction, "unit": self.unit,
                "values": [int(v) if v == int(v) else v for v in self.values]}


NO_TREND = Trend("none")


def trend(reports: Iterable[tuple[datetime, str, str]]) -> Trend:
    """The trend of ``(occurred_at, entry_id, text)`` reports (any order)."""
    series: dict[str, list[float]] = {}
    seen: Counter[str] = Counter()
    for _at, _id, text in sorted(reports):
        firsts: dict[str, float] = {}
        for count in counts(text):
            firsts.setdefault(count.unit, count.value)
        for unit, value in firsts.items():
            series.setdefault(unit, []).append(value)
            seen[unit] += 1
    candidates = [u for u, n in seen.items() if n >= 2]
    if not candidates:
        return NO_TREND
    unit = max(candidates, key=lambda u: (seen[u], u))
    values = series[unit]
    before, last = values[-2], values[-1]
    if before == 0:
        direction = "rising" if last > 0 else "steady"
    elif (last - before) / before > STEADY:
        direction = "rising"
    elif (before - last) / before > STEADY:
        direction = "falling"
    else:
        direction = "steady"
    return Trend(direction, unit, tuple(values))
