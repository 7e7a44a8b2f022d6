"""Dialogs of the measure detail: record one lifecycle event (publication, agenda, account,
appeal, CdK decision, suspension, withdrawal) with its time and document reference, and the
tracker's terms with the crisis's Wvr art. 39 answer.

They only collect input; the page hands it to the services, which refuse what breaks a rule
(the refusal is shown in one line by the window).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from crisisconsole.clock import format_local
from crisisconsole.domain.ordinance_records import MeasureEventKind
from crisisconsole.ui.dialogs.measure_dialogs import time_edit, to_datetime
from crisisconsole.ui.dialogs.validated_dialog import ValidatedDialog

_E = MeasureEventKind
_C = "MeasureEventDialog"
# Per event: dialog title and what the law says about it (Dutch source, translated in _C).
EXPLAIN = {
    _E.PUBLISHED: (QT_TRANSLATE_NOOP("MeasureEventDialog", "Bekendmaking vastleggen"), QT_TRANSLATE_NOOP(
        "MeasureEventDialog", "Hoe en wanneer de maatregel is bekendgemaakt; een noodverordening ook in het "
            "elektronisch gemeenteblad.")),
    _E.AGENDA_PLACED: (QT_TRANSLATE_NOOP("MeasureEventDialog", "Bekrachtiging geagendeerd"), QT_TRANSLATE_NOOP(
        "MeasureEventDialog", "De griffie heeft de bekrachtiging op de agenda gezet van de eerstvolgende "
            "raadsvergadering met quorum.")),
    _E.ACCOUNT_GIVEN: (QT_TRANSLATE_NOOP("MeasureEventDialog", "Verantwoording aan de raad"), QT_TRANSLATE_NOOP(
        "MeasureEventDialog", "De burgemeester heeft de raad verantwoording afgelegd over de noodverordening die "
            "vóór bekrachtiging is ingetrokken of verlopen.")),
    _E.APPEAL_LODGED: (QT_TRANSLATE_NOOP("MeasureEventDialog", "Beroep bij de CdK"), QT_TRANSLATE_NOOP(
        "MeasureEventDialog", "Beroep bij de commissaris van de Koning kan binnen 24 uur na het besluit van de "
            "raad om niet te bekrachtigen.")),
    _E.CDK_DECISION: (QT_TRANSLATE_NOOP("MeasureEventDialog", "Beslissing van de CdK"), QT_TRANSLATE_NOOP(
        "MeasureEventDialog", "De CdK beslist binnen 2 dagen. Gehandhaafd: de noodverordening blijft gelden; "
            "afgewezen: zij vervalt.")),
    _E.SUSPENDED: (QT_TRANSLATE_NOOP("MeasureEventDialog", "Schorsing door de CdK"), QT_TRANSLATE_NOOP(
        "MeasureEventDialog", "Zolang de noodverordening niet is bekrachtigd kan de CdK haar schorsen, met "
            "onmiddellijke ingang.")),
    _E.WITHDRAWN: (QT_TRANSLATE_NOOP("MeasureEventDialog", "Intrekken"), QT_TRANSLATE_NOOP(
        "MeasureEventDialog", "Intrekken zodra de noodsituatie voorbij is. De raad, de CdK en de hoofdofficier "
            "moeten daarna opnieuw worden ingelicht.")),
    _E.KEPT_IN_FORCE: (QT_TRANSLATE_NOOP("MeasureEventDialog", "Van kracht houden"), QT_TRANSLATE_NOOP(
        "MeasureEventDialog", "De crisis is afgeschaald of gesloten, maar de noodsituatie duurt voort: de "
            "burgemeester houdt de maatregel bewust van kracht. Leg vast waarom; bij een volgend "
            "afschalen of sluiten komt de vraag om in te trekken terug.")),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(_C, text)


def _ok_cancel(dialog: QDialog) -> QDialogButtonBox:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                           | QDialogButtonBox.StandardButton.Cancel)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


class MeasureEventDialog(ValidatedDialog):
    """One lifecycle event of the selected measure: when, and what belongs to that kind."""

    def __init__(self, kind: str, title: str, now: datetime, *, until: datetime | None = None,
                 meeting: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = MeasureEventKind(kind)
        heading, explain = EXPLAIN[self.kind]
        self.setWindowTitle(_tr(heading))
        self.explain = QLabel(f"<b>{title}</b><br>{_tr(explain)}")
        self.explain.setWordWrap(True)
        self.warning = QLabel("")
        self.warning.setObjectName("eventWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color:#8a1c00; font-weight:bold;")
        self.warning.setVisible(until is not None)
        if until is not None:
            self.warning.setText(self.tr(
                "De beroepstermijn is verstreken op %1. Alleen een beroep dat uiterlijk dan is "
                "ingesteld kan nog worden vastgelegd: vul het tijdstip van instellen in."
            ).replace("%1", format_local(until)))
        self.at_edit = time_edit(now)
        self.how_edit = QLineEdit()
        self.how_edit.setPlaceholderText(self.tr("bv. persbericht, website, huis-aan-huisbrief"))
        self.ref_edit = QLineEdit()
        self.ref_edit.setPlaceholderText(self.tr("bv. Gemeenteblad 2026, nr. 12345") if
                                         self.kind is _E.PUBLISHED else self.tr("kenmerk"))
        self.note_edit = QLineEdit()
        self.upheld_radio = QRadioButton(self.tr("Gehandhaafd (beroep gegrond)"))
        self.rejected_radio = QRadioButton(self.tr("Afgewezen (de noodverordening vervalt)"))
        self.choice = QButtonGroup(self)
        self.choice.addButton(self.upheld_radio)
        self.choice.addButton(self.rejected_radio)
        form = QFormLayout()
        form.addRow(self.tr("Tijdstip"), self.at_edit)
        if meeting:
            form.addRow(self.tr("Vergadering"), QLabel(meeting))
        if self.kind is _E.PUBLISHED:
            form.addRow(self.tr("Hoe bekendgemaakt"), self.how_edit)
            form.addRow(self.tr("Vindplaats gemeenteblad"), self.ref_edit)
        else:
            form.addRow(self.tr("Documentverwijzing"), self.ref_edit)
        if self.kind is _E.CDK_DECISION:
            form.addRow(self.tr("Beslissing"), self.upheld_radio)
            form.addRow("", self.rejected_radio)
        if self.kind in (_E.WITHDRAWN, _E.ACCOUNT_GIVEN):
            form.addRow(self.tr("Toelichting"), self.note_edit)
        if self.kind is _E.KEPT_IN_FORCE:
            self.note_edit.setPlaceholderText(self.tr("bv. de dreiging van nieuwe onrust blijft"))
            form.addRow(self.tr("Reden"), self.note_edit)
        self.buttons = _ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addWidget(self.warning)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())

    def problems(self) -> dict[QWidget, str]:
        """What the kind needs (the service refuses the same): how it was announced, the
        CdK's decision, the reason to keep a measure in force."""
        if self.kind is _E.PUBLISHED and not self.how_edit.text().strip():
            return {self.how_edit: self.tr("Geef aan hoe de maatregel is bekendgemaakt.")}
        if self.kind is _E.CDK_DECISION and self.choice.checkedButton() is None:
            return {self.upheld_radio: self.tr("Kies de beslissing van de CdK.")}
        if self.kind is _E.KEPT_IN_FORCE and not self.note_edit.text().strip():
            return {self.note_edit: self.tr("Geef de reden om de maatregel van kracht te "
                                            "houden.")}
        return {}

    def values(self) -> dict:
        upheld = (True if self.upheld_radio.isChecked() else
                  False if self.rejected_radio.isChecked() else None)
        return {"at": to_datetime(self.at_edit), "how": self.how_edit.text().strip() or None,
                "document_ref": self.ref_edit.text().strip() or None,
                "note": self.note_edit.text().strip() or None, "upheld": upheld}


class TermsDialog(ValidatedDialog):
    """The configurable terms (every crisis) and whether Wvr art. 39 applies (this crisis)."""

    def __init__(self, terms: dict[str, float], art39, crisis_name: str,  # noqa: ANN001
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Termijnen en Wvr art. 39"))
        self.art39 = art39
        self.terms = terms
        terms_box = QGroupBox(self.tr("Termijnen (alle crises)"))
        self.notify_spin = QDoubleSpinBox()
        self.notify_spin.setRange(0.5, 1440)
        self.notify_spin.setSingleStep(0.5)
        self.notify_spin.setDecimals(2)
        self.notify_spin.setSuffix(self.tr(" uur"))
        self.notify_spin.setValue(terms["notify_hours"])
        self.lead_spin = QDoubleSpinBox()
        self.lead_spin.setRange(0.5, 60)
        self.lead_spin.setSingleStep(0.5)
        self.lead_spin.setDecimals(2)
        self.lead_spin.setSuffix(self.tr(" dagen"))
        self.lead_spin.setValue(terms["agenda_lead_days"])
        form = QFormLayout(terms_box)
        form.addRow(self.tr("Meedelen aan raad, CdK en OvJ binnen"), self.notify_spin)
        form.addRow(self.tr("Bekrachtiging agenderen vóór de vergadering"), self.lead_spin)
        art_box = QGroupBox(self.tr("Wvr art. 39 bij %1").replace("%1", crisis_name))
        self.applies_radio = QRadioButton(self.tr(
            "Van toepassing (meer dan plaatselijke betekenis: de voorzitter veiligheidsregio "
            "is bevoegd)"))
        self.not_applies_radio = QRadioButton(self.tr("Niet van toepassing"))
        for radio in (self.applies_radio, self.not_applies_radio):
            radio.setStyleSheet("QRadioButton { padding: 2px; }")
        self.applies_radio.setChecked(art39.recorded is True)
        self.not_applies_radio.setChecked(art39.recorded is False)
        hint = (self.tr("Nog niet vastgelegd; GRIP-niveau %1 geldt als aanwijzing: %2.")
                .replace("%1", art39.grip or "–")
                .replace("%2", self.tr("waarschijnlijk van toepassing") if art39.grip_hint
                         else self.tr("waarschijnlijk niet van toepassing"))
                if art39.recorded is None else self.tr("Vastgelegd in het auditlog."))
        self.hint = QLabel(hint)
        self.hint.setWordWrap(True)
        art_layout = QVBoxLayout(art_box)
        art_layout.addWidget(self.applies_radio)
        art_layout.addWidget(self.not_applies_radio)
        art_layout.addWidget(self.hint)
        layout = QVBoxLayout(self)
        layout.addWidget(terms_box)
        layout.addWidget(art_box)
        layout.addWidget(_ok_cancel(self))

    def values(self) -> dict:
        """Only what changed: notify_hours, agenda_lead_hours, art39 (None: leave as is)."""
        applies = (True if self.applies_radio.isChecked() else
                   False if self.not_applies_radio.isChecked() else None)
        notify, lead = self.notify_spin.value(), self.lead_spin.value() * 24
        return {"notify_hours": notify if abs(notify - self.terms["notify_hours"]) > 1e-6
                else None,
                "agenda_lead_hours": lead if abs(lead - self.terms["agenda_lead_hours"]) > 1e-6
                else None,
                "art39": applies if applies is not None and applies != self.art39.recorded
                else None}
