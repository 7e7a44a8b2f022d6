"""Tracker services added in phase 2 on a real store: the configurable terms, the recorded Wvr
art. 39 answer per crisis, the withdrawal prompt on scale-down/closure (page data, overdue list,
Outlook export), the actions the detail offers and recording them."""

from __future__ import annotations

from datetime import timedelta

import icalendar
import pytest
from sqlalchemy import select

from crisisconsole.domain.violations import RuleViolation
from crisisconsole.errors import AccessDeniedError, NotFoundError, ValidationError
from crisisconsole.services.foundation import crises
from crisisconsole.services.foundation.audit import verify
from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.services.foundation.profiles import add_profile
from crisisconsole.services.measures import council
from crisisconsole.services.measures import lifecycle as measures
from crisisconsole.services.measures import reminders as measures_reminders
from crisisconsole.services.measures.art39 import art39_status, set_art39
from crisisconsole.services.measures.views import overdue_obligations, show_measure
from crisisconsole.store import tables

H = timedelta(hours=1)
D = timedelta(days=1)


def _actions(store) -> list[str]:
    with store.read() as conn:
        return [r.action for r in conn.execute(select(tables.audit.c.action))]


def test_terms_default_set_and_refused(ctx, store, crisis, clock):
    assert measures_reminders.terms(store) == {"notify_hours": 2.0, "agenda_lead_hours": 72.0,
                                               "agenda_lead_days": 3.0}
    ordinance = measures.issue_measure(ctx, crisis.id, "noodverordening", "Centrum")
    meeting = council.add_meeting(ctx, clock.now() + 10 * D, 29)
    terms = measures_reminders.set_terms(ctx, notify_hours=4, agenda_lead_hours=5 * 24)
    assert terms == {"notify_hours": 4.0, "agenda_lead_hours": 120.0, "agenda_lead_days": 5.0}
    due = {str(o.kind): o.due for o in show_measure(store, ordinance.id).status.obligations}
    assert due["notify_raad"] == ordinance.view.measure.issued_at + 4 * H
    assert due["agenda_ratification"] == meeting.start - 5 * D
    assert "measure.terms" in _actions(store)
    with pytest.raises(ValidationError, match="1440"):
        measures_reminders.set_terms(ctx, notify_hours=0)
    viewer = add_profile(store, "lezer", "viewer", ctx.actor)
    with pytest.raises(AccessDeniedError):
        measures_reminders.set_terms(ServiceContext(store, viewer.as_actor()), notify_hours=1)
    assert measures_reminders.terms(store)["notify_hours"] == 4.0  # refusals changed nothing


def test_art39_grip_hint_then_recorded_answer_wins(ctx, store, crisis):
    assert art39_status(store, crisis.id).as_json() == {
        "crisis_id": crisis.id, "applies": False, "recorded": None, "grip": "1",
        "grip_hint": False}
    crises.set_grip(ctx, crisis.id, "4")
    assert art39_status(store, crisis.id).applies  # the default hint: GRIP 4
    assert measures.issue_measure(ctx, crisis.id, "noodverordening", "A").warnings
    set_art39(ctx, crisis.id, False)
    status = art39_status(store, crisis.id)
    assert status.recorded is False and not status.applies
    assert not measures.issue_measure(ctx, crisis.id, "noodverordening", "B").warnings
    crises.set_grip(ctx, crisis.id, "2")
    set_art39(ctx, crisis.id, True)  # at GRIP 2, recorded as of more than local significance
    warned = measures.issue_measure(ctx, crisis.id, "noodverordening", "C")
    assert "art. 39" in warned.warnings[0]
    chair = measures.issue_measure(ctx, crisis.id, "noodverordening", "D", issuer="voorzitter-vr")
    assert not chair.warnings
    assert not measures.issue_measure(ctx, crisis.id, "risicogebied-151b", "E").warnings
    assert {"measure.art39.applies", "measure.art39.not_applies"} <= set(_actions(store))
    assert verify(store).ok  # the audit records for the setting keep the chain verifiable
    with pytest.raises(NotFoundError):
        set_art39(ctx, "no-such-crisis", True)


def test_withdraw_prompt_on_scale_down_everywhere_until_withdrawn(ctx, store, crisis, clock):
    crises.set_grip(ctx, crisis.id, "3")
    clock.advance(minutes=5)
    ordinance = measures.issue_measure(ctx, crisis.id, "noodbevel", "Noodbevel Marktplein")
    assert show_measure(store, ordinance.id).status.obligations == ()
    clock.advance(hours=3)
    crises.set_grip(ctx, crisis.id, "2")
    down_at = clock.now()
    clock.advance(minutes=1)
    view = show_measure(store, ordinance.id)
    prompt = [o for o in view.status.obligations if o.kind == "withdraw_prompt"]
    assert len(prompt) == 1 and prompt[0].due == down_at and prompt[0].overdue
    assert [i.obligation.kind for i in overdue_obligations(store, crisis.id)] == ["withdraw_prompt"]
    cal = icalendar.Calendar.from_ical(measures_reminders.export_ics(store, crisis.id))
    summaries = [str(e["SUMMARY"]) for e in cal.walk("VEVENT")]
    assert any("afgeschaald van GRIP 3 naar GRIP 2" in s for s in summaries)
    measures.withdraw(ctx, ordinance.id)
    assert show_measure(store, ordinance.id).status.obligations == ()
    assert overdue_obligations(store, crisis.id) == []


def test_keeping_in_force_settles_the_prompt_and_is_refused_without_one(ctx, store, crisis,
                                                                          clock):
    crises.set_grip(ctx, crisis.id, "3")
    clock.advance(minutes=5)
    bevel = measures.issue_measure(ctx, crisis.id, "noodbevel", "Noodbevel Marktplein")
    clock.advance(hours=1)
    with pytest.raises(RuleViolation, match="geen vraag om in te trekken"):
        measures.keep_in_force(ctx, bevel.id, "voor de zekerheid")
    crises.set_grip(ctx, crisis.id, "2")
    clock.advance(minutes=5)
    with pytest.raises(RuleViolation, match="waarom"):
        measures.keep_in_force(ctx, bevel.id, "  ")
    view = measures.keep_in_force(ctx, bevel.id, "Dreiging van nieuwe onrust blijft")
    assert view.status.obligations == () and overdue_obligations(store, crisis.id) == []
    assert view.events[-1]["kind"] == "kept_in_force" and "onrust" in view.events[-1]["note"]
    assert "measure.kept_in_force" in _actions(store) and verify(store).ok
    with pytest.raises(RuleViolation, match="geen vraag om in te trekken"):
        measures.keep_in_force(ctx, bevel.id, "nog eens")  # answered already
    clock.advance(hours=1)
    crises.close_crisis(ctx, crisis.id)
    clock.advance(minutes=1)
    assert [o.kind for o in show_measure(store, bevel.id).status.obligations] == [
        "withdraw_prompt"]


def test_closing_the_crisis_prompts_too(ctx, store, crisis, clock):
    ordinance = measures.issue_measure(ctx, crisis.id, "noodverordening", "Centrum")
    clock.advance(hours=1)
    crises.close_crisis(ctx, crisis.id)
    kinds = [o["kind"] for o in show_measure(store, ordinance.id).as_json()["obligations"]]
    assert "withdraw_prompt" in kinds


def test_actions_in_view_and_recorded_through_record_action(ctx, store, crisis, clock):
    meeting = council.add_meeting(ctx, clock.now() + D, 29)
    ordinance = measures.issue_measure(ctx, crisis.id, "noodverordening", "Centrum")
    actions = ordinance.as_json()["actions"]
    assert actions["agenda_placed"] == {"allowed": True, "reason": None, "until": None}
    assert actions["appeal_lodged"]["allowed"] is False and "art. 176" in \
        actions["appeal_lodged"]["reason"]
    with pytest.raises(ValidationError, match="bekendgemaakt"):
        measures.record_action(ctx, ordinance.id, "published", {"how": " "})
    view = measures.record_action(ctx, ordinance.id, "published",
                                  {"how": "Persbericht", "document_ref": "Gemeenteblad nr. 7"})
    assert view.events[-1]["note"] == "Persbericht"
    assert view.events[-1]["document_ref"] == "Gemeenteblad nr. 7"
    view = measures.record_action(ctx, ordinance.id, "agenda_placed", {"document_ref": "griffie"})
    assert not view.action("agenda_placed").allowed
    clock.advance(days=1, hours=1)
    council.record_outcome(ctx, meeting.id, 20, rejected=[ordinance.id])
    clock.advance(hours=25)  # the 24 hours have passed
    view = show_measure(store, ordinance.id)
    appeal = view.action("appeal_lodged")
    assert view.status.state == "lapsed" and appeal.offered and not appeal.allowed
    with pytest.raises(RuleViolation, match="24 uur"):
        measures.record_action(ctx, ordinance.id, "appeal_lodged", {})
    in_time = clock.now() - 2 * H  # lodged within the window, typed in later: valid
    view = measures.record_action(ctx, ordinance.id, "appeal_lodged", {"at": in_time})
    assert view.status.state == "appeal_pending" and view.action("cdk_decision").allowed
    view = measures.record_action(ctx, ordinance.id, "cdk_decision", {"upheld": True})
    assert view.status.state == "upheld"
    with pytest.raises(ValidationError):
        measures.record_action(ctx, ordinance.id, "notified", {})
