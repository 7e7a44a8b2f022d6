"""Forms for a decision (text, rationale, who, the entries it rests on) and an action (text,
owner, due time). They check with the services' own text rules before closing and stay open
until the page's write is done (ValidatedDialog)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from crisisconsole.errors import ValidationError
from crisisconsole.services.picture.texts import checked_text
from crisisconsole.ui.dialogs.validated_dialog import ValidatedDialog
from crisisconsole.ui.widgets.entry_picker import EntryPicker, PickerEntry
from crisisconsole.ui.widgets.time_edit import amsterdam_time_edit, edit_time_utc


def text_problems(checks: list[tuple[QWidget, str | None, str, str, int | None]]
                  ) -> dict[QWidget, str]:
    """Each (field, value, Dutch name, English name, limit) through the services' own
    ``checked_text``: the message it would refuse with, beside the field."""
    problems: dict[QWidget, str] = {}
    for widget, value, what_nl, what_en, limit in checks:
        try:
            checked_text(value, what_nl, what_en, *(() if limit is None else (limit,)))
        except ValidationError as error:
            problems[widget] = error.message
    return problems


class DecisionDialog(ValidatedDialog):
    def __init__(self, entries: list[PickerEntry], decided_by: str, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("DecisionDialogs", "Besluit vastleggen"))
        self.resize(640, 520)
        self.text = QLineEdit()
        self.text.setAccessibleName(QCoreApplication.translate("DecisionDialogs", "Besluit"))
        self.rationale = QPlainTextEdit()
        self.rationale.setAccessibleName(QCoreApplication.translate("DecisionDialogs", "Onderbouwing"))
        self.decided_by = QLineEdit(decided_by)
        self.entries = EntryPicker(entries, multiple=True)
        self.entries.setAccessibleName(QCoreApplication.translate("DecisionDialogs", "Meldingen waarop het besluit rust"))
        self.on_snapshot = QCheckBox(QCoreApplication.translate("DecisionDialogs", "Rust op het laatst vastgelegde beeld"))
        self.on_snapshot.setChecked(True)
        form = QFormLayout(self)
        form.addRow(QCoreApplication.translate("DecisionDialogs", "Besluit"), self.text)
        form.addRow(QCoreApplication.translate("DecisionDialogs", "Onderbouwing"), self.rationale)
        form.addRow(QCoreApplication.translate("DecisionDialogs", "Besloten door"), self.decided_by)
        form.addRow(QCoreApplication.translate("DecisionDialogs", "Rust op meldingen"), self.entries)
        form.addRow("", self.on_snapshot)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def problems(self) -> dict[QWidget, str]:
        """As ``add_decision`` checks: a decision, its rationale, who decided."""
        return text_problems([
            (self.text, self.text.text(), "besluit", "decision", None),
            (self.rationale, self.rationale.toPlainText(), "onderbouwing", "rationale", None),
            (self.decided_by, self.decided_by.text(), "besloten door", "decided by", 200)])

    def values(self) -> dict:
        chosen = self.entries.chosen_ids()
        return {"text": self.text.text(), "rationale": self.rationale.toPlainText(),
                "decided_by": self.decided_by.text(), "entry_ids": chosen,
                "on_snapshot": self.on_snapshot.isChecked()}


class ActionDialog(ValidatedDialog):
    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("DecisionDialogs", "Actie toevoegen"))
        self.text = QLineEdit()
        self.text.setAccessibleName(QCoreApplication.translate("DecisionDialogs", "Actie"))
        self.owner = QLineEdit()
        self.owner.setAccessibleName(QCoreApplication.translate("DecisionDialogs", "Actiehouder"))
        self.has_due = QCheckBox(QCoreApplication.translate("DecisionDialogs", "Met termijn"))
        self.has_due.setChecked(True)
        self.due = amsterdam_time_edit(datetime.now(UTC) + timedelta(hours=1))
        self.has_due.toggled.connect(self.due.setEnabled)
        form = QFormLayout(self)
        form.addRow(QCoreApplication.translate("DecisionDialogs", "Actie"), self.text)
        form.addRow(QCoreApplication.translate("DecisionDialogs", "Actiehouder"), self.owner)
        form.addRow(self.has_due, self.due)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def problems(self) -> dict[QWidget, str]:
        """As ``add_action`` checks: the action and its owner (actiehouder)."""
        return text_problems([(self.text, self.text.text(), "actie", "action", None),
                              (self.owner, self.owner.text(), "actiehouder", "owner", 200)])

    def values(self) -> dict:
        due = edit_time_utc(self.due) if self.has_due.isChecked() else None
        return {"text": self.text.text(), "owner": self.owner.text(), "due": due}
