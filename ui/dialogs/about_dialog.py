"""Help > Over crisisconsole: the version installed and the database file in use, the two
things a helpdesk asks first."""

from __future__ import annotations

import platform
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget


def app_version() -> str:
    try:
        return version("crisisconsole")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "?"


class AboutDialog(QDialog):
    def __init__(self, database: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Over crisisconsole"))
        title = QLabel(self.tr("Crisisconsole"))
        title.setObjectName("emptyTitle")
        self.version_label = self._value(app_version())
        self.database_label = self._value(str(database) if database is not None
                                          else self.tr("geen database geopend"))
        self.database_label.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Versie:"), self.version_label)
        form.addRow(self.tr("Database:"), self.database_label)
        form.addRow(self.tr("Qt:"), self._value(
            f"{qVersion()} (PySide6 {PySide6.__version__}), Python {platform.python_version()}"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        intro = QLabel(self.tr("Logboek, totaalbeeld en maatregelen voor de directe "
                               "ondersteuner van de burgemeester."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    @staticmethod
    def _value(text: str) -> QLabel:
        label = QLabel(text)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label
