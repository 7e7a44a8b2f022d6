"""The gazetteer as facts (issue 18): a municipality's places are never edited in place. Each
act is a fact (add, alias, correct, remove) and the current gazetteer is what replaying them in
order gives, so a wrong position stays visible in the history after it is corrected, and a
place removed by mistake is added again as a new fact.

Replaying is forgiving where the store cannot be: a fact that no longer applies (an alias that
two laptops both gave, a correction of a place already removed) is skipped and reported, never
an error, so one odd fact does not hide the whole gazetteer. The services refuse such acts
before they are recorded.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from crisisconsole.domain.places import (
    Gazetteer,
    Place,
    PlaceGeometry,
    PlaceInvalid,
    make_place,
    name_key,
)

FACT_KINDS = ("add", "alias", "correct", "remove")


@dataclass(frozen=True)
class PlaceFact:
    """One recorded act on a place. ``add`` carries name, geometry and aliases; ``alias`` the
    aliases to add; ``correct`` whatever changes (None: unchanged; aliases replace the old
    ones); ``remove`` only the place id."""

    id: str
    place_id: str
    kind: str
    recorded_at: datetime
    actor: str
    name: str | None = None
    aliases: tuple[str, ...] | None = None
    geometry: PlaceGeometry | None = None
    reason: str | None = None


@dataclass(frozen=True)
class CurrentPlace:
    place_id: str
    place: Place
    added_at: datetime
    changed_at: datetime
    facts: int  # how many facts made it what it is


@dataclass
class PlaceBook:
    """The current places of one municipality, with their ids (alias, correct and remove name
    a place by id; the CLI and the page find it by name first)."""

    current: dict[str, CurrentPlace] = field(default_factory=dict)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (fact id, why)

    @property
    def gazetteer(self) -> Gazetteer:
        return Gazetteer(c.place for c in self.current.values())

    def find(self, name: str) -> CurrentPlace | None:
        """The place with this name or alias (any spelling ``name_key`` equates)."""
        key = name_key(name)
        for item in self.current.values():
            if key in item.place.keys:
                return item
        return None

    def apply(self, fact: PlaceFact) -> None:
        """Apply one fact; one that no longer fits is skipped with the reason."""
        try:
            self._apply(fact)
        except PlaceInvalid as error:
            self.skipped.append((fact.id, error.message))

    def _apply(self, fact: PlaceFact) -> None:
        old = self.current.get(fact.place_id)
        if fact.kind == "add":
            if old is not None or fact.name is None or fact.geometry is None:
                raise PlaceInvalid(f"add {fact.place_id}: already there or incomplete")
            place = make_place(fact.name, fact.geometry, fact.aliases or ())
            self._check_free(place, None)
            self.current[fact.place_id] = CurrentPlace(fact.place_id, place, fact.recorded_at,
                                                       fact.recorded_at, 1)
            return
        if old is None:
            raise PlaceInvalid(f"{fact.kind} {fact.place_id}: no such place")
        if fact.kind == "remove":
            del self.current[fact.place_id]
            return
        if fact.kind == "alias":
            aliases = (*old.place.aliases, *(fact.aliases or ()))
            place = make_place(old.place.name, old.place.geometry, aliases)
        elif fact.kind == "correct":
            place = make_place(fact.name if fact.name is not None else old.place.name,
                               fact.geometry if fact.geometry is not None else old.place.geometry,
                               fact.aliases if fact.aliases is not None else old.place.aliases)
        else:
            raise PlaceInvalid(f"unknown fact kind {fact.kind!r}")
        self._check_free(place, fact.place_id)
        self.current[fact.place_id] = CurrentPlace(fact.place_id, place, old.added_at,
                                                   fact.recorded_at, old.facts + 1)

    def _check_free(self, place: Place, own_id: str | None) -> None:
        others = [c.place for pid, c in self.current.items() if pid != own_id]
        Gazetteer(others).adding([place])  # PlaceInvalid naming the clash


def replay(facts: Iterable[PlaceFact]) -> PlaceBook:
    """The current places from their facts, in the order they were recorded."""
    book = PlaceBook()
    for fact in facts:
        book.apply(fact)
    return book
