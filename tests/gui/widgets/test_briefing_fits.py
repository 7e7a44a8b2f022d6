"""Briefing mode that fits (issue 13, item 3): every section of the demo, at 1920x1080 and at
1366x768, in Dutch and English, walked page by page with the keys the mayor uses. On every
page each text block lies inside the body's viewport (no scrollbar, nothing cut off), the
corner with crisis, GRIP, version and time is wholly visible, and the pages of a section
together hold all of the section's text (nothing dropped by the cutting)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QTextDocument

from crisisconsole import i18n
from crisisconsole.ui.widgets.briefing_view import BriefingView

SIZES = ((1920, 1080), (1366, 768))


@pytest.fixture(scope="module")
def demo_picture(tmp_path_factory):
    from crisisconsole.demo.build import build_demo_database
    from crisisconsole.services.foundation.unlock import unlock
    from crisisconsole.services.picture import snapshots as picture_service

    info = build_demo_database(tmp_path_factory.mktemp("briefing") / "demo.db",
                               passphrase="demo demo demo")
    ctx = unlock(info.path, key=info.key).sign_in("aide", info.profile_secret).ctx
    latest = picture_service.list_snapshots(ctx.store, info.crisis_id)[0]
    return picture_service.get_snapshot(ctx.store, latest.id).picture


@pytest.fixture(params=["nl", "en"])
def language(request, qapp):
    from crisisconsole.ui.translations import install_translator

    i18n.set_language(request.param)
    translator = install_translator(qapp, request.param)
    yield request.param
    if translator is not None:
        qapp.removeTranslator(translator)
    i18n.set_language(None)


def _words(html: str) -> str:
    doc = QTextDocument()
    doc.setHtml(html)
    return "".join(doc.toPlainText().split()).replace("•", "")


def _inside(view: BriefingView, widget) -> bool:  # noqa: ANN001
    where = QRect(widget.mapTo(view, widget.rect().topLeft()), widget.size())
    return view.rect().contains(where) and widget.width() >= widget.sizeHint().width()


def _assert_page_fits(view: BriefingView) -> None:
    viewport = view.body.viewport()
    doc = view.body.document()
    layout = doc.documentLayout()
    assert view.body.verticalScrollBar().maximum() == 0
    block = doc.begin()
    while block.isValid():
        rect = layout.blockBoundingRect(block)
        assert rect.bottom() <= viewport.height(), (view.index, view.page, block.text())
        assert rect.right() <= viewport.width() + 1, (view.index, view.page, block.text())
        block = block.next()
    assert doc.size().height() <= viewport.height()
    assert _inside(view, view.corner), view.corner.text()
    assert _inside(view, view.page_label), view.page_label.text()


@pytest.mark.parametrize("size", SIZES, ids=["1920x1080", "1366x768"])
def test_every_section_of_the_demo_fits_the_screen(qtbot, qapp, demo_picture, size, language,
                                                   shots):
    view = BriefingView(demo_picture)
    qtbot.addWidget(view)
    view.show()
    view.resize(*size)
    qapp.processEvents()
    assert view.size().width() == size[0]
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert (view.index, view.page) == (0, 0)
    title = "Sinds de vorige briefing" if language == "nl" else "Since the last briefing"
    assert view.section.text() == f"1. {title}"
    seen: dict[int, list[str]] = {}
    steps = 0
    while True:
        _assert_page_fits(view)
        seen.setdefault(view.index, []).append(view.body.toHtml())
        if len(view.pages) > 1:
            label = "pagina" if language == "nl" else "page"
            assert view.page_label.text() == f"{label} {view.page + 1}/{len(view.pages)}"
        if (view.index, view.page) == (0, 1) or (view.index == 6 and view.page == 0):
            view.grab().save(str(shots / f"briefing_{language}_{size[0]}_{view.index}.png"))
        last = (view.index, view.page)
        qtbot.keyClick(view, Qt.Key.Key_PageDown)
        steps += 1
        if (view.index, view.page) == last:
            break
        assert steps < 200
    assert sorted(seen) == list(range(len(view.sections)))  # PgDn reached every section
    keys = [key for key, _ in view.sections]
    persons = "".join(seen[keys.index("persons")])
    assert "R.V." in persons and "Ruud Verhoef" not in persons  # persons stay masked
    for index, pages in seen.items():
        whole = _words(f"<html><body>{view.section_source(index)}</body></html>")
        assert "".join(_words(p) for p in pages) == whole, view.sections[index][0]
    # The long sections really were cut into pages at the small size.
    if size == (1366, 768):
        assert max(len(p) for p in seen.values()) > 3


def test_keys_move_within_and_between_sections(qtbot, qapp, demo_picture):
    view = BriefingView(demo_picture)
    qtbot.addWidget(view)
    view.show()
    view.resize(1366, 768)
    qapp.processEvents()
    assert len(view.pages) > 1  # "Sinds de vorige briefing" of the demo takes pages
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert (view.index, view.page) == (0, 1)
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert (view.index, view.page) == (0, 2)
    qtbot.keyClick(view, Qt.Key.Key_Backspace)
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    assert (view.index, view.page) == (0, 0)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert (view.index, view.page) == (1, 0)
    qtbot.keyClick(view, Qt.Key.Key_PageUp)  # back into the last page of the section before
    assert view.index == 0 and view.page == len(view.pages) - 1 > 0
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert (view.index, view.page) == (0, 0)
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert view.index == len(view.sections) - 1 and view.page == len(view.pages) - 1
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert (view.index, view.page) == (0, 0)
    # A smaller window cuts the section again; the page stays within the new count.
    qtbot.keyClick(view, Qt.Key.Key_End)
    view.resize(1920, 1080)
    qapp.processEvents()
    assert view.page < len(view.pages)
    _assert_page_fits(view)
