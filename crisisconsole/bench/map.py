"""The map at 1280x720 with many entries (default 10,000) and topics (default 200), next to
drawing the bare tiles alone in the same run (issue 18). Targets: first paint <= 200 ms, a pan
frame <= 50 ms.

First paint: a new painter (cold tile cache, fresh projection of every point) draws the view.
Pan frames: the same painter draws the view moved by 40 pixels at a time (warm tiles, new
clusters each frame). The tiles are the demo's generated Waalbergen file unless --tiles names
another; the points scatter around the town like a crisis's reports do (dense at a few places).
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path
from typing import Any

from crisisconsole.bench.report import median, print_report

FIRST_PAINT_TARGET_MS = 200.0
FRAME_TARGET_MS = 50.0
WIDTH, HEIGHT = 1280, 720


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--points", type=int, default=10_000,
                        help="map: aantal meldingen op de kaart (standaard 10000)")
    parser.add_argument("--topics", type=int, default=200,
                        help="map: aantal onderwerpen (standaard 200)")
    parser.add_argument("--tiles", default=None,
                        help="map: MBTiles- of PMTiles-bestand (standaard de demokaart)")


def _layers(points: int, topics: int) -> Any:
    from crisisconsole.demo.waalbergen_map import (
        cap_circle,
        ordinance_area,
        waalbergen_gazetteer,
    )
    from crisisconsole.domain.geo import LatLon
    from crisisconsole.interchange.map_layers import MapArea, MapLayers, MapPoint, TopicMarker

    rng = random.Random(18)
    places = waalbergen_gazetteer().places
    hot = [p.position for p in places]
    tags = ("hearsay", "hearsay", "confirmed", "refuted")

    def near(spread: float) -> LatLon:
        base = rng.choice(hot)
        return LatLon(base.lat + rng.gauss(0, spread), base.lon + rng.gauss(0, spread * 1.6))

    entries = [MapPoint(f"e{i}", near(0.0015 if i % 3 else 0.006), rng.choice(tags), f"melding {i}")
               for i in range(points)]
    markers = [TopicMarker(f"t{i}", near(0.004), f"Onderwerp {i}") for i in range(topics)]
    areas = [MapArea("nv", "measure", "Noodverordening binnenstad", ordinance_area()),
             MapArea("cap", "cap", "Rookontwikkeling binnenstad", cap_circle())]
    return MapLayers(points=entries, topics=markers, areas=areas, places=places)


def measure(points: int, topics: int, runs: int, tiles_path: str | None) -> dict[str, Any]:
    from crisisconsole.demo.waalbergen_map import to_latlon
    from crisisconsole.demo.waalbergen_tiles import build_demo_tiles
    from crisisconsole.interchange.map_layers import MapLayers
    from crisisconsole.interchange.map_paint import MapPainter
    from crisisconsole.interchange.map_view import MapView
    from crisisconsole.interchange.pdf_render import ensure_gui_app
    from crisisconsole.interchange.tiles_open import open_tiles

    ensure_gui_app()
    with tempfile.TemporaryDirectory(prefix="cc-bench-map-") as tmp:
        path = Path(tiles_path) if tiles_path else build_demo_tiles(Path(tmp) / "demo.mbtiles")
        source = open_tiles(path)
        try:
            view = MapView(to_latlon(-200, -250), 15.0, WIDTH, HEIGHT)
            MapPainter(source).render(view, _layers(10, 1))  # fonts, plugins, first import
            bare_first, full_first, bare_pan, full_pan = [], [], [], []
            for _ in range(runs):
                t0 = time.perf_counter()
                MapPainter(source).render(view, MapLayers())
                bare_first.append((time.perf_counter() - t0) * 1000)
                layers = _layers(points, topics)  # built by the services; not timed
                t0 = time.perf_counter()
                painter = MapPainter(source)
                painter.render(view, layers)
                full_first.append((time.perf_counter() - t0) * 1000)
                marks = painter.last_report.marks
                bare = MapPainter(source)
                bare.render(view, MapLayers())
                for step in range(1, 9):
                    moved = MapView(view.to_latlon(WIDTH / 2 + 40 * step, HEIGHT / 2 + 15 * step),
                                    view.zoom, WIDTH, HEIGHT)
                    t0 = time.perf_counter()
                    bare.render(moved, MapLayers())
                    bare_pan.append((time.perf_counter() - t0) * 1000)
                    t0 = time.perf_counter()
                    painter.render(moved, layers)
                    full_pan.append((time.perf_counter() - t0) * 1000)
        finally:
            source.close()
    first, base = median(full_first), median(bare_first)
    frame, frame_base = max(full_pan), median(bare_pan)
    return {"points": points, "topics": topics, "runs": runs, "width": WIDTH, "height": HEIGHT,
            "tiles": str(tiles_path or "demo"), "bare_tiles_ms": base, "first_paint_ms": first,
            "first_paint_ratio": first / base if base else None,
            "pan_bare_ms": frame_base, "pan_frame_ms": median(full_pan),
            "pan_frame_max_ms": frame, "pan_ratio": median(full_pan) / frame_base
            if frame_base else None, "marks": marks,
            "first_paint_target_ms": FIRST_PAINT_TARGET_MS, "frame_target_ms": FRAME_TARGET_MS,
            "ok": first <= FIRST_PAINT_TARGET_MS and frame <= FRAME_TARGET_MS}


def run(args: argparse.Namespace) -> int:
    data = measure(max(0, args.points), max(0, args.topics), max(1, args.runs), args.tiles)
    rows = [
        ("bare tiles, first paint", f"{data['bare_tiles_ms']:.1f} ms", "baseline"),
        ("map, first paint", f"{data['first_paint_ms']:.1f} ms",
         f"x{data['first_paint_ratio']:.2f}; target <= {FIRST_PAINT_TARGET_MS:.0f} ms"),
        ("bare tiles, pan frame", f"{data['pan_bare_ms']:.1f} ms", "baseline (median)"),
        ("map, pan frame", f"{data['pan_frame_ms']:.1f} ms",
         f"x{data['pan_ratio']:.2f}; slowest {data['pan_frame_max_ms']:.1f} ms, target <= "
         f"{FRAME_TARGET_MS:.0f} ms" + (" OK" if data["ok"] else " TOO SLOW")),
    ]
    print_report(f"Map {data['width']}x{data['height']}, {data['points']} entries "
                 f"({data['marks']} marks), {data['topics']} topics, median of {data['runs']} runs",
                 rows, data, args.json)
    return 0
