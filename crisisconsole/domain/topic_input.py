"""What topics are built from (issue 13, item 1): plain values, no I/O.

A ``TopicEntry`` is one log entry as the grouping sees it, taken from ``log_current`` (the
current text and location already include every correction: a correction is a new version of
the same entry in ``log_version``, never a new entry, so "corrections stay together" holds by
construction). A ``TopicLink`` is a ``log_link`` row. A ``TopicFact`` is one manual act of the
aide on the topics (rename, merge, split, move, pin, close, statement); facts are records like
every other fact in the app and are applied in order over the automatic grouping.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

# The kinds of manual fact, with the fields each one uses:
#   rename     topic_ids=(T,)                 text=new title ("" or None: back to automatic)
#   merge      topic_ids=(target, other, ...) the others join the target
#   split      topic_ids=(T,) entry_ids=E     E leave T and form a new topic (text: its title)
#   move       topic_ids=(target,) entry_ids=E  E move to the target (reopens a closed target)
#   pin/unpin  topic_ids=(T,)
#   close/reopen topic_ids=(T,)               close = "afgehandeld"
#   statement  topic_ids=(T,) text=sentence entry_ids=the entries it rests on ("": automatic)
FACT_KINDS: tuple[str, ...] = ("rename", "merge", "split", "move", "pin", "unpin", "close",
                               "reopen", "statement")
TOPIC_PREFIX = "t-"


@dataclass(frozen=True)
class TopicEntry:
    """One log entry (its current state). ``id`` is a UUIDv7, so ids sort in recorded order."""

    id: str
    crisis_id: str
    discipline: str | None
    source: str
    text: str
    occurred_at: datetime
    recorded_at: datetime
    reliability: str = "hearsay"  # hearsay | confirmed | refuted
    location: str | None = None
    lat: float | None = None
    lon: float | None = None
    grade: str | None = None
    last_confirmed_at: datetime | None = None
    contradicted: bool = False
    withdrawn: bool = False
    version: int = 1
    # When the entry last changed after it was recorded (latest correction or assessment);
    # None: not since. "Changed since" reads these; the services take them from log_version
    # and log_assessment (log_current has assessed_at).
    corrected_at: datetime | None = None
    assessed_at: datetime | None = None
    # The first confirming assessment; None: use last_confirmed_at (a re-confirmation then
    # hides an earlier one, so "newly confirmed" is only exact when this is given).
    first_confirmed_at: datetime | None = None
    # CAP chain: the entry's own alert ("sender,identifier,sent") and the alerts it refers to
    # (an Update or Cancel). Entries sharing any of these keys share a topic.
    cap_alert: str | None = None
    cap_references: tuple[str, ...] = ()

    @property
    def changed_at(self) -> datetime:
        """The last moment this entry told the picture something new."""
        times = [t for t in (self.corrected_at, self.assessed_at) if t is not None]
        return max([self.recorded_at, *times])


@dataclass(frozen=True)
class TopicLink:
    from_id: str
    to_id: str
    kind: str  # corroborates | contradicts | follows_up


@dataclass(frozen=True)
class TopicFact:
    """One manual act on the topics; see FACT_KINDS for what each kind uses."""

    id: str
    crisis_id: str
    kind: str
    topic_ids: tuple[str, ...]
    at: datetime
    actor: str
    entry_ids: tuple[str, ...] = ()
    text: str | None = None


def cap_chain(external_key: str | None, extra: Mapping[str, Any] | None
              ) -> tuple[str | None, tuple[str, ...]]:
    """(own alert key, referenced alert keys) of an entry imported from CAP.

    ``external_key`` is "sender,identifier,sent#info-index" (interchange/cap_to_entry.py);
    ``extra`` is the entry's decoded extra_json, whose "references" the CAP import writes for
    an Update or Cancel whose alerts were not in the log (intake_cap.py).
    """
    alert = None
    if external_key and "#" in external_key and external_key.count(",") >= 2:
        alert = external_key.rsplit("#", 1)[0]
    if extra and extra.get("alert_key"):
        alert = str(extra["alert_key"])
    refs = tuple(str(r) for r in (extra or {}).get("references") or () if r)
    return alert, refs


def topic_id_for(anchor: str) -> str:
    """A topic's id: its anchor (earliest entry, or the split fact that made it) prefixed."""
    return TOPIC_PREFIX + anchor


def anchor_of(topic_id: str) -> str:
    return topic_id[len(TOPIC_PREFIX):] if topic_id.startswith(TOPIC_PREFIX) else topic_id
