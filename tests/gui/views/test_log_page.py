from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.services.log.entries import add_entry, correct_entry, link_entries
from crisisconsole.services.log.queries import LogFilter, entry_history, get_entry
from crisisconsole.store.opening import open_database
from crisisconsole.ui.models.log_table_model import (
    COL_RELIABILITY,
    COL_TEXT,
    COL_TIME,
    PAGE,
    EntryIdRole,
    HighlightRole,
    LogTableModel,
)
from crisisconsole.ui.page_context import CurrentCrisis, PageContext
from crisisconsole.ui.views.log_page import make_page


def _fill(ctx, crisis, clock, n):
    ids = []
    for i in range(n):
        clock.advance(seconds=30)
        ids.append(add_entry(ctx, crisis.id, f"melding {i} café", "politie" if i % 2 else "burger",
                             occurred_at=clock.now() - timedelta(minutes=i % 7)).id)
    return ids


class _Window(QWidget):
    """A page and what it is given (PageContext); the main window stays out of these tests."""

    def __init__(self, session, crisis_id):
        super().__init__()
        self.session = session
        self.errors = []
        self.crisis = CurrentCrisis(self)
        self.crisis.choose(crisis_id, announce=False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        context = PageContext(session, self.crisis, self.errors.append, lambda _text, _ms: None)
        self.pages = {"log": make_page(context)}
        layout.addWidget(self.pages["log"])


def _window(qtbot, session, crisis):
    window = _Window(session, crisis.id)
    qtbot.addWidget(window)
    window.resize(1300, 800)
    window.show()
    page = window.pages["log"]
    qtbot.waitUntil(lambda: page.crisis_id == crisis.id)
    return window, page


def test_model_passes_qtmodeltester_and_pages_both_ends(qtmodeltester, ctx, crisis, clock, qapp):
    _fill(ctx, crisis, clock, PAGE * 2 + 37)
    model = LogTableModel(ctx.store)
    model.set_crisis(crisis.id)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == PAGE * 2 + 37
    from crisisconsole.services.log.queries import list_entries

    everything = list_entries(ctx.store, crisis.id, limit=10_000)
    assert model.entry_at(model.rowCount() - 1).id == everything[-1].id  # from the bottom
    assert model.entry_at(PAGE + 5).id == everything[PAGE + 5].id  # middle, by keyset/offset
    assert model.entry_at(0).id == everything[0].id
    assert model.data(model.index(0, COL_TEXT)).startswith("melding")
    assert model.data(model.index(0, COL_TEXT), Qt.ItemDataRole.WhatsThisRole) is None
    assert model.row_of(everything[PAGE + PAGE // 2].id) == PAGE + PAGE // 2  # a cached page
    model.set_filter(LogFilter(query="cafe"))
    spans = model.data(model.index(0, COL_TEXT), HighlightRole)
    text = model.data(model.index(0, COL_TEXT))
    assert [text[s:s + n] for s, n in spans] == ["café"]
    model.sort(COL_TIME, Qt.SortOrder.AscendingOrder)
    assert model.entry_at(0).id == everything[-1].id


def test_typing_an_entry_shows_it_and_keeps_source_and_tag(qtbot, session, crisis, shots):
    window, page = _window(qtbot, session, crisis)
    with qtbot.waitActive(window):
        window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert page.quick.text_edit.hasFocus()
    page.quick.source_box.setEditText("Politie")
    page.quick.tag_box.setCurrentIndex(1)
    page.quick.confirmed_edit.setText("ME-peloton 1")
    page.quick.grade_edit.setText("b2")
    qtbot.keyClicks(page.quick.text_edit, "Plunderingen Marktplein")
    qtbot.keyClick(page.quick.text_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=3000)
    assert page.model.data(page.model.index(0, COL_TEXT)) == "Plunderingen Marktplein"
    assert page.model.data(page.model.index(0, COL_RELIABILITY)) == "Bevestigd B2"
    assert page.quick.text_edit.text() == ""
    assert page.quick.source_box.currentText() == "Politie"
    assert page.quick.tag_box.currentData() == "confirmed"
    window.grab().save(str(shots / "log_after_entry.png"))


def test_bad_input_and_failed_write_keep_the_text(qtbot, session, crisis, monkeypatch):
    window, page = _window(qtbot, session, crisis)
    page.quick.source_box.setEditText("Politie")
    page.quick.text_edit.setText("Brand")
    page.quick.grade_edit.setText("Z9")
    page.quick.submit()
    qtbot.waitUntil(lambda: "Onbekende beoordeling" in page.quick.message.text(), timeout=3000)
    assert page.quick.text_edit.text() == "Brand" and page.model.rowCount() == 0
    page.quick.grade_edit.clear()
    from crisisconsole.errors import NotWritableError
    from crisisconsole.services.log import record

    real = record.record_entry

    def full_disk(*args, **kwargs):
        raise NotWritableError("schijf vol / disk full")

    monkeypatch.setattr(record, "record_entry", full_disk)
    page.quick.submit()
    qtbot.waitUntil(lambda: "schijf vol" in page.quick.message.text(), timeout=3000)
    assert page.quick.text_edit.text() == "Brand" and page.quick.retry_button.isVisible()
    monkeypatch.setattr(record, "record_entry", real)
    qtbot.mouseClick(page.quick.retry_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=3000)
    assert page.quick.text_edit.text() == "" and not page.quick.retry_button.isVisible()


def _answer(monkeypatch, fill):
    def exec_(dialog):
        fill(dialog)
        dialog.accept()  # OK: the dialog runs the act and closes once it is saved
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QDialog, "exec", exec_)


def test_confirm_refute_correct_link_in_the_ui(qtbot, session, ctx, crisis, clock, monkeypatch,
                                               shots):
    ids = _fill(ctx, crisis, clock, 3)
    window, page = _window(qtbot, session, crisis)
    row = page.model.row_of(ids[0])
    page.table.selectRow(row)
    assert page.detail.entry_id == ids[0]
    _answer(monkeypatch, lambda d: d.by_edit.setText("politie OvD"))
    page.detail.confirm_button.click()
    qtbot.waitUntil(lambda: get_entry(ctx.store, ids[0]).reliability == "confirmed", timeout=3000)

    def correct(d):
        d.text_edit.setPlainText("melding 0 gecorrigeerd")
        d.reason_edit.setText("typfout")

    _answer(monkeypatch, correct)
    page.detail.correct_button.click()
    qtbot.waitUntil(lambda: get_entry(ctx.store, ids[0]).version == 2, timeout=3000)

    def link(d):
        d.kind_box.setCurrentIndex(d.kind_box.findData("contradicts"))
        assert d.other_picker.set_chosen(ids[1])

    _answer(monkeypatch, link)
    page.detail.link_button.click()
    qtbot.waitUntil(lambda: get_entry(ctx.store, ids[0]).contradicted, timeout=3000)
    qtbot.waitUntil(lambda: "<s" in page.detail.browser.toHtml() or
                    "line-through" in page.detail.browser.toHtml(), timeout=3000)
    assert page.detail.entry_id == ids[0]  # selection kept across the refreshes
    window.grab().save(str(shots / "log_detail.png"))
    page.table.selectRow(page.model.row_of(ids[1]))
    _answer(monkeypatch, lambda d: d.by_edit.setText("GHOR"))
    page.detail.refute_button.click()
    qtbot.waitUntil(lambda: get_entry(ctx.store, ids[1]).reliability == "refuted", timeout=3000)
    assert not get_entry(ctx.store, ids[0]).contradicted  # settled
    state, _ = entry_history(ctx.store, ids[0])
    assert [i.kind for i in state.history].count("version") == 2


def test_confirm_without_source_is_refused_in_the_dialog(qtbot, session, ctx, crisis, clock,
                                                        monkeypatch):
    ids = _fill(ctx, crisis, clock, 1)
    window, page = _window(qtbot, session, crisis)
    page.table.selectRow(0)
    seen = []

    def exec_(dialog):
        dialog.reason_edit.setText("gezien op camera")
        dialog.accept()  # no source: refused beside the source field, the dialog stays
        seen.append((dialog.result(), dialog.problem_text(dialog.by_edit),
                     dialog.reason_edit.text()))
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(QDialog, "exec", exec_)
    page.detail.confirm_button.click()
    result, message, reason = seen[0]
    assert not result and "bevestigende bron" in message
    assert reason == "gezien op camera"
    assert get_entry(ctx.store, ids[0]).reliability == "hearsay"


def test_entries_from_elsewhere_appear_keeping_selection_and_scroll(qtbot, session, store, ctx,
                                                                    crisis, clock,
                                                                    secret_store):
    ids = _fill(ctx, crisis, clock, 120)
    window, page = _window(qtbot, session, crisis)
    page.table.scrollTo(page.model.index(60, 0), page.table.ScrollHint.PositionAtTop)
    page.table.selectRow(page.model.row_of(ids[58]))
    top_id = page.model.index(page.table.rowAt(0), 0).data(EntryIdRole)
    assert page.table.rowAt(0) > 0
    # A store of its own on the same file, as another process: its writes reach this window
    # only through the audit chain.
    other_store = open_database(store.path, secret_store, clock=clock)
    other = ServiceContext(other_store, ctx.actor)
    clock.advance(minutes=1)
    new = add_entry(other, crisis.id, "van de CLI", "politie")
    correct_entry(other, ids[58], "melding 58 bijgewerkt", "update")
    link_entries(other, new.id, ids[58], "follows_up")
    other_store.close()
    qtbot.waitUntil(lambda: page.model.rowCount() == 121, timeout=1500)
    qtbot.waitUntil(lambda: "bijgewerkt" in page.detail.browser.toPlainText(), timeout=1500)
    assert page.selected_id() == ids[58]
    assert page.model.index(page.table.rowAt(0), 0).data(EntryIdRole) == top_id
