"""What every CLI command shares: opening the store, printing, the one error path."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from crisisconsole.errors import CrisisConsoleError, ValidationError
from crisisconsole.launch import GuiLaunch
from crisisconsole.paths import default_db_path

log = logging.getLogger("crisisconsole.cli")



Handler = Callable[[argparse.Namespace], "int | GuiLaunch"]


class CommandRegistry:
    """Modules add their commands here; the parser is built from it."""

    def __init__(self) -> None:
        self._builders: list[Callable[[argparse._SubParsersAction], None]] = []

    def add(self, builder: Callable[[argparse._SubParsersAction], None]) -> None:
        self._builders.append(builder)

    def attach(self, sub: argparse._SubParsersAction) -> None:
        for builder in self._builders:
            builder(sub)


def db_path(args: argparse.Namespace) -> Path:
    return Path(args.db).expanduser() if args.db else default_db_path()


# Stores opened by the running command; run_command closes them however the command ends.
_opened: list[Any] = []


def open_store(args: argparse.Namespace,  # noqa: ANN201 - Store
               read_only: bool | None = None):
    """``read_only``: True never writes the file (verify, anchor); None: read-only only where
    the medium cannot be written."""
    from crisisconsole.store.opening import open_database
    from crisisconsole.store.secrets import KeyringSecretStore

    key_file = Path(args.key_file).expanduser() if args.key_file else None
    store = open_database(db_path(args), KeyringSecretStore(), key_file=key_file,
                          read_only=read_only)
    _opened.append(store)
    return store


def open_context(args: argparse.Namespace):  # noqa: ANN201 - ServiceContext
    from crisisconsole.services.context import ServiceContext
    from crisisconsole.services.profiles import find_profile
    from crisisconsole.services.unlock import with_old_settings_taken_over

    store = open_store(args)
    return with_old_settings_taken_over(
        ServiceContext(store, find_profile(store, args.profile).as_actor()))


def _close_opened() -> None:
    while _opened:
        _opened.pop().close()


def emit(args: argparse.Namespace, data: Any, human: str | None = None) -> None:
    if getattr(args, "json", False):
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
    elif human is not None:
        print(human)
    else:
        print(json.dumps(data, ensure_ascii=False, default=str))


def json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="uitvoer als JSON")


def parse_time_arg(text: str | None):  # noqa: ANN201 - datetime | None
    from crisisconsole.clock import parse_iso

    if text is None:
        return None
    try:
        return parse_iso(text)
    except ValueError as error:
        raise ValidationError(str(error)) from None


def run_command(args: argparse.Namespace) -> int | GuiLaunch:
    """The one error path of the CLI; every store the command opened is closed after it."""
    try:
        return _run(args)
    finally:
        _close_opened()


def _run(args: argparse.Namespace) -> int | GuiLaunch:
    try:
        result = args.handler(args)
        return result if isinstance(result, GuiLaunch) else int(result or 0)
    except CrisisConsoleError as error:
        print(f"crisisconsole: {error.message}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("crisisconsole: afgebroken / interrupted", file=sys.stderr)
        return 130
    except OSError as error:
        from crisisconsole.store.connection import translate_error

        print(f"crisisconsole: {translate_error(error, getattr(error, 'filename', '') or '').message}",
              file=sys.stderr)
        return 2
    except Exception:
        from crisisconsole.crashlog import write_crash_log

        path = write_crash_log()
        print(f"crisisconsole: onverwachte fout, zie / unexpected error, see {path}", file=sys.stderr)
        return 70


def passphrase_from_env() -> str | None:
    from crisisconsole.store.keys import PASSPHRASE_ENV

    return os.environ.get(PASSPHRASE_ENV) or None
