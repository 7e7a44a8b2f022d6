"""Totaalbeeld: the BOB sections one under the other, each item with its reliability badge,
sources and age; contradictions and overdue items marked. An item opens its log entries.
"Start briefing" stores an immutable snapshot (the picture as shown) and opens the briefing
mode on it; earlier snapshots can be reopened exactly as they were, verified and exported.

Reads go through the services on the GUI thread (indexed, a few ms); writes through
``session.run``. The page rebuilds once per change elsewhere (at most four times a second), and
while it is hidden, once when it is shown again.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from crisisconsole.clock import format_local
from crisisconsole.interchange.picture_html import picture_html
from crisisconsole.services.foundation.changes import Changes, Kind
from crisisconsole.services.picture import snapshots as picture_service
from crisisconsole.ui.latest_read import LatestRead
from crisisconsole.ui.page_context import PageContext
from crisisconsole.ui.views import picture_topics
from crisisconsole.ui.views.picture_curation import TopicPanel
from crisisconsole.ui.widgets.flow_layout import FlowLayout

# Kind.PICTURE covers the topic facts (topic_fact declares the picture aggregate);
# Kind.SETTINGS: picture.topics_per_discipline changes what the picture shows.
WATCHED = frozenset({Kind.LOG, Kind.DECISIONS, Kind.PICTURE, Kind.MEASURES, Kind.COUNCIL,
                     Kind.CARDS, Kind.CRISIS, Kind.SETTINGS})
STYLE = ("<style>h2 { color: #102a43; margin-top: 12px; } h3 { color: #243b53; }"
         " a { color: #102a43; text-decoration: none; }</style>")



class PicturePage(QWidget):
    def __init__(self, page: PageContext) -> None:
        super().__init__()
        self.current = page.crisis
        self.show_error = page.show_error
        self.session = page.session
        self.ctx = self.session.ctx
        self.picture: dict | None = None
        self.snapshot_id: str | None = None  # None: live
        self.briefing = None
        self._snapshot = None
        self.exporting = False  # a snapshot's export on the worker
        self.reads = LatestRead(self.session, self)  # the newest build asked for wins
        self._select_when_built: str | None = None
        self.builds_shown = 0
        self.title = QLabel(QCoreApplication.translate("PicturePage", "Totaalbeeld"))
        self.title.setObjectName("emptyTitle")
        self.snapshots = QComboBox()
        self.snapshots.setAccessibleName(QCoreApplication.translate("PicturePage", "Momentopname"))
        self.snapshots.setMinimumWidth(280)
        self.snapshots.activated.connect(self._snapshot_chosen)
        self.snapshot_button = QPushButton(QCoreApplication.translate("PicturePage", "Momentopname maken"))
        self.snapshot_button.clicked.connect(self.take_snapshot)
        self.export_button = QPushButton(QCoreApplication.translate("PicturePage", "Exporteren…"))
        menu = QMenu(self.export_button)
        for fmt, label in (("pdf", QCoreApplication.translate("PicturePage", "Situatierapport (PDF)")), ("edxl", QCoreApplication.translate("PicturePage", "EDXL-SitRep (XML)")),
                           ("json", QCoreApplication.translate("PicturePage", "JSON"))):
            menu.addAction(label).triggered.connect(lambda _=False, f=fmt: self.export(f))
        self.export_button.setMenu(menu)
        self.briefing_button = QPushButton(QCoreApplication.translate("PicturePage", "Start briefing"))
        self.briefing_button.setObjectName("primaryButton")
        # F5 as in presentation programs, and Ctrl+B ("briefing") on this page only: the
        # window's "Back-up maken" is Ctrl+Alt+B, so no key is bound twice (an ambiguous key
        # fires neither).
        self.briefing_button.setShortcut("F5")
        self.briefing_button.setToolTip("F5, Ctrl+B")
        self.briefing_button.clicked.connect(self.start_briefing)
        briefing_key = QShortcut(QKeySequence("Ctrl+B"), self)
        briefing_key.setWhatsThis(QCoreApplication.translate("PicturePage", "Start briefing"))
        briefing_key.activated.connect(self.start_briefing)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addSpacing(24)
        controls = QWidget()  # wraps onto a second line on a narrow window
        flow = FlowLayout(controls)
        beeld = QLabel(QCoreApplication.translate("PicturePage", "Beeld:"))
        beeld.setMinimumHeight(self.snapshots.sizeHint().height())
        flow.addWidget(beeld)
        flow.addWidget(self.snapshots)
        flow.addWidget(self.snapshot_button)
        flow.addWidget(self.export_button)
        self.handover_button = QPushButton(QCoreApplication.translate("PicturePage",
                                                                      "Overdracht…"))
        self.handover_button.setShortcut("Ctrl+Shift+O")
        self.handover_button.clicked.connect(lambda: picture_topics.export_handover(self))
        flow.addWidget(self.handover_button)
        flow.addWidget(self.briefing_button)
        top.addWidget(controls, 1)
        self.status = QLabel("")
        self.status.setObjectName("pictureStatus")
        self.view = QTextBrowser()
        self.view.setOpenLinks(False)
        self.view.setAccessibleName(QCoreApplication.translate("PicturePage", "Totaalbeeld"))
        self.view.anchorClicked.connect(self._open_link)
        self.topics = TopicPanel(self)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.view)
        split.addWidget(self.topics)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(split, 1)
        self.session.watch(WATCHED, self._on_changes, self)
        self.current.changed.connect(self._crisis_changed)
        self.refresh()

    # -- data ---------------------------------------------------------------------------------
    def _on_changes(self, changes: Changes) -> None:
        if changes.concerns(self.current.id):
            self.refresh()

    def select_topic(self, topic_id: str) -> bool:
        """A topic chosen elsewhere (a marker on the Kaart): selected and focused in the list
        below the picture, ready for the curation keys; while the list is still being read,
        as soon as it arrives."""
        if self.busy:
            self._select_when_built = topic_id
            return True
        found = self.topics.select(topic_id)
        if found:
            self.topics.table.scrollTo(self.topics.table.currentIndex())
            self.topics.table.setFocus()
        return found

    @property
    def busy(self) -> bool:
        """A build of the topics and the picture is on its way."""
        return self.reads.busy

    def refresh(self) -> None:
        """Read the topics, the snapshots and (live) the picture off the GUI thread: over a
        big crisis the topic book takes seconds. The page says it is busy meanwhile (what it
        showed stays until the new picture arrives), and a newer request supersedes an older
        one: only the last build is shown, a waiting older one is not even started."""
        crisis_id = self.current.id
        if crisis_id is None or self.session is None:
            self.reads.drop()
            message = QCoreApplication.translate("PicturePage", "Open eerst een crisis.")
            self.view.setHtml(f"<p>{message}</p>")
            self.topics.set_topics([])
            self.status.setText("")
            return
        snapshot_id, ctx = self.snapshot_id, self.ctx
        self._show_busy()

        def build() -> tuple:
            from crisisconsole.services.picture.topics import list_topics

            topics = list_topics(ctx.store, crisis_id, include_closed=True)
            snapshots = picture_service.list_snapshots(ctx.store, crisis_id)
            picture = html = None
            if snapshot_id is None:
                picture = picture_service.live_picture(ctx, crisis_id)
                html = _page_html(picture)
            return topics, snapshots, picture, html, ctx.now()

        def failed(error: BaseException) -> None:
            self.status.setText("")
            self.show_error(error)

        self.reads.request(build, self._built, failed)

    def _show_busy(self) -> None:
        text = QCoreApplication.translate("PicturePage", "Bezig: het totaalbeeld wordt opgebouwd…")
        self.status.setText(text)
        if self.picture is None:  # never a blank page
            self.view.setHtml(f"<p><i>{text}</i></p>")

    def _built(self, result: tuple) -> None:
        self.builds_shown += 1
        topics, snapshots, picture, html, now = result
        self.topics.set_topics(topics)
        pending, self._select_when_built = self._select_when_built, None
        if pending is not None:
            self.select_topic(pending)
        self._fill_snapshots(snapshots)
        if self.snapshot_id is None and picture is not None:
            self.picture = picture
            self.status.setText(QCoreApplication.translate("PicturePage", "Live beeld van %1 — nog niet vastgelegd").replace(
                "%1", format_local(now)))
            self._render(html)
        elif self.snapshot_id is not None:
            self._show_snapshot_status()

    def _fill_snapshots(self, infos: list) -> None:
        self.snapshots.blockSignals(True)
        self.snapshots.clear()
        self.snapshots.addItem(QCoreApplication.translate("PicturePage", "Live (actueel)"), None)
        for info in infos:
            label = QCoreApplication.translate("PicturePage", "Versie %1 — %2").replace("%1", str(info.version)).replace(
                "%2", format_local(info.taken_at))
            if info.purpose == "briefing":
                label += " " + QCoreApplication.translate("PicturePage", "(briefing)")
            self.snapshots.addItem(label, info.id)
        index = self.snapshots.findData(self.snapshot_id) if self.snapshot_id else 0
        self.snapshots.setCurrentIndex(max(0, index))
        self.snapshots.blockSignals(False)
        self.export_button.setEnabled(self.snapshot_id is not None and not self.exporting)

    def _render(self, html: str | None = None) -> None:
        if self.picture is None:
            return
        bar = self.view.verticalScrollBar().value()
        self.view.setHtml(html if html is not None else _page_html(self.picture))
        self.view.verticalScrollBar().setValue(bar)

    def _crisis_changed(self, _crisis_id: str) -> None:
        self.show_live()

    def show_live(self) -> None:
        self.snapshot_id = None
        self.refresh()

    def open_snapshot(self, snapshot_id: str) -> None:
        """Reopen a snapshot exactly as it was stored, and say whether its hash verifies."""
        snap = picture_service.get_snapshot(self.ctx.store, snapshot_id)
        self.reads.drop()  # a live build still on its way is not shown over it
        self.snapshot_id = snapshot_id
        self.picture = snap.picture
        self._snapshot = snap
        self._fill_snapshots(picture_service.list_snapshots(self.ctx.store, snap.info.crisis_id))
        self._show_snapshot_status()
        self._render()

    def _show_snapshot_status(self) -> None:
        snap = self._snapshot
        if snap is None:
            return
        state = QCoreApplication.translate("PicturePage", "hash klopt") if snap.intact else QCoreApplication.translate("PicturePage", "HASH KLOPT NIET — beschadigd")
        self.status.setText(QCoreApplication.translate("PicturePage", "Momentopname versie %1 van %2, door %3; %4; SHA-256 %5").replace(
            "%1", str(snap.info.version)).replace("%2", format_local(snap.info.taken_at)).replace(
            "%3", snap.info.taken_by).replace("%4", state).replace("%5", snap.info.hash[:16] + "…"))

    def _snapshot_chosen(self, index: int) -> None:
        snapshot_id = self.snapshots.itemData(index)
        if snapshot_id is None:
            self.show_live()
        else:
            self.open_snapshot(snapshot_id)

    # -- actions ------------------------------------------------------------------------------
    def _open_link(self, url: QUrl) -> None:
        text = url.toString()
        if picture_topics.open_topic_link(self, text):
            return
        if not text.startswith("entry:"):
            return
        from crisisconsole.ui.dialogs.picture_entries_dialog import PictureEntriesDialog

        dialog = PictureEntriesDialog(self.ctx.store, text[len("entry:"):].split(","), self)
        dialog.open()

    def take_snapshot(self, purpose: str = "manual", then=None) -> None:  # noqa: ANN001
        crisis_id = self.current.id
        if crisis_id is None:
            return
        shown = self.picture if self.snapshot_id is None else None
        ctx = self.ctx

        def done(info) -> None:  # noqa: ANN001 - SnapshotInfo
            self.open_snapshot(info.id)
            if then is not None:
                then(info)

        self.session.run(lambda: picture_service.take_snapshot(
            ctx, crisis_id, purpose=purpose, picture=shown), done, self.show_error, origin=self)

    def start_briefing(self) -> None:
        """Store the picture as shown now (immutable, with hash and version), then brief from
        exactly that snapshot. A reopened snapshot is briefed as it is, without a new one."""
        if self.snapshot_id is not None:
            self._open_briefing(self.snapshot_id)
            return
        self.take_snapshot("briefing", lambda info: self._open_briefing(info.id))

    def _open_briefing(self, snapshot_id: str) -> None:
        from crisisconsole.ui.widgets.briefing_view import BriefingView

        snap = picture_service.get_snapshot(self.ctx.store, snapshot_id)
        self.briefing = BriefingView(snap.picture, self.session, snap.info.hash)
        self.briefing.showFullScreen()

    def export(self, fmt: str) -> None:
        if self.snapshot_id is None:
            return
        suffix = {"pdf": "pdf", "edxl": "xml", "json": "json"}[fmt]
        path, _ = QFileDialog.getSaveFileName(self, QCoreApplication.translate("PicturePage", "Exporteren"),
                                              str(Path.home() / f"situatiebeeld.{suffix}"))
        if path:
            self.export_to(fmt, Path(path))

    def export_to(self, fmt: str, path: Path) -> None:
        """On the worker, off the GUI thread: the PDF is laid out by a QTextDocument made there
        (reentrant) and painted on a QPdfWriter there (QPainter may paint one outside the GUI
        thread), so the page stays responsive for the second it takes."""
        from crisisconsole.services.picture.export import export_snapshot

        snapshot_id, ctx = self.snapshot_id, self.ctx
        if snapshot_id is None or self.exporting:
            return
        self.exporting = True
        self.export_button.setEnabled(False)
        self.status.setText(QCoreApplication.translate("PicturePage", "Bezig met exporteren…"))

        def done(out: Path) -> None:
            self._exported()
            self.status.setText(QCoreApplication.translate("PicturePage", "Geëxporteerd: %1").replace("%1", str(out)))

        def failed(error: BaseException) -> None:
            self._exported()
            self._show_snapshot_status()
            self.show_error(error)

        self.session.run(lambda: export_snapshot(ctx, snapshot_id, fmt, path), done, failed,
                         origin=self)

    def _exported(self) -> None:
        self.exporting = False
        self.export_button.setEnabled(self.snapshot_id is not None and not self.exporting)


def _page_html(picture: dict) -> str:
    """The picture as the page's browser shows it (pure Python: built beside the picture, off
    the GUI thread)."""
    html = picture_html(picture, links=True, title=False)
    return html.replace("<html>", "<html><head>" + STYLE + "</head>", 1)


def make_page(page: PageContext) -> QWidget:
    return PicturePage(page)
