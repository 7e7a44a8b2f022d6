"""Audit records planned ahead: written only if the chain and the rows are as planned."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crisisconsole.ids import new_id
from crisisconsole.services.foundation import audit
from crisisconsole.store.audit_chain import write_head_of
from crisisconsole.store.bulk import prepare_rows
from crisisconsole.store.planned_write import AuditPlanner, PlanStale
from crisisconsole.store.tables.log import source_org

AT = datetime(2026, 11, 29, 9, 30, tzinfo=UTC)


def _planner(store) -> AuditPlanner:
    with store.read() as conn:
        return AuditPlanner(write_head_of(conn), "aide", store.origin)


def _rows(count: int):
    return prepare_rows(source_org, [{"id": new_id(), "label": f"Bron {n}", "created_at": AT,
                                      "actor": "aide"} for n in range(count)])


def test_planned_records_are_the_ones_the_store_would_write(store):
    planner = _planner(store)
    first, second = planner.plan([(_rows(3), "source.add")], AT), planner.plan(
        [(_rows(2), "source.add"), (_rows(1), "source.add")], AT)
    assert second.after == first.head and second.rows == 3
    for planned in (first, second):
        with store.write("aide") as tx:
            tx.apply_planned(planned)
    assert audit.last_seq(store) == second.head[0]
    result = audit.verify(store)
    assert result.ok, result
    with store.write("aide") as tx:  # the ordinary writes continue the same chain
        tx.insert(source_org, {"id": new_id(), "label": "Na", "created_at": AT, "actor": "a"},
                  "source.add")
    assert audit.verify(store).ok


def test_a_chain_that_moved_on_writes_nothing(store):
    planner = _planner(store)
    planned = planner.plan([(_rows(2), "source.add")], AT)
    with store.write("aide") as tx:
        tx.audit("log.view", "crisis", None)
    before = audit.last_seq(store)
    with pytest.raises(PlanStale), store.write("aide") as tx:
        tx.apply_planned(planned)
    assert audit.last_seq(store) == before
    assert audit.verify(store).ok


def test_a_row_that_appeared_meanwhile_rolls_the_file_back(store):
    rows = _rows(3)
    planned = _planner(store).plan([(rows, "source.add")], AT)
    raw = store.raw_connection()  # someone wrote the same row, bypassing the chain
    raw.execute("INSERT INTO source_org (id, label, created_at, actor) VALUES (?, 'x', 'y', 'z')",
                (rows.ids[2],))
    raw.close()
    with pytest.raises(PlanStale), store.write("aide") as tx:
        tx.apply_planned(planned)
    with store.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM source_org").scalar() == 1
    assert audit.last_seq(store) == planned.after[0]


def test_planned_audit_values_follow_the_audit_table_columns():
    from crisisconsole.store import audit_chain, tables
    from crisisconsole.store.planned_write import AUDIT_COLUMNS

    assert AUDIT_COLUMNS == audit_chain.column_names(tables.audit)


_texts = st.text(alphabet=st.characters(codec="utf-8"), max_size=40)


@given(seq=st.integers(min_value=1, max_value=2**62), ids=st.lists(_texts, min_size=4,
       max_size=4), optional=st.lists(st.none() | _texts, min_size=2, max_size=2),
       shared=st.lists(_texts, min_size=6, max_size=6))
def test_the_record_template_hashes_exactly_as_record_hash(seq, ids, optional, shared):
    from crisisconsole.store import audit_chain

    at, actor, origin, kind, action, object_type = shared
    record_id, prev_hash, result, _ = ids
    object_id, content = optional
    record = {"seq": seq, "id": record_id, "at": at, "actor": actor, "origin": origin,
              "kind": kind, "action": action, "object_type": object_type,
              "object_id": object_id, "result": result, "content_hash": content,
              "prev_hash": prev_hash}
    template = audit_chain.RecordTemplate(at=at, actor=actor, origin=origin, kind=kind,
                                          action=action, object_type=object_type,
                                          result=result)
    assert template.hash(seq, record_id, object_id, content, prev_hash) == \
        audit_chain.record_hash(record)
