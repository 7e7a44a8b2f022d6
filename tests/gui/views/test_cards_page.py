"""The Personen page: masked list, reveal with a purpose, fact dialog, export, purge."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from crisisconsole.services.cards import person_cards as cards
from crisisconsole.services.foundation import audit
from crisisconsole.services.foundation.crises import close_crisis
from crisisconsole.ui.dialogs.card_dialogs import AddFactDialog
from crisisconsole.ui.main_window import MainWindow
from crisisconsole.ui.models.cards_model import CardsModel

NAME = "Ruud Verhoef"
STATEMENT = "Leider van de harde kern van de supportersgroep"


def _card(ctx, crisis):
    made = cards.add_card(ctx, crisis.id, NAME, role_in_crisis="leider supportersgroep")
    cards.add_fact(ctx, made.id, STATEMENT, source_org="Politie", channel="wpg16",
                   legal_basis="Wpg art. 16", purpose="openbare orde", grade="B2", question="who")
    return made


def _window(qtbot, session):
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.attach(session)
    window.show_page("cards")
    page = window.pages["cards"]
    page.refresh()
    return window, page


def _model_text(model):
    return " ".join(str(model.data(model.index(r, c)))
                    for r in range(model.rowCount()) for c in range(model.columnCount()))


def test_cards_model_passes_the_qt_tester_and_is_masked(qtmodeltester, ctx, crisis):
    _card(ctx, crisis)
    model = CardsModel()
    model.set_items(cards.list_cards(ctx, crisis.id))
    qtmodeltester.check(model)
    text = _model_text(model)
    assert "R.V. (leider supportersgroep)" in text
    assert "Ruud" not in text and "Verhoef" not in text and STATEMENT not in text


def test_page_is_masked_until_reveal_with_purpose(qtbot, session, ctx, crisis, shots):
    made = _card(ctx, crisis)
    window, page = _window(qtbot, session)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=3000)
    assert NAME not in page.detail.toPlainText() and STATEMENT not in page.detail.toPlainText()
    window.grab().save(str(shots / "cards_masked.png"))
    page.reveal(made.id, "briefing burgemeester")
    qtbot.waitUntil(lambda: page.revealed_id == made.id, timeout=5000)
    shown = page.detail.toPlainText()
    for expected in (NAME, STATEMENT, "Politie", "Wpg art. 16", "B2", "Wie is het?",
                     "Te verwachten acties", "Behandelnotities", "briefing burgemeester"):
        assert expected in shown, expected
    window.grab().save(str(shots / "cards_revealed.png"))
    views = [r for r in audit.list_records(ctx.store, "card") if r["result"] == "ok"
             and r["action"] == "card.view"]
    assert [r["object_id"] for r in views] == [made.id]
    # moving to another card masks the revealed one again
    cards.add_card(ctx, crisis.id, "Sanne de Wit", role_in_crisis="organisator")
    page.refresh()
    assert page.revealed_id == made.id and NAME in page.detail.toPlainText()
    page.table.selectRow(1)
    assert page.revealed_id is None
    assert NAME not in page.detail.toPlainText() and "Sanne" not in page.detail.toPlainText()
    assert "S.d.W. (organisator)" in page.detail.toPlainText()


def test_fact_dialog_names_missing_fields_and_keeps_text(qtbot, session, ctx, crisis, shots):
    made = _card(ctx, crisis)
    saved = []
    dialog = AddFactDialog("R.V.", saved.append)
    qtbot.addWidget(dialog)
    dialog.statement_edit.setPlainText("Nieuwe bewering")
    dialog.source_edit.setText("Politie")
    dialog.accept()
    assert "kanaal" in dialog.message.text() and "grondslag" in dialog.message.text()
    assert "doel" in dialog.message.text()
    assert dialog.statement_edit.toPlainText() == "Nieuwe bewering" and not saved
    dialog.grab().save(str(shots / "fact_dialog_missing.png"))
    dialog.channel_box.setCurrentIndex(dialog.channel_box.findData("wjsg39f"))
    assert "39f" in dialog.basis_edit.text()  # pre-filled from the channel
    dialog.purpose_edit.setText("openbare orde")
    dialog.accept()
    assert len(saved) == 1 and saved[0]["channel"] == "wjsg39f"
    cards.add_fact(ctx, made.id, **saved[0])
    assert cards.list_cards(ctx, crisis.id)[0].fact_count == 2


def test_export_and_purge_from_the_page(qtbot, session, ctx, crisis, clock, tmp_path):
    made = _card(ctx, crisis)
    window, page = _window(qtbot, session)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=3000)
    page.export(made.id, tmp_path / "kaart.pdf", "driehoek")
    qtbot.waitUntil(lambda: (tmp_path / "kaart.pdf").exists(), timeout=10000)
    close_crisis(ctx, crisis.id)
    clock.advance(timedelta(days=29))
    page.purge_due()
    qtbot.waitUntil(lambda: page.model.item(0) is not None and page.model.item(0).purged,
                    timeout=5000)
    assert audit.verify(ctx.store).ok
    session.worker.wait()


def test_print_is_audited_and_prints_the_card(qtbot, session, ctx, crisis, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    made = _card(ctx, crisis)
    _window_, page = _window(qtbot, session)
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    page.print_card(made.id, "briefing burgemeester", printer=printer)
    assert out.stat().st_size > 1000
    actions = [r["action"] for r in audit.list_records(ctx.store, object_type="card")]
    assert "card.print" in actions


def test_the_first_column_shows_its_header_and_the_masked_name_at_1280x720(qtbot, session, ctx,
                                                                           crisis):
    """Seen at 1280x720: 'rsoonskaa' as the header and 'R.V. …' as the name, the table
    scrolled sideways; the masked name is what the aide reads, so it must show whole."""
    _card(ctx, crisis)
    window, page = _window(qtbot, session)
    window.resize(1280, 720)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=3000)
    qtbot.waitUntil(lambda: page.table.columnWidth(0) > 0)
    metrics = page.table.fontMetrics()
    wanted = max(metrics.horizontalAdvance(str(page.model.headerData(0, Qt.Orientation.Horizontal))),
                 metrics.horizontalAdvance(str(page.model.data(page.model.index(0, 0)))))
    assert page.table.columnWidth(0) >= wanted
    assert page.table.horizontalScrollBar().value() == 0
    assert not page.table.horizontalScrollBar().isVisible()  # every column on screen
