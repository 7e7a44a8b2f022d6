"""Two re-grades of one entry, or two council outcomes for one meeting, made offline on two
laptops: both stay in the history, the thing is marked and counted as a conflict (the top bar,
`sync status`) until a new fact made with both in view settles it. Never the clock: a re-grade
made after the other one arrived is no conflict. Real laptops through a real server."""

from datetime import timedelta

from sqlalchemy import text

from crisisconsole.services.foundation.audit import verify
from crisisconsole.services.foundation.crises import open_crisis
from crisisconsole.services.log.entries import add_entry, assess_entry
from crisisconsole.services.measures import council
from crisisconsole.services.measures import lifecycle as measures
from crisisconsole.services.measures.views import show_measure
from crisisconsole.services.team.conflicts import entry_conflicts
from crisisconsole.services.team.sync import status, sync_once


def _rounds(*pairs):
    for ctx, secrets in pairs:
        sync_once(ctx, secrets)


def _grades(ctx, entry_id):
    with ctx.store.read() as conn:
        return sorted(tuple(r) for r in conn.execute(text(
            "SELECT reliability, confirming_source FROM log_assessment WHERE entry_id = :e"),
            {"e": entry_id}))


def test_two_concurrent_regrades_are_a_conflict_until_a_new_regrade(laptops):
    a, a_secrets, _ = laptops("laptop-a")
    b, b_secrets, _ = laptops("laptop-b")
    crisis = open_crisis(a, "Onrust", "Waalbergen", grip="1")
    entry = add_entry(a, crisis.id, "Brand in loods", "burger")
    quiet = add_entry(a, crisis.id, "Geen nieuws", "burger")
    _rounds((a, a_secrets), (b, b_secrets))
    assess_entry(a, entry.id, "confirmed", by="brandweer OvD")
    assess_entry(b, entry.id, "refuted", by="politie")
    _rounds((a, a_secrets), (b, b_secrets), (a, a_secrets))
    for ctx in (a, b):
        assert status(ctx.store)["conflicts"] == 1
        found = entry_conflicts(ctx.store, [entry.id, quiet.id])
        assert set(found) == {entry.id}
        data = found[entry.id].as_json()
        assert data["conflict"] == "concurrent_regrades"
        assert {g["reliability"] for g in data["grades"]} == {"confirmed", "refuted"}
        assert all(g["device"] and g["at"] for g in data["grades"])
        # both stay in the history, on both laptops
        assert _grades(ctx, entry.id) == [("confirmed", "brandweer OvD"), ("refuted", "politie")]
    assert (entry_conflicts(a.store, [entry.id])[entry.id].as_json()["grades"]
            == entry_conflicts(b.store, [entry.id])[entry.id].as_json()["grades"])
    assess_entry(b, entry.id, "confirmed", by="brandweer en politie samen")  # both in view
    _rounds((b, b_secrets), (a, a_secrets))
    for ctx in (a, b):
        assert entry_conflicts(ctx.store, [entry.id]) == {}
        assert status(ctx.store)["conflicts"] == 0
        assert verify(ctx.store).ok, verify(ctx.store).problems()


def test_a_regrade_made_after_the_other_arrived_is_no_conflict(laptops, clock):
    a, a_secrets, _ = laptops("laptop-a")
    b, b_secrets, _ = laptops("laptop-b")
    crisis = open_crisis(a, "Onrust", "Waalbergen", grip="1")
    entry = add_entry(a, crisis.id, "Brand in loods", "burger")
    _rounds((a, a_secrets), (b, b_secrets))
    assess_entry(a, entry.id, "confirmed", by="brandweer OvD")
    _rounds((a, a_secrets), (b, b_secrets))
    clock.advance(seconds=-30)  # b's clock is behind: the order is what b saw, not the clock
    assess_entry(b, entry.id, "refuted", by="politie")
    _rounds((b, b_secrets), (a, a_secrets))
    for ctx in (a, b):
        assert entry_conflicts(ctx.store, [entry.id]) == {}
        assert status(ctx.store)["conflicts"] == 0


def test_two_outcomes_for_one_meeting_are_a_conflict_until_a_new_outcome(laptops, clock):
    a, a_secrets, _ = laptops("laptop-a")
    b, b_secrets, _ = laptops("laptop-b")
    crisis = open_crisis(a, "Onrust", "Waalbergen", grip="1")
    ordinance = measures.issue_measure(a, crisis.id, "noodverordening", "Noodverordening centrum",
                                       area="centrum")
    meeting = council.add_meeting(a, clock.now() + timedelta(days=1), 29)
    _rounds((a, a_secrets), (b, b_secrets))
    clock.advance(days=1, hours=2)
    council.record_outcome(a, meeting.id, 20, ratified=[ordinance.id])
    council.record_outcome(b, meeting.id, 18, rejected=[ordinance.id])
    _rounds((a, a_secrets), (b, b_secrets), (a, a_secrets))
    for ctx in (a, b):
        assert status(ctx.store)["conflicts"] == 1
        view = council.get_meeting(ctx.store, meeting.id).as_json()
        assert view["conflict"] == "concurrent_outcomes"
        assert sorted(o["attended"] for o in view["outcomes"]) == [18, 20]
        assert {tuple(o["results"].values()) for o in view["outcomes"]} == {
            ("ratified",), ("rejected",)}
        with ctx.store.read() as conn:
            assert conn.execute(text("SELECT count(*) FROM meeting_outcome")).scalar() == 2
        # Neither outcome is believed while they conflict: the ordinance waits in force.
        assert show_measure(ctx.store, ordinance.id).status.state == "in_force"
    _a_team_profile_may_not_settle(b, meeting.id, ordinance.id)
    council.record_outcome(b, meeting.id, 20, ratified=[ordinance.id])  # both in view
    _rounds((b, b_secrets), (a, a_secrets))
    for ctx in (a, b):
        assert status(ctx.store)["conflicts"] == 0
        view = council.get_meeting(ctx.store, meeting.id).as_json()
        assert view["conflict"] is None and view["outcome"]["attended"] == 20
        assert show_measure(ctx.store, ordinance.id).status.state == "ratified"
        assert verify(ctx.store).ok, verify(ctx.store).problems()


def test_one_laptop_still_refuses_a_second_outcome(laptops, clock):
    import pytest

    from crisisconsole.domain.violations import RuleViolation

    a, _secrets, _ = laptops("laptop-a")
    crisis = open_crisis(a, "Onrust", "Waalbergen", grip="1")
    measures.issue_measure(a, crisis.id, "noodverordening", "Noodverordening centrum")
    meeting = council.add_meeting(a, clock.now() + timedelta(days=1), 29)
    clock.advance(days=1, hours=2)
    council.record_outcome(a, meeting.id, 20)
    with pytest.raises(RuleViolation, match="al vastgelegd"):
        council.record_outcome(a, meeting.id, 21)
    assert status(a.store)["conflicts"] == 0


def _a_team_profile_may_not_settle(ctx, meeting_id, ordinance_id):
    """Settling outcomes is the aide's or the mayor's, as settling an entry: refused, audited."""
    import pytest

    from crisisconsole.errors import AccessDeniedError
    from crisisconsole.services.foundation.profiles import add_profile
    from crisisconsole.services.foundation.sign_in import sign_in

    add_profile(ctx.store, "teamlid", "team", ctx.actor, secret="geheim van het teamlid")
    member = sign_in(ctx.store, "teamlid", "geheim van het teamlid").ctx
    with pytest.raises(AccessDeniedError, match="council.settle"):
        council.record_outcome(member, meeting_id, 20, ratified=[ordinance_id])
    with ctx.store.read() as conn:
        assert conn.execute(text("SELECT count(*) FROM audit WHERE action = 'council.settle' "
                                 "AND result = 'refused'")).scalar() == 1
        assert conn.execute(text("SELECT count(*) FROM meeting_outcome")).scalar() == 2
