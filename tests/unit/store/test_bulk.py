"""Bulk inserts: multi-row statements in power-of-two sizes, each row with its audit record."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import Column, MetaData, String, Table, select

from crisisconsole.ids import new_id
from crisisconsole.services.foundation import audit
from crisisconsole.store import audit_chain, bulk, tables
from crisisconsole.store.tables.log import source_org

AT = datetime(2026, 11, 29, 9, 30, tzinfo=UTC)


def _orgs(count: int) -> list[dict]:
    return [{"id": new_id(), "label": f"Bron {n} — ‘citaat’", "created_at": AT, "actor": "a"}
            for n in range(count)]


@pytest.mark.parametrize("count", [0, 1, 2, 3, 127, 128, 129, 300])
def test_every_row_lands_in_order_with_its_audit_record(store, count):
    rows = _orgs(count)
    before = audit.last_seq(store)
    with store.write("a") as tx:
        tx.insert_many(source_org, rows, "source.add")
    with store.read() as conn:
        stored = conn.execute(select(source_org).order_by(source_org.c.id)).mappings().all()
        records = conn.execute(select(tables.audit).where(tables.audit.c.seq > before)
                               .order_by(tables.audit.c.seq)).mappings().all()
    assert [r["id"] for r in stored] == sorted(r["id"] for r in rows)
    assert [r["object_id"] for r in records] == [r["id"] for r in rows]
    by_id = {r["id"]: r for r in stored}
    assert all(rec["content_hash"] == audit_chain.content_hash(source_org, by_id[rec["object_id"]])
               for rec in records)
    result = audit.verify(store)
    assert result.ok, result


def test_prepared_rows_carry_the_hash_the_store_verifies(store):
    rows = _orgs(5)
    prepared = bulk.prepare_rows(source_org, rows)
    assert prepared.hashes == tuple(audit_chain.content_hash(source_org, row) for row in rows)
    picked = bulk.joined([bulk.prepare_rows(source_org, [rows[4], rows[0]]),
                          bulk.prepare_rows(source_org, [rows[2]])])
    assert picked.ids == (rows[4]["id"], rows[0]["id"], rows[2]["id"])
    with store.write("a") as tx:
        tx.insert_prepared(picked, "source.add")
    assert audit.verify(store).ok
    assert bulk.joined([]) is None


class _Recorder:
    """Records the statements' row counts (the chunking is ours; SQLite runs them above)."""

    def __init__(self, columns: int) -> None:
        self.columns = columns
        self.sizes: list[int] = []

    def execute(self, sql: str, params: list) -> None:
        rows = sql.count("(") - 1  # one "(" for the column list, one per row
        assert len(params) == rows * self.columns
        self.sizes.append(rows)


def test_statement_sizes_are_powers_of_two_within_the_variable_limit():
    narrow = Table("narrow", MetaData(), *[Column(f"c{i}", String) for i in range(4)])
    cursor = _Recorder(4)
    bulk.insert_params(cursor, narrow, [("a", "b", "c", "d")] * 300)
    assert cursor.sizes == [128, 128, 32, 8, 4]
    wide = Table("wide", MetaData(), *[Column(f"c{i}", String) for i in range(400)])
    cursor = _Recorder(400)
    bulk.insert_params(cursor, wide, [("x",) * 400] * 300)
    assert cursor.sizes == [80, 80, 80, 40, 20]
    assert all(size * 400 <= bulk._MAX_VARIABLES for size in cursor.sizes)
