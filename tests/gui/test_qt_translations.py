"""Qt's own buttons and dialogs speak the UI language: in Dutch mode OK/Cancel/Save read
"OK", "Annuleren", "Opslaan" (Qt's qtbase_nl, shipped by PySide6), in English Qt's own."""

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from crisisconsole.ui.translations import install_translations, remove_translations

BUTTONS = (QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
           | QDialogButtonBox.StandardButton.Save)


@pytest.mark.parametrize(("language", "cancel", "save"), [
    ("nl", "Annuleren", "Opslaan"),
    ("en", "Cancel", "Save"),
])
def test_standard_buttons_follow_the_language(qtbot, qapp, language, cancel, save):
    translators = install_translations(qapp, language)
    try:
        assert translators  # nl: Qt's qtbase_nl; en: the app's English
        box = QDialogButtonBox(BUTTONS)
        qtbot.addWidget(box)
        assert box.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "") == cancel
        assert box.button(QDialogButtonBox.StandardButton.Save).text().replace("&", "") == save
    finally:
        remove_translations(qapp, translators)


def test_menus_follow_the_language(qtbot, qapp):
    """MainActions is no QObject: its strings are translated in their own context (lupdate
    gave ``window.tr`` the context "window", so English showed "Bestand" and "Crisis")."""
    from crisisconsole.ui.main_window import MainWindow

    translators = install_translations(qapp, "en")
    try:
        window = MainWindow()
        qtbot.addWidget(window)
        titles = [a.text() for a in window.menuBar().actions()]
        assert titles[:2] == ["&File", "&Crisis"]
        entries = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
        assert "Make backup…" in entries and "Quit" in entries
        assert not any("Bestand" in t or "Afsluiten" in t for t in titles + entries)
    finally:
        remove_translations(qapp, translators)
