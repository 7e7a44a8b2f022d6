"""Open a new crisis (dossier): name, municipality, GRIP level, and whether it is an exercise.
Checked as ``open_crisis`` checks (a name and a municipality, each at most 200 characters)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from crisisconsole.domain.crisis import GRIP_LEVELS, grip_label
from crisisconsole.ui.dialogs.validated_dialog import ValidatedDialog

MAX_NAME = 200  # as open_crisis


class NewCrisisDialog(ValidatedDialog):
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
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def problems(self) -> dict[QWidget, str]:
        problems: dict[QWidget, str] = {}
        for edit, missing in ((self.name_edit, self.tr("Geef de crisis een naam.")),
                              (self.municipality_edit, self.tr("Geef de gemeente."))):
            text = edit.text().strip()
            if not text:
                problems[edit] = missing
            elif len(text) > MAX_NAME:
                problems[edit] = self.tr("Te lang (ten hoogste %1 tekens).").replace(
                    "%1", str(MAX_NAME))
        return problems

    def values(self) -> dict:
        return {"name": self.name_edit.text().strip(),
                "municipality": self.municipality_edit.text().strip(),
                "grip": self.grip_box.currentData(),
                "exercise": self.exercise_box.isChecked()}
