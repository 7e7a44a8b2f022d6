"""Feature modules find their place by name, so features never edit a shared list:
`crisisconsole.store.tables_*` (tables), `crisisconsole.cli.cmd_*` (commands),
`crisisconsole.demo.scenario_*` (demo parts, in name order), `crisisconsole.bench.*`."""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType


def modules(package: str, prefix: str = "") -> list[ModuleType]:
    root = importlib.import_module(package)
    names = sorted(
        info.name for info in pkgutil.iter_modules(root.__path__)
        if info.name.startswith(prefix) and not info.name.startswith("_")
    )
    return [importlib.import_module(f"{package}.{name}") for name in names]


def module_names(package: str, prefix: str = "") -> list[str]:
    root = importlib.import_module(package)
    return sorted(
        info.name for info in pkgutil.iter_modules(root.__path__)
        if info.name.startswith(prefix) and not info.name.startswith("_")
    )
