"""What the log services hand out: plain values with their JSON form (no model: values)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from crisisconsole.clock import format_utc, parse_stored
from crisisconsole.domain.log_rules import LATE_ENTRY_THRESHOLD, is_late

if TYPE_CHECKING:
    from crisisconsole.store.engine import Store


def late_threshold(store: Store | None = None) -> timedelta:
    """The late-entry threshold of the database, an audited setting fact
    (services.settings_facts); without a database, the default."""
    if store is None:
        return LATE_ENTRY_THRESHOLD
    from crisisconsole.services.foundation.settings_facts import LATE_ENTRY_MINUTES, current

    return timedelta(minutes=current(store, LATE_ENTRY_MINUTES))


def _iso(value: datetime | None) -> str | None:
    return format_utc(value) if value else None


@dataclass(frozen=True)
class LogEntry:
    """The current state of one entry (from log_current)."""

    id: str
    crisis_id: str
    occurred_at: datetime
    recorded_at: datetime
    source: str
    person: str | None
    discipline: str | None
    location: str | None
    lat: float | None
    lon: float | None
    text: str
    version: int
    reliability: str
    grade: str | None
    last_confirmed_at: datetime | None
    contradicted: bool
    corroborations: int
    withdrawn: bool
    author: str
    origin_kind: str
    rowid: int = 0

    def late(self, threshold: timedelta) -> bool:
        """Recorded more than ``threshold`` after it happened. The threshold is a setting fact
        of the database (``late_threshold(store)``), read by the caller: a value reads nothing."""
        return is_late(self.occurred_at, self.recorded_at, threshold)

    def as_json(self, late_after: timedelta) -> dict[str, Any]:
        """``late_after``: the late-entry threshold (read once by callers listing many)."""
        return {
            "id": self.id, "crisis_id": self.crisis_id,
            "occurred_at": _iso(self.occurred_at), "recorded_at": _iso(self.recorded_at),
            "source": self.source, "person": self.person, "discipline": self.discipline,
            "location": self.location, "lat": self.lat, "lon": self.lon, "text": self.text,
            "version": self.version, "reliability": self.reliability, "grade": self.grade,
            "last_confirmed_at": _iso(self.last_confirmed_at),
            "contradicted": self.contradicted, "corroborations": self.corroborations,
            "withdrawn": self.withdrawn, "author": self.author, "origin": self.origin_kind,
            "late": self.late(late_after),
        }


def entry_from_row(row: Any) -> LogEntry:
    return LogEntry(
        row.entry_id, row.crisis_id, row.occurred_at, row.recorded_at, row.source, row.person,
        row.discipline, row.location, row.lat, row.lon, row.text, row.version, row.reliability,
        row.grade, row.last_confirmed_at, bool(row.contradicted), row.corroborations,
        bool(row.withdrawn), row.author, row.origin_kind, row.rowid,
    )


_CURRENT_COLUMNS = ("entry_id", "crisis_id", "occurred_at", "recorded_at", "source", "person",
                    "discipline", "location", "lat", "lon", "text", "version", "reliability",
                    "grade", "last_confirmed_at", "contradicted", "corroborations", "withdrawn",
                    "author", "origin_kind", "rowid")
CURRENT_BY_ID_SQL = (f"SELECT {', '.join(_CURRENT_COLUMNS)} FROM log_current "
                     "WHERE entry_id = ?")


def _time(value: str | None) -> datetime | None:
    return None if value is None else parse_stored(value)


def entry_from_raw(values: tuple) -> LogEntry:
    """A LogEntry from a driver row of CURRENT_BY_ID_SQL (the write path reads it back this way
    inside its own transaction, without SQLAlchemy's result machinery)."""
    row = dict(zip(_CURRENT_COLUMNS, values, strict=True))
    for name in ("occurred_at", "recorded_at", "last_confirmed_at"):
        row[name] = _time(row[name])
    return LogEntry(
        row["entry_id"], row["crisis_id"], row["occurred_at"], row["recorded_at"], row["source"],
        row["person"], row["discipline"], row["location"], row["lat"], row["lon"], row["text"],
        row["version"], row["reliability"], row["grade"], row["last_confirmed_at"],
        bool(row["contradicted"]), row["corroborations"], bool(row["withdrawn"]), row["author"],
        row["origin_kind"], row["rowid"],
    )
