"""The Kaart's canvas at scale, measured in its own process for `crisisconsole bench map`
(crisisconsole/bench/map.py builds the layers' recipe and starts this): a real MapCanvas
(QGraphicsView) at 1280x720 offscreen, every frame painted through the widget
(``viewport().repaint()``), first with no layers (the bare tiles: the baseline) and then with
the full layers, in the same run. Prints one JSON object.

A frame is the work that one user act or timer costs on the GUI thread up to the painted
widget: first paint (tile file, layers and view handed to a fresh canvas, then painted, up to
the frame that makes the picture whole), each pan step, each zoom step, and the frames the
canvas draws when the movement pauses; the frames a canvas schedules to finish its picture
(a zero-time timer, which the event loop runs between two moves) count as frames of their own
under the act that caused them.

    python -m crisisconsole.ui.bench.map_view POINTS TOPICS RUNS TILES
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

PAN_STEPS = 12
PAN_DX, PAN_DY = 40, 15
ZOOM_STEPS = 3
CATCH_UP_LIMIT = 100  # frames a canvas may schedule to finish its picture after one act


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def summary(values: list[float]) -> dict[str, float]:
    from crisisconsole.bench.report import median

    return {"median": median(values), "p99": _percentile(values, 0.99),
            "max": max(values) if values else float("nan"), "frames": len(values)}


class _Run:
    """One canvas and the frames timed on it."""

    def __init__(self, app, source, layers, view) -> None:  # noqa: ANN001
        from crisisconsole.interchange.map_paint import MapPainter
        from crisisconsole.ui.widgets.map_canvas import MapCanvas

        self.app = app
        self.canvas = MapCanvas()
        self.canvas.resize(1280, 720)
        self.canvas.show()
        app.processEvents()
        self.frames: dict[str, list[float]] = {"first": [], "pan": [], "zoom": [],
                                               "settle": []}
        canvas = self.canvas

        def hand_over() -> None:
            canvas.set_tiles(MapPainter(source))  # a fresh painter: cold tile cache
            canvas.set_layers(layers)
            canvas.show_view(view)

        self._time("first", hand_over)
        # First paint: until the picture is whole (its first frame and any that finish it).
        self.first_frame = self.frames["first"][0]
        self.first_paint = sum(self.frames.pop("first"))

    def _time(self, kind: str, action: Callable[[], None]) -> None:
        """One frame: ``action`` and the paint it causes; then the frames the canvas
        schedules to finish its picture (a zero-time timer: the event loop runs them between
        two moves), each timed alone under the same kind."""
        self._frame(kind, action)
        follow = self.canvas._follow
        for _ in range(CATCH_UP_LIMIT):
            if not follow.isActive():
                return
            follow.stop()
            self._frame(kind, follow.timeout.emit)
        raise RuntimeError("the map canvas keeps scheduling frames")

    def _frame(self, kind: str, action: Callable[[], None]) -> None:
        painted = self.canvas.item.painted
        t0 = time.perf_counter()
        action()
        self.canvas.viewport().repaint()
        self.frames[kind].append((time.perf_counter() - t0) * 1000)
        if self.canvas.item.painted == painted:
            raise RuntimeError("the map canvas painted no frame: nothing was measured")

    def settle(self) -> None:
        """The frames the pause after a movement costs (the settle timer and what follows)."""
        timer = self.canvas._settle
        if timer.isActive():
            timer.stop()
            self._time("settle", timer.timeout.emit)

    def move(self) -> None:
        canvas = self.canvas
        for _ in range(PAN_STEPS):
            self._time("pan", lambda: canvas.pan(PAN_DX, PAN_DY))
        self.settle()
        for _ in range(PAN_STEPS):
            self._time("pan", lambda: canvas.pan(-PAN_DX, -PAN_DY))
        self.settle()
        for steps in (0.5, -0.5):
            for _ in range(ZOOM_STEPS):
                self._time("zoom", lambda s=steps: canvas.zoom_by(s))
            self.settle()

    def close(self) -> None:
        self.canvas.close()
        self.canvas.deleteLater()
        self.app.processEvents()


def measure(points: int, topics: int, runs: int, tiles: str | None) -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication

    from crisisconsole.bench.map import HEIGHT, WIDTH, bench_layers, bench_view
    from crisisconsole.bench.report import median
    from crisisconsole.demo.waalbergen_tiles import build_demo_tiles
    from crisisconsole.interchange.map_layers import MapLayers
    from crisisconsole.interchange.tiles_open import open_tiles
    from crisisconsole.ui import gc_policy

    gc_policy.activate()  # the app's rule for the collector (run_gui does the same)
    app = QApplication.instance() or QApplication(["bench"])
    gc_policy.collect_on_gui_thread(app)
    with tempfile.TemporaryDirectory(prefix="cc-bench-map-") as tmp:
        path = Path(tiles) if tiles else build_demo_tiles(Path(tmp) / "demo.mbtiles")
        source = open_tiles(path)
        try:
            view = bench_view()
            warm = _Run(app, source, bench_layers(10, 1), view)  # fonts, plugins, imports
            warm.close()
            bare_first, full_first, full_first_frame = [], [], []
            bare: dict[str, list[float]] = {"pan": [], "zoom": [], "settle": []}
            full: dict[str, list[float]] = {"pan": [], "zoom": [], "settle": []}
            marks = 0
            for _ in range(runs):
                for layers, firsts, frames in ((MapLayers(), bare_first, bare),
                                               (bench_layers(points, topics), full_first, full)):
                    run = _Run(app, source, layers, view)
                    firsts.append(run.first_paint)
                    if layers.points:
                        marks = run.canvas.report.marks
                        full_first_frame.append(run.first_frame)
                    run.move()
                    for kind, values in run.frames.items():
                        frames[kind].extend(values)
                    run.close()
        finally:
            source.close()
    first, base = median(full_first), median(bare_first)
    result: dict[str, Any] = {
        "points": points, "topics": topics, "runs": runs, "width": WIDTH, "height": HEIGHT,
        "tiles": str(tiles or "demo"), "marks": marks, "widget": "MapCanvas (QGraphicsView)",
        "bare_tiles_ms": base, "first_paint_ms": first,
        "first_paint_ratio": first / base if base else None,
        "first_frame_ms": median(full_first_frame), "frames": {}}
    for kind in ("pan", "zoom", "settle"):
        own, baseline = summary(full[kind]), summary(bare[kind])
        own["bare_median"], own["bare_max"] = baseline["median"], baseline["max"]
        own["ratio"] = own["median"] / baseline["median"] if baseline["median"] else None
        result["frames"][kind] = own
    pan = result["frames"]["pan"]
    result.update({"pan_bare_ms": pan["bare_median"], "pan_frame_ms": pan["median"],
                   "pan_frame_p99_ms": pan["p99"], "pan_frame_max_ms": pan["max"],
                   "pan_ratio": pan["ratio"],
                   "frame_max_ms": max(f["max"] for f in result["frames"].values())})
    return result


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    points, topics, runs = int(argv[0]), int(argv[1]), int(argv[2])
    tiles = argv[3] if len(argv) > 3 and argv[3] else None
    print(json.dumps(measure(points, topics, runs, tiles)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
