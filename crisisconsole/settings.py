"""User settings kept in a small JSON file in the config folder (language, backup folder...).
The environment can override the language: CRISISCONSOLE_LANG=en."""

from __future__ import annotations

import json
import os
from typing import Any

from crisisconsole.paths import config_dir

DEFAULTS: dict[str, Any] = {
    "language": "nl",
    "backup_dir": None,
    "backup_minutes": 15,
}


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
    path = _file()
    path.parent.mkdir(parents=True, exist_ok=True)
    current = load()
    current.update({k: v for k, v in values.items() if k in DEFAULTS})
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(current, indent=2), encoding="utf-8")
    tmp.replace(path)
