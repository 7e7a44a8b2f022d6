"""Partners & rooster: the partner and escalation directory (kept across crises; what each
contributes, its 24/7 and escalation numbers) and the crisis team's roster (who holds which
function now; a shift change is one line: function, person, Enter).

It follows the change feed (the directory, the roster, the crisis, the settings that name the
roster's functions) and the crisis the window shows."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crisisconsole.clock import format_local, parse_stored
from crisisconsole.domain.partner_rules import (
    DISCIPLINE_IDS,
    PartnerFields,
    PartnerRefused,
    check_partner,
)
from crisisconsole.domain.roster_rules import function_label
from crisisconsole.services.foundation.changes import Changes, Kind
from crisisconsole.services.foundation.crises import get_crisis
from crisisconsole.services.network import partners, roster
from crisisconsole.ui.dialogs.validated_dialog import ValidatedDialog
from crisisconsole.ui.page_context import PageContext
from crisisconsole.ui.widgets.flow_layout import FlowLayout

WATCHED = frozenset({Kind.PARTNERS, Kind.ROSTER, Kind.CRISIS, Kind.SETTINGS})


class PartnerDialog(ValidatedDialog):
    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.setWindowTitle(self.tr("Partner toevoegen"))
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout(self)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Organisatie"), "organisation")
        self.kind.addItem(self.tr("Persoon"), "person")
        form.addRow(self.tr("Soort"), self.kind)
        for key, label in (("name", self.tr("Naam")), ("function", self.tr("Functie")),
                           ("organisation", self.tr("Organisatie")),
                           ("contributes", self.tr("Wat de partner bijdraagt (twee zinnen)")),
                           ("phone", self.tr("24/7-nummer")),
                           ("escalation_phone", self.tr("Escalatienummer")),
                           ("email", self.tr("E-mail"))):
            self.fields[key] = QLineEdit()
            form.addRow(label, self.fields[key])
        self.discipline = QComboBox()
        self.discipline.addItem("—", None)
        for item in DISCIPLINE_IDS:
            self.discipline.addItem(item, item)
        form.addRow(self.tr("Discipline"), self.discipline)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(560, 360)

    def problems(self) -> dict[QWidget, str]:
        """Each field through the domain's ``check_partner`` (beside the field it breaks)."""
        from dataclasses import replace

        fields, probe = self.partner(), PartnerFields("x")
        problems: dict[QWidget, str] = {}
        for key, widget in self.fields.items():
            try:
                check_partner(replace(probe, **{key: getattr(fields, key)}))
            except PartnerRefused as error:
                problems[widget] = error.message
        return problems

    def values(self) -> dict:
        return {"partner": self.partner()}

    def partner(self) -> PartnerFields:
        v = {k: f.text() or None for k, f in self.fields.items()}
        return PartnerFields(v["name"] or "", self.kind.currentData(), v["function"],
                             v["organisation"], v["contributes"], v["phone"],
                             v["escalation_phone"], v["email"], self.discipline.currentData())


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class NetworkPage(QWidget):
    def __init__(self, page: PageContext) -> None:
        super().__init__()
        self.current = page.crisis
        self.show_error = page.show_error
        self.session = page.session
        self.ctx = self.session.ctx
        self.partner_table = _table([self.tr("Naam"), self.tr("Functie"), self.tr("24/7"),
                                     self.tr("Escalatie"), self.tr("E-mail"),
                                     self.tr("Discipline"), self.tr("Bijdrage")])
        self.partner_table.setAccessibleName(self.tr("Partnerlijst"))
        self.roster_table = _table([self.tr("Functie"), self.tr("Wie"), self.tr("Sinds")])
        self.roster_table.setAccessibleName(self.tr("Rooster van het crisisteam"))
        self.message = QLabel("")
        self.function = QComboBox()
        self.function.setAccessibleName(self.tr("Functie"))
        self.person = QLineEdit()
        self.person.setPlaceholderText(self.tr("Wie neemt de functie over? (Enter)"))
        self.person.setAccessibleName(self.tr("Persoon voor de functie"))
        self.person.returnPressed.connect(self.assign)
        head = FlowLayout()  # the title and its buttons wrap on a narrow window
        title = QLabel(self.tr("Partners en escalatie"))
        title.setObjectName("emptyTitle")
        head.addWidget(title)
        head.addSpacing(12)
        for label, slot in ((self.tr("Partner toevoegen…"), self.add_partner),
                            (self.tr("Importeren (CSV/vCard)…"), self.import_file),
                            (self.tr("Exporteren…"), self.export_file)):
            button = QPushButton(label)
            button.clicked.connect(slot)
            head.addWidget(button)
        upper = QWidget()
        up = QVBoxLayout(upper)
        up.addLayout(head)
        up.addWidget(self.partner_table)
        lower = QWidget()
        down = QVBoxLayout(lower)
        title = QLabel(self.tr("Rooster: wie heeft nu welke functie"))
        title.setObjectName("emptyTitle")
        title.setWordWrap(True)
        down.addWidget(title)
        line = QHBoxLayout()
        line.addWidget(self.function)
        line.addWidget(self.person, 1)
        down.addLayout(line)
        down.addWidget(self.roster_table)
        split = QSplitter()
        split.addWidget(upper)
        split.addWidget(lower)
        split.setSizes([800, 450])
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(split, 1)
        self.session.watch(WATCHED, self._on_changes, self)
        self.current.changed.connect(lambda _id: self.refresh())
        self.refresh()

    def _on_changes(self, changes: Changes) -> None:
        if changes.concerns(self.current.id):
            self.refresh()

    def _municipality(self) -> str | None:
        crisis_id = self.current.id
        return get_crisis(self.ctx.store, crisis_id).municipality if crisis_id else None

    def refresh(self) -> None:
        try:
            found = partners.list_partners(self.ctx.store, self._municipality())
            seats = (roster.show(self.ctx.store, self.current.id)["functions"]
                     if self.current.id else [])
            functions = roster.functions(self.ctx.store)
        except Exception as error:  # noqa: BLE001 - shown, not swallowed
            self.show_error(error)
            return
        self.partner_table.setRowCount(len(found))
        for row, p in enumerate(found):
            for column, value in enumerate((p.name, p.function, p.phone, p.escalation_phone,
                                            p.email, p.discipline, p.contributes)):
                item = QTableWidgetItem(value or "")
                if column == 0:
                    item.setToolTip(p.label())
                if column in (2, 3) and value:
                    e164 = p.phone_e164 if column == 2 else p.escalation_e164
                    item.setToolTip(f"tel:{e164}" if e164 else value)
                self.partner_table.setItem(row, column, item)
        self.partner_table.resizeColumnsToContents()
        for column in range(self.partner_table.columnCount() - 1):
            self.partner_table.setColumnWidth(column, min(self.partner_table.columnWidth(column),
                                                          220))
        self.roster_table.setRowCount(len(seats))
        for row, seat in enumerate(seats):
            since = format_local(parse_stored(seat["since"])) if seat["since"] else ""
            for column, value in enumerate((function_label(seat["function"]),
                                            seat["person"] or "—", since)):
                self.roster_table.setItem(row, column, QTableWidgetItem(value))
        self.roster_table.resizeColumnsToContents()
        current = self.function.currentData()
        self.function.clear()
        for function in functions:  # shown in the UI language, stored as configured
            self.function.addItem(function_label(function), function)
        if current:
            self.function.setCurrentIndex(max(0, self.function.findData(current)))

    def _say(self, text: str, alert: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #b00020; font-weight: bold;" if alert else "")

    def _run(self, work, done: str) -> None:  # noqa: ANN001
        self.session.run(work, lambda _r: (self._say(done), self.refresh()),
                         lambda error: self._say(str(error), alert=True), origin=self)

    def assign(self) -> None:
        crisis_id, ctx = self.current.id, self.ctx
        function, person = self.function.currentData(), self.person.text()
        if crisis_id is None or not person.strip():
            return
        self.person.clear()
        self._run(lambda: roster.assign(ctx, crisis_id, function, person),
                  self.tr("Wissel vastgelegd: %1").replace("%1", f"{function_label(function)} — {person}"))

    def add_partner(self) -> None:
        dialog = PartnerDialog(self)
        ctx, municipality = self.ctx, self._municipality()

        def added(partner) -> None:  # noqa: ANN001 - Partner
            self._say(self.tr("Partner toegevoegd: %1").replace("%1", partner.name))
            self.refresh()

        dialog.submit_through(self.session, lambda v: partners.add_partner(
            ctx, v["partner"], municipality), added, origin=self)
        self.dialog = dialog
        dialog.exec()

    def import_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Partners importeren"), "",
                                              "CSV / vCard (*.csv *.vcf *.txt)")
        if not name:
            return
        ctx, municipality = self.ctx, self._municipality()
        self.session.run(lambda: partners.import_partners(ctx, name, municipality),
                         lambda r: (self._say(self.tr("Nieuw %1, gewijzigd %2, ongewijzigd %3")
                                              .replace("%1", str(r.added))
                                              .replace("%2", str(r.updated))
                                              .replace("%3", str(r.unchanged))),
                                    self.refresh()),
                         lambda error: self._say(str(error), alert=True), origin=self)

    def export_file(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Partners exporteren"),
                                              "partners.vcf", "vCard (*.vcf);;CSV (*.csv)")
        if not name:
            return
        ctx, municipality = self.ctx, self._municipality()
        fmt = "csv" if name.lower().endswith(".csv") else "vcf"
        self._run(lambda: partners.export_partners(ctx, fmt, Path(name), municipality),
                  self.tr("Geëxporteerd: %1").replace("%1", name))


def make_page(page: PageContext) -> QWidget:
    return NetworkPage(page)
