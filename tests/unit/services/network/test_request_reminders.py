"""An information request raises a reminder when its deadline passes, through the same
reminder desk as the measures (issue 16): once, late, for every crisis, and no more once it is
answered or withdrawn. The top bar's overdue list and the measures banner stay apart."""

from datetime import timedelta

from crisisconsole.reminders import ReminderDesk, ReminderScheduler
from crisisconsole.services.network import requests


def _kinds(wake):
    return [str(r.obligation.kind) for r in wake.fire_now]


def test_a_request_past_its_deadline_fires_once(ctx, store, crisis, clock):
    due = clock.now() + timedelta(minutes=30)
    asked = requests.add_request(ctx, crisis.id, "Hoeveel bewoners zijn opgevangen?", due,
                                 person="GGD-loket")
    scheduler = ReminderScheduler(ReminderDesk(store, ctx.actor.id), lambda w: None)
    first = scheduler.start()
    assert first.fire_now == () and first.next_wake == due  # it wakes at the deadline
    clock.advance(timedelta(minutes=31))
    late = scheduler.check_now()
    assert _kinds(late) == ["answer_request"]
    (reminder,) = late.fire_now
    assert reminder.late and reminder.obligation.request_id == asked["id"]
    assert "GGD-loket" in reminder.text_nl and "opgevangen" in reminder.text_nl
    assert scheduler.check_now().fire_now == ()  # shown once
    assert [o.request_id for o in scheduler.check_now().plan.overdue] == [asked["id"]]
    requests.answer_request(ctx, asked["id"], "Veertig bewoners in de sporthal")
    assert scheduler.check_now().plan.overdue == ()  # answered: no longer late


def test_withdrawn_requests_and_other_crises(ctx, store, crisis, clock):
    from crisisconsole.services.foundation.crises import open_crisis

    other = open_crisis(ctx, "Stormschade", "Waalbergen", grip="1")
    soon = clock.now() + timedelta(minutes=5)
    gone = requests.add_request(ctx, crisis.id, "Vraag A", soon, person="X")
    kept = requests.add_request(ctx, other.id, "Vraag B", soon, person="Y")
    requests.close_request(ctx, gone["id"], "withdrawn", "niet meer nodig")
    desk = ReminderDesk(store, ctx.actor.id)
    desk.check()
    clock.advance(timedelta(minutes=6))
    assert [r.obligation.request_id for r in desk.check().fire_now] == [kept["id"]]
    assert ReminderDesk(store, ctx.actor.id, crisis.id).preview().overdue == ()
