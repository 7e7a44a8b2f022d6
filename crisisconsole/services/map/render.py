"""The map headless (``map render``) and the small maps printed in letters and the picture.

Which tile file: the one named (``--tiles``), else the user's setting ``map_tiles`` (chosen in
the settings dialog), else a file beside the database named ``<database>.kaart.mbtiles`` (the
demo writes one there). No tile file is not an error: the plain background is drawn. A file
that is named but is not MBTiles/PMTiles, or is corrupt, is refused with its reason when it
was asked for explicitly; from the settings it is reported and the plain background kept.
Nothing here touches the network.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from crisisconsole import safe_files
from crisisconsole import settings as user_settings
from crisisconsole.domain.geo import MultiPolygon
from crisisconsole.interchange.map_layers import MapArea, MapLayers
from crisisconsole.interchange.map_png import fit_view, render_png
from crisisconsole.interchange.tiles import TileSource, TilesRefused
from crisisconsole.interchange.tiles_open import open_tiles
from crisisconsole.services.foundation.audit import audit_export
from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.services.map.layers import crisis_layers
from crisisconsole.store.engine import Store

BESIDE_SUFFIX = ".kaart.mbtiles"
ENDED = ("withdrawn", "expired", "lapsed", "draft", "suspended")
SMALL_WIDTH, SMALL_HEIGHT = 560, 320
PRINT_RATIO = 2.0  # the small maps are printed: drawn at twice the pixels


def tiles_beside(db_path: Path) -> Path:
    """Where the demo puts its generated tile file: beside the database."""
    return db_path.with_name(db_path.name + BESIDE_SUFFIX)


@dataclass
class TileChoice:
    """The tile file to draw from (or none) and, when a configured one was refused, why."""

    source: TileSource | None
    path: Path | None
    problem: str | None = None

    def close(self) -> None:
        if self.source is not None:
            self.source.close()


def choose_tiles(db_path: Path | None, explicit: str | Path | None = None) -> TileChoice:
    """Open the tile file to use. An explicit file that fails raises TilesRefused; the setting
    or the file beside the database fall back to no tiles, with the reason kept."""
    if explicit:
        path = Path(explicit).expanduser()
        return TileChoice(open_tiles(path), path)
    configured = user_settings.load().get("map_tiles")
    candidates = [Path(configured).expanduser()] if configured else []
    if db_path is not None and tiles_beside(db_path).exists():
        candidates.append(tiles_beside(db_path))
    problem = None
    for path in candidates:
        try:
            return TileChoice(open_tiles(path), path, problem)
        except TilesRefused as error:
            problem = problem or error.message
    return TileChoice(None, None, problem)


def render_crisis(ctx: ServiceContext, crisis_id: str, out: Path | str, *,
                  hours: float | None = None, tiles: str | Path | None = None,
                  width: int = 1280, height: int = 720) -> dict[str, Any]:
    """Render the crisis's map to a PNG file (written through safe_files), audited
    ("map.render")."""
    store = ctx.store
    layers = crisis_layers(store, crisis_id, hours=hours)
    choice = choose_tiles(store.path, tiles)
    try:
        view = fit_view(layers, width, height)
        data = render_png(view, layers, choice.source)
    finally:
        choice.close()
    target = Path(out).expanduser()
    audit_export(ctx, "map.render", "crisis", crisis_id)
    safe_files.write_bytes(target, data)
    return {"out": str(target), "width": width, "height": height,
            "centre": [round(view.centre.lat, 6), round(view.centre.lon, 6)],
            "zoom": round(view.zoom, 3), "tiles": str(choice.path) if choice.path else None,
            "tiles_problem": choice.problem, "points": len(layers.points),
            "topics": len(layers.topics), "areas": len(layers.areas),
            "places": len(layers.places)}


def small_map(store: Store, crisis_id: str, areas: list[MapArea], *,
              width: int = SMALL_WIDTH, height: int = SMALL_HEIGHT,
              with_topics: bool = False) -> bytes:
    """A small map (PNG) around ``areas`` (a measure's area; the picture's measure areas), with
    the places and, for the picture, the topics."""
    full = crisis_layers(store, crisis_id)
    layers = MapLayers(points=(), topics=full.topics if with_topics else (), areas=areas,
                       places=full.places, show_points=False)
    choice = choose_tiles(store.path)
    try:
        focus = MapLayers(areas=areas, places=() if areas else full.places)
        view = fit_view(focus, width, height, max_zoom=16.0)
        return render_png(view, layers, choice.source, ratio=PRINT_RATIO)
    finally:
        choice.close()


def measure_small_map(store: Store, measure_id: str) -> bytes | None:
    """The small map of one measure's area, or None when it has none."""
    from crisisconsole.services.map.measure_areas import current_area
    from crisisconsole.services.measures.facts import load_measure

    area = current_area(store, measure_id)
    if area is None:
        return None
    with store.read() as conn:
        record = load_measure(conn, measure_id)
    shape: MultiPolygon = area.shape
    return small_map(store, record.crisis_id,
                     [MapArea(measure_id, "measure", record.measure.title, shape)])


def picture_small_map(store: Store, picture: dict[str, Any],
                      as_of: datetime) -> bytes | None:
    """The small map of a picture snapshot: the areas of its measures in force, as they were
    recorded when the snapshot was taken; None when none of them has an area."""
    from crisisconsole.services.map.measure_areas import area_as_of

    crisis_id = picture.get("header", {}).get("crisis_id")
    areas = []
    for power in picture.get("powers") or []:
        if power.get("state") in ENDED:
            continue
        area = area_as_of(store, str(power.get("id")), as_of)
        if area is not None:
            areas.append(MapArea(area.measure_id, "measure", str(power.get("title") or ""),
                                 area.shape))
    if not areas or not crisis_id:
        return None
    return small_map(store, crisis_id, areas)
