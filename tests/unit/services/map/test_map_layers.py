"""What the map of a crisis draws, from the store: entries at their own coordinates or at the
place their location names (derived, so a new place positions older entries too), CAP areas
from imported alerts, the areas of measures in force; the time window."""

from datetime import timedelta

import pytest

from crisisconsole.domain.geo import Circle, LatLon, MultiPolygon, Polygon
from crisisconsole.errors import ValidationError
from crisisconsole.interchange.geometry_checks import GeometryRefused
from crisisconsole.services.intake.cap import import_cap_bytes
from crisisconsole.services.log.entries import add_entry, withdraw_entry
from crisisconsole.services.map import measure_areas
from crisisconsole.services.map.layers import crisis_layers
from crisisconsole.services.measures import lifecycle
from crisisconsole.services.places.gazetteer import add_place

WB = "Waalbergen"
STATION = LatLon(51.8332, 5.5520)
MARKT = LatLon(51.84, 5.55)
SQUARE = MultiPolygon((Polygon((LatLon(51.838, 5.547), LatLon(51.838, 5.553),
                                LatLon(51.842, 5.553), LatLon(51.842, 5.547),
                                LatLon(51.838, 5.547))),))

CAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
  <identifier>T-1</identifier><sender>vr@example.nl</sender>
  <sent>2020-06-01T11:00:00+02:00</sent><status>Actual</status>
  <msgType>Alert</msgType><scope>Public</scope>
  <info><language>nl-NL</language><category>Fire</category><event>Rook</event>
    <urgency>Immediate</urgency><severity>Moderate</severity><certainty>Likely</certainty>
    <headline>Rook</headline>
    <area><areaDesc>Binnenstad</areaDesc><circle>51.84,5.55 0.8</circle>
      <polygon>51.83,5.54 51.83,5.56 51.85,5.56 51.83,5.54</polygon></area>
  </info>
</alert>"""


def _points(store, crisis_id, **kw):
    return {p.text.split("\n")[1]: p for p in crisis_layers(store, crisis_id, **kw).points}


def test_entries_take_the_position_of_the_place_they_name(ctx, store, crisis):
    add_place(ctx, WB, "Station Waalbergen", STATION, ["NS-station"])
    add_entry(ctx, crisis.id, "groep bij de ingang", "politie", location="NS station, perron 2")
    add_entry(ctx, crisis.id, "eigen punt", "politie", location="Station Waalbergen",
              lat=51.9, lon=5.6)
    add_entry(ctx, crisis.id, "nergens", "politie", location="ergens")
    points = _points(store, crisis.id)
    assert points["groep bij de ingang"].position == STATION
    assert points["eigen punt"].position == LatLon(51.9, 5.6)  # its own coordinates win
    assert "nergens" not in points


def test_a_new_place_positions_older_entries_and_diacritics_do_not_matter(ctx, store, crisis):
    entry = add_entry(ctx, crisis.id, "ruzie", "burger", location="café 't Hoekje")
    assert _points(store, crisis.id) == {}
    add_place(ctx, WB, "Cafe 't Hoekje", MARKT)
    assert _points(store, crisis.id)["ruzie"].position == MARKT
    with store.read() as conn:  # derived: the entry's fact was not touched
        row = conn.exec_driver_sql("SELECT lat, lon FROM log_entry WHERE id = ?",
                                   (entry.id,)).one()
    assert tuple(row) == (None, None)


def test_withdrawn_entries_and_entries_before_the_window_are_not_drawn(ctx, store, crisis,
                                                                       clock):
    add_place(ctx, WB, "Marktplein", MARKT)
    old = add_entry(ctx, crisis.id, "oud", "politie", location="Marktplein",
                    occurred_at=clock.now() - timedelta(hours=5))
    gone = add_entry(ctx, crisis.id, "weg", "politie", location="Marktplein")
    add_entry(ctx, crisis.id, "nieuw", "politie", location="Marktplein")
    withdraw_entry(ctx, gone.id, "dubbel")
    assert set(_points(store, crisis.id)) == {"oud", "nieuw"}
    assert set(_points(store, crisis.id, hours=2)) == {"nieuw"}
    assert old.id not in {p.id for p in crisis_layers(store, crisis.id, hours=2).points}


def test_cap_areas_come_from_imported_alerts(ctx, store, crisis):
    import_cap_bytes(ctx, crisis.id, CAP, "t.cap")
    areas = crisis_layers(store, crisis.id).areas
    shapes = sorted(type(a.shape).__name__ for a in areas)
    assert shapes == ["Circle", "MultiPolygon"] and all(a.kind == "cap" for a in areas)
    circle = next(a.shape for a in areas if isinstance(a.shape, Circle))
    assert circle.radius_m == pytest.approx(800) and areas[0].label == "Binnenstad"


def test_measure_areas_in_force_are_drawn_and_withdrawn_ones_are_not(ctx, store, crisis):
    issued = lifecycle.issue_measure(ctx, crisis.id, "noodverordening", "NV binnenstad")
    measure_areas.set_area(ctx, issued.id, SQUARE, "drawn")
    areas = [a for a in crisis_layers(store, crisis.id).areas if a.kind == "measure"]
    assert [(a.id, a.label) for a in areas] == [(issued.id, "NV binnenstad")]
    lifecycle.withdraw(ctx, issued.id)
    assert not [a for a in crisis_layers(store, crisis.id).areas if a.kind == "measure"]


def test_measure_area_from_place_cap_file_and_clicks(ctx, store, crisis):
    issued = lifecycle.issue_measure(ctx, crisis.id, "noodverordening", "NV")
    mid = issued.id
    add_place(ctx, crisis.municipality, "Binnenstad", SQUARE)
    add_place(ctx, crisis.municipality, "Marktplein", MARKT)
    assert measure_areas.area_from_place(ctx, mid, "binnenstad").source_ref == "Binnenstad"
    with pytest.raises(ValidationError, match="punt|point"):
        measure_areas.area_from_place(ctx, mid, "Marktplein")
    import_cap_bytes(ctx, crisis.id, CAP, "t.cap")
    with pytest.raises(ValidationError, match="2 CAP"):
        measure_areas.area_from_cap(ctx, mid)
    circle_id = next(a.id for a in crisis_layers(store, crisis.id).areas if "#c" in a.id)
    area = measure_areas.area_from_cap(ctx, mid, circle_id)
    assert len(area.shape.polygons[0].exterior) == 65  # the circle as a 64-sided polygon
    assert measure_areas.current_area(store, mid).source == "cap"
    bow = (b'{"type":"Polygon","coordinates":[[[5.54,51.83],[5.56,51.85],[5.56,51.83],'
           b'[5.54,51.85],[5.54,51.83]]]}')
    with pytest.raises(GeometryRefused):
        measure_areas.area_from_file(ctx, mid, bow, "strik.geojson")
    opened = b'{"type":"Polygon","coordinates":[[[5.54,51.83],[5.56,51.85],[5.56,51.83]]]}'
    with pytest.raises(ValidationError):
        measure_areas.area_from_file(ctx, mid, opened, "open.geojson")
    assert measure_areas.current_area(store, mid).source == "cap"  # nothing recorded
    drawn = measure_areas.shape_from_points([LatLon(51.838, 5.547), LatLon(51.838, 5.553),
                                             LatLon(51.842, 5.55)])
    measure_areas.set_area(ctx, mid, drawn, "drawn")
    assert measure_areas.current_area(store, mid).source == "drawn"
    with store.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM measure_area").scalar() == 3



def test_topic_markers_are_the_pictures_topics_with_the_aides_facts(ctx, store, crisis):
    from crisisconsole.services.picture.topics import list_topics, record_topic_fact

    for text in ("groep supporters bij de fontein", "vuurwerk bij de fontein"):
        add_entry(ctx, crisis.id, text, "politie", location="Marktplein", lat=51.84, lon=5.55)
    for text in ("ruit ingegooid", "ruiten ingegooid, winkel"):
        add_entry(ctx, crisis.id, text, "politie", location="Stationsplein",
                  lat=51.8332, lon=5.5520)
    topics = list_topics(store, crisis.id)
    square = next(t for t in topics if "fontein" in t.title.lower())
    record_topic_fact(ctx, crisis.id, "rename", [square.id], text="Onrust Marktplein")
    other = next(t for t in list_topics(store, crisis.id) if t.id != square.id)
    record_topic_fact(ctx, crisis.id, "close", [other.id])
    markers = crisis_layers(store, crisis.id).topics
    assert [(m.id, m.title) for m in markers] == [(square.id, "Onrust Marktplein")]
