"""User settings kept in a small JSON file in the config folder (language, backup folder, the
last source and tag of the quick-entry bar...). The environment can override the language:
CRISISCONSOLE_LANG=en. The app saves them through services.foundation.preferences, which
announces the change on the change feed.

Settings that change what is kept or shown are no longer here: they are audited facts in the
database (services.settings_facts). A late-entry threshold an older version left in this file
is read by `old_value` until it is taken over, then removed with `forget`."""

from __future__ import annotations

import json
import os
from typing import Any

from crisisconsole.paths import settings_file

DEFAULTS: dict[str, Any] = {
    "language": "nl",
    "backup_dir": None,
    "backup_minutes": 15,
    "lock_minutes": 10,  # the window locks after this many idle minutes
    "last_source": None,  # the quick-entry bar starts on it (a source id, never a person)
    "last_reliability": "hearsay",
}

def _file():  # noqa: ANN202 - Path
    return settings_file()


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


def _stored() -> dict[str, Any]:
    try:
        stored = json.loads(_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return stored if isinstance(stored, dict) else {}


def old_value(key: str) -> Any:
    """A value an older version kept in the file (not one of today's settings)."""
    return _stored().get(key)


def forget(key: str) -> None:
    """Remove a value taken over elsewhere, keeping the rest of the file as it is."""
    stored = _stored()
    if key in stored:
        del stored[key]
        _write(stored)


def _write(values: dict[str, Any]) -> None:
    from crisisconsole import safe_files

    safe_files.write_text(_file(), json.dumps(values, indent=2))


def save(values: dict[str, Any]) -> None:
    """Keys the file holds that this version does not know (a value not yet taken over, a
    newer version's) are kept as they are."""
    current = load()
    current.update({k: v for k, v in values.items() if k in DEFAULTS})
    _write({**_stored(), **current})
