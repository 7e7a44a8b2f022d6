"""The gazetteer (issue 18): a municipality's named places, each with aliases and a point or an
area, and the rule that gives a log entry a position from its location text.

The aide thinks in places ("Parkeergarage Markt", "Stationsplein"), and the log says them in
many spellings. Matching is therefore on a *name key*: letters and digits only, diacritics
dropped, case folded, word breaks ignored — so "Stationsplein", "stationsplein ", "STATIONS-
PLEIN" and "Lange Kerkstraat" / "Langekerkstraat" meet, while "Station Plein" does not meet
"Stationsplein" (the Dutch linking s differs: a place that is written both ways gets an
alias). Nothing fuzzy: "Brugstraat" and "Burgstraat" are two streets, and a wrong place on a
crisis map is worse than none.

In a longer text ("hoek Brugstraat / Marktplein 12", "Parkeergarage Markt, niveau -1") the most
specific place wins: the longest name key found as a run of whole words, then the earliest.
"Parkeergarage Markt" beats "Markt"; "Marktplein 12" matches "Marktplein" but never "Markt".
An entry that carries its own coordinates keeps them.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from crisisconsole.domain.geo import LatLon, MultiPolygon, label_point
from crisisconsole.errors import ValidationError
from crisisconsole.i18n import tr

MAX_NAME = 200
MAX_ALIASES = 50
MAX_MATCH_TEXT = 2_000  # a location field is short; a pasted essay is only read this far

PlaceGeometry = LatLon | MultiPolygon


class PlaceInvalid(ValidationError, ValueError):
    """A place that breaks a rule (empty or duplicate name, too long); nothing was recorded."""


def words(text: str) -> list[str]:
    """The words of ``text`` for matching: diacritics dropped (é → e, ë → e), case folded, and
    every run of characters that are not letters or digits a word break."""
    decomposed = unicodedata.normalize("NFKD", text[:MAX_MATCH_TEXT])
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    return "".join(ch if ch.isalnum() else " " for ch in plain).split()


def name_key(text: str) -> str:
    """The key two names share when they are the same place: ``words`` without word breaks."""
    return "".join(words(text))


def _clean(text: str, what: str) -> str:
    if not isinstance(text, str):
        raise PlaceInvalid(tr(f"{what} is geen tekst", f"{what} is not text"))
    cleaned = " ".join(text.split())
    if any(unicodedata.category(ch) in ("Cc", "Cf") for ch in cleaned):
        raise PlaceInvalid(tr(f"{what} bevat stuurtekens", f"{what} contains control characters"))
    if len(cleaned) > MAX_NAME:
        raise PlaceInvalid(tr(f"{what} is langer dan {MAX_NAME} tekens",
                              f"{what} is longer than {MAX_NAME} characters"))
    if not name_key(cleaned):
        raise PlaceInvalid(tr(f"{what} is leeg (geen letters of cijfers)",
                              f"{what} is empty (no letters or digits)"))
    return cleaned


@dataclass(frozen=True)
class Place:
    """A named place. Build it with ``make_place`` (which checks and tidies the names);
    ``position`` is the point an entry at this place is drawn at (for an area: a point inside
    it)."""

    name: str
    aliases: tuple[str, ...]
    geometry: PlaceGeometry
    position: LatLon = field(compare=False)

    @property
    def keys(self) -> tuple[str, ...]:
        return (name_key(self.name), *(name_key(alias) for alias in self.aliases))

    @property
    def is_area(self) -> bool:
        return isinstance(self.geometry, MultiPolygon)


def make_place(name: str, geometry: PlaceGeometry, aliases: Iterable[str] = ()) -> Place:
    """A checked place: names trimmed, aliases without repeats (nor the name itself)."""
    name = _clean(name, tr("plaatsnaam", "place name"))
    if not isinstance(geometry, LatLon | MultiPolygon):
        raise PlaceInvalid(tr("plaats zonder punt of gebied", "place without a point or area"))
    if isinstance(aliases, str):
        aliases = [aliases]  # one alias, not its letters
    kept: list[str] = []
    seen = {name_key(name)}
    for alias in aliases:
        alias = _clean(alias, tr("alias", "alias"))
        if name_key(alias) not in seen:
            seen.add(name_key(alias))
            kept.append(alias)
    if len(kept) > MAX_ALIASES:
        raise PlaceInvalid(tr(f"{name}: meer dan {MAX_ALIASES} aliassen",
                              f"{name}: more than {MAX_ALIASES} aliases"))
    position = geometry if isinstance(geometry, LatLon) else label_point(geometry)
    return Place(name, tuple(kept), geometry, position)


@dataclass(frozen=True)
class PlaceMatch:
    place: Place
    matched: str  # the words of the location text that named the place (as ``words`` gives them)
    alternatives: tuple[Place, ...] = ()  # other places named by an equally long part


@dataclass(frozen=True)
class EntryPosition:
    """Where an entry goes on the map, and why: its own coordinates, or a named place."""

    point: LatLon
    source: str  # "own" | "place"
    place: Place | None = None


class Gazetteer:
    """The places of one municipality, with every name and alias unique after ``name_key``.

    Immutable: ``adding`` returns a new gazetteer, so an import either takes all its places or
    none."""

    def __init__(self, places: Iterable[Place] = ()) -> None:
        self._places: list[Place] = []
        self._index: dict[str, Place] = {}
        self._longest = 0
        for place in places:
            self._add(place)

    def _add(self, place: Place) -> None:
        for key, shown in zip(place.keys, (place.name, *place.aliases), strict=True):
            other = self._index.get(key)
            if other is not None:
                raise PlaceInvalid(_duplicate(shown, other))
        for key in place.keys:
            self._index[key] = place
            self._longest = max(self._longest, len(key))
        self._places.append(place)

    def adding(self, places: Iterable[Place]) -> Gazetteer:
        """A gazetteer with ``places`` added; refused whole when any name is taken."""
        return Gazetteer([*self._places, *places])

    @property
    def places(self) -> tuple[Place, ...]:
        return tuple(self._places)

    def __len__(self) -> int:
        return len(self._places)

    def __iter__(self) -> Iterator[Place]:
        return iter(self._places)

    def get(self, name: str) -> Place | None:
        """The place with this name or alias (in any spelling ``name_key`` equates)."""
        return self._index.get(name_key(name))

    def match(self, text: str | None) -> PlaceMatch | None:
        """The most specific place named in ``text``: the longest key made of whole words,
        then the earliest; None when no place is named."""
        if not text or not self._index:
            return None
        found = words(text)
        best: tuple[int, int, int] | None = None  # (key length, -start, end)
        hits: dict[tuple[int, int, int], Place] = {}
        for start in range(len(found)):
            joined = ""
            for end in range(start, len(found)):
                joined += found[end]
                if len(joined) > self._longest:
                    break
                place = self._index.get(joined)
                if place is not None:
                    rank = (len(joined), -start, end)
                    hits[rank] = place
                    if best is None or rank > best:
                        best = rank
        if best is None:
            return None
        winner = hits[best]
        others = tuple(dict.fromkeys(place for rank, place in hits.items()
                                     if rank[0] == best[0] and place is not winner))
        return PlaceMatch(winner, " ".join(found[-best[1]:best[2] + 1]), others)

    def position_for(self, location: str | None, own: LatLon | None = None) -> EntryPosition | None:
        """An entry's map position: its own coordinates when it has them, else the place its
        location text names, else None (the entry is not drawn; it stays in the log)."""
        if own is not None:
            return EntryPosition(own, "own")
        hit = self.match(location)
        if hit is None:
            return None
        return EntryPosition(hit.place.position, "place", hit.place)


def _duplicate(name: str, other: Place) -> str:
    if name_key(name) == name_key(other.name):
        return tr(f"plaatsnaam bestaat al: {name!r} (als {other.name!r})",
                  f"place name already exists: {name!r} (as {other.name!r})")
    return tr(f"plaatsnaam bestaat al: {name!r} is een alias van {other.name!r}",
              f"place name already exists: {name!r} is an alias of {other.name!r}")
