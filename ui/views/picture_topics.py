"""The Totaalbeeld page's topic parts (issue 13): a topic's evidence one click away (its
entries, newest first), the full list of a discipline's topics ("+ N more", closed ones
included), and the shift handover button. Kept apart from picture_page.py so the page's
wiring to the change feed stays in one place."""

from __future__ import annotations

from datetime import timedelta
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QTextBrowser, QVBoxLayout, QWidget

from crisisconsole.interchange.picture_topics_html import topic_item

HANDOVER_HOURS = 8  # without a briefing snapshot: the handover covers the last shift


translate = QCoreApplication.translate


def _show_html(parent: QWidget, title: str, html: str) -> QDialog:
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    dialog.resize(820, 600)
    view = QTextBrowser(dialog)
    view.setAccessibleName(title)
    view.setHtml(html)
    layout = QVBoxLayout(dialog)
    layout.addWidget(view)
    dialog.open()
    return dialog


def open_topic_link(page, text: str) -> bool:  # noqa: ANN001 - PicturePage
    """Handle ``topic:<id>`` (its entries) and ``more:<discipline>`` (the full list)."""
    crisis_id = page.current.id
    if crisis_id is None:
        return False
    if text.startswith("topic:"):
        from crisisconsole.services.picture.topics import get_topic
        from crisisconsole.ui.dialogs.picture_entries_dialog import PictureEntriesDialog

        view = get_topic(page.ctx.store, crisis_id, text[len("topic:"):])
        dialog = PictureEntriesDialog(page.ctx.store, list(view.entry_ids), page)
        dialog.setWindowTitle(view.title)
        dialog.open()
        return True
    if text.startswith("more:"):
        from crisisconsole.domain.topic_picture import section_key
        from crisisconsole.services.picture.topics import list_topics

        key = text[len("more:"):]
        as_of = (page.picture or {}).get("header", {}).get("as_of")
        views = [v for v in list_topics(page.ctx.store, crisis_id, include_closed=True)
                 if section_key(v) == key]
        items = "".join(topic_item(v.as_json(), as_of, screen=True).replace(
            "<li>", "<li>" + ("<i>[" + escape(translate("PictureTopics", "afgehandeld")) + "]</i> " if v.closed
                              else ""), 1) for v in views)
        page.topics_dialog = _show_html(page, translate("PictureTopics", "Alle onderwerpen"), f"<ul>{items}</ul>")
        return True
    return False


def export_handover(page) -> None:  # noqa: ANN001 - PicturePage
    """Write the handover (PDF) since the last briefing snapshot, or the last shift."""
    from crisisconsole.services.picture.handover import export_handover as write
    from crisisconsole.services.picture.synthesis import last_briefing

    crisis_id = page.current.id
    if crisis_id is None:
        return
    path, _ = QFileDialog.getSaveFileName(page, translate("PictureTopics", "Overdracht"),
                                          str(Path.home() / "overdracht.pdf"))
    if not path:
        return
    since, _version = last_briefing(page.ctx.store, crisis_id)
    since = since or page.ctx.now() - timedelta(hours=HANDOVER_HOURS)
    try:
        out = page.session.run_here(
            lambda: write(page.ctx, crisis_id, since, "pdf", Path(path)), origin=page)
    except Exception as error:  # noqa: BLE001 - shown, not swallowed
        page.show_error(error)
        return
    page.status.setText(translate("PictureTopics", "Overdracht geschreven: %1").replace("%1", str(out)))
