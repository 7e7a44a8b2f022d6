"""What one write transaction wrote, as its audit records say, and who hears of it.

Every write appends audit records, so the records of a transaction say all that changed: the
tables and ids written, the views and refusals recorded, and the sequence numbers they took.
``Tally`` counts them inside the transaction (store.engine's ``WriteTx``); once it commits the
store hands the ``Committed`` summary to its listeners (the change feed of the services). A
listener that must know which sequence numbers are this process's own before anyone can read
them (the app's poll of the audit chain) hears of them just before the commit, and again if the
commit fails.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from crisisconsole.store.audit_chain import WRITE


@dataclass(frozen=True)
class Committed:
    first_seq: int
    last_seq: int
    written: Mapping[str, tuple[str, ...]]  # table -> ids of the rows written ("write" records)
    accessed: bool  # access records too: views, exports, refusals
    actions: frozenset[str]
    crisis_ids: frozenset[str]  # the crises the rows belong to, as far as they say


class Tally:
    """The audit records of one transaction, counted as they are made."""

    __slots__ = ("_accessed", "_actions", "_crises", "_first", "_last", "_written")

    def __init__(self) -> None:
        self._first: int | None = None
        self._last = 0
        self._written: dict[str, list[str]] = {}
        self._accessed = False
        self._actions: set[str] = set()
        self._crises: set[str] = set()

    def record(self, seq: int, kind: str, result: str, action: str, object_type: str,
               object_id: str | None) -> None:
        if self._first is None:
            self._first = seq
        self._last = seq
        self._actions.add(action)
        if kind == WRITE and result == "ok":
            self._written.setdefault(object_type, []).append(object_id or "")
        else:
            self._accessed = True

    def concerns(self, crisis_ids: Iterable[str | None]) -> None:
        self._crises.update(c for c in crisis_ids if c)

    def received(self, table: str, ids: Iterable[str]) -> None:
        """Rows another device wrote (team sync): their records are in that device's chain,
        but the change reaches this one's feed like a local write."""
        self._written.setdefault(table, []).extend(ids)

    def committed(self) -> Committed | None:
        """None when the transaction wrote no audit record (nothing anyone else can see)."""
        if self._first is None:
            return None
        return Committed(self._first, self._last,
                         {table: tuple(ids) for table, ids in self._written.items()},
                         self._accessed, frozenset(self._actions), frozenset(self._crises))


Listener = Callable[[Committed], None]


class CommitHooks:
    """``maintain``: the records are written, the commit is next, and the listener may
    write derived rows on the write's own connection (``(connection, Committed)``);
    ``before``: then the commit is next; ``after``: it is durable; ``failed``: it was rolled
    back after ``maintain`` and ``before`` were told."""

    def __init__(self) -> None:
        self.maintain: list[Callable[[Any, Committed], None]] = []
        self.before: list[Listener] = []
        self.after: list[Listener] = []
        self.failed: list[Listener] = []

    @staticmethod
    def tell(listeners: list[Listener], done: Committed | None) -> None:
        if done is not None:
            for listener in list(listeners):
                listener(done)
