"""Clustering: near points merge with their reliability mix, zooming in splits them, and 10,000
points cluster fast."""

import random

from crisisconsole.domain.geo import LatLon
from crisisconsole.interchange.map_cluster import cluster
from crisisconsole.interchange.map_layers import MapLayers, MapPoint
from crisisconsole.interchange.map_view import MapView

MARKT = LatLon(51.84, 5.55)


def _layers(*specs):
    return MapLayers(points=[MapPoint(str(i), LatLon(lat, lon), tag)
                             for i, (lat, lon, tag) in enumerate(specs)])


def test_near_points_merge_and_keep_their_mix():
    layers = _layers((51.8400, 5.5500, "confirmed"), (51.8401, 5.5501, "hearsay"),
                     (51.8401, 5.5500, "hearsay"), (51.8300, 5.5200, "refuted"))
    marks = cluster(MapView(MARKT, 14, 800, 600), layers)
    assert sorted(m.count for m in marks) == [1, 3]
    big = max(marks, key=lambda m: m.count)
    assert big.counts == (1, 2, 0) and sorted(big.members) == [0, 1, 2]
    alone = min(marks, key=lambda m: m.count)
    assert alone.counts == (0, 0, 1)


def test_zooming_in_splits_a_cluster():
    layers = _layers((51.8400, 5.5500, "confirmed"), (51.8405, 5.5510, "hearsay"))
    assert [m.count for m in cluster(MapView(MARKT, 12, 800, 600), layers)] == [2]
    assert [m.count for m in cluster(MapView(MARKT, 18, 800, 600), layers)] == [1, 1]


def test_points_off_screen_are_left_out():
    layers = _layers((51.84, 5.55, "hearsay"), (52.5, 6.5, "hearsay"))
    marks = cluster(MapView(MARKT, 15, 800, 600), layers)
    assert [list(m.members) for m in marks] == [[0]]


def test_cluster_position_is_the_mean_of_its_members():
    layers = _layers((51.8400, 5.5500, "hearsay"), (51.8400, 5.5502, "hearsay"))
    view = MapView(MARKT, 14, 800, 600)
    mark = cluster(view, layers)[0]
    a, b = view.to_screen(LatLon(51.84, 5.55)), view.to_screen(LatLon(51.84, 5.5502))
    assert abs(mark.x - (a[0] + b[0]) / 2) < 1e-6 and abs(mark.y - a[1]) < 1e-6


def test_replacing_points_reprojects():
    layers = _layers((51.84, 5.55, "hearsay"))
    view = MapView(MARKT, 15, 800, 600)
    assert len(cluster(view, layers)) == 1
    layers.points = []
    assert cluster(view, layers) == []


def test_ten_thousand_points_cluster_into_few_marks():
    """Ten thousand points become a few hundred marks at most (the speed is `bench map`'s)."""
    rng = random.Random(7)
    layers = MapLayers(points=[
        MapPoint(str(i), LatLon(51.84 + rng.gauss(0, 0.01), 5.55 + rng.gauss(0, 0.015)),
                 rng.choice(("hearsay", "confirmed", "refuted"))) for i in range(10_000)])
    view = MapView(MARKT, 14, 1280, 720)
    cluster(view, layers)  # projects once
    marks = cluster(view, layers)
    assert sum(m.count for m in marks) <= 10_000
    assert len(marks) < 1000
