"""What the entry point hands the GUI: kept tiny, it is imported before the first paint."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class GuiLaunch:
    """Returned by a command that wants the GUI; the entry point starts Qt, the CLI never does."""

    db: Path | None = None
    key: Any = None
    key_file: Path | None = None
    profile: str | None = None
    secret: str | None = None  # the profile's secret when the caller has it (the demo)
