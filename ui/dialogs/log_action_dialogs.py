"""Small dialogs for acts on a log entry: confirm, refute, correct, link. Each only collects
input; the page writes it through the session and shows a refusal in the dialog's place."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from crisisconsole.ui.widgets.entry_picker import EntryPicker, PickerEntry


class _Form(QDialog):
    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.form = QFormLayout(self)
        self.message = QLabel()
        self.message.setObjectName("dialogMessage")
        self.message.setWordWrap(True)

    def finish(self) -> None:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.form.addRow(self.message)
        self.form.addRow(buttons)


class AssessDialog(_Form):
    """Confirm (a named source or a corroborating entry) or refute (a named source)."""

    def __init__(self, reliability: str, entry_text: str, choices: list[PickerEntry],
                 parent: QWidget | None = None) -> None:
        confirm = reliability == "confirmed"
        super().__init__(self.tr("Bevestigen") if confirm else self.tr("Ontkrachten"), parent)
        self.reliability = reliability
        self.form.addRow(self.tr("Melding"), QLabel(entry_text[:200]))
        self.by_edit = QLineEdit()
        self.by_edit.setAccessibleName(self.tr("Bron"))
        self.by_edit.setPlaceholderText(self.tr("bijv. politie OvD ter plaatse"))
        self.form.addRow(self.tr("Bevestigende bron") if confirm else self.tr("Bron"),
                         self.by_edit)
        self.corroborating_picker = EntryPicker(choices if confirm else [])
        self.corroborating_picker.setAccessibleName(self.tr("Ondersteunende melding"))
        if confirm:
            self.form.addRow(self.tr("of ondersteunende melding"), self.corroborating_picker)
        else:
            self.corroborating_picker.hide()
        self.grade_edit = QLineEdit()
        self.grade_edit.setPlaceholderText("B2")
        self.grade_edit.setAccessibleName(self.tr("Beoordeling"))
        self.form.addRow(self.tr("Beoordeling (optioneel)"), self.grade_edit)
        self.reason_edit = QLineEdit()
        self.reason_edit.setAccessibleName(self.tr("Reden"))
        self.form.addRow(self.tr("Reden"), self.reason_edit)
        self.finish()

    def values(self) -> dict:
        return {"by": self.by_edit.text().strip() or None,
                "corroborated_by": self.corroborating_picker.chosen_id(),
                "grade": self.grade_edit.text().strip() or None,
                "reason": self.reason_edit.text().strip() or None}


class CorrectDialog(_Form):
    def __init__(self, entry_text: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Corrigeren"), parent)
        self.text_edit = QPlainTextEdit(entry_text)
        self.text_edit.setAccessibleName(self.tr("Nieuwe tekst"))
        self.text_edit.setTabChangesFocus(True)
        self.form.addRow(self.tr("Nieuwe tekst"), self.text_edit)
        self.reason_edit = QLineEdit()
        self.reason_edit.setAccessibleName(self.tr("Reden"))
        self.form.addRow(self.tr("Reden"), self.reason_edit)
        self.form.addRow(QLabel(self.tr("De oude tekst blijft zichtbaar, doorgestreept.")))
        self.finish()

    def values(self) -> dict:
        return {"text": self.text_edit.toPlainText(), "reason": self.reason_edit.text()}


class LinkDialog(_Form):
    KINDS = (("corroborates", QT_TRANSLATE_NOOP("LinkDialog", "ondersteunt")),
             ("contradicts", QT_TRANSLATE_NOOP("LinkDialog", "spreekt tegen")),
             ("follows_up", QT_TRANSLATE_NOOP("LinkDialog", "is vervolg op")))

    def __init__(self, choices: list[PickerEntry], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Koppelen"), parent)
        self.kind_box = QComboBox()
        self.kind_box.setAccessibleName(self.tr("Soort koppeling"))
        for kind, label in self.KINDS:
            self.kind_box.addItem(QCoreApplication.translate("LinkDialog", label), kind)
        self.other_picker = EntryPicker(choices)
        self.other_picker.setAccessibleName(self.tr("Andere melding"))
        self.form.addRow(self.tr("Deze melding"), self.kind_box)
        self.form.addRow(self.tr("Melding"), self.other_picker)
        self.finish()

    def values(self) -> dict:
        return {"kind": self.kind_box.currentData(), "other": self.other_picker.chosen_id()}
