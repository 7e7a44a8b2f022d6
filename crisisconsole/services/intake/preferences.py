"""Intake preferences kept beside the user settings (config folder, ``intake.json``): the column
mapping last used per spreadsheet layout, and the inbox folder.

They describe file layouts and a folder on this machine, not facts of a crisis, so they live
outside the (encrypted, append-only) database and need no migration. A missing or damaged file
just means "nothing remembered yet".
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from crisisconsole import safe_files
from crisisconsole.paths import config_dir

MAX_LAYOUTS = 200


def _file() -> Path:
    return config_dir() / "intake.json"


def _load() -> dict[str, Any]:
    try:
        data = json.loads(_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _save(data: dict[str, Any]) -> None:
    safe_files.write_text(_file(), json.dumps(data, indent=2, ensure_ascii=False))


def remembered_mapping(layout: str) -> dict[str, str] | None:
    mappings = _load().get("mappings")
    if not isinstance(mappings, dict):
        return None
    mapping = mappings.get(layout)
    if not isinstance(mapping, dict):
        return None
    return {str(k): str(v) for k, v in mapping.items()}


def remember_mapping(layout: str, mapping: dict[str, str]) -> None:
    data = _load()
    mappings = data.get("mappings") if isinstance(data.get("mappings"), dict) else {}
    mappings.pop(layout, None)
    mappings[layout] = dict(mapping)  # newest last, so the oldest layouts are dropped first
    while len(mappings) > MAX_LAYOUTS:
        mappings.pop(next(iter(mappings)))
    data["mappings"] = mappings
    _save(data)


def inbox_folder() -> Path | None:
    value = _load().get("inbox")
    return Path(value) if isinstance(value, str) and value else None


def set_inbox_folder(folder: Path | None) -> None:
    data = _load()
    data["inbox"] = str(folder) if folder else None
    _save(data)
