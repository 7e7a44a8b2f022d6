from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from crisisconsole.domain.card_retention import (
    DEFAULT_RETENTION,
    RetentionInvalid,
    canonical_content,
    default_deletion_date,
    default_review_date,
    due_for_purge,
    due_for_review,
    next_review_date,
    retention_from_days,
    tombstone_hash,
)
from crisisconsole.domain.cards import FactChannel

CLOSED = datetime(2026, 12, 1, 18, 0, tzinfo=UTC)
CREATED = datetime(2026, 11, 29, 9, 0, tzinfo=UTC)


def test_deletion_date_is_closing_plus_28_days_by_default():
    assert DEFAULT_RETENTION == timedelta(days=28)
    assert default_deletion_date(CLOSED) == datetime(2026, 12, 29, 18, 0, tzinfo=UTC)
    assert default_deletion_date(CLOSED, timedelta(days=7)) == CLOSED + timedelta(days=7)
    assert default_deletion_date(None) is None  # crisis still running
    local = CLOSED.astimezone(ZoneInfo("Europe/Amsterdam"))
    assert default_deletion_date(local).tzinfo is UTC
    with pytest.raises(RetentionInvalid):
        default_deletion_date(CLOSED, timedelta(days=-1))


def test_review_date_is_an_interval_after_creation_or_at_closing_if_sooner():
    assert default_review_date(CREATED) == CREATED + timedelta(days=7)
    assert default_review_date(CREATED, CLOSED) == CLOSED
    late_close = CREATED + timedelta(days=30)
    assert default_review_date(CREATED, late_close) == CREATED + timedelta(days=7)
    # A card made after closing (for the evaluation) is reviewed at once, not in the past.
    assert default_review_date(CLOSED + timedelta(days=1), CLOSED) == CLOSED + timedelta(days=1)
    assert next_review_date(CREATED, timedelta(days=2)) == CREATED + timedelta(days=2)
    with pytest.raises(RetentionInvalid):
        default_review_date(CREATED, interval=timedelta(0))


def test_due_for_purge_from_the_deletion_moment_on():
    deletion = default_deletion_date(CLOSED)
    assert not due_for_purge(deletion, deletion - timedelta(microseconds=1))
    assert due_for_purge(deletion, deletion)
    assert due_for_purge(deletion, deletion + timedelta(days=1))
    assert not due_for_purge(None, deletion + timedelta(days=365))
    assert due_for_review(CREATED, CREATED) and not due_for_review(None, CREATED)


def test_retention_setting_in_days():
    assert retention_from_days(0) == timedelta(0)
    assert retention_from_days(28) == DEFAULT_RETENTION
    for bad in (-1, True, 2.5):
        with pytest.raises(RetentionInvalid):
            retention_from_days(bad)


def test_tombstone_hash_is_sha256_of_canonical_json():
    content = {"name": "Jan de Vries", "received_at": CREATED, "no_onward_sharing": True}
    expected = (
        '{"name":"Jan de Vries","no_onward_sharing":1,'
        '"received_at":"2026-11-29T09:00:00.000000Z"}'
    )
    assert canonical_content(content) == expected
    assert tombstone_hash(content) == hashlib.sha256(expected.encode()).hexdigest()


def test_tombstone_hash_ignores_key_order_and_time_zone_but_not_content():
    local = CREATED.astimezone(ZoneInfo("Europe/Amsterdam"))
    one = {"a": 1, "at": CREATED, "facts": [{"s": "x", "channel": FactChannel.WPG16}]}
    two = {"facts": [{"channel": "wpg16", "s": "x"}], "at": local, "a": 1}
    assert tombstone_hash(one) == tombstone_hash(two)
    assert tombstone_hash(one) != tombstone_hash({**one, "a": 2})
    assert len(tombstone_hash(one)) == 64


def test_tombstone_hash_handles_plain_values_and_refuses_the_rest():
    content = {"d": date(2026, 12, 1), "b": b"\x01\xff", "t": (1, 2), "s": {"b", "a"}, "n": None,
               "e": "é"}
    assert canonical_content(content) == (
        '{"b":"01ff","d":"2026-12-01","e":"é","n":null,"s":["a","b"],"t":[1,2]}'
    )
    with pytest.raises(ValueError):
        tombstone_hash({"x": float("nan")})
    with pytest.raises(ValueError):
        tombstone_hash({"at": datetime(2026, 1, 1)})  # naive time: ambiguous
    with pytest.raises(TypeError):
        tombstone_hash({"x": object()})
