"""The fictitious town of the demo, Gemeente Waalbergen, on the south bank of the Waal in the
river area (around 51.84 N, 5.55 E): the one description that the generated tile file, the
gazetteer, the CAP area and the measure areas are all made from, so they agree.

Shapes are laid out in metres east and north of the Marktplein (as a municipality's own RD
data would be) and converted through RD New. The town: the Waal to the north behind its dike,
a harbour basin with the Havenkade east of the centre, the Marktplein with the Stadhuis, the
Stadsgracht around the old centre, the Brugstraat over the gracht to the Stationsweg and the
station with its Stationsplein, the stadium De Waalkant to the west and the sports hall De
Bongerd to the south-west.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from crisisconsole.domain.geo import Circle, LatLon, MultiPolygon, Municipality, Polygon
from crisisconsole.domain.places import Gazetteer, make_place

# The Marktplein of Waalbergen: the one constant the demo's map, places and areas hang from.
WAALBERGEN_CENTRE = LatLon(51.8400, 5.5500)
MUNICIPALITY = Municipality("Gemeente Waalbergen", WAALBERGEN_CENTRE)
CAP_RADIUS_KM = 0.8
CAP_CENTRE_OFFSET = (0.0, -60.0)  # the binnenstad's middle, a little south of the Marktplein

Offsets = tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class Feature:
    """A drawn thing: ``kind`` picks the style (water, street, building, …); lines have a
    width in metres; ``name`` is for people reading this file (tiles carry no text: the map
    draws the gazetteer's names)."""

    kind: str
    points: Offsets
    width_m: float = 0.0
    name: str = ""


def _river_bank(offset: float) -> Offsets:
    return tuple((x, 560 + 80 * math.sin(x / 1300) + offset) for x in range(-4200, 4201, 150))


def _ellipse(cx: float, cy: float, rx: float, ry: float, steps: int = 36) -> Offsets:
    return tuple((cx + rx * math.cos(2 * math.pi * i / steps),
                  cy + ry * math.sin(2 * math.pi * i / steps)) for i in range(steps + 1))


def _rect(west: float, south: float, east: float, north: float) -> Offsets:
    return ((west, south), (east, south), (east, north), (west, north), (west, south))


BINNENSTAD = ((-600, -250), (-300, -285), (0, -292), (350, -282), (610, -225), (682, -50),
              (682, 88), (380, 88), (380, 236), (-600, 236), (-600, -250))
NOODVERORDENING = ((-620, 240), (-620, -262), (-300, -300), (-70, -310), (-70, -800),
                   (270, -800), (270, -600), (630, -232), (700, -50), (700, 96), (380, 96),
                   (380, 240), (-620, 240))

AREAS = (
    Feature("land", _rect(-4500, -2000, 4500, 1400)),
    Feature("builtup", ((-1350, -1350), (1300, -1350), (1450, -400), (1300, 240), (-1350, 240),
                        (-1700, -500), (-1350, -1350))),
    Feature("water", _river_bank(-170) + tuple(reversed(_river_bank(170))), name="Waal"),
    Feature("grass", tuple((x, 250) for x in range(-4200, 4201, 150))
            + tuple(reversed(_river_bank(-170))), name="uiterwaarden"),
    Feature("grass", _rect(-650, -600, -420, -350), name="Stadspark"),
    Feature("water", _rect(380, 130, 760, 420), name="haven"),
    Feature("quay", _rect(380, 92, 760, 130), name="Havenkade"),
    Feature("square", _rect(-55, -40, 55, 40), name="Marktplein"),
    Feature("square", _rect(40, -722, 200, -652), name="Stationsplein"),
    Feature("stand", _ellipse(-1550, 120, 125, 92), name="Stadion De Waalkant"),
    Feature("pitch", _rect(-1605, 85, -1495, 155)),
)
LINES = (
    Feature("canal", ((-620, -250), (-300, -295), (0, -300), (350, -290), (620, -232),
                      (700, -50), (700, 110)), 24, "Stadsgracht"),
    Feature("main", ((-4300, -1520), (-1500, -1470), (0, -1440), (1500, -1420), (4300, -1380)),
            16, "Rijksweg"),
    Feature("main", ((700, -640), (1100, -1000), (1500, -1420)), 12, "Waalbergseweg"),
    Feature("street", ((-4200, 250), (380, 250)), 9, "Waaldijk"),
    Feature("street", ((760, 250), (4200, 250)), 9, "Waaldijk"),
    Feature("street", ((-55, 10), (-250, 30), (-560, 45)), 9, "Lange Kerkstraat"),
    Feature("street", ((-560, 45), (-1000, 80), (-1420, 112)), 10, "Stadionweg"),
    Feature("street", ((55, 5), (250, 60), (380, 111)), 9, "Havenstraat"),
    Feature("street", ((380, 111), (760, 111)), 10, "Havenkade"),
    Feature("street", ((0, -40), (10, -300), (25, -640)), 10, "Brugstraat"),
    Feature("street", ((-900, -640), (900, -640)), 11, "Stationsweg"),
    Feature("street", ((8, -160), (420, -160)), 7, "Kazernestraat"),
    Feature("street", ((-700, -640), (-860, -1000), (-860, -1250)), 8, "Bongerdlaan"),
    Feature("street", ((0, 40), (0, 250)), 7, "Dijkstraat"),
    Feature("rail", ((-4300, -800), (4300, -800)), 6, "spoorlijn"),
)
BUILDINGS = (
    Feature("building", _rect(-35, 42, 35, 74), name="Stadhuis"),
    Feature("building", _rect(-330, 52, -270, 88), name="Grote Kerk"),
    Feature("garage", _rect(-170, -122, -95, -62), name="Parkeergarage Markt"),
    Feature("building", _rect(60, -772, 220, -732), name="Station Waalbergen"),
    Feature("building", _rect(230, -182, 292, -142), name="Politiebureau Centrum"),
    Feature("building", _rect(-905, -1132, -815, -1068), name="Sporthal De Bongerd"),
)
# Streets of the neighbourhoods: a grid south of the gracht and east and west of the centre.
MINOR = tuple(
    [Feature("minor", ((x, -330), (x, -610)), 5) for x in range(-550, 651, 150)]
    + [Feature("minor", ((-600, y), (640, y)), 5) for y in (-420, -520)]
    + [Feature("minor", ((x, -680), (x, -1300)), 5) for x in range(-550, 1101, 160) if x != 250]
    + [Feature("minor", ((-1200, y), (1200, y)), 5) for y in range(-900, -1301, -130)]
    + [Feature("minor", ((-1300, y), (-700, y)), 5) for y in range(-100, -601, -125)]
    + [Feature("minor", ((x, 200), (x, -600)), 5) for x in (-1200, -950)]
    + [Feature("minor", ((800, y), (1350, y)), 5) for y in range(-100, -601, -125)]
    + [Feature("minor", ((x, 220), (x, -620)), 5) for x in (850, 1100)]
    + [Feature("minor", ((-450, 200), (-450, -230)), 5), Feature("minor", ((300, -180),
                                                                            (300, 80)), 5)]
)
FEATURES = AREAS + MINOR + LINES + BUILDINGS

# (name, aliases, offset) of every place the demo's log, intake and measures mention.
PLACES = (
    ("Marktplein", ("Markt", "Grote Markt"), (0, 0)),
    ("Parkeergarage Markt", ("P Markt", "Parkeergarage Marktplein"), (-132, -92)),
    ("Stadhuis", ("Gemeentehuis",), (0, 58)),
    ("Havenstraat", (), (250, 60)),
    ("Havenkade", ("Haven",), (570, 111)),
    ("Brugstraat", (), (10, -300)),
    ("Lange Kerkstraat", (), (-300, 33)),
    ("Stationsweg", (), (-250, -640)),
    ("Stationsplein", (), (120, -687)),
    ("Station Waalbergen", ("Station", "NS-station"), (140, -752)),
    ("Politiebureau Centrum", ("Politiebureau",), (261, -162)),
    ("Stadion De Waalkant", ("Stadion", "De Waalkant"), (-1550, 120)),
    ("Sporthal De Bongerd", ("De Bongerd", "Sporthal"), (-860, -1100)),
)


@lru_cache(maxsize=1)
def _origin_rd() -> tuple[float, float]:
    from crisisconsole.interchange.coordinates import wgs84_to_rd

    return wgs84_to_rd(WAALBERGEN_CENTRE)


def to_latlon(east: float, north: float) -> LatLon:
    """A point so many metres east and north of the Marktplein (through RD New)."""
    from crisisconsole.interchange.coordinates import rd_to_wgs84

    x, y = _origin_rd()
    return rd_to_wgs84(x + east, y + north)


def ring(points: Offsets) -> tuple[LatLon, ...]:
    from crisisconsole.interchange.coordinates import rd_many_to_wgs84

    x, y = _origin_rd()
    return tuple(rd_many_to_wgs84([(x + east, y + north) for east, north in points]))


def shape(points: Offsets) -> MultiPolygon:
    return MultiPolygon((Polygon(ring(points)),))


def binnenstad() -> MultiPolygon:
    return shape(BINNENSTAD)


def ordinance_area() -> MultiPolygon:
    """The noodverordening's area: the binnenstad with the Marktplein and Havenstraat, and the
    Brugstraat down to the Stationsplein."""
    return shape(NOODVERORDENING)


def cap_circle() -> Circle:
    """The safety region's smoke alert: 0.8 km around the binnenstad's middle."""
    return Circle(to_latlon(*CAP_CENTRE_OFFSET), CAP_RADIUS_KM * 1000)


@lru_cache(maxsize=1)
def waalbergen_gazetteer() -> Gazetteer:
    """The demo's places, at the spots the tiles draw them."""
    places = [make_place(name, to_latlon(*offset), aliases) for name, aliases, offset in PLACES]
    places.append(make_place("Binnenstad", binnenstad(), ("Centrum", "Binnenstad Waalbergen")))
    return Gazetteer(places)
