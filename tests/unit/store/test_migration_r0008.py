"""r0008 rebuilds measure_event to allow ``kept_in_force``: rows, audit chain and the
append-only triggers survive, and the new kind is accepted afterwards."""

from __future__ import annotations

import pytest
from old_database import database_at, old_profile
from sqlalchemy import select

from crisisconsole.domain.ordinance_records import LifecycleSettings
from crisisconsole.services.foundation import audit, crises
from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.services.measures import facts as measures_store
from crisisconsole.services.measures import lifecycle as measures
from crisisconsole.services.measures import views as measures_view
from crisisconsole.services.measures.facts import Calendar
from crisisconsole.store import schema
from crisisconsole.store.opening import open_database
from crisisconsole.store.tables.measures import measure_event


def test_measure_events_survive_and_the_new_kind_is_accepted(tmp_path, secret_store, clock,
                                                             monkeypatch):
    old = database_at(tmp_path / "old.db", secret_store, clock, "r0007")
    ctx = ServiceContext(old, old_profile(old, "aide", "aide"))
    with monkeypatch.context() as patch:  # the old app's terms: defaults, no setting facts yet
        for module in (measures_store, measures_view):
            patch.setattr(module, "load_settings", lambda conn: LifecycleSettings())
        # ... and its calendar (no meetings here; later revisions added calendar columns).
        for module in (measures, measures_view):
            patch.setattr(module, "load_calendar", lambda conn: Calendar((), (), {}))
        # ... and it named people by login (display names came later, with profile_change).
        patch.setattr(measures_view, "_actor_names", lambda conn: {})
        crisis = crises.open_crisis(ctx, "Onrust", "Waalbergen", grip="3")
        clock.advance(minutes=5)
        bevel = measures.issue_measure(ctx, crisis.id, "noodbevel", "Noodbevel Marktplein")
        clock.advance(minutes=5)
        measures.publish(ctx, bevel.id, "persbericht")
    with old.read() as conn:
        before = [tuple(r) for r in conn.execute(select(measure_event).order_by(measure_event.c.at))]
    old.close()

    store = open_database(tmp_path / "old.db", secret_store, clock=clock)
    try:
        with store.read() as conn:
            assert schema.current_revision(conn) == schema.HEAD
            after = [tuple(r) for r in conn.execute(select(measure_event)
                                                    .order_by(measure_event.c.at))]
        assert after == before and len(after) == 2
        assert audit.verify(store).ok
        ctx = ServiceContext(store, ctx.actor)
        clock.advance(hours=1)
        crises.set_grip(ctx, crisis.id, "2")
        clock.advance(minutes=1)
        view = measures.keep_in_force(ctx, bevel.id, "Dreiging blijft")
        assert view.events[-1]["kind"] == "kept_in_force" and audit.verify(store).ok
        raw = store.raw_connection()
        try:
            with pytest.raises(Exception, match="append-only"):
                raw.execute("UPDATE measure_event SET note = 'x'")
            with pytest.raises(Exception, match="CHECK"):
                raw.execute("INSERT INTO measure_event (id, measure_id, kind, at, recorded_at, "
                            "actor) VALUES ('e', ?, 'invented', 'a', 'b', 'c')", (bevel.id,))
            indexes = {r[1] for r in raw.execute("PRAGMA index_list(measure_event)")}
            assert "measure_event_measure" in indexes
        finally:
            raw.close()
    finally:
        store.close()
