"""The aide's network (issue 16): the partner and escalation directory, information requests
and what became of them, and the crisis team's roster.

All facts except ``info_request_current``: a partner is changed by a new version row, a
request's state by a new event, a shift change by a new assignment. ``info_request_current``
is derived from ``info_request`` and ``info_request_event`` by the r0040 triggers (one row
per request, its state now), so the overdue list is one indexed query on 10,000 requests;
``audit verify`` recomputes it (store/derived_network.py)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Text
from sqlmodel import Field

from crisisconsole.store.tables.base import TableModel, declared
from crisisconsole.store.types import UTCText


class PartnerRow(TableModel, table=True):
    """A partner's identity: kept across crises, per municipality ("" for every one)."""

    __tablename__ = "partner"
    __table_args__ = declared("partners")

    id: str = Field(primary_key=True)
    municipality: str
    kind: str  # organisation | person
    created_at: datetime = Field(sa_type=UTCText)
    actor: str


partner = PartnerRow.__table__


class PartnerVersionRow(TableModel, table=True):
    """What the directory says of a partner; the newest version is the current one, and a
    retired partner is a version with ``retired`` set."""

    __tablename__ = "partner_version"
    __table_args__ = declared("partners")

    id: str = Field(primary_key=True)
    partner_id: str
    name: str
    function: str | None = None
    organisation: str | None = None
    contributes: str | None = Field(default=None, sa_type=Text)
    phone: str | None = None
    phone_e164: str | None = None
    escalation_phone: str | None = None
    escalation_e164: str | None = None
    email: str | None = None
    discipline: str | None = None
    retired: bool = False
    recorded_at: datetime = Field(sa_type=UTCText)
    actor: str


partner_version = PartnerVersionRow.__table__


class InfoRequestRow(TableModel, table=True):
    """An information request (uitvraag) as it was asked."""

    __tablename__ = "info_request"
    __table_args__ = declared("requests")

    id: str = Field(primary_key=True)
    crisis_id: str
    question: str = Field(sa_type=Text)
    partner_id: str | None = None
    to_name: str
    channel: str
    priority: str
    asked_at: datetime = Field(sa_type=UTCText)
    due_at: datetime = Field(sa_type=UTCText)
    topic_ref: str | None = None
    decision_id: str | None = None
    recorded_at: datetime = Field(sa_type=UTCText)
    actor: str


info_request = InfoRequestRow.__table__


class InfoRequestEventRow(TableModel, table=True):
    """What became of a request: an answer (with the log entry that holds it), a decline or a
    withdrawal. The state after it is ``state``."""

    __tablename__ = "info_request_event"
    __table_args__ = declared("requests")

    id: str = Field(primary_key=True)
    request_id: str
    state: str
    entry_id: str | None = None
    reason: str | None = Field(default=None, sa_type=Text)
    at: datetime = Field(sa_type=UTCText)
    actor: str


info_request_event = InfoRequestEventRow.__table__


class InfoRequestCurrentRow(TableModel, table=True):
    """Derived (by trigger): each request's state now, for the lists and the overdue count."""

    __tablename__ = "info_request_current"
    __table_args__ = declared("requests", fact=False, audited=False)

    request_id: str = Field(primary_key=True)
    crisis_id: str
    state: str
    due_at: datetime = Field(sa_type=UTCText)
    asked_at: datetime = Field(sa_type=UTCText)
    first_answer_at: datetime | None = Field(default=None, sa_type=UTCText)
    closed_at: datetime | None = Field(default=None, sa_type=UTCText)
    answers: int


info_request_current = InfoRequestCurrentRow.__table__


class RosterAssignmentRow(TableModel, table=True):
    """A shift change: from ``at`` on, ``person`` holds ``function`` in the crisis team (an
    empty person leaves the function vacant)."""

    __tablename__ = "roster_assignment"
    __table_args__ = declared("roster")

    id: str = Field(primary_key=True)
    crisis_id: str
    function: str
    person: str
    at: datetime = Field(sa_type=UTCText)
    recorded_at: datetime = Field(sa_type=UTCText)
    actor: str


roster_assignment = RosterAssignmentRow.__table__
