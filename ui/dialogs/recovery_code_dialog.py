"""The recovery code, shown once at creation: with it an administrator can still open the
database when the keyring is lost with the laptop's account."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crisisconsole import safe_files
from crisisconsole.errors import CrisisConsoleError


class RecoveryCodeDialog(QDialog):
    def __init__(self, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Herstelcode"))
        self._code = code
        layout = QVBoxLayout(self)
        text = QLabel(self.tr(
            "Dit is de herstelcode van de nieuwe database. Hij wordt maar één keer getoond. "
            "Bewaar hem op papier of als bestand op een veilige plek (niet op deze laptop)."))
        text.setWordWrap(True)
        layout.addWidget(text)
        shown = QLabel(" ".join(code[i:i + 8] for i in range(0, len(code), 8)))
        shown.setFont(QFont("monospace", 12))
        shown.setObjectName("recoveryCode")
        shown.setAccessibleName(self.tr("Herstelcode"))
        layout.addWidget(shown)
        save = QPushButton(self.tr("Opslaan als bestand…"))
        save.clicked.connect(self._save)
        layout.addWidget(save)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)

    def _save(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Herstelcode opslaan"), "herstelcode.txt")
        if not path:
            return
        try:
            safe_files.write_text(path, self._code + "\n", mode=0o600)
        except CrisisConsoleError as error:
            QMessageBox.warning(self, self.tr("Niet opgeslagen"), str(error))
