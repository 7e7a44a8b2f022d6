"""The tables, one module per aggregate, and the one list of them all (``TABLES``).

The DDL itself lives in the Alembic migrations (frozen per revision); tests check that these
definitions match what the migrations build. Each table says what it is in its ``info``:
``fact`` (append-only, enforced by triggers in the migration), ``audited`` (rows covered by the
audit chain's content hashes; needs an ``id`` column) and ``purgeable`` (the lawful purge may
overwrite content). ``audit verify`` and the purge read those flags from here, never from a
file name.
"""

from __future__ import annotations

from sqlalchemy import Table

from crisisconsole.store.tables import cards, log, measures, picture, profiles, settings
from crisisconsole.store.tables.foundation import (
    audit,
    crisis,
    crisis_event,
    db_meta,
    metadata,
    profile,
)

TABLES: tuple[Table, ...] = (
    db_meta, profile, crisis, crisis_event, audit,
    profiles.profile_secret, profiles.profile_change, profiles.cards_key_wrap,
    log.log_entry, log.log_version, log.log_assessment, log.log_link, log.log_withdrawal,
    log.log_attachment, log.source_org, log.log_current, log.log_count,
    cards.card, cards.card_fact, cards.card_change, cards.card_access, cards.card_tombstone,
    cards.card_label,
    measures.measure, measures.measure_event, measures.council_meeting,
    measures.meeting_outcome, measures.meeting_outcome_item, measures.measure_letter,
    measures.measure_tracker_state,
    picture.picture_snapshot, picture.decision, picture.decision_entry, picture.action,
    picture.action_status, picture.picture_note,
    settings.setting_fact,
)

__all__ = ["TABLES", "all_tables", "audit", "audited_tables", "crisis", "crisis_event",
           "db_meta", "metadata", "profile", "purgeable_tables"]


def all_tables() -> list[Table]:
    """Every table, in the order of their foreign keys."""
    return [t for t in metadata.sorted_tables if t in TABLES]


def audited_tables() -> list[Table]:
    return [t for t in all_tables() if t.info.get("audited")]


def purgeable_tables() -> list[Table]:
    return [t for t in all_tables() if t.info.get("purgeable")]
