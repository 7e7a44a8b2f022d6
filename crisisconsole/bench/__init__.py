"""Benchmarks (`crisisconsole bench ...`): figures as ratios against a baseline measured in the
same run, medians over repeated runs."""

from __future__ import annotations

import argparse
import importlib

from crisisconsole.plugins import module_names

# Each benchmark is a module here with `add_arguments(parser)` (optional) and `run(args)`.
NOT_BENCHMARKS = {"report"}


def names() -> list[str]:
    return [n for n in module_names("crisisconsole.bench") if n not in NOT_BENCHMARKS]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    for name in names():
        module = importlib.import_module(f"crisisconsole.bench.{name}")
        if hasattr(module, "add_arguments"):
            module.add_arguments(parser)


def run_benchmark(args: argparse.Namespace) -> int:
    module = importlib.import_module(f"crisisconsole.bench.{args.what}")
    return module.run(args)
