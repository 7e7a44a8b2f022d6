"""Briefing mode for the mayor: full screen, one BOB section at a time in large type, high
contrast (resources/themes/briefing.qss), the picture's version and time always in a corner.

It shows a stored snapshot, never the live log, so what the mayor saw can be reopened later
exactly. Keys: Right / Page Down next section, Left / Page Up previous, Home first, Esc
closes. Persons are masked; "Onthullen" (R) asks for a purpose and reveals through the cards
service, which checks need to know and audits the view; revealed names live only in this
window and never reach the snapshot.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from crisisconsole.domain.picture import SECTIONS
from crisisconsole.interchange.picture_html import ALERT, local, section_html
from crisisconsole.resources_access import resource_bytes

# Dark-on-light colours of the shared HTML, swapped for light-on-dark ones (AA on #0b0b0b).
SWAPS = (("#52606d", "#d0d0d0"), (ALERT, "#ff8a80"), ("#102a43", "#ffd500"),
         ("#243b53", "#ffd500"))
BRIEFING_SECTIONS = [s for s in SECTIONS if s[0] != "header"]



class BriefingView(QWidget):
    def __init__(self, picture: dict, session=None, snapshot_hash: str | None = None,  # noqa: ANN001
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("briefing")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(resource_bytes("themes", "briefing.qss").decode("utf-8"))
        self.setWindowTitle(QCoreApplication.translate("BriefingView", "Briefing"))
        self.picture = picture
        self.session = session
        self.revealed: dict[str, str] = {}
        self.index = 0
        h = picture["header"]
        self.section = QLabel("")
        self.section.setObjectName("briefingSection")
        version = (QCoreApplication.translate("BriefingView", "versie %1").replace(
            "%1", str(h["version"])) if h.get("version")
            else QCoreApplication.translate("BriefingView", "live"))
        self.corner = QLabel(f"{h['crisis_name']} · {h['grip_label']} · {version} · "
                             f"{local(h['as_of'])}")
        self.corner.setObjectName("briefingCorner")
        self.corner.setAccessibleName(QCoreApplication.translate("BriefingView", "Versie en tijd van het beeld"))
        top = QHBoxLayout()
        top.addWidget(self.section, 1)
        if h.get("exercise"):
            mark = QLabel(QCoreApplication.translate("BriefingView", "OEFENING"))
            mark.setObjectName("briefingExercise")
            top.addWidget(mark)
        top.addWidget(self.corner, 0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight)
        self.body = QTextBrowser()
        self.body.setOpenLinks(False)
        self.body.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.position = QLabel("")
        self.position.setObjectName("briefingHelp")
        self.reveal_button = QPushButton(QCoreApplication.translate("BriefingView", "Onthullen (R)"))
        self.reveal_button.clicked.connect(self.reveal)
        self.reveal_button.setVisible(False)
        bottom = QHBoxLayout()
        bottom.addWidget(self.position, 1)
        bottom.addWidget(self.reveal_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 32, 48, 24)
        layout.addLayout(top)
        layout.addWidget(self.body, 1)
        layout.addLayout(bottom)
        self.hash_text = snapshot_hash
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.show_section(0)

    # -- navigation ---------------------------------------------------------------------------
    def show_section(self, index: int) -> None:
        self.index = max(0, min(index, len(BRIEFING_SECTIONS) - 1))
        key, title = BRIEFING_SECTIONS[self.index]
        self.section.setText(f"{self.index + 1}. {title}")
        html = section_html(self.picture, key, reveal=self.revealed.get)
        for dark, light in SWAPS:
            html = html.replace(dark, light)
        self.body.setHtml(f"<html><body>{html}</body></html>")
        can_reveal = (key == "persons" and self.session is not None
                      and bool(self.picture["persons"]["items"]))
        self.reveal_button.setVisible(can_reveal)
        self.position.setText(QCoreApplication.translate("BriefingView", "%1 van %2 · ←/→ of Page Up/Down: vorige/volgende · Esc: sluiten")
                              .replace("%1", str(self.index + 1))
                              .replace("%2", str(len(BRIEFING_SECTIONS))))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key = event.key()
        if key in (Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_Space):
            self.show_section(self.index + 1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_PageUp):
            self.show_section(self.index - 1)
        elif key == Qt.Key.Key_Home:
            self.show_section(0)
        elif key == Qt.Key.Key_End:
            self.show_section(len(BRIEFING_SECTIONS) - 1)
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
            purpose, ok = QInputDialog.getText(self, QCoreApplication.translate("BriefingView", "Onthullen"),
                                               QCoreApplication.translate("BriefingView", "Doel van het inzien (wordt vastgelegd):"))
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
        self.show_section(self.index)
