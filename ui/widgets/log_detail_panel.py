"""The detail panel: the whole history of the selected entry in one place (versions with old
texts struck through, who/when/why; assessments; links), its attachments (add more, save one
as a file) and the acts on it."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from crisisconsole.clock import format_local, parse_stored
from crisisconsole.domain.file_names import safe_file_name
from crisisconsole.domain.log_rules import source_label

QWIDGETSIZE_MAX = (1 << 24) - 1  # Qt's "no maximum"
translate = QCoreApplication.translate
RELIABILITY_NL = {"confirmed": QT_TRANSLATE_NOOP("LogDetailPanel", "Bevestigd"),
                  "hearsay": QT_TRANSLATE_NOOP("LogDetailPanel", "Van horen zeggen"),
                  "refuted": QT_TRANSLATE_NOOP("LogDetailPanel", "Ontkracht")}
KIND_NL = {"version": "Versie", "assessment": "Oordeel", "link": "Koppeling"}


def _local(value: str | None) -> str:
    return format_local(parse_stored(value)) if value else ""


def size_text(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} kB"
    return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")


def _conflict_box(head: str, ask: str, rows: list[str]) -> str:
    items = "".join(f"<li>{row}</li>" for row in rows)
    return (f"<div style='background:#ffe3c2; padding:4px'><p style='color:#8a3b00'><b>"
            f"{escape(head)}</b><br/>{escape(ask)}</p><ul>{items}</ul></div>")


def conflict_html(conflict: dict[str, Any] | None) -> str:
    """The versions and re-grades in conflict (team mode), above the history, until someone
    settles them."""
    if not conflict or not conflict.get("conflict"):
        return ""
    parts = []
    if conflict.get("versions"):
        parts.append(_conflict_box(
            translate("LogDetailPanel", "Gelijktijdige correcties"),
            translate("LogDetailPanel", "Twee laptops corrigeerden deze melding tegelijk. "
                                        "Kies een versie of typ een nieuwe tekst."),
            [f"<b>{_local(v['recorded_at'])}</b> · {escape(v['device'] or '-')}<br/>"
             f"{escape(v['text'])}" for v in conflict["versions"]]))
    if conflict.get("grades"):
        parts.append(_conflict_box(
            translate("LogDetailPanel", "Gelijktijdige herbeoordelingen"),
            translate("LogDetailPanel", "Twee laptops beoordeelden deze melding tegelijk "
                                        "opnieuw. Kies een oordeel."),
            [f"<b>{_local(g['at'])}</b> · {escape(g['device'] or '-')}<br/>"
             f"{escape(grade_text(g))}" for g in conflict["grades"]]))
    return "".join(parts)


def grade_text(grade: dict[str, Any]) -> str:
    """A re-grade in a few words: tag, Admiralty grade, by whom."""
    tag = translate("LogDetailPanel", RELIABILITY_NL.get(grade["reliability"],
                                                         grade["reliability"]))
    extra = f" {grade['grade']}" if grade.get("grade") else ""
    source = grade.get("confirming_source") or ""
    return f"{tag}{extra}" + (f" · {source}" if source else "")


def history_html(data: dict[str, Any]) -> str:
    e = data["entry"]
    tag = translate("LogDetailPanel", RELIABILITY_NL.get(e["reliability"], e["reliability"]))
    grade = f" {e['grade']}" if e["grade"] else ""
    marks = []
    if e["contradicted"]:
        said = translate("LogDetailPanel", "TEGENGESPROKEN")
        marks.append(f"<span style='color:#b00020'><b>{said}</b></span>")
    if e["withdrawn"]:
        marks.append("<b>" + translate("LogDetailPanel", "INGETROKKEN") + "</b>")
    if e["late"]:
        marks.append(translate("LogDetailPanel", "laat vastgelegd"))
    when = (translate("LogDetailPanel", "Gebeurd %1 · vastgelegd %2")
            .replace("%1", _local(e["occurred_at"])).replace("%2", _local(e["recorded_at"])))
    where = ("<br/>" + translate("LogDetailPanel", "Locatie: %1").replace("%1", escape(e["location"]))
             if e["location"] else "")
    parts = [
        f"<p><b>{escape(tag)}{escape(grade)}</b> · {escape(source_label(e['source']))}"
        f"{' (' + escape(e['person']) + ')' if e['person'] else ''}<br/>"
        f"{when}{where}"
        f"{'<br/>' + ' · '.join(marks) if marks else ''}</p>",
        f"<p style='font-size:12pt'>{escape(e['text'])}</p>",
        conflict_html(data.get("conflict")),
        "<h4>" + translate("LogDetailPanel", "Geschiedenis") + "</h4>",
    ]
    for item in data["history"]:
        line = f"<b>{_local(item['at'])}</b> {escape(item['summary'])}"
        if item["text"] is not None:
            text = escape(item["text"])
            line += ("<br/><s style='color:#7b8794'>" + text + "</s>" if item["superseded"]
                     else "<br/>" + text)
        parts.append(f"<p style='margin:0 0 6px 0'>{line}</p>")
    for w in data["withdrawals"]:
        said = translate("LogDetailPanel", "Ingetrokken door %1: %2").replace("%1", escape(w["actor"]))
        parts.append(f"<p><b>{_local(w['at'])}</b> {said.replace('%2', escape(w['reason']))}</p>")
    return "".join(parts)


class LogDetailPanel(QWidget):
    confirm_requested = Signal()
    refute_requested = Signal()
    correct_requested = Signal()
    link_requested = Signal()
    settle_requested = Signal()
    attach_requested = Signal()
    save_attachment_requested = Signal(str, str)  # attachment id, file name

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(320)
        self.title = QLabel(self.tr("Geen melding gekozen"))
        self.title.setObjectName("emptyTitle")
        self.title.setWordWrap(True)  # a longer language wraps in the narrow pane, not cut off
        self.browser = QTextBrowser()
        self.browser.setAccessibleName(self.tr("Geschiedenis van de melding"))
        self.confirm_button = QPushButton(self.tr("Bevestigen"))
        self.refute_button = QPushButton(self.tr("Ontkrachten"))
        self.correct_button = QPushButton(self.tr("Corrigeren"))
        self.link_button = QPushButton(self.tr("Koppelen"))
        self.confirm_button.setShortcut("Ctrl+Shift+B")
        self.refute_button.setShortcut("Ctrl+Shift+O")
        self.correct_button.setShortcut("Ctrl+Shift+C")
        self.link_button.setShortcut("Ctrl+Shift+K")
        self.buttons = buttons = QGridLayout()
        for number, (button, signal) in enumerate( ((self.confirm_button, self.confirm_requested),
                               (self.refute_button, self.refute_requested),
                               (self.correct_button, self.correct_requested),
                               (self.link_button, self.link_requested))):
            button.clicked.connect(signal)
            buttons.addWidget(button, number // 2, number % 2)
        self.settle_button = QPushButton(self.tr("Gelijktijdige correcties beslechten…"))
        self.settle_button.setObjectName("settleButton")
        self.settle_button.setAccessibleName(self.tr("Gelijktijdige correcties beslechten"))
        self.settle_button.clicked.connect(self.settle_requested)
        self.settle_button.hide()
        self.attachments_title = QLabel(self.tr("Bijlagen"))
        self.attachments_title.setObjectName("sectionTitle")
        self.attachment_list = QListWidget()
        self.attachment_list.setAccessibleName(self.tr("Bijlagen van de melding"))
        self.attachment_list.setMaximumHeight(84)
        self.attachment_list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.attachment_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.attach_button = QPushButton(self.tr("Bijlage toevoegen…"))
        self.save_attachment_button = QPushButton(self.tr("Opslaan als…"))
        self.attach_button.clicked.connect(self.attach_requested)
        self.save_attachment_button.clicked.connect(self._save_selected)
        self.attachment_list.itemDoubleClicked.connect(lambda _item: self._save_selected())
        self.attachment_list.currentRowChanged.connect(self._attachment_selected)
        # One under the other: side by side they do not fit the pane in a longer language.
        attachment_buttons = QVBoxLayout()
        attachment_buttons.addWidget(self.attach_button)
        attachment_buttons.addWidget(self.save_attachment_button)
        self.attachment_note = QLabel()
        self.attachment_note.setWordWrap(True)
        self.attachment_note.hide()
        self.attachments_box = QWidget()
        attachments = QVBoxLayout(self.attachments_box)
        attachments.setContentsMargins(0, 0, 0, 0)
        attachments.addWidget(self.attachments_title)
        attachments.addWidget(self.attachment_list)
        attachments.addLayout(attachment_buttons)
        attachments.addWidget(self.attachment_note)
        attachments.addStretch(0)
        self.body = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.body.addWidget(self.browser, 1)
        self.body.addWidget(self.attachments_box)
        self.head = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.head.addWidget(self.title)
        self.head.addLayout(buttons)
        self.head.addWidget(self.settle_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(self.head)
        layout.addLayout(self.body, 1)
        self.entry_id: str | None = None
        self.show_history(None)

    def set_beside(self, beside: bool) -> None:
        """Beside the table (a narrow column): buttons two by two, attachments below the
        history. Below the table (a wide, low strip): the title and the buttons in one row and
        the attachments to the right of the history, so the table keeps most of the height."""
        acts = (self.confirm_button, self.refute_button, self.correct_button, self.link_button)
        for number, button in enumerate(acts):
            self.buttons.removeWidget(button)
            if beside:
                self.buttons.addWidget(button, number // 2, number % 2)
            else:
                self.buttons.addWidget(button, 0, number)
        direction = (QBoxLayout.Direction.TopToBottom if beside
                     else QBoxLayout.Direction.LeftToRight)
        self.head.setDirection(direction)
        self.body.setDirection(direction)
        self.attachments_box.setFixedWidth(QWIDGETSIZE_MAX if beside else 320)
        if beside:
            self.attachments_box.setMinimumWidth(0)

    def show_history(self, data: dict[str, Any] | None) -> None:
        new_id = data["entry"]["id"] if data else None
        if new_id != self.entry_id:
            self.note("")
        self.entry_id = new_id
        for button in (self.confirm_button, self.refute_button, self.correct_button,
                       self.link_button):
            button.setEnabled(data is not None)
        conflict = (data or {}).get("conflict") or {}
        self.settle_button.setVisible(bool(conflict.get("conflict")))
        self.settle_button.setText(
            self.tr("Gelijktijdige herbeoordelingen beslechten…")
            if conflict.get("conflict") == "concurrent_regrades"
            else self.tr("Gelijktijdige correcties beslechten…"))
        self._show_attachments(data["attachments"] if data else [])
        self.attach_button.setEnabled(data is not None and not data["entry"]["withdrawn"])
        if data is None:
            self.title.setText(self.tr("Geen melding gekozen"))
            self.browser.setHtml("<p>" + self.tr("Kies een melding in de lijst.") + "</p>")
            return
        self.title.setText(self.tr("Melding (versie %1)").replace(
            "%1", str(data["entry"]["version"])))
        self.browser.setHtml(history_html(data))

    def note(self, text: str, error: bool = False) -> None:
        """A line under the attachments (saved to..., refused because...)."""
        self.attachment_note.setStyleSheet(f"color: {'#b00020' if error else '#1b7f3b'};")
        self.attachment_note.setText(text)
        self.attachment_note.setVisible(bool(text))

    def _show_attachments(self, attachments: list[dict[str, Any]]) -> None:
        selected = self.selected_attachment()
        self.attachment_list.clear()
        for item in attachments:
            name = safe_file_name(item["filename"])  # also the default name when saving
            row = QListWidgetItem(f"{name}  ·  {size_text(item['size'])}")
            row.setData(Qt.ItemDataRole.UserRole, (item["id"], name))
            row.setToolTip(f"{name} ({item['mime'] or '?'}), "
                           f"{_local(item['recorded_at'])}, {item['actor']}")
            self.attachment_list.addItem(row)
            if selected and selected[0] == item["id"]:
                self.attachment_list.setCurrentItem(row)
        if attachments and self.attachment_list.currentRow() < 0:
            self.attachment_list.setCurrentRow(0)
        if not attachments:
            empty = QListWidgetItem(self.tr("Geen bijlagen"))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.attachment_list.addItem(empty)
        self.attachments_title.setText(self.tr("Bijlagen (%1)").replace(
            "%1", str(len(attachments))))
        self._attachment_selected()

    def selected_attachment(self) -> tuple[str, str] | None:
        item = self.attachment_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _attachment_selected(self, _row: int = -1) -> None:
        self.save_attachment_button.setEnabled(self.selected_attachment() is not None)

    def _save_selected(self) -> None:
        chosen = self.selected_attachment()
        if chosen is not None:
            self.save_attachment_requested.emit(*chosen)
