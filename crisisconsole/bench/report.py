"""Printing benchmark results: a table for people, JSON for scripts."""

from __future__ import annotations

import json
import statistics
import sys
from collections.abc import Sequence
from typing import Any


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def print_report(title: str, rows: Sequence[tuple[str, str, str]], data: dict[str, Any],
                 as_json: bool) -> None:
    if as_json:
        json.dump(data, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return
    print(title)
    width = max(len(r[0]) for r in rows)
    for name, value, target in rows:
        print(f"  {name:<{width}}  {value:>12}  {target}")
