"""Curation of the topics on the Totaalbeeld page (issue 13, item 7): the crisis's topics in a
table (closed ones included, with a trend badge), and the aide's acts on the selected topic
from a context menu, a "Bewerken" button with the same menu, and shortcuts:

    F2 rename · Ctrl+M merge · Ctrl+Shift+S split · Ctrl+Shift+M move an entry ·
    Ctrl+P pin / unpin · Ctrl+Shift+A close / reopen · Ctrl+Shift+T statement · Enter evidence

The shortcuts live on the table (``WidgetWithChildrenShortcut``): they act only when the
topic list has focus, so they never compete with the window's menu (Ctrl+B, Ctrl+G, Ctrl+L,
Ctrl+N, Ctrl+1..6) or another page's keys. Each act is one service call; acts that need input
open a dialog (topic_dialogs.py) that shows a refusal and stays open; pin and close show a
refusal in the panel's message line. The panel is refreshed by the page: by the page's watch
on the change feed, and after its own acts (started with the page as ``origin``, so the feed
does not bring them back a second time).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crisisconsole.errors import CrisisConsoleError
from crisisconsole.ui.models.topics_model import TopicsModel

translate = QCoreApplication.translate
SHORTCUTS = {"rename": "F2", "merge": "Ctrl+M", "split": "Ctrl+Shift+S",
             "move": "Ctrl+Shift+M", "pin": "Ctrl+P", "close": "Ctrl+Shift+A",
             "statement": "Ctrl+Shift+T"}


def action_labels() -> dict[str, str]:
    return {"rename": translate("TopicPanel", "Hernoemen…"),
            "merge": translate("TopicPanel", "Samenvoegen met…"),
            "split": translate("TopicPanel", "Splitsen…"),
            "move": translate("TopicPanel", "Melding verplaatsen…"),
            "pin": translate("TopicPanel", "Vastpinnen / losmaken"),
            "close": translate("TopicPanel", "Afhandelen / heropenen"),
            "statement": translate("TopicPanel", "Stand formuleren…")}


class TopicPanel(QWidget):
    def __init__(self, page) -> None:  # noqa: ANN001 - PicturePage
        super().__init__()
        self.page = page
        self.session = page.session
        self.model = TopicsModel(self)
        self.dialog = None
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(translate("TopicPanel", "Onderwerpen"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in enumerate((0, 150, 150, 90, 110, 170, 150)):
            if width:
                self.table.setColumnWidth(column, width)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.activated.connect(lambda _index: self.open_evidence())
        self.actions: dict[str, QAction] = {}
        for kind, label in action_labels().items():
            action = QAction(label, self.table)
            action.setShortcut(QKeySequence(SHORTCUTS[kind]))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _=False, k=kind: self.act(k))
            self.table.addAction(action)
            self.actions[kind] = action
        self.edit_button = QPushButton(translate("TopicPanel", "Bewerken"))
        self.edit_button.setMenu(self._menu(self.edit_button))
        self.message = QLabel("")
        self.message.setObjectName("topicMessage")
        self.message.setStyleSheet("color: #b00020")  # refusals: AA on the light theme
        self.message.setWordWrap(True)
        title = QLabel(translate("TopicPanel", "Onderwerpen (beheer)"))
        title.setObjectName("sectionTitle")
        top = QHBoxLayout()
        top.addWidget(title)
        top.addWidget(self.message, 1)
        top.addWidget(self.edit_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

    def _menu(self, parent: QWidget) -> QMenu:
        menu = QMenu(parent)
        for action in self.actions.values():
            menu.addAction(action)
        return menu

    def _context_menu(self, point: QPoint) -> None:
        if self.current() is not None:
            self._menu(self.table).popup(self.table.viewport().mapToGlobal(point))

    # -- data ---------------------------------------------------------------------------------
    def set_topics(self, views: list) -> None:
        """The crisis's topics as the page read them (off the GUI thread), the selection kept."""
        selected = self.current()
        self.model.set_items(views)
        if selected is not None:
            self.select(selected.id)

    def current(self) -> Any:  # noqa: ANN401 - TopicView
        index = self.table.currentIndex()
        return self.model.topic(index.row()) if index.isValid() else None

    def select(self, topic_id: str) -> bool:
        for row, view in enumerate(self.model.items):
            if view.id == topic_id:
                self.table.selectRow(row)
                self.table.setCurrentIndex(self.model.index(row, 0))
                return True
        return False

    # -- acts ---------------------------------------------------------------------------------
    def act(self, kind: str) -> None:
        """One act on the selected topic: a dialog where input is needed, else one call."""
        topic = self.current()
        crisis_id = self.page.current.id
        if topic is None or crisis_id is None:
            self.message.setText(translate("TopicPanel", "Kies eerst een onderwerp."))
            return
        self.message.setText("")
        if kind in ("pin", "close"):
            fact = {"pin": "unpin" if topic.pinned else "pin",
                    "close": "reopen" if topic.closed else "close"}[kind]
            self._record(crisis_id, fact, topic)
            return
        from crisisconsole.services.picture.topics import topic_entries
        from crisisconsole.ui.dialogs.topic_dialogs import TopicActDialog

        others = [v for v in self.model.items if v.id != topic.id]
        entries = (topic_entries(self.session.ctx.store, crisis_id, topic.id)
                   if kind in ("split", "move") else [])
        self.dialog = TopicActDialog(self.session, crisis_id, kind, topic, self,
                                     others=others, entries=entries, done=self._after,
                                     origin=self.page)
        self.dialog.open()

    def _record(self, crisis_id: str, kind: str, topic: Any) -> None:  # noqa: ANN401
        from crisisconsole.services.picture.topics import record_topic_fact

        ctx = self.session.ctx
        self.session.run(lambda: record_topic_fact(ctx, crisis_id, kind, [topic.id]),
                         self._after, self._failed, origin=self.page)

    def _after(self, view: Any) -> None:  # noqa: ANN401 - TopicView
        self.page.refresh()
        if view is not None:
            self.page.select_topic(view.id)  # in the list as it is read again

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, CrisisConsoleError):
            self.message.setText(str(error))
            return
        self.page.show_error(error)

    def open_evidence(self) -> None:
        topic = self.current()
        if topic is not None:
            from crisisconsole.ui.views import picture_topics

            picture_topics.open_topic_link(self.page, f"topic:{topic.id}")
