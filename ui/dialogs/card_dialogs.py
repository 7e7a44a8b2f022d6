"""Dialogs for person cards: the purpose of a reveal, a new card, a new fact.

Each validates with the domain rules before it closes (ValidatedDialog): what is missing is said
beside its field, every typed field is kept, also when the save fails.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from crisisconsole.domain.cards import FactChannel, FactInvalid, validate_card, validate_fact
from crisisconsole.domain.reliability import Reliability
from crisisconsole.services.cards.values import QUESTION_LABELS_NL, QUESTIONS
from crisisconsole.ui.dialogs.validated_dialog import ValidatedDialog, one_language
from crisisconsole.ui.widgets.time_edit import amsterdam_time_edit, edit_time_utc


def _buttons(dialog: QDialog, form: QFormLayout) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    form.addRow(buttons)
    return buttons


def _message() -> QLabel:
    label = QLabel("")
    label.setObjectName("dialogMessage")
    label.setWordWrap(True)
    return label


class PurposeDialog(ValidatedDialog):
    """Inzien needs a purpose; it is written in the audit record with the view."""

    def __init__(self, masked: str, action: str, last: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(action)
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("Kaart: %1").replace("%1", masked)))
        self.purpose_edit = QLineEdit(last)
        self.purpose_edit.setPlaceholderText(self.tr("bijv. briefing burgemeester driehoek"))
        self.purpose_edit.setAccessibleName(self.tr("Doel"))
        form.addRow(self.tr("Doel"), self.purpose_edit)
        form.addRow(QLabel(self.tr("Het inzien wordt vastgelegd met uw naam, tijd en doel.")))
        self.message = _message()
        form.addRow(self.message)
        _buttons(self, form)

    def problems(self) -> dict[QWidget, str]:
        if not self.purpose().strip():
            return {self.purpose_edit: self.tr("Geef het doel van het inzien.")}
        return {}

    def purpose(self) -> str:
        return self.purpose_edit.text().strip()


class AddCardDialog(ValidatedDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Nieuwe persoonskaart"))
        form = QFormLayout(self)
        self.kind_box = QComboBox()
        self.kind_box.addItem(self.tr("Persoon"), "person")
        self.kind_box.addItem(self.tr("Organisatie"), "organisation")
        self.name_edit = QLineEdit()
        self.aliases_edit = QLineEdit()
        self.aliases_edit.setPlaceholderText(self.tr("gescheiden door komma's"))
        self.year_box = QSpinBox()
        self.year_box.setRange(1899, 2100)
        self.year_box.setSpecialValueText(self.tr("onbekend"))
        self.year_box.setValue(1899)
        self.organisation_edit = QLineEdit()
        self.role_edit = QLineEdit()
        self.role_edit.setPlaceholderText(self.tr("bijv. organisator demonstratie"))
        for label, widget in ((self.tr("Soort"), self.kind_box), (self.tr("Naam"), self.name_edit),
                              (self.tr("Aliassen"), self.aliases_edit),
                              (self.tr("Geboortejaar"), self.year_box),
                              (self.tr("Organisatie"), self.organisation_edit),
                              (self.tr("Rol in de crisis"), self.role_edit)):
            widget.setAccessibleName(label)
            form.addRow(label, widget)
        self.fields = {"name": self.name_edit, "kind": self.kind_box,
                       "year_of_birth": self.year_box}
        form.addRow(QLabel(self.tr("Alleen wat het doel vraagt (minimale gegevens).")))
        self.message = _message()
        form.addRow(self.message)
        _buttons(self, form)

    def problems(self) -> dict[QWidget, str]:
        """The domain's card rules (``validate_card``: a name, a sensible year of birth)."""
        values = self.values()
        try:
            validate_card(values["name"], values["kind"], values["year_of_birth"])
        except FactInvalid as error:
            return self.named_problems(error)
        return {}

    def values(self) -> dict:
        year = self.year_box.value()
        return {"name": self.name_edit.text(), "kind": self.kind_box.currentData(),
                "aliases": [a.strip() for a in self.aliases_edit.text().split(",") if a.strip()],
                "year_of_birth": None if year == 1899 else year,
                "organisation": self.organisation_edit.text(),
                "role_in_crisis": self.role_edit.text()}


class AddFactDialog(ValidatedDialog):
    """Every fact with its source, channel, legal basis, purpose and reliability.

    ``save`` is called with the values; it runs the service (off the GUI thread) and calls
    back ``saved()`` or ``failed(error)``: the dialog closes only after a durable save.
    """

    def __init__(self, masked: str, save: Callable[[dict], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._save = save
        self.setWindowTitle(self.tr("Feit toevoegen — %1").replace("%1", masked))
        self.resize(560, 0)
        form = QFormLayout(self)
        self.statement_edit = QPlainTextEdit()
        self.statement_edit.setFixedHeight(80)
        self.question_box = QComboBox()
        for question in QUESTIONS:
            self.question_box.addItem(QUESTION_LABELS_NL[question], question)
        self.source_edit = QLineEdit()
        self.officer_edit = QLineEdit()
        self.channel_box = QComboBox()
        self.channel_box.addItem(self.tr("— kies een kanaal —"), "")
        for channel in FactChannel:
            self.channel_box.addItem(channel.label, channel.value)
        self.channel_box.currentIndexChanged.connect(self._hint_basis)
        self.basis_edit = QLineEdit()
        self.purpose_edit = QLineEdit()
        self.reliability_box = QComboBox()
        for tag in Reliability:
            self.reliability_box.addItem(tag.label, tag.value)
        self.grade_edit = QLineEdit()
        self.grade_edit.setPlaceholderText(self.tr("bijv. B2 (optioneel)"))
        self.grade_edit.setMaxLength(2)
        self.received_edit = amsterdam_time_edit()
        self.no_share_box = QCheckBox(self.tr("Niet verder verstrekken"))
        rows = ((self.tr("Bewering"), self.statement_edit),
                (self.tr("Briefingvraag"), self.question_box),
                (self.tr("Bronorganisatie"), self.source_edit),
                (self.tr("Functionaris"), self.officer_edit),
                (self.tr("Kanaal"), self.channel_box), (self.tr("Grondslag"), self.basis_edit),
                (self.tr("Doel"), self.purpose_edit),
                (self.tr("Betrouwbaarheid"), self.reliability_box),
                (self.tr("Beoordeling"), self.grade_edit),
                (self.tr("Ontvangen"), self.received_edit), ("", self.no_share_box))
        for label, widget in rows:
            widget.setAccessibleName(label or self.no_share_box.text())
            form.addRow(label, widget)
        self.fields = {"statement": self.statement_edit, "source_org": self.source_edit,
                       "channel": self.channel_box, "legal_basis": self.basis_edit,
                       "purpose": self.purpose_edit, "reliability": self.reliability_box,
                       "grade": self.grade_edit}
        self.message = _message()
        form.addRow(self.message)
        self.buttons = _buttons(self, form)

    def _hint_basis(self) -> None:
        value = self.channel_box.currentData()
        hint = FactChannel(value).legal_basis_hint if value else None
        if hint and not self.basis_edit.text().strip():
            self.basis_edit.setText(hint)

    def values(self) -> dict:
        received = edit_time_utc(self.received_edit)
        return {
            "statement": self.statement_edit.toPlainText(),
            "question": self.question_box.currentData(),
            "source_org": self.source_edit.text(), "source_officer": self.officer_edit.text(),
            "channel": self.channel_box.currentData() or None,
            "legal_basis": self.basis_edit.text(), "purpose": self.purpose_edit.text(),
            "reliability": self.reliability_box.currentData(),
            "grade": self.grade_edit.text() or None,
            "received_at": received,
            "no_onward_sharing": self.no_share_box.isChecked(),
        }

    def problems(self) -> dict[QWidget, str]:
        """The domain's fact rules (``validate_fact``), each beside its field; the line above
        the buttons sums them up."""
        values = self.values()
        try:
            validate_fact(values["statement"], values["source_org"], values["channel"],
                          values["legal_basis"], values["purpose"], values["reliability"],
                          values["grade"])
        except FactInvalid as error:
            self.message.setText(one_language(error.message))
            return self.named_problems(error)
        self.message.setText("")
        return {}

    def accept(self) -> None:
        problems = self.problems()
        self.show_problems(problems)
        if problems:
            return
        self.message.setText(self.tr("Opslaan…"))
        self.buttons.setEnabled(False)
        self._save(self.values())

    def saved(self) -> None:
        self.buttons.setEnabled(True)
        QDialog.accept(self)

    def failed(self, error: BaseException) -> None:
        """The save failed: say why, keep every field as typed."""
        self.buttons.setEnabled(True)
        message = getattr(error, "message", None)
        self.message.setText(one_language(message) if message else
                             self.tr("Niet opgeslagen: onverwachte fout (zie log)."))
        if isinstance(error, FactInvalid):
            self.show_problems(self.named_problems(error))
