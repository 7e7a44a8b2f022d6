"""The console script: commands run without Qt; no command (or `demo`) opens the GUI."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from crisisconsole.cli import main as cli_main
    from crisisconsole.cli.runtime import GuiLaunch

    result = cli_main(argv)
    if isinstance(result, GuiLaunch):
        from crisisconsole.ui.app import run_gui

        return run_gui(result)
    return result


if __name__ == "__main__":
    sys.exit(main())
