"""The quick-entry bar on top of the log: keyboard first. Enter saves; the last source and tag
stay for the next entry (and across restarts: the page keeps them in the settings). Files can
go with the entry ("Bijlage…"); one over the size limit is refused when it is chosen, before
anything is saved. A failed write keeps the text with the message and a retry."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crisisconsole.domain.file_names import safe_file_name
from crisisconsole.domain.log_rules import MAX_ATTACHMENT_BYTES, EntryInvalid
from crisisconsole.domain.typed_times import typed_clock_time
from crisisconsole.errors import CrisisConsoleError
from crisisconsole.services.log.record import EntryDraft
from crisisconsole.ui.widgets.flow_layout import FlowLayout


class QuickEntryBar(QWidget):
    submitted = Signal(dict)  # the page reads ``draft()`` and writes it through the session

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quickEntry")
        self.text_edit = QLineEdit()
        self.text_edit.setPlaceholderText(self.tr("Nieuwe melding… (Enter slaat op)"))
        self.text_edit.setAccessibleName(self.tr("Melding"))
        self.source_box = QComboBox()
        self.source_box.setEditable(True)
        self.source_box.setAccessibleName(self.tr("Bron"))
        self.source_box.setMinimumWidth(150)
        self.person_edit = QLineEdit()
        self.person_edit.setPlaceholderText(self.tr("Persoon/kanaal"))
        self.person_edit.setAccessibleName(self.tr("Persoon of kanaal"))
        self.person_edit.setMaximumWidth(140)
        self.location_edit = QLineEdit()
        self.location_edit.setPlaceholderText(self.tr("Locatie"))
        self.location_edit.setAccessibleName(self.tr("Locatie"))
        self.location_edit.setToolTip(self.tr("Locatie: een plaatsnaam van de gemeente zet de "
                                              "melding op de kaart"))
        self.location_edit.setMaximumWidth(150)
        self._places = QStringListModel(self)
        completer = QCompleter(self._places, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.location_edit.setCompleter(completer)
        self.tag_box = QComboBox()
        self.tag_box.addItem(self.tr("Van horen zeggen"), "hearsay")
        self.tag_box.addItem(self.tr("Bevestigd"), "confirmed")
        self.tag_box.setAccessibleName(self.tr("Betrouwbaarheid"))
        self.confirmed_edit = QLineEdit()
        self.confirmed_edit.setPlaceholderText(self.tr("Bevestigd door"))
        self.confirmed_edit.setAccessibleName(self.tr("Bevestigd door"))
        self.confirmed_edit.setMaximumWidth(130)
        self.grade_edit = QLineEdit()
        self.grade_edit.setPlaceholderText(self.tr("B2"))
        self.grade_edit.setAccessibleName(self.tr("Beoordeling (A–F, 1–6)"))
        self.grade_edit.setMaximumWidth(44)
        self.time_edit = QLineEdit()
        self.time_edit.setPlaceholderText(self.tr("uu:mm"))
        self.time_edit.setAccessibleName(self.tr("Tijdstip gebeurd"))
        self.time_edit.setToolTip(self.tr("Tijdstip gebeurd (leeg: nu)"))
        self.time_edit.setMaximumWidth(56)
        self.attach_button = QPushButton(self.tr("Bijlage…"))
        self.attach_button.setToolTip(self.tr("Bestanden bij deze melding (maximaal %1 MB per "
                                              "bestand)").replace(
            "%1", str(MAX_ATTACHMENT_BYTES // (1024 * 1024))))
        self.save_button = QPushButton(self.tr("Vastleggen"))
        self.attachment_paths: list[Path] = []
        self.attach_label = QLabel()
        self.attach_label.setObjectName("attachmentNames")
        self.attach_label.setAccessibleName(self.tr("Gekozen bijlagen"))
        self.attach_clear = QToolButton()
        self.attach_clear.setText("×")
        self.attach_clear.setToolTip(self.tr("Bijlagen weghalen"))
        self.attach_clear.setAccessibleName(self.tr("Bijlagen weghalen"))
        self.attach_clear.clicked.connect(self.clear_attachments)
        self.message = QLabel()
        self.message.setObjectName("dialogMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        self.retry_button = QPushButton(self.tr("Opnieuw proberen"))
        self.retry_button.hide()
        # The text has a line of its own: beside the other fields it got a few characters on a
        # 1280-px laptop. The fields that go with it wrap below it (FlowLayout).
        first = QHBoxLayout()
        first.setContentsMargins(0, 0, 0, 0)
        first.addWidget(self.text_edit, 1)
        first.addWidget(self.save_button)
        fields = FlowLayout()
        for widget in (self.source_box, self.person_edit, self.location_edit, self.tag_box,
                       self.confirmed_edit, self.grade_edit, self.time_edit, self.attach_button):
            fields.addWidget(widget)
        row = QVBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        row.addLayout(first)
        row.addLayout(fields)
        status = QHBoxLayout()
        status.setContentsMargins(0, 0, 0, 0)
        status.addWidget(self.attach_label)
        status.addWidget(self.attach_clear)
        status.addWidget(self.message, 1)
        status.addWidget(self.retry_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addLayout(row)
        layout.addLayout(status)
        self.text_edit.returnPressed.connect(self.submit)
        for edit in (self.person_edit, self.location_edit, self.grade_edit, self.time_edit,
                     self.confirmed_edit):
            edit.returnPressed.connect(self.submit)
        self.save_button.clicked.connect(self.submit)
        self.attach_button.clicked.connect(self.choose_attachments)
        self.retry_button.clicked.connect(self.submit)
        self.tag_box.currentIndexChanged.connect(self._tag_changed)
        self._tag_changed()
        self._show_attachments()
        self.busy = False

    def set_sources(self, sources: list[tuple[str, str]], preferred: str | None = None) -> None:
        """(id, label) pairs; keeps what is selected or typed. With nothing yet, it starts on
        `preferred` (the last source used) or else the first of the list: never empty."""
        current = self.source_box.currentText()
        self.source_box.blockSignals(True)
        self.source_box.clear()
        for source_id, label in sources:
            self.source_box.addItem(label, source_id)
        if current.strip():
            self.source_box.setCurrentIndex(-1)
            self.source_box.setEditText(current)
        elif sources:
            self.source_box.setCurrentIndex(max(0, self.source_box.findData(preferred)))
        self.source_box.blockSignals(False)

    def set_places(self, names: list[str]) -> None:
        """The gazetteer's names and aliases, offered while typing a location (any text is
        still taken: a place not in the gazetteer is kept as typed)."""
        self._places.setStringList(names)

    def set_reliability(self, tag: str | None) -> None:
        """Start on a remembered tag (hearsay when unknown)."""
        self.tag_box.setCurrentIndex(max(0, self.tag_box.findData(tag)))

    # -- attachments ---------------------------------------------------------------------------
    def choose_attachments(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(self, self.tr("Bijlagen kiezen"))
        self.add_attachment_files(paths)

    def add_attachment_files(self, paths: list[str]) -> None:
        """Take the chosen files; one over the limit is refused now, with a message (the typed
        text stays), so the save itself does not fail on it."""
        refused = []
        for name in paths:
            path = Path(name)
            try:
                size = os.path.getsize(path)
            except OSError:
                refused.append(self.tr("%1 is niet te lezen").replace("%1", path.name))
                continue
            if size > MAX_ATTACHMENT_BYTES:
                refused.append(self.tr("%1 is te groot (%2 MB, maximaal %3 MB)")
                               .replace("%1", path.name).replace("%2", _mb(size))
                               .replace("%3", _mb(MAX_ATTACHMENT_BYTES)))
            elif path not in self.attachment_paths:
                self.attachment_paths.append(path)
        self._show_attachments()
        if refused:
            self.message.setText("; ".join(refused) + ". " + self.tr("Niet toegevoegd."))
            self.message.show()
            self.retry_button.hide()
        self.text_edit.setFocus()

    def clear_attachments(self) -> None:
        self.attachment_paths.clear()
        self._show_attachments()

    def _show_attachments(self) -> None:
        names = ", ".join(safe_file_name(p.name) for p in self.attachment_paths)
        self.attach_label.setText(self.tr("Bijlagen: %1").replace("%1", names) if names else "")
        self.attach_label.setToolTip("\n".join(safe_file_name(p.name)
                                                for p in self.attachment_paths))
        self.attach_label.setVisible(bool(names))
        self.attach_clear.setVisible(bool(names))
        self.attach_button.setText(
            self.tr("Bijlage…") if not names else
            self.tr("Bijlage… (%1)").replace("%1", str(len(self.attachment_paths))))

    def _tag_changed(self) -> None:
        self.confirmed_edit.setEnabled(self.tag_box.currentData() == "confirmed")

    def occurred_at(self, now: datetime) -> datetime | None:
        """The typed time (domain.typed_times: after midnight, a later time was yesterday)."""
        return typed_clock_time(self.time_edit.text(), now)

    def draft(self, now: datetime) -> EntryDraft:
        """The entry as typed, for services.log.record (a new source name joins the list)."""
        index = self.source_box.findText(self.source_box.currentText())
        source = (self.source_box.itemData(index) if index >= 0
                  else self.source_box.currentText().strip())
        confirmed = self.tag_box.currentData() == "confirmed"
        return EntryDraft(
            self.text_edit.text(), source, person=self.person_edit.text().strip() or None,
            location=self.location_edit.text().strip() or None,
            reliability=self.tag_box.currentData(),
            confirmed_by=(self.confirmed_edit.text().strip() or None) if confirmed else None,
            grade=self.grade_edit.text().strip() or None, occurred_at=self.occurred_at(now),
            attachment_paths=tuple(self.attachment_paths))

    def submit(self) -> None:
        if self.busy:
            return
        self.submitted.emit({})

    def saving(self) -> None:
        self.busy = True
        self.save_button.setEnabled(False)
        self.message.setText(self.tr("Bezig met vastleggen…"))
        self.message.show()

    def saved(self) -> None:
        """Clear the text and the location; source, person and tag stay (the next line is
        often the same)."""
        self.busy = False
        self.save_button.setEnabled(True)
        self.text_edit.clear()
        self.grade_edit.clear()
        self.time_edit.clear()
        self.location_edit.clear()
        self.clear_attachments()
        self.message.clear()
        self.message.hide()
        self.retry_button.hide()
        self.text_edit.setFocus()

    def failed(self, error: BaseException) -> None:
        """The typed text stays; the message says why; a write failure offers a retry."""
        self.busy = False
        self.save_button.setEnabled(True)
        message = error.message if isinstance(error, CrisisConsoleError) else str(error)
        self.message.setText(message)
        self.message.show()
        self.retry_button.setVisible(not isinstance(error, EntryInvalid))
        field = getattr(error, "field", "")
        target = {"source": self.source_box, "grade": self.grade_edit,
                  "occurred_at": self.time_edit, "location": self.location_edit,
                  "confirmed_by": self.confirmed_edit,
                  "attachments": self.attach_button}.get(
            field, self.text_edit)
        target.setFocus()


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".replace(".", ",")
