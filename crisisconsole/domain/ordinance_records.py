"""Values of the ordinance tracker: the measure, its event records, states and obligations.

Kept apart from the rules that read them so the store, the CLI and the UI can import the
vocabulary without pulling in the state machine. Use them through ordinance_lifecycle.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from crisisconsole.clock import as_utc
from crisisconsole.domain.measures import Issuer, MeasureKind, Party
from crisisconsole.i18n import tr


class MeasureState(StrEnum):
    DRAFT = "draft"
    IN_FORCE = "in_force"
    RATIFIED = "ratified"
    NOT_RATIFIED = "not_ratified"
    APPEAL_PENDING = "appeal_pending"
    UPHELD = "upheld"
    LAPSED = "lapsed"
    SUSPENDED = "suspended"
    WITHDRAWN = "withdrawn"
    EXPIRED = "expired"

    @property
    def label_nl(self) -> str:
        return STATE_LABELS_NL[self]

    @property
    def label(self) -> str:
        """In the UI language (letters to Dutch bodies use label_nl)."""
        return tr(STATE_LABELS_NL[self], STATE_LABELS_EN[self])


STATE_LABELS_NL = {
    MeasureState.DRAFT: "concept",
    MeasureState.IN_FORCE: "van kracht",
    MeasureState.RATIFIED: "bekrachtigd",
    MeasureState.NOT_RATIFIED: "niet bekrachtigd",
    MeasureState.APPEAL_PENDING: "in beroep bij de CdK",
    MeasureState.UPHELD: "gehandhaafd door de CdK",
    MeasureState.LAPSED: "vervallen",
    MeasureState.SUSPENDED: "geschorst",
    MeasureState.WITHDRAWN: "ingetrokken",
    MeasureState.EXPIRED: "verlopen",
}

STATE_LABELS_EN = {
    MeasureState.DRAFT: "draft",
    MeasureState.IN_FORCE: "in force",
    MeasureState.RATIFIED: "ratified",
    MeasureState.NOT_RATIFIED: "not ratified",
    MeasureState.APPEAL_PENDING: "appeal pending with the CdK",
    MeasureState.UPHELD: "upheld by the CdK",
    MeasureState.LAPSED: "lapsed",
    MeasureState.SUSPENDED: "suspended",
    MeasureState.WITHDRAWN: "withdrawn",
    MeasureState.EXPIRED: "expired",
}

# The measure has effect in these states; suspended ones exist but have none.
LIVE_STATES = frozenset(
    {
        MeasureState.IN_FORCE,
        MeasureState.RATIFIED,
        MeasureState.NOT_RATIFIED,
        MeasureState.APPEAL_PENDING,
        MeasureState.UPHELD,
    }
)
# Nothing changes the state any more; only bookkeeping (notices, publication, account) follows.
FINAL_STATES = frozenset({MeasureState.LAPSED, MeasureState.WITHDRAWN, MeasureState.EXPIRED})


class MeasureEventKind(StrEnum):
    ISSUED = "issued"
    PUBLISHED = "published"  # how and when it was made known (gemeenteblad: document_ref)
    NOTIFIED = "notified"  # one of the three parties was informed (party)
    AGENDA_PLACED = "agenda_placed"  # ratification put on a meeting's agenda (meeting_id)
    APPEAL_LODGED = "appeal_lodged"  # mayor's appeal to the CdK after non-ratification
    CDK_DECISION = "cdk_decision"  # the CdK decided the appeal (upheld True/False)
    SUSPENDED = "suspended"  # the CdK suspended it while not ratified
    WITHDRAWN = "withdrawn"
    ACCOUNT_GIVEN = "account_given"  # account to the raad after withdrawal/expiry (rule 7)
    KEPT_IN_FORCE = "kept_in_force"  # kept deliberately after a scale-down or closure (note: why)

    @property
    def label_nl(self) -> str:
        return EVENT_LABELS_NL[self]

    @property
    def label(self) -> str:
        return tr(EVENT_LABELS_NL[self], EVENT_LABELS_EN[self])


EVENT_LABELS_NL = {
    MeasureEventKind.ISSUED: "Uitgevaardigd",
    MeasureEventKind.PUBLISHED: "Bekendgemaakt",
    MeasureEventKind.NOTIFIED: "Kennisgeving verstuurd",
    MeasureEventKind.AGENDA_PLACED: "Bekrachtiging geagendeerd",
    MeasureEventKind.APPEAL_LODGED: "Beroep ingesteld bij de CdK",
    MeasureEventKind.CDK_DECISION: "Beslissing CdK op beroep",
    MeasureEventKind.SUSPENDED: "Geschorst door de CdK",
    MeasureEventKind.WITHDRAWN: "Ingetrokken",
    MeasureEventKind.ACCOUNT_GIVEN: "Verantwoording aan de raad afgelegd",
    MeasureEventKind.KEPT_IN_FORCE: "Bewust van kracht gehouden",
}

EVENT_LABELS_EN = {
    MeasureEventKind.ISSUED: "Issued",
    MeasureEventKind.PUBLISHED: "Published",
    MeasureEventKind.NOTIFIED: "Notice sent",
    MeasureEventKind.AGENDA_PLACED: "Ratification on the agenda",
    MeasureEventKind.APPEAL_LODGED: "Appeal lodged with the CdK",
    MeasureEventKind.CDK_DECISION: "CdK decision on the appeal",
    MeasureEventKind.SUSPENDED: "Suspended by the CdK",
    MeasureEventKind.WITHDRAWN: "Withdrawn",
    MeasureEventKind.ACCOUNT_GIVEN: "Account given to the council",
    MeasureEventKind.KEPT_IN_FORCE: "Deliberately kept in force",
}


@dataclass(frozen=True)
class Measure:
    id: str
    kind: MeasureKind
    issuer: Issuer
    title: str
    issued_at: datetime
    planned_end: datetime | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", MeasureKind(self.kind))
        object.__setattr__(self, "issuer", Issuer(self.issuer))
        object.__setattr__(self, "issued_at", as_utc(self.issued_at))
        if self.planned_end is not None:
            object.__setattr__(self, "planned_end", as_utc(self.planned_end))

    @property
    def effective_end(self) -> datetime | None:
        """Planned end, capped by the legal maximum (12 h for art. 174b and 176a)."""
        limit = self.kind.max_duration
        cap = self.issued_at + limit if limit is not None else None
        if self.planned_end is None:
            return cap
        if cap is None:
            return self.planned_end
        return min(self.planned_end, cap)


@dataclass(frozen=True)
class MeasureEvent:
    kind: MeasureEventKind
    at: datetime
    actor: str
    party: Party | None = None
    document_ref: str | None = None
    upheld: bool | None = None
    note: str | None = None
    meeting_id: str | None = None  # only for agenda_placed

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", MeasureEventKind(self.kind))
        object.__setattr__(self, "at", as_utc(self.at))
        if self.party is not None:
            object.__setattr__(self, "party", Party(self.party))


@dataclass(frozen=True)
class LifecycleSettings:
    """The numbers the law leaves open (DOMAIN.md: *configurable*)."""

    notify_hours: float = 2
    agenda_lead: timedelta = timedelta(days=3)

    @property
    def notify_delay(self) -> timedelta:
        return timedelta(hours=self.notify_hours)


class ObligationKind(StrEnum):
    NOTIFY_RAAD = "notify_raad"
    NOTIFY_CDK = "notify_cdk"
    NOTIFY_OVJ = "notify_ovj"
    PLAN_COUNCIL_MEETING = "plan_council_meeting"
    AGENDA_RATIFICATION = "agenda_ratification"
    RATIFICATION = "ratification"
    RECORD_OUTCOME = "record_outcome"
    APPEAL = "appeal"
    CDK_DECISION = "cdk_decision"
    END = "end"
    ACCOUNT_TO_RAAD = "account_to_raad"
    WITHDRAW_PROMPT = "withdraw_prompt"  # crisis scaled down or closed while still in force
    ANSWER_REQUEST = "answer_request"  # an information request's deadline (issue 16)


NOTIFY_KIND = {
    Party.RAAD: ObligationKind.NOTIFY_RAAD,
    Party.CDK: ObligationKind.NOTIFY_CDK,
    Party.OVJ: ObligationKind.NOTIFY_OVJ,
}


@dataclass(frozen=True)
class Obligation:
    kind: ObligationKind
    due: datetime | None
    overdue: bool
    party: Party | None = None
    meeting_id: str | None = None
    text_nl: str = ""
    measure_id: str | None = None
    request_id: str | None = None  # ANSWER_REQUEST: the information request
    text_en: str = ""

    @property
    def text(self) -> str:
        """In the UI language (letters and calendars to Dutch bodies use text_nl)."""
        return tr(self.text_nl, self.text_en or self.text_nl)

    @property
    def key(self) -> str:
        """Stable while the facts behind it do not change: reminders are de-duplicated on it."""
        due = self.due.isoformat() if self.due is not None else "-"
        return f"{self.measure_id or self.request_id or '-'}/{self.kind}/{self.party or '-'}/{self.meeting_id or '-'}/{due}"


@dataclass(frozen=True)
class MeasureStatus:
    state: MeasureState
    since: datetime | None
    obligations: tuple[Obligation, ...]
    effective_end: datetime | None = None
    ratification_meeting_id: str | None = None

    @property
    def next_due(self) -> Obligation | None:
        dated = [o for o in self.obligations if o.due is not None]
        return min(dated, key=lambda o: o.due or datetime.max) if dated else None

    @property
    def overdue(self) -> tuple[Obligation, ...]:
        return tuple(o for o in self.obligations if o.overdue)
