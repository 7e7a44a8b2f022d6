"""One language at a time for the core's messages (errors, CLI output, exports).

Core code writes both texts side by side, ``tr("Dutch", "English")``, and the reader gets the
one in the UI language: the app sets it at start-up (``set_language``), the CLI follows
``CRISISCONSOLE_LANG`` or the settings file, like the app. Dutch is the default. Letters to
Dutch bodies stay Dutch and do not use this.

The settings file's language is read here directly, not through crisisconsole.settings: the
settings are written through crisisconsole.safe_files, whose messages come from here.
"""

from __future__ import annotations

import json
import os

from crisisconsole.paths import settings_file

SUPPORTED = ("nl", "en")
_language: str | None = None
# The settings file's language, with the file's (mtime_ns, size) it was read at: ``tr`` runs
# for every message built (an import builds thousands), and reading the file each time cost
# about a fifth of an import. A changed file is read again; ``forget`` drops it at once.
_stored: tuple[tuple[int, int], str] | None = None


def set_language(language: str | None) -> None:
    """Fix the language for this process (the app, after reading its settings); None: ask the
    environment and the settings file again."""
    global _language
    _language = _normal(language) if language else None
    forget()


def forget() -> None:
    """The settings file was saved (services.foundation.preferences): read it again."""
    global _stored
    _stored = None


def language() -> str:
    if _language is not None:
        return _language
    env = os.environ.get("CRISISCONSOLE_LANG")
    if env:
        return _normal(env)
    return _file_language()


def _file_language() -> str:
    global _stored
    path = settings_file()
    try:
        info = path.stat()
    except OSError:  # no settings file: the default
        return "nl"
    stamp = (info.st_mtime_ns, info.st_size)
    if _stored is not None and _stored[0] == stamp:
        return _stored[1]
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):  # an unreadable settings file: the default
        return "nl"
    chosen = stored.get("language") if isinstance(stored, dict) else None
    found = _normal(chosen) if isinstance(chosen, str) and chosen else "nl"
    _stored = (stamp, found)
    return found


def _normal(value: str) -> str:
    value = value.strip().lower()[:2]
    return value if value in SUPPORTED else "nl"


def tr(nl: str, en: str) -> str:
    """The text in the current language."""
    return en if language() == "en" else nl
