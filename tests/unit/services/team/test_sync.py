"""Two laptops through a real server: what one writes the other receives once, with its
device's chain; a repeated or cut-off push doubles nothing; offline is reported, not raised."""

from sqlalchemy import text

from crisisconsole.services.foundation.audit import verify
from crisisconsole.services.foundation.crises import open_crisis
from crisisconsole.services.log.entries import add_entry
from crisisconsole.services.team.sync import status, sync_once


def _facts(store):
    with store.read() as conn:
        return sorted(conn.execute(text("SELECT id, text FROM log_entry")).all())


def test_facts_cross_once_and_every_chain_verifies(laptops):
    a, a_secrets, _ = laptops("laptop-a")
    b, b_secrets, _ = laptops("laptop-b")
    crisis = open_crisis(a, "Onrust", "Waalbergen", grip="1")
    add_entry(a, crisis.id, "Rook boven de haven", "burger")
    first = sync_once(a, a_secrets)
    assert first["online"] and first["pushed"] >= 2 and first["pending"] == 0
    got = sync_once(b, b_secrets)
    assert got["pulled"] >= 2 and got["online"]
    add_entry(b, crisis.id, "Brandweer ter plaatse", "brandweer")
    sync_once(b, b_secrets)
    sync_once(a, a_secrets)
    assert _facts(a.store) == _facts(b.store) and len(_facts(a.store)) == 2
    again = sync_once(a, a_secrets), sync_once(b, b_secrets)
    assert [r["pulled"] for r in again] == [0, 0]
    for ctx in (a, b):
        report = verify(ctx.store)
        assert report.ok, report.problems()
    assert status(b.store)["pending"] == 0 and status(b.store)["online"]


def test_a_push_repeated_after_a_lost_acknowledgement_doubles_nothing(laptops):
    a, a_secrets, _ = laptops("laptop-a")
    b, b_secrets, _ = laptops("laptop-b")
    crisis = open_crisis(a, "Onrust", "Waalbergen", grip="1")
    add_entry(a, crisis.id, "Rook", "burger")
    sync_once(a, a_secrets)
    # As if the server committed but the laptop never heard: its position goes back.
    with a.store.write("test") as tx:
        tx.conn.exec_driver_sql("UPDATE team_sync SET pushed_seq = 0")
    assert status(a.store)["pending"] > 0
    assert sync_once(a, a_secrets)["pending"] == 0
    sync_once(b, b_secrets)
    assert _facts(b.store) == _facts(a.store) and len(_facts(b.store)) == 1


def test_a_tampered_foreign_fact_fails_verify(laptops):
    a, a_secrets, _ = laptops("laptop-a")
    b, b_secrets, _ = laptops("laptop-b")
    crisis = open_crisis(a, "Onrust", "Waalbergen", grip="1")
    add_entry(a, crisis.id, "Rook", "burger")
    sync_once(a, a_secrets)
    sync_once(b, b_secrets)
    raw = b.store.raw_connection()
    raw.execute("DROP TRIGGER log_entry_no_update")
    raw.execute("UPDATE log_entry SET text = 'Geen rook'")
    raw.commit()
    raw.close()
    report = verify(b.store)
    assert not report.ok and "laptop_a" in report.chain.reason and "gewijzigd" in report.chain.reason


def test_offline_is_reported_and_caught_up(laptops, pg_cluster):
    a, a_secrets, _ = laptops("laptop-a")
    crisis = open_crisis(a, "Onrust", "Waalbergen", grip="1")
    pg_cluster.stop()
    try:
        add_entry(a, crisis.id, "Rook", "burger")
        result = sync_once(a, a_secrets)
        assert not result["online"] and result["pending"] > 0
        assert status(a.store)["offline_since"] is not None
    finally:
        pg_cluster.start()
    result = sync_once(a, a_secrets)
    assert result["online"] and result["pending"] == 0
    assert status(a.store)["offline_since"] is None


def test_two_offline_corrections_of_one_entry_are_a_conflict_on_both(laptops):
    from crisisconsole.services.log.entries import correct_entry

    a, a_secrets, _ = laptops("laptop-a")
    b, b_secrets, _ = laptops("laptop-b")
    crisis = open_crisis(a, "Onrust", "Waalbergen", grip="1")
    entry = add_entry(a, crisis.id, "Rook boven de haven", "burger")
    sync_once(a, a_secrets)
    sync_once(b, b_secrets)
    correct_entry(a, entry.id, "Rook boven de Noordhaven", "plaats preciezer")
    correct_entry(b, entry.id, "Rook boven de Zuidhaven", "plaats preciezer")
    for ctx, secrets in ((a, a_secrets), (b, b_secrets), (a, a_secrets)):
        sync_once(ctx, secrets)
    for ctx in (a, b):
        assert status(ctx.store)["conflicts"] == 1
        held = _texts_kept(ctx)
        assert any("Noordhaven" in t for t in held) and any("Zuidhaven" in t for t in held)
        assert verify(ctx.store).ok, verify(ctx.store).problems()


def _texts_kept(ctx):
    """Every correction's text and every clashing fact kept on this laptop."""
    with ctx.store.read() as conn:
        kept = [r[0] for r in conn.execute(text("SELECT text FROM log_version"))]
        return kept + [r[0] for r in conn.execute(text("SELECT row_json FROM team_conflict"))]


def test_synced_facts_reach_the_change_feed_like_local_writes(laptops):
    from crisisconsole.services.foundation.changes import Kind

    a, a_secrets, _ = laptops("laptop-a")
    b, b_secrets, _ = laptops("laptop-b")
    crisis = open_crisis(a, "Onrust", "Waalbergen", grip="1")
    entry = add_entry(a, crisis.id, "Rook", "burger")
    sync_once(a, a_secrets)
    seen = []
    b.feed.subscribe(seen.append)
    sync_once(b, b_secrets)
    arrived = [c for c in seen if c.touches({Kind.LOG})]
    assert len(arrived) == 1 and entry.id in arrived[0].ids and "team.pull" in arrived[0].actions


def test_the_server_witness_finds_a_laptop_whose_chain_was_cut(laptops, tmp_path, aide_secret):
    import shutil

    from crisisconsole.services.foundation.sign_in import sign_in
    from crisisconsole.services.team.witness import check_witness
    from crisisconsole.store.opening import open_database

    a, secrets, device = laptops("laptop-a")
    crisis = open_crisis(a, "Onrust", "Waalbergen", grip="1")
    sync_once(a, secrets)
    path = a.store.path
    a.store.close()
    shutil.copy(path, tmp_path / "older.db")   # an older copy, put back later
    store = open_database(path, secrets)
    ctx = sign_in(store, "aide", aide_secret).ctx
    add_entry(ctx, crisis.id, "Rook", "burger")
    sync_once(ctx, secrets)
    assert check_witness(store, secrets, device["dsn"])["ok"]
    store.close()
    shutil.copy(tmp_path / "older.db", path)
    older = open_database(path, secrets)
    try:
        assert verify(older).ok                  # by itself it still verifies
        found = check_witness(older, secrets, device["dsn"])
        assert not found["ok"] and "afgekapt" in found["reason"]
    finally:
        older.close()


def test_another_devices_push_is_a_hint_to_pull_now(laptops):
    import threading
    import time

    from crisisconsole.services.team.sync import wait_for_hint

    a, a_secrets, _ = laptops("laptop-a")
    b, b_secrets, _ = laptops("laptop-b")
    assert wait_for_hint(b.store, b_secrets, 0.2) is False   # nobody pushed: the timeout
    woke = []
    waiting = threading.Thread(target=lambda: woke.append(
        wait_for_hint(b.store, b_secrets, 30)))
    waiting.start()
    crisis = open_crisis(a, "Onrust", "Waalbergen", grip="1")
    deadline = time.monotonic() + 30
    while waiting.is_alive() and time.monotonic() < deadline:
        sync_once(a, a_secrets)  # the first push may come before the LISTEN: push again
        add_entry(a, crisis.id, "Rook", "burger")
        waiting.join(0.3)
    assert woke == [True]


def test_concurrent_corrections_are_marked_until_settled_by_a_new_fact(laptops):
    from crisisconsole.services.log.entries import correct_entry
    from crisisconsole.services.team.conflicts import concurrent_entries, settle_entry

    a, a_secrets, _ = laptops("laptop-a")
    b, b_secrets, _ = laptops("laptop-b")
    crisis = open_crisis(a, "Onrust", "Waalbergen", grip="1")
    entry = add_entry(a, crisis.id, "Rook boven de haven", "burger")
    quiet = add_entry(a, crisis.id, "Geen nieuws", "burger")
    sync_once(a, a_secrets)
    sync_once(b, b_secrets)
    correct_entry(a, entry.id, "Rook boven de Noordhaven", "plaats preciezer")
    correct_entry(b, entry.id, "Rook boven de Zuidhaven", "plaats preciezer")
    for ctx, secrets in ((a, a_secrets), (b, b_secrets), (a, a_secrets)):
        sync_once(ctx, secrets)
    for ctx in (a, b):
        assert concurrent_entries(ctx.store) == {entry.id}
        assert quiet.id not in concurrent_entries(ctx.store)
    settled = settle_entry(b, entry.id, "Rook boven de Noord- en Zuidhaven")
    assert settled.text == "Rook boven de Noord- en Zuidhaven"
    for ctx, secrets in ((b, b_secrets), (a, a_secrets)):
        sync_once(ctx, secrets)
    for ctx in (a, b):
        assert concurrent_entries(ctx.store) == set()
        assert status(ctx.store)["conflicts"] == 0
        kept = _texts_kept(ctx)
        assert any("Noordhaven" in t for t in kept) and any("Zuidhaven" in t for t in kept)
        assert verify(ctx.store).ok, verify(ctx.store).problems()


def test_settling_an_entry_without_concurrent_corrections_is_refused(laptops):
    import pytest

    from crisisconsole.errors import ValidationError
    from crisisconsole.services.team.conflicts import settle_entry

    a, _secrets, _ = laptops("laptop-a")
    crisis = open_crisis(a, "Onrust", "Waalbergen", grip="1")
    entry = add_entry(a, crisis.id, "Rook", "burger")
    with pytest.raises(ValidationError, match="gelijktijdige correcties"):
        settle_entry(a, entry.id, "Rook boven de haven")
