"""The topics kept on disk (r0060, store/derived_topics.py): current after the writes of the
app, left behind (and never read) after writes made without the book, recomputed before a
picture uses them; `audit verify` recomputes them and finds rows edited by hand; the
migration fills them for a file that had entries before; and the picture made from them
equals the picture made from the book in memory. (The migration: tests/unit/store/
test_migration_r0060.py.)"""

from __future__ import annotations

import pytest
from raw_sql import run_raw
from topic_rows import recomputed_rows, state, stored_rows

from crisisconsole.services.foundation import audit
from crisisconsole.services.log.entries import add_entry, assess_entry, link_entries
from crisisconsole.services.picture.snapshots import live_picture
from crisisconsole.services.picture.topic_books import books_of, topic_book
from crisisconsole.services.picture.topics import record_topic_fact


@pytest.fixture
def log(ctx, crisis, clock):
    first = add_entry(ctx, crisis.id, "Groep van ca. 30 personen", "politie",
                      discipline="politie", location="Parkeergarage Markt")
    second = add_entry(ctx, crisis.id, "Brand in een container", "brandweer",
                       discipline="brandweer", location="Industrieweg")
    third = add_entry(ctx, crisis.id, "Geen brand, alleen stoom", "burger",
                      discipline="brandweer", location="Industrieweg")
    clock.advance(minutes=3)
    link_entries(ctx, third.id, second.id, "contradicts")
    assess_entry(ctx, first.id, "confirmed", by="politie")
    return first, second, third


def test_writes_without_the_book_leave_the_rows_behind_and_the_picture_recomputes_them(
        ctx, crisis, log):
    gen, fresh = state(ctx.store, crisis.id)
    assert gen > fresh  # no book held while writing: behind, and says so
    live_picture(ctx, crisis.id)  # builds the book, and writes the rows once
    assert state(ctx.store, crisis.id)[0] == state(ctx.store, crisis.id)[1]
    assert stored_rows(ctx.store, crisis.id) == recomputed_rows(ctx.store, crisis.id)
    assert audit.verify(ctx.store).ok


def test_the_picture_from_disk_equals_the_picture_from_the_book(ctx, crisis, log, clock):
    topic = topic_book(ctx.store, crisis.id).topic_of(log[0].id)
    record_topic_fact(ctx, crisis.id, "pin", [topic])
    record_topic_fact(ctx, crisis.id, "statement", [topic], text="Groep rustig")
    clock.advance(minutes=2)
    add_entry(ctx, crisis.id, "Groep van ca. 45 personen", "burger", discipline="politie",
              location="Parkeergarage Markt")
    held = live_picture(ctx, crisis.id)
    assert books_of(ctx.store).held(crisis.id)
    books_of(ctx.store).forget(crisis.id)
    from_disk = live_picture(ctx, crisis.id)
    assert not books_of(ctx.store).held(crisis.id)  # made from the rows, no book built
    assert from_disk == held


def test_verify_finds_topic_rows_edited_by_hand(ctx, crisis, log):
    live_picture(ctx, crisis.id)
    assert audit.verify(ctx.store).ok
    first, second, _third = log
    run_raw(ctx.store, f"UPDATE topic_assignment SET topic_id = 't-{second.id}' "
                    f"WHERE entry_id = '{first.id}'")
    report = audit.verify(ctx.store)
    assert not report.ok
    found = [d.as_dict() for d in report.derived]
    assert any(d["table"] == "topic_assignment" and d["row"] == first.id for d in found)


def test_verify_finds_a_topic_summary_edited_by_hand(ctx, crisis, log):
    live_picture(ctx, crisis.id)
    topic = topic_book(ctx.store, crisis.id).topic_of(log[1].id)
    run_raw(ctx.store, f"UPDATE topic_summary SET pinned = 1 WHERE topic_id = '{topic}'")
    report = audit.verify(ctx.store)
    assert not report.ok
    assert any(d.table == "topic_summary" and d.row == topic for d in report.derived)


def test_rows_behind_are_never_read_and_are_recomputed(ctx, crisis, log):
    expected = live_picture(ctx, crisis.id)
    topic = topic_book(ctx.store, crisis.id).topic_of(log[0].id)
    books_of(ctx.store).forget()
    # Rows that are wrong but say they are behind: no picture may show them.
    run_raw(ctx.store, f"UPDATE topic_summary SET pinned = 0, reports = 99, discipline = 'ghor' "
                    f"WHERE topic_id = '{topic}'",
         f"UPDATE topic_state SET gen = gen + 1 WHERE crisis_id = '{crisis.id}'")
    assert live_picture(ctx, crisis.id)["disciplines"] == expected["disciplines"]
    assert stored_rows(ctx.store, crisis.id) == recomputed_rows(ctx.store, crisis.id)
    books_of(ctx.store).forget()
    assert live_picture(ctx, crisis.id)["disciplines"] == expected["disciplines"]  # from disk
    assert not books_of(ctx.store).held(crisis.id)
