"""Kaart (issue 18): where things happen, offline. The map of the current crisis with its
layers (entries by reliability, clustered; topics; CAP areas; areas of measures in force; place
names), each switched on and off; a time slider for the last N hours; the tile file from the
settings (none, or a refused one: the plain background, with the reason shown).

A click on an entry or topic asks the main window (signals ``entry_chosen``/``topic_chosen``)
to show it in the Logboek or the Totaalbeeld: pages never import each other. "Plaats
toevoegen" takes the next click as a new place; "Gebied tekenen" takes clicks as the corners
of a measure's area until Enter (Esc cancels).

The page watches the session's change feed for the kinds it draws (``WATCHED``: the feed
coalesces a burst into one reload, and holds them while the page is hidden); a saved
preference may name another tile file. What the page writes itself it reloads at once.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from crisisconsole.domain.geo import LatLon
from crisisconsole.interchange.map_layers import MapLayers
from crisisconsole.interchange.map_paint import MapPainter
from crisisconsole.interchange.map_png import fit_view
from crisisconsole.services.foundation.changes import Changes, Kind
from crisisconsole.services.map import measure_areas
from crisisconsole.services.map.layers import crisis_layers
from crisisconsole.services.map.render import choose_tiles
from crisisconsole.services.measures.views import list_measures
from crisisconsole.services.places.gazetteer import add_place, municipality_of
from crisisconsole.ui.latest_read import LatestRead
from crisisconsole.ui.page_context import PageContext
from crisisconsole.ui.widgets.map_canvas import MapCanvas

# Entries, their links (the topics) and CAP areas are the log's; measure areas the measures'.
WATCHED = frozenset({Kind.LOG, Kind.PLACES, Kind.MEASURES, Kind.CRISIS, Kind.PREFERENCES})
HOURS_ALL = 49  # the slider's last step: every entry


class MapPage(QWidget):
    entry_chosen = Signal(str)
    topic_chosen = Signal(str)

    def __init__(self, page: PageContext) -> None:
        super().__init__()
        self.current = page.crisis
        self.show_error = page.show_error
        self.session = page.session
        self.ctx = self.session.ctx
        self.canvas = MapCanvas(self)
        self.canvas.entry_clicked.connect(self.entry_chosen)
        self.canvas.topic_clicked.connect(self.topic_chosen)
        self.canvas.position_clicked.connect(self._position_clicked)
        self._auto_fit = True  # until the aide moves the map, it shows everything
        self.canvas.user_moved.connect(self._user_moved)
        self.canvas.resized.connect(self._canvas_resized)
        self.full = MapLayers()
        self._fitted_for: str | None = None
        self.reads = LatestRead(self.session, self)  # the layers, off the GUI thread
        self.tile_choice = None
        self.checks: dict[str, QCheckBox] = {}
        bar = QHBoxLayout()
        for key, label in (("points", self.tr("Meldingen")), ("topics", self.tr("Onderwerpen")),
                           ("areas", self.tr("Gebieden")), ("places", self.tr("Plaatsnamen"))):
            box = QCheckBox(label)
            box.setChecked(True)
            box.toggled.connect(self._apply_layers)
            self.checks[key] = box
            bar.addWidget(box)
        bar.addSpacing(12)
        self.hours_label = QLabel()
        self.hours = QSlider(Qt.Orientation.Horizontal)
        self.hours.setRange(1, HOURS_ALL)
        self.hours.setValue(HOURS_ALL)
        self.hours.setMaximumWidth(200)
        self.hours.setAccessibleName(self.tr("Laatste uren"))
        self.hours.valueChanged.connect(self._hours_changed)
        bar.addWidget(self.hours_label)
        bar.addWidget(self.hours)
        bar.addStretch(1)
        self.place_button = QPushButton(self.tr("Plaats toevoegen"))
        self.place_button.setCheckable(True)
        self.place_button.toggled.connect(lambda on: self._set_mode("place" if on else "select"))
        self.area_button = QPushButton(self.tr("Gebied tekenen"))
        self.area_button.setCheckable(True)
        self.area_button.toggled.connect(lambda on: self._set_mode("area" if on else "select"))
        fit = QPushButton(self.tr("Passend"))
        fit.setToolTip(self.tr("Toon alles (Ctrl+0)"))
        fit.clicked.connect(self.fit)
        for button in (self.place_button, self.area_button, fit):
            bar.addWidget(button)
        self.status = QLabel()
        self.status.setObjectName("mapStatus")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.status)
        QShortcut(QKeySequence("Ctrl+0"), self, self.fit).setWhatsThis(self.tr("Toon alles"))
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.canvas, self._finish_area).setWhatsThis(
            self.tr("Gebied afronden"))
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self.canvas, self._cancel_mode).setWhatsThis(
            self.tr("Tekenen of plaatsen afbreken"))
        self.session.watch(WATCHED, self._on_changes, self)
        self.current.changed.connect(lambda _id: self.reload())
        self._dirty = True  # the layers are read when the page is shown, not before
        self._open_tiles()
        self._hours_changed(self.hours.value())

    def showEvent(self, event) -> None:  # noqa: ANN001, N802
        super().showEvent(event)
        if self._dirty:
            self.reload()

    # -- data ----------------------------------------------------------------------------
    def _open_tiles(self) -> None:
        if self.tile_choice is not None:
            self.tile_choice.close()
        self.tile_choice = choose_tiles(self.ctx.store.path)
        self.canvas.set_tiles(MapPainter(self.tile_choice.source))
        self._show_status()

    def _on_changes(self, changes: Changes) -> None:
        """One coalesced change (the watch holds it while the page is hidden)."""
        if Kind.PREFERENCES in changes.kinds and (not changes.ids or "map_tiles" in changes.ids):
            self._open_tiles()  # another tile file may be chosen
        if changes.touches(WATCHED - {Kind.PREFERENCES}) and (
                changes.concerns(self.current.id) or Kind.PLACES in changes.kinds):
            self.reload()

    def hours_shown(self) -> int | None:
        value = self.hours.value()
        return None if value >= HOURS_ALL else value

    def reload(self) -> None:
        """Read the layers again (only while the page shows: a hidden page notes that it
        must, and reads them when it is shown)."""
        if not self.isVisible():
            self._dirty = True
            return
        self._dirty = False
        crisis_id = self.current.id
        if crisis_id is None:
            self.reads.drop()
            self._layers_read(crisis_id, MapLayers())
            return
        # Off the GUI thread (seconds over a big crisis); the newest read wins.
        store, hours = self.ctx.store, self.hours_shown()
        self.reads.request(lambda: crisis_layers(store, crisis_id, hours=hours),
                           lambda layers: self._layers_read(crisis_id, layers),
                           self.show_error)  # on failure the map keeps what it had

    @property
    def busy(self) -> bool:
        """The layers are being read."""
        return self.reads.busy

    def _layers_read(self, crisis_id: str | None, layers: MapLayers) -> None:
        self.full = layers
        if crisis_id is not None and self._fitted_for != crisis_id:
            self._fitted_for = crisis_id
            self._auto_fit = True
        self._apply_layers()
        if self._auto_fit:
            self.fit()
        self._show_status()

    def _apply_layers(self) -> None:
        f = self.full
        c = self.checks
        self.canvas.set_layers(MapLayers(
            points=f.points, topics=f.topics, areas=f.areas, places=f.places,
            show_points=c["points"].isChecked(), show_topics=c["topics"].isChecked(),
            show_areas=c["areas"].isChecked(), show_places=c["places"].isChecked()))

    def _user_moved(self) -> None:
        self._auto_fit = False

    def _canvas_resized(self) -> None:
        if self._auto_fit:
            self.fit()

    def fit(self) -> None:
        self._auto_fit = True
        canvas = self.canvas
        canvas.show_view(fit_view(self.full, max(1, canvas.viewport().width()),
                                  max(1, canvas.viewport().height())))

    def _hours_changed(self, value: int) -> None:
        self.hours_label.setText(self.tr("Alles") if value >= HOURS_ALL
                                 else self.tr("Laatste %n uur", "", value))
        self.reload()

    def _show_status(self) -> None:
        f = self.full
        parts = [self.tr("%n meldingen op de kaart", "", len(f.points)),
                 self.tr("%n onderwerpen", "", len(f.topics)),
                 self.tr("%n gebieden", "", len(f.areas))]
        choice = self.tile_choice
        if choice is not None and choice.problem:
            parts.append(self.tr("Kaartbestand geweigerd: ") + choice.problem)
        elif choice is None or choice.source is None:
            parts.append(self.tr("geen kaartbestand (kies er een in de instellingen)"))
        if self.canvas.mode == "place":
            parts.append(self.tr("Klik op de kaart waar de plaats ligt (Esc: stoppen)"))
        elif self.canvas.mode == "area":
            parts.append(self.tr("Klik de hoeken van het gebied; Enter: klaar, Esc: stoppen"))
        self.status.setText(" · ".join(parts))

    # -- modes ---------------------------------------------------------------------------
    def _set_mode(self, mode: str) -> None:
        for button, own in ((self.place_button, "place"), (self.area_button, "area")):
            if own != mode and button.isChecked():
                button.blockSignals(True)
                button.setChecked(False)
                button.blockSignals(False)
        self.canvas.mode = mode
        self.canvas.drawn = []
        self.canvas.item.update()
        self.canvas.setFocus()
        self._show_status()

    def _cancel_mode(self) -> None:
        self.place_button.setChecked(False)
        self.area_button.setChecked(False)
        self._set_mode("select")

    def _position_clicked(self, point: LatLon) -> None:
        if self.canvas.mode != "place" or self.current.id is None:
            return
        name, ok = QInputDialog.getText(self, self.tr("Plaats toevoegen"), self.tr(
            "Naam van de plaats bij %1, %2").replace("%1", f"{point.lat:.5f}").replace(
            "%2", f"{point.lon:.5f}"))
        if not ok or not name.strip():
            return
        ctx, crisis_id = self.ctx, self.current.id
        self.session.run(
            lambda: add_place(ctx, municipality_of(ctx.store, crisis_id), name, point,
                              origin="map"),
            self._place_added, self.show_error, origin=self)

    def _place_added(self, record) -> None:  # noqa: ANN001 - PlaceRecord
        self._cancel_mode()
        self.reload()
        if record.warnings:
            self.status.setText(" · ".join(record.warnings))

    def _finish_area(self) -> None:
        if self.canvas.mode != "area" or self.current.id is None:
            return
        try:
            shape = measure_areas.shape_from_points(list(self.canvas.drawn))
        except Exception as error:  # noqa: BLE001 - a clear message, the drawing stays
            self.show_error(error)
            return
        measures = [v for v in list_measures(self.ctx.store, self.current.id)
                    if v.status.state.value not in ("withdrawn", "expired", "lapsed")]
        if not measures:
            self.status.setText(self.tr("Geen maatregel om dit gebied aan te geven"))
            return
        labels = [f"{v.measure.title} ({v.status.state.label})" for v in measures]
        label, ok = QInputDialog.getItem(self, self.tr("Gebied van maatregel"),
                                         self.tr("Maatregel"), labels, 0, False)
        if not ok:
            return
        measure_id = measures[labels.index(label)].id
        ctx = self.ctx
        self.session.run(lambda: measure_areas.set_area(ctx, measure_id, shape, "drawn"),
                         lambda _a: (self._cancel_mode(), self.reload()), self.show_error,
                         origin=self)

    def closeEvent(self, event) -> None:  # noqa: ANN001, N802
        if self.tile_choice is not None:
            self.tile_choice.close()
        super().closeEvent(event)


def make_page(page: PageContext) -> QWidget:
    return MapPage(page)
