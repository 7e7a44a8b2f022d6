"""Tampering by someone who has the key: drop the triggers, change or delete rows."""

import pytest

from crisisconsole.services.foundation import audit
from crisisconsole.services.foundation.crises import set_grip
from crisisconsole.store.append_only import drop_append_only_ddl


def _tamper(store, *statements):
    raw = store.raw_connection()
    for table in ("profile", "crisis", "crisis_event", "audit"):
        for ddl in drop_append_only_ddl(table):
            raw.execute(ddl)
    for statement in statements:
        raw.execute(statement)
    raw.close()


@pytest.fixture
def busy(ctx, crisis):
    set_grip(ctx, crisis.id, "2")
    set_grip(ctx, crisis.id, "3")
    return crisis


def test_intact_chain_verifies(store, busy):
    result = audit.verify(store)
    assert result.ok, result
    assert result.records == 8  # the aide's secret and two cards key wraps, then 5


def test_edited_fact_row_is_found(store, busy):
    _tamper(store, "UPDATE crisis SET name = 'iets anders'")
    result = audit.verify(store)
    assert not result.ok
    assert "gewijzigd" in result.reason


def test_deleted_fact_row_is_found(store, busy):
    _tamper(store, "DELETE FROM crisis_event WHERE grip = '2'")
    result = audit.verify(store)
    assert not result.ok
    assert "verwijderd" in result.reason


def test_edited_audit_record_is_found(store, busy):
    _tamper(store, "UPDATE audit SET actor = 'iemand anders' WHERE seq = 3")
    result = audit.verify(store)
    assert not result.ok and result.bad_seq == 3


def test_deleted_audit_record_in_the_middle_is_found(store, busy):
    _tamper(store, "DELETE FROM audit WHERE seq = 3")
    result = audit.verify(store)
    assert not result.ok and result.bad_seq == 3


def test_deleted_last_audit_record_is_found(store, busy):
    _tamper(store, "DELETE FROM audit WHERE seq = (SELECT max(seq) FROM audit)")
    result = audit.verify(store)
    assert not result.ok


def test_rehashed_forgery_without_chain_is_found(store, busy):
    # Rewriting one record's content hash and own hash still breaks the next prev_hash link.
    _tamper(store, "UPDATE audit SET hash = '00' WHERE seq = 2")
    result = audit.verify(store)
    assert not result.ok and result.bad_seq in (2, 3)


def test_writes_after_tail_deletion_do_not_hide_it(store, ctx, busy):
    _tamper(store, "DELETE FROM audit WHERE seq = (SELECT max(seq) FROM audit)")
    set_grip(ctx, busy.id, "4")
    assert not audit.verify(store).ok
