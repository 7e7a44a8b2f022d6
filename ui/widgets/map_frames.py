"""The Kaart's two cached images, so a pan or zoom frame is a copy, not a render of ten
thousand entries.

- The *base*: background and tiles for exactly the current view. Redrawn on every pan frame
  (the tiles are decoded once and kept by the painter, so this is a few milliseconds), kept
  and shown scaled while a zoom is under way. Decoding new tiles (a new zoom level: forty of
  them) gets a time budget per frame; the rest follow in the next frames, the last frame
  showing through where they will be.
- The *layers*: areas, marks, clusters, topics and texts drawn once for a window ``MARGIN``
  pixels larger than the screen on every side, at one zoom level. A pan only moves it; when the
  view comes within half the margin of its edge it is drawn again around the view; after a
  zoom it is drawn at the new level when the movement pauses, or taken from the last few
  levels' images when one of them still covers the view. Clusters come from a grid in world pixels, so
  the marks in the moved image are the marks a fresh frame would draw.

Hits (for hover and click) are kept in the window's coordinates and moved to the screen's on
asking, so a click after a pan finds the mark drawn under it.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from dataclasses import replace

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QImage, QPainter

from crisisconsole.interchange import map_decor
from crisisconsole.interchange.map_layers import MapLayers
from crisisconsole.interchange.map_paint import BACKGROUND, Hit, MapPainter, PaintReport
from crisisconsole.interchange.map_view import MapView

MARGIN = 256  # pixels of layers drawn ahead around the screen
KEPT_LEVELS = 4
TILE_BUDGET_S = 0.012  # decoding time per frame; the other tiles follow in the next frames
LAYER_BUDGET_S = 0.012  # drawing time per frame for a layer image spread over frames


def _image(width: int, height: int) -> QImage:
    return QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)


def _draw_from(painter: QPainter, image: QImage, drawn: MapView, view: MapView) -> None:
    """``image`` (drawn for ``drawn``) where it lies in ``view``: moved, and scaled when the
    zoom differs."""
    corner = drawn.to_latlon(0, 0)
    ox, oy = view.screen_of(corner.lat, corner.lon)
    if drawn.zoom == view.zoom:
        painter.drawImage(QPointF(round(ox), round(oy)), image)
        return
    scale = 2.0 ** (view.zoom - drawn.zoom)
    painter.save()
    painter.translate(ox, oy)
    painter.scale(scale, scale)
    painter.drawImage(0, 0, image)
    painter.restore()


class _LayerJob:
    """One layer image being drawn, step by step (``MapPainter.layer_steps``)."""

    def __init__(self, painter: MapPainter, view: MapView, layers: MapLayers,
                 tiles_drawn: int) -> None:
        self.layers = layers
        self.window = MapView(view.centre, view.zoom, view.width + 2 * MARGIN,
                              view.height + 2 * MARGIN)
        self.image = _image(self.window.width, self.window.height)
        self.image.fill(Qt.GlobalColor.transparent)
        labels = map_decor.Labels(self.window.width, self.window.height)
        painter.furniture(view, tiles_drawn, map_decor.ShiftedLabels(labels, MARGIN, MARGIN))
        self.report = PaintReport()
        # The painter is open only while a step runs: between frames no painter is active on
        # the image, so dropping the job (or the canvas) at any time is safe.
        self.device = QPainter()
        self.steps = painter.layer_steps(self.device, self.window, layers, self.report, labels,
                                         cache_areas=False)
        self.done = False

    def run(self, deadline: float | None) -> bool:
        """Draw until ``deadline`` (or to the end); True when the image is whole."""
        device = self.device
        device.begin(self.image)
        device.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        try:
            for _step in self.steps:
                if deadline is not None and time.perf_counter() >= deadline:
                    return False
        finally:
            device.end()
        self.done = True
        return True

    def drop(self) -> None:
        self.steps.close()


def _covers(window: MapView, view: MapView, margin: float) -> bool:
    """Whether ``view`` lies within ``margin`` pixels of the centre spot of ``window``."""
    if window.zoom != view.zoom or window.width != view.width + 2 * MARGIN or (
            window.height != view.height + 2 * MARGIN):
        return False
    wx, wy = window.origin
    vx, vy = view.origin
    return abs(vx - wx - MARGIN) <= margin and abs(vy - wy - MARGIN) <= margin


class MapFrames:
    def __init__(self) -> None:
        self.base: QImage | None = None
        self.base_view: MapView | None = None
        self.base_report = PaintReport()
        self._last_base_view: MapView | None = None
        self.layers: QImage | None = None
        self.window: MapView | None = None  # what the layer image was drawn for
        self.layers_report = PaintReport()  # hits in the window's coordinates
        self.layers_stale = True
        self.layer_renders = 0  # how often the layers were drawn (tests, speed checks)
        self.version = 0
        self._job: _LayerJob | None = None  # changes whenever the layer image does (drawn or taken from _kept)
        # Earlier layer images by zoom level (the last few), so zooming back costs a copy.
        self._kept: OrderedDict[float, tuple[QImage, MapView, PaintReport]] = OrderedDict()

    def invalidate(self, *, keep_backdrop: bool = True) -> None:
        """Draw both anew at the next paint; the old tiles show through until the new ones
        are decoded, unless they are of another tile file (``keep_backdrop=False``)."""
        self.base_view = None
        self._kept.clear()
        self.drop_job()
        if not keep_backdrop:
            self.base = self._last_base_view = None
        self.layers_stale = True

    # -- drawing ---------------------------------------------------------------------------
    def render_base(self, painter: MapPainter, view: MapView) -> None:
        """The tiles for ``view``. When an earlier frame exists, tiles not decoded within
        ``TILE_BUDGET_S`` wait for the next frame (``base_pending``) and that earlier frame,
        moved or scaled, shows where they will be; the very first frame draws them all."""
        image = _image(view.width, view.height)
        report = PaintReport()
        old, old_view = self.base, self.base_view or self._last_base_view
        backdrop = None
        if old is not None and old_view is not None:
            def backdrop(device: QPainter) -> None:
                _draw_from(device, old, old_view, view)
        device = QPainter(image)
        try:
            painter.paint_base(device, view, report, backdrop=backdrop, deadline=None
                               if backdrop is None else time.perf_counter() + TILE_BUDGET_S)
        finally:
            device.end()
        self.base, self.base_view, self.base_report = image, view, report
        self._last_base_view = view

    @property
    def base_pending(self) -> bool:
        return self.base_report.tiles_pending > 0

    def render_layers(self, painter: MapPainter, view: MapView, layers: MapLayers,
                      tiles_drawn: int, deadline: float | None = None) -> bool:
        """The layers for a window ``MARGIN`` larger than ``view`` on every side, with the
        corners the screen's furniture will cover kept free of texts; an image kept from an
        earlier visit to this zoom level serves when it still covers the view well.

        With a ``deadline`` (``time.perf_counter()``) the drawing stops there and goes on at
        the next call (the image being drawn is shown only when it is whole); True when the
        layers for ``view`` are in place. A drawing begun for another zoom or for layers
        handed over since is dropped."""
        job = self._job
        if job is not None and (job.window.zoom != view.zoom or job.layers is not layers):
            self.drop_job()
            job = None
        if job is None:
            if self._take_kept(view):
                return True
            job = self._job = _LayerJob(painter, view, layers, tiles_drawn)
        if not job.run(deadline):
            return False
        self._job = None
        self.layers, self.window, self.layers_report = job.image, job.window, job.report
        self.layers_stale = False
        self.layer_renders += 1
        self.version += 1
        return True

    def _take_kept(self, view: MapView) -> bool:
        if not self.layers_stale and self.window is not None and self.layers is not None:
            self._kept[self.window.zoom] = (self.layers, self.window, self.layers_report)
            self._kept.move_to_end(self.window.zoom)
            while len(self._kept) > KEPT_LEVELS:
                self._kept.popitem(last=False)
        kept = None if self.layers_stale else self._kept.get(view.zoom)
        if kept is not None and kept[1] is not self.window and _covers(kept[1], view, MARGIN / 2):
            self.layers, self.window, self.layers_report = kept
            self.version += 1
            return True
        return False

    @property
    def building(self) -> bool:
        """A layer image is being drawn over several frames."""
        return self._job is not None

    def drop_job(self) -> None:
        if self._job is not None:
            self._job.drop()
            self._job = None

    def covers(self, view: MapView, margin: float = MARGIN) -> bool:
        """Whether the layer image, at ``view``'s zoom, still covers the whole screen (and
        ``MARGIN - margin`` pixels beyond it)."""
        return self.window is not None and _covers(self.window, view, margin)

    def paint(self, painter: QPainter, view: MapView) -> None:
        """The base and the layers as they lie in ``view`` (moved or scaled)."""
        if self.base is None or self.base_view is None:
            painter.fillRect(QRectF(0, 0, view.width, view.height), BACKGROUND)
        elif self.base_view == view:
            painter.drawImage(0, 0, self.base)
        else:
            painter.fillRect(QRectF(0, 0, view.width, view.height), BACKGROUND)
            _draw_from(painter, self.base, self.base_view, view)
        if self.layers is not None and self.window is not None:
            _draw_from(painter, self.layers, self.window, view)

    def report(self, view: MapView) -> PaintReport:
        """What ``view`` shows: tiles from the base, marks and hits from the layers, the hits
        in screen coordinates (none while the layers are from another zoom)."""
        own = self.layers_report
        if self.window is None or self.window.zoom != view.zoom:
            hits: list[Hit] = []
        else:
            wx, wy = self.window.origin
            vx, vy = view.origin
            dx, dy = vx - wx, vy - wy
            hits = [replace(hit, x=hit.x - dx, y=hit.y - dy) for hit in own.hits
                    if -hit.radius <= hit.x - dx <= view.width + hit.radius
                    and -hit.radius <= hit.y - dy <= view.height + hit.radius]
        return PaintReport(tiles_drawn=self.base_report.tiles_drawn,
                           tiles_missing=self.base_report.tiles_missing,
                           marks=sum(1 for hit in hits if hit.kind == "points"),
                           labels=own.labels, hits=hits)
