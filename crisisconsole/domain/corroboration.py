"""Suggest that a new log entry corroborates or duplicates a recent one (issue 7, item 6).

Only suggestions: confirming hearsay needs an explicit act by the aide (DOMAIN.md §1). The
rules are deliberately plain so the aide can understand why a link is proposed:

- same source and (nearly) the same text -> "duplicate": one report received twice;
- another source, similar text, within the time window, and a location that does not
  contradict -> "corroborates". A report repeated by the same source never corroborates itself,
  because corroboration needs an independent second source.

Reasons never quote texts or sources (they may hold personal data); they give the numbers.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache

from rapidfuzz import fuzz

from crisisconsole.clock import format_age
from crisisconsole.i18n import tr

DEFAULT_WINDOW = timedelta(hours=2)
DEFAULT_THRESHOLD = 70.0
DUPLICATE_THRESHOLD = 95.0
LOCATION_TEXT_THRESHOLD = 60.0
MAX_DISTANCE_KM = 2.0

_PUNCTUATION = re.compile(r"[^\w\s]+")


@dataclass(frozen=True)
class Candidate:
    id: str
    text: str
    source: str
    occurred_at: datetime
    location: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True)
class Suggestion:
    other_id: str
    score: float  # 0-100, text similarity
    kind: str  # "corroborates" or "duplicate"
    reason_nl: str


@lru_cache(maxsize=1 << 16)
def normalise_text(text: str) -> str:
    """Lowercase, no diacritics, no punctuation, single spaces: "Brand!  Café" -> "brand cafe".

    Remembered: ``suggest`` compares every new entry with the same recent ones (an import of
    3,000 alerts normalised each recent text 3,000 times, two fifths of the suggestions)."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(_PUNCTUATION.sub(" ", plain.lower()).replace("_", " ").split())


def text_score(left: str, right: str) -> float:
    """Blend of word-set and word-order scores on normalised texts.

    The word-set score alone rates a one-word report as identical to any text containing that
    word; the sorted-words score alone misses rephrasings. The mean behaves well for both.
    """
    if not left or not right:
        return 0.0
    return (fuzz.token_set_ratio(left, right) + fuzz.token_sort_ratio(left, right)) / 2


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine); exact enough for "same place" within a region."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def suggest(
    new: Candidate,
    recent: Sequence[Candidate],
    window: timedelta = DEFAULT_WINDOW,
    threshold: float = DEFAULT_THRESHOLD,
    *,
    duplicate_threshold: float = DUPLICATE_THRESHOLD,
    max_distance_km: float = MAX_DISTANCE_KM,
) -> list[Suggestion]:
    """Best suggestions first (highest score, then closest in time)."""
    new_text = normalise_text(new.text)
    new_source = normalise_text(new.source)
    if not new_text:
        return []
    found: list[tuple[float, timedelta, Suggestion]] = []
    for other in recent:
        if other.id == new.id:
            continue
        gap = abs(new.occurred_at - other.occurred_at)
        if gap > window:
            continue
        score = text_score(new_text, normalise_text(other.text))
        same_source = bool(new_source) and new_source == normalise_text(other.source)
        if same_source:
            if score < duplicate_threshold:
                continue
            reason = f"Zelfde bron, (bijna) gelijke tekst ({score:.0f}%), {_gap(gap)}: mogelijk dubbel"
            found.append((score, gap, Suggestion(other.id, score, "duplicate", reason)))
            continue
        if score < threshold:
            continue
        place = _place(new, other, max_distance_km)
        if place is None:
            continue
        reason = f"Andere bron, vergelijkbare tekst ({score:.0f}%), {_gap(gap)}, {place}"
        if score >= duplicate_threshold:
            reason += "; bijna gelijke tekst: controleer of de bronnen onafhankelijk zijn"
        found.append((score, gap, Suggestion(other.id, score, "corroborates", reason)))
    found.sort(key=lambda item: (-item[0], item[1]))
    return [suggestion for _, _, suggestion in found]


def _gap(gap: timedelta) -> str:
    if gap < timedelta(minutes=1):
        return tr("zelfde tijdstip", "same time")
    return tr(f"{format_age(gap)} verschil", f"{format_age(gap)} apart")


def _place(new: Candidate, other: Candidate, max_distance_km: float) -> str | None:
    """A description of how the locations relate, or None when they contradict."""
    if None not in (new.lat, new.lon, other.lat, other.lon):
        km = distance_km(new.lat, new.lon, other.lat, other.lon)  # type: ignore[arg-type]
        if km > max_distance_km:
            return None
        return f"locatie {km:.1f} km uit elkaar".replace(".", ",")
    new_location = normalise_text(new.location or "")
    other_location = normalise_text(other.location or "")
    if new_location and other_location:
        if fuzz.token_set_ratio(new_location, other_location) < LOCATION_TEXT_THRESHOLD:
            return None
        return "vergelijkbare locatie"
    return "locatie onbekend"
