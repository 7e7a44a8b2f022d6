"""Settings: language, the automatic backup folder and interval (this user's, in the settings
file; an aide's to set), after how many idle minutes the window locks, and when a log entry
counts as late (the database's: an audited setting only an aide may change; other roles see it,
greyed out)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from crisisconsole.ui.dialogs.validated_dialog import ValidatedDialog


class SettingsDialog(ValidatedDialog):
    def __init__(self, values: dict, parent: QWidget | None = None, *, late_minutes: int = 30,
                 may_change_late: bool = True, may_configure_backups: bool = True) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Instellingen"))
        self.setMinimumWidth(520)
        form = QFormLayout(self)
        self.language_box = QComboBox()
        self.language_box.addItem("Nederlands", "nl")
        self.language_box.addItem("English", "en")
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(values.get("language"))))
        form.addRow(self.tr("Taal (na herstart)"), self.language_box)
        self.folder_edit = QLineEdit(values.get("backup_dir") or "")
        self.folder_edit.setPlaceholderText(self.tr("geen automatische back-up"))
        self.folder_edit.setAccessibleName(self.tr("Back-upmap"))
        browse = QPushButton(self.tr("Bladeren…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder_edit, 1)
        row.addWidget(browse)
        form.addRow(self.tr("Back-upmap (bijv. USB-stick)"), row)
        self.minutes_box = QSpinBox()
        self.minutes_box.setRange(1, 24 * 60)
        self.minutes_box.setValue(int(values.get("backup_minutes") or 15))
        self.minutes_box.setSuffix(self.tr(" min"))
        form.addRow(self.tr("Elke"), self.minutes_box)
        form.addRow(QLabel(self.tr("Een back-up is versleuteld en opent met dezelfde sleutel.")))
        self.late_box = QSpinBox()
        self.late_box.setRange(1, 24 * 60)
        self.late_box.setValue(late_minutes)
        self.late_box.setSuffix(self.tr(" min"))
        self.late_box.setAccessibleName(self.tr("Drempel late melding"))
        self.late_box.setEnabled(may_change_late)
        self.late_box.setToolTip(self.tr(
            "Een melding die langer na het gebeuren is vastgelegd, krijgt het kenmerk ‘laat’. "
            "Geldt voor iedereen die deze database gebruikt; elke wijziging wordt vastgelegd.")
            if may_change_late else self.tr("Alleen de directe ondersteuner (aide) kan dit "
                                            "wijzigen."))
        form.addRow(self.tr("Late melding na"), self.late_box)
        form.addRow(QLabel(self.tr("De drempel hoort bij de database en wordt vastgelegd in "
                                   "de auditketen.")))
        self.lock_box = QSpinBox()
        self.lock_box.setRange(1, 240)
        self.lock_box.setValue(int(values.get("lock_minutes") or 10))
        self.lock_box.setSuffix(self.tr(" min"))
        self.lock_box.setAccessibleName(self.tr("Vergrendelen na inactiviteit"))
        form.addRow(self.tr("Vergrendelen na"), self.lock_box)
        self.tiles_edit = QLineEdit(values.get("map_tiles") or "")
        self.tiles_edit.setPlaceholderText(self.tr("geen: effen achtergrond met raster"))
        self.tiles_edit.setAccessibleName(self.tr("Kaartbestand"))
        tiles_browse = QPushButton(self.tr("Kiezen…"))
        tiles_browse.clicked.connect(self._browse_tiles)
        tiles_row = QHBoxLayout()
        tiles_row.addWidget(self.tiles_edit, 1)
        tiles_row.addWidget(tiles_browse)
        form.addRow(self.tr("Kaartbestand (MBTiles/PMTiles)"), tiles_row)
        self._backups = may_configure_backups
        for widget in (self.folder_edit, browse, self.minutes_box):
            widget.setEnabled(may_configure_backups)
        if not may_configure_backups:
            form.addRow(QLabel(self.tr("Alleen een directe ondersteuner (aide) stelt back-ups in.")))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Back-upmap"), self.folder_edit.text())
        if folder:
            self.folder_edit.setText(folder)

    def _browse_tiles(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Kaartbestand"), self.tiles_edit.text(),
            self.tr("Kaartbestanden (*.mbtiles *.pmtiles);;Alle bestanden (*)"))
        if name:
            self.tiles_edit.setText(name)

    def problems(self) -> dict[QWidget, str]:
        """A tile file that is not MBTiles/PMTiles, or is corrupt, is refused here with its
        reason (beside the field); the setting keeps what it had."""
        path = self.tiles_edit.text().strip()
        if path:
            from crisisconsole.interchange.tiles import TilesRefused
            from crisisconsole.interchange.tiles_open import open_tiles

            try:
                open_tiles(path).close()
            except TilesRefused as error:
                return {self.tiles_edit: self.tr("Kaartbestand geweigerd: %1")
                        .replace("%1", error.message)}
        return {}

    def values(self) -> dict:
        """This user's settings (the settings file); the backup ones only from an aide."""
        values = {"language": self.language_box.currentData(),
                  "lock_minutes": self.lock_box.value(),
                  "map_tiles": self.tiles_edit.text().strip() or None}
        if self._backups:
            values.update({"backup_dir": self.folder_edit.text().strip() or None,
                           "backup_minutes": self.minutes_box.value()})
        return values

    def late_minutes(self) -> int:
        """The database's late-entry threshold as set here."""
        return self.late_box.value()
