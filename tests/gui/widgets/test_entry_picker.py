"""The searchable entry picker: type to filter by text, time and source; one or several."""

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from crisisconsole.services.log.entries import add_entry
from crisisconsole.services.log.queries import list_entries
from crisisconsole.ui.dialogs.decision_dialogs import DecisionDialog
from crisisconsole.ui.dialogs.log_action_dialogs import AssessDialog, LinkDialog
from crisisconsole.ui.widgets.entry_picker import (
    EntryFilterModel,
    EntryPicker,
    PickerEntry,
    picker_entries,
)

ROWS = [PickerEntry("a", "29-11 14:05", "Politie", "Brand in de Kerkstraat"),
        PickerEntry("b", "29-11 14:32", "Brandweer", "Rook bij het café aan de haven"),
        PickerEntry("c", "29-11 15:10", "Burger", "Politie ziet plunderaars"),
        PickerEntry("d", "30-11 09:00", "Politie", "Rustig op het Marktplein")]


def test_the_filter_model_passes_the_model_tester(qtmodeltester, qapp):
    picker = EntryPicker(ROWS)
    picker.proxy.set_query("politie")
    qtmodeltester.check(picker.proxy, force_py=True)
    assert isinstance(picker.proxy, EntryFilterModel)


@pytest.mark.parametrize("query,expected", [
    ("", ["a", "b", "c", "d"]),
    ("cafe", ["b"]),  # accents and case do not matter
    ("KERKSTRAAT", ["a"]),
    ("politie", ["a", "c", "d"]),  # the source column and the text
    ("14:3", ["b"]),  # the time
    ("30-11", ["d"]),  # the day
    ("politie brand", ["a"]),  # every word, in any column
    ("onbekend", []),
])
def test_typing_filters_by_text_time_and_source(qapp, query, expected):
    picker = EntryPicker(ROWS)
    picker.search_edit.setText(query)
    assert picker.visible_ids() == expected


def test_single_choice_follows_the_selection_and_the_filter(qtbot):
    picker = EntryPicker(ROWS)
    qtbot.addWidget(picker)
    assert picker.chosen_id() is None
    assert picker.count_label.text() == "4 meldingen"
    assert picker.set_chosen("c")
    assert picker.chosen_id() == "c"
    picker.search_edit.setText("plunder")  # still shown: still chosen
    assert picker.chosen_id() == "c"
    picker.search_edit.setText("haven")  # hides the chosen row: nothing chosen
    assert picker.chosen_id() is None
    assert picker.count_label.text() == "1 van 4 meldingen"
    qtbot.keyClick(picker.search_edit, Qt.Key.Key_Return)  # the only row left is taken
    assert picker.chosen_id() == "b"
    picker.search_edit.setText("zzz")
    assert picker.count_label.text() == "Geen meldingen voor deze zoekterm"


def test_multiple_checks_stay_while_the_filter_hides_them(qtbot):
    picker = EntryPicker(ROWS, multiple=True)
    qtbot.addWidget(picker)
    picker.set_chosen("a")
    picker.search_edit.setText("rook")
    picker.set_chosen("b")
    assert picker.chosen_ids() == ["a", "b"]
    assert picker.count_label.text() == "1 van 4 meldingen · 2 gekozen"
    picker.set_chosen("a", checked=False)
    assert picker.chosen_ids() == ["b"]


def test_picker_rows_come_from_log_entries(ctx, crisis, clock):
    first = add_entry(ctx, crisis.id, "Brand   in de\nKerkstraat", "politie")
    clock.advance(minutes=3)
    second = add_entry(ctx, crisis.id, "Rook", "burger")
    rows = picker_entries(list_entries(ctx.store, crisis.id), exclude=second.id)
    assert [(r.id, r.source, r.text) for r in rows] == [(first.id, "Politie",
                                                         "Brand in de Kerkstraat")]
    assert rows[0].when.count(":") == 1


def test_the_link_assess_and_decision_dialogs_search_their_entries(qtbot, ctx, crisis, clock,
                                                                   shots):
    for i in range(60):
        clock.advance(minutes=1)
        add_entry(ctx, crisis.id, f"melding nr{i}", "politie" if i % 3 else "ghor",
                  occurred_at=clock.now() - timedelta(minutes=1))
    rows = picker_entries(list_entries(ctx.store, crisis.id, limit=1000))
    link = LinkDialog(rows)
    qtbot.addWidget(link)
    link.other_picker.search_edit.setText("ghor nr4")
    assert len(link.other_picker.visible_ids()) == 3  # nr42, nr45, nr48 (every third: ghor)
    link.other_picker.table.selectRow(0)
    assert link.values()["other"] == link.other_picker.visible_ids()[0]
    link.resize(720, 520)
    link.show()
    link.grab().save(str(shots / "link_dialog_picker.png"))
    assess = AssessDialog("confirmed", "x", rows)
    qtbot.addWidget(assess)
    assert assess.corroborating_picker.set_chosen(rows[5].id)
    assert assess.values()["corroborated_by"] == rows[5].id
    refute = AssessDialog("refuted", "x", rows)
    qtbot.addWidget(refute)
    assert refute.values()["corroborated_by"] is None
    decision = DecisionDialog(rows, "aide")
    qtbot.addWidget(decision)
    decision.entries.search_edit.setText("nr1")
    for entry_id in decision.entries.visible_ids()[:2]:
        decision.entries.set_chosen(entry_id)
    decision.entries.search_edit.clear()
    assert len(decision.values()["entry_ids"]) == 2
    decision.show()
    decision.grab().save(str(shots / "decision_dialog_picker.png"))
    assert QDialog in type(decision).__mro__


def test_a_decision_rests_on_entries_found_by_searching(qtbot, session, ctx, crisis, clock,
                                                        monkeypatch):
    from crisisconsole.services.picture.decisions import list_decisions
    from crisisconsole.ui.page_context import CurrentCrisis, PageContext
    from crisisconsole.ui.views.decisions_page import make_page

    wanted = add_entry(ctx, crisis.id, "Plunderingen op het Marktplein", "politie")
    for i in range(40):
        clock.advance(minutes=1)
        add_entry(ctx, crisis.id, f"Rustig in wijk {i}", "burger")
    current = CurrentCrisis()
    current.choose(crisis.id, announce=False)
    page = make_page(PageContext(session, current, lambda e: None, lambda _t, _ms: None))
    qtbot.addWidget(page)

    def fill(dialog):
        dialog.text.setText("Noodverordening binnenstad")
        dialog.rationale.setPlainText("Plunderingen")
        dialog.entries.search_edit.setText("markt plunder")
        assert dialog.entries.visible_ids() == [wanted.id]
        dialog.entries.set_chosen(wanted.id)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QDialog, "exec", fill)
    page.add_decision()
    qtbot.waitUntil(lambda: len(list_decisions(ctx.store, crisis.id)) == 1, timeout=5000)
    assert list_decisions(ctx.store, crisis.id)[0].entry_ids == (wanted.id,)
