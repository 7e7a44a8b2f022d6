"""The tracker's services on a real SQLCipher store: records, refusals (nothing written), the
council calendar, the overdue list, reminders with a fake clock, the Outlook export."""

from __future__ import annotations

from datetime import timedelta

import icalendar
import pytest
from sqlalchemy import func, select

from crisisconsole.clock import AMSTERDAM
from crisisconsole.domain.violations import RuleViolation
from crisisconsole.errors import AccessDeniedError, ValidationError
from crisisconsole.reminders import ReminderDesk, ReminderScheduler
from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.services.foundation.profiles import add_profile
from crisisconsole.services.measures import council
from crisisconsole.services.measures import lifecycle as measures
from crisisconsole.services.measures import reminders as measures_reminders
from crisisconsole.services.measures.views import list_measures, overdue_obligations, show_measure
from crisisconsole.store import tables
from crisisconsole.store.tables import measures as t

H = timedelta(hours=1)
D = timedelta(days=1)
M = timedelta(minutes=1)


def _count(store, table) -> int:
    with store.read() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar()


def _kinds(view) -> list[str]:
    return [str(o.kind) for o in view.status.obligations]


@pytest.fixture
def ordinance(ctx, crisis, clock):
    return measures.issue_measure(ctx, crisis.id, "noodverordening", "Noodverordening centrum",
                                  area="centrum")


def test_issue_records_measure_and_event_and_is_audited(ctx, store, ordinance):
    data = ordinance.as_json()
    assert data["state"] == "in_force" and data["kind"] == "noodverordening"
    assert data["issuer"] == "burgemeester" and data["legal_basis"] == "Gemeentewet art. 176"
    assert _kinds(ordinance.view) == ["notify_raad", "notify_cdk", "notify_ovj",
                                      "plan_council_meeting"]
    assert [e["kind"] for e in data["events"]] == ["issued"]
    with store.read() as conn:
        actions = [r.action for r in conn.execute(select(tables.audit.c.action))]
    assert {"measure.issue", "measure.issued"} <= set(actions)
    with pytest.raises(Exception, match="append-only"), store.write(ctx.actor.id) as tx:
        tx.conn.execute(t.measure.update().values(title="x"))


def test_quorum_29_seats_ratifies_and_30_seats_does_not_count(ctx, store, ordinance, clock):
    first = council.add_meeting(ctx, clock.now() + D, 30)
    second = council.add_meeting(ctx, clock.now() + 3 * D, 29)
    assert show_measure(store, ordinance.id).status.ratification_meeting_id == first.id
    clock.advance(days=1, hours=2)
    with pytest.raises(RuleViolation, match="quorum"):
        council.record_outcome(ctx, first.id, 15, ratified=[ordinance.id])
    council.record_outcome(ctx, first.id, 15)  # 15 of 30 is no quorum: the meeting does not count
    view = show_measure(store, ordinance.id)
    assert view.status.state == "in_force" and view.status.ratification_meeting_id == second.id
    clock.advance(days=2)
    council.record_outcome(ctx, second.id, 15, ratified=[ordinance.id])  # 15 of 29: quorate
    assert show_measure(store, ordinance.id).status.state == "ratified"


def test_not_dealt_with_then_appeal_inside_and_after_24h(ctx, store, crisis, clock):
    meeting = council.add_meeting(ctx, clock.now() + D, 29)
    a = measures.issue_measure(ctx, crisis.id, "noodverordening", "A")
    b = measures.issue_measure(ctx, crisis.id, "noodverordening", "B")
    clock.advance(days=1, hours=1)
    council.record_outcome(ctx, meeting.id, 20)  # quorate, neither named: not dealt with
    with store.read() as conn:
        results = {r.measure_id: r.result for r in conn.execute(select(t.meeting_outcome_item))}
    assert results == {a.id: "not_dealt", b.id: "not_dealt"}
    assert show_measure(store, a.id).status.state == "not_ratified"
    measures.appeal(ctx, a.id)
    assert show_measure(store, a.id).status.state == "appeal_pending"
    clock.advance(hours=24)
    before = _count(store, t.measure_event)
    with pytest.raises(RuleViolation, match="24 uur"):
        measures.appeal(ctx, b.id)
    assert _count(store, t.measure_event) == before
    assert show_measure(store, b.id).status.state == "lapsed"
    measures.cdk_decision(ctx, a.id, True)
    assert show_measure(store, a.id).status.state == "upheld"


def test_cdk_rejects_lapses(ctx, store, ordinance, clock):
    meeting = council.add_meeting(ctx, clock.now() + D, 29)
    clock.advance(days=1, hours=1)
    council.record_outcome(ctx, meeting.id, 20, rejected=[ordinance.id])
    measures.appeal(ctx, ordinance.id)
    view = show_measure(store, ordinance.id)
    assert [(o.kind, o.due) for o in view.status.obligations if o.kind == "cdk_decision"] == [
        ("cdk_decision", clock.now() + 2 * D)]
    measures.cdk_decision(ctx, ordinance.id, False)
    assert show_measure(store, ordinance.id).status.state == "lapsed"


def test_refusals_name_the_rule_and_record_nothing(ctx, store, crisis, ordinance, clock):
    order = measures.issue_measure(ctx, crisis.id, "noodbevel", "Noodbevel stadion")
    assert order.view.status.obligations == ()
    meeting = council.add_meeting(ctx, clock.now() + D, 29)
    measures.notify(ctx, ordinance.id, "raad")
    before = (_count(store, t.measure_event), _count(store, t.meeting_outcome))
    cases = [
        (lambda: measures.notify(ctx, ordinance.id, "raad"), "twee keer"),
        (lambda: measures.appeal(ctx, order.id), "alleen een noodverordening"),
        (lambda: council.record_outcome(ctx, "nope", 10), "onbekende raadsvergadering"),
        (lambda: measures.notify(ctx, ordinance.id, "cdk", at=clock.now() + D), "toekomst"),
    ]
    clock.advance(days=1, hours=1)
    cases += [
        (lambda: council.record_outcome(ctx, meeting.id, 30), "groter dan het aantal zittende leden"),
        (lambda: council.record_outcome(ctx, meeting.id, 20, ratified=[order.id]),
         "alleen een noodverordening"),
    ]
    for call, words in cases:
        with pytest.raises(ValidationError, match=words) as info:
            call()
        assert "\n" not in info.value.message
    assert (_count(store, t.measure_event), _count(store, t.meeting_outcome)) == before
    with pytest.raises(ValidationError, match="12 uur"):
        measures.issue_measure(ctx, crisis.id, "ophouding-176a", "x",
                               planned_end=clock.now() + 13 * H)


def test_withdrawal_before_meeting_owes_account_and_new_notices(ctx, store, ordinance, clock):
    council.add_meeting(ctx, clock.now() + 3 * D, 29)
    for party in ("raad", "cdk", "ovj"):
        measures.notify(ctx, ordinance.id, party)
    clock.advance(hours=5)
    view = measures.withdraw(ctx, ordinance.id)
    assert view.status.state == "withdrawn"
    assert _kinds(view) == ["notify_raad", "notify_cdk", "notify_ovj", "account_to_raad"]
    assert [n.round for n in view.notices] == ["issue"] * 3 + ["withdrawal"] * 3
    measures.notify(ctx, ordinance.id, "cdk")
    assert "notify_cdk" not in _kinds(show_measure(store, ordinance.id))


def test_art39_issuer_and_warning(ctx, store, crisis, clock):
    from crisisconsole.services.foundation.crises import set_grip

    chair = measures.issue_measure(ctx, crisis.id, "noodverordening", "VR", issuer="voorzitter-vr")
    assert chair.warnings == () and "ratification" not in _kinds(chair.view)
    assert "plan_council_meeting" not in _kinds(chair.view)
    with pytest.raises(RuleViolation, match="art. 39"):
        measures.suspend(ctx, chair.id)
    set_grip(ctx, crisis.id, "4")
    mayor = measures.issue_measure(ctx, crisis.id, "noodverordening", "Burg")
    assert mayor.warnings and "art. 39" in mayor.warnings[0]


def test_12_hour_kind_expires(ctx, store, crisis, clock):
    area = measures.issue_measure(ctx, crisis.id, "risicogebied-174b", "Spoed")
    assert show_measure(store, area.id).status.effective_end == clock.now() + 12 * H
    assert show_measure(store, area.id, clock.now() + 13 * H).status.state == "expired"


def test_suspension(ctx, store, ordinance):
    assert measures.suspend(ctx, ordinance.id).status.state == "suspended"


def test_list_and_overdue_and_viewer_refused(ctx, store, crisis, ordinance, clock):
    assert [v.id for v in list_measures(store, crisis.id)] == [ordinance.id]
    assert overdue_obligations(store, crisis.id) == []
    later = clock.now() + 3 * H
    assert {i.obligation.kind for i in overdue_obligations(store, None, later)} == {
        "notify_raad", "notify_cdk", "notify_ovj"}
    viewer = add_profile(store, "lezer", "viewer", ctx.actor)
    with pytest.raises(AccessDeniedError):
        measures.notify(ServiceContext(store, viewer.as_actor()), ordinance.id, "raad")


ICS = (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//griffie//NL\r\n"
       b"BEGIN:VEVENT\r\nUID:raad-1\r\nDTSTART:20261203T193000\r\nSUMMARY:Raad\r\nEND:VEVENT\r\n"
       b"BEGIN:VEVENT\r\nUID:raad-2\r\nDTSTART:20261217T193000\r\nSUMMARY:Raad\r\nEND:VEVENT\r\n"
       b"END:VCALENDAR\r\n")


def test_import_ics_all_or_nothing_and_reimport(ctx, store):
    with pytest.raises(ValidationError, match="zittende leden"):
        council.import_ics(ctx, ICS)
    assert council.import_ics(ctx, ICS, seats=29).as_json()["unchanged"] == 0
    again = council.import_ics(ctx, ICS.replace(b"20261217", b"20261218"))
    assert (len(again.added), len(again.moved), again.unchanged) == (0, 1, 1)
    assert [m.start.day for m in council.list_meetings(store)] == [3, 18]
    with pytest.raises(ValidationError):
        council.import_ics(ctx, ICS.replace(b"END:VCALENDAR", b"BEGIN:VEVENT"))
    assert _count(store, t.council_meeting) == 3


def test_reminder_catch_up_with_fake_clock_and_no_loop(ctx, store, ordinance, clock):
    desk = ReminderDesk(store, ctx.actor.id)
    woken = []
    scheduler = ReminderScheduler(desk, woken.append)
    first = scheduler.start()  # no running loop: check only, no APScheduler
    assert not scheduler.running and first.fire_now == ()
    assert first.next_wake == clock.now() + 2 * H
    clock.advance(hours=10)  # the app was closed / the laptop slept
    second = scheduler.check_now()
    assert {str(r.obligation.kind) for r in second.fire_now} == {
        "notify_raad", "notify_cdk", "notify_ovj"}
    assert all(r.late for r in second.fire_now)
    assert scheduler.check_now().fire_now == ()  # shown once, never twice
    assert len(scheduler.check_now().plan.overdue) == 3  # but still overdue
    assert measures_reminders.last_seen(store, ctx.actor.id) == clock.now()
    assert len(woken) == 4


def test_scheduler_on_an_asyncio_loop_schedules_next_wake(ctx, store, ordinance, clock):
    import asyncio

    async def run():
        scheduler = ReminderScheduler(ReminderDesk(store, ctx.actor.id), lambda w: None)
        scheduler.start()
        try:
            job = scheduler.scheduler.get_job("crisisconsole-reminder-wake")
            assert job.misfire_grace_time > 0 and job.coalesce
            return scheduler.next_run()
        finally:
            scheduler.stop()
            await asyncio.sleep(0)

    assert asyncio.run(run()) == clock.now() + 2 * H


def test_export_ics_has_display_alarms(ctx, store, crisis, ordinance, clock):
    council.add_meeting(ctx, clock.now() + 5 * D, 29)
    cal = icalendar.Calendar.from_ical(measures_reminders.export_ics(store, crisis.id))
    events = [c for c in cal.walk("VEVENT")]
    assert len(events) == 5  # three notices, agenda, ratification
    assert all(e.walk("VALARM")[0]["ACTION"] == "DISPLAY" for e in events)


def test_terms_are_configurable(ctx, store, ordinance, clock):
    measures_reminders.set_terms(ctx, notify_hours=4)
    due = [o.due for o in show_measure(store, ordinance.id).status.obligations if o.due]
    assert due[0] == clock.now() + 4 * H


def test_export_ics_alarms_at_the_lead_time_and_on_the_morning(ctx, store, crisis, ordinance,
                                                                clock):
    """Issue 15: the griffie's lead time (3 days by default) and the morning of the meeting,
    not only 15 minutes before."""
    meeting = (clock.now() + 6 * D).astimezone(AMSTERDAM).replace(hour=19, minute=30, second=0,
                                                                  microsecond=0)
    council.add_meeting(ctx, meeting, 29)
    cal = icalendar.Calendar.from_ical(measures_reminders.export_ics(store, crisis.id))
    by_summary = {str(e["SUMMARY"]): e for e in cal.walk("VEVENT")}
    agenda = next(e for s, e in by_summary.items() if s.startswith("Bekrachtiging agenderen"))
    ratify = next(e for s, e in by_summary.items() if s.startswith("Bekrachtiging door"))

    def alarm_times(event):
        start = event["DTSTART"].dt
        assert all(a["ACTION"] == "DISPLAY" for a in event.walk("VALARM"))
        return sorted(start + a["TRIGGER"].dt for a in event.walk("VALARM"))

    morning = meeting.replace(hour=8, minute=0)
    lead = meeting - 3 * D
    assert alarm_times(agenda) == [lead, morning]
    assert alarm_times(ratify) == [lead, morning, meeting - 15 * M]
