"""`audit verify` beyond the chain: derived tables recomputed from the facts, the file's own
integrity, the schema. Each attack below passed the old verify."""

from __future__ import annotations

import pytest
from raw_sql import run_raw

from crisisconsole.services.foundation import audit
from crisisconsole.services.log.entries import (
    add_entry,
    assess_entry,
    correct_entry,
    link_entries,
    withdraw_entry,
)
from crisisconsole.services.log.queries import search_entries
from crisisconsole.services.measures.art39 import set_art39
from crisisconsole.store import tables
from crisisconsole.store.derived_checks import DERIVED_CHECKS, NOT_CHECKED


@pytest.fixture
def log(ctx, crisis, clock):
    """A small log with every kind of fact: corrections, re-grades (one typed in late),
    corroboration, an open contradiction, a withdrawal."""
    first = add_entry(ctx, crisis.id, "Brand in loods aan de Haven", "burger")
    second = add_entry(ctx, crisis.id, "Rookontwikkeling Haven", "politie")
    third = add_entry(ctx, crisis.id, "Geen brand, alleen stoom", "media")
    clock.advance(minutes=3)
    correct_entry(ctx, first.id, "Brand in loods aan de Havenweg", "straatnaam")
    assess_entry(ctx, first.id, "confirmed", corroborated_by=second.id, grade="B2")
    link_entries(ctx, third.id, first.id, "contradicts")
    clock.advance(minutes=-10)  # a laptop clock set back: the older re-grade must not count
    assess_entry(ctx, second.id, "refuted", by="brandweer")
    clock.advance(minutes=20)
    assess_entry(ctx, second.id, "confirmed", by="brandweer", grade="A1")
    withdraw_entry(ctx, third.id, "bericht ingetrokken")
    return first, second, third


def _report(store):
    report = audit.verify(store)
    return report, [d.as_dict() for d in report.derived]


def test_untouched_log_verifies_with_every_check(store, log):
    report = audit.verify(store)
    assert report.ok, report.problems()
    assert report.derived_total == 0 and report.schema == () and report.integrity.ok
    data = report.as_dict()
    assert {"ok", "records", "bad_seq", "reason"} <= data.keys()
    assert data["integrity"]["cipher"] == "SQLCipher cipher_integrity_check: ok"
    assert data["integrity"]["sqlite"] == "SQLite integrity_check: ok"


def test_edited_current_text_is_found_with_table_row_and_column(store, log):
    first = log[0]
    run_raw(store, f"UPDATE log_current SET text = 'vervalst' WHERE entry_id = '{first.id}'")
    assert search_entries(store, first.crisis_id, "vervalst")  # what list and search show
    report, found = _report(store)
    assert not report.ok
    assert {"table": "log_current", "row": first.id, "column": "text", "stored": "vervalst",
            "expected": "Brand in loods aan de Havenweg"}.items() <= found[0].items()
    assert report.reason.startswith(f"log_current {first.id}: text is 'vervalst'")


@pytest.mark.parametrize(("column", "value"), [
    ("reliability", "'confirmed'"), ("grade", "'A1'"), ("withdrawn", "0"),
    ("contradicted", "0"), ("corroborations", "5"), ("version", "1"),
    ("occurred_at", "'2001-01-01T00:00:00.000000Z'"), ("source", "'politie'"),
    ("last_confirmed_at", "NULL"), ("rowid", "rowid + 1000"),
])
def test_every_current_state_column_is_recomputed(store, log, column, value):
    target = {"withdrawn": log[2], "corroborations": log[0], "version": log[0],
              "last_confirmed_at": log[0], "contradicted": log[0]}.get(column, log[2])
    run_raw(store, f"UPDATE log_current SET {column} = {value} WHERE entry_id = '{target.id}'")
    report, found = _report(store)
    assert not report.ok
    assert any(d["table"] == "log_current" and d["row"] == target.id for d in found), found


def test_deleted_and_planted_current_rows_are_found(store, log, crisis):
    run_raw(store, f"DELETE FROM log_current WHERE entry_id = '{log[1].id}'",
         "INSERT INTO log_current (entry_id, crisis_id, occurred_at, recorded_at, source, text,"
         " version, reliability, assessed_at, contradicted, corroborations, withdrawn, author,"
         f" origin_kind) SELECT 'geplant', crisis_id, occurred_at, recorded_at, source,"
         " 'verzonnen', 1, 'confirmed', assessed_at, 0, 0, 0, author, origin_kind"
         f" FROM log_current WHERE entry_id = '{log[0].id}'")
    _, found = _report(store)
    assert {(d["row"], d["note"] != "") for d in found if d["table"] == "log_current"} >= {
        (log[1].id, True), ("geplant", True)}


def test_log_count_is_recomputed(store, log, crisis):
    run_raw(store, "UPDATE log_count SET n = 99")
    _, found = _report(store)
    assert [(d["table"], d["row"], d["stored"], d["expected"]) for d in found] == [
        ("log_count", crisis.id, 99, 3)]


def test_search_index_taken_apart_is_found(store, log, crisis):
    first = log[0]
    # Take one entry out of the search index only: list and facts are intact, search hides it.
    run_raw(store, "INSERT INTO log_fts (log_fts, rowid, text, location, source, person) "
                "SELECT 'delete', rowid, text, location, source, person FROM log_current "
                f"WHERE entry_id = '{first.id}'")
    assert not search_entries(store, crisis.id, "Havenweg")
    report, found = _report(store)
    assert not report.ok and [d["table"] for d in found] == ["log_fts"]


def test_art39_answer_changed_in_place_is_found(store, ctx, crisis):
    set_art39(ctx, crisis.id, True)
    assert audit.verify(store).ok
    run_raw(store, "UPDATE measure_tracker_state SET value = '0'")
    _, found = _report(store)
    assert [(d["table"], d["row"], d["stored"], d["expected"]) for d in found] == [
        ("measure_tracker_state", f"art39:{crisis.id}", "0", "1")]


def test_open_purge_gate_at_rest_is_found(store, log):
    run_raw(store, "UPDATE purge_gate SET open = 1")
    _, found = _report(store)
    assert [d["table"] for d in found] == ["purge_gate"]


def test_dropped_or_planted_trigger_is_found(store, log):
    run_raw(store, "DROP TRIGGER log_entry_no_update",
         "CREATE TRIGGER stil AFTER INSERT ON log_entry BEGIN "
         "UPDATE log_current SET text = 'niets aan de hand' WHERE entry_id = NEW.id; END")
    report = audit.verify(store)
    assert not report.ok
    assert {(d.row, bool(d.note)) for d in report.schema} == {("log_entry_no_update", True),
                                                             ("stil", True)}


def test_flipped_bytes_in_a_page_no_query_reads_are_found(store, log):
    with store.read() as conn:
        page = int(conn.exec_driver_sql("SELECT max(rootpage) FROM sqlite_master "
                                        "WHERE type = 'index'").scalar())
        size = int(conn.exec_driver_sql("PRAGMA page_size").scalar())
    store.close()  # checkpoint: the page is in the main file now
    with open(store.path, "r+b") as handle:
        handle.seek((page - 1) * size + size // 2)
        chunk = handle.read(16)
        handle.seek((page - 1) * size + size // 2)
        handle.write(bytes(b ^ 0xFF for b in chunk))
    report = audit.verify(store)
    assert not report.ok
    assert report.integrity.cipher and f"page {page}" in report.integrity.cipher_line()
    assert report.reason.startswith("SQLCipher cipher_integrity_check: HMAC")


def test_every_table_is_a_fact_or_has_a_check():
    checked = {c.table for c in DERIVED_CHECKS}
    for table in tables.all_tables():
        if table.info.get("fact"):
            # The chains themselves: the own (audit) and the other devices' (team_chain, with
            # team_origin naming which device wrote each synced fact, team_conflict the facts
            # that clashed), walked by verify.
            assert table.info.get("audited") or table.name in (
                "audit", "team_chain", "team_origin", "team_conflict"), table.name
            continue
        assert table.name in checked or table.name in NOT_CHECKED, (
            f"{table.name} is neither a fact nor checked by audit verify")
