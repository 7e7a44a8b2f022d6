"""A re-export after a re-grade is an Update, and importing it re-grades the partner's entry
(it used to report "update changes nothing")."""

from __future__ import annotations

from crisisconsole.services.foundation.crises import open_crisis
from crisisconsole.services.intake.cap import import_cap_bytes
from crisisconsole.services.intake.cap_export import export_entry_cap
from crisisconsole.services.log.entries import add_entry, assess_entry
from crisisconsole.services.log.queries import get_entry


def test_an_update_that_only_regrades_regrades_the_imported_entry(ctx, crisis, clock):
    other = open_crisis(ctx, "Rellen (partner)", "Maasdorp")
    entry = add_entry(ctx, crisis.id, "Groep van 40 bij het station", "politie",
                      grade="B2", discipline="politie")
    item = import_cap_bytes(ctx, other.id, export_entry_cap(ctx, entry.id), "een.cap")
    copy = item.entries[0]
    assert get_entry(ctx.store, copy).grade == "B2"
    clock.advance(minutes=10)
    assess_entry(ctx, entry.id, "hearsay", grade="A1")
    update = export_entry_cap(ctx, entry.id)
    assert b"<msgType>Update</msgType>" in update
    item = import_cap_bytes(ctx, other.id, update, "twee.cap")
    assert item.status == "imported" and item.corrected == 1, item
    assert get_entry(ctx.store, copy).grade == "A1"
    again = import_cap_bytes(ctx, other.id, update, "twee.cap")
    assert again.status == "duplicate"
