"""The evaluation of the information position (the source document: evaluate the cooperation
and the information sharing, not only the policy). Pure arithmetic over durations and
outcomes: medians, the buckets of a distribution, shares. The gathering is
services/network/evaluation.py."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from statistics import median

# Distribution buckets for "first report to confirmation" and "contradiction open", minutes;
# labelled with units both languages read (they are JSON keys too).
BUCKETS: tuple[tuple[float, str], ...] = (
    (5, "≤5 min"), (15, "≤15 min"), (60, "≤1 h"), (240, "≤4 h"), (1440, "≤24 h"),
    (float("inf"), ">24 h"),
)


@dataclass(frozen=True)
class Durations:
    """Minutes, summarised: how many, the median, the longest and the distribution."""

    count: int
    median_min: float | None
    max_min: float | None
    buckets: tuple[int, ...]

    def as_json(self) -> dict[str, object]:
        return {"count": self.count, "median_min": self.median_min, "max_min": self.max_min,
                "buckets": dict(zip((b[1] for b in BUCKETS), self.buckets, strict=True))}


def summarise(minutes: Iterable[float]) -> Durations:
    values = sorted(max(0.0, m) for m in minutes)
    counts = [0] * len(BUCKETS)
    index = 0
    for value in values:  # sorted: walk the buckets once
        while value > BUCKETS[index][0]:
            index += 1
        counts[index] += 1
    return Durations(len(values), round(median(values), 1) if values else None,
                     round(values[-1], 1) if values else None, tuple(counts))


def share(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def bucket_labels() -> Sequence[str]:
    return [b[1] for b in BUCKETS]
