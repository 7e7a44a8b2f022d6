"""Writers take turns: the store's write lock goes in arrival order, and a write of another
process waits for an import instead of failing."""

from __future__ import annotations

import threading
import time

import pytest

from crisisconsole.store.write_turns import FairLock, WriteTurns


def _wait_for(condition, what: str, seconds: float = 10.0) -> None:
    end = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > end:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.001)


def test_fair_lock_serves_in_arrival_order_even_against_a_greedy_holder():
    lock = FairLock()
    order: list[str] = []
    lock.acquire()
    threads = []
    for name in ("b", "c", "d"):
        waiting = lock._next + 1
        thread = threading.Thread(target=lambda n=name: (lock.acquire(), order.append(n),
                                                         lock.release()))
        thread.start()
        threads.append(thread)
        _wait_for(lambda w=waiting: lock._next == w, f"{name} to queue")
    lock.release()
    lock.acquire()  # the greedy holder asks again at once: it queues behind b, c and d
    order.append("a")
    lock.release()
    for thread in threads:
        thread.join(5)
    assert order == ["b", "c", "d", "a"]


def test_fair_lock_is_reentrant_and_refuses_a_foreign_release():
    lock = FairLock()
    with lock, lock:
        pass
    lock.acquire()
    failure: list[BaseException] = []
    thread = threading.Thread(target=lambda: _catch(lock.release, failure))
    thread.start()
    thread.join(5)
    assert isinstance(failure[0], RuntimeError)
    lock.release()


def _catch(fn, into: list) -> None:  # noqa: ANN001
    try:
        fn()
    except BaseException as error:  # noqa: BLE001
        into.append(error)


def test_a_waiting_write_keeps_trying_while_another_process_imports(tmp_path):
    importer, writer = WriteTurns(tmp_path / "x.db"), WriteTurns(tmp_path / "x.db")
    attempts = []

    def begin() -> None:
        attempts.append(1)
        if len(attempts) < 4:
            raise OSError("database is locked")

    with importer.importing():
        writer.begin(begin, lambda error: "locked" in str(error))
        assert len(attempts) == 4
    attempts.clear()
    with pytest.raises(OSError):  # nobody imports: the ordinary refusal after the timeout
        writer.begin(begin, lambda error: "locked" in str(error))
    assert len(attempts) == 1
    assert not list((tmp_path / "x.db.writers").iterdir())  # every marker is cleaned up


def test_an_import_pauses_for_a_waiting_write(tmp_path):
    importer, writer = WriteTurns(tmp_path / "x.db"), WriteTurns(tmp_path / "x.db")
    released = threading.Event()
    paused: list[float] = []

    def begin() -> None:  # busy until the importer has paused for it
        if not released.is_set():
            raise OSError("database is locked")

    with importer.importing():
        thread = threading.Thread(target=writer.begin, args=(begin, lambda e: True))
        thread.start()
        _wait_for(lambda: any(p.name.startswith("wait-")
                              for p in (tmp_path / "x.db.writers").iterdir()), "a wait marker")
        started = time.monotonic()
        threading.Timer(0.2, released.set).start()
        importer.yield_to_waiters()
        paused.append(time.monotonic() - started)
        thread.join(5)
    assert 0.15 < paused[0] < 5
