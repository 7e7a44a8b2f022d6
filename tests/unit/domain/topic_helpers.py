"""Small topic inputs shared by the topic tests: entries with time-ordered ids, facts."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

from crisisconsole.domain.topic_input import TopicEntry, TopicFact, TopicLink

T0 = datetime(2026, 11, 29, 18, 0, tzinfo=UTC)
_serial = itertools.count(1)


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def eid(n: int) -> str:
    """A UUIDv7-shaped id whose order follows n (as ids made one after the other)."""
    return f"019ac000-{n:04x}-7000-8000-000000000000"


def entry(n: int, text: str, discipline: str | None = "politie", *, location: str | None = None,
          minutes: float | None = None, source: str = "politie", reliability: str = "hearsay",
          crisis: str = "c1", **kw) -> TopicEntry:
    """Entry number n, happened at minute n (unless given), recorded a minute later."""
    occurred = at(n if minutes is None else minutes)
    recorded = kw.pop("recorded_at", at(n + 1))
    return TopicEntry(eid(n), crisis, discipline, source, text, occurred, recorded, reliability,
                      location, **kw)


def link(a: TopicEntry, b: TopicEntry, kind: str = "corroborates") -> TopicLink:
    return TopicLink(a.id, b.id, kind)


def fact(kind: str, topics: tuple[str, ...] | str, minutes: float, *, entries=(), text=None,
         crisis: str = "c1", fact_id: str | None = None) -> TopicFact:
    topic_ids = (topics,) if isinstance(topics, str) else tuple(topics)
    number = next(_serial)
    return TopicFact(fact_id or f"019ac000-ffff-7000-9000-{number:012x}", crisis, kind,
                     topic_ids, at(minutes), "aide", tuple(e if isinstance(e, str) else e.id
                                                           for e in entries), text)


# The demo's crowd series (crisisconsole/demo/scenario_log.py) and two classic subjects.
CROWD = [
    entry(1, "Cameratoezicht Parkeergarage Markt: groep van ca. 49 personen",
          location="Parkeergarage Markt"),
    entry(5, "Cameratoezicht Parkeergarage Markt: groep van ca. 34 personen",
          location="parkeergarage markt."),
    entry(9, "Cameratoezicht Parkeergarage Markt: groep van ca. 52 personen",
          location="Parkeergarage  Markt"),
]
FIRE = [
    entry(3, "Brand Industrieweg, 2 TS ter plaatse", "brandweer", location="Industrieweg 12",
          source="brandweer"),
    entry(7, "Grote brand Industrieweg, uitslaand", "brandweer", source="brandweer"),
    entry(11, "Brand Industrieweg onder controle", "brandweer", location="Industrieweg",
          source="brandweer", reliability="confirmed", last_confirmed_at=at(12)),
]
ROAD = [
    entry(8, "Stremming A12 richting Arnhem na ongeval", source="rijkswaterstaat"),
    entry(13, "Stremming A12 opgeheven, verkeer rijdt weer", source="politie"),
]
