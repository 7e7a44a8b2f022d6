"""A crisis (dossier) and its derived state: the current GRIP level and whether it is closed
follow from its events, never from an edited field."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

GRIP_LEVELS: tuple[str, ...] = ("0", "1", "2", "3", "4", "5", "rijk")


def parse_grip(text: str) -> str:
    value = str(text).strip().lower().removeprefix("grip").strip()
    if value not in GRIP_LEVELS:
        raise ValueError(f"onbekend GRIP-niveau {text!r}: kies 0–5 of rijk")
    return value


def grip_label(level: str | None) -> str:
    if level is None:
        return "geen GRIP"
    return "GRIP Rijk" if level == "rijk" else f"GRIP {level}"


@dataclass(frozen=True)
class CrisisEvent:
    kind: str  # grip | close | reopen
    at: datetime
    recorded_at: datetime
    actor: str
    grip: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class CrisisState:
    grip: str | None
    closed: bool
    closed_at: datetime | None
    grip_history: tuple[CrisisEvent, ...]


def derive_state(events: Iterable[CrisisEvent]) -> CrisisState:
    ordered = sorted(events, key=lambda e: (e.at, e.recorded_at))
    grip: str | None = None
    closed_at: datetime | None = None
    history = []
    for event in ordered:
        if event.kind == "grip":
            grip = event.grip
            history.append(event)
        elif event.kind == "close":
            closed_at = event.at
        elif event.kind == "reopen":
            closed_at = None
    return CrisisState(grip, closed_at is not None, closed_at, tuple(history))
