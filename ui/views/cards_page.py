"""Personen: person-level briefing cards, masked until an audited reveal with a purpose.

The list shows initials and role in the crisis only. "Inzien" asks the purpose, then shows the
card itself (identifiers, the four briefing questions with each fact's source, channel, legal
basis, reliability and grade, handling notes, linked log entries, dates). Leaving the card or
the crisis masks it again, and so does a purge, wherever it was made. The page also runs the
retention purge at start and every hour. Need to know is enforced in the services; this page is
only offered to aide and mayor.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from crisisconsole.clock import format_local
from crisisconsole.services.cards import export as card_export
from crisisconsole.services.cards import person_cards as cards
from crisisconsole.services.cards import purge as card_purge
from crisisconsole.services.foundation.changes import Changes, Kind
from crisisconsole.ui.dialogs.card_dialogs import AddCardDialog, AddFactDialog, PurposeDialog
from crisisconsole.ui.models.cards_model import CardsModel
from crisisconsole.ui.page_context import PageContext

WATCHED = frozenset({Kind.CARDS, Kind.CRISIS})
PURGE_MS = 60 * 60 * 1000


class CardsPage(QWidget):
    def __init__(self, page: PageContext) -> None:
        super().__init__()
        self.crisis = page.crisis
        self.show_error = page.show_error
        self.show_status = page.show_status
        self.session = page.session
        self.ctx = self.session.ctx
        self.revealed_id: str | None = None
        self.revealed_purpose = ""
        self.last_purpose = ""
        self.buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        for key, label, slot, shortcut in (
            ("add", self.tr("Nieuwe kaart…"), self.ask_add_card, "Ctrl+Shift+N"),
            ("reveal", self.tr("Inzien…"), self.ask_reveal, "Ctrl+I"),
            ("fact", self.tr("Feit toevoegen…"), self.ask_add_fact, "Ctrl+Shift+F"),
            ("export", self.tr("Exporteer PDF…"), self.ask_export, ""),
            ("print", self.tr("Afdrukken…"), self.ask_print, "Ctrl+P"),
            ("purge", self.tr("Opschonen"), self.ask_purge, ""),
        ):
            button = QPushButton(label)
            button.clicked.connect(slot)
            if shortcut:
                button.setToolTip(shortcut)
                binding = QShortcut(QKeySequence(shortcut), self)
                binding.setWhatsThis(label.rstrip("…"))
                binding.activated.connect(slot)
            bar.addWidget(button)
            self.buttons[key] = button
        bar.addStretch(1)
        self.model = CardsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Persoonskaarten (gemaskeerd)"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        # Every column as wide as what it holds (the masked name first and whole: a stretched
        # first column was squeezed to 100 px at 1280x720), the last one takes what is left.
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(
            lambda *_: self._selection_moved())
        self.table.doubleClicked.connect(lambda *_: self.ask_reveal())
        self.detail = QTextBrowser()
        self.detail.setObjectName("cardDetail")
        self.detail.setAccessibleName(self.tr("Persoonskaart"))
        self.notice = QLabel(self.tr("Gemaskeerd: initialen en rol in de crisis. Inzien vraagt "
                                     "een doel en wordt vastgelegd."))
        self.notice.setWordWrap(True)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table)
        left_layout.addWidget(self.notice)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(self.detail)
        split.setSizes([700, 400])  # the list is what the aide reads; a masked card is short
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        self.session.watch(WATCHED, self._on_changes, self)
        self.crisis.changed.connect(lambda _id: self.refresh())
        self.purge_timer = QTimer(self)
        self.purge_timer.setInterval(PURGE_MS)
        self.purge_timer.timeout.connect(self.purge_due)
        self.purge_timer.start()
        QTimer.singleShot(0, self.purge_due)
        QTimer.singleShot(0, self.refresh)  # the window picks its crisis after making pages
        self.shown_crisis: str | None = None
        self.refresh()

    def showEvent(self, event) -> None:  # noqa: ANN001, N802
        super().showEvent(event)
        if self.shown_crisis != self.crisis.id:
            self.refresh()

    # -- reading ------------------------------------------------------------------------------
    def current(self):  # noqa: ANN201 - MaskedCard | None
        return self.model.item(self.table.currentIndex().row())

    def refresh(self) -> None:
        selected = self.current().id if self.current() else None
        crisis_id = self.crisis.id
        self.shown_crisis = crisis_id
        try:
            items = cards.list_cards(self.ctx, crisis_id) if crisis_id else []
        except Exception as error:  # noqa: BLE001 - shown through the one error path
            self.show_error(error)
            items = []
        self.model.set_items(items)
        row = self.model.row_of(selected)
        if row < 0 and items:
            row = 0
        if row >= 0:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
        self._selection_moved()

    def _update_buttons(self) -> None:
        card = self.current()
        live = card is not None and not card.purged
        for key in ("reveal", "export"):
            self.buttons[key].setEnabled(card is not None)
        self.buttons["fact"].setEnabled(live)
        self.buttons["add"].setEnabled(self.crisis.id is not None)

    def _on_changes(self, changes: Changes) -> None:
        self.refresh()
        if self.revealed_id and "card.purge" in changes.actions:
            self._mask()  # purged content leaves the screen at once

    def _selection_moved(self) -> None:
        card = self.current()
        if self.revealed_id is None or card is None or card.id != self.revealed_id:
            self._mask()
        self._update_buttons()

    def _mask(self) -> None:
        """Back to masked: the card's content leaves the screen."""
        self.revealed_id = None
        card = self.current()
        if card is None:
            self.detail.setHtml("<p>" + self.tr("Geen persoonskaarten in deze crisis.") + "</p>")
        else:
            self.detail.setHtml(
                f"<h2>{card.masked}</h2><p>" + self.tr(
                    "Deze kaart is gemaskeerd. Kies <b>Inzien…</b> en geef het doel; het "
                    "inzien wordt vastgelegd (wie, wanneer, waarom).") + "</p>")
        self._update_buttons()

    # -- reveal ---------------------------------------------------------------------------------
    def _ask_purpose(self, title: str) -> str | None:
        card = self.current()
        if card is None:
            return None
        dialog = PurposeDialog(card.masked, title, self.last_purpose, self)
        if not dialog.exec():
            return None
        self.last_purpose = dialog.purpose()
        return self.last_purpose

    def ask_reveal(self) -> None:
        purpose = self._ask_purpose(self.tr("Kaart inzien"))
        if purpose:
            self.reveal(self.current().id, purpose)

    def reveal(self, card_id: str, purpose: str) -> None:
        self.session.run(lambda: card_export.reveal_card(self.ctx, card_id, purpose),
                         lambda result: self._show(card_id, purpose, result),
                         self.show_error, origin=self)

    def _show(self, card_id: str, purpose: str, result) -> None:  # noqa: ANN001
        current = self.current()
        if current is None or current.id != card_id:
            return  # the selection moved on meanwhile: stay masked
        self.revealed_id = card_id
        self.revealed_purpose = purpose
        stamp = self.tr("Ingezien om %1, doel: %2").replace(
            "%1", format_local(self.ctx.now(), with_date=False)).replace("%2", html.escape(purpose))
        self.detail.setHtml(f"<p style='color:#486581'>{stamp}</p>" + result[1])

    # -- writing --------------------------------------------------------------------------------
    def ask_add_card(self) -> None:
        crisis_id = self.crisis.id
        if crisis_id is None:
            return
        dialog = AddCardDialog(self)
        dialog.submit_through(self.session, lambda v: cards.add_card(self.ctx, crisis_id, **v),
                              lambda _card: self.refresh(), origin=self)
        self.card_dialog = dialog
        dialog.exec()

    def ask_add_fact(self) -> None:
        card = self.current()
        if card is None or card.purged:
            return
        dialog = AddFactDialog(card.masked, lambda values: self.session.run(
            lambda: cards.add_fact(self.ctx, card.id, **_fact_args(values)),
            lambda _fact: self._fact_saved(dialog, card.id), dialog.failed, origin=self), self)
        self.fact_dialog = dialog
        dialog.exec()

    def _fact_saved(self, dialog: AddFactDialog, card_id: str) -> None:
        dialog.saved()
        if self.revealed_id == card_id:
            self.reveal(card_id, self.revealed_purpose)  # show the new fact (audited again)

    def ask_export(self) -> None:
        card = self.current()
        if card is None:
            return
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Exporteer persoonskaart"), str(Path.home() / "persoonskaart.pdf"),
            self.tr("PDF (*.pdf)"))
        if not path:
            return
        purpose = self._ask_purpose(self.tr("Doel van de export"))
        if purpose:
            self.export(card.id, Path(path), purpose)

    def export(self, card_id: str, path: Path, purpose: str) -> None:
        self.session.run(lambda: card_export.export_card_pdf(self.ctx, card_id, path, purpose),
                         lambda out: self.show_status(
                             self.tr("Geëxporteerd: %1").replace("%1", str(out)), 8000),
                         self.show_error, origin=self)

    def ask_print(self) -> None:
        card = self.current()
        if card is None:
            return
        purpose = self._ask_purpose(self.tr("Doel van het afdrukken"))
        if purpose:
            self.print_card(card.id, purpose)

    def print_card(self, card_id: str, purpose: str, printer=None) -> None:  # noqa: ANN001
        """Print through the system dialog; the service audits it as card.print (also when
        the dialog is then cancelled: the card was opened for printing)."""
        from PySide6.QtGui import QTextDocument
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        try:
            _view, html = self.session.run_here(
                lambda: card_export.print_card(self.ctx, card_id, purpose), origin=self)
        except Exception as error:  # noqa: BLE001 - shown through the one error path
            self.show_error(error)
            return
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            if QPrintDialog(printer, self).exec() != QPrintDialog.DialogCode.Accepted:
                return
        document = QTextDocument()
        document.setHtml(html)
        document.print_(printer)

    def ask_purge(self) -> None:
        answer = QMessageBox.question(self, self.tr("Opschonen"), self.tr(
            "Kaarten waarvan de bewaartermijn verstreken is nu verwijderen? Er blijft een "
            "grafsteen over (wie, wanneer, waarom, hash)."))
        if answer == QMessageBox.StandardButton.Yes:
            self.purge_due(announce=True)

    def purge_due(self, announce: bool = False) -> None:
        """By hand (``announce``): the aide's purge; on the schedule: the app's own."""
        if not announce and self.ctx.store.read_only:
            return  # a read-only medium cannot purge: the start-up purge waits for a writable file

        def done(result) -> None:  # noqa: ANN001 - PurgeResult
            if result.purged:
                self.refresh()
                if self.revealed_id:
                    self._mask()
            if announce or result.purged:
                self.show_status(
                    self.tr("Opgeschoond: %1 kaart(en)").replace("%1", str(len(result.purged))),
                    8000)
        if announce:
            call = lambda: card_purge.purge_due(self.ctx)  # noqa: E731
        else:
            call = lambda: card_purge.purge_due_automatic(self.ctx.store, self.ctx)  # noqa: E731
        self.session.run(call, done, self.show_error, origin=self)


def _fact_args(values: dict) -> dict:
    values = dict(values)
    return {"statement": values.pop("statement"), **values}


def make_page(page: PageContext) -> QWidget:
    return CardsPage(page)
