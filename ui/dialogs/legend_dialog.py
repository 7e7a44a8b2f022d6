"""Help > Betrouwbaarheid en Admiraltycodes: what a badge like "Bevestigd D4" means. The tags
and grade texts are the domain's (crisisconsole/domain/reliability.py), in the UI language; a
test keeps the Dutch here equal to the domain's."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from crisisconsole.domain.reliability import (
    RELIABILITY_COLOURS,
    Reliability,
    parse_grade,
)

TAGS = (
    (Reliability.CONFIRMED, QT_TRANSLATE_NOOP("LegendDialog", "Bevestigd"),
     QT_TRANSLATE_NOOP("LegendDialog", "Zelf waargenomen door een genoemde bron, of bevestigd "
                                       "door een tweede, onafhankelijke bron. Alleen met een "
                                       "uitdrukkelijke handeling; wie en wanneer blijft bewaard.")),
    (Reliability.HEARSAY, QT_TRANSLATE_NOOP("LegendDialog", "Van horen zeggen"),
     QT_TRANSLATE_NOOP("LegendDialog", "Nog niet bevestigd (onbevestigd). Elke nieuwe melding "
                                       "begint zo, tenzij anders aangegeven.")),
    (Reliability.REFUTED, QT_TRANSLATE_NOOP("LegendDialog", "Ontkracht"),
     QT_TRANSLATE_NOOP("LegendDialog", "Tegengesproken door een betrouwbare bron. De melding "
                                       "blijft zichtbaar, met de reden.")),
)
CONTRADICTED = (QT_TRANSLATE_NOOP("LegendDialog", "Tegengesproken"),
                QT_TRANSLATE_NOOP("LegendDialog", "Een andere melding spreekt deze tegen; nog "
                                                  "niet beslist welke klopt."))
SOURCE_GRADES = {
    "A": QT_TRANSLATE_NOOP("LegendDialog", "volledig betrouwbaar"),
    "B": QT_TRANSLATE_NOOP("LegendDialog", "meestal betrouwbaar"),
    "C": QT_TRANSLATE_NOOP("LegendDialog", "redelijk betrouwbaar"),
    "D": QT_TRANSLATE_NOOP("LegendDialog", "meestal niet betrouwbaar"),
    "E": QT_TRANSLATE_NOOP("LegendDialog", "onbetrouwbaar"),
    "F": QT_TRANSLATE_NOOP("LegendDialog", "niet te beoordelen"),
}
INFORMATION_GRADES = {
    "1": QT_TRANSLATE_NOOP("LegendDialog", "bevestigd door andere bronnen"),
    "2": QT_TRANSLATE_NOOP("LegendDialog", "waarschijnlijk waar"),
    "3": QT_TRANSLATE_NOOP("LegendDialog", "mogelijk waar"),
    "4": QT_TRANSLATE_NOOP("LegendDialog", "twijfelachtig"),
    "5": QT_TRANSLATE_NOOP("LegendDialog", "onwaarschijnlijk"),
    "6": QT_TRANSLATE_NOOP("LegendDialog", "niet te beoordelen"),
}
EXAMPLE = "D4"


class LegendDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Betrouwbaarheid en Admiraltycodes"))
        self.browser = QTextBrowser()
        self.browser.setAccessibleName(self.tr("Legenda betrouwbaarheid"))
        self.browser.setHtml(self.legend_html())
        self.code_edit = QLineEdit()
        self.code_edit.setAccessibleName(self.tr("Code uitleggen"))
        self.code_edit.setPlaceholderText(self.tr("bijvoorbeeld B2"))
        self.code_edit.setMaximumWidth(120)
        self.code_edit.textChanged.connect(self._explain)
        self.explained = QLabel("")
        self.explained.setObjectName("codeExplained")
        self.explained.setWordWrap(True)
        line = QHBoxLayout()
        line.addWidget(QLabel(self.tr("Code:")))
        line.addWidget(self.code_edit)
        line.addWidget(self.explained, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addLayout(line)
        layout.addWidget(buttons)
        self.resize(680, 640)

    def describe(self, code: str) -> str:
        """'D4' -> 'bron meestal niet betrouwbaar, informatie twijfelachtig'."""
        grade = parse_grade(code)
        if grade is None:
            return ""
        return (self.tr("bron %1, informatie %2")
                .replace("%1", self.tr(SOURCE_GRADES[grade.source]))
                .replace("%2", self.tr(INFORMATION_GRADES[grade.information])))

    def _explain(self, text: str) -> None:
        try:
            self.explained.setText(self.describe(text))
        except ValueError:
            self.explained.setText(self.tr("Onbekende code: gebruik bron A–F en informatie "
                                           "1–6, bijvoorbeeld B2."))

    def legend_html(self) -> str:
        tr = self.tr  # for the texts declared above (QT_TRANSLATE_NOOP); literals by self.tr
        heading_tags = escape(self.tr("Betrouwbaarheid"))
        heading_grades = escape(self.tr("Admiraltycode"))
        heading_source = escape(self.tr("Bron (A–F)"))
        heading_information = escape(self.tr("Informatie (1–6)"))
        intro = escape(self.tr("Elke melding heeft een label; de beoordeling (Admiraltycode) is "
                               "optioneel en staat erachter, zoals in \"Bevestigd D4\"."))
        axes = escape(self.tr("Twee tekens, los van elkaar beoordeeld: een letter voor de bron "
                              "en een cijfer voor de informatie. Het cijfer volgt nooit uit de "
                              "letter."))
        example = escape(self.tr("Voorbeeld: \"%1 %2\" is bevestigd, en beoordeeld als %3.")
                         .replace("%1", self.tr("Bevestigd")).replace("%2", EXAMPLE)
                         .replace("%3", self.describe(EXAMPLE)))
        parts = [f"<h3>{heading_tags}</h3><p>{intro}</p><table cellpadding='4'>"]
        for tag, label, meaning in TAGS:
            colour = RELIABILITY_COLOURS[tag]
            parts.append(f"<tr><td><b style='color:{colour}'>■</b> <b>{escape(tr(label))}</b>"
                         f"</td><td>{escape(tr(meaning))}</td></tr>")
        parts.append(f"<tr><td><b>{escape(tr(CONTRADICTED[0]))}</b></td>"
                     f"<td>{escape(tr(CONTRADICTED[1]))}</td></tr></table>")
        parts.append(f"<h3>{heading_grades}</h3><p>{axes}</p>")
        parts.append("<table cellpadding='3'><tr><td valign='top'><table cellpadding='2'>"
                     f"<tr><th colspan='2' align='left'>{heading_source}</th></tr>")
        for code, text in SOURCE_GRADES.items():
            parts.append(f"<tr><td><b>{code}</b></td><td>{escape(tr(text))}</td></tr>")
        parts.append("</table></td><td width='24'></td><td valign='top'><table cellpadding='2'>"
                     f"<tr><th colspan='2' align='left'>{heading_information}</th></tr>")
        for code, text in INFORMATION_GRADES.items():
            parts.append(f"<tr><td><b>{code}</b></td><td>{escape(tr(text))}</td></tr>")
        parts.append(f"</table></td></tr></table><p><i>{example}</i></p>")
        return "".join(parts)
