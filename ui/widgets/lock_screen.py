"""What the window shows while locked: nothing of the crisis, only who may unlock and a field
for their secret."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget


class LockScreen(QWidget):
    unlock_requested = Signal(str)  # the secret typed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        self.title = QLabel(self.tr("Crisisconsole is vergrendeld"))
        self.title.setObjectName("lockTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.who = QLabel("")
        self.who.setObjectName("lockWho")
        self.who.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.secret_edit = QLineEdit()
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret_edit.setAccessibleName(self.tr("Profielgeheim"))
        self.secret_edit.setPlaceholderText(self.tr("profielgeheim (wachtzin of pincode)"))
        self.secret_edit.setFixedWidth(360)
        self.secret_edit.returnPressed.connect(self._submit)
        self.button = QPushButton(self.tr("Ontgrendelen"))
        self.button.setFixedWidth(360)
        self.button.clicked.connect(self._submit)
        self.message = QLabel("")
        self.message.setObjectName("dialogMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for widget in (self.title, self.who):
            layout.addWidget(widget)
        for widget in (self.secret_edit, self.button):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.message)
        layout.addStretch(3)

    def show_for(self, who: str) -> None:
        self.who.setText(self.tr("Profiel: %1").replace("%1", who))
        self.secret_edit.clear()
        self.message.clear()
        self.set_busy(False)
        self.secret_edit.setFocus()

    def set_busy(self, busy: bool) -> None:
        self.secret_edit.setEnabled(not busy)
        self.button.setEnabled(not busy)

    def refuse(self, text: str) -> None:
        self.set_busy(False)
        self.message.setText(text)
        self.secret_edit.selectAll()
        self.secret_edit.setFocus()

    def _submit(self) -> None:
        secret = self.secret_edit.text()
        if secret:
            self.set_busy(True)
            self.unlock_requested.emit(secret)
