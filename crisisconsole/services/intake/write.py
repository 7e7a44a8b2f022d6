"""Writing many log facts of one imported file in ONE transaction, exactly as the log services
would write them one by one (same columns, same audit records), but fast enough for a feed.

``log_entries.add_entry`` opens a transaction per entry; an imported file must land whole or not
at all, so the importers validate every row first (with the same domain rules), make the rows
here and insert them all with ``tx.insert_many`` inside one ``store.write()``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from crisisconsole.domain.log_rules import ValidEntry
from crisisconsole.ids import new_id

# What json.dumps(..., sort_keys=True, default=str) would make; without the cycle check (these
# are plain values built here, and the check costs a tenth of the encoding).
_EXTRA_JSON = json.JSONEncoder(sort_keys=True, default=str, check_circular=False)


def entry_row(
    valid: ValidEntry,
    *,
    crisis_id: str,
    author: str,
    recorded_at: datetime,
    origin_kind: str,
    external_key: str | None,
    extra: Mapping[str, Any] | None,
    person: str | None = None,
    location: str | None = None,
    lat: float | None = None,
    lon: float | None = None,
) -> dict[str, Any]:
    """A ``log_entry`` row with the columns ``add_entry`` writes."""
    return {
        "id": new_id(), "crisis_id": crisis_id, "occurred_at": valid.occurred_at,
        "recorded_at": recorded_at, "author": author, "source": valid.source,
        "person": _clean(person), "discipline": valid.discipline, "location": _clean(location),
        "lat": lat, "lon": lon, "text": valid.text, "reliability": valid.reliability.value,
        "grade": valid.grade, "confirmed_by": valid.confirmed_by,
        "corroborating_entry_id": valid.corroborating_entry_id,
        "origin_kind": origin_kind, "external_key": external_key,
        "extra_json": _EXTRA_JSON.encode(dict(extra)) if extra else None,
    }


def _clean(value: str | None) -> str | None:
    return value.strip() or None if value else None
