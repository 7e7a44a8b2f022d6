"""Positions and their plausibility checks (issue 18: a swapped or far-away point warns)."""

import math

import pytest

from crisisconsole.domain.geo import (
    Bounds,
    LatLon,
    MultiPolygon,
    Municipality,
    Polygon,
    PositionInvalid,
    distance_m,
    label_point,
    polygon_contains,
    position_warnings,
)

WAALBERGEN = Municipality("Waalbergen", LatLon(51.84, 5.55))


@pytest.mark.parametrize("lat, lon", [(math.nan, 5.0), (52.0, math.inf), (91.0, 5.0),
                                      (52.0, -180.5), (True, 5.0), ("52", 5.0)])
def test_impossible_positions_are_refused(lat, lon):
    with pytest.raises(PositionInvalid):
        LatLon(lat, lon)


def test_distance_amersfoort_to_utrecht_dom():
    # Onze Lieve Vrouwetoren Amersfoort to the Domtoren Utrecht: about 20.1 km.
    d = distance_m(LatLon(52.155174, 5.387206), LatLon(52.090737, 5.121420))
    assert 19_500 < d < 20_500


def test_plausible_point_gives_no_warning():
    assert position_warnings(LatLon(51.845, 5.56), WAALBERGEN) == []


def test_swapped_pair_off_somalia_warns_swapped_with_the_meant_point():
    warnings = position_warnings(LatLon(5.55, 51.84), WAALBERGEN)
    assert [w.code for w in warnings] == ["swapped"]
    assert "51.84000, 5.55000" in warnings[0].message


def test_swapped_without_municipality_uses_the_netherlands():
    assert [w.code for w in position_warnings(LatLon(5.2, 52.1))] == ["swapped"]


def test_far_from_municipality_but_in_the_netherlands():
    groningen = LatLon(53.219, 6.568)
    warnings = position_warnings(groningen, WAALBERGEN)
    assert [w.code for w in warnings] == ["far_away"]
    assert "km" in warnings[0].message


def test_far_and_abroad():
    madrid = LatLon(40.4, -3.7)
    assert [w.code for w in position_warnings(madrid, WAALBERGEN)] == ["far_away",
                                                                        "outside_netherlands"]


def test_just_over_the_border_near_a_border_municipality_is_fine():
    liege = LatLon(50.633, 5.567)  # Belgium, 25 km from Maastricht
    maastricht = Municipality("Maastricht", LatLon(50.851, 5.691))
    assert position_warnings(liege, maastricht) == []
    assert [w.code for w in position_warnings(liege)] == ["outside_netherlands"]


def test_bounds_of_municipality_count_as_near():
    m = Municipality("Big", LatLon(52.0, 5.0), Bounds(51.0, 4.0, 53.0, 6.5))
    assert position_warnings(LatLon(52.9, 6.4), m, far_m=1_000) == []


def _square(lat, lon, d):
    ring = (LatLon(lat, lon), LatLon(lat, lon + d), LatLon(lat + d, lon + d), LatLon(lat + d, lon),
            LatLon(lat, lon))
    return ring


def test_label_point_of_a_square_is_its_centre():
    shape = MultiPolygon((Polygon(_square(51.0, 5.0, 0.01)),))
    point = label_point(shape)
    assert abs(point.lat - 51.005) < 1e-9 and abs(point.lon - 5.005) < 1e-9


def test_label_point_of_a_u_shape_lies_inside():
    # A U open to the north: its centroid falls in the gap.
    u = (LatLon(0, 0), LatLon(0, 3), LatLon(3, 3), LatLon(3, 2), LatLon(1, 2), LatLon(1, 1),
         LatLon(3, 1), LatLon(3, 0), LatLon(0, 0))
    shape = MultiPolygon((Polygon(u),))
    point = label_point(shape)
    assert polygon_contains(shape.polygons[0], point)


def test_label_point_avoids_a_hole_in_the_middle():
    outer = _square(0.0, 0.0, 3.0)
    hole = _square(1.0, 1.0, 1.0)
    polygon = Polygon(outer, (hole,))
    point = label_point(MultiPolygon((polygon,)))
    assert polygon_contains(polygon, point)
