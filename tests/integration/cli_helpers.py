"""Running the real console script in its own process, as scripts and users do (forked from
a warm process that imported it once: cli_zygote.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from cli_zygote import ZYGOTE

PASS = "een lange test wachtzin"
# The default aide's profile secret (`init` sets it; every command acts with it unless a test
# gives another profile's secret in env).
AIDE_SECRET = "geheim van de aide"


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self):  # noqa: ANN201
        return json.loads(self.out)


class Cli:
    def __init__(self, db: Path, home: Path, passphrase: str | None = PASS) -> None:
        self.db = db
        self.env = dict(os.environ)
        self.env["CRISISCONSOLE_HOME"] = str(home)
        self.env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
        self.env["QT_QPA_PLATFORM"] = "offscreen"
        self.env.pop("CRISISCONSOLE_PASSPHRASE", None)
        self.env.pop("CRISISCONSOLE_NEW_PROFILE_SECRET", None)
        self.env["CRISISCONSOLE_PROFILE_SECRET"] = AIDE_SECRET
        if passphrase:
            self.env["CRISISCONSOLE_PASSPHRASE"] = passphrase

    def __call__(self, *args: str, env: dict | None = None, db: bool = True) -> Result:
        argv = [*(["--db", str(self.db)] if db else []), *args]
        full_env = {**self.env, **(env or {})}
        if ZYGOTE.usable(full_env):  # a fork of a warm process (tests/integration/cli_zygote.py)
            done = ZYGOTE.run(argv, full_env, timeout=120)
            if done is not None:
                return Result(*done)
        proc = subprocess.run([sys.executable, "-m", "crisisconsole", *argv], env=full_env,
                              capture_output=True, text=True, timeout=120,
                              stdin=subprocess.DEVNULL)
        return Result(proc.returncode, proc.stdout, proc.stderr)

    def ok(self, *args: str, **kwargs) -> Result:  # noqa: ANN003
        result = self(*args, **kwargs)
        assert result.code == 0, result.err
        return result


def as_profile(secret: str) -> dict:
    """The env for a command acting as another profile (with --profile NAME)."""
    return {"CRISISCONSOLE_PROFILE_SECRET": secret}


def new_secret(secret: str) -> dict:
    return {"CRISISCONSOLE_NEW_PROFILE_SECRET": secret}


def one_line_error(result: Result, code: int = 2) -> str:
    assert result.code == code, (result.code, result.out, result.err)
    lines = [line for line in result.err.splitlines() if line.strip()]
    assert len(lines) == 1, result.err
    assert "Traceback" not in result.err
    return lines[0]


def with_file_keyring(cli: Cli, path: Path) -> Cli:
    """The CLI with a usable keyring (a JSON file, tests/integration/file_keyring.py)."""
    here = str(Path(__file__).resolve().parent)
    cli.env["PYTHON_KEYRING_BACKEND"] = "file_keyring.FileKeyring"
    cli.env["CC_TEST_KEYRING"] = str(path)
    cli.env["PYTHONPATH"] = os.pathsep.join(p for p in (here, cli.env.get("PYTHONPATH")) if p)
    return cli
