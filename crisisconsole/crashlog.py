"""The log file for unexpected errors. Tracebacks go here, never to the user's screen in raw
form; services keep personal data out of exception messages, so none lands here either."""

from __future__ import annotations

import logging
import traceback
from datetime import UTC, datetime
from pathlib import Path

from crisisconsole.paths import log_dir

LOG_NAME = "crisisconsole.log"


def log_file() -> Path:
    return log_dir() / LOG_NAME


def setup_logging(level: int = logging.INFO) -> Path:
    path = log_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger("crisisconsole")
    if not any(isinstance(h, logging.FileHandler) for h in root.handlers):
        handler = logging.FileHandler(path, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
        root.setLevel(level)
    return path


def write_crash_log(exc: BaseException | None = None) -> Path:
    """Append the current (or given) exception with its traceback; returns the log path."""
    path = log_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        text = (
            "".join(traceback.format_exception(exc))
            if exc is not None
            else traceback.format_exc()
        )
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(f"--- {datetime.now(UTC).isoformat()} onverwachte fout\n{text}\n")
    except OSError:
        pass  # the log itself is unwritable: the one-line message still reaches the user
    return path
