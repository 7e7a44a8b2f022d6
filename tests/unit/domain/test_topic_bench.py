"""The topic benchmark at toy size: it runs, and its synthetic subjects come out as topics
(one topic per subject: nothing glued together, nothing torn apart)."""

import pytest

from crisisconsole.domain.topic_bench import HEADS, TAILS, measure, synthetic
from crisisconsole.domain.topic_book import TopicBook


@pytest.mark.bench
def test_topic_bench_toy_size():
    data = measure(2_000, 40, adds=20)
    assert data["topics"] == 40 and data["regrouped"] == 0
    for key in ("group_ms", "all_views_ms", "picture_ms", "build_ms", "add_ms_median",
                "add_view_ms_median"):
        assert data[key] is not None and data[key] >= 0


def test_synthetic_subjects_are_recovered():
    entries, links = synthetic(3_000, 60, seed=5)
    book = TopicBook(entries, links)
    assert len(book.topics()) == 60
    places = {h + t for h in HEADS for t in TAILS}

    def subject(entry):
        words = entry.text.replace(",", " ").replace(":", " ").split()
        return entry.discipline, next(w for w in words if w in places)

    subject_of = {e.id: subject(e) for e in entries}
    for topic in book.topics():
        assert len({subject_of[i] for i in topic.entry_ids}) == 1
