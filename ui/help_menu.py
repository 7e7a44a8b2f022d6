"""The window's Help menu: the shortcuts (made from what is registered), the legend of
reliability and Admiralty codes, and "about" (version and database in use). Opening help
reads nothing of the crisis and writes nothing, so it needs no role and no audit record."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog

translate = QCoreApplication.translate  # context "HelpMenu", the same for lupdate and at run


class HelpMenu:
    def __init__(self, window) -> None:  # noqa: ANN001 - MainWindow
        self.window = window
        self.dialog: QDialog | None = None
        menu = window.menuBar().addMenu(translate("HelpMenu", "&Help"))
        self.menu = menu
        self.shortcuts_action = self._action(translate("HelpMenu", "Sneltoetsen"), "F1",
                                             self.show_shortcuts)
        self.legend_action = self._action(
            translate("HelpMenu", "Betrouwbaarheid en Admiraltycodes"), "Shift+F1",
            self.show_legend)
        menu.addSeparator()
        self.about_action = self._action(translate("HelpMenu", "Over crisisconsole"), None,
                                         self.show_about)

    def _action(self, text: str, shortcut: str | None, slot) -> QAction:  # noqa: ANN001
        action = QAction(text, self.window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.menu.addAction(action)
        return action

    def _show(self, dialog: QDialog) -> QDialog:
        """Modeless: the list can stay open beside the page it explains."""
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = dialog
        dialog.show()
        return dialog

    def show_shortcuts(self) -> QDialog:
        from crisisconsole.ui.dialogs.shortcuts_dialog import ShortcutsDialog
        from crisisconsole.ui.shortcut_inventory import collect, page_titles

        window = self.window
        for spec in window.specs:  # every page the profile may see, so every key is listed
            window.page(spec.key)
        return self._show(ShortcutsDialog(collect(window), page_titles(window), window))

    def show_legend(self) -> QDialog:
        from crisisconsole.ui.dialogs.legend_dialog import LegendDialog

        return self._show(LegendDialog(self.window))

    def show_about(self) -> QDialog:
        from crisisconsole.ui.dialogs.about_dialog import AboutDialog

        session = self.window.session
        return self._show(AboutDialog(session.store.path if session is not None else None,
                                      self.window))
