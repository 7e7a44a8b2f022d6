"""Pseudo-localisation: a translator that makes every string about 40% longer, with accents
("Bestand" -> "[Béstàñd~~~]"), is installed; every page of the main window is rendered on the
demo database at 1280x720; a visible label, button, check box, group box or tab whose text no
longer fits its widget fails the test (text that is elided by design is not measured: it
is already short). Translations longer than Dutch then cannot cut a control's text off."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QLabel,
    QListWidget,
    QPushButton,
    QRadioButton,
    QTabBar,
    QToolButton,
    QWidget,
)

from crisisconsole.ui.main_window import MainWindow

ACCENTS = str.maketrans("aeiounycAEIOUNYC", "àéïöüñýçÀÉÏÖÜÑÝÇ")
# Kept as they are: placeholders (%1, %n), HTML tags and entities, mnemonics' '&'.
KEEP = re.compile(r"(%\d|%n|<[^>]*>|&[a-zA-Z#0-9]+;|&&|&)")


def pseudo(text: str) -> str:
    if not text or not text.strip():
        return text
    parts = KEEP.split(text)
    shown = "".join(p for p in parts if not KEEP.fullmatch(p))
    accented = "".join(p if KEEP.fullmatch(p) else p.translate(ACCENTS) for p in parts)
    pad = "~" * max(1, round(len(shown) * 0.4) - 2)
    if "<" in text:  # rich text: the padding goes at the end, inside no tag
        return accented + pad
    return f"[{accented}{pad}]"


class PseudoTranslator(QTranslator):
    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ANN001, ANN201
        return pseudo(source)

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return False


def test_pseudo_text_is_longer_and_keeps_placeholders():
    assert pseudo("Bestand").startswith("[Béstàñd~") and len(pseudo("Bestand")) >= 1.4 * 7
    assert "%1" in pseudo("Database: %1") and "&" in pseudo("&Bestand")
    assert len(pseudo("Nieuwe crisis aanmaken")) >= 1.4 * len("Nieuwe crisis aanmaken")


def _plain(text: str) -> str:
    if "<" in text:
        doc = QTextDocument()
        doc.setHtml(text)
        text = doc.toPlainText()
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _shown(widget: QWidget) -> bool:
    """Visible and inside the window (a scrolled-away child is not cut off, only hidden)."""
    return widget.isVisible() and widget.width() > 0 and not widget.visibleRegion().isEmpty()


def clipped(window: QWidget) -> list[str]:
    found = []
    for widget in window.findChildren(QWidget):
        if not _shown(widget):
            continue
        name = f"{type(widget).__name__}({widget.objectName() or widget.accessibleName()})"
        if isinstance(widget, QLabel):
            if widget.wordWrap() or not widget.text() or widget.pixmap() is not None \
                    and not widget.pixmap().isNull():
                continue
            lines = _plain(widget.text()).splitlines() or [""]
            need = max(widget.fontMetrics().horizontalAdvance(line) for line in lines)
            if need > widget.contentsRect().width() + 1:
                found.append(f"{name}: {widget.text()!r} needs {need}, has "
                             f"{widget.contentsRect().width()}")
        elif isinstance(widget, (QPushButton, QCheckBox, QRadioButton, QToolButton)):
            if not widget.text():
                continue
            if widget.sizeHint().width() > widget.width() + 1:
                found.append(f"{name}: {widget.text()!r} needs {widget.sizeHint().width()}, "
                             f"has {widget.width()}")
        elif isinstance(widget, QGroupBox) and widget.title():
            need = widget.fontMetrics().horizontalAdvance(_plain(widget.title())) + 16
            if need > widget.width():
                found.append(f"{name}: {widget.title()!r} needs {need}, has {widget.width()}")
        elif isinstance(widget, QListWidget):
            room = widget.viewport().width()
            for index in range(widget.count()):
                item = widget.item(index)
                rect = widget.visualItemRect(item)
                if not item.isHidden() and rect.right() > room + widget.horizontalOffset() + 1:
                    found.append(f"{name} item {item.text()!r} is {rect.width()} wide, has {room}")
        elif isinstance(widget, QTabBar) and widget.elideMode().name == "ElideNone":
            for index in range(widget.count()):
                if widget.tabSizeHint(index).width() > widget.tabRect(index).width() + 1:
                    found.append(f"{name} tab {widget.tabText(index)!r}")
    return found


@pytest.fixture
def pseudo_window(qtbot, qapp, tmp_path):
    from crisisconsole.demo.build import build_demo_database
    from crisisconsole.services.foundation.unlock import unlock
    from crisisconsole.ui.app import apply_theme
    from crisisconsole.ui.session import Session

    translator = PseudoTranslator(qapp)
    qapp.installTranslator(translator)
    apply_theme(qapp)
    info = build_demo_database(tmp_path / "demo.db", passphrase="demo demo demo")
    session = Session(unlock(info.path, key=info.key).sign_in("aide", info.profile_secret).ctx)
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    window.attach(session)
    window.crisis.choose(info.crisis_id)
    try:
        yield window, session
    finally:
        window.reminders.stop()
        session.worker.wait()
        qapp.removeTranslator(translator)


def test_no_text_is_cut_off_in_pseudo_translation(qtbot, qapp, pseudo_window, shots):
    window, session = pseudo_window
    problems = []
    for spec in window.specs:
        window.show_page(spec.key)
        window.resize(1280, 720)
        qtbot.wait(50)
        session.worker.wait()
        qapp.processEvents()
        window.grab().save(str(shots / f"pseudo_{spec.key}.png"))
        problems += [f"{spec.key}: {p}" for p in clipped(window)]
    assert not problems, "\n".join(sorted(set(problems)))
