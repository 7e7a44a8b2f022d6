"""The log entries behind one item of the picture: time, source, reliability, text, and the
entry's whole history, so the aide can check what the picture rests on."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from crisisconsole.clock import format_local
from crisisconsole.domain.log_rules import source_label
from crisisconsole.errors import NotFoundError
from crisisconsole.interchange.picture_html import badge
from crisisconsole.services.log.queries import entry_history


def entries_html(store, entry_ids: list[str]) -> str:  # noqa: ANN001 - Store
    parts = []
    translate = QCoreApplication.translate
    unknown = translate("PictureEntriesDialog", "Onbekende melding")
    source = translate("PictureEntriesDialog", "Bron")
    occurred = translate("PictureEntriesDialog", "Tijdstip gebeurd")
    recorded = translate("PictureEntriesDialog", "Vastgelegd")
    for entry_id in entry_ids:
        try:
            state, facts = entry_history(store, entry_id)
        except NotFoundError:
            parts.append(f"<p>{escape(unknown)}</p>")
            continue
        entry = facts.entry
        parts.append(
            f"<h3>{format_local(entry['occurred_at'])} · {escape(source_label(entry['source']))}"
            f" — {badge(state.reliability.value, state.grade)}</h3>"
            f"<p><b>{escape(state.text)}</b></p>"
            f"<p>{escape(source)}: {escape(source_label(entry['source']))} · "
            f"{escape(occurred)}: {format_local(entry['occurred_at'])} · "
            f"{escape(recorded)}: {format_local(entry['recorded_at'])}</p>")
        history = "".join(
            f"<li>{format_local(h.at)} — {'<s>' if h.superseded else ''}{escape(h.summary)}"
            f"{'</s>' if h.superseded else ''}</li>" for h in state.history)
        parts.append(f"<ul>{history}</ul>")
    return "<html><body>" + "".join(parts) + "</body></html>"


class PictureEntriesDialog(QDialog):
    def __init__(self, store, entry_ids: list[str], parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("PictureEntriesDialog", "Meldingen achter dit item"))
        self.resize(720, 520)
        self.entry_ids = entry_ids
        self.view = QTextBrowser()
        self.view.setHtml(entries_html(store, entry_ids))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(buttons)

