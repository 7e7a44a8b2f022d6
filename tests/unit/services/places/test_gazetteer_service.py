"""The gazetteer as audited facts per municipality: added, imported whole or not at all,
aliased, corrected, removed; kept across crises; suspicious positions warned about."""

import json

import pytest

from crisisconsole.domain.geo import LatLon
from crisisconsole.domain.places import PlaceInvalid
from crisisconsole.errors import AccessDeniedError, NotFoundError
from crisisconsole.interchange.places_io import PlacesRefused
from crisisconsole.services.foundation.crises import open_crisis
from crisisconsole.services.places import gazetteer as g

WB = "Waalbergen"
STATION = LatLon(51.8332, 5.5520)
MARKT = LatLon(51.84, 5.55)


def _seed(ctx):
    g.add_place(ctx, WB, "Marktplein", MARKT, ["Markt"])
    g.add_place(ctx, WB, "Station Waalbergen", STATION)
    g.add_place(ctx, WB, "Havenkade", LatLon(51.841, 5.5583))


def test_add_is_an_audited_fact_and_a_duplicate_name_is_refused(ctx, store, crisis):
    record = g.add_place(ctx, WB, "Stationsplein", STATION, ["Plein bij het station"])
    assert record.as_json()["lat"] == pytest.approx(51.8332)
    with store.read() as conn:
        count = conn.exec_driver_sql(
            "SELECT count(*) FROM audit WHERE object_type = 'place_fact' AND action = "
            "'place.add'").scalar()
    assert count == 1
    with pytest.raises(PlaceInvalid, match="bestaat al|already exists"):
        g.add_place(ctx, WB, "stationsplein", MARKT)
    with pytest.raises(PlaceInvalid, match="alias"):
        g.add_place(ctx, WB, "Plein bij het Station", MARKT)
    assert [r.place.name for r in g.list_places(store, WB)] == ["Stationsplein"]


def test_swapped_and_far_positions_are_kept_with_a_warning(ctx, store):
    _seed(ctx)
    swapped = g.add_place(ctx, WB, "Brugstraat", LatLon(5.5501, 51.8373))  # off Somalia
    assert any("verwisseld" in w or "swapped" in w for w in swapped.warnings)
    far = g.add_place(ctx, WB, "Dom", LatLon(52.0907, 5.1214))  # Utrecht, ~35 km: fine
    assert far.warnings == ()
    groningen = g.add_place(ctx, WB, "Martinitoren", LatLon(53.2194, 6.5665))
    assert any("km" in w for w in groningen.warnings)
    assert "Brugstraat" in {r.place.name for r in g.list_places(store, WB)}


def test_places_are_kept_across_crises_of_the_municipality(ctx, store, crisis):
    _seed(ctx)
    later = open_crisis(ctx, "Hoogwater", "waalbergen", grip="1")
    other = open_crisis(ctx, "Brand", "Nijmegen", grip="1")
    assert len(g.gazetteer_for_crisis(store, later.id)) == 3
    assert len(g.gazetteer_for_crisis(store, other.id)) == 0
    assert g.municipality_of(store) == "Nijmegen"


def test_import_is_whole_or_nothing(ctx, store):
    _seed(ctx)
    good = "naam;lat;lon;alias\nBrugstraat;51,8373;5,5501;\nStationsweg;51.8343;5.5464;Weg\n"
    result = g.import_places(ctx, WB, good.encode(), "plaatsen.csv")
    assert len(result.added) == 2 and result.kind == "csv"
    assert len(g.list_places(store, WB)) == 5
    # A name already in the gazetteer refuses the whole file.
    clash = "naam;lat;lon\nKazernestraat;51.838;5.552\nmarkt;51.84;5.55\n"
    with pytest.raises(PlaceInvalid, match="bestaat al|already exists"):
        g.import_places(ctx, WB, clash.encode(), "b.csv")
    # A self-intersecting ring refuses the whole GeoJSON.
    bow = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": "Kerkplein"},
         "geometry": {"type": "Point", "coordinates": [5.548, 51.840]}},
        {"type": "Feature", "properties": {"name": "Strik"}, "geometry": {
            "type": "Polygon", "coordinates": [[[5.54, 51.83], [5.56, 51.85], [5.56, 51.83],
                                                [5.54, 51.85], [5.54, 51.83]]]}}]}
    with pytest.raises(PlacesRefused, match="snijdt zichzelf|crosses itself"):
        g.import_places(ctx, WB, json.dumps(bow).encode(), "b.geojson")
    # RD coordinates outside the Netherlands refuse the file.
    with pytest.raises(PlacesRefused, match="buiten Nederland|outside the Netherlands"):
        g.import_places(ctx, WB, b"naam;x;y\nA;155000;463000\nB;900000;100000\n", "rd.csv")
    assert len(g.list_places(store, WB)) == 5
    assert "Kazernestraat" not in {r.place.name for r in g.list_places(store, WB)}


def test_a_million_vertices_are_refused_quickly(ctx, store):
    ring = ",".join("[5.5,51.8]" for _ in range(1_000_000))
    data = ('{"type":"Feature","properties":{"name":"X"},"geometry":{"type":"Polygon",'
            f'"coordinates":[[{ring}]]}}}}').encode()
    with pytest.raises(PlacesRefused):
        g.import_places(ctx, WB, data, "groot.geojson")
    assert g.list_places(store, WB) == []


def test_alias_correct_remove_are_new_facts(ctx, store):
    _seed(ctx)
    g.add_alias(ctx, WB, "Station Waalbergen", ["NS-station"])
    fixed = g.correct_place(ctx, WB, "ns station", reason="verkeerd punt",
                            geometry=LatLon(51.8331, 5.5521))
    assert fixed.place.position == LatLon(51.8331, 5.5521)
    assert fixed.place.aliases == ("NS-station",)
    g.remove_place(ctx, WB, "Havenkade", reason="dubbel")
    assert {r.place.name for r in g.list_places(store, WB)} == {"Marktplein",
                                                                 "Station Waalbergen"}
    with pytest.raises(NotFoundError):
        g.remove_place(ctx, WB, "Havenkade", reason="nogmaals")
    with pytest.raises(PlaceInvalid):  # the new name is taken: refused, nothing recorded
        g.correct_place(ctx, WB, "Marktplein", reason="x", new_name="Station Waalbergen")
    with store.read() as conn:
        kinds = [r[0] for r in conn.exec_driver_sql(
            "SELECT kind FROM place_fact ORDER BY rowid")]
    assert kinds == ["add", "add", "add", "alias", "correct", "remove"]


def test_export_reads_back(ctx, store, tmp_path):
    from crisisconsole.interchange.places_files import read_places

    _seed(ctx)
    for fmt, name in (("csv", "p.csv"), ("geojson", "p.geojson")):
        read = read_places(g.export_places(store, WB, fmt), name)
        assert {p.name for p in read.places} == {"Marktplein", "Station Waalbergen",
                                                 "Havenkade"}


def test_a_viewer_may_not_add_places_and_the_refusal_is_audited(as_role, store):
    viewer = as_role("viewer")
    with pytest.raises(AccessDeniedError):
        g.add_place(viewer, WB, "Marktplein", MARKT)
    with store.read() as conn:
        assert conn.exec_driver_sql(
            "SELECT result FROM audit WHERE action = 'place.add'").scalar() == "refused"
