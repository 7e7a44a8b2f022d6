"""A file from before the topics were kept on disk (schema r0050) with entries: the upgrade
to r0060 fills topic_assignment and topic_summary from the facts and marks them current."""

from __future__ import annotations

from old_database import database_at, old_profile
from topic_rows import recomputed_rows, state, stored_rows

from crisisconsole.services.foundation import audit, crises
from crisisconsole.services.log.entries import add_entry


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
        gen, fresh = state(store, crisis.id)
        assert gen == fresh
        assigned, rows = stored_rows(store, crisis.id)
        assert len(assigned) == 3 and rows
        assert (assigned, rows) == recomputed_rows(store, crisis.id)
        assert audit.verify(store).ok
    finally:
        store.close()
