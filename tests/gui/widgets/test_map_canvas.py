"""The Kaart's canvas draws pans and zooms from its cached images (issue 18, speed): a pan moves
the layers without drawing them again, yet what it shows and what a click hits are what a fresh
frame of the same view shows and hits; after a zoom and its pause, the marks are those of the
new level."""

from __future__ import annotations

import pytest

from crisisconsole.bench.map import bench_layers, bench_view
from crisisconsole.demo import waalbergen_tiles
from crisisconsole.interchange.map_paint import MapPainter
from crisisconsole.interchange.tiles_open import open_tiles
from crisisconsole.ui.widgets.map_canvas import MapCanvas

INSIDE = 100  # marks this far from the edges are whole in any frame (clusters near an edge
# count the points just beyond it, and a fresh frame sees fewer of those)


@pytest.fixture(scope="module")
def tiles(tmp_path_factory, qapp):
    path = waalbergen_tiles.build_demo_tiles(tmp_path_factory.mktemp("map") / "demo.mbtiles")
    source = open_tiles(path)
    yield source
    source.close()


@pytest.fixture(scope="module")
def layers():
    return bench_layers(1500, 12)


def _canvas(qtbot, tiles, layers, view=None, *, finish: bool = True) -> MapCanvas:
    canvas = MapCanvas()
    qtbot.addWidget(canvas)
    canvas.resize(1280, 720)
    canvas.show()
    qtbot.waitExposed(canvas)
    canvas.set_tiles(MapPainter(tiles))
    canvas.set_layers(layers)
    canvas.show_view(view or bench_view())
    if finish:
        _paint(canvas)
        _catch_up(canvas)
    return canvas


def _paint(canvas: MapCanvas):
    """One frame through the widget (the scene's item paints from the canvas's images)."""
    return canvas.viewport().grab().toImage()


def _settle(canvas: MapCanvas) -> None:
    """What the timers do when the movement pauses, without waiting for them."""
    if canvas._settle.isActive():
        canvas._settle.stop()
        canvas._settled()
        _paint(canvas)
    _catch_up(canvas)


def _catch_up(canvas: MapCanvas) -> int:
    """The frames the canvas schedules to finish its picture (the event loop would run them
    between two moves); how many there were."""
    frames = 0
    while canvas._follow.isActive():
        assert frames < 50
        canvas._follow.stop()
        canvas._catch_up()
        _paint(canvas)
        frames += 1
    return frames


def _marks(canvas: MapCanvas) -> set[tuple[int, int, int]]:
    width, height = canvas.view.width, canvas.view.height
    return {(round(h.x), round(h.y), len(h.members)) for h in canvas.report.hits
            if h.kind == "points" and INSIDE <= h.x <= width - INSIDE
            and INSIDE <= h.y <= height - INSIDE}


def _fresh(qtbot, tiles, layers, canvas: MapCanvas) -> MapCanvas:
    return _canvas(qtbot, tiles, layers, canvas.view)


def test_the_first_frame_shows_the_tiles_and_the_next_one_the_layers(qtbot, tiles, layers):
    canvas = _canvas(qtbot, tiles, layers, finish=False)
    drawn = canvas.frames
    tiles_only = _paint(canvas)
    assert canvas.cached.base_report.tiles_drawn > 0 and canvas.frames == drawn
    assert _catch_up(canvas) >= 1 and canvas.frames == drawn + 1
    whole = _paint(canvas)
    assert canvas.report.marks > 20
    # The marks came on top of the tiles that were already there: the same tiles around them.
    assert whole.pixelColor(5, 300) == tiles_only.pixelColor(5, 300)
    assert any(whole.pixelColor(round(h.x), round(h.y)) != tiles_only.pixelColor(
        round(h.x), round(h.y)) for h in canvas.report.hits)


def test_a_pan_moves_the_drawn_layers_and_shows_what_a_fresh_frame_shows(qtbot, tiles, layers):
    canvas = _canvas(qtbot, tiles, layers)
    _paint(canvas)
    drawn = canvas.frames
    for _ in range(3):
        canvas.pan(50, 20)
        _paint(canvas)
    assert canvas.frames == drawn  # the layers were moved, not drawn again
    fresh = _fresh(qtbot, tiles, layers, canvas)
    moved = _marks(canvas)
    assert len(moved) > 20 and moved == _marks(fresh)
    # The pixels under the marks are the fresh frame's too (texts may sit elsewhere).
    shown, expected = _paint(canvas), _paint(fresh)
    for x, y, _count in moved:
        assert shown.pixelColor(x, y) == expected.pixelColor(x, y)


def test_a_long_pan_draws_the_layers_again_before_their_edge_shows(qtbot, tiles, layers):
    canvas = _canvas(qtbot, tiles, layers)
    _paint(canvas)
    drawn = canvas.frames
    for _ in range(8):
        canvas.pan(60, 0)  # 480 px in all: beyond the margin drawn ahead
        _paint(canvas)
        assert canvas.cached.covers(canvas.view)  # the screen never shows the layers' edge
        _catch_up(canvas)  # between two moves
    assert canvas.frames > drawn
    assert _marks(canvas) == _marks(_fresh(qtbot, tiles, layers, canvas))


def test_a_click_after_a_pan_chooses_the_entry_drawn_under_it(qtbot, tiles, layers):
    canvas = _canvas(qtbot, tiles, layers)
    before = {h.members[0]: (h.x, h.y) for h in canvas.report.hits
              if h.kind == "points" and len(h.members) == 1
              and 200 <= h.x <= 1000 and 200 <= h.y <= 500}
    assert before
    index, (x, y) = next(iter(before.items()))
    canvas.pan(90, -40)
    _paint(canvas)
    chosen = []
    canvas.entry_clicked.connect(chosen.append)
    drawn = canvas.frames
    canvas.click_at(x - 90, y + 40)
    assert chosen == [layers.points[index].id]
    assert canvas.frames == drawn  # the moved marks were hit as they are
    hit = canvas.report.hit(x - 90, y + 40)
    assert hit is not None and hit.members[0] == index


def test_a_zoom_shows_the_marks_of_the_new_level_once_it_pauses(qtbot, tiles, layers):
    canvas = _canvas(qtbot, tiles, layers)
    _paint(canvas)
    low = _marks(canvas)
    drawn = canvas.frames
    canvas.zoom_by(0.5)
    _paint(canvas)
    canvas.zoom_by(0.5)
    _paint(canvas)
    assert canvas.frames == drawn and canvas.report.hits == []  # scaled while zooming
    _settle(canvas)
    assert canvas.frames == drawn + 1
    high = _marks(canvas)
    assert high != low and high == _marks(_fresh(qtbot, tiles, layers, canvas))


def test_a_click_while_zooming_chooses_the_entry_at_the_new_level(qtbot, tiles, layers):
    canvas = _canvas(qtbot, tiles, layers)
    _paint(canvas)
    canvas.zoom_by(1.0)
    _paint(canvas)
    single = next(h for h in _fresh(qtbot, tiles, layers, canvas).report.hits
                  if h.kind == "points" and len(h.members) == 1
                  and 100 <= h.x <= 1180 and 100 <= h.y <= 620)
    chosen = []
    canvas.entry_clicked.connect(chosen.append)
    canvas.click_at(single.x, single.y)
    assert chosen == [layers.points[single.members[0]].id]


def test_zooming_back_shows_the_kept_layers_of_that_level(qtbot, tiles, layers):
    canvas = _canvas(qtbot, tiles, layers)
    low = _marks(canvas)
    for steps in (0.5, -0.5):
        canvas.zoom_by(steps)
        _paint(canvas)
        _settle(canvas)
    drawn = canvas.frames
    canvas.zoom_by(0.5)
    _paint(canvas)
    _settle(canvas)
    assert canvas.frames == drawn  # the image of that level was kept
    canvas.zoom_by(-0.5)
    _paint(canvas)
    _settle(canvas)
    assert canvas.frames == drawn and _marks(canvas) == low
    # New layers (another time span) are never shown from an old image.
    canvas.set_layers(bench_layers(300, 2))
    _paint(canvas)
    _catch_up(canvas)
    assert canvas.frames == drawn + 1 and _marks(canvas) != low


def test_a_layer_image_spread_over_frames_is_shown_only_when_whole(qtbot, tiles, layers,
                                                                    monkeypatch):
    from crisisconsole.ui.widgets import map_canvas

    monkeypatch.setattr(map_canvas, "LAYER_BUDGET_S", 0.0)  # one step per frame
    canvas = _canvas(qtbot, tiles, layers, finish=False)
    _paint(canvas)
    assert canvas.cached.layers_stale
    frames = 0
    while canvas._follow.isActive():
        assert canvas.cached.layers_report.marks == 0  # the layers shown: the empty first ones
        canvas._follow.stop()
        canvas._catch_up()
        _paint(canvas)
        frames += 1
        if not canvas.cached.building:
            break
    assert canvas.cached.layers_report.marks > 20  # shown once whole
    assert frames >= 3 and not canvas.cached.building
    canvas.pan(200, 0)  # past half the margin: drawn again over frames, the old one moved
    _paint(canvas)
    _catch_up(canvas)
    assert canvas.cached.covers(canvas.view, 128)
    assert _marks(canvas) == _marks(_fresh(qtbot, tiles, layers, canvas))
