"""Map the columns of a spreadsheet, CSV or JSON log to log fields, with a live preview.

Per column a combo box with the fields (or "niet importeren"); the mapping starts as the one
remembered for this file layout, else a suggestion from the headers. Below it, the first rows as
they would be stored and each row's errors, and the choice what to do with bad rows. The dialog
only reads the file's rows handed to it; the import itself runs in the sources page.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QRadioButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crisisconsole.interchange.table_import import FIELDS, TableData
from crisisconsole.services.intake.table import TablePreview, preview_table
from crisisconsole.ui.models.table_preview_model import TablePreviewModel, field_labels


class ColumnMappingDialog(QDialog):
    def __init__(self, table: TableData, name: str, now: datetime,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Kolommen koppelen — %1").replace("%1", name))
        self.resize(980, 640)
        self.table_data = table
        self.name = name
        self.now = now
        first = preview_table(table, name, now)
        labels = field_labels()

        intro = QLabel(self.tr(
            "Kies per kolom het veld in het logboek. Tijdstip gebeurd, Melding en Bron zijn "
            "nodig (Bron mag ook hieronder voor alle rijen)."))
        intro.setWordWrap(True)
        self.remembered_label = QLabel(
            self.tr("Koppeling onthouden van een eerder bestand met deze indeling.")
            if first.remembered else self.tr("Voorgestelde koppeling op basis van de kopjes."))
        self.remembered_label.setObjectName("mappingOrigin")

        columns_box = QGroupBox(self.tr("Kolommen"))
        form = QFormLayout(columns_box)
        self.combos: dict[str, QComboBox] = {}
        for column in table.columns:
            combo = QComboBox()
            combo.addItem(self.tr("— niet importeren —"), "")
            for field in FIELDS:
                combo.addItem(labels[field], field)
            combo.setCurrentIndex(max(0, combo.findData(first.mapping.get(column, ""))))
            combo.setAccessibleName(self.tr("Veld voor kolom %1").replace("%1", column))
            combo.currentIndexChanged.connect(self.refresh)
            self.combos[column] = combo
            form.addRow(column, combo)
        self.source_edit = QLineEdit()
        self.source_edit.setPlaceholderText(self.tr("bijvoorbeeld Gemeente"))
        self.source_edit.setAccessibleName(self.tr("Bron voor rijen zonder bron"))
        self.source_edit.textChanged.connect(self.refresh)
        form.addRow(self.tr("Bron voor rijen zonder bron"), self.source_edit)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(columns_box)
        scroll.setMaximumWidth(380)

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
        body.addWidget(scroll)
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

    def mapping(self) -> dict[str, str]:
        return {column: combo.currentData() for column, combo in self.combos.items()
                if combo.currentData()}

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
