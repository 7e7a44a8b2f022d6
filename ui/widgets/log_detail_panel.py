"""The detail panel: the whole history of the selected entry in one place (versions with old
texts struck through, who/when/why; assessments; links) and the acts on it."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from crisisconsole.clock import format_local, parse_iso
from crisisconsole.domain.log_rules import source_label

RELIABILITY_NL = {"confirmed": "Bevestigd", "hearsay": "Van horen zeggen", "refuted": "Ontkracht"}
KIND_NL = {"version": "Versie", "assessment": "Oordeel", "link": "Koppeling"}


def _local(value: str | None) -> str:
    return format_local(parse_iso(value)) if value else ""


def history_html(data: dict[str, Any]) -> str:
    e = data["entry"]
    tag = RELIABILITY_NL.get(e["reliability"], e["reliability"])
    grade = f" {e['grade']}" if e["grade"] else ""
    marks = []
    if e["contradicted"]:
        marks.append("<span style='color:#b00020'><b>TEGENGESPROKEN</b></span>")
    if e["withdrawn"]:
        marks.append("<b>INGETROKKEN</b>")
    if e["late"]:
        marks.append("laat vastgelegd")
    parts = [
        f"<p><b>{escape(tag)}{escape(grade)}</b> · {escape(source_label(e['source']))}"
        f"{' (' + escape(e['person']) + ')' if e['person'] else ''}<br/>"
        f"Gebeurd {_local(e['occurred_at'])} · vastgelegd {_local(e['recorded_at'])}"
        f"{'<br/>Locatie: ' + escape(e['location']) if e['location'] else ''}"
        f"{'<br/>' + ' · '.join(marks) if marks else ''}</p>",
        f"<p style='font-size:12pt'>{escape(e['text'])}</p>",
        "<h4>Geschiedenis</h4>",
    ]
    for item in data["history"]:
        line = f"<b>{_local(item['at'])}</b> {escape(item['summary'])}"
        if item["text"] is not None:
            text = escape(item["text"])
            line += ("<br/><s style='color:#7b8794'>" + text + "</s>" if item["superseded"]
                     else "<br/>" + text)
        parts.append(f"<p style='margin:0 0 6px 0'>{line}</p>")
    for w in data["withdrawals"]:
        parts.append(f"<p><b>{_local(w['at'])}</b> Ingetrokken door {escape(w['actor'])}: "
                     f"{escape(w['reason'])}</p>")
    parts.append(f"<p style='color:#7b8794'>#{e['id'][-8:]}</p>")
    return "".join(parts)


class LogDetailPanel(QWidget):
    confirm_requested = Signal()
    refute_requested = Signal()
    correct_requested = Signal()
    link_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(320)
        self.title = QLabel(self.tr("Geen melding gekozen"))
        self.title.setObjectName("emptyTitle")
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
        buttons = QGridLayout()
        for number, (button, signal) in enumerate( ((self.confirm_button, self.confirm_requested),
                               (self.refute_button, self.refute_requested),
                               (self.correct_button, self.correct_requested),
                               (self.link_button, self.link_requested))):
            button.clicked.connect(signal)
            buttons.addWidget(button, number // 2, number % 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.title)
        layout.addLayout(buttons)
        layout.addWidget(self.browser, 1)
        self.entry_id: str | None = None
        self.show_history(None)

    def show_history(self, data: dict[str, Any] | None) -> None:
        self.entry_id = data["entry"]["id"] if data else None
        for button in (self.confirm_button, self.refute_button, self.correct_button,
                       self.link_button):
            button.setEnabled(data is not None)
        if data is None:
            self.title.setText(self.tr("Geen melding gekozen"))
            self.browser.setHtml("<p>" + self.tr("Kies een melding in de lijst.") + "</p>")
            return
        self.title.setText(self.tr("Melding (versie %1)").replace(
            "%1", str(data["entry"]["version"])))
        self.browser.setHtml(history_html(data))
