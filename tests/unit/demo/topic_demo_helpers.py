"""Reading a database's log as topic input, for the demo tests: the service's adapter
(services/picture/topic_source.py), which the topic book of the app uses too."""

from __future__ import annotations

from crisisconsole.domain.topic_input import TopicEntry, TopicLink
from crisisconsole.services.picture.topic_source import read_entries, read_links


def read_topic_input(store, crisis_id: str) -> tuple[list[TopicEntry], list[TopicLink]]:
    """The crisis's entries (current state) and the links between them."""
    with store.read() as conn:
        entries = read_entries(conn, crisis_id)
        links = read_links(conn, {e.id for e in entries})
    return entries, links
