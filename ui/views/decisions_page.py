"""Besluiten & acties: decisions with their rationale, who decided and when, and the entries
and picture snapshot they rest on; actions with owner, due time and status, overdue ones in
the alert colour on top. Status changes are new facts (open, gereed, vervallen)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crisisconsole.services.foundation.changes import Changes, Kind
from crisisconsole.services.log.queries import list_entries
from crisisconsole.services.picture import actions as picture_actions
from crisisconsole.services.picture import decisions as picture_decisions
from crisisconsole.ui.models.decisions_model import ActionsModel, DecisionsModel, IdRole
from crisisconsole.ui.page_context import PageContext
from crisisconsole.ui.widgets.entry_picker import picker_entries

WATCHED = frozenset({Kind.DECISIONS, Kind.PICTURE, Kind.CRISIS})



def _table(model) -> QTableView:  # noqa: ANN001
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setWordWrap(True)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class DecisionsPage(QWidget):
    def __init__(self, page: PageContext) -> None:
        super().__init__()
        self.current = page.crisis
        self.show_error = page.show_error
        self.session = page.session
        self.ctx = self.session.ctx
        self.decisions = DecisionsModel(self)
        self.actions = ActionsModel(self)
        self.decision_table = _table(self.decisions)
        self.decision_table.setAccessibleName(QCoreApplication.translate("DecisionsPage", "Besluiten"))
        self.action_table = _table(self.actions)
        self.action_table.setAccessibleName(QCoreApplication.translate("DecisionsPage", "Acties"))
        add_decision = QPushButton(QCoreApplication.translate("DecisionsPage", "Besluit vastleggen…"))
        add_decision.clicked.connect(self.add_decision)
        add_action = QPushButton(QCoreApplication.translate("DecisionsPage", "Actie toevoegen…"))
        add_action.clicked.connect(self.add_action)
        self.status_buttons = []
        for status, label, key in (("done", QCoreApplication.translate("DecisionsPage", "Gereed"), "Ctrl+Shift+G"),
                                   ("dropped", QCoreApplication.translate("DecisionsPage", "Vervallen"), "Ctrl+Shift+V"),
                                   ("open", QCoreApplication.translate("DecisionsPage", "Heropenen"), "Ctrl+Shift+O")):
            button = QPushButton(label)
            button.setShortcut(key)
            button.clicked.connect(lambda _=False, s=status: self.set_status(s))
            self.status_buttons.append(button)
        self.summary = QLabel("")
        top = QHBoxLayout()
        title = QLabel(QCoreApplication.translate("DecisionsPage", "Besluiten"))
        title.setObjectName("emptyTitle")
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(add_decision)
        actions_bar = QHBoxLayout()
        title = QLabel(QCoreApplication.translate("DecisionsPage", "Acties"))
        title.setObjectName("emptyTitle")
        actions_bar.addWidget(title)
        actions_bar.addWidget(self.summary)
        actions_bar.addStretch(1)
        for button in self.status_buttons:
            actions_bar.addWidget(button)
        actions_bar.addWidget(add_action)
        upper, lower = QWidget(), QWidget()
        up = QVBoxLayout(upper)
        up.addLayout(top)
        up.addWidget(self.decision_table)
        down = QVBoxLayout(lower)
        down.addLayout(actions_bar)
        down.addWidget(self.action_table)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(upper)
        split.addWidget(lower)
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self.session.watch(WATCHED, self._on_changes, self)
        self.current.changed.connect(self._crisis_changed)
        self.refresh()

    def _on_changes(self, changes: Changes) -> None:
        if changes.concerns(self.current.id):
            self.refresh()

    def _crisis_changed(self, _crisis_id: str) -> None:
        self.refresh()

    def refresh(self) -> None:
        crisis_id = self.current.id
        if crisis_id is None:
            return
        try:
            self.decisions.set_items(picture_decisions.list_decisions(self.ctx.store, crisis_id))
            items = picture_actions.list_actions(self.ctx.store, crisis_id)
        except Exception as error:  # noqa: BLE001 - shown, not swallowed
            self.show_error(error)
            return
        self.actions.set_items(items)
        late = sum(1 for a in items if a.overdue)
        open_count = sum(1 for a in items if a.status == "open")
        self.summary.setText(QCoreApplication.translate("DecisionsPage", "%1 open, %2 te laat").replace("%1", str(open_count))
                             .replace("%2", str(late)))
        self.summary.setStyleSheet("color: #b00020; font-weight: bold;" if late else "")
        for table in (self.decision_table, self.action_table):
            table.resizeColumnsToContents()
            for column in range(table.model().columnCount() - 1):  # long texts wrap instead
                table.setColumnWidth(column, min(table.columnWidth(column), 320))
            table.resizeRowsToContents()

    def add_decision(self) -> None:
        from crisisconsole.ui.dialogs.decision_dialogs import DecisionDialog

        crisis_id = self.current.id
        if crisis_id is None:
            return
        recent = picker_entries(list_entries(self.ctx.store, crisis_id, limit=1000))
        dialog = DecisionDialog(recent, self.session.shown_name, self)
        ctx = self.ctx
        dialog.submit_through(self.session, lambda v: picture_decisions.add_decision(
            ctx, crisis_id, v["text"], v["rationale"], entry_ids=v["entry_ids"],
            decided_by=v["decided_by"], on_latest_snapshot=v["on_snapshot"]),
            lambda _d: self.refresh(), origin=self)
        self.dialog = dialog
        dialog.exec()

    def add_action(self) -> None:
        from crisisconsole.ui.dialogs.decision_dialogs import ActionDialog

        crisis_id = self.current.id
        if crisis_id is None:
            return
        dialog = ActionDialog(self)
        ctx = self.ctx
        dialog.submit_through(self.session, lambda v: picture_actions.add_action(
            ctx, crisis_id, v["text"], v["owner"], due=v["due"]),
            lambda _a: self.refresh(), origin=self)
        self.dialog = dialog
        dialog.exec()

    def set_status(self, status: str) -> None:
        index = self.action_table.selectionModel().currentIndex()
        if not index.isValid():
            return
        action_id, ctx = index.data(IdRole), self.ctx
        self.session.run(lambda: picture_actions.set_action_status(ctx, action_id, status),
                         lambda _a: self.refresh(), self.show_error, origin=self)


def make_page(page: PageContext) -> QWidget:
    return DecisionsPage(page)
