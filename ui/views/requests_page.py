"""Uitvragen: the information requests the aide sent out, by state and deadline, overdue ones
in the alert colour. Keyboard-first: a new request is one line ("GGD: vraag voor 15:00",
Enter), Ctrl+Return answers the selected request (the answer becomes a log entry with the
partner as its source), Ctrl+Shift+W withdraws it, Ctrl+Shift+D records a decline; Alt+1/2/3
filter all, open, overdue.

It follows the change feed (requests, the log their answers go to, the crisis), the crisis the
window shows, and a minute timer so a request turns overdue on screen at its deadline."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crisisconsole.services.foundation.changes import Changes, Kind
from crisisconsole.services.network import requests as service
from crisisconsole.ui.dialogs.validated_dialog import ValidatedDialog
from crisisconsole.ui.models.requests_model import RequestsModel
from crisisconsole.ui.page_context import PageContext

WATCHED = frozenset({Kind.REQUESTS, Kind.LOG, Kind.CRISIS})


class AnswerDialog(ValidatedDialog):
    def __init__(self, question: str, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.setWindowTitle(self.tr("Antwoord vastleggen"))
        self.text = QPlainTextEdit()
        self.text.setAccessibleName(self.tr("Antwoord"))
        self.reliability = QComboBox()
        self.reliability.addItem(self.tr("Van horen zeggen"), "hearsay")
        self.reliability.addItem(self.tr("Bevestigd"), "confirmed")
        self.partial = QCheckBox(self.tr("Deels beantwoord (er komt meer)"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(QLabel(question))
        form.addRow(self.tr("Antwoord"), self.text)
        form.addRow(self.tr("Betrouwbaarheid"), self.reliability)
        form.addRow(self.partial)
        form.addRow(buttons)
        self.resize(560, 300)

    def problems(self) -> dict[QWidget, str]:
        if not self.values()["text"].strip():
            return {self.text: self.tr("Geef het antwoord.")}
        return {}

    def values(self) -> dict:
        return {"text": self.text.toPlainText(), "reliability": self.reliability.currentData(),
                "partial": self.partial.isChecked()}


class RequestsPage(QWidget):
    def __init__(self, page: PageContext) -> None:
        super().__init__()
        self.current = page.crisis
        self.show_error = page.show_error
        self.session = page.session
        self.ctx = self.session.ctx
        self.model = RequestsModel(self.ctx.store, self)
        title = QLabel(self.tr("Uitvragen"))
        title.setObjectName("emptyTitle")
        self.quick = QLineEdit()
        self.quick.setPlaceholderText(self.tr(
            "Nieuwe uitvraag: aan wie: de vraag … voor 15:00 (of binnen 30 min) — Enter"))
        self.quick.setAccessibleName(self.tr("Nieuwe uitvraag in één regel"))
        self.quick.returnPressed.connect(self.add_quick)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.filters = QButtonGroup(self)
        bar = QHBoxLayout()
        bar.addWidget(title)
        bar.addStretch(1)
        for index, (mode, label) in enumerate((("all", self.tr("Alle")),
                                               ("open", self.tr("Openstaand")),
                                               ("overdue", self.tr("Te laat")))):
            button = QPushButton(label)
            button.setCheckable(True)
            button.setShortcut(f"Alt+{index + 1}")
            button.setChecked(mode == "open")
            button.clicked.connect(lambda _=False, m=mode: self.set_mode(m))
            self.filters.addButton(button)
            bar.addWidget(button)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Uitvragen"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, width in enumerate((230, 140, 260, 440, 140, 90)):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        actions = QHBoxLayout()
        for label, key, slot in ((self.tr("Antwoord…"), "Ctrl+Return", self.answer),
                                 (self.tr("Geweigerd…"), "Ctrl+Shift+D", self.decline),
                                 (self.tr("Intrekken…"), "Ctrl+Shift+W", self.withdraw)):
            button = QPushButton(f"{label} ({QKeySequence(key).toString()})")
            button.clicked.connect(slot)
            shortcut = QShortcut(QKeySequence(key), self, activated=slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.setWhatsThis(label.rstrip("…"))
            actions.addWidget(button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.quick)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        self.mode = "open"
        self._minute = QTimer(self)
        self._minute.setInterval(60_000)
        self._minute.timeout.connect(self.refresh)
        self._minute.start()
        self.session.watch(WATCHED, self._on_changes, self)
        self.current.changed.connect(lambda _id: self.refresh())
        self.refresh()

    def _on_changes(self, changes: Changes) -> None:
        if changes.concerns(self.current.id):
            self.refresh()

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        self.refresh()

    def refresh(self) -> None:
        selected = self.selected_id()
        try:
            self.model.load(self.current.id, self.mode, self.ctx.now())
        except Exception as error:  # noqa: BLE001 - shown, not swallowed
            self.show_error(error)
            return
        for row in range(self.model.rowCount()):
            if self.model.item(row).id == selected:
                self.table.selectRow(row)
                break

    def select_item(self, request_id: str) -> bool:
        """Select a request (the overdue list's jump); shown among the open ones if the current
        filter hides it."""
        if self._select(request_id):
            return True
        if self.mode != "open":
            for button in self.filters.buttons():
                button.setChecked(button.text() == self.tr("Openstaand"))
            self.set_mode("open")
        return self._select(request_id)

    def _select(self, request_id: str) -> bool:
        for row in range(self.model.rowCount()):
            if self.model.item(row).id == request_id:
                self.table.selectRow(row)
                self.table.setFocus()
                return True
        return False

    def selected_id(self) -> str | None:
        index = self.table.selectionModel().currentIndex() if self.table.selectionModel() else None
        item = self.model.item(index.row()) if index is not None and index.isValid() else None
        return item.id if item else None

    def _say(self, text: str, alert: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #b00020; font-weight: bold;" if alert else "")

    def add_quick(self) -> None:
        crisis_id, line = self.current.id, self.quick.text()
        if crisis_id is None or not line.strip():
            return
        ctx = self.ctx

        def done(made: dict) -> None:
            self.quick.clear()  # only once it is saved: nothing typed is lost
            note = "" if made.get("in_directory") else self.tr(
                " (genoemde persoon: niet in de partnerlijst)")
            self._say(self.tr("Uitvraag vastgelegd aan %1").replace("%1", made["to"]) + note)
            self.refresh()

        def failed(error: BaseException) -> None:
            self._say(str(error), alert=True)

        self.session.run(lambda: service.add_quick_request(ctx, crisis_id, line), done, failed,
                         origin=self)

    def _act(self, work, done_text: str) -> None:  # noqa: ANN001
        def failed(error: BaseException) -> None:
            self._say(str(error), alert=True)

        self.session.run(work, lambda _r: (self._say(done_text), self.refresh()), failed,
                         origin=self)

    def answer(self) -> None:
        request_id = self.selected_id()
        item = next((self.model.item(r) for r in range(self.model.rowCount())
                     if self.model.item(r).id == request_id), None)
        if item is None:
            return
        dialog = AnswerDialog(f"{item.to}: {item.question}", self)
        ctx, done = self.ctx, self.tr("Antwoord vastgelegd als melding in het logboek")
        dialog.submit_through(self.session, lambda v: service.answer_request(
            ctx, item.id, v["text"], reliability=v["reliability"], partial=v["partial"]),
            lambda _r: (self._say(done), self.refresh()), origin=self)
        self.dialog = dialog
        dialog.exec()

    def _close(self, state: str, title: str) -> None:
        request_id = self.selected_id()
        if request_id is None:
            return
        reason, ok = QInputDialog.getText(self, title, self.tr("Reden:"))
        if not ok:
            return
        ctx = self.ctx
        self._act(lambda: service.close_request(ctx, request_id, state, reason), title)

    def decline(self) -> None:
        self._close("declined", self.tr("Geweigerd door de partner"))

    def withdraw(self) -> None:
        self._close("withdrawn", self.tr("Uitvraag ingetrokken"))


def make_page(page: PageContext) -> QWidget:
    return RequestsPage(page)


