"""Map the columns of a spreadsheet, CSV or JSON log to log fields, with a live preview.

Per column a combo box with the fields (or "niet importeren"); the mapping starts as the one
remembered for this file layout, else a suggestion from the headers. Below it, the first rows as
they would be stored and each row's errors, and the choice what to do with bad rows. Above the
columns: the workbook's sheet and the header row (1-based, the proposed one preselected); a
change reads the file again through ``reload``. Two columns both set to "Tijdstip gebeurd" are
one date and one time (Datum+Tijd). The import itself runs in the sources page.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crisisconsole.errors import CrisisConsoleError
from crisisconsole.interchange.table_import import COMBINE, FIELDS, TableData
from crisisconsole.services.intake.table import TablePreview, preview_table
from crisisconsole.ui.dialogs.validated_dialog import ValidatedDialog
from crisisconsole.ui.models.table_preview_model import TablePreviewModel, field_labels

Reload = Callable[[str | None, int | None], TableData]


class ColumnMappingDialog(ValidatedDialog):
    def __init__(self, table: TableData, name: str, now: datetime,
                 parent: QWidget | None = None, reload: Reload | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Kolommen koppelen — %1").replace("%1", name))
        self.resize(980, 640)
        self.table_data = table
        self.name = name
        self.now = now
        self.reload = reload
        first = preview_table(table, name, now)

        intro = QLabel(self.tr(
            "Kies per kolom het veld in het logboek. Tijdstip gebeurd, Melding en Bron zijn "
            "nodig (Bron mag ook hieronder voor alle rijen). Staan datum en tijd in twee "
            "kolommen, kies dan bij allebei Tijdstip gebeurd."))
        intro.setWordWrap(True)
        self.remembered_label = QLabel(
            self.tr("Koppeling onthouden van een eerder bestand met deze indeling.")
            if first.remembered else self.tr("Voorgestelde koppeling op basis van de kopjes."))
        self.remembered_label.setObjectName("mappingOrigin")

        layout_box = QGroupBox(self.tr("Bestand"))
        layout_form = QFormLayout(layout_box)
        self.sheet_combo = QComboBox()
        self.sheet_combo.setAccessibleName(self.tr("Werkblad"))
        for sheet in table.sheets:
            self.sheet_combo.addItem(sheet, sheet)
        self.sheet_combo.setCurrentIndex(max(0, self.sheet_combo.findData(table.sheet)))
        self.sheet_combo.setEnabled(len(table.sheets) > 1 and reload is not None)
        self.header_spin = QSpinBox()
        self.header_spin.setRange(1, 100_000)
        self.header_spin.setValue(max(1, table.header_row))
        self.header_spin.setAccessibleName(self.tr("Kopregel (rijnummer)"))
        self.header_spin.setEnabled(table.kind != "json" and reload is not None)
        self.header_note = QLabel()
        self.header_note.setObjectName("headerNote")
        self.header_note.setWordWrap(True)
        if table.sheets:
            layout_form.addRow(self.tr("Werkblad"), self.sheet_combo)
        layout_form.addRow(self.tr("Kopregel (rij)"), self.header_spin)
        layout_form.addRow(self.header_note)
        self.sheet_combo.currentIndexChanged.connect(self._reread)
        self.header_spin.editingFinished.connect(self._reread)

        self.columns_box = QGroupBox(self.tr("Kolommen"))
        self.columns_form = QFormLayout(self.columns_box)
        self.combos: dict[str, QComboBox] = {}
        self.source_edit = QLineEdit()
        self.source_edit.setPlaceholderText(self.tr("bijvoorbeeld Gemeente"))
        self.source_edit.setAccessibleName(self.tr("Bron voor rijen zonder bron"))
        self.source_edit.textChanged.connect(self.refresh)
        self._build_columns(first.mapping)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.columns_box)
        scroll.setMaximumWidth(430)
        left = QVBoxLayout()
        left.addWidget(layout_box)
        left.addWidget(scroll, 1)

        self.model = TablePreviewModel(self)
        self.preview_view = QTableView()
        self.preview_view.setObjectName("mappingPreview")
        self.preview_view.setAccessibleName(self.tr("Voorbeeld van de eerste rijen"))
        self.preview_view.setModel(self.model)
        self.preview_view.verticalHeader().hide()
        self.preview_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.preview_view.setWordWrap(False)
        self.preview_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Interactive)
        self.preview_view.horizontalHeader().setStretchLastSection(True)
        self.summary = QLabel()
        self.summary.setObjectName("mappingSummary")
        self.summary.setWordWrap(True)

        self.refuse_radio = QRadioButton(self.tr("Hele bestand weigeren als er rijen met fouten zijn"))
        self.skip_radio = QRadioButton(self.tr("Rijen met fouten overslaan, de rest importeren"))
        self.refuse_radio.setChecked(True)

        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("Voorbeeld (eerste rijen, zoals ze worden vastgelegd)")))
        right.addWidget(self.preview_view, 1)
        right.addWidget(self.summary)
        right.addWidget(self.refuse_radio)
        right.addWidget(self.skip_radio)
        body = QHBoxLayout()
        body.addLayout(left)
        body.addLayout(right, 1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(self.tr("Importeren"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.remembered_label)
        layout.addLayout(body, 1)
        layout.addWidget(self.buttons)
        self.preview: TablePreview = first
        self.refresh()

    def _build_columns(self, mapping: dict[str, str]) -> None:
        """One combo per column of the table read; "Datum+Tijd" sets both to the time."""
        while self.columns_form.rowCount():
            self.columns_form.takeRow(0)
        for combo in self.combos.values():
            combo.deleteLater()
        self.combos = {}
        labels = field_labels()
        chosen: dict[str, str] = {}
        for key, field in mapping.items():
            for part in key.split(COMBINE) if key not in self.table_data.columns else [key]:
                chosen[part.strip()] = field
        for column in self.table_data.columns:
            combo = QComboBox()
            combo.addItem(self.tr("— niet importeren —"), "")
            for field in FIELDS:
                combo.addItem(labels[field], field)
            combo.setCurrentIndex(max(0, combo.findData(chosen.get(column, ""))))
            combo.setAccessibleName(self.tr("Veld voor kolom %1").replace("%1", column))
            combo.currentIndexChanged.connect(self.refresh)
            self.combos[column] = combo
            self.columns_form.addRow(column, combo)
        self.columns_form.addRow(self.tr("Bron voor rijen zonder bron"), self.source_edit)
        table = self.table_data
        if table.kind == "json":
            note = ""
        elif table.header_row == table.proposed_header_row:
            note = self.tr("Voorgestelde kopregel: rij %1.").replace("%1", str(table.header_row))
        else:
            note = self.tr("Voorgesteld was rij %1.").replace("%1",
                                                               str(table.proposed_header_row))
        if table.header_rows == 2:
            note += " " + self.tr("Kop over twee rijen (samengevoegde cellen).")
        self.header_note.setText(note.strip())

    def _reread(self) -> None:
        if self.reload is None:
            return
        sheet = self.sheet_combo.currentData() if self.table_data.sheets else None
        row = self.header_spin.value()
        if sheet == self.table_data.sheet and row == self.table_data.header_row:
            return
        try:
            table = self.reload(sheet, row if sheet == self.table_data.sheet else None)
        except CrisisConsoleError as error:
            self.summary.setText(error.message)
            self.summary.setProperty("error", True)
            self.import_button.setEnabled(False)
            return
        self.table_data = table
        self.header_spin.blockSignals(True)
        self.header_spin.setValue(max(1, table.header_row))
        self.header_spin.blockSignals(False)
        self._build_columns(preview_table(table, self.name, self.now).mapping)
        self.refresh()

    def problems(self) -> dict[QWidget, str]:
        """The live preview's verdict (it also keeps Importeren greyed): an incomplete
        mapping beside the columns, no good row beside the preview."""
        self.refresh()
        if self.preview.mapping_error:
            first = next(iter(self.combos.values()), self.preview_view)
            return {first: self.tr("Koppeling nog niet compleet: %1").replace(
                "%1", self.preview.mapping_error)}
        if self.preview.good_rows == 0:
            return {self.preview_view: self.tr("Geen enkele rij is goed.")}
        return {}

    def sheet(self) -> str | None:
        return self.table_data.sheet

    def header_row(self) -> int | None:
        return self.table_data.header_row if self.table_data.kind != "json" else None

    def mapping(self) -> dict[str, str]:
        chosen = {column: combo.currentData() for column, combo in self.combos.items()
                  if combo.currentData()}
        times = [c for c, f in chosen.items() if f == "occurred_at"]
        if len(times) == 2:  # a date column and a time column, in the order of the file
            for column in times:
                del chosen[column]
            chosen[COMBINE.join(times)] = "occurred_at"
        return chosen

    def default_source(self) -> str | None:
        return self.source_edit.text().strip() or None

    def on_error(self) -> str:
        return "skip" if self.skip_radio.isChecked() else "refuse"

    def refresh(self) -> None:
        self.preview = preview_table(self.table_data, self.name, self.now, self.mapping(),
                                     default_source=self.default_source())
        self.model.set_preview(self.preview)
        self.preview_view.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            limit = 360 if column == 1 else 240
            if self.preview_view.columnWidth(column) > limit:
                self.preview_view.setColumnWidth(column, limit)
        preview = self.preview
        if preview.mapping_error:
            text = self.tr("Koppeling nog niet compleet: %1").replace("%1", preview.mapping_error)
        else:
            bad = sorted({e.row for e in preview.errors})
            text = self.tr("%1 van %2 rijen goed.").replace("%1", str(preview.good_rows)).replace(
                "%2", str(preview.total_rows))
            if bad:
                rows = ", ".join(str(r) for r in bad[:12]) + (" …" if len(bad) > 12 else "")
                text += " " + self.tr("Rijen met fouten: %1.").replace("%1", rows)
        self.summary.setText(text)
        self.summary.setProperty("error", bool(preview.mapping_error or preview.errors))
        self.import_button.setEnabled(preview.mapping_error is None and preview.good_rows > 0)
        self.skip_radio.setEnabled(bool(preview.errors))
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
