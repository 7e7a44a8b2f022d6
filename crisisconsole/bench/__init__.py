"""Benchmarks (`crisisconsole bench ...`): figures as ratios against a baseline measured in the
same run, medians over repeated runs."""

from __future__ import annotations

import argparse
import copy
import importlib

from crisisconsole.plugins import module_names

# Each benchmark is a module here with `add_arguments(parser)` (optional) and `run(args)`.
NOT_BENCHMARKS = {"report"}


def aide_context(store):  # noqa: ANN001, ANN201 - Store -> ServiceContext
    """The benchmark database's aide, signed in (with the cards key), as a user would be."""
    import secrets

    from crisisconsole.services.foundation.profiles import add_profile
    from crisisconsole.services.foundation.sign_in import sign_in

    secret = secrets.token_urlsafe(12)
    add_profile(store, "aide", "aide", None, secret=secret)
    return sign_in(store, "aide", secret).ctx


def names() -> list[str]:
    return [n for n in module_names("crisisconsole.bench") if n not in NOT_BENCHMARKS]


def _own_arguments(module) -> argparse.ArgumentParser:  # noqa: ANN001
    probe = argparse.ArgumentParser(add_help=False)
    if hasattr(module, "add_arguments"):
        module.add_arguments(probe)
    return probe


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of all benchmarks on one parser. Two benchmarks may share an option name (e.g.
    --entries) with different defaults: the option is added once with no default, and each
    benchmark's own default is filled in by run_benchmark."""
    for name in names():
        module = importlib.import_module(f"crisisconsole.bench.{name}")
        for action in _own_arguments(module)._actions:
            if any(o in parser._option_string_actions for o in action.option_strings):
                continue
            shared = copy.copy(action)
            shared.default = None
            parser._add_action(shared)


def run_benchmark(args: argparse.Namespace) -> int:
    module = importlib.import_module(f"crisisconsole.bench.{args.what}")
    for key, value in vars(_own_arguments(module).parse_args([])).items():
        if getattr(args, key, None) is None:
            setattr(args, key, value)
    return module.run(args)
