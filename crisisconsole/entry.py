"""The console script: commands run without Qt; no command (or `demo`) opens the GUI.

Without a command the full command parser (which loads every feature's command module) is not
built at all: the window must paint first."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path


def _gui_only(argv: list[str]):  # noqa: ANN202 - GuiLaunch | None
    """The launch request when argv holds only global options, else None."""
    parser = argparse.ArgumentParser(add_help=False)
    for option in ("--db", "--profile", "--key-file"):
        parser.add_argument(option)
    try:
        known, rest = parser.parse_known_args(argv)
    except SystemExit:
        return None
    if rest:
        return None
    import os

    from crisisconsole.launch import GuiLaunch

    return GuiLaunch(
        db=Path(known.db).expanduser() if known.db else None,
        key_file=Path(known.key_file).expanduser() if known.key_file else None,
        profile=known.profile,
        # The same door as the CLI's: a script (the start-up benchmark) may give the secret.
        secret=os.environ.get("CRISISCONSOLE_PROFILE_SECRET") or None,
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    result = _gui_only(args)
    if result is None:
        from crisisconsole.cli import main as cli_main

        result = cli_main(args)
    from crisisconsole.launch import GuiLaunch

    if isinstance(result, GuiLaunch):
        from crisisconsole.ui.app import run_gui

        return run_gui(result)
    return result


if __name__ == "__main__":
    sys.exit(main())
