"""How long the GUI thread keeps a keystroke waiting: a 10 ms timer on the event loop, each
tick stamped. A tick that comes late by N ms means the loop was busy (a stall) for N ms: a
key pressed then would have appeared that much later."""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, QTimer

INTERVAL_MS = 10


@dataclass(frozen=True)
class Stalls:
    max_ms: float
    p99_ms: float
    ticks: int


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile (0 for no values): the value ``share`` of them stay under."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, math.ceil(share * len(ordered)))
    return ordered[rank - 1]


class LagProbe(QObject):
    """Stamps every tick of a precise ``INTERVAL_MS`` timer; ``stalls(t0, t1)`` sums up the
    ticks that arrived in that window (``time.perf_counter`` seconds)."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.interval_ms = interval_ms
        self.ticks: list[float] = []
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self.ticks = [time.perf_counter()]
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        self.ticks.append(time.perf_counter())

    def lateness(self, t0: float, t1: float) -> list[float]:
        """How late (ms) each tick that arrived between ``t0`` and ``t1`` came: its gap to the
        tick before, less the interval (never below 0)."""
        ticks = self.ticks
        return [max(0.0, (ticks[i] - ticks[i - 1]) * 1000 - self.interval_ms)
                for i in range(1, len(ticks)) if t0 <= ticks[i] <= t1]

    def stalls(self, t0: float, t1: float) -> Stalls:
        late = self.lateness(t0, t1)
        return Stalls(max(late, default=0.0), percentile(late, 0.99), len(late))

    def quiet_since(self, now: float, seconds: float, threshold_ms: float) -> bool:
        """Whether every tick of the last ``seconds`` came less than ``threshold_ms`` late
        (and the last tick is recent, so the loop is not stuck right now)."""
        if not self.ticks or now - self.ticks[-1] > threshold_ms / 1000:
            return False
        if self.ticks[0] > now - seconds:
            return False
        return max(self.lateness(now - seconds, now), default=0.0) < threshold_ms
