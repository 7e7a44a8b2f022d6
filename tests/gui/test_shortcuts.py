"""One key, one meaning per page (issue 14): Ctrl+B starts the briefing on the Totaalbeeld
and nowhere else, backup is Ctrl+Alt+B, and no key of the window's menus or of a page is bound
twice where both are live (Qt's "Ambiguous shortcut overload": the key then does nothing). The
list comes from the widgets (ui/shortcut_inventory.py), so a key added later is checked too."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QFileDialog

from crisisconsole.ui.main_window import MainWindow
from crisisconsole.ui.shortcut_inventory import WINDOW, clashes, collect


@pytest.fixture
def window(qtbot, session, crisis):
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    window.attach(session)
    for spec in window.specs:
        window.page(spec.key)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    yield window
    window.reminders.stop()


def _describe(pairs) -> str:  # noqa: ANN001
    return "\n".join(f"{a.keys}: {a.page or 'venster'} '{a.description}' en "
                     f"{b.page or 'venster'} '{b.description}'" for a, b in pairs)


def test_no_key_means_two_things_where_both_are_live(window):
    found = collect(window)
    assert {s.page for s in found} >= {WINDOW, "log", "picture", "cards", "intake", "map"}
    assert not clashes(found), _describe(clashes(found))


def test_a_key_bound_twice_on_a_page_is_caught(window):
    """The check itself: a page's key equal to a menu's, or to another of the same page."""
    log = window.pages["log"]
    QShortcut(QKeySequence("Ctrl+G"), log).setWhatsThis("dubbel met GRIP")
    QShortcut(QKeySequence("Ctrl+Shift+K"), log).setWhatsThis("dubbel met Koppelen")
    QShortcut(QKeySequence("Ctrl+Shift+K"), window.pages["map"]).setWhatsThis("andere pagina")
    pairs = {(a.keys, a.description, b.description) for a, b in clashes(collect(window))}
    assert ("Ctrl+G", "GRIP-niveau wijzigen…", "dubbel met GRIP") in {
        (k, *sorted((x, y), key=lambda d: d != "GRIP-niveau wijzigen…")) for k, x, y in pairs}
    assert any(k == "Ctrl+Shift+K" and "Koppelen" in (x, y) and "dubbel met Koppelen" in (x, y)
               for k, x, y in pairs)
    assert not any("andere pagina" in (x, y) for _k, x, y in pairs)


def test_ctrl_b_starts_the_briefing_on_the_picture_page_only(qtbot, window, monkeypatch):
    picture = window.pages["picture"]
    started = []
    monkeypatch.setattr(picture, "take_snapshot", lambda *args, **_kw: started.append(args))
    window.show_page("log")
    QApplication.processEvents()
    qtbot.keyClick(window.pages["log"].table, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert started == []
    window.show_page("picture")
    QApplication.processEvents()
    qtbot.keyClick(picture.view, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(started) == 1, timeout=2000)
    qtbot.keyClick(picture.view, Qt.Key.Key_F5)  # F5 stays, as in presentation programs
    qtbot.waitUntil(lambda: len(started) == 2, timeout=2000)


def test_backup_is_ctrl_alt_b(qtbot, window, monkeypatch):
    asked = []
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        staticmethod(lambda *args, **_kw: asked.append(args) or ""))
    backup = [s for s in collect(window) if s.description.startswith("Back-up maken")]
    assert [(s.page, s.keys) for s in backup] == [(WINDOW, "Ctrl+Alt+B")]
    window.show_page("picture")
    QApplication.processEvents()
    qtbot.keyClick(window.pages["picture"].view, Qt.Key.Key_B,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    assert len(asked) == 1  # no backup folder set: the aide is asked for one
