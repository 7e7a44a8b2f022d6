"""A warm start for the CLI tests: one process per test worker imports the console's modules
once, and every command is then a fork of it (a new, real process: its own environment,
working folder, files, exit code and atexit), instead of a new interpreter that imports the
same modules again (about 1 s a command on this machine, most of the suite's time).

Only imports are shared: nothing in the preloaded modules is called before the fork, so no
setting, language, key or device id is cached (one test choice is set: new profile secrets use
the cheap scrypt parameters, see _preload). A command whose environment changes how
Python itself starts (PYTHONPATH and the other PYTHON* variables) runs as a plain subprocess,
and so does a command while the warm process is busy with another (tests that run two at
once). ``CC_TEST_COLD_CLI=1`` runs every command as a plain subprocess.

Protocol, one JSON line each way on the zygote's stdin/stdout: the request names the
arguments, environment, working folder and the files for the child's output; the zygote
answers with the child's pid, then with its exit status once the child has ended.
"""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

_STARTS_PYTHON = ("PYTHONPATH", "PYTHONHOME", "PYTHONIOENCODING", "PYTHONUTF8",
                  "PYTHONHASHSEED", "PYTHONWARNINGS", "PYTHONSAFEPATH", "PYTHONNOUSERSITE",
                  "PYTHONDEVMODE", "PYTHONFAULTHANDLER", "PYTHONDONTWRITEBYTECODE")


def _preload() -> None:
    import importlib
    import pkgutil

    import keyring  # noqa: F401 - its backend is chosen at first use, in the child

    import crisisconsole

    for module in pkgutil.walk_packages(crisisconsole.__path__, "crisisconsole."):
        name = module.name
        if name.startswith(("crisisconsole.ui", "crisisconsole.__main__",
                            "crisisconsole.store.migrations",
                            "crisisconsole.store.server.migrations")):
            continue
        importlib.import_module(name)
    # What the engine loads on first use (the dialect by its entry point): once, here.
    import sqlalchemy.dialects.sqlite  # noqa: F401
    import sqlalchemy.dialects.sqlite.pysqlite  # noqa: F401

    # Profile secrets made by forked commands use the cheap scrypt parameters, as those of
    # the in-process tests do (tests/conftest.py): the parameters' name is stored with each
    # secret, so every later command, forked or a plain subprocess, checks it as stored. The
    # plain subprocesses (CC_TEST_COLD_CLI=1, PYTHON* variables, a busy zygote) keep "scrypt-v1".
    from crisisconsole.store import profile_crypto

    profile_crypto.DEFAULT_KDF = "scrypt-test"


def _child(request: dict) -> int:
    """In the forked child: become the command's process, run it, return its exit code."""
    os.setpgid(0, 0)  # a group of its own: a timeout kills the command and what it started
    null = os.open(os.devnull, os.O_RDONLY)
    out = os.open(request["out"], os.O_WRONLY | os.O_TRUNC)
    err = os.open(request["err"], os.O_WRONLY | os.O_TRUNC)
    for source, target in ((null, 0), (out, 1), (err, 2)):
        os.dup2(source, target)
        os.close(source)
    sys.stdin = open(os.devnull, encoding="utf-8")  # noqa: SIM115 - the process's stdin
    os.environ.clear()
    os.environ.update(request["env"])
    os.chdir(request["cwd"])
    sys.argv = ["crisisconsole", *request["args"]]
    from crisisconsole.entry import main

    try:
        code = main(request["args"])
    except SystemExit as done:
        code = done.code
    except BaseException:  # noqa: BLE001 - as the interpreter would: traceback, exit 1
        import traceback

        traceback.print_exc()
        code = 1
    if code is None:
        code = 0
    elif not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    return code


def _end_child(code: int) -> None:
    """The end of a command's process as the interpreter's own exit does it (atexit handlers,
    the command's own garbage collected so that files left open are flushed, stdio flushed),
    without tearing down the preloaded modules: that teardown alone costs about 1 s a command
    on this machine and checks nothing of the console's."""
    import atexit
    import gc

    try:
        atexit._run_exitfuncs()
        gc.collect()  # the preloaded heap is frozen (serve): only the command's own objects
        for stream in (sys.stdout, sys.stderr):
            stream.flush()
    finally:
        os._exit(code)


def serve() -> int:
    """The zygote's loop; returns at end of input (a child ends in _end_child)."""
    _preload()
    import gc

    gc.freeze()  # the children's collections skip the preloaded heap (and leave its pages shared)
    requests, replies = sys.stdin.buffer, sys.stdout.buffer
    while True:
        line = requests.readline()
        if not line:
            return 0
        request = json.loads(line)
        replies.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            _end_child(_child(request))
        replies.write(json.dumps({"pid": pid}).encode() + b"\n")
        replies.flush()
        _pid, status = os.waitpid(pid, 0)
        replies.write(json.dumps({"status": os.waitstatus_to_exitcode(status)}).encode()
                      + b"\n")
        replies.flush()


class Zygote:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.process: subprocess.Popen | None = None
        self.env = dict(os.environ)

    def _start(self) -> subprocess.Popen:
        if self.process is None or self.process.poll() is not None:
            self.process = subprocess.Popen(
                [sys.executable, __file__], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                bufsize=0, env=self.env, cwd=str(Path(__file__).parent))
        return self.process

    def usable(self, env: dict) -> bool:
        if os.environ.get("CC_TEST_COLD_CLI") or not hasattr(os, "fork"):
            return False
        return all(env.get(name) == self.env.get(name) for name in _STARTS_PYTHON)

    def run(self, args: list[str], env: dict, timeout: float):  # noqa: ANN201
        """(code, out, err), or None when busy (the caller starts a plain subprocess)."""
        if not self.lock.acquire(blocking=False):
            return None
        try:
            process = self._start()
            with tempfile.TemporaryDirectory(prefix="cc-cli-") as folder:
                out, err = Path(folder, "out"), Path(folder, "err")
                out.touch()
                err.touch()
                request = {"args": args, "env": env, "cwd": os.getcwd(), "out": str(out),
                           "err": str(err)}
                process.stdin.write(json.dumps(request).encode() + b"\n")
                process.stdin.flush()
                pid = self._reply(process, 30)["pid"]
                try:
                    status = self._reply(process, timeout)["status"]
                except TimeoutError:
                    os.killpg(pid, signal.SIGKILL)
                    self._reply(process, 30)
                    raise subprocess.TimeoutExpired(["crisisconsole", *args], timeout) from None
                return (status, out.read_text(encoding="utf-8", errors="replace"),
                        err.read_text(encoding="utf-8", errors="replace"))
        finally:
            self.lock.release()

    def _reply(self, process: subprocess.Popen, timeout: float) -> dict:
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError
            ready, _w, _x = select.select([process.stdout], [], [], left)
            if ready:
                line = process.stdout.readline()
                if not line:
                    raise RuntimeError("the warm CLI process ended")
                return json.loads(line)


ZYGOTE = Zygote()


if __name__ == "__main__":
    sys.exit(serve())
