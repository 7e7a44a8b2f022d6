"""The store's side of the one time rule: a new row never takes a time outside 1900–2200, and
rows that old versions wrote with short years ('850-…') read, page, hash and copy unchanged."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from crisisconsole.errors import ValidationError
from crisisconsole.ids import new_id
from crisisconsole.services.foundation.audit import verify
from crisisconsole.services.log.entries import add_entry
from crisisconsole.services.log.queries import list_entries
from crisisconsole.store import audit_chain
from crisisconsole.store.bulk import PreparedRows, column_plan, row_params
from crisisconsole.store.tables import crisis as crisis_table
from crisisconsole.store.tables.log import log_entry


def test_a_new_row_with_a_time_outside_the_rule_is_refused(ctx):
    with pytest.raises(ValidationError, match="1900-01-01"), ctx.store.write(ctx.actor.id) as tx:
        tx.insert(crisis_table, {"id": new_id(), "name": "Oud", "municipality": "W",
                                 "exercise": False, "opened_at": datetime(850, 3, 1, tzinfo=UTC),
                                 "recorded_at": tx.now, "actor": ctx.actor.id}, "crisis.open")
    with ctx.store.read() as conn:
        assert conn.execute(select(crisis_table)).all() == []
    assert verify(ctx.store).ok


def _plant(store, actor: str, row: dict, text: str) -> None:
    names, _ = column_plan(log_entry)
    values = list(row_params(log_entry, [row])[0])
    values[names.index("occurred_at")] = text
    params = tuple(values)
    digest = audit_chain.plain_hash(dict(zip(names, params, strict=True)))
    with store.write(actor) as tx:
        tx.insert_prepared(PreparedRows(log_entry, (row["id"],), (params,), (digest,)), "legacy")


def test_old_short_year_rows_page_and_verify(ctx, crisis):
    for text in ("Een", "Twee", "Drie"):
        add_entry(ctx, crisis.id, text, "politie")
    with ctx.store.read() as conn:
        template = dict(conn.execute(select(log_entry)).mappings().first())
    for text in ("850-03-01T10:00:00.000000Z", "1-01-01T00:00:00.000000Z",
                 "850-03-01T10:00:00.000000Z"):
        _plant(ctx.store, ctx.actor.id, {**template, "id": new_id()}, text)
    assert verify(ctx.store).ok
    for descending in (True, False):
        seen, after = [], None
        while True:
            page = list_entries(ctx.store, crisis.id, limit=1, after=after,
                                descending=descending)
            if not page:
                break
            seen.append(page[0].id)
            after = (page[0].occurred_at, page[0].rowid)
            assert len(seen) <= 6, "keyset paging loops"
        assert len(seen) == len(set(seen)) == 6
