"""Layering and code quality, checked in the test run: ruff, import-linter, and the core's ban
on the UI layer and Qt widgets (ui/ is mapped into the package, which grimp cannot see)."""

import ast
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
# The core: every package of crisisconsole/ and its top-level modules. One module may reach the
# UI on purpose: crisisconsole/entry.py, the console script and composition root (a command runs
# without Qt; no command starts the GUI). Benchmarks of the UI run ui/bench in a child process.
CORE = ["domain", "store", "services", "interchange", "cli", "bench", "demo", "."]
ENTRY = REPO / "crisisconsole" / "entry.py"
BIN = Path(sys.executable).parent


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("layer", CORE)
def test_core_never_imports_ui_or_widgets(layer):
    offenders = []
    folder = REPO / "crisisconsole" / layer
    paths = folder.glob("*.py") if layer == "." else folder.rglob("*.py")
    for path in paths:
        if path == ENTRY:
            continue
        for name in _imports(path):
            if name.startswith(("crisisconsole.ui", "PySide6.QtWidgets")):
                offenders.append(f"{path.relative_to(REPO)}: {name}")
    assert not offenders


def test_import_linter_contracts():
    result = subprocess.run([str(BIN / "lint-imports"), "--no-cache"], cwd=REPO,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]


def test_ruff_clean():
    result = subprocess.run([str(BIN / "ruff"), "check", "."], cwd=REPO, capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stdout[-3000:]


def test_every_package_folder_is_listed_for_setuptools():
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    mapping = {"crisisconsole": "crisisconsole", "ui": "crisisconsole.ui",
               "resources": "crisisconsole.resources"}
    found = set()
    for top, package in mapping.items():
        for init in (REPO / top).rglob("__init__.py"):
            rel = init.parent.relative_to(REPO / top)
            found.add(".".join([package, *rel.parts]))
    assert found <= listed, sorted(found - listed)


def test_modules_stay_small():
    big = [str(p.relative_to(REPO)) for top in ("crisisconsole", "ui")
           for p in (REPO / top).rglob("*.py") if len(p.read_text().splitlines()) > 450]
    assert not big, f"split these modules: {big}"


def test_desktop_entry_and_icon():
    import configparser

    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(REPO / "packaging" / "crisisconsole.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Exec"] == "crisisconsole" and section["Icon"] == "crisisconsole"
    assert (REPO / "resources" / "icons" / "crisisconsole.svg").is_file()


def test_only_the_composition_imports_the_main_window():
    """Pages, widgets and dialogs are given what they need (ui/page_context.py), never the main
    window: only the window itself and the application that builds it import it (and the
    ui-lag benchmark, which builds the application the same way to measure it)."""
    allowed = {REPO / "ui" / "main_window.py", REPO / "ui" / "app.py",
               REPO / "ui" / "bench" / "ui_lag.py"}
    offenders = []
    for root in (REPO / "crisisconsole", REPO / "ui"):
        for path in root.rglob("*.py"):
            if path in allowed:
                continue
            for name in _imports(path):
                if name.endswith("main_window") or name.startswith("crisisconsole.ui.main_window"):
                    offenders.append(f"{path.relative_to(REPO)}: {name}")
    assert not offenders
