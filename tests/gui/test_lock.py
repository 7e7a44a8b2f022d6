"""Locking: after the idle time, on the desktop's lock signal or by hand nothing of the crisis
stays visible and the cards key leaves memory; the profile's secret unlocks again. The unlock
and create dialogs ask for profile secrets and show the cards recovery code once."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from crisisconsole.services.foundation import audit
from crisisconsole.ui.dialogs import recovery_code_dialog
from crisisconsole.ui.main_window import MainWindow


def _window(qtbot, session):
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    window.attach(session)
    return window


def test_lock_hides_the_crisis_and_the_secret_unlocks(qtbot, session, crisis, shots,
                                                      aide_secret):
    window = _window(qtbot, session)
    key = session.ctx.cards_key
    assert key is not None and crisis.name in window.windowTitle()
    window.locker.lock()
    assert window.is_locked and session.ctx.cards_key is None
    assert crisis.name not in window.windowTitle() and not window.menuBar().isEnabled()
    assert not window.top_bar.isVisible() and not window.nav.isVisible()
    window.grab().save(str(shots / "locked.png"))
    window.lock_screen.secret_edit.setText("niet het geheim")
    qtbot.keyClick(window.lock_screen.secret_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "verkeerd" in window.lock_screen.message.text(), timeout=5000)
    assert window.is_locked and session.ctx.cards_key is None
    window.grab().save(str(shots / "locked_wrong.png"))
    last = audit.list_records(session.store, limit=1)[0]
    assert (last["action"], last["result"]) == ("profile.unlock", "refused")
    window.lock_screen.secret_edit.setText(aide_secret)
    qtbot.keyClick(window.lock_screen.secret_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.is_locked, timeout=5000)
    assert session.ctx.cards_key == key and crisis.name in window.windowTitle()
    assert window.menuBar().isEnabled() and window.locker.timer.isActive()


def test_idle_time_and_system_lock_signal(qtbot, session, crisis, aide_secret):
    window = _window(qtbot, session)
    locker = window.locker
    assert locker.timer.interval() == 10 * 60_000  # the default
    session.save_preferences({"lock_minutes": 3})
    assert locker.timer.interval() == 3 * 60_000
    assert locker.system_signal is False  # no session bus here, and no error either
    qtbot.keyClick(window.nav, Qt.Key.Key_Down)  # input restarts the idle time
    assert locker.timer.isActive() and not window.is_locked
    locker.timer.timeout.emit()  # the idle time ran out (no real waiting)
    assert window.is_locked
    window.lock_screen.secret_edit.setText(aide_secret)
    window.lock_screen.button.click()
    qtbot.waitUntil(lambda: not window.is_locked, timeout=5000)
    locker.screensaver_changed(True)
    assert window.is_locked


def test_unlock_dialog_asks_an_old_profile_for_its_first_secret(qtbot, tmp_path, monkeypatch,
                                                                shots):
    from crisisconsole.store import tables
    from crisisconsole.store.opening import create_database
    from crisisconsole.ui.dialogs.unlock_dialog import UnlockDialog

    shown = []
    monkeypatch.setattr(recovery_code_dialog.RecoveryCodeDialog, "exec",
                        lambda self: shown.append(self.text()) or 1)
    db = tmp_path / "oud.db"
    store = create_database(db, None, passphrase="juiste wachtzin")
    with store.write("p1") as tx:  # a profile as an older version left it: no secret
        tx.insert(tables.profile, {"id": "p1", "name": "aide", "role": "aide",
                                   "created_at": tx.now, "actor": "p1"}, "profile.add")
    store.close()
    dialog = UnlockDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.passphrase_edit.setText("juiste wachtzin")
    qtbot.keyClick(dialog.passphrase_edit, Qt.Key.Key_Return)
    assert dialog.again_edit.isVisible() and "nog geen geheim" in dialog.message.text()
    qtbot.wait(20)
    dialog.adjustSize()
    dialog.grab().save(str(shots / "unlock_first_secret.png"))
    dialog.secret_edit.setText("nieuw geheim")
    dialog.again_edit.setText("anders geheim")
    qtbot.keyClick(dialog.secret_edit, Qt.Key.Key_Return)
    assert "niet gelijk" in dialog.problem_text(dialog.again_edit) and dialog.signed is None
    assert dialog.secret_edit.text() == "nieuw geheim"
    dialog.again_edit.setText("nieuw geheim")
    qtbot.keyClick(dialog.again_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.signed is not None, timeout=5000)
    assert dialog.signed.ctx.cards_key is not None
    assert shown and "kaartsleutel" in shown[0]
    dialog.unlocked.store.close()


def test_create_dialog_sets_the_aide_secret_and_shows_both_codes(qtbot, tmp_path, monkeypatch,
                                                                 shots):
    from crisisconsole.ui.dialogs.create_database_dialog import CreateDatabaseDialog

    dialogs = []
    monkeypatch.setattr(recovery_code_dialog.RecoveryCodeDialog, "exec",
                        lambda self: dialogs.append(self) or 1)
    dialog = CreateDatabaseDialog(tmp_path / "nieuw.db")
    qtbot.addWidget(dialog)
    dialog.use_passphrase.setChecked(True)
    for edit in (dialog.pass1, dialog.pass2):
        edit.setText("database wachtzin")
    dialog.secret1.setText("kort")
    dialog.secret2.setText("kort")
    dialog.accept()
    assert "wachtzin" in dialog.problem_text(dialog.secret1)
    assert not Path(tmp_path / "nieuw.db").exists() and dialog.pass1.text()
    dialog.secret1.setText("123456")
    dialog.secret2.setText("123456")
    dialog.accept()
    created = dialog.created
    assert created is not None and created.signed.ctx.cards_key is not None
    codes = dialogs[0].text()
    assert created.cards_recovery_code in codes and created.unlocked.store.key.recovery_code() in codes
    dialogs[0].resize(640, 300)
    dialogs[0].grab().save(str(shots / "recovery_codes.png"))
    created.unlocked.store.close()


def test_the_demo_opens_unlocked(qtbot, tmp_path):
    from crisisconsole.demo.build import build_demo_database
    from crisisconsole.launch import GuiLaunch
    from crisisconsole.ui.app import Startup

    info = build_demo_database(tmp_path / "demo.db", passphrase="demo demo demo")
    window = MainWindow()
    qtbot.addWidget(window)
    startup = Startup(window, GuiLaunch(db=info.path, key=info.key, profile=info.profile,
                                        secret=info.profile_secret))
    startup.continue_after_paint()  # no dialog: it would block here
    try:
        assert startup.session is not None and startup.session.ctx.cards_key is not None
        assert window.session is startup.session and not window.is_locked
    finally:
        startup.session.close()
