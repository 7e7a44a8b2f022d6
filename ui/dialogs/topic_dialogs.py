"""The aide's acts on a topic that need input (issue 13, item 7): rename, statement, merge,
split and move an entry. Each OK is ONE service call (``record_topic_fact``) on the session's
writer; a refusal ("een onderwerp met één melding kan niet gesplitst worden") is shown in the
dialog, which stays open with what was typed, so nothing is lost and the aide can change it.
What is missing (no topic or entry ticked, no target) is said beside the list before anything
is sent (ValidatedDialog).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crisisconsole.clock import format_local
from crisisconsole.errors import CrisisConsoleError
from crisisconsole.ui.dialogs.validated_dialog import ValidatedDialog

translate = QCoreApplication.translate


def titles() -> dict[str, str]:
    return {"rename": translate("TopicDialog", "Onderwerp hernoemen"),
            "statement": translate("TopicDialog", "Stand van het onderwerp"),
            "merge": translate("TopicDialog", "Onderwerpen samenvoegen"),
            "split": translate("TopicDialog", "Onderwerp splitsen"),
            "move": translate("TopicDialog", "Melding verplaatsen")}


def _entry_label(entry: Any) -> str:  # noqa: ANN401 - TopicEntry
    return f"{format_local(entry.occurred_at)} · {entry.source} · {entry.text}"


class TopicActDialog(ValidatedDialog):
    """One act on ``topic``; ``others``: the crisis's other topics (merge, move), ``entries``:
    the topic's entries (split, move)."""

    def __init__(self, session, crisis_id: str, kind: str, topic: Any,  # noqa: ANN001, ANN401
                 parent: QWidget | None = None, *, others: list[Any] = (),  # noqa: B006
                 entries: list[Any] = (),  # noqa: B006
                 done: Callable[[Any], None] | None = None,
                 origin: object | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.origin = origin  # who started the act (the page), for the change feed
        self.crisis_id = crisis_id
        self.kind = kind
        self.topic = topic
        self.done_callback = done
        self.setWindowTitle(titles()[kind])
        self.setMinimumWidth(560)
        self.resize(780, 420)
        form = QFormLayout()
        form.addRow(QLabel(translate("TopicDialog", "Onderwerp:")), QLabel(topic.title))
        self.text: QLineEdit | None = None
        self.topics: QListWidget | None = None
        self.entries: QListWidget | None = None
        self.target: QComboBox | None = None
        if kind in ("rename", "statement", "split"):
            self.text = QLineEdit(topic.title if kind == "rename" else
                                  (topic.statement or "") if kind == "statement" else "")
            self.text.setAccessibleName(translate("TopicDialog", "Tekst"))
            label = {"rename": translate("TopicDialog", "Nieuwe titel (leeg: automatisch):"),
                     "statement": translate("TopicDialog", "Stand in één zin (leeg: automatisch):"),
                     "split": translate("TopicDialog", "Titel van het nieuwe onderwerp:")}[kind]
            form.addRow(label, self.text)
        if kind == "merge":
            self.topics = QListWidget()
            self.topics.setAccessibleName(translate("TopicDialog", "Samen te voegen onderwerpen"))
            for other in others:
                item = QListWidgetItem(other.title)
                item.setData(Qt.ItemDataRole.UserRole, other.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
                self.topics.addItem(item)
            form.addRow(translate("TopicDialog", "Voeg samen met:"), self.topics)
        if kind in ("split", "move"):
            self.entries = QListWidget()
            self.entries.setAccessibleName(translate("TopicDialog", "Meldingen"))
            for entry in entries:
                item = QListWidgetItem(_entry_label(entry))
                item.setData(Qt.ItemDataRole.UserRole, entry.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
                self.entries.addItem(item)
            form.addRow(translate("TopicDialog", "Meldingen:"), self.entries)
        if kind == "move":
            self.target = QComboBox()
            self.target.setAccessibleName(translate("TopicDialog", "Naar onderwerp"))
            for other in others:
                self.target.addItem(other.title, other.id)
            form.addRow(translate("TopicDialog", "Naar onderwerp:"), self.target)
        self.message = QLabel("")
        self.message.setObjectName("errorText")
        self.message.setStyleSheet("color: #b00020")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    @staticmethod
    def _checked(widget: QListWidget | None) -> list[str]:
        if widget is None:
            return []
        return [widget.item(i).data(Qt.ItemDataRole.UserRole) for i in range(widget.count())
                if widget.item(i).checkState() == Qt.CheckState.Checked]

    def call(self) -> tuple[list[str], list[str], str | None]:
        """What the act says: (topic ids, entry ids, text), as ``record_topic_fact`` takes."""
        text = self.text.text().strip() if self.text is not None else None
        if self.kind == "merge":
            return [self.topic.id, *self._checked(self.topics)], [], None
        if self.kind == "move":
            target = self.target.currentData() if self.target is not None else None
            return [target] if target else [], self._checked(self.entries), None
        if self.kind == "split":
            return [self.topic.id], self._checked(self.entries), text or None
        return [self.topic.id], [], text

    def problems(self) -> dict[QWidget, str]:
        """What the act needs before it can go to the service."""
        if self.kind == "merge" and not self._checked(self.topics):
            return {self.topics: translate("TopicDialog", "Vink de onderwerpen aan die erbij "
                                                          "komen.")}
        if self.kind in ("split", "move") and not self._checked(self.entries):
            return {self.entries: translate("TopicDialog", "Vink de meldingen aan.")}
        if self.kind == "move" and (self.target is None or not self.target.currentData()):
            return {self.target or self.entries: translate("TopicDialog",
                                                           "Kies het onderwerp.")}
        return {}

    def accept(self) -> None:
        self.submit()

    def submit(self) -> None:
        """OK: check, then ONE service call on the writer; closes once it is recorded."""
        from crisisconsole.services.picture.topics import record_topic_fact

        problems = self.problems()
        self.show_problems(problems)
        if problems:
            return
        topic_ids, entry_ids, text = self.call()
        ctx, crisis_id, kind = self.session.ctx, self.crisis_id, self.kind
        self.message.setText("")
        self.buttons.setEnabled(False)
        self.session.run(lambda: record_topic_fact(ctx, crisis_id, kind, topic_ids,
                                                   entry_ids=entry_ids, text=text),
                         self._done, self._failed, origin=self.origin)

    def _done(self, view: Any) -> None:  # noqa: ANN401 - TopicView
        self.buttons.setEnabled(True)
        if self.done_callback is not None:
            self.done_callback(view)
        QDialog.accept(self)

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(error, CrisisConsoleError):
            self.message.setText(error.message)
            return
        from crisisconsole.ui.errors import show_error

        show_error(self, error)
