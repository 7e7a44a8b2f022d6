"""What the demo's scenario parts share: a context per role, the crises, the scenario's start
and the clock's now, and what one part leaves for the next (``extra``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from crisisconsole.services.foundation.context import ServiceContext


@dataclass
class DemoWorld:
    """What the scenario parts share: contexts per role, the crisis, the scenario start."""

    ctx: ServiceContext
    mayor_ctx: ServiceContext
    crisis_id: str
    exercise_crisis_id: str
    start: datetime
    now: datetime
    extra: dict[str, Any] = field(default_factory=dict)

    def at(self, minutes: float) -> datetime:
        return self.start + timedelta(minutes=minutes)
