from datetime import timedelta

import pytest

from crisisconsole.errors import NotFoundError, ValidationError
from crisisconsole.services.foundation import audit, crises
from crisisconsole.services.foundation.changes import Changes, Kind


def test_open_crisis_has_grip_and_json_keys(ctx):
    crisis = crises.open_crisis(ctx, "Onrust", "Waalbergen", exercise=True, grip="2")
    data = crisis.as_json()
    assert {"id", "name", "municipality", "opened_at", "grip", "exercise"} <= data.keys()
    assert data["grip"] == "2" and data["exercise"] is True
    assert crisis.state.grip_history[0].actor == ctx.actor.id


def test_grip_history_and_current_level_derive_from_events(ctx, crisis, clock):
    clock.advance(minutes=5)
    crises.set_grip(ctx, crisis.id, "3", note="opgeschaald")
    clock.advance(minutes=5)
    current = crises.set_grip(ctx, crisis.id, "rijk")
    assert current.grip == "rijk"
    assert [e.grip for e in current.state.grip_history] == ["1", "3", "rijk"]
    assert current.state.grip_history[1].note == "opgeschaald"


def test_close_and_reopen(ctx, crisis, clock):
    clock.advance(timedelta(hours=1))
    closed = crises.close_crisis(ctx, crisis.id)
    assert closed.closed and closed.state.closed_at == clock.now()
    with pytest.raises(ValidationError, match="al gesloten"):
        crises.close_crisis(ctx, crisis.id)
    with pytest.raises(ValidationError, match="gesloten"):
        crises.set_grip(ctx, crisis.id, "2")
    assert not crises.reopen_crisis(ctx, crisis.id).closed


@pytest.mark.parametrize("level", ["6", "x", "", "-1"])
def test_unknown_grip_is_refused_and_nothing_written(ctx, crisis, store, level):
    before = len(audit.list_records(store))
    with pytest.raises(ValidationError, match="GRIP"):
        crises.set_grip(ctx, crisis.id, level)
    assert len(audit.list_records(store)) == before


def test_unknown_crisis(ctx):
    with pytest.raises(NotFoundError):
        crises.set_grip(ctx, "nope", "2")


@pytest.mark.parametrize("name,municipality", [("", "W"), ("N", ""), ("x" * 201, "W")])
def test_bad_crisis_fields(ctx, name, municipality):
    with pytest.raises(ValidationError):
        crises.open_crisis(ctx, name, municipality)


def test_changes_are_published(ctx):
    notes: list[Changes] = []
    ctx.feed.subscribe(notes.append)
    crisis = crises.open_crisis(ctx, "Onrust", "Waalbergen")
    assert len(notes) == 1
    assert notes[0].kinds == {Kind.CRISIS} and notes[0].crisis_id == crisis.id
    assert crisis.id in notes[0].ids and "crisis.open" in notes[0].actions


def test_every_write_is_audited_with_actor_and_origin(ctx, crisis, store):
    records = audit.list_records(store)
    assert [r["action"] for r in records] == [
        "profile.add", "profile.secret.first", "cards_key.recovery_wrap", "cards_key.create",
        "crisis.open", "crisis.grip"]
    assert all(r["actor"] == ctx.actor.id for r in records)
    assert all("crisisconsole" in r["origin"] for r in records)


def test_setting_the_level_it_already_has_is_refused_and_nothing_written(ctx, crisis, store,
                                                                         clock):
    crises.set_grip(ctx, crisis.id, "2")
    before = len(audit.list_records(store))
    clock.advance(minutes=5)
    with pytest.raises(ValidationError, match="al op GRIP 2"):
        crises.set_grip(ctx, crisis.id, "grip 2", note="nog eens")
    assert len(audit.list_records(store)) == before
    assert [e.grip for e in crises.get_crisis(store, crisis.id).state.grip_history] == ["1", "2"]


def test_a_backdated_change_is_compared_with_the_level_of_its_moment(ctx, crisis, clock):
    start = clock.now()
    clock.advance(minutes=10)
    crises.set_grip(ctx, crisis.id, "3")
    with pytest.raises(ValidationError, match="al op GRIP 1"):
        crises.set_grip(ctx, crisis.id, "1", at=start + timedelta(minutes=5))
    later = crises.set_grip(ctx, crisis.id, "2", at=start + timedelta(minutes=5))
    assert [e.grip for e in later.state.grip_history] == ["1", "2", "3"]
