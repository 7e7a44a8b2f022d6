"""Ids are RFC 9562 UUIDv7 text, unique, and sort in the order they were made."""

from __future__ import annotations

import threading
import time
import uuid

from crisisconsole.ids import new_id


def test_ids_are_version_7_uuids_in_canonical_text() -> None:
    made = new_id()
    parsed = uuid.UUID(made)
    assert parsed.version == 7 and parsed.variant == uuid.RFC_4122 and str(parsed) == made
    ms = int(made.replace("-", "")[:12], 16)
    assert abs(ms - time.time_ns() // 1_000_000) < 600_000  # within ten minutes of now


def test_ids_sort_in_the_order_they_were_made_even_in_a_burst() -> None:
    ids = [new_id() for _ in range(20_000)]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)


def test_ids_from_several_threads_never_collide() -> None:
    found: list[list[str]] = []

    def make() -> None:
        found.append([new_id() for _ in range(2_000)])

    threads = [threading.Thread(target=make) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    everything = [i for part in found for i in part]
    assert len(set(everything)) == len(everything)
    assert all(part == sorted(part) for part in found)
