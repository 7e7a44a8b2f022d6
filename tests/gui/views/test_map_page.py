"""The Kaart page on the demo (issue 18): registered in the page registry, fits 1280x720,
draws the demo's tile file, clusters, CAP and measure areas; layers switch off; the time slider
narrows; pan and zoom by keyboard and mouse; a click on an entry asks the window to show it in
the Logboek; a click in place mode adds a place. No socket is opened while it shows and
renders. Screenshots for people to look at: MAP_SHOTS=folder."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from crisisconsole.ui.main_window import MainWindow


class NetworkUsed(AssertionError):
    pass


class _NoSocket(socket.socket):
    def __init__(self, *args, **kwargs):
        raise NetworkUsed(f"socket opened: {args[:2]}")


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise NetworkUsed(f"network access: {args[:2]}")

    monkeypatch.setattr(socket, "socket", _NoSocket)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


@pytest.fixture
def shots_dir(shots):
    folder = os.environ.get("MAP_SHOTS")
    return Path(folder) if folder else shots


@pytest.fixture
def demo(qtbot, qapp, tmp_path):
    from crisisconsole.demo.build import build_demo_database
    from crisisconsole.services.foundation.unlock import unlock
    from crisisconsole.ui.app import apply_theme
    from crisisconsole.ui.session import Session

    apply_theme(qapp)
    info = build_demo_database(tmp_path / "demo.db", passphrase="demo demo demo")
    session = Session(unlock(info.path, key=info.key).sign_in("aide", info.profile_secret).ctx)
    yield info, session
    session.worker.wait()


def _window(qtbot, session, info):
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    window.attach(session)
    window.crisis.choose(info.crisis_id)
    return window


def test_the_map_page_shows_the_demo_offline(qtbot, demo, no_network, shots_dir):
    info, session = demo
    window = _window(qtbot, session, info)
    window.show_page("map")
    page = window.page("map")
    qtbot.waitUntil(lambda: not page.busy, timeout=10_000)  # read off the GUI thread
    qtbot.waitUntil(lambda: page.isVisible())
    canvas = page.canvas
    assert page.tile_choice.source is not None  # the demo's file beside the database
    assert len(page.full.points) > 100 and len(page.full.areas) >= 3
    assert canvas.report.tiles_drawn > 0 and canvas.report.marks > 5
    # It fits 1280x720: the map gets most of the window and nothing is cut off.
    assert canvas.width() >= 900 and canvas.height() >= 450
    assert page.sizeHint().width() <= 1280 - window.nav.width()
    window.grab().save(str(shots_dir / "kaart-1280x720.png"))
    # Layers switch off.
    page.checks["points"].setChecked(False)
    assert canvas.report.marks == 0
    page.checks["points"].setChecked(True)
    # The last hour only.
    everything = len(page.full.points)
    page.hours.setValue(1)
    qtbot.waitUntil(lambda: not page.busy, timeout=10_000)
    assert len(page.full.points) < everything
    page.hours.setValue(page.hours.maximum())
    qtbot.waitUntil(lambda: not page.busy, timeout=10_000)
    # Keyboard pan and zoom: the view moves at once (the kept images shifted, no layer drawn
    # again), and when the movement pauses the tiles are drawn for the new view. (A small pan
    # needs no new layer image: it stays inside the image's margin, ui/widgets/map_frames.py.)
    canvas.setFocus()
    before = canvas.view
    frames = canvas.frames
    qtbot.keyClick(canvas, Qt.Key.Key_Right)
    assert canvas.view.centre.lon > before.centre.lon and canvas.frames == frames
    qtbot.waitUntil(lambda: not canvas._moving and canvas.cached.base_view == canvas.view
                    and not canvas._follow.isActive(), timeout=5000)
    qtbot.keyClick(canvas, Qt.Key.Key_Plus)
    assert canvas.view.zoom == pytest.approx(before.zoom + 0.5)
    # Mouse: a drag pans, the wheel zooms.
    from PySide6.QtCore import QPoint

    before = canvas.view
    qtbot.mousePress(canvas.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(400, 300))
    qtbot.mouseMove(canvas.viewport(), QPoint(300, 300))
    qtbot.mouseMove(canvas.viewport(), QPoint(200, 300))
    qtbot.mouseRelease(canvas.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(200, 300))
    assert canvas.view.centre.lon > before.centre.lon
    canvas.zoom_by(-1.0)
    assert canvas.view.zoom == pytest.approx(before.zoom - 1.0)
    page.fit()
    canvas.grab()


def test_a_click_on_an_entry_selects_it_in_the_logboek(qtbot, demo):
    info, session = demo
    window = _window(qtbot, session, info)
    window.show_page("map")
    page = window.page("map")
    qtbot.waitUntil(lambda: not page.busy, timeout=10_000)  # read off the GUI thread
    canvas = page.canvas
    single = next(h for h in canvas.report.hits if h.kind == "points" and len(h.members) == 1)
    point = page.full.points[single.members[0]]
    assert point.text.split("\n")[1] in canvas.hover_text(single)  # hover shows the text
    cluster_hit = max((h for h in canvas.report.hits if h.kind == "points"),
                      key=lambda h: len(h.members))
    assert "meer" in canvas.hover_text(cluster_hit) or len(cluster_hit.members) <= 5
    chosen = []
    page.entry_chosen.connect(chosen.append)
    canvas.click_at(single.x, single.y)
    entry_id = page.full.points[single.members[0]].id
    assert chosen == [entry_id]
    log = window.page("log")
    assert window.stack.currentWidget() is window._holders["log"]
    assert log.selected_id() == entry_id
    # A cluster zooms in instead.
    window.show_page("map")
    cluster = max((h for h in canvas.report.hits if h.kind == "points"),
                  key=lambda h: len(h.members))
    zoom = canvas.view.zoom
    canvas.click_at(cluster.x, cluster.y)
    assert canvas.view.zoom > zoom


def test_a_place_is_added_by_clicking_on_the_map(qtbot, demo, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from crisisconsole.services.places.gazetteer import gazetteer_for_crisis

    info, session = demo
    window = _window(qtbot, session, info)
    window.show_page("map")
    page = window.page("map")
    qtbot.waitUntil(lambda: not page.busy, timeout=10_000)  # read off the GUI thread
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Kiosk Havenkade", True))
    page.place_button.setChecked(True)
    point = page.canvas.view.to_latlon(300, 200)
    page.canvas.click_at(300, 200)
    qtbot.waitUntil(lambda: gazetteer_for_crisis(session.store, info.crisis_id)
                    .get("kiosk havenkade") is not None)
    place = gazetteer_for_crisis(session.store, info.crisis_id).get("Kiosk Havenkade")
    assert place.position.lat == pytest.approx(point.lat, abs=1e-6)
    assert place.position.lon == pytest.approx(point.lon, abs=1e-6)
    # The act's result reaches the page a turn of the event loop after its commit
    qtbot.waitUntil(lambda: page.canvas.mode == "select", timeout=3000)


def test_a_place_added_elsewhere_reaches_the_map_through_the_feed(qtbot, demo):
    """Not the page's own act: the change feed tells the page, which reads its layers again."""
    from crisisconsole.domain.geo import LatLon
    from crisisconsole.services.places.gazetteer import add_place, municipality_of

    info, session = demo
    window = _window(qtbot, session, info)
    window.show_page("map")
    page = window.page("map")
    qtbot.waitUntil(lambda: not page.busy, timeout=10_000)  # read off the GUI thread
    qtbot.waitUntil(lambda: page.isVisible())
    before = len(page.full.places)
    ctx = session.ctx
    centre = page.canvas.view.centre
    add_place(ctx, municipality_of(ctx.store, info.crisis_id), "Kiosk Elders",
              LatLon(centre.lat, centre.lon))
    qtbot.waitUntil(lambda: len(page.full.places) == before + 1)


def test_a_wrong_tile_file_is_refused_and_the_plain_background_kept(qtbot, demo, tmp_path):
    from crisisconsole import settings
    from crisisconsole.ui.dialogs.settings_dialog import SettingsDialog

    info, session = demo
    broken = tmp_path / "kapot.mbtiles"
    broken.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)  # looks like SQLite, is not
    dialog = SettingsDialog(settings.load())
    qtbot.addWidget(dialog)
    dialog.tiles_edit.setText(str(broken))
    dialog.accept()  # refused beside the field, the dialog stays open with the input
    assert "geweigerd" in dialog.problem_text(dialog.tiles_edit)
    assert dialog.result() != dialog.DialogCode.Accepted
    assert dialog.tiles_edit.text() == str(broken)
    (info.path.parent / (info.path.name + ".kaart.mbtiles")).unlink()  # no demo file either
    settings.save({"map_tiles": str(broken)})  # set anyway (the file broke later)
    window = _window(qtbot, session, info)
    window.show_page("map")
    page = window.page("map")
    qtbot.waitUntil(lambda: not page.busy, timeout=10_000)  # read off the GUI thread
    assert page.tile_choice.source is None and page.tile_choice.problem
    assert "geweigerd" in page.status.text()
    assert page.canvas.report.tiles_drawn == 0 and page.canvas.report.marks > 0


def test_a_click_on_a_topic_selects_it_on_the_totaalbeeld(qtbot, demo):
    info, session = demo
    window = _window(qtbot, session, info)
    window.show_page("map")
    page = window.page("map")
    qtbot.waitUntil(lambda: not page.busy, timeout=10_000)  # read off the GUI thread
    canvas = page.canvas
    hit = next(h for h in canvas.report.hits  # a marker no other one covers
               if h.kind == "topic" and canvas.report.hit(h.x, h.y) is h)
    marker = page.full.topics[hit.members[0]]
    assert marker.title in canvas.hover_text(hit)
    chosen = []
    page.topic_chosen.connect(chosen.append)
    canvas.click_at(hit.x, hit.y)
    assert chosen == [marker.id]
    picture = window.page("picture")
    assert window.stack.currentWidget() is window._holders["picture"]
    # the topic list is read off the GUI thread; the topic is selected once it arrives
    qtbot.waitUntil(lambda: not picture.busy, timeout=10_000)
    assert marker.id in [t.id for t in picture.topics.model.items]
    assert picture.topics.current().id == marker.id
