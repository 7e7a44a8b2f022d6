"""A text filter gives the same pages, counts and positions whichever way SQLite evaluates it
(few hits: looked up and sorted; many hits: tested while walking the sort order's index)."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest

from crisisconsole.services.log import queries as log_queries
from crisisconsole.services.log.entries import add_entry
from crisisconsole.services.log.queries import LogFilter, count_entries, list_entries, position_of

WORDS = ("brand rook loods station supporters politie ambulance marktplein café gewonden "
         "afzetting container").split()


@pytest.fixture
def busy_log(ctx, crisis, clock):
    rng = random.Random(3)
    for n in range(60):
        text = " ".join(rng.choices(WORDS, k=rng.randint(2, 6))) + f" melding{n}"
        add_entry(ctx, crisis.id, text, rng.choice(["politie", "brandweer", "burger"]),
                  occurred_at=clock.now() - timedelta(minutes=rng.randint(0, 600)),
                  reliability="confirmed" if n % 4 == 0 else "hearsay",
                  confirmed_by="politie" if n % 4 == 0 else None)
        clock.advance(seconds=7)
    return crisis


def _everything(store, crisis_id, flt, order, descending):
    pages, after = [], None
    while True:
        page = list_entries(store, crisis_id, flt, limit=7, order=order, descending=descending,
                            after=after)
        if not page:
            break
        pages.extend(e.id for e in page)
        last = page[-1]
        after = (last.occurred_at if order == "occurred" else last.recorded_at, last.rowid)
    return pages


@pytest.mark.parametrize("query", ["brand", "rook loods", "melding1", "café", "niets"])
@pytest.mark.parametrize("order", ["occurred", "recorded"])
def test_both_plans_agree(store, busy_log, monkeypatch, query, order):
    results = []
    for few in (10**9, 0):  # every query "few hits", then every query "many hits"
        monkeypatch.setattr(log_queries, "FEW_MATCHES", few)
        for flt in (LogFilter(query=query), LogFilter(query=query, reliability=("hearsay",))):
            ids = _everything(store, busy_log.id, flt, order, True)
            ids_up = _everything(store, busy_log.id, flt, order, False)
            assert ids_up == ids[::-1]
            count = count_entries(store, busy_log.id, flt)
            assert count == len(ids)
            positions = []
            for entry_id in ids[:5]:
                entry = next(e for e in list_entries(store, busy_log.id, flt, limit=500,
                                                     order=order) if e.id == entry_id)
                key = (entry.occurred_at if order == "occurred" else entry.recorded_at,
                       entry.rowid)
                positions.append(position_of(store, busy_log.id, flt, order, True, key))
            assert positions == list(range(len(positions)))
            results.append(ids)
    assert results[0] == results[2] and results[1] == results[3]
    assert (len(results[0]) > 0) is (query != "niets")


def test_many_hits_are_a_membership_test_not_the_driver(crisis):
    from sqlalchemy import select

    from crisisconsole.store.tables.log import log_current

    flt = LogFilter(query="brand")
    many = str(select(log_current).where(*flt.clauses(crisis.id, many_matches=True)))
    few = str(select(log_current).where(*flt.clauses(crisis.id)))
    assert "log_current.rowid + " in many and "log_current.rowid + " not in few
