"""The app's side of an import or a log export run in a child process
(crisisconsole/cli/import_child.py).

A CAP folder, a spreadsheet or an inbox pass is parsed, planned, hashed and written by a child
that opens the same database, so none of that holds the window's GIL (issue 19: an import in
a thread stalled the loop up to 1.2 s; one in another process stays under 100 ms). The child
gets the database key and the acting profile through its stdin pipe, never on its command line
or in its environment; its progress lines come back on stdout and reach the page's progress
bar, "Afbreken" sends it ``cancel``. Its writes reach the window through the audit poll, like
those of the CLI.

``run`` blocks (the session's import lane calls it); ``cancel`` may be called from any thread.
Where no child can be started (a frozen build has no ``python -m``), ``possible`` is False and
the page imports on the lane's thread as before.
"""

from __future__ import annotations

import base64
import contextlib
import json
import pickle
import subprocess
import sys
import tempfile
import threading
from typing import Any

from crisisconsole.clock import FakeClock
from crisisconsole.errors import CrisisConsoleError
from crisisconsole.i18n import language, tr
from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.services.intake.progress import ImportProgress

MODULE = "crisisconsole.cli.import_child"


def pickled(value: Any) -> str:
    """A value for a job's field or from an answer's line (the child's side does the same:
    ``crisisconsole.cli.import_child.pickled``); both processes are ours."""
    return base64.b64encode(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)).decode()


def unpickled(text: str) -> Any:  # noqa: ANN401 - whatever the child sent
    return pickle.loads(base64.b64decode(text))


def possible() -> bool:
    """A child can run this package's code: a plain interpreter, not a frozen build."""
    return bool(sys.executable) and not getattr(sys, "frozen", False)


class ChildFailed(CrisisConsoleError):
    """The child ended without an answer (killed, crashed)."""


class ChildImport:
    def __init__(self, ctx: ServiceContext, job: dict[str, Any],
                 progress: ImportProgress | None = None) -> None:
        self.ctx = ctx
        self.job = job
        self.progress = progress
        self.process: subprocess.Popen[str] | None = None
        self.started = threading.Event()  # the child runs (``process`` is set)
        self.cancel_heard = threading.Event()  # the child answered a cancel
        self._lock = threading.Lock()
        self._cancelled = False
        if progress is not None:
            progress.when_cancelled(self.cancel)

    def _hello(self) -> str:
        store, actor = self.ctx.store, self.ctx.actor
        clock = store.clock
        return json.dumps({
            "db": str(store.path), "key": store.key.key.hex(), "salt": store.key.salt.hex(),
            "actor": {"id": actor.id, "name": actor.name, "role": str(actor.role)},
            "now": clock.now().isoformat() if isinstance(clock, FakeClock) else None,
            "language": language(), "job": self.job,
        })

    def cancel(self) -> None:
        with self._lock:
            self._cancelled = True
            self._send("cancel")

    def _send(self, line: str) -> None:
        process = self.process
        if process is None or process.stdin is None or process.poll() is not None:
            return
        try:
            process.stdin.write(line + "\n")
            process.stdin.flush()
        except (OSError, ValueError):  # the child is gone: its end is reported by run
            pass

    def run(self) -> Any:
        with tempfile.TemporaryFile("w+", encoding="utf-8", errors="replace") as err:
            process = subprocess.Popen(
                [sys.executable, "-m", MODULE], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                stderr=err, text=True, encoding="utf-8", bufsize=1)
            try:
                with self._lock:
                    self.process = process
                    process.stdin.write(self._hello() + "\n")
                    process.stdin.flush()
                    if self._cancelled:
                        self._send("cancel")
                self.started.set()
                answer = self._pump(process)
            finally:
                self._end(process)
            if answer is None:
                err.seek(0)
                raise ChildFailed(_failure(self.job.get("kind"), process.returncode,
                                          err.read()))
        kind, value = answer
        if kind == "error":
            raise value
        return value

    def _pump(self, process: subprocess.Popen[str]) -> tuple[str, Any] | None:
        for line in process.stdout:
            word, _, rest = line.rstrip("\n").partition(" ")
            if word == "step" and self.progress is not None:
                done, total = (int(n) for n in rest.split())
                self.progress.step(done, total)
            elif word == "heard":
                self.cancel_heard.set()
            elif word in ("result", "error"):
                try:
                    return word, unpickled(rest)
                except Exception:  # noqa: BLE001 - a torn answer is a failed child
                    return None
        return None

    def _end(self, process: subprocess.Popen[str]) -> None:
        for stream in (process.stdin, process.stdout):
            # A pipe of a child that is gone may fail to flush on close: its end (the exit
            # code, stderr) is what run reports.
            with contextlib.suppress(OSError):
                stream.close()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _failure(kind: str | None, code: int | None, stderr: str) -> str:
    tail = (stderr.strip().splitlines()[-1:] or [""])[0]
    if kind == "log_export":
        return tr(f"het exportproces stopte onverwacht (code {code}); er is geen bestand "
                  f"geschreven. {tail}".strip(),
                  f"the export process stopped unexpectedly (code {code}); no file was "
                  f"written. {tail}".strip())
    return tr(
        f"het importproces stopte onverwacht (code {code}); wat al was ingelezen blijft "
        f"bewaard, de rest niet. {tail}".strip(),
        f"the import process stopped unexpectedly (code {code}); what was read in stays "
        f"stored, the rest was not. {tail}".strip())
