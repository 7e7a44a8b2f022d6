"""User settings kept in a small JSON file in the config folder (language, backup folder, the
late-entry threshold, the last source and tag of the quick-entry bar...). The environment can
override the language: CRISISCONSOLE_LANG=en. Whoever shows a setting can ask to hear of every
save (`on_saved`), so a changed threshold shows at once."""

from __future__ import annotations

import json
import os
import weakref
from collections.abc import Callable
from typing import Any

from crisisconsole.paths import config_dir

DEFAULTS: dict[str, Any] = {
    "language": "nl",
    "backup_dir": None,
    "backup_minutes": 15,
    "late_entry_minutes": 30,  # an entry recorded longer than this after it happened is late
    "last_source": None,  # the quick-entry bar starts on it (a source id, never a person)
    "last_reliability": "hearsay",
}

_listeners: list[weakref.WeakMethod | Callable[[], Callable[..., Any] | None]] = []


def on_saved(callback: Callable[[dict[str, Any]], None]) -> None:
    """Call `callback(values)` after every save; held weakly (a closed page is dropped)."""
    ref = (weakref.WeakMethod(callback) if hasattr(callback, "__self__")
           else weakref.ref(callback))
    _listeners.append(ref)


def _file():  # noqa: ANN202 - Path
    return config_dir() / "settings.json"


def load() -> dict[str, Any]:
    data = dict(DEFAULTS)
    try:
        stored = json.loads(_file().read_text(encoding="utf-8"))
        if isinstance(stored, dict):
            data.update({k: v for k, v in stored.items() if k in DEFAULTS})
    except (OSError, ValueError):
        pass  # no or unreadable settings file: the defaults hold
    if os.environ.get("CRISISCONSOLE_LANG"):
        data["language"] = os.environ["CRISISCONSOLE_LANG"]
    return data


def save(values: dict[str, Any]) -> None:
    from crisisconsole import safe_files

    current = load()
    current.update({k: v for k, v in values.items() if k in DEFAULTS})
    safe_files.write_text(_file(), json.dumps(current, indent=2))
    for ref in list(_listeners):
        callback = ref()
        if callback is None:
            _listeners.remove(ref)
            continue
        try:
            callback(current)
        except RuntimeError:  # a Qt object deleted behind its Python wrapper
            _listeners.remove(ref)
