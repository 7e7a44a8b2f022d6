"""What every CLI command shares: opening the store, printing, the one error path."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from crisisconsole.errors import CrisisConsoleError, ValidationError
from crisisconsole.i18n import tr
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

    def attach(self, sub: argparse._SubParsersAction, only: str | None = None) -> None:
        """Every command's parser; with ``only``, the whole tree of that command and only the
        name and help line of the others (what an error or ``--help`` lists), because building
        all 650 options costs a command a fifth of a second."""
        target = sub if only is None else _OneCommand(sub, only)
        for builder in self._builders:
            builder(target)


class _Absorb:
    """Stands in for a command parser that is not built: it takes every call and setting."""

    def __getattr__(self, name: str) -> Callable[..., _Absorb]:
        return lambda *args, **kwargs: self


def built(parser: Any) -> bool:
    """False for the stand-in of a command this run does not build (see attach): a builder
    that reads a parser back (bench's shared options) skips it."""
    return not isinstance(parser, _Absorb)


class _OneCommand:
    """The top-level sub-commands as a builder sees them when only ``name`` is built."""

    def __init__(self, sub: argparse._SubParsersAction, name: str) -> None:
        self._sub = sub
        self._name = name

    def add_parser(self, name: str, **kwargs: Any) -> Any:
        if name == self._name:
            return self._sub.add_parser(name, **kwargs)
        if name not in self._sub.choices:  # listed by --help and by an unknown command's error
            self._sub.add_parser(name, **kwargs)
        return _Absorb()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._sub, name)


# The options before a command that take a value (``--db PATH``): command_in skips the value.
GLOBAL_VALUE_OPTIONS = ("--db", "--profile", "--key-file")


def command_in(argv: Sequence[str]) -> str | None:
    """The command an argument list names (its first word that is not a global option or its
    value); None where there is none or help is asked before it."""
    words = iter(argv)
    for word in words:
        if word in GLOBAL_VALUE_OPTIONS:
            next(words, None)
        elif word in ("-h", "--help"):
            return None
        elif not word.startswith("-"):
            return word
    return None


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


PROFILE_SECRET_ENV = "CRISISCONSOLE_PROFILE_SECRET"
NEW_SECRET_ENV = "CRISISCONSOLE_NEW_PROFILE_SECRET"
RECOVERY_CODE_ENV = "CRISISCONSOLE_CARDS_RECOVERY_CODE"
# Databases whose db_meta 'purpose' allows a clock override (--now) on a command that acts.
CLOCK_OVERRIDE_PURPOSES = ("demo", "bench")


def read_secret(env: str, prompt: str, *, confirm: bool = False) -> str | None:
    """A secret from ``env``, else asked on the terminal (only when stdin is one), else None."""
    value = os.environ.get(env)
    if value:
        return value
    if sys.stdin is None or not sys.stdin.isatty():
        return None
    import getpass

    value = getpass.getpass(prompt)
    if confirm and value and getpass.getpass(tr("Nogmaals: ", "Again: ")) != value:
        raise ValidationError(tr("de twee geheimen zijn niet gelijk",
                                 "the two secrets differ"))
    return value or None


def new_secret(what: str) -> str:
    """A new profile secret (CRISISCONSOLE_NEW_PROFILE_SECRET or the terminal); refused
    otherwise."""
    value = read_secret(NEW_SECRET_ENV, tr(f"Nieuw geheim voor {what}: ",
                                           f"New secret for {what}: "), confirm=True)
    if not value:
        raise ValidationError(tr(
            f"geef het nieuwe geheim voor {what} in {NEW_SECRET_ENV} of op de terminal",
            f"give the new secret for {what} in {NEW_SECRET_ENV} or on the terminal"))
    return value


def acting_secret(profile) -> str | None:  # noqa: ANN001 - services.profiles.Profile
    if not profile.has_secret:
        return None  # a profile without a secret ignores the variable
    return read_secret(PROFILE_SECRET_ENV, tr(f"Geheim van profiel {profile.name}: ",
                                              f"Secret of profile {profile.name}: "))


def report_new_cards_key(code: str | None) -> None:
    """The cards recovery code made by this sign-in (an older database's first aide sign-in),
    shown once."""
    if code:
        print(tr(f"crisisconsole: kaartsleutel aangemaakt; herstelcode (één keer getoond, bewaar "
                 f"hem veilig): {code}",
                 f"crisisconsole: cards key created; recovery code (shown once, keep it safe): "
                 f"{code}"), file=sys.stderr)


def _clock_override(args: argparse.Namespace, store) -> None:  # noqa: ANN001 - Store
    """``--now`` on a command that acts is a door around the time rules: refused, except in
    the demo and benchmark databases, where it sets the clock of this command."""
    text = getattr(args, "now", None)
    if text is None:
        return
    from crisisconsole.clock import FakeClock
    from crisisconsole.store.opening import db_meta

    if db_meta(store).get("purpose") not in CLOCK_OVERRIDE_PURPOSES:
        raise ValidationError(tr(
            "--now is geweigerd: een opdracht die gegevens wijzigt of verwijdert gebruikt de "
            "echte klok (alleen in demo- en benchmarkdatabases mag de klok verzet worden)",
            "--now refused: a command that changes or removes data uses the real clock (only "
            "demo and benchmark databases allow a clock override)"))
    store.clock = FakeClock(parse_time_arg(text))


def open_context(args: argparse.Namespace):  # noqa: ANN201 - ServiceContext
    """The acting profile's context, after its secret (CRISISCONSOLE_PROFILE_SECRET or the
    terminal) was checked: a wrong one is an audited refusal, exit 3."""
    from crisisconsole.services.foundation.profiles import find_profile
    from crisisconsole.services.foundation.sign_in import sign_in

    store = open_store(args)
    _clock_override(args, store)
    profile = find_profile(store, args.profile)
    signed = sign_in(store, None, acting_secret(profile), profile=profile)
    report_new_cards_key(signed.cards_recovery_code)
    return signed.ctx


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
        sys.stdout.flush()  # a closed pipe shows here, not as a message at exit
        return result if isinstance(result, GuiLaunch) else int(result or 0)
    except BrokenPipeError:  # the reader stopped early (`… | head -1`): no error, as `yes`
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())  # what is still buffered goes nowhere at exit
        os.close(null)
        return 141  # 128 + SIGPIPE, as a shell reports it (SIGPIPE is not on every OS)
    except CrisisConsoleError as error:
        print(f"crisisconsole: {error.message}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print(tr("crisisconsole: afgebroken", "crisisconsole: interrupted"), file=sys.stderr)
        return 130
    except OSError as error:
        from crisisconsole.store.connection import translate_error

        print(f"crisisconsole: {translate_error(error, getattr(error, 'filename', '') or '').message}",
              file=sys.stderr)
        return 2
    except Exception:
        from crisisconsole.crashlog import write_crash_log

        path = write_crash_log()
        print(tr(f"crisisconsole: onverwachte fout, zie {path}",
                 f"crisisconsole: unexpected error, see {path}"), file=sys.stderr)
        return 70


def passphrase_from_env() -> str | None:
    from crisisconsole.store.keys import PASSPHRASE_ENV

    return os.environ.get(PASSPHRASE_ENV) or None
