"""Normalised text for the topic grouping: location keys, text signatures, similarity.

Why these rules:

- A location key ignores case, diacritics, punctuation and a trailing house number, so
  "Parkeergarage Markt", "parkeergarage  markt." and "Marktplein 12" / "Marktplein" match,
  while road names such as "A12" keep their number.
- Text similarity compares *content* words: Dutch function words are dropped and numbers are
  masked, so "groep van ca. 49 personen" and "groep van ca. 34 personen" are the same report
  of a changing count. Names (capitalised words, road numbers) are kept apart: two texts that
  both name places, but no place in common, are about different places
  ("Cameratoezicht Brugstraat" is not "Cameratoezicht Havenkade").
- rapidfuzz's token_set_ratio scores the word sets; at least two content words must be
  shared, so one common word ("brand") never joins two reports on its own. A shared name and
  one more shared word is enough ("Stremming A12 richting Arnhem" / "Stremming A12
  opgeheven").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

SIMILAR = 80.0  # token_set_ratio at or above which two texts are about the same subject
NAME_BONUS = 12.0  # a shared name (place, road) counts for this much
NAMED = 90.0  # ... and is enough with one more shared content word
MIN_SHARED = 2

STOPWORDS = frozenset("""
de het een en of van voor naar met bij in op aan uit om over onder tot door als dan dat die
dit deze er is zijn was waren wordt worden werd werden te ter ten toe nog al ook niet geen
wel maar nu meer veel zo zoals ca circa ongeveer ruim bijna rond zo'n zon waarvan waarbij
hij zij ze we wij ik u men wat wie waar hoe heeft hebben had kan kunnen moet moeten zal
zullen wil via per na sinds tijdens vanaf sprake melding meldt meldde gemeld bericht
""".split())
# Short all-capital words are organisations and units (ME, TS, NOS, OvJ), not places.
_ACRONYM = re.compile(r"^[A-Z]{1,4}$")
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)
_ROAD = re.compile(r"^[a-z]{1,2}\d{1,4}$")  # A12, N325, s100
_COUNTS = re.compile(r"(?<!\w)\d+")  # not the digits of "A12"
_HOUSE_NUMBER = re.compile(r"\s+\d+\s*[a-z]?$")


def fold(text: str) -> str:
    """Lower case without diacritics ("Geïnformeerd" -> "geinformeerd")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def location_key(location: str | None) -> str | None:
    """The normalised place, or None when there is none to compare."""
    if not location:
        return None
    words = " ".join(WORD.findall(fold(location)))
    words = _HOUSE_NUMBER.sub("", words).strip()
    return words or None


@dataclass(frozen=True)
class TextSig:
    """What similarity needs of one text, computed once per distinct text."""

    content: str  # sorted distinct content words, numbers masked away
    words: frozenset[str]
    names: frozenset[str]


def _fold_word(raw: str) -> str:
    return raw.lower() if raw.isascii() else fold(raw)


def _keep(word: str) -> bool:
    """A content word: not a function word, not a number, time or glued count."""
    if len(word) < 2 or word in STOPWORDS:
        return False
    return word.isalpha() or bool(_ROAD.match(word))


def signature(text: str) -> TextSig:
    """The signature of a text; texts that differ only in their counts share one (cached)."""
    return _signature(_COUNTS.sub("#", text))


@lru_cache(maxsize=65536)
def _signature(text: str) -> TextSig:
    words: set[str] = set()
    names: set[str] = set()
    for position, raw in enumerate(WORD.findall(text)):
        word = _fold_word(raw)
        if not _keep(word):
            continue
        words.add(word)
        if not word.isalpha():
            names.add(word)  # a road: A12, N325
        elif position and raw[:1].isupper() and not _ACRONYM.match(raw):
            names.add(word)  # capitalised inside the sentence: a place or a name
    distinct = sorted(words)
    return TextSig(" ".join(distinct), frozenset(distinct), frozenset(names))


def similarity(a: TextSig, b: TextSig) -> float:
    """0..100: how surely two texts are about the same subject (0: not comparable)."""
    shared = a.words & b.words
    if len(shared) < MIN_SHARED:
        return 0.0
    if a.names and b.names and not (a.names & b.names):
        return 0.0  # both name places, none in common
    score = fuzz.token_set_ratio(a.content, b.content)
    if a.names & b.names:
        # The same named place or road and another word in common ("Stremming A12 ...").
        score = max(score + NAME_BONUS, NAMED)
    return min(100.0, score)


def content_words(text: str) -> list[str]:
    """The content words of a text in their order (for titles), folded."""
    return [folded for folded, _shown in title_words(text)]


def title_words(text: str) -> tuple[tuple[str, str], ...]:
    """(folded, as shown) for each content word of a text, in order. Names keep their
    capitals ("A12", "Industrieweg"), other words are shown in lower case."""
    return _title_words(_COUNTS.sub("#", text))


@lru_cache(maxsize=65536)
def _title_words(text: str) -> tuple[tuple[str, str], ...]:
    out = []
    for position, raw in enumerate(WORD.findall(text)):
        word = _fold_word(raw)
        if len(word) > 2 and _keep(word):
            named = raw.isupper() or (position > 0 and raw[:1].isupper())
            out.append((word, raw if named else raw.lower()))
    return tuple(out)
