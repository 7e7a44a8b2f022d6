"""Importing many files of plain CAP alerts: the next file is parsed while the last is written.

SQLite does the heavy part of a file's transaction (triggers, the search index, encryption and
the durable commit) without holding Python's GIL, so on a second core it can overlap the
parsing of the next file. That only pays if the writer thread does almost no Python: here the
importing thread does everything that can be decided before the transaction (the duplicate
check against the log and the files on their way there, the rows, their content hashes and
even their audit records, continuing the chain from its known head), and the writer thread
only runs the inserts and the commit (``WriteTx.apply_planned``).

Inside each transaction the writer checks that the chain's head is still the one planned from.
If anyone else wrote meanwhile (the aide adding a line during a big import), that file and the
ones queued after it are written the ordinary way instead (``ordinary``), in file order, and so
is every file after that: the report and the log come out exactly as without the pipeline.

Two process-wide settings change while a pipeline runs (``_bulk_mode``; restored afterwards):

- The writer needs the GIL back after every call into SQLite; with CPython's default switch
  interval (5 ms) it would wait that long for the parsing thread each time, so the interval is
  shortened (``SWITCH_INTERVAL_S``).
- An import makes and drops many short-lived objects, which sets off full collections of the
  garbage collector, each walking every long-lived object of the app (some 20 ms each, a tenth
  of the import in all). Those objects are frozen (``gc.freeze``) for the import, so the
  collector only looks at what the import itself made.
"""

from __future__ import annotations

import gc
import sys
import threading
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from types import TracebackType

from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.services.foundation.crises import Crisis
from crisisconsole.services.intake.cap_apply import (
    Outcome,
    PreparedAlert,
    duplicate_note,
    entry_rows,
    outcome_item,
)
from crisisconsole.services.intake.values import ImportItem
from crisisconsole.store.audit_chain import write_head_of
from crisisconsole.store.lookups import ValueLookup
from crisisconsole.store.planned_write import AuditPlanner, PlannedWrite, PlanStale

AHEAD = 4  # files planned and waiting for the writer, at most
SWITCH_INTERVAL_S = 1e-5

Ordinary = Callable[[str, Sequence[PreparedAlert]], ImportItem]

_bulk_lock = threading.Lock()
_bulk_users = 0
_saved_interval = 0.0
_froze_all = False  # this import froze everything (no one had frozen before it)


@dataclass
class _Queued:
    index: int
    name: str
    alerts: Sequence[PreparedAlert]
    item: ImportItem
    done: Future[bool]


class CapPipeline:
    """``add`` each file's prepared plain alerts in file order; ``items`` holds the report
    lines by file index once the ``with`` block is left."""

    def __init__(self, ctx: ServiceContext, crisis: Crisis, ordinary: Ordinary) -> None:
        self.ctx = ctx
        self.crisis = crisis
        self.ordinary = ordinary
        self.items: dict[int, ImportItem] = {}
        self._queued: deque[_Queued] = deque()
        self._planned_keys: set[str] = set()
        self._stale = threading.Event()
        self._broken = threading.Event()
        self._executor: ThreadPoolExecutor | None = None
        self._planner: AuditPlanner | None = None
        self._known: ValueLookup | None = None

    def __enter__(self) -> CapPipeline:
        with self.ctx.store.read() as conn:
            head = write_head_of(conn)
        self._planner = AuditPlanner(head, self.ctx.actor.id, self.ctx.store.origin)
        self._known = self.ctx.store.value_lookup("log_entry", "external_key", "crisis_id")
        self._executor = ThreadPoolExecutor(1, thread_name_prefix="crisisconsole-import")
        _bulk_mode(True)
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        try:
            if kind is None:
                self._drain()
        finally:
            try:
                if self._executor is not None:
                    self._executor.shutdown(wait=True, cancel_futures=True)
            finally:
                try:
                    if self._known is not None:
                        self._known.close()
                finally:
                    _bulk_mode(False)

    def add(self, index: int, name: str, alerts: Sequence[PreparedAlert]) -> None:
        if self._stale.is_set() or self._executor is None or self._planner is None:
            self._drain()
            self.items[index] = self.ordinary(name, alerts)
            return
        outcome, planned = self._plan(alerts)
        item = outcome_item(name, outcome, alerts)
        if planned is None:  # nothing to write: every alert is in the log already
            self.items[index] = item
            return
        done = self._executor.submit(self._apply, planned)
        self._queued.append(_Queued(index, name, alerts, item, done))
        while len(self._queued) > AHEAD:
            self._collect_oldest()

    # ------------------------------------------------------------------ importing thread
    def _plan(self, alerts: Sequence[PreparedAlert]) -> tuple[Outcome, PlannedWrite | None]:
        if self._planner is None or self._known is None:
            raise RuntimeError("CapPipeline plans only inside its with block")
        known = self._known(i.draft.external_key for a in alerts for i in a.infos)
        now = self.ctx.now()
        outcome, infos = Outcome(), []
        for alert in alerts:
            keys = [info.draft.external_key for info in alert.infos]
            note = duplicate_note(keys, known, self._planned_keys, self.crisis.id)
            if note:
                outcome.duplicates.append(note)
                continue
            infos.extend(alert.infos)
            self._planned_keys.update(keys)
        if not infos:
            return outcome, None
        # The rows of the whole file at once (the same rows, in the same order, as alert by alert)
        entries = entry_rows(infos, self.crisis.id, self.ctx.actor.id, now)
        outcome.added += len(entries)
        outcome.added_ids.extend(entries.ids)
        return outcome, self._planner.plan([(entries, "log.add")], now)

    def _collect_oldest(self) -> None:
        queued = self._queued.popleft()
        if queued.done.result():
            self.items[queued.index] = queued.item
        else:  # the chain moved: this file (and every later one) the ordinary way
            self.items[queued.index] = self.ordinary(queued.name, queued.alerts)

    def _drain(self) -> None:
        while self._queued:
            self._collect_oldest()

    # ------------------------------------------------------------------ writer thread
    def _apply(self, planned: PlannedWrite) -> bool:
        if self._stale.is_set() or self._broken.is_set():
            return False
        try:
            with self.ctx.store.write(self.ctx.actor.id) as tx:
                tx.apply_planned(planned)
        except PlanStale:
            self._stale.set()
            return False
        except BaseException:
            self._broken.set()  # nothing after a failed file is written; the caller gets the error
            raise
        return True


def _bulk_mode(on: bool) -> None:
    """Short GIL switch interval and a frozen heap while any pipeline runs (nested uses are
    counted; the last one out restores the interval and unfreezes)."""
    global _bulk_users, _saved_interval, _froze_all
    with _bulk_lock:
        if on:
            if _bulk_users == 0:
                _saved_interval = sys.getswitchinterval()
                sys.setswitchinterval(min(_saved_interval, SWITCH_INTERVAL_S))
                # The app freezes what lives as long as its window (ui/gc_policy.py): then the
                # import must not unfreeze it all at its end (the next full collection walked
                # the whole app again, inside the import's last frame)
                _froze_all = gc.get_freeze_count() == 0
                gc.freeze()
            _bulk_users += 1
        else:
            _bulk_users -= 1
            if _bulk_users == 0:
                if _froze_all:
                    gc.unfreeze()
                sys.setswitchinterval(_saved_interval)
