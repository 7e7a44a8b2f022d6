"""Reading the store as topic input: moved to crisisconsole/store/topic_read.py, so the derived
topic tables (store/derived_topics.py) can be recomputed by `audit verify` and the migration
that made them, below the services. Kept here for the services' and tests' imports."""

from crisisconsole.store.topic_read import (
    ALL_SQL,
    crisis_of_topic,
    entry_ids_of,
    fact_from_row,
    read_entries,
    read_facts,
    read_links,
)

__all__ = ["ALL_SQL", "crisis_of_topic", "entry_ids_of", "fact_from_row", "read_entries",
           "read_facts", "read_links"]
