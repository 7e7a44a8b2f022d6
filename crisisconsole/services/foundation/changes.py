"""The one change feed: what a write changed, as one typed ``Changes`` value per service call.

Every write reaches the feed from the store itself: a transaction's audit records say which
tables and rows it wrote (store.commits), and each table declares the aggregate it belongs to
(store.tables), which is the ``Kind`` of change. So a write in this process and a write seen in
the audit chain of another process (ui/session.py polls it) speak the same vocabulary, and each
carries the audit sequence numbers it covers, so nothing is announced twice.

A service call that writes more than once, or calls other services that write, is one act
(``@one_act``): its transactions reach the feed as one ``Changes``. Whoever starts the call may
say who initiated it (``initiated_by``), so the form that saved need not reload itself.
Services never call widgets; the UI subscribes to the feed through its session.
"""

from __future__ import annotations

import contextvars
import functools
import logging
import threading
import weakref
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, ParamSpec, TypeVar

from crisisconsole.i18n import tr
from crisisconsole.store.audit_chain import WRITE
from crisisconsole.store.commits import Committed
from crisisconsole.store.engine import Store
from crisisconsole.store.tables import aggregate_of

log = logging.getLogger("crisisconsole.changes")


class Kind(StrEnum):
    """The aggregates a change can touch (each table declares its own, store/tables)."""

    CRISIS = "crisis"
    PROFILES = "profiles"
    AUDIT = "audit"  # only access records: views, exports, refusals
    LOG = "log"
    SOURCES = "sources"
    CARDS = "cards"
    MEASURES = "measures"
    COUNCIL = "council"
    PICTURE = "picture"
    DECISIONS = "decisions"
    INTAKE = "intake"  # what intake keeps of its own (the CAP exports)
    PLACES = "places"  # the gazetteer of a municipality (kept across crises, issue 18)
    PARTNERS = "partners"  # the partner and escalation directory (issue 16)
    REQUESTS = "requests"  # information requests and what became of them (issue 16)
    ROSTER = "roster"  # who holds which function in the crisis team (issue 16)
    SETTINGS = "settings"  # the setting facts of the database
    TEAM = "team"  # team mode: the sync position, other devices' chains (issue 17)
    PREFERENCES = "preferences"  # the user's settings file (not in the database)


@dataclass(frozen=True)
class Changes:
    kinds: frozenset[Kind]
    ids: tuple[str, ...] = ()
    crisis_id: str | None = None  # None: not known to concern one crisis only
    origin: object | None = field(default=None, compare=False)  # who started it, here
    seqs: tuple[tuple[int, int], ...] = ()  # the audit sequence numbers covered, as ranges
    actions: frozenset[str] = frozenset()

    def touches(self, kinds: Iterable[Kind]) -> bool:
        return not self.kinds.isdisjoint(kinds)

    def concerns(self, crisis_id: str | None) -> bool:
        """Whether a page showing ``crisis_id`` should look again."""
        return self.crisis_id is None or self.crisis_id == crisis_id

    def merged(self, other: Changes) -> Changes:
        return merge_all((self, other))


def merge_all(many: Sequence[Changes]) -> Changes:
    """One ``Changes`` for all of ``many`` (at least one), in one pass: a page that waits
    through a long import gathers thousands, and merging them two at a time would copy the
    ids gathered so far at every arrival (issue 19)."""
    first = many[0]
    crisis_id, origin = first.crisis_id, first.origin
    for one in many[1:]:
        if one.crisis_id != crisis_id:
            crisis_id = None
        if one.origin is not origin:
            origin = None
    return Changes(frozenset().union(*(c.kinds for c in many)),
                   tuple(dict.fromkeys(i for c in many for i in c.ids)), crisis_id, origin,
                   tuple(r for c in many for r in c.seqs),
                   frozenset().union(*(c.actions for c in many)))


def kind_of_table(table_name: str) -> Kind:
    aggregate = aggregate_of(table_name)
    return Kind(aggregate) if aggregate else Kind.AUDIT


def of_commit(done: Committed, origin: object | None = None) -> Changes:
    """The change one committed transaction made (store.commits)."""
    kinds = {kind_of_table(table) for table in done.written}
    if done.accessed:
        kinds.add(Kind.AUDIT)
    crisis = next(iter(done.crisis_ids)) if len(done.crisis_ids) == 1 else None
    ids = tuple(i for written in done.written.values() for i in written)
    return Changes(frozenset(kinds), ids, crisis, origin, ((done.first_seq, done.last_seq),),
                   done.actions)


def of_records(records: Iterable[Any]) -> Changes | None:
    """The change audit records of another process made: rows with seq, kind, action,
    object_type, object_id and result (their crisis is not read: None)."""
    kinds: set[Kind] = set()
    ids: list[str] = []
    actions: set[str] = set()
    seqs: list[tuple[int, int]] = []
    for record in records:
        if seqs and seqs[-1][1] == record.seq - 1:
            seqs[-1] = (seqs[-1][0], record.seq)
        else:
            seqs.append((record.seq, record.seq))
        actions.add(record.action)
        if record.kind == WRITE and record.result == "ok":
            kinds.add(kind_of_table(record.object_type))
            ids.append(record.object_id or "")
        else:
            kinds.add(Kind.AUDIT)
    if not seqs:
        return None
    return Changes(frozenset(kinds), tuple(dict.fromkeys(ids)), None, None, tuple(seqs),
                   frozenset(actions))


class ChangeFeed:
    """The changes written through one store, to whoever subscribed (in the writing thread)."""

    def __init__(self) -> None:
        self._subscribers: list[Callable[[Changes], None]] = []
        self._lock = threading.Lock()

    def subscribe(self, callback: Callable[[Changes], None]) -> None:
        with self._lock:
            self._subscribers.append(callback)

    def unsubscribe(self, callback: Callable[[Changes], None]) -> None:
        with self._lock:
            if callback in self._subscribers:
                self._subscribers.remove(callback)

    def publish(self, changes: Changes) -> Changes:
        """To every subscriber now; inside an act on this feed, with the act's change."""
        act = _act.get()
        if act is not None and act.feed is self:
            act.merge(changes)
            return changes
        return self.deliver(changes)

    def deliver(self, changes: Changes) -> Changes:
        with self._lock:
            subscribers = list(self._subscribers)
        for callback in subscribers:
            try:
                callback(changes)
            except Exception:  # a listener's fault must not fail a write that is durable
                log.exception(tr("een luisteraar van de wijzigingen faalde", "change listener failed"))
        return changes

    def committed(self, done: Committed) -> None:
        """The store's hook: one transaction is durable."""
        act = _act.get()
        if act is not None and act.feed is self:
            act.add(done)
        else:
            self.deliver(of_commit(done, _origin.get()))


_feeds: weakref.WeakKeyDictionary[Store, ChangeFeed] = weakref.WeakKeyDictionary()
_feeds_lock = threading.Lock()


def feed_of(store: Store) -> ChangeFeed:
    """The feed of everything written through ``store`` (one per store, made when first asked)."""
    with _feeds_lock:
        feed = _feeds.get(store)
        if feed is None:
            feed = _feeds[store] = ChangeFeed()
            store.commits.after.append(feed.committed)
        return feed


# -- one act, and who started it -------------------------------------------------------------

class _Act:
    def __init__(self, feed: ChangeFeed, origin: object | None) -> None:
        self.feed = feed
        self.origin = origin
        self.changes: Changes | None = None

    def add(self, done: Committed) -> None:
        self.merge(of_commit(done, self.origin))

    def merge(self, one: Changes) -> None:
        self.changes = one if self.changes is None else self.changes.merged(one)


_act: contextvars.ContextVar[_Act | None] = contextvars.ContextVar("crisisconsole_act",
                                                                   default=None)
_origin: contextvars.ContextVar[object | None] = contextvars.ContextVar("crisisconsole_origin",
                                                                        default=None)


def current_origin() -> object | None:
    """Who started the act running in this thread (``initiated_by``), if anyone said."""
    return _origin.get()


@contextmanager
def initiated_by(origin: object | None) -> Iterator[None]:
    """The changes made inside carry ``origin`` (the page or form that started them)."""
    token = _origin.set(origin)
    try:
        yield
    finally:
        _origin.reset(token)


@contextmanager
def act_on(store: Store) -> Iterator[None]:
    """Everything written through ``store`` inside reaches its feed as one ``Changes``, at the
    end (also when the act fails after a write: that write happened). Nested acts join the
    outer one."""
    feed = feed_of(store)
    outer = _act.get()
    if outer is not None and outer.feed is feed:
        yield
        return
    act = _Act(feed, _origin.get())
    token = _act.set(act)
    try:
        yield
    finally:
        _act.reset(token)
        if act.changes is not None:
            feed.deliver(act.changes)


P = ParamSpec("P")
R = TypeVar("R")


def one_act(fn: Callable[P, R]) -> Callable[P, R]:
    """For a service call that writes more than once (or calls other writing services): its
    writes are one ``Changes``. The first argument is a ServiceContext or a Store."""
    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        first = args[0]
        store = first if isinstance(first, Store) else first.store  # type: ignore[attr-defined]
        with act_on(store):
            return fn(*args, **kwargs)

    return wrapper
