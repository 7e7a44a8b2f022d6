"""Change the GRIP level; shows who set each earlier level and when."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from crisisconsole.clock import format_local
from crisisconsole.domain.crisis import GRIP_LEVELS, grip_label
from crisisconsole.ui.dialogs.validated_dialog import ValidatedDialog


class GripDialog(ValidatedDialog):
    def __init__(self, crisis, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.current_grip = crisis.grip
        self.setWindowTitle(self.tr("GRIP-niveau wijzigen"))
        form = QFormLayout(self)
        self.level_box = QComboBox()
        for level in GRIP_LEVELS:
            self.level_box.addItem(grip_label(level), level)
        self.current_label = QLabel(grip_label(crisis.grip))
        if crisis.grip is not None:
            # The level it has is not offered: "2 → 2" is no decision (the service refuses it).
            current = self.level_box.findData(crisis.grip)
            self.level_box.setItemText(current, self.tr("%1 (huidig)").replace(
                "%1", grip_label(crisis.grip)))
            self.level_box.model().item(current).setEnabled(False)
            self.level_box.setCurrentIndex(current + 1 if current + 1 < len(GRIP_LEVELS)
                                           else current - 1)
        self.level_box.setAccessibleName(self.tr("Nieuw GRIP-niveau"))
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(self.tr("Reden of besluit (optioneel)"))
        self.note_edit.setAccessibleName(self.tr("Reden"))
        history = "\n".join(
            f"{format_local(e.at)}  {grip_label(e.grip)}  {e.note or ''}"
            for e in crisis.state.grip_history
        )
        form.addRow(self.tr("Crisis"), QLabel(crisis.name))
        form.addRow(self.tr("Huidig niveau"), self.current_label)
        form.addRow(self.tr("Nieuw niveau"), self.level_box)
        form.addRow(self.tr("Reden"), self.note_edit)
        form.addRow(self.tr("Geschiedenis"), QLabel(history or self.tr("geen")))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def problems(self) -> dict[QWidget, str]:
        """A change to the level it already has records nothing new ("2 → 2")."""
        if self.current_grip is not None and self.level() == self.current_grip:
            return {self.level_box: self.tr("De crisis staat al op %1; kies een ander niveau.")
                    .replace("%1", grip_label(self.current_grip))}
        return {}

    def values(self) -> dict:
        return {"level": self.level(), "note": self.note()}

    def level(self) -> str:
        return self.level_box.currentData()

    def note(self) -> str | None:
        return self.note_edit.text().strip() or None
