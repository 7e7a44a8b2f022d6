"""Picture services on a real SQLCipher store: decisions and actions, snapshots that cannot
change (the database refuses; the hash verifies; tampering is detected), the demo's picture."""

from datetime import timedelta

import pytest
import sqlcipher3.dbapi2 as sqlcipher

from crisisconsole.errors import NotFoundError, ValidationError
from crisisconsole.services.log import entries as log
from crisisconsole.services.picture.actions import add_action, list_actions, set_action_status
from crisisconsole.services.picture.decisions import add_decision, list_decisions
from crisisconsole.services.picture.notes import add_note, list_notes, retract_note
from crisisconsole.services.picture.snapshots import (
    get_snapshot,
    list_snapshots,
    live_picture,
    record_export,
    take_snapshot,
    verify_snapshot,
)


def test_decision_rests_on_entries_and_snapshot(ctx, crisis):
    entry = log.add_entry(ctx, crisis.id, "Plunderingen Marktplein", "politie",
                          discipline="politie")
    snap = take_snapshot(ctx, crisis.id)
    decision = add_decision(ctx, crisis.id, "Noodverordening", "Plunderingen bevestigd",
                            entry_ids=[entry.id, entry.id], snapshot_id=snap.id)
    assert decision.entry_ids == (entry.id,)
    assert decision.snapshot_version == 1 and decision.decided_by == "aide"
    assert list_decisions(ctx.store, crisis.id) == [decision]
    with pytest.raises(NotFoundError):
        add_decision(ctx, crisis.id, "x", "y", entry_ids=["nope"])
    with pytest.raises(ValidationError, match="onderbouwing"):
        add_decision(ctx, crisis.id, "x", "  ")
    assert len(list_decisions(ctx.store, crisis.id)) == 1  # nothing half-written


def test_action_status_facts_and_overdue(ctx, crisis, clock):
    action = add_action(ctx, crisis.id, "Raad informeren", "aide",
                        due=clock.now() + timedelta(hours=1))
    later = add_action(ctx, crisis.id, "Opvang", "bz", due=clock.now() + timedelta(hours=5))
    assert action.status == "open" and not action.overdue
    clock.advance(hours=2)
    assert [a.id for a in list_actions(ctx.store, crisis.id) if a.overdue] == [action.id]
    done = set_action_status(ctx, action.id, "done")
    assert done.status == "done" and not done.overdue
    assert list_actions(ctx.store, crisis.id)[0].id == later.id
    with pytest.raises(ValidationError):
        set_action_status(ctx, action.id, "finished")
    with ctx.store.read() as conn:  # the status is a new fact, the action row unchanged
        count = conn.exec_driver_sql("SELECT count(*) FROM action_status").scalar()
    assert count == 3


def test_notes_and_retraction(ctx, crisis):
    note = add_note(ctx, crisis.id, "dilemma", "Verlengen of laten vervallen?")
    add_note(ctx, crisis.id, "forecast", "Morgen opnieuw onrust")
    retract_note(ctx, note.id, "achterhaald")
    assert [n.kind for n in list_notes(ctx.store, crisis.id)] == ["forecast"]
    with pytest.raises(ValidationError):
        add_note(ctx, crisis.id, "gossip", "x")


def test_snapshot_versions_reopen_exactly(ctx, crisis, clock):
    log.add_entry(ctx, crisis.id, "Groep bij station", "burger")
    first = take_snapshot(ctx, crisis.id, purpose="briefing")
    stored = get_snapshot(ctx.store, first.id)
    clock.advance(minutes=30)
    log.add_entry(ctx, crisis.id, "Station ontruimd", "politie", discipline="politie")
    second = take_snapshot(ctx, crisis.id)
    assert (first.version, second.version) == (1, 2)
    assert [s.version for s in list_snapshots(ctx.store, crisis.id)] == [2, 1]
    again = get_snapshot(ctx.store, first.id)
    assert again.content == stored.content and again.intact
    assert again.picture["header"]["version"] == 1
    assert again.picture["header"]["as_of"] == "2026-11-29T12:00:00.000000Z"
    texts = [i["text"] for d in again.picture["disciplines"] for i in d["hearsay"]]
    assert texts == ["Groep bij station"]
    assert live_picture(ctx, crisis.id)["header"]["version"] is None


def test_database_refuses_changing_a_snapshot(ctx, crisis, store):
    info = take_snapshot(ctx, crisis.id)
    raw = store.raw_connection()
    try:
        for sql in ("UPDATE picture_snapshot SET content = '{}' WHERE id = ?",
                    "UPDATE picture_snapshot SET hash = 'x' WHERE id = ?",
                    "DELETE FROM picture_snapshot WHERE id = ?"):
            with pytest.raises(sqlcipher.IntegrityError, match="append-only"):
                raw.execute(sql, (info.id,))
    finally:
        raw.close()
    assert verify_snapshot(store, info.id).ok


def test_tampering_is_detected(ctx, crisis, store):
    info = take_snapshot(ctx, crisis.id)
    raw = store.raw_connection()
    try:  # an attacker with the key who drops the trigger first
        raw.execute("DROP TRIGGER picture_snapshot_no_update")
        content = raw.execute("SELECT content FROM picture_snapshot WHERE id = ?",
                              (info.id,)).fetchone()[0]
        raw.execute("UPDATE picture_snapshot SET content = ? WHERE id = ?",
                    (content.replace("GRIP 1", "GRIP 4"), info.id))
    finally:
        raw.close()
    result = verify_snapshot(store, info.id)
    assert not result.ok and result.computed_hash != result.stored_hash
    with pytest.raises(ValidationError, match="beschadigd"):
        record_export(ctx, info.id, "pdf")


def test_export_is_audited(ctx, crisis, store):
    from crisisconsole.services.foundation.audit import list_records

    info = take_snapshot(ctx, crisis.id)
    record_export(ctx, info.id, "edxl")
    actions = [r["action"] for r in list_records(store, "picture_snapshot", None)]
    assert "picture.export.edxl" in actions and "picture.snapshot.manual" in actions


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from crisisconsole.demo.build import build_demo_database
    from crisisconsole.services.foundation.context import ServiceContext
    from crisisconsole.services.foundation.profiles import find_profile
    from crisisconsole.store.opening import open_database

    folder = tmp_path_factory.mktemp("demo")
    info = build_demo_database(folder / "demo.db", passphrase="demo demo demo")
    store = open_database(info.path, None, key=info.key)
    ctx = ServiceContext(store, find_profile(store, "aide").as_actor())
    yield ctx, info
    store.close()


def test_demo_picture(demo):
    ctx, info = demo
    picture = live_picture(ctx, info.crisis_id)
    facts = [i for d in picture["disciplines"] for tag in ("confirmed", "hearsay")
             for i in d[tag]]
    # confirmed and hearsay placed apart
    for d in picture["disciplines"]:
        assert all(i["reliability"] == "confirmed" for i in d["confirmed"])
        assert all(i["reliability"] == "hearsay" for i in d["hearsay"])
    assert any(d["confirmed"] for d in picture["disciplines"])
    assert any(d["hearsay"] for d in picture["disciplines"])
    # contradictions listed (the demo log has two open ones: 16/15 and the shop count)
    assert len(picture["contradictions"]) >= 1
    # corroborated reports merged into one item with all sources
    merged = [i for i in facts if i["reports"] > 1]
    assert merged and all(len(i["entry_ids"]) == i["reports"] for i in merged)
    ids = [i for item in facts for i in item["entry_ids"]]
    assert len(ids) == len(set(ids))
    # decisions, actions (one overdue), judgement, contacts, a briefing snapshot
    assert len(picture["decisions"]) == 2 and picture["decisions"][0]["entry_ids"]
    assert [a["overdue"] for a in picture["actions"]].count(True) == 1
    assert picture["judgement"]["bottleneck"] and picture["contacts"]
    snaps = list_snapshots(ctx.store, info.crisis_id)
    assert [s.purpose for s in snaps] == ["briefing"] and verify_snapshot(ctx.store,
                                                                          snaps[0].id).ok


def test_demo_persons_masked_and_measures_with_deadlines(demo):
    ctx, info = demo
    picture = live_picture(ctx, info.crisis_id)
    with ctx.store.read() as conn:
        names = [r[0] for r in conn.exec_driver_sql("SELECT name FROM card").all()]
    assert names, "the cards demo part is installed"
    text = str(picture)
    assert not [n for n in names if n in text]
    assert "R.V. (leider supportersgroep)" in [p["masked"] for p in picture["persons"]["items"]]
    powers = {p["kind"]: p for p in picture["powers"]}
    ordinance = powers["noodverordening"]
    assert ordinance["state"] == "in_force"
    assert ordinance["next_due"]["due"] and ordinance["next_due"]["kind"]
    assert any(p["next_due"] and p["next_due"]["overdue"] for p in picture["powers"])
