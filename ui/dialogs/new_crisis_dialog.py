"""Open a new crisis (dossier): name, municipality, GRIP level, and whether it is an exercise."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from crisisconsole.domain.crisis import GRIP_LEVELS, grip_label


class NewCrisisDialog(QDialog):
    def __init__(self, municipality: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Nieuwe crisis"))
        self.setMinimumWidth(440)
        form = QFormLayout(self)
        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName(self.tr("Naam van de crisis"))
        self.municipality_edit = QLineEdit(municipality)
        self.municipality_edit.setAccessibleName(self.tr("Gemeente"))
        self.grip_box = QComboBox()
        for level in GRIP_LEVELS:
            self.grip_box.addItem(grip_label(level), level)
        self.exercise_box = QCheckBox(self.tr("Dit is een oefening (OEFENING op elk scherm)"))
        form.addRow(self.tr("Naam"), self.name_edit)
        form.addRow(self.tr("Gemeente"), self.municipality_edit)
        form.addRow(self.tr("GRIP-niveau"), self.grip_box)
        form.addRow(self.exercise_box)
        self.message = QLabel("")
        self.message.setObjectName("dialogMessage")
        form.addRow(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _check(self) -> None:
        if not self.name_edit.text().strip() or not self.municipality_edit.text().strip():
            self.message.setText(self.tr("Naam en gemeente zijn verplicht."))
            return
        self.accept()

    def values(self) -> dict:
        return {"name": self.name_edit.text().strip(),
                "municipality": self.municipality_edit.text().strip(),
                "grip": self.grip_box.currentData(),
                "exercise": self.exercise_box.isChecked()}
