"""Gazetteer places as a table (CSV or XLSX), in and out: one row per place with a name, a
position as WGS84 (lat, lon) or as RD New (x, y), and aliases separated by ``;`` or ``|``.

Headers may be Dutch or English and are matched loosely ("Naam", "RD-x", "x (RD)",
"Breedtegraad"). Numbers may use a decimal comma (Dutch spreadsheets). Bytes are decoded by the
table reader (UTF-8 with or without BOM, Windows-1252; binary refused), with its size and row
caps. The file is refused whole when any row is wrong; the message names the first wrong row.
A table holds points: an area place is written as its label point (GeoJSON keeps the shape).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence

from crisisconsole.domain.geo import LatLon, Municipality, distance_m
from crisisconsole.domain.places import Place, PlaceInvalid, make_place, name_key
from crisisconsole.i18n import tr
from crisisconsole.interchange.coordinates import (
    CoordinateRefused,
    latlon,
    rd_to_wgs84,
    wgs84_to_rd,
)
from crisisconsole.interchange.places_io import MAX_PLACES, PlacesRead, PlacesRefused, finish
from crisisconsole.interchange.table_read import TableRefused, TableRow, read_table

# Header spellings (after name_key: letters and digits only, lower case).
COLUMNS = {
    "name": ("name", "naam", "plaats", "plaatsnaam", "place", "locatie", "location"),
    "lat": ("lat", "latitude", "breedte", "breedtegraad", "wgs84lat", "latwgs84", "y_wgs84"),
    "lon": ("lon", "lng", "long", "longitude", "lengte", "lengtegraad", "wgs84lon", "lonwgs84"),
    "x": ("x", "rdx", "xrd", "rdxm", "xcoordinaat", "xcoord"),
    "y": ("y", "rdy", "yrd", "rdym", "ycoordinaat", "ycoord"),
    "aliases": ("aliases", "alias", "aliassen", "alternatievenamen", "ookbekendals", "aka"),
}
MISMATCH_M = 25.0  # a row with both lat/lon and RD: they must name the same spot
_ALIAS_SPLIT = re.compile(r"[;|]")
EXPORT_COLUMNS = ("name", "lat", "lon", "rd_x", "rd_y", "aliases")


def _column_map(columns: Sequence[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, column in enumerate(columns):
        key = name_key(column)
        for field, spellings in COLUMNS.items():
            if key in tuple(name_key(s) for s in spellings) and field not in found:
                found[field] = index
    if "name" not in found:
        raise PlacesRefused(tr("geen kolom met de naam (naam / name)",
                               "no column with the name (naam / name)"))
    has_wgs = "lat" in found and "lon" in found
    has_rd = "x" in found and "y" in found
    if not (has_wgs or has_rd):
        raise PlacesRefused(tr(
            "geen kolommen voor de positie: lat en lon (WGS84) of x en y (RD)",
            "no position columns: lat and lon (WGS84) or x and y (RD)"))
    return found


def parse_number(value: object) -> float | None:
    """A cell as a number: empty is None; "51,84" and "155.000,5" are read the Dutch way."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int | float):
        return float(value)
    text = str(value).strip().replace("\u00a0", "").replace(" ", "")
    if not text:
        return None
    if "," in text and "." in text:
        decimal = "," if text.rindex(",") > text.rindex(".") else "."
        thousands = "." if decimal == "," else ","
        text = text.replace(thousands, "").replace(decimal, ".")
    elif text.count(",") == 1:
        text = text.replace(",", ".")
    if not re.fullmatch(r"[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?", text):
        raise ValueError(value)
    return float(text)


def _cell(row: TableRow, columns: dict[str, int], field: str) -> object:
    index = columns.get(field)
    return None if index is None or index >= len(row.values) else row.values[index]


def _number(row: TableRow, columns: dict[str, int], field: str, label: str) -> float | None:
    try:
        return parse_number(_cell(row, columns, field))
    except (ValueError, OverflowError):
        raise PlacesRefused(tr(f"regel {row.number}: {label} is geen getal",
                               f"row {row.number}: {label} is not a number")) from None


def _position(row: TableRow, columns: dict[str, int]) -> LatLon:
    lat = _number(row, columns, "lat", tr("breedtegraad", "latitude"))
    lon = _number(row, columns, "lon", tr("lengtegraad", "longitude"))
    x = _number(row, columns, "x", "RD-x")
    y = _number(row, columns, "y", "RD-y")
    wgs = rd = None
    if (lat is None) != (lon is None):
        raise CoordinateRefused(tr("geef zowel breedte- als lengtegraad",
                                   "give both latitude and longitude"))
    if (x is None) != (y is None):
        raise CoordinateRefused(tr("geef zowel RD-x als RD-y", "give both RD x and RD y"))
    if lat is not None and lon is not None:
        wgs = latlon(lat, lon)
    if x is not None and y is not None:
        rd = rd_to_wgs84(x, y)
    if wgs and rd and distance_m(wgs, rd) > MISMATCH_M:
        raise CoordinateRefused(tr(
            f"lat/lon en RD wijzen naar plekken {distance_m(wgs, rd):.0f} m uit elkaar",
            f"lat/lon and RD point to spots {distance_m(wgs, rd):.0f} m apart"))
    if wgs is None and rd is None:
        raise CoordinateRefused(tr("geen positie (lat/lon of RD x/y)",
                                   "no position (lat/lon or RD x/y)"))
    return wgs or rd  # type: ignore[return-value]


def read_places_table(data: bytes, filename: str = "places.csv", *,
                      municipality: Municipality | None = None) -> PlacesRead:
    try:
        table = read_table(data, filename, max_rows=MAX_PLACES)
    except TableRefused as error:
        raise PlacesRefused(error.reason) from None
    columns = _column_map(table.columns)
    found: list[tuple[str, Place]] = []
    for row in table.rows:
        where = tr(f"regel {row.number}", f"row {row.number}")
        name = _cell(row, columns, "name")
        if name is None or not str(name).strip():
            raise PlacesRefused(tr(f"{where}: naam ontbreekt", f"{where}: name is missing"))
        aliases_cell = _cell(row, columns, "aliases")
        aliases = [part for part in _ALIAS_SPLIT.split(str(aliases_cell or "")) if part.strip()]
        try:
            found.append((where, make_place(str(name), _position(row, columns), aliases)))
        except (PlaceInvalid, CoordinateRefused) as error:
            raise PlacesRefused(f"{where}: {error.message}") from None
    return finish(found, table.kind, municipality)


def write_places_csv(places: Sequence[Place]) -> bytes:
    """UTF-8 with BOM and semicolons (a Dutch spreadsheet opens it as columns), decimal points
    (read back by any program); RD x/y beside lat/lon for police and fire brigade."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(EXPORT_COLUMNS)
    for place in places:
        point = place.position
        try:
            x, y = wgs84_to_rd(point)
            rd = [f"{x:.2f}", f"{y:.2f}"]
        except CoordinateRefused:
            rd = ["", ""]  # a place abroad (a neighbouring town's station) has no RD
        writer.writerow([place.name, f"{point.lat:.7f}", f"{point.lon:.7f}", *rd,
                         "|".join(place.aliases)])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
