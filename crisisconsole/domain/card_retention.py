"""Storage limitation for person cards: when to review, when to delete, and what the tombstone
proves (DOMAIN.md §3, GDPR storage limitation).

The purge removes content but must stay accountable, so the tombstone keeps the SHA-256 of what
was removed: anyone holding an old export can show it matched, nobody can read it back.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Mapping
from datetime import date, datetime, timedelta
from enum import Enum
from typing import Any

from crisisconsole.clock import as_utc, format_utc
from crisisconsole.errors import ValidationError
from crisisconsole.i18n import tr

# Configurable; these are the values a fresh installation starts with.
DEFAULT_RETENTION = timedelta(days=28)
DEFAULT_REVIEW_INTERVAL = timedelta(days=7)


def default_purge_reason() -> str:
    return tr("bewaartermijn verstreken", "retention period ended")


class RetentionInvalid(ValidationError, ValueError):
    pass


def retention_from_days(days: int) -> timedelta:
    """The setting is typed in whole days; zero means delete when the crisis closes."""
    if isinstance(days, bool) or not isinstance(days, int) or days < 0:
        raise RetentionInvalid(
            tr("Bewaartermijn moet een geheel aantal dagen zijn, 0 of meer", "Retention must be a whole number of days, 0 or more")
        )
    return timedelta(days=days)


def default_deletion_date(
    crisis_closed_at: datetime | None, retention: timedelta = DEFAULT_RETENTION
) -> datetime | None:
    """Closed plus the retention period; None while the crisis runs (the purpose still holds)."""
    if retention < timedelta(0):
        raise RetentionInvalid(tr("Bewaartermijn kan niet negatief zijn", "Retention cannot be negative"))
    if crisis_closed_at is None:
        return None
    return as_utc(crisis_closed_at) + retention


def default_review_date(
    created_at: datetime,
    crisis_closed_at: datetime | None = None,
    interval: timedelta = DEFAULT_REVIEW_INTERVAL,
) -> datetime:
    """A card is reviewed an interval after it was made, or when the crisis closes if sooner:
    closing is the moment to ask whether the purpose still needs it."""
    if interval <= timedelta(0):
        raise RetentionInvalid(tr("Herzieningstermijn moet positief zijn", "Review interval must be positive"))
    review = as_utc(created_at) + interval
    if crisis_closed_at is not None:
        review = min(review, max(as_utc(crisis_closed_at), as_utc(created_at)))
    return review


def next_review_date(reviewed_at: datetime, interval: timedelta = DEFAULT_REVIEW_INTERVAL) -> datetime:
    if interval <= timedelta(0):
        raise RetentionInvalid(tr("Herzieningstermijn moet positief zijn", "Review interval must be positive"))
    return as_utc(reviewed_at) + interval


def due_for_purge(card_deletion_date: datetime | None, now: datetime) -> bool:
    """Due from the deletion moment on; a card without a deletion date is not due."""
    return card_deletion_date is not None and as_utc(now) >= as_utc(card_deletion_date)


def due_for_review(card_review_date: datetime | None, now: datetime) -> bool:
    return card_review_date is not None and as_utc(now) >= as_utc(card_review_date)


def _plain(value: Any) -> Any:
    """The same plain forms as the audit chain (bool as 0/1, UTC 'Z' times, bytes as hex), so a
    hash over a flat row matches the chain's content hash convention."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, datetime):
        return format_utc(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return _plain(value.value)
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).hex()
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(tr("geen eindig getal in de inhoud", "non-finite number in content"))
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, set | frozenset):
        return sorted((_plain(v) for v in value), key=lambda v: json.dumps(v, sort_keys=True))
    if value is None or isinstance(value, str | int | float):
        return value
    raise TypeError(f"kan {type(value).__name__} niet vastleggen in een tombstone-hash")


def canonical_content(content: Mapping[str, Any]) -> str:
    """Canonical JSON: sorted keys, no blanks, UTF-8 text, ISO UTC times."""
    return json.dumps(
        _plain(content), sort_keys=True, separators=(",", ":"), ensure_ascii=False,
        allow_nan=False,
    )


def tombstone_hash(content: Mapping[str, Any]) -> str:
    """SHA-256 (hex) of the canonical JSON of what the purge removed."""
    return hashlib.sha256(canonical_content(content).encode("utf-8")).hexdigest()
