"""Benchmarks (`crisisconsole bench ...`): figures as ratios against a baseline measured in the
same run, medians over repeated runs."""

from __future__ import annotations

import argparse
import copy
from types import ModuleType

from crisisconsole.bench import intake, log, network, picture, startup, sync, ui_lag, verify
from crisisconsole.bench import map as map_bench

# The benchmarks by their command name (`crisisconsole bench NAME`): each module has `run(args)`
# and may have `add_arguments(parser)`.
BENCHMARKS: dict[str, ModuleType] = {
    "import": intake, "log": log, "map": map_bench, "network": network, "picture": picture,
    "startup": startup, "sync": sync, "ui-lag": ui_lag, "verify": verify,
}


def names() -> list[str]:
    return list(BENCHMARKS)


def _own_arguments(module) -> argparse.ArgumentParser:  # noqa: ANN001
    probe = argparse.ArgumentParser(add_help=False)
    if hasattr(module, "add_arguments"):
        module.add_arguments(probe)
    return probe


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of all benchmarks on one parser. Two benchmarks may share an option name (e.g.
    --entries) with different defaults: the option is added once with no default, and each
    benchmark's own default is filled in by run_benchmark. Its help names each benchmark's
    meaning in turn (``help_parts``, translated part by part in English mode)."""
    for module in BENCHMARKS.values():
        for action in _own_arguments(module)._actions:
            known = [parser._option_string_actions[o] for o in action.option_strings
                     if o in parser._option_string_actions]
            if known:
                parts = known[0].help_parts  # type: ignore[attr-defined]
                if action.help and action.help not in parts:
                    parts.append(action.help)
                    known[0].help = "; ".join(parts)
                continue
            shared = copy.copy(action)
            shared.default = None
            shared.help_parts = [action.help] if action.help else []  # type: ignore[attr-defined]
            parser._add_action(shared)


def run_benchmark(args: argparse.Namespace) -> int:
    module = BENCHMARKS[args.what]
    for key, value in vars(_own_arguments(module).parse_args([])).items():
        if getattr(args, key, None) is None:
            setattr(args, key, value)
    return module.run(args)
