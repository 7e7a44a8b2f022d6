"""Dialogs check before they close (issue 14, item 2): the message beside the field, the
focus on it, every typed field kept; a refusal after OK keeps the dialog open too."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from crisisconsole.services.measures.views import list_measures
from crisisconsole.ui.dialogs.measure_dialogs import IssueMeasureDialog


def _ok(dialog) -> None:
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()


def test_a_measure_without_a_title_stays_open_with_the_message_beside_the_title(
        qtbot, clock, shots):
    dialog = IssueMeasureDialog(clock.now())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.area_edit.setText("Stationsplein en omgeving")
    dialog.text_edit.setPlainText("Het is verboden zich op te houden op het Stationsplein.")
    _ok(dialog)
    assert dialog.isVisible() and not dialog.result()
    assert dialog.area_edit.text() == "Stationsplein en omgeving"
    assert dialog.text_edit.toPlainText().startswith("Het is verboden")
    message = dialog.problem_text(dialog.title_edit)
    assert "titel" in message.lower()
    assert dialog.focusWidget() is dialog.title_edit
    label = next(w for w in dialog.findChildren(type(dialog.art39_label))
                 if w.objectName() == "fieldProblem" and w.text() == message)
    # beside the field: just under the title, above the next field
    assert dialog.title_edit.geometry().bottom() <= label.geometry().top() \
        < dialog.area_edit.geometry().top()
    dialog.grab().save(str(shots / "measure_without_title.png"))
    dialog.title_edit.setText("Noodverordening Stationsplein")
    _ok(dialog)
    assert not dialog.isVisible() and dialog.result()
    assert dialog.problem_text(dialog.title_edit) == ""


def test_a_refusal_after_ok_keeps_the_measure_dialog_open(qtbot, session, ctx, crisis, clock):
    from crisisconsole.services.measures import lifecycle as measures

    dialog = IssueMeasureDialog(clock.now())
    qtbot.addWidget(dialog)
    dialog.show()
    calls = []

    def issue(values):
        calls.append(values)
        return measures.issue_measure(ctx, "no-such-crisis", **values)

    dialog.submit_through(session, issue)
    dialog.title_edit.setText("Noodverordening centrum")
    _ok(dialog)
    qtbot.waitUntil(lambda: dialog.note_text() not in ("", "Opslaan…"), timeout=3000)
    assert dialog.isVisible() and dialog.title_edit.text() == "Noodverordening centrum"
    assert calls and list_measures(ctx.store, crisis.id) == []
    done = []
    dialog.submit_through(session, lambda v: measures.issue_measure(ctx, crisis.id, **v),
                          done.append)
    _ok(dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    assert done and [v.measure.title for v in list_measures(ctx.store, crisis.id)] == [
        "Noodverordening centrum"]
