"""The bar that is always visible: crisis, GRIP level, OEFENING, clock, overdue count, state;
in team mode also the sync state and the conflict count (ui/sync_controller.py)."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


class TopBar(QWidget):
    crisis_chosen = Signal(str)
    grip_clicked = Signal()
    overdue_clicked = Signal()
    conflicts_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("topBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self.crisis_box = QComboBox()
        self.crisis_box.setMinimumWidth(320)
        self.crisis_box.setAccessibleName(self.tr("Crisis kiezen"))
        self.crisis_box.setPlaceholderText(self.tr("Geen crisis geopend"))
        self.crisis_box.activated.connect(self._chosen)
        self.grip_button = QPushButton(self.tr("GRIP –"))
        self.grip_button.setObjectName("gripButton")
        self.grip_button.setToolTip(self.tr("GRIP-niveau wijzigen (Ctrl+G)"))
        self.grip_button.setAccessibleName(self.tr("GRIP-niveau"))
        self.grip_button.clicked.connect(self.grip_clicked)
        self.exercise_label = QLabel(self.tr("OEFENING"))
        self.exercise_label.setObjectName("exerciseBanner")
        self.exercise_label.setVisible(False)
        self.overdue_button = QPushButton(self.tr("Te laat: 0"))
        self.overdue_button.setObjectName("overdueButton")
        self.overdue_button.setAccessibleName(self.tr("Openstaande verplichtingen te laat"))
        self.overdue_button.clicked.connect(self.overdue_clicked)
        # Team mode only (hidden until the window syncs): "Conflicten: N" and the sync state.
        self.conflicts_button = QPushButton(self.tr("Conflicten: %n", "", 0))
        self.conflicts_button.setObjectName("conflictsButton")
        self.conflicts_button.setAccessibleName(self.tr("Gelijktijdige correcties"))
        self.conflicts_button.setToolTip(self.tr(
            "Gelijktijdige correcties uit het team, nog niet beslecht"))
        self.conflicts_button.clicked.connect(self.conflicts_clicked)
        self.conflicts_button.setVisible(False)
        self.sync_label = QLabel("")
        self.sync_text = ""
        self.sync_label.setObjectName("syncLabel")
        self.sync_label.setAccessibleName(self.tr("Teamserver"))
        self.sync_label.setVisible(False)
        self.state_label = QLabel(self.tr("Lokaal · geen back-up"))
        self.state_label.setObjectName("stateLabel")
        self.profile_label = QLabel("")
        self.clock_label = QLabel("")
        self.clock_label.setObjectName("clockLabel")
        for widget in (QLabel(self.tr("Crisis:")), self.crisis_box, self.grip_button,
                       self.exercise_label):
            layout.addWidget(widget)
        layout.addStretch(1)
        for widget in (self.overdue_button, self.conflicts_button, self.sync_label,
                       self.state_label, self.profile_label,
                       self.clock_label):
            layout.addWidget(widget)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.tick)
        self._timer.start(1000)
        self.tick()

    def tick(self) -> None:
        self.clock_label.setText(datetime.now(UTC).astimezone(AMSTERDAM).strftime("%H:%M:%S"))

    def _chosen(self, index: int) -> None:
        crisis_id = self.crisis_box.itemData(index)
        if crisis_id:
            self.crisis_chosen.emit(crisis_id)

    def set_crises(self, items: list[tuple[str, str]], current: str | None) -> None:
        self.crisis_box.blockSignals(True)
        self.crisis_box.clear()
        for crisis_id, label in items:
            self.crisis_box.addItem(label, crisis_id)
        if current is not None:
            self.crisis_box.setCurrentIndex(self.crisis_box.findData(current))
        self.crisis_box.blockSignals(False)

    def show_crisis(self, grip_text: str, exercise: bool) -> None:
        self.grip_button.setText(grip_text)
        self.exercise_label.setVisible(exercise)

    def set_overdue(self, count: int) -> None:
        self.overdue_button.setText(self.tr("Te laat: %n", "", count))
        self.overdue_button.setProperty("alert", count > 0)
        _restyle(self.overdue_button)

    def set_state(self, text: str) -> None:
        self.state_label.setText(text)

    def set_profile(self, text: str) -> None:
        self.profile_label.setText(text)

    def set_conflicts(self, count: int) -> None:
        self.conflicts_button.setVisible(True)
        self.conflicts_button.setText(self.tr("Conflicten: %n", "", count))
        self.conflicts_button.setProperty("alert", count > 0)
        _restyle(self.conflicts_button)

    def set_sync(self, state) -> None:  # noqa: ANN001 - ui.sync_controller.SyncState
        """"gesynchroniseerd HH:MM", or "offline sinds HH:MM, N records wachten"."""
        self.sync_label.setVisible(True)
        # Marked (bold, amber) only when offline or refused, not before the first round.
        self.sync_label.setProperty("offline", bool(state.error) or (
            not state.online and bool(state.offline_since)))
        if state.error:
            text = self.tr("sync geweigerd")
            self.sync_label.setToolTip(state.error)
        elif not state.online and state.offline_since:
            text = (self.tr("offline sinds %1, %2 records wachten")
                    .replace("%1", _hhmm(state.offline_since))
                    .replace("%2", str(state.pending)))
            self.sync_label.setToolTip(self.tr("De teamserver is niet bereikbaar; er wordt "
                                               "lokaal doorgewerkt en later bijgewerkt."))
        elif state.last_sync_at:
            text = self.tr("gesynchroniseerd %1").replace("%1", _hhmm(state.last_sync_at))
            if state.pending:
                text += ", " + self.tr("%1 wachten").replace("%1", str(state.pending))
            self.sync_label.setToolTip(self.tr("Verbonden met de teamserver"))
        else:
            text = self.tr("nog niet gesynchroniseerd")
            self.sync_label.setToolTip("")
        self.sync_text = text  # one line, as said; shown on two (the bar must fit 1280 px)
        self.sync_label.setText(text.replace(", ", ",\n", 1))
        _restyle(self.sync_label)


def _restyle(widget: QWidget) -> None:
    """Its style sheet applied again after a property it is styled by changed."""
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def _hhmm(stored: str) -> str:
    from crisisconsole.clock import format_local, parse_stored

    return format_local(parse_stored(stored), with_date=False)
