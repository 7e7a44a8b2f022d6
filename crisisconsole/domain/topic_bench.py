"""Figures for the topic core, without a database: synthetic entries about a known number of
subjects, grouped from scratch and one at a time. ``bench picture`` (to be wired by the
services) measures the same against a raw SQL scan; this measures the pure part alone.

The synthetic log: each subject has a discipline, a place and a few report templates that
name the place; a fifth of the reports give no location (they must join by text), 1 % are
linked to an earlier report of their subject, and reports of one subject fall within a few
hours of each other.
"""

from __future__ import annotations

import random
import statistics
import time
from datetime import UTC, datetime, timedelta
from typing import Any

from crisisconsole.domain.topic_book import TopicBook
from crisisconsole.domain.topic_input import TopicEntry, TopicLink
from crisisconsole.domain.topic_picture import picture_sections
from crisisconsole.domain.topic_view import topic_view, topic_views

START = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)
DISCIPLINES = ("politie", "brandweer", "ghor", "bevolkingszorg", "communicatie", "gemeente",
               "om", None)
HEADS = ("Berken", "Eiken", "Linden", "Molen", "Kerk", "Haven", "Dijk", "Markt", "Sluis",
         "Beuken", "Wilgen", "Esdoorn", "Brug", "Veld", "Akker", "Zand", "Water", "Rozen",
         "Tulpen", "Kastanje", "Populier", "Hazel", "Koren", "Vlas", "Hop", "Klaver", "Heide",
         "Duin", "Bos", "Meer", "Vijver", "Schans", "Wal", "Poort", "Toren", "Slot", "Hof",
         "Stations", "School", "Kloos", "Munt", "Vissers", "Bakkers", "Smids", "Wevers")
TAILS = ("straat", "laan", "weg", "plein", "kade", "singel", "gracht", "dreef", "hof", "park",
         "steeg", "pad", "wal", "dijk", "baan", "ring", "plantsoen", "erf", "markt", "veld",
         "hoek", "kamp", "oord", "berg", "dal", "horst", "donk", "rode", "werf", "haven",
         "polder", "weide", "akker", "bosch", "heuvel", "zoom", "brink", "burcht", "sloot",
         "beek", "water", "pier", "poort", "tuin", "gaarde")
TEMPLATES = (
    "Cameratoezicht {p}: groep van ca. {n} personen",
    "Surveillance {p}: {n} personen, situatie gespannen",
    "Brand {p}, {n} voertuigen ter plaatse",
    "Stremming {p}, file van {n} km",
    "Ambulance ingezet {p}, {n} patiënten",
    "Informatienummer: {n} vragen van bewoners over {p}",
)


def synthetic(entries: int = 100_000, subjects: int = 2_000, seed: int = 13
              ) -> tuple[list[TopicEntry], list[TopicLink]]:
    rng = random.Random(seed)
    places = [h + t for h in HEADS for t in TAILS]
    rng.shuffle(places)
    subject_of = []
    for i in range(subjects):
        subject_of.append((DISCIPLINES[i % len(DISCIPLINES)], places[i % len(places)],
                           TEMPLATES[i % len(TEMPLATES)],
                           START + timedelta(minutes=rng.uniform(0, 24 * 60))))
    out: list[TopicEntry] = []
    links: list[TopicLink] = []
    last: dict[int, str] = {}
    for i in range(entries):
        s = rng.randrange(subjects)
        discipline, place, template, start = subject_of[s]
        occurred = start + timedelta(minutes=rng.uniform(0, 240))
        recorded = occurred + timedelta(seconds=rng.uniform(30, 600))
        entry_id = f"{int(recorded.timestamp() * 1000):012x}-{i:08d}"
        out.append(TopicEntry(
            entry_id, "bench", discipline, rng.choice(("politie", "burger", "media", "112")),
            template.format(p=place, n=rng.randint(2, 90)), occurred, recorded,
            rng.choice(("hearsay", "hearsay", "confirmed")),
            location=place if rng.random() < 0.8 else None))
        if s in last and rng.random() < 0.01:
            links.append(TopicLink(entry_id, last[s], "corroborates"))
        last[s] = entry_id
    return out, links


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def measure(entries: int = 100_000, subjects: int = 2_000, adds: int = 200) -> dict[str, Any]:
    """Grouping from scratch, every view, the picture (grouping + its sections: build_ms), and
    one-entry adds with the view of the topic they joined."""
    data, links = synthetic(entries, subjects)
    data.sort(key=lambda e: (e.recorded_at, e.id))
    base, extra = data[:-adds] if adds else data, data[-adds:] if adds else []
    base_ids = {e.id for e in base}
    started = time.perf_counter()
    book = TopicBook(base, [k for k in links if k.from_id in base_ids and k.to_id in base_ids])
    group_s = time.perf_counter() - started
    started = time.perf_counter()
    topic_views(book)  # every topic's view: `topic list --all`
    views_s = time.perf_counter() - started
    started = time.perf_counter()
    picture_sections(book)  # the picture: views of the shown topics only
    picture_s = time.perf_counter() - started
    add_times, view_times = [], []
    for entry in extra:
        own = [k for k in links if k.from_id == entry.id]
        t0 = time.perf_counter()
        topic_id = book.add_entry(entry, own)
        t1 = time.perf_counter()
        topic_view(book, topic_id)
        t2 = time.perf_counter()
        add_times.append(t1 - t0)
        view_times.append(t2 - t1)
    return {
        "entries": entries, "subjects": subjects, "topics": len(book.topics()),
        "group_ms": _ms(group_s), "all_views_ms": _ms(views_s), "picture_ms": _ms(picture_s),
        "build_ms": _ms(group_s + picture_s),
        "add_ms_median": _ms(statistics.median(add_times)) if add_times else None,
        "add_ms_max": _ms(max(add_times)) if add_times else None,
        "add_view_ms_median": _ms(statistics.median(view_times)) if view_times else None,
        "regrouped": book.regrouped,
    }


if __name__ == "__main__":  # pragma: no cover - a figure for the lead, not a test
    import json
    import sys

    size = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    print(json.dumps(measure(size, max(1, size // 50)), indent=2))
