"""Benchmarks (`crisisconsole bench ...`): figures as ratios against a baseline measured in the
same run, medians over repeated runs."""

from __future__ import annotations

import argparse
import importlib

BENCHMARKS = {
    "startup": "crisisconsole.bench.startup",
}


def run_benchmark(args: argparse.Namespace) -> int:
    module = importlib.import_module(BENCHMARKS[args.what])
    return module.run(args)
