"""`audit verify` for the network's derived table: each request's current state recomputed
from ``info_request`` and ``info_request_event`` (the same replay as domain.request_rules)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from crisisconsole.domain.request_rules import RequestEventFact, replay
from crisisconsole.i18n import tr
from crisisconsole.store.differences import Difference

TABLE = "info_request_current"


def check_info_request_current(raw: Any) -> Iterator[Difference]:
    events: dict[str, list[RequestEventFact]] = {}
    for request_id, state, entry_id, at in raw.execute(
            "SELECT request_id, state, entry_id, at FROM info_request_event ORDER BY rowid"):
        events.setdefault(request_id, []).append(RequestEventFact(state, at, entry_id))
    expected: dict[str, tuple[Any, ...]] = {}
    for request_id, crisis_id, due_at, asked_at in raw.execute(
            "SELECT id, crisis_id, due_at, asked_at FROM info_request"):
        state = replay(events.get(request_id, ()))
        expected[request_id] = (crisis_id, state.state, due_at, asked_at,
                                state.first_answer_at, state.closed_at, state.answers)
    columns = ("crisis_id", "state", "due_at", "asked_at", "first_answer_at", "closed_at",
               "answers")
    stored = {row[0]: tuple(row[1:]) for row in raw.execute(
        f"SELECT request_id, {', '.join(columns)} FROM {TABLE}")}
    for request_id in sorted(expected.keys() | stored.keys()):
        if request_id not in expected:
            yield Difference(TABLE, request_id, None, None, None, tr(
                "een rij zonder uitvraag", "a row with no request"))
        elif request_id not in stored:
            yield Difference(TABLE, request_id, None, None, None, tr(
                "de uitvraag ontbreekt", "the request is missing"))
        else:
            for column, have, want in zip(columns, stored[request_id], expected[request_id],
                                          strict=True):
                if have != want:
                    yield Difference(TABLE, request_id, column, have, want)

