"""Where data, logs and config live. ``CRISISCONSOLE_HOME`` puts them all under one folder
(portable use, tests), otherwise platformdirs decides per operating system."""

from __future__ import annotations

import os
from pathlib import Path

APP = "crisisconsole"


def _home() -> Path | None:
    value = os.environ.get("CRISISCONSOLE_HOME")
    return Path(value) if value else None


def data_dir() -> Path:
    home = _home()
    if home:
        return home / "data"
    from platformdirs import user_data_path

    return user_data_path(APP, appauthor=False)


def log_dir() -> Path:
    home = _home()
    if home:
        return home / "logs"
    from platformdirs import user_log_path

    return user_log_path(APP, appauthor=False)


def config_dir() -> Path:
    home = _home()
    if home:
        return home / "config"
    from platformdirs import user_config_path

    return user_config_path(APP, appauthor=False)


def settings_file() -> Path:
    """The user settings (crisisconsole.settings); the language in it is read by i18n too."""
    return config_dir() / "settings.json"


def cache_dir() -> Path:
    home = _home()
    if home:
        return home / "cache"
    from platformdirs import user_cache_path

    return user_cache_path(APP, appauthor=False)


def default_db_path() -> Path:
    return data_dir() / "crisisconsole.db"
