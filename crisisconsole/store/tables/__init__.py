"""The tables, one module per aggregate, and the one list of them all (``TABLES``).

Each table is a SQLModel table model (``table=True``) and says what it is in its ``info``
(tables/base.py: fact, audited, purgeable, aggregate); ``audit verify``, the purge and the
change feed read those flags from the table, never from a file name. The DDL itself lives in
the Alembic migrations (frozen per revision); tests check that these models match what the
migrations build. The hot paths (bulk inserts, keyset paging, search, the import pipeline) use
SQLAlchemy Core over ``Model.__table__``, which every module also names in lower case
(``log_entry = LogEntryRow.__table__``).
"""

from __future__ import annotations

from sqlalchemy import Table

from crisisconsole.store.tables import (
    cards,
    intake,
    log,
    measures,
    network,
    picture,
    places,
    profiles,
    settings,
    team,
)
from crisisconsole.store.tables.base import TableModel, metadata
from crisisconsole.store.tables.foundation import (
    AuditRow,
    CrisisEventRow,
    CrisisRow,
    DbMetaRow,
    ProfileRow,
    audit,
    crisis,
    crisis_event,
    db_meta,
    profile,
)

MODELS: tuple[type[TableModel], ...] = (
    DbMetaRow, ProfileRow, CrisisRow, CrisisEventRow, AuditRow,
    profiles.ProfileSecretRow, profiles.ProfileChangeRow, profiles.CardsKeyWrapRow,
    log.LogEntryRow, log.LogVersionRow, log.LogAssessmentRow, log.LogAssessmentSeenRow,
    log.LogLinkRow,
    log.LogWithdrawalRow, log.LogAttachmentRow, log.SourceOrgRow, log.LogCurrentRow,
    log.LogCountRow,
    cards.CardRow, cards.CardFactRow, cards.CardChangeRow, cards.CardAccessRow,
    cards.CardTombstoneRow, cards.CardLabelRow,
    measures.MeasureRow, measures.MeasureEventRow, measures.CouncilMeetingRow,
    measures.MeetingOutcomeRow, measures.MeetingOutcomeSeenRow, measures.MeetingOutcomeItemRow, measures.MeasureLetterRow,
    measures.MeasureTrackerStateRow, measures.CouncilMeetingCalendarRow,
    measures.CouncilMeetingStatusRow, measures.MeasureExtensionRow,
    intake.CapExportRow,
    picture.PictureSnapshotRow, picture.DecisionRow, picture.DecisionEntryRow,
    picture.ActionRow, picture.ActionStatusRow, picture.PictureNoteRow, picture.TopicFactRow,
    picture.TopicAssignmentRow, picture.TopicSummaryRow, picture.TopicStateRow,
    settings.SettingFactRow,
    places.PlaceFactRow, places.MeasureAreaRow,
    network.PartnerRow, network.PartnerVersionRow, network.InfoRequestRow,
    network.InfoRequestEventRow, network.InfoRequestCurrentRow, network.RosterAssignmentRow,
    team.TeamSyncRow, team.TeamOriginRow, team.TeamChainRow, team.TeamConflictRow,
)
TABLES: tuple[Table, ...] = tuple(model.__table__ for model in MODELS)  # type: ignore[misc]
_AGGREGATES: dict[str, str | None] = {t.name: t.info.get("aggregate") for t in TABLES}

__all__ = ["MODELS", "TABLES", "aggregate_of", "all_tables", "audit", "audited_tables",
           "crisis", "crisis_event", "db_meta", "metadata", "profile", "purgeable_tables"]


def aggregate_of(table_name: str) -> str | None:
    """The aggregate a table declares (None for a name that is no table of the console)."""
    return _AGGREGATES.get(table_name)


def all_tables() -> list[Table]:
    """Every table, in the order of their foreign keys."""
    return [t for t in metadata.sorted_tables if t in TABLES]


def audited_tables() -> list[Table]:
    return [t for t in all_tables() if t.info.get("audited")]


def purgeable_tables() -> list[Table]:
    return [t for t in all_tables() if t.info.get("purgeable")]
