"""Following the griffie's calendar: what a newer file of the same calendar changes (issue 15).

The griffie's file is the truth about its calendar, so a sync by UID (and, for a series, by the
series' UID and the order of its members) makes the stored calendar match it:

- an event not known yet is **added**;
- a known event at another time is **moved**, and so is a series shifted as a whole (its
  members' RECURRENCE-IDs change with DTSTART, so members are paired in order of time);
- an event the file marks STATUS:CANCELLED, or a member of a cancelled series, is
  **cancelled**: it can no longer be "the first next meeting";
- a meeting of this calendar that the file no longer holds (a series shortened from COUNT=10
  to 5, a meeting deleted) is **removed**.

A meeting that already has an outcome (the raad met and decided) is never changed by a file:
the change is reported as a **conflict** for the aide to look at. Pure: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

_MEMBER = re.compile(r"^(.*)/\d{8}T\d{6}Z$")

ADDED, MOVED, CANCELLED, REMOVED = "added", "moved", "cancelled", "removed"


def series_of(uid: str) -> str:
    """The series UID of a stored member ("<series>/<original start>"), else the UID."""
    match = _MEMBER.match(uid)
    return match.group(1) if match else uid


@dataclass(frozen=True)
class StoredMeeting:
    id: str
    uid: str
    start: datetime
    has_outcome: bool


@dataclass(frozen=True)
class IncomingMeeting:
    uid: str
    start: datetime
    title: str
    cancelled: bool = False
    series: str | None = None

    @property
    def root(self) -> str:
        return self.series or series_of(self.uid)


@dataclass(frozen=True)
class Conflict:
    meeting_id: str
    change: str  # what the file would have done: moved, cancelled or removed
    start: datetime

    def as_json(self) -> dict[str, str]:
        return {"meeting": self.meeting_id, "change": self.change,
                "start": self.start.isoformat()}


@dataclass
class SyncPlan:
    added: list[IncomingMeeting] = field(default_factory=list)
    moved: list[tuple[StoredMeeting, IncomingMeeting]] = field(default_factory=list)
    cancelled: list[StoredMeeting] = field(default_factory=list)
    removed: list[StoredMeeting] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    unchanged: int = 0

    def _change(self, old: StoredMeeting, change: str,
                new: IncomingMeeting | None = None) -> None:
        if old.has_outcome:
            self.conflicts.append(Conflict(old.id, change, old.start))
        elif change == MOVED and new is not None:
            self.moved.append((old, new))
        elif change == CANCELLED:
            self.cancelled.append(old)
        else:
            self.removed.append(old)


def plan_sync(stored: Sequence[StoredMeeting], incoming: Iterable[IncomingMeeting]) -> SyncPlan:
    """What the file changes in the stored meetings of its calendar (see the module text)."""
    plan = SyncPlan()
    by_uid = {m.uid: m for m in stored}
    matched: set[str] = set()
    loose: dict[str, list[IncomingMeeting]] = {}
    for new in incoming:
        old = by_uid.get(new.uid)
        if old is not None and old.id not in matched:
            matched.add(old.id)
            if new.cancelled:
                plan._change(old, CANCELLED)
            elif new.start != old.start:
                plan._change(old, MOVED, new)
            else:
                plan.unchanged += 1
        elif not new.cancelled:
            loose.setdefault(new.root, []).append(new)
    rest: dict[str, list[StoredMeeting]] = {}
    for old in stored:
        if old.id not in matched:
            rest.setdefault(series_of(old.uid), []).append(old)
    for root, news in loose.items():
        olds = sorted(rest.pop(root, []), key=lambda m: m.start)
        news.sort(key=lambda m: m.start)
        for old, new in zip(olds, news, strict=False):
            plan._change(old, MOVED, new)
        plan.added.extend(news[len(olds):])
        for old in olds[len(news):]:
            plan._change(old, REMOVED)
    for olds in rest.values():
        for old in olds:
            plan._change(old, REMOVED)
    return plan
