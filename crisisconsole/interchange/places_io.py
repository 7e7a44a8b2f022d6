"""What reading a gazetteer file gives, shared by the CSV/XLSX and GeoJSON readers: all places
or a refusal (nothing half-imported), plus warnings about positions that are possible but
suspicious (lat/lon swapped, far from the municipality) for the aide to look at before the
places are kept. Reading a file by its extension: crisisconsole.interchange.places_files.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from crisisconsole.domain.geo import Municipality, position_warnings
from crisisconsole.domain.places import Gazetteer, Place
from crisisconsole.errors import ValidationError
from crisisconsole.i18n import tr

MAX_PLACES = 20_000  # a municipality has a few thousand streets; more is not a gazetteer


class PlacesRefused(ValidationError, ValueError):
    """A gazetteer file the console will not import; nothing was imported."""


@dataclass(frozen=True)
class PlacesRead:
    places: tuple[Place, ...]
    warnings: tuple[str, ...]  # one line each, naming the row or feature
    kind: str  # "csv" | "xlsx" | "geojson"


def finish(places: Sequence[tuple[str, Place]], kind: str,
           municipality: Municipality | None) -> PlacesRead:
    """Refuse duplicate names within the file; collect position warnings. ``places`` pairs each
    place with where it came from ("regel 4", "object 2")."""
    if not places:
        raise PlacesRefused(tr("geen plaatsen in het bestand", "no places in the file"))
    if len(places) > MAX_PLACES:
        raise PlacesRefused(tr(f"meer dan {MAX_PLACES} plaatsen", f"more than {MAX_PLACES} places"))
    taken: dict[str, tuple[str, Place]] = {}
    for where, place in places:
        for key, shown in zip(place.keys, (place.name, *place.aliases), strict=True):
            if key in taken and taken[key][1] is not place:
                first_where, first = taken[key]
                raise PlacesRefused(tr(
                    f"{where}: plaatsnaam {shown!r} komt al voor ({first_where}: {first.name!r})",
                    f"{where}: place name {shown!r} occurs twice ({first_where}: {first.name!r})"))
            taken[key] = (where, place)
    gazetteer = Gazetteer(place for _, place in places)
    warnings = []
    for where, place in places:
        for warning in position_warnings(place.position, municipality):
            warnings.append(f"{where} ({place.name}): {warning.message}")
    return PlacesRead(gazetteer.places, tuple(warnings), kind)
