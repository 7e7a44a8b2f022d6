"""The demo's map (issue 18): the generated Waalbergen tile file beside the demo database (it
goes where the database goes), the gazetteer of Gemeente Waalbergen as facts, and the areas of
the demo's measures: the noodverordening's area drawn, the veiligheidsrisicogebied taken from
the place "Binnenstad". The log's locations then put the reports on the map by themselves."""

from __future__ import annotations

from crisisconsole.demo.waalbergen_map import ordinance_area, waalbergen_gazetteer
from crisisconsole.demo.waalbergen_tiles import build_demo_tiles
from crisisconsole.demo.world import DemoWorld
from crisisconsole.services.map import measure_areas
from crisisconsole.services.map.render import tiles_beside
from crisisconsole.services.places.gazetteer import add_places, municipality_of


def fill(world: DemoWorld) -> None:
    ctx = world.ctx
    build_demo_tiles(tiles_beside(ctx.store.path))
    add_places(ctx, municipality_of(ctx.store, world.crisis_id), waalbergen_gazetteer().places,
               origin="demo")
    made = world.extra.get("measures", {})
    if "ordinance" in made:
        measure_areas.set_area(ctx, made["ordinance"], ordinance_area(), "drawn")
    if "risk_area" in made:
        measure_areas.area_from_place(ctx, made["risk_area"], "Binnenstad")
