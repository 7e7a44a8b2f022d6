"""Create a new encrypted database: key in the keyring or a passphrase, a first profile (an
aide, with a secret), and both recovery codes shown once: the database's and the cards key's."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from crisisconsole.errors import CrisisConsoleError, ValidationError
from crisisconsole.ui.dialogs.validated_dialog import ValidatedDialog


class CreateDatabaseDialog(ValidatedDialog):
    def __init__(self, suggested: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from crisisconsole.services.foundation.unlock import keyring_usable

        self.setWindowTitle(self.tr("Nieuwe database"))
        self.created = None
        form = QFormLayout(self)
        self.path_edit = QLineEdit(str(suggested))
        browse = QPushButton(self.tr("Bladeren…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        form.addRow(self.tr("Bestand"), row)
        self.use_passphrase = QCheckBox(self.tr("Wachtzin gebruiken in plaats van de sleutelbos"))
        usable = keyring_usable()
        self.use_passphrase.setChecked(not usable)
        self.use_passphrase.setEnabled(usable)
        form.addRow(self.use_passphrase)
        self.pass1 = QLineEdit()
        self.pass1.setEchoMode(QLineEdit.EchoMode.Password)
        self.pass1.setAccessibleName(self.tr("Wachtzin"))
        self.pass2 = QLineEdit()
        self.pass2.setEchoMode(QLineEdit.EchoMode.Password)
        self.pass2.setAccessibleName(self.tr("Wachtzin herhalen"))
        form.addRow(self.tr("Wachtzin"), self.pass1)
        form.addRow(self.tr("Herhaal"), self.pass2)
        self.profile_edit = QLineEdit("aide")
        self.profile_edit.setAccessibleName(self.tr("Naam eerste profiel"))
        form.addRow(self.tr("Eerste profiel (aide)"), self.profile_edit)
        self.secret1 = QLineEdit()
        self.secret1.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret1.setAccessibleName(self.tr("Profielgeheim"))
        self.secret1.setPlaceholderText(self.tr("wachtzin (8+ tekens) of pincode (6+ cijfers)"))
        self.secret2 = QLineEdit()
        self.secret2.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret2.setAccessibleName(self.tr("Profielgeheim herhalen"))
        form.addRow(self.tr("Profielgeheim"), self.secret1)
        form.addRow(self.tr("Herhaal"), self.secret2)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        form.addRow(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Nieuwe database"), self.path_edit.text())
        if path:
            self.path_edit.setText(path)

    def problems(self) -> dict[QWidget, str]:
        """The passphrase (8+ characters, typed twice alike), a profile name, and the
        profile's secret by the domain's own rule (``check_secret``), typed twice alike."""
        from crisisconsole.domain.profile_rules import check_secret

        problems: dict[QWidget, str] = {}
        if self.use_passphrase.isChecked():
            if len(self.pass1.text()) < 8:
                problems[self.pass1] = self.tr("De wachtzin moet minstens 8 tekens hebben.")
            elif self.pass1.text() != self.pass2.text():
                problems[self.pass2] = self.tr("De wachtzinnen zijn niet gelijk.")
        if not self.profile_edit.text().strip():
            problems[self.profile_edit] = self.tr("Geef het eerste profiel een naam.")
        try:
            check_secret(self.secret1.text())
        except ValidationError as error:
            problems[self.secret1] = error.message
        else:
            if self.secret1.text() != self.secret2.text():
                problems[self.secret2] = self.tr("De profielgeheimen zijn niet gelijk.")
        return problems

    def accept(self) -> None:
        problems = self.problems()
        self.show_problems(problems)
        self.message.setText("")
        if not problems:
            self._create()

    def _create(self) -> None:
        from crisisconsole.services.foundation.unlock import create
        from crisisconsole.ui.dialogs.recovery_code_dialog import RecoveryCodeDialog

        passphrase = self.pass1.text() if self.use_passphrase.isChecked() else None
        try:
            self.created = create(Path(self.path_edit.text()).expanduser(),
                                  self.profile_edit.text().strip(), self.secret1.text(),
                                  passphrase=passphrase)
        except CrisisConsoleError as error:
            self.message.setText(error.message)
            return
        RecoveryCodeDialog(self.created.unlocked.store.key.recovery_code(), self,
                           cards_code=self.created.cards_recovery_code).exec()
        QDialog.accept(self)
