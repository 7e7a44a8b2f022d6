"""Small dialogs for acts on a log entry: confirm, refute, correct, link, settle. Each checks with the
domain's own rules (check_assessment, check_correction) before it closes, beside the field; the
page runs the act through the dialog, which stays open with a refusal and the typed text."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QWidget,
)

from crisisconsole.clock import format_local, parse_iso
from crisisconsole.domain.log_history import (
    EntryVersion,
    check_assessment,
    check_correction,
    check_text,
)
from crisisconsole.domain.log_rules import EntryInvalid
from crisisconsole.ui.dialogs.validated_dialog import ValidatedDialog
from crisisconsole.ui.widgets.entry_picker import EntryPicker, PickerEntry


class _Form(ValidatedDialog):
    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.form = QFormLayout(self)
        self.message = QLabel()
        self.message.setObjectName("dialogMessage")
        self.message.setWordWrap(True)

    def checked(self, check) -> dict[QWidget, str]:  # noqa: ANN001 - a domain check
        """The domain check's refusal, beside the field it names (else above the buttons)."""
        try:
            check()
        except EntryInvalid as error:
            first = next(iter(self.fields.values()))
            return self.named_problems(error) or {first: error.message}
        return {}

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
                 parent: QWidget | None = None, entry_id: str = "") -> None:
        confirm = reliability == "confirmed"
        super().__init__(self.tr("Bevestigen") if confirm else self.tr("Ontkrachten"), parent)
        self.reliability = reliability
        self.entry_id = entry_id
        shown = QLabel(entry_text[:200])
        shown.setWordWrap(True)  # a long entry made the dialog wider than the screen
        self.form.addRow(self.tr("Melding"), shown)
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
        self.fields = {"confirming_source": self.by_edit,
                       "corroborating_entry_id": self.corroborating_picker,
                       "grade": self.grade_edit}
        self.finish()

    def problems(self) -> dict[QWidget, str]:
        v = self.values()
        return self.checked(lambda: check_assessment(
            self.entry_id, self.reliability, v["grade"], v["by"], v["corroborated_by"],
            v["reason"]))

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
        self.current_text = entry_text
        self.fields = {"text": self.text_edit, "reason": self.reason_edit}
        self.finish()

    def problems(self) -> dict[QWidget, str]:
        """As ``correct_entry`` checks (the location stays as it is)."""
        now = datetime.now(UTC)
        current = EntryVersion("", "", 1, self.current_text, None, now, "")
        v = self.values()
        return self.checked(lambda: check_correction([current], v["text"], v["reason"]))

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
        self.fields = {"to_id": self.other_picker, "kind": self.kind_box}
        self.finish()

    def problems(self) -> dict[QWidget, str]:
        if not self.other_picker.chosen_id():
            return {self.other_picker: self.tr("Kies de melding om mee te koppelen.")}
        return {}

    def values(self) -> dict:
        return {"kind": self.kind_box.currentData(), "other": self.other_picker.chosen_id()}


class SettleDialog(_Form):
    """Settle concurrent corrections or re-grades (team mode): keep one of the versions or
    re-grades in conflict, or type a new text (corrections only). Either is a new fact that
    syncs and clears the mark everywhere."""

    def __init__(self, versions: list[dict], parent: QWidget | None = None,
                 grades: list[dict] | None = None) -> None:
        from crisisconsole.ui.widgets.log_detail_panel import grade_text

        super().__init__(self.tr("Gelijktijdige correcties beslechten") if versions
                         else self.tr("Gelijktijdige herbeoordelingen beslechten"), parent)
        self.versions = versions
        self.grades = grades or []
        self.options: list[str] = []  # the id each radio button keeps
        self.group = QButtonGroup(self)
        self.version_buttons: list[QRadioButton] = []
        if versions:
            self.form.addRow(QLabel(self.tr("Welke tekst blijft? De andere versie blijft in "
                                            "de geschiedenis.")))
        for version in versions:
            self._option(version["id"], version["text"][:120], version["recorded_at"],
                         version["device"])
        if self.grades:
            self.form.addRow(QLabel(self.tr("Welk oordeel blijft? Het andere blijft in de "
                                            "geschiedenis.")))
        for grade in self.grades:
            self._option(grade["id"], grade_text(grade), grade["at"], grade["device"])
        self.new_button = QRadioButton(self.tr("Een nieuwe tekst:"))
        self.group.addButton(self.new_button)
        self.text_edit = QPlainTextEdit()
        self.text_edit.setAccessibleName(self.tr("Nieuwe tekst"))
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setMaximumHeight(80)
        self.text_edit.textChanged.connect(lambda: self.new_button.setChecked(True))
        if versions:  # a typed text settles corrections, not re-grades
            self.form.addRow(self.new_button)
            self.form.addRow(self.text_edit)
        else:
            self.new_button.hide()
            self.text_edit.hide()
        self.fields = {"text": self.text_edit}
        self.finish()

    def _option(self, keep: str, text: str, at: str, device: str | None) -> None:
        when = format_local(parse_iso(at))
        button = QRadioButton(f"{text}\n{when} · {device or '-'}")
        button.setAccessibleName(self.tr("Versie %1").replace("%1", str(len(self.options) + 1)))
        self.group.addButton(button)
        self.version_buttons.append(button)
        self.options.append(keep)
        self.form.addRow(button)

    def problems(self) -> dict[QWidget, str]:
        if self.group.checkedButton() is None:
            first = self.version_buttons[0] if self.version_buttons else self.new_button
            return {first: self.tr("Kies een versie of typ een nieuwe tekst.")}
        if self.new_button.isChecked():
            return self.checked(lambda: check_text(self.text_edit.toPlainText()))
        return {}

    def values(self) -> dict:
        if self.new_button.isChecked():
            return {"text": self.text_edit.toPlainText()}
        return {"keep": self.options[self.version_buttons.index(self.group.checkedButton())]}
