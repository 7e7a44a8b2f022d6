"""Unlock: choose or create a database, give the passphrase when the keyring has no key, pick a
profile and give its secret. The database is opened and the profile signed in through the
unlock service, never by the widget itself."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from crisisconsole.errors import CrisisConsoleError, WrongKeyError
from crisisconsole.ui.dialogs.validated_dialog import ValidatedDialog


class UnlockDialog(ValidatedDialog):
    def __init__(self, default_path: Path, parent: QWidget | None = None,
                 key_file: Path | None = None, profile: str | None = None,
                 key=None) -> None:  # noqa: ANN001 - store.keys.DatabaseKey
        super().__init__(parent)
        self.setWindowTitle(self.tr("Crisisconsole ontgrendelen"))
        self.setMinimumWidth(560)
        self.unlocked = None
        self.signed = None  # services.sign_in.SignedIn once a profile signed in
        self._key_file = key_file
        self._key = key
        self._wanted_profile = profile
        self._busy = False
        from crisisconsole.ui.worker import Worker

        self._worker = Worker(self)
        form = QFormLayout(self)
        intro = QLabel(self.tr("De gegevens staan versleuteld op deze laptop. Kies de database, "
                               "uw profiel en geef uw profielgeheim."))
        intro.setWordWrap(True)
        form.addRow(intro)
        self.path_edit = QLineEdit(str(default_path))
        self.path_edit.setAccessibleName(self.tr("Databasebestand"))
        browse = QPushButton(self.tr("Bladeren…"))
        browse.clicked.connect(self._browse)
        create = QPushButton(self.tr("Nieuwe database…"))
        create.clicked.connect(self._create)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        row.addWidget(create)
        form.addRow(self.tr("Database"), row)
        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_edit.setAccessibleName(self.tr("Wachtzin"))
        self.passphrase_edit.setPlaceholderText(self.tr("alleen nodig als de sleutelbos de sleutel niet heeft"))
        self.passphrase_edit.returnPressed.connect(self.try_open)
        form.addRow(self.tr("Wachtzin"), self.passphrase_edit)
        self.profile_box = QComboBox()
        self.profile_box.setAccessibleName(self.tr("Profiel"))
        self.profile_box.setEnabled(False)
        self.profile_box.currentIndexChanged.connect(self._profile_chosen)
        form.addRow(self.tr("Profiel"), self.profile_box)
        self.secret_edit = QLineEdit()
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret_edit.setAccessibleName(self.tr("Profielgeheim"))
        self.secret_edit.setPlaceholderText(self.tr("wachtzin of pincode van uw profiel"))
        self.secret_edit.returnPressed.connect(self._start)
        form.addRow(self.tr("Profielgeheim"), self.secret_edit)
        self.again_label = QLabel(self.tr("Herhaal"))
        self.again_edit = QLineEdit()
        self.again_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.again_edit.setAccessibleName(self.tr("Profielgeheim herhalen"))
        self.again_edit.returnPressed.connect(self._start)
        form.addRow(self.again_label, self.again_edit)
        self.message = QLabel("")
        self.message.setObjectName("dialogMessage")
        self.message.setWordWrap(True)
        form.addRow(self.message)
        self.buttons = QDialogButtonBox()
        self.open_button = self.buttons.addButton(self.tr("Ontgrendelen"),
                                                  QDialogButtonBox.ButtonRole.ActionRole)
        self.start_button = self.buttons.addButton(self.tr("Starten"),
                                                   QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.start_button.setEnabled(False)
        self.open_button.clicked.connect(self.try_open)
        self.buttons.accepted.connect(self._start)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self._show_first_secret(False)
        if default_path.exists():
            self.try_open(quiet=True)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Database kiezen"),
                                              self.path_edit.text(),
                                              self.tr("Crisisconsole-database (*.db);;Alle bestanden (*)"))
        if path:
            self.path_edit.setText(path)
            self.try_open(quiet=True)

    def _create(self) -> None:
        from crisisconsole.ui.dialogs.create_database_dialog import CreateDatabaseDialog

        dialog = CreateDatabaseDialog(Path(self.path_edit.text()), self)
        if dialog.exec() and dialog.created is not None:
            self.path_edit.setText(str(dialog.created.unlocked.store.path))
            self._set_unlocked(dialog.created.unlocked)
            self.signed = dialog.created.signed
            self.accept()

    def try_open(self, quiet: bool = False) -> None:
        from crisisconsole.services.foundation.unlock import unlock

        if self.unlocked is not None:
            self.unlocked.store.close()
            self.unlocked = None
        path = Path(self.path_edit.text()).expanduser()
        try:
            unlocked = unlock(path, passphrase=self.passphrase_edit.text() or None,
                              key_file=self._key_file, key=self._key)
        except WrongKeyError as error:
            self._fail(error.message if not quiet or self.passphrase_edit.text()
                       else self.tr("Geef de wachtzin van deze database."))
            self.passphrase_edit.setFocus()
            return
        except CrisisConsoleError as error:
            self._fail(error.message)
            return
        self._set_unlocked(unlocked)

    def _fail(self, text: str) -> None:
        self.message.setText(text)
        self.profile_box.clear()
        self.profile_box.setEnabled(False)
        self.start_button.setEnabled(False)

    def _set_unlocked(self, unlocked) -> None:  # noqa: ANN001 - services.unlock.Unlocked
        from crisisconsole.domain.roles import ProfileRole, role_label

        self.unlocked = unlocked
        self.profile_box.clear()
        for profile in unlocked.profiles:
            self.profile_box.addItem(
                f"{profile.display_name or profile.name} — "
                f"{role_label(ProfileRole(profile.role))}", profile.name)
        if self._wanted_profile:
            index = self.profile_box.findData(self._wanted_profile)
            if index >= 0:
                self.profile_box.setCurrentIndex(index)
        self.profile_box.setEnabled(True)
        self.start_button.setEnabled(True)
        self.start_button.setDefault(True)
        self.message.setText(self.tr("Ontgrendeld. Kies uw profiel, geef uw geheim en start."))
        self._profile_chosen()
        self.secret_edit.setFocus()

    def _profile(self):  # noqa: ANN202 - services.profiles.Profile | None
        name = self.profile_name()
        if self.unlocked is None or name is None:
            return None
        return next((p for p in self.unlocked.profiles if p.name == name), None)

    def _first_secret_needed(self) -> bool:
        from crisisconsole.domain.profile_rules import needs_secret

        profile = self._profile()
        return profile is not None and not profile.has_secret and needs_secret(profile.role)

    def _show_first_secret(self, shown: bool) -> None:
        self.again_label.setVisible(shown)
        self.again_edit.setVisible(shown)

    def _profile_chosen(self, _index: int = 0) -> None:
        profile = self._profile()
        first = self._first_secret_needed()
        self._show_first_secret(first)
        self.secret_edit.setEnabled(profile is not None and (profile.has_secret or first))
        if first:
            self.message.setText(self.tr(
                "Dit profiel heeft nog geen geheim. Kies er nu een (wachtzin van minstens 8 "
                "tekens of pincode van minstens 6 cijfers) en herhaal het."))

    def profile_name(self) -> str | None:
        return self.profile_box.currentData()

    def _start(self) -> None:
        """Sign in off the GUI thread: after wrong attempts the check waits on purpose."""
        profile = self._profile()
        if self.unlocked is None or profile is None or self._busy:
            return
        secret = self.secret_edit.text()
        first = self._first_secret_needed()
        if not secret and (profile.has_secret or first):
            self.secret_edit.setFocus()  # Enter in the passphrase field: the secret comes next
            return
        problems = self.first_secret_problems() if first else {}
        self.show_problems(problems)
        if problems:
            return
        self._set_busy(True)
        self.message.setText(self.tr("Profielgeheim controleren…"))
        self._worker.submit(self._sign_in_call(profile, secret or None, first),
                            self._signed_in, self._refused)

    def first_secret_problems(self) -> dict[QWidget, str]:
        """A profile's first secret: the domain's rule (``check_secret``), typed twice alike."""
        from crisisconsole.domain.profile_rules import check_secret
        from crisisconsole.errors import ValidationError

        try:
            check_secret(self.secret_edit.text())
        except ValidationError as error:
            return {self.secret_edit: error.message}
        if self.secret_edit.text() != self.again_edit.text():
            return {self.again_edit: self.tr("De twee geheimen zijn niet gelijk.")}
        return {}

    def _sign_in_call(self, profile, secret: str | None, first: bool):  # noqa: ANN001, ANN202
        from crisisconsole.services.foundation.profile_admin import set_own_secret

        unlocked = self.unlocked
        if first:
            return lambda: set_own_secret(unlocked.store, profile, None, secret)
        return lambda: unlocked.sign_in(profile.name, secret)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.start_button, self.open_button, self.secret_edit, self.again_edit,
                       self.profile_box):
            widget.setEnabled(not busy)

    def _signed_in(self, signed) -> None:  # noqa: ANN001 - services.sign_in.SignedIn
        self._set_busy(False)
        self.signed = signed
        if signed.cards_recovery_code:
            from crisisconsole.ui.dialogs.recovery_code_dialog import RecoveryCodeDialog

            RecoveryCodeDialog(None, self, cards_code=signed.cards_recovery_code).exec()
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self._set_busy(False)
        self._profile_chosen()  # the secret fields as the chosen profile needs them
        if not isinstance(error, CrisisConsoleError):
            from crisisconsole.ui.errors import show_error

            show_error(self, error)
            return
        self.message.setText(error.message)
        self.secret_edit.selectAll()
        self.secret_edit.setFocus()

    def reject(self) -> None:
        self._worker.wait()
        super().reject()
