"""Information requests (uitvragen): what may follow what, and when one is late.

A request is asked at a moment, with a deadline after it. Its state follows from its events:
open until the first event; an answer makes it answered or partly answered (several answers
may come); a decline or a withdrawal closes it. An open or partly answered request past its
deadline is overdue; it counts in the top bar's "Te laat" and raises a reminder. The same
replay gives the derived row the r0040 triggers keep, so ``audit verify`` can recompute it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from crisisconsole.errors import ValidationError
from crisisconsole.i18n import tr

OPEN = "open"
ANSWERED = "answered"
PARTLY_ANSWERED = "partly_answered"
DECLINED = "declined"
WITHDRAWN = "withdrawn"
STATES = (OPEN, PARTLY_ANSWERED, ANSWERED, DECLINED, WITHDRAWN)
OUTSTANDING = frozenset({OPEN, PARTLY_ANSWERED})  # still waiting for (more of) the answer
ANSWER_STATES = frozenset({ANSWERED, PARTLY_ANSWERED})

PRIORITIES = ("low", "normal", "high", "urgent")
CHANNELS = ("phone", "email", "meeting", "message", "other")
MAX_QUESTION = 2000
MAX_REASON = 1000

STATE_LABELS = {OPEN: ("open", "open"), PARTLY_ANSWERED: ("deels beantwoord", "partly answered"),
                ANSWERED: ("beantwoord", "answered"), DECLINED: ("geweigerd", "declined"),
                WITHDRAWN: ("ingetrokken", "withdrawn")}


class RequestRefused(ValidationError):
    """A request or an act on one that the rules do not allow (exit 2, one line)."""


@dataclass(frozen=True)
class RequestEventFact:
    state: str
    at: datetime
    entry_id: str | None = None


@dataclass(frozen=True)
class RequestState:
    """What the derived row holds: the state, the first answer, when it closed, how many
    answers."""

    state: str
    first_answer_at: datetime | None
    closed_at: datetime | None
    answers: int


def state_label(state: str) -> str:
    nl, en = STATE_LABELS.get(state, (state, state))
    return tr(nl, en)


def check_question(text: str | None) -> str:
    cleaned = " ".join((text or "").split())
    if not cleaned:
        raise RequestRefused(tr("de vraag is leeg", "the question is empty"))
    if len(cleaned) > MAX_QUESTION:
        raise RequestRefused(tr(f"de vraag is te lang (max. {MAX_QUESTION} tekens)",
                                f"the question is too long (max. {MAX_QUESTION} characters)"))
    return cleaned


def check_deadline(asked_at: datetime, due_at: datetime | None) -> datetime:
    """The deadline must come after the question was asked (a deadline before it is a typo)."""
    if due_at is None:
        raise RequestRefused(tr("een uitvraag heeft een termijn nodig (--due)",
                                "a request needs a deadline (--due)"))
    if due_at <= asked_at:
        raise RequestRefused(tr(
            "de termijn ligt vóór het moment van uitvragen: kies een latere termijn",
            "the deadline lies before the moment the question was asked: choose a later one"))
    return due_at


def check_choice(value: str | None, choices: tuple[str, ...], default: str, what: str) -> str:
    cleaned = (value or default).strip().lower()
    if cleaned not in choices:
        raise RequestRefused(tr(f"onbekende {what}: {value!r} (kies {', '.join(choices)})",
                                f"unknown {what}: {value!r} (choose {', '.join(choices)})"))
    return cleaned


def check_reason(text: str | None) -> str:
    cleaned = (text or "").strip()
    if not cleaned:
        raise RequestRefused(tr("geef een reden (--reason)", "give a reason (--reason)"))
    if len(cleaned) > MAX_REASON:
        raise RequestRefused(tr(f"de reden is te lang (max. {MAX_REASON} tekens)",
                                f"the reason is too long (max. {MAX_REASON} characters)"))
    return cleaned


def check_next(state: str, new_state: str) -> None:
    """An answer may come while the request is open, partly answered or answered (a second
    answer adds to the first); a decline or a withdrawal only while it is still outstanding.
    A declined or withdrawn request takes nothing more."""
    if state in (DECLINED, WITHDRAWN):
        raise RequestRefused(tr(
            f"deze uitvraag is {state_label(state)}: er kan niets meer bij",
            f"this request is {state_label(state)}: nothing more can be recorded on it"))
    if new_state in ANSWER_STATES:
        return
    if state not in OUTSTANDING:
        raise RequestRefused(tr(
            f"deze uitvraag is al {state_label(state)}", f"this request is already "
            f"{state_label(state)}"))


def replay(events: Iterable[RequestEventFact]) -> RequestState:
    """The state after the events, in the order they were recorded."""
    state, first, closed, answers = OPEN, None, None, 0
    for event in events:
        state = event.state
        if event.entry_id is not None:
            answers += 1
            first = first or event.at
        if state == PARTLY_ANSWERED:
            closed = None
        elif closed is None:
            closed = event.at
    return RequestState(state, first, closed, answers)


def is_overdue(state: str, due_at: datetime, now: datetime) -> bool:
    return state in OUTSTANDING and due_at < now


def timeliness(due_at: datetime, first_answer_at: datetime | None) -> str:
    """For the evaluation: answered in time, late, or never."""
    if first_answer_at is None:
        return "never"
    return "in_time" if first_answer_at <= due_at else "late"
