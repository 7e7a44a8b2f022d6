"""What the card services return: plain data. A masked entry carries no name and no statement;
only `CardView` (the card itself, after an audited reveal) does.

Also the guard that keeps personal data out of exception messages and therefore out of crash
logs: an unexpected error inside a card service is re-raised without its message.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, ParamSpec, TypeVar

from crisisconsole.clock import format_utc
from crisisconsole.domain.cards import BriefingQuestion
from crisisconsole.errors import CrisisConsoleError
from crisisconsole.i18n import tr

PURGED_MARK = "[verwijderd]"
QUESTIONS = (*[q.value for q in BriefingQuestion], "other")
QUESTION_LABELS_NL = {**{q.value: q.label_nl for q in BriefingQuestion}, "other": "Overig"}

P = ParamSpec("P")
R = TypeVar("R")


class SuppressedError(RuntimeError):
    """An unexpected error in a card service; its message was dropped because it may hold
    personal data (SQL parameters, values in a ValueError). The traceback (code only) stays."""


def guarded(fn: Callable[P, R]) -> Callable[P, R]:
    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return fn(*args, **kwargs)
        except CrisisConsoleError:
            raise  # one-line messages written without personal data
        except Exception as error:  # noqa: BLE001 - re-raised without its message
            raise SuppressedError(
                tr(f'interne fout ({type(error).__name__}) in persoonskaarten; melding weggelaten (kan persoonsgegevens bevatten)', "internal error, message withheld")
            ).with_traceback(error.__traceback__) from None
    return wrapper


def _t(value: datetime | None) -> str | None:
    return format_utc(value) if value is not None else None


@dataclass(frozen=True)
class Tombstone:
    id: str
    purged_at: datetime
    actor: str
    reason: str
    removed_hash: str
    rows_purged: int

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "purged_at": _t(self.purged_at), "actor": self.actor,
                "reason": self.reason, "removed_hash": self.removed_hash,
                "rows_purged": self.rows_purged}


@dataclass(frozen=True)
class MaskedCard:
    """A card as every surface but the card itself shows it: initials and role in the crisis."""

    id: str
    crisis_id: str
    kind: str
    masked: str
    fact_count: int
    created_at: datetime
    review_date: datetime | None
    deletion_date: datetime | None
    review_due: bool
    purged: bool

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "crisis_id": self.crisis_id, "kind": self.kind,
                "masked": self.masked, "fact_count": self.fact_count,
                "created_at": _t(self.created_at), "review_date": _t(self.review_date),
                "deletion_date": _t(self.deletion_date), "review_due": self.review_due,
                "purged": self.purged}


@dataclass(frozen=True)
class CardFact:
    id: str
    statement: str
    question: str
    source_org: str
    source_officer: str | None
    channel: str
    legal_basis: str
    purpose: str
    reliability: str
    grade: str | None
    received_at: datetime
    no_onward_sharing: bool
    corrects_id: str | None
    reason: str | None
    recorded_at: datetime
    actor: str
    superseded_by: str | None = None

    @property
    def current(self) -> bool:
        return self.superseded_by is None

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "statement": self.statement, "question": self.question,
                "source_org": self.source_org, "source_officer": self.source_officer,
                "channel": self.channel, "legal_basis": self.legal_basis,
                "purpose": self.purpose, "reliability": self.reliability, "grade": self.grade,
                "received_at": _t(self.received_at),
                "no_onward_sharing": self.no_onward_sharing, "corrects_id": self.corrects_id,
                "reason": self.reason, "recorded_at": _t(self.recorded_at),
                "actor": self.actor, "superseded_by": self.superseded_by}


@dataclass(frozen=True)
class CardNote:
    id: str
    note: str
    at: datetime
    actor: str


@dataclass(frozen=True)
class CardLink:
    entry_id: str
    at: datetime
    actor: str
    summary: str | None = None


@dataclass(frozen=True)
class CardView:
    """The card itself: only returned by an audited reveal with a purpose."""

    id: str
    crisis_id: str
    crisis_name: str
    exercise: bool
    kind: str
    name: str
    aliases: tuple[str, ...]
    year_of_birth: int | None
    organisation: str | None
    role_in_crisis: str | None
    masked: str
    created_at: datetime
    review_date: datetime | None
    deletion_date: datetime | None
    facts: tuple[CardFact, ...] = ()
    notes: tuple[CardNote, ...] = ()
    links: tuple[CardLink, ...] = ()
    tombstone: Tombstone | None = None
    actor_names: dict[str, str] = field(default_factory=dict)

    @property
    def purged(self) -> bool:
        return self.tombstone is not None

    def current_facts(self, question: str | None = None) -> list[CardFact]:
        return [f for f in self.facts
                if f.current and (question is None or f.question == question)]

    def facts_for(self, question: str) -> list[CardFact]:
        """All facts answering a question, corrected ones included (shown struck through)."""
        return [f for f in self.facts if f.question == question]

    def actor_name(self, actor_id: str) -> str:
        return self.actor_names.get(actor_id, actor_id)

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "crisis_id": self.crisis_id, "crisis_name": self.crisis_name,
            "exercise": self.exercise, "kind": self.kind, "name": self.name,
            "aliases": list(self.aliases), "year_of_birth": self.year_of_birth,
            "organisation": self.organisation, "role_in_crisis": self.role_in_crisis,
            "masked": self.masked, "created_at": _t(self.created_at),
            "review_date": _t(self.review_date), "deletion_date": _t(self.deletion_date),
            "questions": {q: [f.id for f in self.current_facts(q)] for q in QUESTIONS},
            "facts": [f.as_json() for f in self.facts],
            "notes": [{"id": n.id, "note": n.note, "at": _t(n.at), "actor": n.actor}
                      for n in self.notes],
            "links": [{"entry_id": link.entry_id, "at": _t(link.at), "actor": link.actor,
                       "summary": link.summary} for link in self.links],
            "purged": self.purged,
            "tombstone": self.tombstone.as_json() if self.tombstone else None,
        }


@dataclass(frozen=True)
class PurgeResult:
    purged: tuple[dict[str, Any], ...]
    checked_at: datetime

    def as_json(self) -> dict[str, Any]:
        return {"purged": list(self.purged), "count": len(self.purged),
                "checked_at": _t(self.checked_at)}
