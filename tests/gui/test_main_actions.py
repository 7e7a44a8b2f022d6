from crisisconsole import settings
from crisisconsole.ui.dialogs.new_crisis_dialog import NewCrisisDialog
from crisisconsole.ui.dialogs.settings_dialog import SettingsDialog
from crisisconsole.ui.main_window import MainWindow


def _window(qtbot, session):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.attach(session)
    return window


def test_new_crisis_dialog_requires_name_and_municipality(qtbot):
    dialog = NewCrisisDialog("Waalbergen")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.accept()
    assert dialog.isVisible() and not dialog.result()
    assert "naam" in dialog.problem_text(dialog.name_edit)
    assert dialog.problem_text(dialog.municipality_edit) == ""
    assert dialog.focusWidget() is dialog.name_edit
    dialog.name_edit.setText("Stroomstoring")
    dialog.exercise_box.setChecked(True)
    dialog.grip_box.setCurrentIndex(dialog.grip_box.findData("2"))
    assert dialog.values() == {"name": "Stroomstoring", "municipality": "Waalbergen",
                               "grip": "2", "exercise": True}


def test_opening_a_crisis_from_the_ui_selects_it(qtbot, session, crisis):
    from crisisconsole.services.foundation.crises import open_crisis

    window = _window(qtbot, session)
    session.run(lambda: open_crisis(session.ctx, "Stroomstoring", "Waalbergen", exercise=True),
                lambda c: window.select_crisis_after_refresh(c.id), window.show_error)
    qtbot.waitUntil(lambda: window.top_bar.exercise_label.isVisible(), timeout=3000)
    assert window.top_bar.crisis_box.currentText().startswith("Stroomstoring")


def test_settings_and_backup_now(qtbot, session, crisis, tmp_path):
    window = _window(qtbot, session)
    dialog = SettingsDialog(settings.load())
    qtbot.addWidget(dialog)
    dialog.folder_edit.setText(str(tmp_path / "usb"))
    dialog.minutes_box.setValue(5)
    settings.save(dialog.values())
    window.actions.start_auto_backup()
    assert "automatische" in window.top_bar.state_label.text()
    window.actions.backup_now()
    qtbot.waitUntil(lambda: bool(list((tmp_path / "usb").glob("*.db"))), timeout=5000)
    qtbot.waitUntil(lambda: "back-up" in window.top_bar.state_label.text()
                    and "→" in window.top_bar.state_label.text(), timeout=3000)


def test_settings_dialog_records_the_late_threshold_as_an_audited_fact(qtbot, session, crisis,
                                                                        monkeypatch, shots):
    from crisisconsole.services.foundation import audit
    from crisisconsole.services.foundation.settings_facts import LATE_ENTRY_MINUTES, current

    window = _window(qtbot, session)
    shown = []

    def accept(dialog):  # the aide types 12 and presses OK
        assert dialog.late_box.isEnabled() and dialog.late_box.value() == 30
        dialog.late_box.setValue(12)
        dialog.resize(1280, 720)
        dialog.grab().save(str(shots / "settings_dialog.png"))
        shown.append(dialog)
        dialog.accept()  # OK: the dialog saves, and closes once saved
        return True

    monkeypatch.setattr(SettingsDialog, "exec", accept)
    window.actions.edit_settings()
    qtbot.waitUntil(lambda: current(session.store, LATE_ENTRY_MINUTES) == 12, timeout=3000)
    assert "late_entry_minutes" not in settings.load()  # not in the user's file any more
    assert [r["action"] for r in audit.list_records(session.store, "setting_fact")] == [
        "log.late_threshold"]


def test_settings_dialog_shows_the_threshold_greyed_for_other_roles(qtbot):
    dialog = SettingsDialog(settings.load(), late_minutes=45, may_change_late=False)
    qtbot.addWidget(dialog)
    assert not dialog.late_box.isEnabled() and dialog.late_minutes() == 45
    assert "late_entry_minutes" not in dialog.values()
