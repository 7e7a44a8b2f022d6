from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.services.foundation.crises import open_crisis
from crisisconsole.services.foundation.profiles import add_profile
from crisisconsole.services.foundation.sign_in import sign_in
from crisisconsole.ui.dialogs.grip_dialog import GripDialog
from crisisconsole.ui.dialogs.unlock_dialog import UnlockDialog
from crisisconsole.ui.main_window import MainWindow
from crisisconsole.ui.session import Session


def _nav_titles(window):
    return [window.nav.item(i).text() for i in range(window.nav.count())]


def test_main_window_shows_pages_crisis_and_grip(qtbot, session, crisis, shots):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.attach(session)
    assert _nav_titles(window) == ["Logboek", "Totaalbeeld", "Maatregelen", "Personen",
                                   "Besluiten & acties", "Bronnen/Import", "Kaart", "Uitvragen",
                                   "Partners & rooster", "Tijdlijn", "Evaluatie"]
    assert window.top_bar.grip_button.text() == "GRIP 1"
    assert not window.top_bar.exercise_label.isVisible()
    assert window.top_bar.crisis_box.currentText() == crisis.name
    window.grab().save(str(shots / "main.png"))


def test_exercise_banner(qtbot, session, ctx):
    exercise = open_crisis(ctx, "Oefening hoogwater", "Waalbergen", exercise=True)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.attach(session)
    window.select_crisis(exercise.id)
    assert window.top_bar.exercise_label.isVisible()
    assert "OEFENING" in window.windowTitle()


def test_viewer_is_not_offered_person_cards(qtbot, store, ctx, crisis):
    viewer = add_profile(store, "meelezer", "viewer", ctx.actor)
    window = MainWindow()
    qtbot.addWidget(window)
    window.attach(Session(ServiceContext(store, viewer.as_actor())))
    assert "Personen" not in _nav_titles(window)


def test_keyboard_navigation_between_pages(qtbot, session, crisis):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.attach(session)
    with qtbot.waitActive(window):
        window.activateWindow()
    qtbot.keyClick(window.nav, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.nav.currentItem().text() == "Maatregelen"


def test_grip_change_through_session_refreshes_top_bar(qtbot, session, crisis):
    window = MainWindow()
    qtbot.addWidget(window)
    window.attach(session)
    dialog = GripDialog(window.current_crisis(), window)
    dialog.level_box.setCurrentIndex(dialog.level_box.findData("3"))
    dialog.note_edit.setText("GBT bijeen")
    session.run(lambda: session.set_grip(crisis.id, dialog.level(), dialog.note()),
                lambda _c: window.refresh_crises(), window.show_error)
    qtbot.waitUntil(lambda: window.top_bar.grip_button.text() == "GRIP 3", timeout=5000)
    history = window.current_crisis().state.grip_history
    assert history[-1].note == "GBT bijeen" and history[-1].actor == session.actor.id


def test_unlock_dialog_with_passphrase(qtbot, tmp_path, shots):
    from crisisconsole.store.opening import create_database

    db = tmp_path / "pass.db"
    store = create_database(db, None, passphrase="juiste wachtzin")
    add_profile(store, "aide", "aide", None, secret="geheim van de aide")
    sign_in(store, "aide", "geheim van de aide")  # the first sign-in makes the cards key
    store.close()
    dialog = UnlockDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.start_button.isEnabled()
    dialog.passphrase_edit.setText("foute wachtzin")
    qtbot.keyClick(dialog.passphrase_edit, Qt.Key.Key_Return)
    assert "verkeerde sleutel" in dialog.message.text()
    assert not dialog.start_button.isEnabled()
    dialog.grab().save(str(shots / "unlock_wrong.png"))
    dialog.passphrase_edit.setText("juiste wachtzin")
    qtbot.keyClick(dialog.passphrase_edit, Qt.Key.Key_Return)
    assert dialog.start_button.isEnabled()
    assert dialog.profile_name() == "aide"
    dialog.secret_edit.setText("fout geheim!")
    qtbot.keyClick(dialog.secret_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "verkeerd profielgeheim" in dialog.message.text(), timeout=5000)
    assert dialog.signed is None
    dialog.grab().save(str(shots / "unlock_ok.png"))
    dialog.secret_edit.setText("geheim van de aide")
    qtbot.keyClick(dialog.secret_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.signed is not None, timeout=5000)
    assert dialog.signed.ctx.cards_key is not None
    assert dialog.result() == UnlockDialog.DialogCode.Accepted
    dialog.unlocked.store.close()


def test_unlock_dialog_reports_missing_file(qtbot, tmp_path):
    dialog = UnlockDialog(tmp_path / "none.db")
    qtbot.addWidget(dialog)
    dialog.try_open()
    assert "niet gevonden" in dialog.message.text()


def test_english_translation(qtbot, qapp, session, crisis):
    from crisisconsole.ui.translations import install_translator

    translator = install_translator(qapp, "en")
    try:
        assert translator is not None
        window = MainWindow()
        qtbot.addWidget(window)
        window.attach(session)
        assert _nav_titles(window)[0] == "Log"
    finally:
        qapp.removeTranslator(translator)


def test_theme_loads_through_importlib_resources():
    from crisisconsole.resources_access import resource_bytes

    assert b"#exerciseBanner" in resource_bytes("themes", "default.qss")
    assert Path(__file__).exists()


def test_writes_from_elsewhere_appear_within_a_second(qtbot, session, store, ctx, crisis):
    from crisisconsole.services.foundation.crises import set_grip

    window = MainWindow()
    qtbot.addWidget(window)
    window.attach(session)
    other = ServiceContext(store, ctx.actor)  # its own change bus: as another process
    set_grip(other, crisis.id, "4")
    qtbot.waitUntil(lambda: window.top_bar.grip_button.text() == "GRIP 4", timeout=1500)


def test_pages_learn_the_first_crisis_chosen_at_attach(qtbot, session, crisis):
    window = MainWindow()
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.crisis_changed, timeout=1000) as blocker:
        window.attach(session)
    assert blocker.args == [crisis.id]


def test_the_grip_dialog_does_not_offer_the_level_the_crisis_has(qtbot, session, crisis,
                                                                  shots):
    from crisisconsole.services.foundation import audit
    from crisisconsole.services.foundation.crises import get_crisis

    dialog = GripDialog(get_crisis(session.store, crisis.id))  # the crisis is at GRIP 1
    qtbot.addWidget(dialog)
    current = dialog.level_box.findData("1")
    assert not dialog.level_box.model().item(current).isEnabled()
    assert dialog.level_box.itemText(current) == "GRIP 1 (huidig)"
    assert dialog.level() == "2" and dialog.current_label.text() == "GRIP 1"
    dialog.show()
    dialog.grab().save(str(shots / "grip_dialog.png"))
    before = len(audit.list_records(session.store))
    from crisisconsole.errors import ValidationError

    with pytest.raises(ValidationError, match="al op GRIP 1"):
        session.set_grip(crisis.id, "1", None)  # the same door refuses it, nothing recorded
    assert len(audit.list_records(session.store)) == before
