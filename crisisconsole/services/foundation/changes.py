"""Change notes: what a service call changed, so the UI refreshes only that.

Services never call widgets; the UI subscribes here (and to the audit feed for writes made by
other processes on the same database).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class ChangeNote:
    object_type: str
    ids: tuple[str, ...] = ()
    crisis_id: str | None = None
    action: str = ""


@dataclass
class ChangeBus:
    _subscribers: list[Callable[[ChangeNote], None]] = field(default_factory=list)

    def subscribe(self, callback: Callable[[ChangeNote], None]) -> None:
        self._subscribers.append(callback)

    def publish(self, note: ChangeNote) -> None:
        for callback in list(self._subscribers):
            callback(note)
