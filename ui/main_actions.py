"""The menus of the main window and what they do: new crisis, close crisis, GRIP, export and
print the log, backup now, settings, quit, and Help (ui/help_menu.py). Kept apart from
main_window.py, which only composes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

from crisisconsole import settings


class MainActions:
    def __init__(self, window) -> None:  # noqa: ANN001 - MainWindow
        self.window = window
        self.last_backup: str | None = None
        self._backup_timer = QTimer(window)
        self._backup_timer.timeout.connect(self.auto_backup)
        file_menu = window.menuBar().addMenu(self.tr("&Bestand"))
        crisis_menu = window.menuBar().addMenu(self.tr("&Crisis"))
        self.new_crisis = self._action(crisis_menu, self.tr("Nieuwe crisis…"), "Ctrl+N",
                                       self.open_new_crisis)
        self._action(crisis_menu, self.tr("GRIP-niveau wijzigen…"), "Ctrl+G", window.change_grip)
        self._action(crisis_menu, self.tr("Crisis sluiten"), None, self.close_crisis)
        self._action(file_menu, self.tr("Logboek exporteren…"), "Ctrl+E",
                     lambda: self._on_log_page("ask_export"))
        self._action(file_menu, self.tr("Logboek afdrukken…"), "Ctrl+Shift+P",
                     lambda: self._on_log_page("ask_print"))
        # Ctrl+Alt+B: Ctrl+B is "Start briefing" on the Totaalbeeld (one key, one meaning)
        self._action(file_menu, self.tr("Back-up maken…"), "Ctrl+Alt+B", self.backup_now)
        self._action(file_menu, self.tr("Instellingen…"), "Ctrl+,", self.edit_settings)
        self._action(file_menu, self.tr("Vergrendelen"), "Ctrl+Shift+L",
                     lambda: window.locker and window.locker.lock())
        file_menu.addSeparator()
        self._action(file_menu, self.tr("Afsluiten"), QKeySequence.StandardKey.Quit, window.close)
        from crisisconsole.ui.help_menu import HelpMenu

        self.help = HelpMenu(window)

    def tr(self, text: str) -> str:
        """Not a QObject: its strings live in the context lupdate gives them, MainActions."""
        return QCoreApplication.translate("MainActions", text)

    def _action(self, menu, text: str, shortcut, slot) -> QAction:  # noqa: ANN001
        action = QAction(text, self.window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _on_log_page(self, act: str) -> None:
        """Export or print the log as its page shows it (the page's filter)."""
        if self.window.session is None:
            return
        page = self.window.pages.get("log")
        if page is not None:
            getattr(page.exporter, act)()

    # -- crisis --------------------------------------------------------------------------------
    def open_new_crisis(self) -> None:
        from crisisconsole.services.foundation.crises import open_crisis
        from crisisconsole.ui.dialogs.new_crisis_dialog import NewCrisisDialog

        window = self.window
        if window.session is None:
            return
        current = window.current_crisis()
        dialog = NewCrisisDialog(current.municipality if current else "", window)
        dialog.submit_through(
            window.session,
            lambda v: open_crisis(window.session.ctx, v["name"], v["municipality"],
                                  exercise=v["exercise"], grip=v["grip"]),
            lambda crisis: window.select_crisis_after_refresh(crisis.id), origin=window)
        dialog.exec()

    def close_crisis(self) -> None:
        from crisisconsole.services.foundation.crises import close_crisis

        window = self.window
        crisis = window.current_crisis()
        if crisis is None:
            return
        answer = QMessageBox.question(
            window, self.tr("Crisis sluiten"),
            self.tr("Crisis '%1' sluiten? De bewaartermijn van persoonsgegevens gaat dan lopen.")
            .replace("%1", crisis.name))
        if answer == QMessageBox.StandardButton.Yes:
            window.session.run(lambda: close_crisis(window.session.ctx, crisis.id),
                               lambda _c: window.refresh_crises(), window.show_error,
                               origin=window)

    # -- backups and settings ------------------------------------------------------------------
    def _is_aide(self) -> bool:
        session = self.window.session
        return session is not None and session.actor.role.value == "aide"

    def start_auto_backup(self) -> None:
        values = settings.load()
        if values.get("backup_dir") and self._is_aide():  # backups are an aide's act
            self._backup_timer.start(int(values.get("backup_minutes") or 15) * 60_000)
        else:
            self._backup_timer.stop()
        self.show_state()

    def show_state(self) -> None:
        """Where the data lives and its back-up: "Lokaal · geen back-up"; on an enrolled
        laptop "Team", whose facts the server holds too."""
        values = settings.load()
        auto = values.get("backup_dir")
        sync = getattr(self.window, "sync", None)
        team = sync is not None and bool(sync.enrolled)
        text = self.last_backup or (self.tr("automatische back-up aan") if auto else
                                    self.tr("gedeeld") if team else
                                    self.tr("geen back-up"))
        session = self.window.session
        where = (self.tr("Alleen-lezen") if session is not None and session.store.read_only
                 else self.tr("Team") if team else self.tr("Lokaal"))
        self.window.top_bar.set_state(where + " · " + text)

    def _backup(self, folder: Path) -> None:
        from crisisconsole.services.foundation.backups import backup_to_folder

        session = self.window.session

        def done(result) -> None:  # noqa: ANN001
            self.last_backup = result.label()
            self.show_state()

        session.run(lambda: backup_to_folder(session.ctx, folder), done, self.window.show_error)

    def auto_backup(self) -> None:
        folder = settings.load().get("backup_dir")
        if folder and self.window.session is not None:
            self._backup(Path(folder))

    def backup_now(self) -> None:
        if self.window.session is None:
            return
        folder = settings.load().get("backup_dir") or QFileDialog.getExistingDirectory(
            self.window, self.tr("Back-upmap kiezen"))
        if folder:
            self._backup(Path(folder))

    def edit_settings(self) -> None:
        """One act: the user's settings and, for an aide, the late-entry threshold (a setting
        fact of the database), saved by services.foundation.preferences.save_settings."""
        from crisisconsole.domain.roles import ProfileRole
        from crisisconsole.services.foundation import settings_facts
        from crisisconsole.services.foundation.preferences import save_settings
        from crisisconsole.ui.dialogs.settings_dialog import SettingsDialog

        session = self.window.session
        late = (settings_facts.current(session.store, settings_facts.LATE_ENTRY_MINUTES)
                if session is not None else settings_facts.LATE_ENTRY_MINUTES.default)
        may_change = (session is not None and not session.store.read_only
                      and session.actor.role is ProfileRole.AIDE)
        dialog = SettingsDialog(settings.load(), self.window, late_minutes=late,
                                may_change_late=may_change, may_configure_backups=self._is_aide())
        if session is None:
            if dialog.exec():
                settings.save(dialog.values())
            return

        def read() -> dict:
            minutes = dialog.late_minutes()
            return {"values": dialog.values(),
                    "late": minutes if may_change and minutes != late else None}

        dialog.submit_through(session, lambda v: save_settings(
            session.ctx, v["values"], late_minutes=v["late"]),
            lambda _changes: self.start_auto_backup(), origin=self, collect=read)
        dialog.exec()
