"""The demo's map (issue 18): the generated Waalbergen tile file beside the demo database (it
goes where the database goes), the gazetteer of Gemeente Waalbergen as facts, and the areas of
the demo's measures: the noodverordening's area drawn, the veiligheidsrisicogebied taken from
the place "Binnenstad". The log's locations then put the reports on the map by themselves."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from crisisconsole.demo.waalbergen_map import ordinance_area, waalbergen_gazetteer
from crisisconsole.demo.waalbergen_tiles import build_demo_tiles
from crisisconsole.demo.world import DemoWorld
from crisisconsole.services.map import measure_areas
from crisisconsole.services.map.render import tiles_beside
from crisisconsole.services.places.gazetteer import add_places, municipality_of


def write_tiles(target: Path) -> None:
    """Draw the tile file (QtGui). In a process that has no Qt application yet (``crisisconsole
    demo`` opens the app right after) it is drawn in a child process: a QGuiApplication made
    here would keep the app's QApplication from being made."""
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is not None:
        build_demo_tiles(target)
        return
    code = ("import sys; from crisisconsole.demo.waalbergen_tiles import build_demo_tiles; "
            "build_demo_tiles(sys.argv[1])")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", code, str(target)], env=env,  # noqa: S603
                          capture_output=True, text=True, timeout=300, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"demo tiles not made: {done.stderr.strip()[-300:]}")


def fill(world: DemoWorld) -> None:
    ctx = world.ctx
    write_tiles(tiles_beside(ctx.store.path))
    add_places(ctx, municipality_of(ctx.store, world.crisis_id), waalbergen_gazetteer().places,
               origin="demo")
    made = world.extra.get("measures", {})
    if "ordinance" in made:
        measure_areas.set_area(ctx, made["ordinance"], ordinance_area(), "drawn")
    if "risk_area" in made:
        measure_areas.area_from_place(ctx, made["risk_area"], "Binnenstad")
