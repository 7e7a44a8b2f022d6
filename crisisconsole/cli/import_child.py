"""An import or a log export the app started, run in a child process (``python -m
crisisconsole.cli.import_child``) so its parsing, planning, hashing and file writing never
compete with the window's thread for the GIL (issue 19). The app's side is ui/import_child.py.

The protocol, lines on the child's standard streams (nothing on the command line or in the
environment: the database key travels only through the pipe):

- in, first line: one JSON object: ``db`` (path), ``key`` and ``salt`` (hex), ``actor``
  (``id``, ``name``, ``role``), ``now`` (ISO time of a fixed clock, or null for the system
  clock), ``language`` and ``job`` (``kind`` ``cap``, ``table``, ``inbox`` or ``log_export``
  and its arguments; an export's filter travels pickled, base64, as ``filter``);
- in, later: ``cancel`` (stop between files; an end of input means the same: the app is gone);
- out: ``step DONE TOTAL`` per file (an export: per slice, at most ten a second), ``heard
  cancel`` once a cancel arrived, and last ``result B64`` (the pickled ``Intake``, or an
  export's number of entries) or ``error B64`` (the pickled error; a cancelled export's is a
  ``CancelledError``, and it wrote no file).

Every file is its own transaction, as in the app: a cancel keeps what was committed, a killed
child leaves no half-written file behind (SQLite rolls the open transaction back). The app hears
of the writes through its audit poll, like those of any other process.
"""

from __future__ import annotations

import base64
import json
import pickle
import sys
import threading
import time
from pathlib import Path
from typing import IO, Any

from crisisconsole.errors import CrisisConsoleError, ValidationError
from crisisconsole.i18n import set_language, tr
from crisisconsole.progress import Progress


class _Out:
    """The protocol's stream: whole lines, one writer at a time (the stdin thread acks)."""

    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream
        self._lock = threading.Lock()

    def line(self, text: str) -> None:
        with self._lock:
            self._stream.write(text + "\n")
            self._stream.flush()


class _ExportProgress(Progress):
    """An export's slices as ``step`` lines (at most ten a second: a slice is a few ms)."""

    def __init__(self, out: _Out) -> None:
        super().__init__()
        self._out = out
        self._said = 0.0

    def step(self, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self._said >= 0.1 or done >= total:
            self._said = now
            self._out.line(f"step {done} {total}")
        super().step(done, total)


def _progress_for(job: dict[str, Any], out: _Out) -> Any:
    from crisisconsole.services.intake.progress import ImportProgress

    if job.get("kind") == "log_export":
        return _ExportProgress(out)
    return ImportProgress(lambda done, total: out.line(f"step {done} {total}"))


def pickled(value: Any) -> str:
    """A value as one line of the protocol (and back: ``unpickled``), both ways."""
    return base64.b64encode(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)).decode()


def unpickled(text: str) -> Any:
    return pickle.loads(base64.b64decode(text))


def _listen(stream: IO[str], progress: Any, out: _Out) -> None:
    """The app's further lines: a cancel; the end of input (the app is gone) cancels too."""
    for line in stream:
        if line.strip() == "cancel":
            progress.cancel()
            out.line("heard cancel")
    progress.cancel()


def _context(hello: dict[str, Any]) -> Any:
    from crisisconsole.clock import FakeClock, SystemClock, parse_iso
    from crisisconsole.domain.roles import ProfileRole
    from crisisconsole.services.foundation.context import Actor, ServiceContext
    from crisisconsole.store.engine import Store
    from crisisconsole.store.keys import DatabaseKey

    key = DatabaseKey(bytes.fromhex(hello["key"]), bytes.fromhex(hello["salt"]))
    clock = FakeClock(parse_iso(hello["now"])) if hello.get("now") else SystemClock()
    store = Store(Path(hello["db"]), key, clock)
    actor = hello["actor"]
    return ServiceContext(store, Actor(actor["id"], actor["name"], ProfileRole(actor["role"])))


def _run_job(ctx: Any, job: dict[str, Any], progress: Any) -> Any:
    from crisisconsole.services.intake.acts import take_in_cap, take_in_inbox, take_in_table

    kind = job.get("kind")
    if kind == "log_export":
        from crisisconsole.services.log.export_file import export_log_file

        log_filter = unpickled(job["filter"])
        return export_log_file(ctx, job["crisis"], log_filter, Path(job["path"]),
                               job["format"], progress)
    if kind == "cap":
        return take_in_cap(ctx, job["crisis"], [Path(p) for p in job["paths"]],
                           progress=progress)
    if kind == "table":
        return take_in_table(ctx, job["crisis"], Path(job["path"]), job["mapping"],
                             job["on_error"], job.get("default_source"), sheet=job.get("sheet"),
                             header_row=job.get("header_row"), progress=progress)
    if kind == "inbox":
        return take_in_inbox(ctx, Path(job["folder"]), job["crisis"],
                             settle_seconds=float(job["settle_seconds"]))
    raise ValidationError(tr(f"onbekende importopdracht: {kind!r}",
                             f"unknown import job: {kind!r}"))


def _portable(error: BaseException) -> BaseException:
    """The error as the app can show it: ours as it is, anything else as its message."""
    if isinstance(error, CrisisConsoleError):
        try:
            pickle.loads(pickle.dumps(error))
            return error
        except Exception:  # noqa: BLE001 - an error that does not travel: its text does
            return CrisisConsoleError(str(error))
    return CrisisConsoleError(tr(f"het importproces faalde: {type(error).__name__}: {error}",
                                 f"the import process failed: {type(error).__name__}: {error}"))


def main() -> int:
    out = _Out(sys.stdout)
    sys.stdout = sys.stderr  # a stray print must not break the protocol
    ctx = None
    try:
        hello = json.loads(sys.stdin.readline())
        set_language(hello.get("language"))
        progress = _progress_for(hello["job"], out)
        threading.Thread(target=_listen, args=(sys.stdin, progress, out), daemon=True,
                         name="crisisconsole-import-cancel").start()
        ctx = _context(hello)
        result = _run_job(ctx, hello["job"], progress)
    except BaseException as error:  # noqa: BLE001 - every failure goes back to the app
        out.line("error " + pickled(_portable(error)))
        return 1
    finally:
        if ctx is not None:
            ctx.store.close()
    out.line("result " + pickled(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
