"""The recovery codes, shown once: the database's (with it an administrator can still open
the file when the keyring is lost with the laptop's account) and the cards key's (with it an
aide who lost their secret gets at the person cards again)."""

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
    def __init__(self, code: str | None, parent: QWidget | None = None, *,
                 cards_code: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Herstelcodes"))
        self._codes = [(self.tr("Herstelcode database"), code),
                       (self.tr("Herstelcode kaartsleutel"), cards_code)]
        layout = QVBoxLayout(self)
        text = QLabel(self.tr(
            "Deze herstelcodes worden maar één keer getoond. Bewaar ze op papier of als bestand "
            "op een veilige plek (niet op deze laptop), elk apart."))
        text.setWordWrap(True)
        layout.addWidget(text)
        if code:
            layout.addWidget(QLabel(self.tr(
                "Database: opent het bestand als de sleutelbos of de wachtzin verloren is.")))
            shown = QLabel(" ".join(code[i:i + 8] for i in range(0, len(code), 8)))
            shown.setFont(QFont("monospace", 12))
            shown.setObjectName("recoveryCode")
            shown.setAccessibleName(self.tr("Herstelcode database"))
            layout.addWidget(shown)
        if cards_code:
            layout.addWidget(QLabel(self.tr(
                "Kaartsleutel: geeft een aide die het profielgeheim kwijt is weer toegang tot de "
                "persoonskaarten (crisisconsole profile recover).")))
            cards = QLabel(cards_code)
            cards.setFont(QFont("monospace", 12))
            cards.setObjectName("cardsRecoveryCode")
            cards.setAccessibleName(self.tr("Herstelcode kaartsleutel"))
            layout.addWidget(cards)
        save = QPushButton(self.tr("Opslaan als bestand…"))
        save.clicked.connect(self._save)
        layout.addWidget(save)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)

    def text(self) -> str:
        return "".join(f"{label}: {value}\n" for label, value in self._codes if value)

    def _save(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Herstelcodes opslaan"),
                                              "herstelcodes.txt")
        if not path:
            return
        try:
            safe_files.write_text(path, self.text(), mode=0o600)
        except CrisisConsoleError as error:
            QMessageBox.warning(self, self.tr("Niet opgeslagen"), error.message)
