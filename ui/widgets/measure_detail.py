"""The selected measure: the events the aide may record now (publication, agenda, account,
appeal, CdK decision, suspension, withdrawal; each button enabled only when the lifecycle allows
it, the rule in its tooltip otherwise), its notification checklist (mark sent, draft the
letter), its open obligations and its timeline. Emits what the aide asks for; the page calls
the services."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crisisconsole.clock import format_local, parse_stored
from crisisconsole.domain.measures import MeasureKind, Party
from crisisconsole.domain.ordinance_records import MeasureEventKind
from crisisconsole.ui.widgets.flow_layout import FlowLayout

_E = MeasureEventKind
# Button text per action (Dutch source; translated in context "MeasureDetail").
ACTION_LABELS = {
    _E.PUBLISHED: QT_TRANSLATE_NOOP("MeasureDetail", "Bekendmaking…"),
    _E.AGENDA_PLACED: QT_TRANSLATE_NOOP("MeasureDetail", "Geagendeerd…"),
    _E.ACCOUNT_GIVEN: QT_TRANSLATE_NOOP("MeasureDetail", "Verantwoording afgelegd…"),
    _E.APPEAL_LODGED: QT_TRANSLATE_NOOP("MeasureDetail", "Beroep bij CdK…"),
    _E.CDK_DECISION: QT_TRANSLATE_NOOP("MeasureDetail", "Beslissing CdK…"),
    _E.SUSPENDED: QT_TRANSLATE_NOOP("MeasureDetail", "Geschorst door CdK…"),
    _E.WITHDRAWN: QT_TRANSLATE_NOOP("MeasureDetail", "Intrekken…"),
    _E.KEPT_IN_FORCE: QT_TRANSLATE_NOOP("MeasureDetail", "Van kracht houden…"),
}


def _event_label(kind: str) -> str:
    try:
        return MeasureEventKind(kind).label
    except ValueError:  # a kind this version does not know: its key, rather than nothing
        return kind


class MeasureDetail(QWidget):
    mark_sent = Signal(str, str)  # measure id, party
    letter_requested = Signal(str, str)  # measure id, party
    action_requested = Signal(str, str)  # measure id, event kind (MeasureEventKind value)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = None
        self.heading = QLabel(self.tr("Kies een maatregel"))
        self.heading.setObjectName("measureHeading")
        self.heading.setWordWrap(True)
        self.facts = QLabel("")
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # The lifecycle's buttons wrap (which ones show depends on the measure's state; side
        # by side they made the page 912 px wide, more than 1366x768 at 125 % leaves)
        self.actions_row = FlowLayout()
        self.action_buttons: dict[str, QPushButton] = {}
        for kind, label in ACTION_LABELS.items():
            button = QPushButton(QCoreApplication.translate("MeasureDetail", label))
            button.setObjectName(f"action_{kind}")
            button.clicked.connect(lambda _=False, k=str(kind): self._emit(self.action_requested, k))
            self.actions_row.addWidget(button)
            self.action_buttons[str(kind)] = button
        # A noodbevel needs no notifications; DOMAIN.md §2 still offers a note to the council.
        self.council_note = QPushButton(self.tr("Notitie aan de raad (PDF)…"))
        self.council_note.clicked.connect(lambda: self._emit(self.letter_requested, "raad"))
        self.actions_row.addWidget(self.council_note)
        self.notices_box = QGroupBox(self.tr("Kennisgevingen (art. 176 lid 3)"))
        self.notices_grid = QGridLayout(self.notices_box)
        self.sent_labels: dict[str, QLabel] = {}
        self.sent_buttons: dict[str, QPushButton] = {}
        self.letter_buttons: dict[str, QPushButton] = {}
        for row, party in enumerate(Party):
            name = QLabel(party.short)
            sent = QLabel("–")
            # "TE LAAT · nog niet · uiterlijk 02-12-2026 17:00" in bold, once a notice is late
            # (the demo's clock decides when): one line made the page 930 px wide at 125 %
            sent.setWordWrap(True)
            button = QPushButton(self.tr("Markeer verstuurd"))
            button.setAccessibleName(self.tr("Markeer verstuurd: %1").replace("%1", party.short))
            button.clicked.connect(lambda _=False, p=str(party): self._emit(self.mark_sent, p))
            letter = QPushButton(self.tr("Brief (PDF)…"))
            letter.setAccessibleName(self.tr("Brief aan %1").replace("%1", party.short))
            letter.clicked.connect(lambda _=False, p=str(party): self._emit(self.letter_requested, p))
            for column, widget in enumerate((name, sent, button, letter)):
                self.notices_grid.addWidget(widget, row, column)
            self.sent_labels[str(party)] = sent
            self.sent_buttons[str(party)] = button
            self.letter_buttons[str(party)] = letter
        self.notices_grid.setColumnStretch(1, 1)
        self.obligations = QListWidget()
        self.obligations.setAccessibleName(self.tr("Openstaande verplichtingen"))
        self.timeline = QListWidget()
        self.timeline.setAccessibleName(self.tr("Tijdlijn"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.facts)
        layout.addLayout(self.actions_row)
        layout.addWidget(self.notices_box)
        layout.addWidget(QLabel(self.tr("Openstaande verplichtingen")))
        layout.addWidget(self.obligations, 1)
        layout.addWidget(QLabel(self.tr("Tijdlijn")))
        layout.addWidget(self.timeline, 1)
        self.show_view(None)

    def _emit(self, signal, party: str) -> None:  # noqa: ANN001 - SignalInstance
        if self.view is not None:
            signal.emit(self.view.id, party)

    def show_view(self, view) -> None:  # noqa: ANN001 - MeasureView | None
        self.view = view
        self.obligations.clear()
        self.timeline.clear()
        enabled = view is not None
        self.notices_box.setVisible(enabled and bool(view.notices))
        self.council_note.setVisible(enabled and view.measure.kind is MeasureKind.NOODBEVEL)
        self._show_actions(view)
        if view is None:
            self.heading.setText(self.tr("Kies een maatregel"))
            self.facts.setText("")
            return
        m, s = view.measure, view.status
        self.heading.setText(f"<b>{m.kind.label}: {m.title}</b> — {s.state.label}")
        parts = [self.tr("Grondslag: %1").replace("%1", view.record.legal_basis),
                 self.tr("Uitgevaardigd: %1 (%2)").replace("%1", format_local(m.issued_at))
                 .replace("%2", m.issuer.label)]
        if s.effective_end is not None:
            parts.append(self.tr("Einde: %1").replace("%1", format_local(s.effective_end)))
        if view.record.area:
            parts.append(self.tr("Gebied: %1").replace("%1", view.record.area))
        self.facts.setText(" · ".join(parts))
        self._show_notices(view)
        for o in s.obligations:
            due = format_local(o.due) if o.due is not None else self.tr("geen termijn")
            late = self.tr("TE LAAT · ") if o.overdue else ""
            item = QListWidgetItem(f"{late}{due} · {o.text}")
            if o.overdue:
                item.setForeground(Qt.GlobalColor.darkRed)
            self.obligations.addItem(item)
        if not s.obligations:
            self.obligations.addItem(self.tr("Geen openstaande verplichtingen"))
        for event in view.events:
            when = format_local(parse_stored(event["at"]))
            label = _event_label(event["kind"])
            extra = [x for x in (event["party"] and Party(event["party"]).short,
                                 event["note"], event["document_ref"]) if x]
            if event["upheld"] is not None:
                extra.append(self.tr("gehandhaafd") if event["upheld"] else self.tr("afgewezen"))
            who = event.get("actor_name") or ""
            self.timeline.addItem(f"{when} · {label}" + (f" ({', '.join(extra)})" if extra else "")
                                  + (f" · {who}" if who else ""))

    def _show_actions(self, view) -> None:  # noqa: ANN001 - MeasureView | None
        """Shown when the action exists for this measure; enabled when the lifecycle allows it
        now (check_event), else the refusal is the tooltip."""
        for kind, button in self.action_buttons.items():
            check = view.action(kind) if view is not None else None
            button.setVisible(check is not None and check.applies)
            if check is None:
                continue
            button.setEnabled(check.offered)
            tip = check.reason or ""
            if check.until is not None:
                tip = self.tr("%1 Alleen vast te leggen als het beroep uiterlijk %2 is ingesteld.") \
                    .replace("%1", tip).replace("%2", format_local(check.until))
            button.setToolTip(tip)

    def _show_notices(self, view) -> None:  # noqa: ANN001
        rounds = {n.round for n in view.notices}
        current = "withdrawal" if "withdrawal" in rounds else "issue"
        title = (self.tr("Kennisgeving intrekking") if current == "withdrawal"
                 else self.tr("Kennisgevingen (art. 176 lid 3)"))
        self.notices_box.setTitle(title)
        for notice in view.notices:
            if notice.round != current:
                continue
            party = str(notice.party)
            label = self.sent_labels[party]
            if notice.sent_at is not None:
                label.setText(self.tr("verstuurd %1").replace("%1", format_local(notice.sent_at)))
                label.setStyleSheet("")
            elif notice.due is not None:
                text = self.tr("nog niet · uiterlijk %1").replace("%1", format_local(notice.due))
                label.setText((self.tr("TE LAAT · ") if notice.overdue else "") + text)
                label.setStyleSheet("color: #b00020; font-weight: bold;" if notice.overdue else "")
            else:
                label.setText(self.tr("nog niet"))
            self.sent_buttons[party].setEnabled(notice.sent_at is None)
