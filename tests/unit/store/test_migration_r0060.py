"""A file from before the topics were kept on disk (schema r0050) with entries: the upgrade
to r0060 fills topic_assignment and topic_summary from the facts and marks them current."""

from __future__ import annotations

from old_database import database_at, old_profile

from crisisconsole.services.foundation import audit, crises
from crisisconsole.services.log.entries import add_entry
from crisisconsole.store import derived_topics


def _state(store, crisis_id):
    with store.read() as conn:
        return derived_topics.state(conn.connection.dbapi_connection, crisis_id)


def _rows(store, crisis_id):
    with store.read() as conn:
        return derived_topics.stored(conn.connection.dbapi_connection, crisis_id)


def _recomputed_rows(store, crisis_id):
    with store.read() as conn:
        book = derived_topics.build_book(conn.connection.dbapi_connection, crisis_id)
    return dict(book.state.label_of), derived_topics.rows_of(book)


def test_the_migration_fills_the_rows_of_an_older_file(tmp_path, secret_store, clock):
    from crisisconsole.services.foundation.context import ServiceContext
    from crisisconsole.store.opening import open_database

    store = database_at(tmp_path / "old.db", secret_store, clock, "r0050")
    aide = old_profile(store, "aide", "aide")
    ctx = ServiceContext(store, aide)
    crisis = crises.open_crisis(ctx, "Onrust", "Waalbergen")
    for n in (30, 45, 60):
        add_entry(ctx, crisis.id, f"Groep van ca. {n} personen", "politie",
                  discipline="politie", location="Parkeergarage Markt")
    path = store.path
    store.close()
    store = open_database(path, secret_store, clock=clock)
    try:
        gen, fresh = _state(store, crisis.id)
        assert gen == fresh
        assigned, rows = _rows(store, crisis.id)
        assert len(assigned) == 3 and rows
        assert (assigned, rows) == _recomputed_rows(store, crisis.id)
        assert audit.verify(store).ok
    finally:
        store.close()
