"""Reading a gazetteer file by its extension: a table (.csv, .txt, .xlsx) or GeoJSON."""

from __future__ import annotations

from pathlib import Path

from crisisconsole.domain.geo import Municipality
from crisisconsole.i18n import tr
from crisisconsole.interchange.places_csv import read_places_table
from crisisconsole.interchange.places_geojson import read_places_geojson
from crisisconsole.interchange.places_io import PlacesRead, PlacesRefused


def read_places(data: bytes, filename: str,
                municipality: Municipality | None = None) -> PlacesRead:
    """Read a gazetteer file by its extension: .csv/.txt/.xlsx (a table) or .geojson/.json."""
    suffix = Path(filename).suffix.lower()
    if suffix in (".geojson", ".json"):
        return read_places_geojson(data, municipality=municipality)
    if suffix in (".csv", ".txt", ".xlsx"):
        return read_places_table(data, filename, municipality=municipality)
    raise PlacesRefused(tr("onbekend bestandsformaat: gebruik .csv, .xlsx of .geojson",
                           "unknown file format: use .csv, .xlsx or .geojson"))
