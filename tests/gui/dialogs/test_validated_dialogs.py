"""Dialogs check before they close (issue 14, item 2): the message beside the field, the
focus on it, every typed field kept; a refusal after OK keeps the dialog open too."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from crisisconsole.services.measures.views import list_measures
from crisisconsole.ui.dialogs.measure_dialogs import IssueMeasureDialog


def _ok(dialog) -> None:
    box = dialog.findChild(QDialogButtonBox)
    next(b for b in box.buttons()
         if box.buttonRole(b) == QDialogButtonBox.ButtonRole.AcceptRole).click()


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


def test_a_decision_without_a_rationale_stays_open_and_saves_once_complete(
        qtbot, session, ctx, crisis):
    from crisisconsole.services.picture import decisions
    from crisisconsole.ui.dialogs.decision_dialogs import ActionDialog, DecisionDialog

    dialog = DecisionDialog([], "aide")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.submit_through(session, lambda v: decisions.add_decision(
        ctx, crisis.id, v["text"], v["rationale"], decided_by=v["decided_by"]))
    dialog.text.setText("Noodverordening centrum uitvaardigen")
    _ok(dialog)
    assert dialog.isVisible() and "onderbouwing" in dialog.problem_text(dialog.rationale)
    assert dialog.problem_text(dialog.text) == "" and dialog.focusWidget() is dialog.rationale
    assert dialog.text.text() == "Noodverordening centrum uitvaardigen"
    dialog.rationale.setPlainText("Onrust dreigt opnieuw na het tweede duel")
    _ok(dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    assert [d.text for d in decisions.list_decisions(ctx.store, crisis.id)] == [
        "Noodverordening centrum uitvaardigen"]
    action = ActionDialog()
    qtbot.addWidget(action)
    action.text.setText("Politie inlichten")
    action.accept()
    assert "actiehouder" in action.problem_text(action.owner) and not action.result()


def test_card_and_purpose_dialogs_say_what_is_missing_beside_the_field(qtbot):
    from crisisconsole.ui.dialogs.card_dialogs import AddCardDialog, PurposeDialog

    card = AddCardDialog()
    qtbot.addWidget(card)
    card.role_edit.setText("organisator demonstratie")
    card.accept()
    assert card.problem_text(card.name_edit) and not card.result()
    assert card.role_edit.text() == "organisator demonstratie"
    card.name_edit.setText("R. de Vries")
    card.accept()
    assert card.result() and card.problem_text(card.name_edit) == ""
    purpose = PurposeDialog("R.V.", "Kaart inzien")
    qtbot.addWidget(purpose)
    purpose.accept()
    assert "doel" in purpose.problem_text(purpose.purpose_edit) and not purpose.result()


def test_grip_dialog_refuses_the_level_it_has(qtbot, crisis):
    from crisisconsole.ui.dialogs.grip_dialog import GripDialog

    dialog = GripDialog(crisis)
    qtbot.addWidget(dialog)
    assert dialog.level() != "1"  # the level it has is not offered; chosen anyway:
    dialog.level_box.setCurrentIndex(dialog.level_box.findData("1"))
    dialog.note_edit.setText("GBT bijeen")
    dialog.accept()
    assert "GRIP 1" in dialog.problem_text(dialog.level_box) and not dialog.result()
    assert dialog.note_edit.text() == "GBT bijeen"
    dialog.level_box.setCurrentIndex(dialog.level_box.findData("2"))
    dialog.accept()
    assert dialog.result() and dialog.values() == {"level": "2", "note": "GBT bijeen"}


def test_a_correction_without_a_reason_or_change_stays_open(qtbot, session, ctx, crisis):
    from crisisconsole.services.log.entries import add_entry, correct_entry
    from crisisconsole.services.log.queries import get_entry
    from crisisconsole.ui.dialogs.log_action_dialogs import CorrectDialog, LinkDialog

    entry = add_entry(ctx, crisis.id, "Brand bij de Industrieweg", "burger")
    dialog = CorrectDialog(entry.text)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.submit_through(session, lambda v: correct_entry(ctx, entry.id, **v))
    _ok(dialog)
    assert "reden" in dialog.problem_text(dialog.reason_edit).lower() and dialog.isVisible()
    dialog.reason_edit.setText("huisnummer")
    _ok(dialog)
    assert "verandert niets" in dialog.problem_text(dialog.text_edit).lower()
    assert dialog.problem_text(dialog.reason_edit) == "" and dialog.isVisible()
    assert dialog.reason_edit.text() == "huisnummer"
    dialog.text_edit.setPlainText("Brand bij de Industrieweg 12")
    _ok(dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    assert get_entry(ctx.store, entry.id).version == 2
    link = LinkDialog([])
    qtbot.addWidget(link)
    link.accept()
    assert link.problem_text(link.other_picker) and not link.result()


def test_new_crisis_and_settings_dialogs(qtbot, tmp_path):
    from crisisconsole import settings
    from crisisconsole.ui.dialogs.new_crisis_dialog import NewCrisisDialog
    from crisisconsole.ui.dialogs.settings_dialog import SettingsDialog

    crisis = NewCrisisDialog("")
    qtbot.addWidget(crisis)
    crisis.name_edit.setText("x" * 201)
    crisis.accept()
    assert "200" in crisis.problem_text(crisis.name_edit)
    assert crisis.problem_text(crisis.municipality_edit) and not crisis.result()
    dialog = SettingsDialog(settings.load())
    qtbot.addWidget(dialog)
    bogus = tmp_path / "kaart.mbtiles"
    bogus.write_bytes(b"geen sqlite")
    dialog.tiles_edit.setText(str(bogus))
    dialog.accept()
    assert "geweigerd" in dialog.problem_text(dialog.tiles_edit) and not dialog.result()
    assert dialog.tiles_edit.text() == str(bogus)


def test_every_input_dialog_uses_the_one_pattern():
    """Every dialog of ui/dialogs that takes input checks before it closes."""
    from crisisconsole.ui.dialogs import (
        card_dialogs,
        column_mapping_dialog,
        create_database_dialog,
        decision_dialogs,
        grip_dialog,
        log_action_dialogs,
        measure_dialogs,
        measure_event_dialog,
        new_crisis_dialog,
        settings_dialog,
        topic_dialogs,
        unlock_dialog,
    )
    from crisisconsole.ui.dialogs.validated_dialog import ValidatedDialog
    from crisisconsole.ui.views import network_page, requests_page

    classes = (card_dialogs.PurposeDialog, card_dialogs.AddCardDialog, card_dialogs.AddFactDialog,
               create_database_dialog.CreateDatabaseDialog, decision_dialogs.DecisionDialog,
               decision_dialogs.ActionDialog, grip_dialog.GripDialog,
               log_action_dialogs.AssessDialog, log_action_dialogs.CorrectDialog,
               log_action_dialogs.LinkDialog, log_action_dialogs.SettleDialog,
               measure_dialogs.IssueMeasureDialog,
               measure_dialogs.MeetingDialog, measure_dialogs.OutcomeDialog,
               measure_event_dialog.MeasureEventDialog, measure_event_dialog.TermsDialog,
               new_crisis_dialog.NewCrisisDialog, settings_dialog.SettingsDialog,
               topic_dialogs.TopicActDialog, unlock_dialog.UnlockDialog,
               column_mapping_dialog.ColumnMappingDialog, network_page.PartnerDialog,
               requests_page.AnswerDialog)
    assert all(issubclass(c, ValidatedDialog) for c in classes)


def test_a_dialog_closed_while_saving_opens_again_when_the_save_fails(qtbot, session, ctx,
                                                                     clock):
    from crisisconsole.services.measures import lifecycle as measures

    dialog = IssueMeasureDialog(clock.now())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.submit_through(session, lambda v: measures.issue_measure(ctx, "geen-crisis", **v))
    dialog.title_edit.setText("Noodbevel Marktplein")
    _ok(dialog)
    dialog.reject()  # Esc while it saves
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.note_text() not in ("", "Opslaan…"),
                    timeout=3000)
    assert dialog.title_edit.text() == "Noodbevel Marktplein"


def test_partner_dialog_checks_each_field_with_the_domain_rules(qtbot):
    from crisisconsole.ui.views.network_page import PartnerDialog

    dialog = PartnerDialog()
    qtbot.addWidget(dialog)
    dialog.fields["email"].setText("geen-adres")
    dialog.fields["phone"].setText("088 144 7111")
    dialog.accept()
    assert dialog.problem_text(dialog.fields["name"]) and not dialog.result()
    assert "e-mail" in dialog.problem_text(dialog.fields["email"])
    assert dialog.problem_text(dialog.fields["phone"]) == ""
    dialog.fields["name"].setText("GGD Gelderland-Zuid")
    dialog.fields["email"].setText("crisis@ggdgelderlandzuid.nl")
    dialog.accept()
    assert dialog.result()
