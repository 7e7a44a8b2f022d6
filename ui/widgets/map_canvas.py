"""The Kaart's drawing surface: a QGraphicsView holding one item that paints the map with the
core's MapPainter (QtGui only, no web view, no network).

Pan with the mouse (drag) or the arrow keys, zoom with the wheel or +/-. The frame is made of
two cached images (map_frames.py): the tiles for the current view, and the layers drawn for a
window a margin larger than the screen. A pan frame draws the tiles and moves the layers; a zoom
frame scales both; when the movement pauses (``SETTLE_MS``) the tiles are drawn at the new
level and the layers follow. New tiles and a new layer image each get a time budget per frame
(map_frames.py) and go on in the next frames (``_follow``, a zero-time timer the event loop runs
between two moves), the last complete picture showing meanwhile, so no frame waits for ten
thousand marks and forty tiles at once. Handing over tiles, layers or a view only marks the
frame stale: the next paint draws it once (a look at ``report`` draws stale layers at once). Hover shows an entry's
or topic's text; a click chooses it; in the place and area modes a click gives the position.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsItem,
    QGraphicsObject,
    QGraphicsScene,
    QGraphicsView,
    QToolTip,
)

from crisisconsole.domain.geo import LatLon
from crisisconsole.interchange import map_decor
from crisisconsole.interchange.map_layers import MapLayers
from crisisconsole.interchange.map_paint import MapPainter, PaintReport
from crisisconsole.interchange.map_view import MAX_VIEW_ZOOM, MapView
from crisisconsole.ui.gc_policy import keep_long_lived
from crisisconsole.ui.widgets.map_frames import LAYER_BUDGET_S, MARGIN, MapFrames

SETTLE_MS = 120
PAN_STEP = 80  # pixels per arrow key
MIN_ZOOM, MAX_ZOOM = 6.0, 19.0
DRAW_COLOUR = QColor("#5e35b1")


class MapItem(QGraphicsObject):
    """Paints the current frame from the canvas's cached images."""

    def __init__(self, canvas: MapCanvas) -> None:
        super().__init__()
        self.canvas = canvas
        self.setCacheMode(QGraphicsItem.CacheMode.NoCache)  # the frame is its own cache
        self.painted = 0  # frames painted (the benchmark checks that each one was)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return QRectF(0, 0, self.canvas.view.width, self.canvas.view.height)

    def paint(self, painter: QPainter, _option, _widget=None) -> None:  # noqa: ANN001
        self.canvas.paint_frame(painter)
        self.painted += 1


class MapCanvas(QGraphicsView):
    entry_clicked = Signal(str)
    topic_clicked = Signal(str)
    position_clicked = Signal(object)  # LatLon, in the place and area modes
    view_changed = Signal()
    resized = Signal()
    user_moved = Signal()  # the aide panned or zoomed (the page stops fitting by itself)

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setAccessibleName(self.tr("Kaart"))
        self.setScene(QGraphicsScene(self))
        self.painter = MapPainter(None)
        self.layers = MapLayers()
        self.view = MapView(LatLon(52.1, 5.3), 8.0, 640, 480)
        self.item = MapItem(self)
        self.scene().addItem(self.item)
        self.mode = "select"  # select | place | area
        self.drawn: list[LatLon] = []
        self.cached = MapFrames()
        self._report: tuple[MapView, int, PaintReport] | None = None
        self._moving = False  # between a pan or zoom and its pause
        self._drag: QPointF | None = None
        self._dragged = False
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._settled)
        self._follow = QTimer(self)  # the layers, a frame after the tiles
        self._follow.setSingleShot(True)
        self._follow.setInterval(0)
        self._follow.timeout.connect(self._catch_up)

    @property
    def frames(self) -> int:
        """How often the layers were drawn in full (tests, speed checks)."""
        return self.cached.layer_renders

    # -- content -------------------------------------------------------------------------
    def set_tiles(self, painter: MapPainter) -> None:
        self.painter = painter
        self.cached.invalidate(keep_backdrop=False)
        self.redraw()

    def set_layers(self, layers: MapLayers) -> None:
        self.layers = layers
        keep_long_lived()  # thousands of marks for as long as they are shown (ui/gc_policy.py)
        self.redraw()

    def show_view(self, view: MapView) -> None:
        self.view = MapView(view.centre, view.zoom, max(1, self.viewport().width()),
                            max(1, self.viewport().height()))
        self.redraw()

    def redraw(self) -> None:
        """Draw the whole frame anew (tiles and layers) at the next paint."""
        self._settle.stop()
        self._follow.stop()
        self._moving = False
        self.cached.invalidate()
        self.item.prepareGeometryChange()
        self.item.update()
        self.view_changed.emit()

    @property
    def report(self) -> PaintReport:
        """What the screen shows now (tiles, marks, hits in screen coordinates), drawn first if
        it is stale."""
        self._bring_up_to_date(whole=True)
        key = (self.view, self.cached.version)
        if self._report is None or self._report[:2] != key:
            self._report = (*key, self.cached.report(self.view))
        return self._report[2]

    def _bring_up_to_date(self, *, whole: bool = False) -> None:
        """Draw what this frame needs, at most one costly part of it: the tiles (unless a
        zoom is under way: then the old ones are scaled), and the layers when they are stale
        or, with no movement under way, of another zoom or no longer covering the screen. A
        frame that decoded every tile (the first one) leaves the layers to the next frame, so
        the tiles show first. Whatever is left follows in the next frames (``_follow``), so no
        frame pays for everything at once; ``whole`` draws stale layers now (hit tests)."""
        cached, view = self.cached, self.view
        zooming = (self._moving and cached.base_view is not None
                   and cached.base_view.zoom != view.zoom)
        first = False
        if cached.base_view != view and not zooming:
            first = cached.base is None
            cached.render_base(self.painter, view)
        same_zoom = cached.window is not None and cached.window.zoom == view.zoom
        if cached.layers_stale:
            now = whole or not first
        else:  # the layers of another zoom or place: redrawn when nothing else is under way
            now = (not self._moving and not self._follow.isActive()
                   and not (same_zoom and cached.covers(view)))
        if now:
            self._draw_layers(None if whole else self._layer_deadline())
        if self._catch_up_needed():
            self._follow.start()

    @staticmethod
    def _layer_deadline() -> float:
        return time.perf_counter() + LAYER_BUDGET_S

    def _draw_layers(self, deadline: float | None) -> bool:
        return self.cached.render_layers(self.painter, self.view, self.layers,
                                         self.cached.base_report.tiles_drawn, deadline)

    def _catch_up_needed(self) -> bool:
        cached, view = self.cached, self.view
        if cached.layers_stale or cached.building or (
                cached.base_view == view and cached.base_pending):
            return True
        if self._moving:  # ahead of a pan: draw the layers again before their edge shows
            return not cached.covers(view, MARGIN / 2) and cached.window is not None and (
                cached.window.zoom == view.zoom)
        return cached.window is not None and not cached.covers(view, MARGIN / 2)

    def _catch_up(self) -> None:
        """One more part of the frame: the tiles still pending, else the layers."""
        cached, view = self.cached, self.view
        if cached.base_view == view and cached.base_pending:
            cached.render_base(self.painter, view)
        elif self._catch_up_needed():  # stale, half-drawn, or past half the margin
            self._draw_layers(self._layer_deadline())
        self.item.update()
        if self._catch_up_needed():
            self._follow.start()

    def paint_frame(self, painter: QPainter) -> None:
        self._bring_up_to_date()
        self.cached.paint(painter, self.view)
        labels = map_decor.Labels(self.view.width, self.view.height)
        for draw in self.painter.furniture(self.view, self.cached.base_report.tiles_drawn,
                                           labels):
            draw(painter)
        self._paint_drawing(painter)

    def _paint_drawing(self, painter: QPainter) -> None:
        if self.mode != "area" or not self.drawn:
            return
        path = QPainterPath()
        for index, point in enumerate(self.drawn):
            x, y = self.view.to_screen(point)
            if index == 0:
                path.moveTo(x, y)
            else:
                path.lineTo(x, y)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(DRAW_COLOUR, 2.5, Qt.PenStyle.DashLine))
        painter.drawPath(path)
        painter.setBrush(DRAW_COLOUR)
        for point in self.drawn:
            x, y = self.view.to_screen(point)
            painter.drawEllipse(QPointF(x, y), 4, 4)

    # -- moving --------------------------------------------------------------------------
    def _move_to(self, view: MapView) -> None:
        """Show ``view`` at once from the last frame; the full frame follows when it settles."""
        self.view = view
        self._moving = True
        self._follow.stop()
        self.item.update()
        self._settle.start()
        self.view_changed.emit()

    def _settled(self) -> None:
        """The movement paused: the tiles at the new level now, the layers a frame later."""
        self._moving = False
        self.item.update()
        if self._catch_up_needed():
            self._follow.start()

    def pan(self, dx: float, dy: float) -> None:
        self.user_moved.emit()
        centre = self.view.to_latlon(self.view.width / 2 + dx, self.view.height / 2 + dy)
        self._move_to(MapView(centre, self.view.zoom, self.view.width, self.view.height))

    def zoom_by(self, steps: float, at: QPointF | None = None) -> None:
        zoom = max(MIN_ZOOM, min(MAX_ZOOM, min(MAX_VIEW_ZOOM, self.view.zoom + steps)))
        if zoom == self.view.zoom:
            return
        self.user_moved.emit()
        at = at or QPointF(self.view.width / 2, self.view.height / 2)
        fixed = self.view.to_latlon(at.x(), at.y())  # the point under the cursor stays put
        probe = MapView(self.view.centre, zoom, self.view.width, self.view.height)
        fx, fy = probe.to_screen(fixed)
        centre = probe.to_latlon(self.view.width / 2 + fx - at.x(),
                                 self.view.height / 2 + fy - at.y())
        self._move_to(MapView(centre, zoom, self.view.width, self.view.height))

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802
        super().resizeEvent(event)
        size = self.viewport().size()
        self.scene().setSceneRect(0, 0, size.width(), size.height())
        self.view = MapView(self.view.centre, self.view.zoom, max(1, size.width()),
                            max(1, size.height()))
        self.redraw()
        self.resized.emit()

    def wheelEvent(self, event) -> None:  # noqa: ANN001, N802
        steps = event.angleDelta().y() / 240.0  # half a level per notch
        if steps:
            self.zoom_by(steps, event.position())
        event.accept()

    def keyPressEvent(self, event) -> None:  # noqa: ANN001, N802
        key = event.key()
        moves = {Qt.Key.Key_Left: (-PAN_STEP, 0), Qt.Key.Key_Right: (PAN_STEP, 0),
                 Qt.Key.Key_Up: (0, -PAN_STEP), Qt.Key.Key_Down: (0, PAN_STEP)}
        if key in moves:
            self.pan(*moves[key])
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(0.5)
        elif key == Qt.Key.Key_Minus:
            self.zoom_by(-0.5)
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event) -> None:  # noqa: ANN001, N802
        if event.button() == Qt.MouseButton.LeftButton:
            self._drag = event.position()
            self._dragged = False
        event.accept()

    def mouseMoveEvent(self, event) -> None:  # noqa: ANN001, N802
        pos = event.position()
        if self._drag is not None and event.buttons() & Qt.MouseButton.LeftButton:
            delta = pos - self._drag
            if self._dragged or abs(delta.x()) + abs(delta.y()) > 4:
                self._dragged = True
                self._drag = pos
                self.pan(-delta.x(), -delta.y())
            return
        hit = self.report.hit(pos.x(), pos.y()) if not self._moving else None
        text = self.hover_text(hit)
        if text:
            QToolTip.showText(event.globalPosition().toPoint(), text, self)
        else:
            QToolTip.hideText()

    def mouseReleaseEvent(self, event) -> None:  # noqa: ANN001, N802
        if event.button() == Qt.MouseButton.LeftButton and not self._dragged:
            self.click_at(event.position().x(), event.position().y())
        self._drag = None
        self._dragged = False
        event.accept()

    # -- choosing ------------------------------------------------------------------------
    def hover_text(self, hit) -> str:  # noqa: ANN001 - Hit | None
        if hit is None:
            return ""
        if hit.kind == "topic":
            return self.tr("Onderwerp: ") + self.layers.topics[hit.members[0]].title
        texts = [self.layers.points[i].text for i in hit.members[:5]]
        more = len(hit.members) - len(texts)
        tail = self.tr("\n… en %n meer", "", more) if more > 0 else ""
        return "\n\n".join(texts) + tail

    def click_at(self, x: float, y: float) -> None:
        if self.mode in ("place", "area"):
            point = self.view.to_latlon(x, y)
            if self.mode == "area":
                self.drawn.append(point)
                self.item.update()
            self.position_clicked.emit(point)
            return
        if not self.cached.covers(self.view):  # the marks of this zoom, to find the one clicked
            self._draw_layers(None)
            self.item.update()
        hit = self.report.hit(x, y)
        if hit is None:
            return
        if hit.kind == "topic":
            self.topic_clicked.emit(self.layers.topics[hit.members[0]].id)
        elif len(hit.members) == 1:
            self.entry_clicked.emit(self.layers.points[hit.members[0]].id)
        else:  # a cluster: zoom in on it
            self.zoom_by(1.5, QPointF(x, y))

