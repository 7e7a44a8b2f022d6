"""Every table that is not a fact, and how `audit verify` checks it: an explicit tuple.

Fact tables (``info["fact"]``) are covered by the audit chain's content hashes. Every other
table holds state derived from facts or kept beside them, which no trigger protects; each is
named here with the check that recomputes it, or with the reason why there is nothing to
recompute. tests/unit/store/test_verify_derived.py fails when a table is added that is neither a
fact nor listed here, so a new derived table cannot slip past verification.

State derived on every read and stored nowhere needs no check: the crisis state (GRIP level,
closed; `domain.crisis.derive_state` over crisis_event), the measure state (the ordinance
lifecycle over measure_event, the council calendar and the setting facts) and each setting's
current value (the newest setting_fact of its key).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from crisisconsole.i18n import tr
from crisisconsole.store.derived_log import (
    check_log_count,
    check_log_current,
    check_log_search_index,
)
from crisisconsole.store.derived_network import check_info_request_current
from crisisconsole.store.derived_topics import check_topic_tables
from crisisconsole.store.differences import Difference

ART39_PREFIX = "art39:"


@dataclass(frozen=True)
class DerivedCheck:
    table: str
    covers: str  # what is recomputed, and from which facts
    run: Callable[[Any, str], Iterator[Difference]]  # (raw DB-API connection, db_id)


def check_tracker_state(raw: Any, db_id: str) -> Iterator[Difference]:
    """The recorded Wvr art. 39 answer per crisis lives in a row that is updated in place; its
    value is in the audit chain too, as the action of the write that set it
    (services.measures_art39), so the row is checked against the newest such record. The
    table's other rows are no facts: ``reminders_seen:*`` is where one user is in the stream of
    reminders, and the terms rows are the measure terms' old place, taken over once as setting
    facts (services.settings_facts)."""
    expected: dict[str, str] = {}
    for object_id, action in raw.execute(
            "SELECT object_id, action FROM audit WHERE kind = 'write' AND result = 'ok' "
            "AND object_type = 'measure_tracker_state' AND object_id LIKE 'art39:%' "
            "ORDER BY seq"):
        expected[object_id] = "1" if action.endswith(".applies") else "0"
    stored = dict(raw.execute(
        "SELECT key, value FROM measure_tracker_state WHERE key LIKE 'art39:%'"))
    for key in sorted(expected.keys() | stored.keys()):
        if key not in expected:
            yield Difference("measure_tracker_state", key, None, None, None, tr(
                "een art. 39-antwoord zonder auditrecord", "an art. 39 answer with no audit record"))
        elif stored.get(key) != expected[key]:
            yield Difference("measure_tracker_state", key, "value", stored.get(key),
                             expected[key])


def check_purge_gate(raw: Any, db_id: str) -> Iterator[Difference]:
    """The gate is opened only inside the purge's own transaction: at rest it must be shut, or
    the purgeable tables accept UPDATEs from anyone."""
    rows = list(raw.execute("SELECT id, open FROM purge_gate"))
    if rows != [(1, 0)]:
        yield Difference("purge_gate", "1", "open", rows, [(1, 0)])


def check_db_meta(raw: Any, db_id: str) -> Iterator[Difference]:
    """The database id is the file's own salt (store.keys); anchors name it."""
    stored = raw.execute("SELECT value FROM db_meta WHERE key = 'db_id'").fetchone()
    if stored is None or stored[0] != db_id:
        yield Difference("db_meta", "db_id", "value", stored[0] if stored else None, db_id)


DERIVED_CHECKS: tuple[DerivedCheck, ...] = (
    DerivedCheck("log_current", "log_entry, log_version, log_assessment, log_link, "
                 "log_withdrawal (the r0002 triggers)", lambda raw, _db: check_log_current(raw)),
    DerivedCheck("log_count", "log_entry per crisis", lambda raw, _db: check_log_count(raw)),
    DerivedCheck("log_fts", "log_current (FTS5 integrity-check on a copy of the index)",
                 lambda raw, _db: check_log_search_index(raw)),
    DerivedCheck("measure_tracker_state", "art. 39 answers from their audit records",
                 check_tracker_state),
    DerivedCheck("purge_gate", "shut at rest", check_purge_gate),
    DerivedCheck("db_meta", "db_id from the file's salt", check_db_meta),
    DerivedCheck("info_request_current", "info_request, info_request_event (the r0040 "
                 "triggers)", lambda raw, _db: check_info_request_current(raw)),
    DerivedCheck("topic_assignment", "the topics recomputed from log_current, log_link and "
                 "topic_fact, for every crisis whose rows claim to be current; topic_summary "
                 "and topic_state with them", lambda raw, _db: check_topic_tables(raw)),
)

# Tables that are neither facts nor checked above, and why.
NOT_CHECKED: dict[str, str] = {
    "alembic_version": "the schema version: read (and refused when unknown) at every opening",
    "log_fts_data": "part of log_fts", "log_fts_idx": "part of log_fts",
    "log_fts_docsize": "part of log_fts", "log_fts_config": "part of log_fts",
    "team_sync": "team mode's sync position: bookkeeping, rebuilt by the next sync",
    "topic_summary": "checked with topic_assignment",
    "topic_state": "which crises' topic rows are current: rows behind are recomputed before "
                   "use; rows that claim to be current are checked with topic_assignment",
}


def run_checks(raw: Any, db_id: str, limit: int = 50) -> tuple[list[Difference], int]:
    """The first ``limit`` differences of all checks, and how many there were in all."""
    found: list[Difference] = []
    total = 0
    for check in DERIVED_CHECKS:
        for difference in check.run(raw, db_id):
            total += 1
            if len(found) < limit:
                found.append(difference)
    return found, total
