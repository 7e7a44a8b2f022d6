"""Briefing mode for the mayor: full screen, one section of the picture at a time in large
type, high contrast (resources/themes/briefing.qss), the picture's crisis, GRIP level,
version and time always fully visible in a corner.

It shows a stored snapshot, never the live log, so what the mayor saw can be reopened later
exactly. The sections are those of the topic picture (``EXPORT_ORDER`` of
domain/picture_topics.py, without the header): first "Sinds de vorige briefing", then the
summary, judgement, decisions, actions, powers, the picture per discipline, contradictions,
persons and contacts. Each section is cut into screen pages that fit the body
(briefing_pages.py): never a scrollbar, never a cut-off line; the pages are cut again when
the window changes size.

Keys: Page Down / Space / Down the next page (after a section's last page: the next
section, so a presenter's clicker walks through everything), Page Up / Backspace / Up the
page before; Right / Left the next / previous section; Home the first, End the last; Esc
closes. Persons are masked; "Onthullen" (R) asks for a purpose and reveals through the cards
service, which checks need to know and audits the view; revealed names live only in this
window and never reach the snapshot.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from crisisconsole.domain.picture_topics import EXPORT_ORDER, section_titles
from crisisconsole.interchange.picture_html import ALERT, local, section_html
from crisisconsole.resources_access import resource_bytes
from crisisconsole.ui.widgets.briefing_pages import Page, PageMeasure, paginate

# Dark-on-light colours of the shared HTML, swapped for light-on-dark ones (AA on #0b0b0b).
SWAPS = (("#52606d", "#d0d0d0"), (ALERT, "#ff8a80"), ("#102a43", "#ffd500"),
         ("#243b53", "#ffd500"))
BRIEFING_KEYS: tuple[str, ...] = tuple(k for k in EXPORT_ORDER if k != "header")
NEXT_PAGE = (Qt.Key.Key_PageDown, Qt.Key.Key_Space, Qt.Key.Key_Down)
PREVIOUS_PAGE = (Qt.Key.Key_PageUp, Qt.Key.Key_Backspace, Qt.Key.Key_Up)


translate = QCoreApplication.translate


def briefing_sections() -> list[tuple[str, str]]:
    """(key, title) of the briefing's sections, titles in the current language."""
    titles = section_titles()
    return [(key, titles[key]) for key in BRIEFING_KEYS]


class BriefingView(QWidget):
    def __init__(self, picture: dict, session=None, snapshot_hash: str | None = None,  # noqa: ANN001
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("briefing")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(resource_bytes("themes", "briefing.qss").decode("utf-8"))
        self.setWindowTitle(translate("BriefingView", "Briefing"))
        self.picture = picture
        self.session = session
        self.revealed: dict[str, str] = {}
        self.sections = briefing_sections()
        self.index = 0
        self.page = 0
        self.pages: list[Page] = []
        self._laid_out_for: tuple[int, int, int] | None = None
        h = picture["header"]
        self.section = QLabel("")
        self.section.setObjectName("briefingSection")
        # The title gives way first: the corner and the page number are never cut off.
        self.section.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.page_label = QLabel("")
        self.page_label.setObjectName("briefingPage")
        self.page_label.setAccessibleName(translate("BriefingView", "Pagina van de sectie"))
        version = (translate("BriefingView", "versie %1").replace("%1", str(h["version"])) if h.get("version")
                   else translate("BriefingView", "live"))
        self.corner = QLabel(f"{h['crisis_name']} · {h['grip_label']} · {version} · "
                             f"{local(h['as_of'])}")
        self.corner.setObjectName("briefingCorner")
        self.corner.setAccessibleName(translate("BriefingView", "Versie en tijd van het beeld"))
        self.corner.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        top = QHBoxLayout()
        if h.get("exercise"):
            mark = QLabel(translate("BriefingView", "OEFENING"))
            mark.setObjectName("briefingExercise")
            top.addWidget(mark)
        top.addStretch(1)
        top.addWidget(self.corner, 0, Qt.AlignmentFlag.AlignRight)
        heading = QHBoxLayout()
        heading.addWidget(self.section, 1)
        heading.addWidget(self.page_label, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)
        self.body = QTextBrowser()
        self.body.setOpenLinks(False)
        self.body.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.body.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.body.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.position = QLabel("")
        self.position.setObjectName("briefingHelp")
        self.position.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.reveal_button = QPushButton(translate("BriefingView", "Onthullen (R)"))
        self.reveal_button.clicked.connect(self.reveal)
        self.reveal_button.setVisible(False)
        bottom = QHBoxLayout()
        bottom.addWidget(self.position, 1)
        bottom.addWidget(self.reveal_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 20, 48, 16)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addLayout(heading)
        layout.addWidget(self.body, 1)
        layout.addLayout(bottom)
        self.hash_text = snapshot_hash
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.show_section(0)

    # -- pages --------------------------------------------------------------------------------
    def section_source(self, index: int) -> str:
        """The section's HTML in the briefing's colours (persons masked unless revealed)."""
        key = self.sections[index][0]
        html = section_html(self.picture, key, reveal=self.revealed.get)
        for dark, light in SWAPS:
            html = html.replace(dark, light)
        return html

    def _paginate(self) -> None:
        self.body.ensurePolished()
        viewport = self.body.viewport()
        doc = self.body.document()
        measure = PageMeasure(doc.defaultFont(), float(viewport.width()),
                              doc.documentMargin(), doc.defaultStyleSheet())
        self.pages = paginate(self.section_source(self.index), measure,
                              float(viewport.height()))
        self._laid_out_for = (self.index, viewport.width(), viewport.height())

    def show_section(self, index: int, page: int = 0) -> None:
        """Show one page of a section (``page`` -1: its last page)."""
        self.index = max(0, min(index, len(self.sections) - 1))
        self._paginate()
        self.page = len(self.pages) - 1 if page < 0 else max(0, min(page, len(self.pages) - 1))
        self._show_page()

    def _show_page(self) -> None:
        key, title = self.sections[self.index]
        self.section.setText(f"{self.index + 1}. {title}")
        count = len(self.pages)
        self.page_label.setText(translate("BriefingView", "pagina %1/%2").replace("%1", str(self.page + 1))
                                .replace("%2", str(count)) if count > 1 else "")
        self.body.setHtml(f"<html><body>{self.pages[self.page].html}</body></html>")
        can_reveal = (key == "persons" and self.session is not None
                      and bool(self.picture["persons"]["items"]))
        self.reveal_button.setVisible(can_reveal)
        self.position.setText(
            translate("BriefingView", "Sectie %1 van %2 · pagina %3/%4 · PgDn/PgUp: pagina · ←/→: sectie · "
                "Esc: sluiten")
            .replace("%1", str(self.index + 1)).replace("%2", str(len(self.sections)))
            .replace("%3", str(self.page + 1)).replace("%4", str(count)))
        layout = self.layout()
        if layout is not None:  # the labels' new widths now, not at the next event loop turn
            layout.activate()

    def next_page(self) -> None:
        if self.page + 1 < len(self.pages):
            self.page += 1
            self._show_page()
        elif self.index + 1 < len(self.sections):
            self.show_section(self.index + 1)

    def previous_page(self) -> None:
        if self.page > 0:
            self.page -= 1
            self._show_page()
        elif self.index > 0:
            self.show_section(self.index - 1, -1)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        layout = self.layout()
        if layout is not None:
            layout.activate()
        viewport = self.body.viewport()
        if self._laid_out_for != (self.index, viewport.width(), viewport.height()):
            self.show_section(self.index, self.page)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key = event.key()
        if key in NEXT_PAGE:
            self.next_page()
        elif key in PREVIOUS_PAGE:
            self.previous_page()
        elif key == Qt.Key.Key_Right:
            self.show_section(self.index + 1)
        elif key == Qt.Key.Key_Left:
            self.show_section(self.index - 1)
        elif key == Qt.Key.Key_Home:
            self.show_section(0)
        elif key == Qt.Key.Key_End:
            self.show_section(len(self.sections) - 1, -1)
        elif key == Qt.Key.Key_Escape:
            self.close()
        elif key == Qt.Key.Key_R and self.reveal_button.isVisible():
            self.reveal()
        else:
            super().keyPressEvent(event)

    # -- reveal -------------------------------------------------------------------------------
    def reveal(self, purpose: str | None = None) -> None:
        """Show the names, after a purpose; each card view is audited by the cards service."""
        if purpose is None:
            purpose, ok = QInputDialog.getText(self, translate("BriefingView", "Onthullen"),
                                               translate("BriefingView", "Doel van het inzien (wordt vastgelegd):"))
            if not ok:
                return
        from crisisconsole.services.cards import person_cards as cards

        try:
            ids = [person["id"] for person in self.picture["persons"]["items"]]
            for card in cards.show_cards(self.session.ctx, ids, purpose):
                self.revealed[card.id] = f"{card.name} ({card.role_in_crisis or ''})"
        except Exception as error:  # noqa: BLE001 - refusals are shown, not swallowed
            from crisisconsole.ui.errors import show_error

            show_error(self, error)
        self.show_section(self.index, self.page)
