"""The hybrid logical clock that orders facts across laptops (Kulkarni et al., 2014): the
physical time in milliseconds, a counter for events in the same millisecond (or while the
clock lags one already seen), and the device as the last tie-breaker. Its text sorts as it
orders: ``0001733140800123.0000.device``."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Hlc:
    ms: int
    counter: int
    device: str = ""

    def text(self) -> str:
        return f"{self.ms:016d}.{self.counter:04d}.{self.device}"

    @staticmethod
    def parse(text: str) -> Hlc:
        ms, counter, device = text.split(".", 2)
        return Hlc(int(ms), int(counter), device)


ZERO = Hlc(0, 0, "")


def tick(last: Hlc, physical_ms: int, device: str) -> Hlc:
    """The clock of a new local event after ``last`` (which covers what was received)."""
    if physical_ms > last.ms:
        return Hlc(physical_ms, 0, device)
    return Hlc(last.ms, last.counter + 1, device)


def receive(last: Hlc, remote: Hlc) -> Hlc:
    """``last`` after seeing ``remote``: never behind anything seen."""
    return max(last, Hlc(remote.ms, remote.counter, last.device))
