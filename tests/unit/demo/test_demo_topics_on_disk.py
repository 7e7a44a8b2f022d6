"""The demo's picture made from the topics kept on disk (as a fresh process makes it) equals
the one made from the book in memory, lists at most 40 topics, and every demo entry is in
exactly one topic there (issue 13, done-when, on the cold path)."""

from __future__ import annotations

from crisisconsole.services.foundation.sign_in import sign_in
from crisisconsole.services.picture.snapshots import live_picture
from crisisconsole.services.picture.topic_books import books_of, topic_book
from crisisconsole.store import derived_topics


def test_the_demo_picture_from_disk(tmp_path):
    from crisisconsole.demo.build import build_demo_database
    from crisisconsole.store.opening import open_database

    info = build_demo_database(tmp_path / "demo.db", passphrase="demo demo demo")
    store = open_database(info.path, None, key=info.key)
    try:
        ctx = sign_in(store, info.profile, info.profile_secret).ctx
        now = store.clock.now()
        topic_book(store, info.crisis_id)  # held: the picture comes from the book
        in_memory = live_picture(ctx, info.crisis_id, now=now)
        books_of(store).forget()
        from_disk = live_picture(ctx, info.crisis_id, now=now)
        assert not books_of(store).held(info.crisis_id)
        assert from_disk == in_memory
        shown = sum(len(d["confirmed"]) + len(d["unconfirmed"])
                    for d in from_disk["disciplines"])
        assert 0 < shown <= 40
        with store.read() as conn:
            raw = conn.connection.dbapi_connection
            assigned, _rows = derived_topics.stored(raw, info.crisis_id)
            entries = {r[0] for r in raw.execute(
                "SELECT id FROM log_entry WHERE crisis_id = ?", (info.crisis_id,))}
        assert set(assigned) == entries  # each entry once (the key), none left out
    finally:
        store.close()
