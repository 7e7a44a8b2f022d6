"""The measure detail's lifecycle actions (enabled only when the lifecycle allows them, refusals
shown through the window), the withdrawal prompt on the page, the terms/art. 39 dialog and the
art. 39 warning in the issue dialog."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from crisisconsole.services.foundation import crises
from crisisconsole.services.measures import council
from crisisconsole.services.measures import lifecycle as measures
from crisisconsole.services.measures import reminders as measures_reminders
from crisisconsole.services.measures.art39 import Art39Status, art39_status
from crisisconsole.ui.dialogs.measure_dialogs import IssueMeasureDialog
from crisisconsole.ui.dialogs.measure_event_dialog import MeasureEventDialog, TermsDialog
from crisisconsole.ui.main_window import MainWindow

H = timedelta(hours=1)


@pytest.fixture
def page_env(qtbot, session, ctx, crisis, clock, monkeypatch):
    errors: list[str] = []
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.attach(session)
    monkeypatch.setattr(window, "show_error", lambda exc: errors.append(str(exc)))
    window.show_page("measures")
    page = window.pages["measures"]
    yield window, page, errors
    window.reminders.stop()


def _buttons(page) -> dict[str, tuple[bool, bool]]:
    return {k: (b.isVisibleTo(page.detail), b.isEnabled())
            for k, b in page.detail.action_buttons.items()}


def test_actions_follow_the_lifecycle_and_refusals_are_shown(qtbot, page_env, ctx, crisis, clock,
                                                             shots):
    window, page, errors = page_env
    meeting = council.add_meeting(ctx, clock.now() + timedelta(days=1), 29)
    ordinance = measures.issue_measure(ctx, crisis.id, "noodverordening", "Centrum")
    page.refresh()
    states = _buttons(page)
    assert states["agenda_placed"] == (True, True) and states["appeal_lodged"] == (True, False)
    assert "beroep kan pas daarna" in page.detail.action_buttons["appeal_lodged"].toolTip()
    page.record_event(ordinance.id, "published", {"how": "Website", "document_ref": "Gb 1"})
    page.record_event(ordinance.id, "agenda_placed", {})
    qtbot.waitUntil(lambda: not page.detail.action_buttons["agenda_placed"].isEnabled(),
                    timeout=5000)
    assert page.detail.timeline.count() == 3
    clock.advance(days=1, hours=1)
    council.record_outcome(ctx, meeting.id, 20)  # quorate, not dealt with: not ratified
    clock.advance(hours=25)
    page.refresh()
    appeal = page.detail.action_buttons["appeal_lodged"]
    assert appeal.isEnabled() and "uiterlijk" in appeal.toolTip()  # back-dated record only
    dialog = page.event_dialog(ordinance.id, "appeal_lodged")
    assert dialog.warning.isVisibleTo(dialog) and "verstreken" in dialog.warning.text()
    page.record_event(ordinance.id, "appeal_lodged", dialog.values())  # at now: too late
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert "24 uur" in errors[0] and "\n" not in errors[0]
    page.record_event(ordinance.id, "appeal_lodged", {"at": clock.now() - 3 * H})
    qtbot.waitUntil(lambda: page.detail.action_buttons["cdk_decision"].isEnabled(), timeout=5000)
    decision = page.event_dialog(ordinance.id, "cdk_decision")
    ok = decision.buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.click()  # no decision chosen: the dialog says so beside the choice and stays
    assert "beslissing" in decision.problem_text(decision.upheld_radio) and not decision.result()
    decision.rejected_radio.setChecked(True)
    assert decision.problems() == {} and decision.values()["upheld"] is False
    page.record_event(ordinance.id, "cdk_decision", decision.values())
    qtbot.waitUntil(lambda: "vervallen" in page.detail.heading.text(), timeout=5000)
    assert not any(enabled for key, (_v, enabled) in _buttons(page).items()
                   if key != "published")
    assert not page.buttons["withdraw"].isEnabled()
    window.grab().save(str(shots / "measures_lapsed.png"))


def test_withdraw_prompt_on_the_page_and_withdraw_from_the_detail(qtbot, page_env, ctx, crisis,
                                                                  clock, shots):
    window, page, errors = page_env
    crises.set_grip(ctx, crisis.id, "3")
    clock.advance(minutes=1)
    bevel = measures.issue_measure(ctx, crisis.id, "noodbevel", "Noodbevel Marktplein")
    clock.advance(hours=2)
    crises.set_grip(ctx, crisis.id, "1")
    clock.advance(minutes=10)
    page.refresh()
    assert {k for k, (visible, _e) in _buttons(page).items() if visible} == {
        "published", "withdrawn", "kept_in_force"}
    assert "afgeschaald van GRIP 3 naar GRIP 1" in page.detail.obligations.item(0).text()
    assert page.detail.obligations.item(0).text().startswith("TE LAAT")
    assert window.reminders.count_overdue() == 1
    window.grab().save(str(shots / "measures_prompt.png"))
    dialog = page.event_dialog(bevel.id, "withdrawn")
    dialog.note_edit.setText("Rust teruggekeerd")
    page.record_event(bevel.id, "withdrawn", dialog.values())
    qtbot.waitUntil(lambda: window.reminders.count_overdue() == 0, timeout=5000)
    qtbot.waitUntil(lambda: "ingetrokken" in page.detail.heading.text(), timeout=5000)
    assert errors == []


def test_keep_in_force_answers_the_prompt_until_the_next_scale_down(qtbot, page_env, ctx,
                                                                   crisis, clock, shots):
    window, page, errors = page_env
    crises.set_grip(ctx, crisis.id, "3")
    clock.advance(minutes=1)
    bevel = measures.issue_measure(ctx, crisis.id, "noodbevel", "Noodbevel Marktplein")
    clock.advance(hours=2)
    crises.set_grip(ctx, crisis.id, "2")
    clock.advance(minutes=10)
    page.refresh()
    keep = page.detail.action_buttons["kept_in_force"]
    assert keep.isVisible() and keep.isEnabled() and window.reminders.count_overdue() == 1
    dialog = page.event_dialog(bevel.id, "kept_in_force")
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.click()  # a reason is required: said beside the field, the dialog stays
    assert "reden" in dialog.problem_text(dialog.note_edit) and not dialog.result()
    dialog.note_edit.setText("Dreiging van nieuwe onrust rond het station blijft")
    assert dialog.problems() == {}
    dialog.grab().save(str(shots / "keep_in_force_dialog.png"))
    page.record_event(bevel.id, "kept_in_force", dialog.values())
    qtbot.waitUntil(lambda: not page.detail.action_buttons["kept_in_force"].isVisible(),
                    timeout=5000)
    assert window.reminders.count_overdue() == 0
    timeline = [page.detail.timeline.item(i).text() for i in range(page.detail.timeline.count())]
    assert any("Bewust van kracht gehouden" in line and "station" in line for line in timeline)
    assert "van kracht" in page.detail.heading.text() and errors == []
    window.grab().save(str(shots / "measures_kept.png"))
    clock.advance(hours=1)
    crises.set_grip(ctx, crisis.id, "1")  # the next scale-down asks again
    clock.advance(minutes=5)
    page.refresh()
    assert window.reminders.count_overdue() == 1
    assert page.detail.action_buttons["kept_in_force"].isVisible()


def test_terms_dialog_saves_only_what_changed(qtbot, page_env, ctx, crisis):
    window, page, errors = page_env
    dialog = TermsDialog(measures_reminders.terms(ctx.store), art39_status(ctx.store, crisis.id),
                         "Onrust", page)
    assert dialog.values() == {"notify_hours": None, "agenda_lead_hours": None, "art39": None}
    assert "GRIP-niveau 1" in dialog.hint.text()
    dialog.notify_spin.setValue(3)
    dialog.applies_radio.setChecked(True)
    values = dialog.values()
    assert values == {"notify_hours": 3, "agenda_lead_hours": None, "art39": True}
    page.save_terms(crisis.id, values)
    qtbot.waitUntil(lambda: art39_status(ctx.store, crisis.id).recorded is True, timeout=5000)
    assert measures_reminders.terms(ctx.store)["notify_hours"] == 3
    assert errors == []


def test_issue_dialog_warns_under_art39_and_offers_the_chair(qtbot, clock):
    applies = Art39Status("c", True, "2")
    dialog = IssueMeasureDialog(clock.now(), None, applies)
    qtbot.addWidget(dialog)
    assert dialog.art39_warning_shown() and "vastgelegd" in dialog.art39_label.text()
    dialog.choose_chair()
    assert dialog.values()["issuer"] == "voorzitter-vr" and not dialog.art39_warning_shown()
    dialog.kind_box.setCurrentIndex(dialog.kind_box.findData("risicogebied-174b"))
    assert dialog.values()["issuer"] == "burgemeester" and not dialog.issuer_box.isEnabled()
    assert not dialog.art39_warning_shown()  # art. 39 is about art. 175/176 only
    hint = IssueMeasureDialog(clock.now(), None, Art39Status("c", None, "4"))
    qtbot.addWidget(hint)
    assert hint.art39_warning_shown() and "GRIP 4" in hint.art39_label.text()
    none = IssueMeasureDialog(clock.now(), None, Art39Status("c", False, "4"))
    qtbot.addWidget(none)
    assert not none.art39_warning_shown()


def test_event_dialog_publication_needs_how(qtbot, clock):
    dialog = MeasureEventDialog("published", "Noodverordening: Centrum", clock.now())
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.ref_edit.setText("Gemeenteblad 2026, nr. 1")
    ok.click()
    assert "bekendgemaakt" in dialog.problem_text(dialog.how_edit) and not dialog.result()
    assert dialog.ref_edit.text() == "Gemeenteblad 2026, nr. 1"
    dialog.how_edit.setText("Gemeenteblad")
    assert dialog.problems() == {}
    assert dialog.values()["how"] == "Gemeenteblad"
    assert dialog.values()["document_ref"] == "Gemeenteblad 2026, nr. 1"


def test_noodbevel_offers_a_note_to_the_council(qtbot, page_env, ctx, crisis):
    window, page, _errors = page_env
    bevel = measures.issue_measure(ctx, crisis.id, "noodbevel", title="Bevel Marktplein")
    page.refresh()
    asked: list[tuple[str, str]] = []
    page.detail.letter_requested.disconnect()  # the page would open a file dialog
    page.detail.letter_requested.connect(lambda mid, party: asked.append((mid, party)))
    page.detail.show_view(next(v for v in page.model._views if v.id == bevel.id))
    assert page.detail.council_note.isVisibleTo(page.detail)
    assert not page.detail.notices_box.isVisibleTo(page.detail)
    page.detail.council_note.click()
    assert asked == [(bevel.id, "raad")]
