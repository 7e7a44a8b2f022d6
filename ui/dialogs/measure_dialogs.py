"""Dialogs of the measures page: issue a measure, add a council meeting, record an outcome.

They only collect input; the page hands it to the services (which refuse what breaks a rule).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from crisisconsole.clock import format_local
from crisisconsole.domain.measures import Issuer, MeasureKind, allowed_issuers
from crisisconsole.domain.ordinance_checks import check_measure
from crisisconsole.domain.ordinance_records import Measure
from crisisconsole.ui.dialogs.validated_dialog import ValidatedDialog
from crisisconsole.ui.widgets.time_edit import amsterdam_time_edit, edit_time_utc


def to_datetime(edit: QDateTimeEdit) -> datetime:
    return edit_time_utc(edit)


def time_edit(when: datetime | None = None) -> QDateTimeEdit:
    return amsterdam_time_edit(when)


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                           | QDialogButtonBox.StandardButton.Cancel)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


ART39_KINDS = frozenset({MeasureKind.NOODVERORDENING, MeasureKind.NOODBEVEL})


class IssueMeasureDialog(ValidatedDialog):
    """Every kind (noodverordening, noodbevel, risk areas, gebiedsverbod, ophouding). Warns
    while Wvr art. 39 applies to the crisis and the mayor is chosen as issuer of a noodbevel or
    noodverordening, and offers the chair of the veiligheidsregio instead."""

    def __init__(self, now: datetime, parent: QWidget | None = None,
                 art39=None) -> None:  # noqa: ANN001 - Art39Status | None
        super().__init__(parent)
        self.setWindowTitle(self.tr("Nieuwe maatregel"))
        self.art39 = art39
        self.kind_box = QComboBox()
        for kind in MeasureKind:
            self.kind_box.addItem(f"{kind.label} ({kind.legal_basis})", str(kind))
        self.issuer_box = QComboBox()
        for issuer in Issuer:
            self.issuer_box.addItem(issuer.label, str(issuer))
        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName(self.tr("Titel"))
        self.area_edit = QLineEdit()
        self.issued_edit = time_edit(now)
        self.end_check = QCheckBox(self.tr("Gepland einde"))
        self.end_edit = time_edit(now)
        self.end_edit.setEnabled(False)
        self.end_check.toggled.connect(self.end_edit.setEnabled)
        self.text_edit = QPlainTextEdit()
        self.text_edit.setFixedHeight(80)
        form = QFormLayout()
        form.addRow(self.tr("Soort"), self.kind_box)
        form.addRow(self.tr("Uitgevaardigd door"), self.issuer_box)
        form.addRow(self.tr("Titel"), self.title_edit)
        form.addRow(self.tr("Gebied"), self.area_edit)
        form.addRow(self.tr("Uitgevaardigd op"), self.issued_edit)
        form.addRow(self.end_check, self.end_edit)
        form.addRow(self.tr("Tekst"), self.text_edit)
        self.art39_label = QLabel("")
        self.art39_label.setObjectName("art39Warning")
        self.art39_label.setWordWrap(True)
        self.art39_label.setStyleSheet("background:#fff3cd; color:#5c3c00; padding:6px; "
                                       "border:1px solid #e0b000;")
        self.art39_button = QPushButton(self.tr("Voorzitter veiligheidsregio als uitvaardiger"))
        self.art39_button.clicked.connect(self.choose_chair)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.art39_label)
        layout.addWidget(self.art39_button)
        layout.addWidget(_buttons(self))
        self.kind_box.currentIndexChanged.connect(self._kind_changed)
        self.issuer_box.currentIndexChanged.connect(self._update_art39)
        self._kind_changed()

    def _kind_changed(self) -> None:
        """Only art. 175/176 may be issued by the chair (Wvr art. 39): others are the mayor's."""
        allowed = allowed_issuers(MeasureKind(self.kind_box.currentData()))
        if Issuer(self.issuer_box.currentData()) not in allowed:
            self.issuer_box.setCurrentIndex(self.issuer_box.findData(str(Issuer.BURGEMEESTER)))
        self.issuer_box.setEnabled(len(allowed) > 1)
        self._update_art39()

    def art39_warning_shown(self) -> bool:
        return (self.art39 is not None and self.art39.applies
                and MeasureKind(self.kind_box.currentData()) in ART39_KINDS
                and self.issuer_box.currentData() == str(Issuer.BURGEMEESTER))

    def _update_art39(self) -> None:
        show = self.art39_warning_shown()
        if show:
            why = (self.tr("vastgelegd voor deze crisis") if self.art39.recorded
                   else self.tr("aanwijzing: GRIP %1; leg het vast bij Termijnen en art. 39")
                   .replace("%1", self.art39.grip or "–"))
            self.art39_label.setText(self.tr(
                "Let op: Wvr art. 39 is van toepassing (%1). Alleen de voorzitter "
                "veiligheidsregio is dan bevoegd tot noodbevel en noodverordening; kies de "
                "voorzitter als uitvaardiger.").replace("%1", why))
        self.art39_label.setVisible(show)
        self.art39_button.setVisible(show)

    def choose_chair(self) -> None:
        self.issuer_box.setCurrentIndex(self.issuer_box.findData(str(Issuer.VOORZITTER_VR)))

    def problems(self) -> dict[QWidget, str]:
        """The title, then the domain's own checks of a new measure (issuer allowed, planned
        end after the issue and within the legal maximum: ``check_measure``)."""
        values = self.values()
        if not values["title"].strip():
            return {self.title_edit: self.tr("Geef de maatregel een titel.")}
        try:
            check_measure(Measure("", MeasureKind(values["kind"]), Issuer(values["issuer"]),
                                  values["title"], values["at"], values["planned_end"]))
        except ValueError as error:  # RuleViolation, or a Measure that cannot be made
            where = self.end_edit if values["planned_end"] is not None else self.issuer_box
            return {where: getattr(error, "message", str(error))}
        return {}

    def values(self) -> dict:
        return {
            "kind": self.kind_box.currentData(), "issuer": self.issuer_box.currentData(),
            "title": self.title_edit.text(), "area": self.area_edit.text() or None,
            "at": to_datetime(self.issued_edit),
            "planned_end": to_datetime(self.end_edit) if self.end_check.isChecked() else None,
            "body": self.text_edit.toPlainText() or None,
        }


class MeetingDialog(ValidatedDialog):
    def __init__(self, now: datetime, seats: int = 29, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Raadsvergadering toevoegen"))
        self.start_edit = time_edit(now)
        self.seats_spin = QSpinBox()
        self.seats_spin.setRange(1, 200)
        self.seats_spin.setValue(seats)
        self.title_edit = QLineEdit(self.tr("Raadsvergadering"))
        form = QFormLayout()
        form.addRow(self.tr("Begin"), self.start_edit)
        form.addRow(self.tr("Zittende leden"), self.seats_spin)
        self.seats_spin.setToolTip(self.tr("Leden van de raad op de dag van de vergadering; "
                                           "een vacature telt niet mee voor het quorum"))
        form.addRow(self.tr("Titel"), self.title_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(_buttons(self))

    def problems(self) -> dict[QWidget, str]:
        if not self.title_edit.text().strip():
            return {self.title_edit: self.tr("Geef de vergadering een titel.")}
        return {}

    def values(self) -> dict:
        return {"start": to_datetime(self.start_edit), "seats": self.seats_spin.value(),
                "title": self.title_edit.text()}


class OutcomeDialog(ValidatedDialog):
    """Attendance and, per ordinance the meeting had to ratify, the raad's decision."""

    def __init__(self, meetings: list, due: dict[str, list[tuple[str, str]]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Uitkomst raadsvergadering"))
        self.due = due
        self.meeting_box = QComboBox()
        for meeting in meetings:
            # Team mode: two outcomes recorded at once; recording it again settles them.
            marked = (" · " + self.tr("gelijktijdige uitkomsten")
                      if getattr(meeting, "conflict", None) else "")
            self.meeting_box.addItem(f"{format_local(meeting.start)} · {meeting.title} "
                                     f"({meeting.seats}){marked}", meeting.id)
        self.attended_spin = QSpinBox()
        self.attended_spin.setRange(0, 200)
        self.decided_edit = time_edit()
        self.items = QListWidget()
        self.hint = QLabel(self.tr("Niet genoemde noodverordeningen gelden als niet behandeld."))
        self.hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Vergadering"), self.meeting_box)
        form.addRow(self.tr("Aanwezig (presentielijst)"), self.attended_spin)
        form.addRow(self.tr("Besloten op"), self.decided_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.items)
        layout.addWidget(self.hint)
        layout.addWidget(_buttons(self))
        self.meeting_box.currentIndexChanged.connect(self._fill)
        self._boxes: dict[str, QComboBox] = {}
        self._fill()

    def _fill(self) -> None:
        self.items.clear()
        self._boxes = {}
        meeting_id = self.meeting_box.currentData()
        for measure_id, title in self.due.get(meeting_id, []):
            item = QListWidgetItem(self.items)
            row = QWidget()
            box = QComboBox()
            box.addItem(self.tr("niet behandeld"), "")
            box.addItem(self.tr("bekrachtigd"), "ratified")
            box.addItem(self.tr("verworpen"), "rejected")
            form = QFormLayout(row)
            form.setContentsMargins(2, 2, 2, 2)
            form.addRow(title, box)
            item.setSizeHint(row.sizeHint())
            self.items.setItemWidget(item, row)
            self._boxes[measure_id] = box

    def problems(self) -> dict[QWidget, str]:
        if self.meeting_box.currentData() is None:
            return {self.meeting_box: self.tr("Kies de vergadering.")}
        return {}

    def values(self) -> dict:
        ratified = [m for m, b in self._boxes.items() if b.currentData() == "ratified"]
        rejected = [m for m, b in self._boxes.items() if b.currentData() == "rejected"]
        return {"meeting_id": self.meeting_box.currentData(),
                "attended": self.attended_spin.value(), "at": to_datetime(self.decided_edit),
                "ratified": ratified, "rejected": rejected}
