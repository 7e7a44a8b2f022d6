"""Dutch RD New (EPSG:28992, "Rijksdriehoek"; police and fire brigade give positions in it) to
and from WGS84, with pyproj, offline.

pyproj ships its own proj.db, so no grid or database is downloaded. PROJ's network access is
switched off here, whatever PROJ_NETWORK says, and the operation is pinned: the EPSG Helmert
transformation "Amersfoort to WGS 84 (4)" (EPSG:4833) with the oblique stereographic
projection, which needs no grid file. Measured against the RDNAPTRANS(TM) 2008 test sheet it is
within 0.17 m of the official ETRS89 values (Amersfoort base point: 0.07 m), and 0.30 m from
the base point's usual WGS84 value (52.15517440 N, 5.38720621 E). The better option, still
offline, is the official RDNAPTRANS(TM) 2018 grid: PROJ knows it as "Amersfoort to ETRS89 (9)"
(grid ``nl_nsgi_rdtrans2018.tif``, open licence, a few MB, about a centimetre), usable only
when that file is installed into PROJ's data folder (it is not in the pyproj wheel, and
fetching it is a network access this module forbids). A crisis map does not need it. Note
that ETRS89 and today's WGS84 differ by ~0.9 m (continental drift since 1989): "within a
metre" is the honest claim.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import pyproj
import pyproj.network
from pyproj import Transformer

from crisisconsole.domain.geo import LatLon, PositionInvalid
from crisisconsole.errors import ValidationError
from crisisconsole.i18n import tr

RD_NEW = "EPSG:28992"
WGS84 = "EPSG:4326"
# The operation used (both directions). Its name is checked when the transformer is built, so
# a PROJ upgrade that silently picks something else (a ballpark shift, metres off) fails loudly.
OPERATION_NAME = "Amersfoort to WGS 84 (4)"
# The RD grid as RDNAPTRANS defines it (x -7 … 300 km, y 289 … 629 km): the Netherlands with
# the 12-mile zone. A coordinate outside it is not a Dutch RD coordinate.
RD_MIN_X, RD_MAX_X = -7_000.0, 300_000.0
RD_MIN_Y, RD_MAX_Y = 289_000.0, 629_000.0


class CoordinateRefused(ValidationError, ValueError):
    """A coordinate that is not a Dutch RD or WGS84 position; nothing was recorded."""


@dataclass(frozen=True)
class TransformationInfo:
    """What converts RD to WGS84 here: for the about box, the report and the tests."""

    description: str
    accuracy_m: float
    network_enabled: bool
    proj_version: str
    data_dir: str


def _pinned(source: str, target: str) -> Transformer:
    pyproj.network.set_network_enabled(active=False)
    group = pyproj.transformer.TransformerGroup(source, target, always_xy=True,
                                                allow_ballpark=False)
    for transformer in group.transformers:
        if OPERATION_NAME in transformer.description:
            return transformer
    raise RuntimeError(f"PROJ offers no '{OPERATION_NAME}' from {source} to {target}; "
                       f"found: {[t.description for t in group.transformers]}")


@lru_cache(maxsize=1)
def _to_wgs84() -> Transformer:
    return _pinned(RD_NEW, WGS84)


@lru_cache(maxsize=1)
def _to_rd() -> Transformer:
    return _pinned(WGS84, RD_NEW)


def transformation_info() -> TransformationInfo:
    transformer = _to_wgs84()
    return TransformationInfo(transformer.description, float(transformer.accuracy),
                              pyproj.network.is_network_enabled(), pyproj.proj_version_str,
                              pyproj.datadir.get_data_dir())


def check_rd(x: float, y: float) -> tuple[float, float]:
    """``(x, y)`` if it is an RD New coordinate in metres inside the Netherlands' RD grid; else a
    refusal that says what it looks like instead (swapped, degrees, kilometres)."""
    for value, label in ((x, "x"), (y, "y")):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise CoordinateRefused(tr(f"RD-{label} is geen getal", f"RD {label} is not a number"))
        if not math.isfinite(value):
            raise CoordinateRefused(tr(f"RD-{label} is geen eindig getal",
                                       f"RD {label} is not a finite number"))
    if RD_MIN_X <= x <= RD_MAX_X and RD_MIN_Y <= y <= RD_MAX_Y:
        return float(x), float(y)
    shown = f"x={x:g}, y={y:g}"
    if RD_MIN_X <= y <= RD_MAX_X and RD_MIN_Y <= x <= RD_MAX_Y:
        hint = tr(" (x en y lijken verwisseld)", " (x and y look swapped)")
    elif abs(x) <= 180 and abs(y) <= 180:
        hint = tr(" (dit lijken graden: geef ze als breedte- en lengtegraad)",
                  " (these look like degrees: give them as latitude and longitude)")
    elif abs(x) <= 300 and abs(y) <= 629:
        hint = tr(" (dit lijken kilometers: RD is in meters)",
                  " (these look like kilometres: RD is in metres)")
    else:
        hint = ""
    raise CoordinateRefused(tr(
        f"RD-coördinaat {shown} ligt buiten Nederland (x {RD_MIN_X:g} … {RD_MAX_X:g}, "
        f"y {RD_MIN_Y:g} … {RD_MAX_Y:g} m){hint}",
        f"RD coordinate {shown} lies outside the Netherlands (x {RD_MIN_X:g} … {RD_MAX_X:g}, "
        f"y {RD_MIN_Y:g} … {RD_MAX_Y:g} m){hint}"))


def rd_to_wgs84(x: float, y: float) -> LatLon:
    """An RD New coordinate (metres) as WGS84; refused outside the RD grid."""
    x, y = check_rd(x, y)
    lon, lat = _to_wgs84().transform(x, y, errcheck=True)
    return LatLon(float(lat), float(lon))


def wgs84_to_rd(point: LatLon) -> tuple[float, float]:
    """A WGS84 position as RD New (x, y) in metres; refused when it falls outside the RD grid
    (RD is not defined far from the Netherlands)."""
    try:
        x, y = _to_rd().transform(point.lon, point.lat, errcheck=True)
    except pyproj.exceptions.ProjError:
        raise CoordinateRefused(tr(f"({point.lat}, {point.lon}) heeft geen RD-coördinaat",
                                   f"({point.lat}, {point.lon}) has no RD coordinate")) from None
    return check_rd(float(x), float(y))


def latlon(lat: float, lon: float) -> LatLon:
    """A WGS84 position from two numbers, refused with a one-line message (CoordinateRefused)
    when it cannot be one."""
    try:
        return LatLon(float(lat), float(lon))
    except (PositionInvalid, TypeError, ValueError) as error:
        raise CoordinateRefused(str(error)) from None


def rd_many_to_wgs84(points: list[tuple[float, float]]) -> list[LatLon]:
    """Many RD coordinates at once (one PROJ call: a polygon of 20,000 vertices in an RD
    GeoJSON converts in milliseconds); each is checked like ``rd_to_wgs84``."""
    if not points:
        return []
    for x, y in points:
        check_rd(x, y)
    xs, ys = zip(*points, strict=True)
    lons, lats = _to_wgs84().transform(xs, ys, errcheck=True)
    return [LatLon(float(lat), float(lon)) for lat, lon in zip(lats, lons, strict=True)]
