"""The Help menu (issue 14, item 5): the shortcuts as registered (nothing listed by hand), the
legend of reliability tags and Admiralty codes in the domain's words, and "about" with the
version and the database in use."""

from __future__ import annotations

from importlib.metadata import version

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication

from crisisconsole.domain.reliability import (
    INFORMATION_GRADES,
    RELIABILITY_LABELS_NL,
    Reliability,
)
from crisisconsole.domain.reliability import SOURCE_GRADES as DOMAIN_SOURCE_GRADES
from crisisconsole.ui.dialogs import legend_dialog
from crisisconsole.ui.main_window import MainWindow
from crisisconsole.ui.shortcut_inventory import collect, page_titles


@pytest.fixture
def window(qtbot, session, crisis):
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    window.attach(session)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    yield window
    window.reminders.stop()


def _menu_texts(window) -> dict[str, list[str]]:  # noqa: ANN001
    return {menu.title(): [a.text() for a in menu.actions() if a.text()]
            for menu in (a.menu() for a in window.menuBar().actions()) if menu is not None}


def test_the_help_menu_and_its_keys(qtbot, window, shots):
    assert _menu_texts(window)["&Help"] == ["Sneltoetsen", "Betrouwbaarheid en Admiraltycodes",
                                            "Over crisisconsole"]
    qtbot.keyClick(window.nav, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: window.actions.help.dialog is not None
                    and window.actions.help.dialog.isVisible(), timeout=2000)
    assert window.actions.help.dialog.windowTitle() == "Sneltoetsen"
    qtbot.keyClick(window.nav, Qt.Key.Key_F1, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: window.actions.help.dialog.windowTitle()
                    == "Betrouwbaarheid en Admiraltycodes", timeout=2000)
    window.actions.help.dialog.grab().save(str(shots / "legend.png"))


def test_the_shortcut_list_shows_every_registered_shortcut(window, shots):
    dialog = window.actions.help.show_shortcuts()  # builds every page first
    titles = page_titles(window)
    listed = set(dialog.rows())
    registered = collect(window)
    assert len(registered) > 40
    for shortcut in registered:
        assert shortcut.description, f"{shortcut.keys} on {shortcut.page!r}: no description"
        assert (titles[shortcut.page], shortcut.native_keys(), shortcut.description) in listed
    assert ("Totaalbeeld", "Ctrl+B", "Start briefing") in listed
    assert ("Logboek", "Ctrl+D", "Detailpaneel tonen of verbergen") in listed
    assert ("Overal", "F1", "Sneltoetsen") in listed
    dialog.grab().save(str(shots / "shortcuts.png"))
    # A key added to a page later is in the list next time, without touching the dialog.
    QShortcut(QKeySequence("Ctrl+Shift+Y"), window.pages["log"]).setWhatsThis("Nieuw")
    again = window.actions.help.show_shortcuts()
    assert ("Logboek", "Ctrl+Shift+Y", "Nieuw") in again.rows()
    assert not dialog.isVisible()  # one help window at a time


def test_the_legend_speaks_the_domain(qtbot):
    assert {k: v for k, v in legend_dialog.SOURCE_GRADES.items()} == DOMAIN_SOURCE_GRADES
    assert legend_dialog.INFORMATION_GRADES == INFORMATION_GRADES
    assert {tag: label for tag, label, _meaning in legend_dialog.TAGS} == {
        Reliability(k): v for k, v in RELIABILITY_LABELS_NL.items()}
    dialog = legend_dialog.LegendDialog()
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    for words in (*DOMAIN_SOURCE_GRADES.values(), *INFORMATION_GRADES.values(),
                  *RELIABILITY_LABELS_NL.values()):
        assert words in text
    assert ('"Bevestigd D4" is bevestigd, en beoordeeld als bron meestal niet betrouwbaar, '
            'informatie twijfelachtig') in text
    dialog.code_edit.setText("b2")
    assert dialog.explained.text() == "bron meestal betrouwbaar, informatie waarschijnlijk waar"
    dialog.code_edit.setText("Z9")
    assert "Onbekende code" in dialog.explained.text()
    assert dialog.code_edit.text() == "Z9"  # what was typed stays


def test_about_names_the_version_and_the_database(window, session):
    dialog = window.actions.help.show_about()
    assert dialog.version_label.text() == version("crisisconsole")
    assert dialog.database_label.text() == str(session.store.path)
    QApplication.processEvents()


def test_the_help_menu_in_english(qtbot, qapp, session, crisis):
    from crisisconsole.ui.translations import install_translator

    translator = install_translator(qapp, "en")
    try:
        window = MainWindow()
        qtbot.addWidget(window)
        window.attach(session)
        assert _menu_texts(window)["&Help"] == ["Keyboard shortcuts",
                                                "Reliability and Admiralty codes",
                                                "About crisisconsole"]
        dialog = window.actions.help.show_legend()
        assert "usually reliable" in dialog.browser.toPlainText()
        shortcuts = window.actions.help.show_shortcuts()
        assert ("Everywhere", "F1", "Keyboard shortcuts") in shortcuts.rows()
        assert ("Situational picture", "Ctrl+B", "Start briefing") in shortcuts.rows()
        window.reminders.stop()
    finally:
        qapp.removeTranslator(translator)
